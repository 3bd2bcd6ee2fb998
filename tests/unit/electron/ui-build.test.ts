import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFresh } from '../../../electron/ui-build';
import { tempDir } from '../../helpers/test-db';

function file(root: string, rel: string, at: number): void {
  const path = join(root, rel);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, rel);
  utimesSync(path, at, at);
}

describe('npm run web and npm start rebuild only what is stale', () => {
  it('is fresh when every output is newer than every input, in any folder depth, and stale otherwise', () => {
    const root = tempDir();
    file(root, 'renderer/features/x/Page.tsx', 1000);
    file(root, 'shared/a.ts', 1000);
    mkdirSync(join(root, 'renderer/features/x'), { recursive: true });
    utimesSync(join(root, 'renderer/features/x'), 1000, 1000);
    utimesSync(join(root, 'renderer/features'), 1000, 1000);
    utimesSync(join(root, 'renderer'), 1000, 1000);
    utimesSync(join(root, 'shared'), 1000, 1000);
    const inputs = ['renderer', 'shared', 'vite.config.ts'];
    expect(isFresh(root, ['out/renderer/index.html'], inputs)).toBe(false); // never built
    file(root, 'out/renderer/index.html', 2000);
    expect(isFresh(root, ['out/renderer/index.html'], inputs)).toBe(true); // a missing input counts as old
    file(root, 'renderer/features/x/Page.tsx', 3000);
    expect(isFresh(root, ['out/renderer/index.html'], inputs)).toBe(false); // a page edited after the build
    file(root, 'out/renderer/index.html', 4000);
    file(root, 'out/main/main.js', 2500);
    expect(isFresh(root, ['out/renderer/index.html', 'out/main/main.js'], inputs)).toBe(false); // the oldest output decides
  });
});
