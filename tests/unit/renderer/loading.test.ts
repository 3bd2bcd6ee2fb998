/**
 * A spinner never stands alone: the window draws Mantine's Loader only through
 * renderer/components/Loading.tsx, which says what is loading. LedgerList.tsx draws its own, each
 * beside its words (正在查询…, 正在加载…).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(fileURLToPath(import.meta.url), '../../../..');
const ALLOWED = ['renderer/components/Loading.tsx', 'renderer/components/LedgerList.tsx'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('loading', () => {
  it('draws a spinner only with words saying what it is loading', () => {
    const drawing = sources(join(root, 'renderer'))
      .filter((f) => /<Loader\b/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f).replaceAll('\\', '/'));
    expect(drawing.filter((f) => !ALLOWED.includes(f))).toEqual([]);
    // The check sees a spinner where there is one.
    expect(drawing).toContain('renderer/components/Loading.tsx');
  });
});
