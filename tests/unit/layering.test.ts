/**
 * Each top-level folder is one runtime, and the lint configuration (biome.jsonc) says so: shared/
 * imports nothing outside itself but zod; renderer/ only renderer/ and shared/, no Node and no
 * Node-only package, and within it only a feature's queries.ts and mutations.ts (and renderer/api/)
 * call the host; db/ never electron/ or renderer/; only electron/main.ts, preload.ts, ipc.ts
 * and electron/platform/ import 'electron'. `npm run lint` holds the tree to it; this test proves
 * that each rule fires, by linting probe files laid out as the tree is, with the same configuration.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/test-db';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const biome = join(root, 'node_modules', '.bin', 'biome');
const ZONE_RULES = ['style/noRestrictedImports', 'correctness/noNodejsModules'];

interface Diagnostic {
  category: string;
  location: { path: string };
}

/** Lints `files` (path → text) as if they stood in the tree, with the tree's own biome.jsonc. */
function zoneDiagnostics(dir: string, files: Record<string, string>): Diagnostic[] {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  let out: string;
  try {
    out = execFileSync(
      biome,
      ['lint', '--vcs-enabled=false', '--reporter=json', ...ZONE_RULES.map((r) => `--only=${r}`), ...Object.keys(files)],
      {
        cwd: dir,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
  } catch (e) {
    // Biome exits 1 when it reports errors; the report is still on stdout.
    out = (e as { stdout: string }).stdout;
  }
  return (JSON.parse(out) as { diagnostics: Diagnostic[] }).diagnostics.filter((d) => d.category.startsWith('lint/'));
}

describe('layering', () => {
  let n = 0;
  let dir: string;
  beforeAll(() => {
    dir = tempDir('ledger-lint-');
  });
  /**
   * Each case in a folder of its own with a copy of the configuration (its zones are relative to
   * where it stands), so that one probe's diagnostics cannot be mistaken for another's.
   */
  const probe = (file: string, text: string) => {
    const caseDir = join(dir, `case${++n}`);
    mkdirSync(caseDir);
    copyFileSync(join(root, 'biome.jsonc'), join(caseDir, 'biome.jsonc'));
    return zoneDiagnostics(caseDir, { [file]: `${text}\nexport const probe = [${text.match(/import \{? ?(\w+)/)![1]}];\n` });
  };

  it('is respected by the whole tree', () => {
    const out = execFileSync(
      biome,
      ['lint', '--reporter=json', ...ZONE_RULES.map((r) => `--only=${r}`), 'shared', 'db', 'renderer', 'electron'],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    const report = JSON.parse(out) as { summary: { unchanged: number; errors: number } };
    expect(report.summary.unchanged).toBeGreaterThan(150);
    expect(report.summary.errors).toBe(0);
  });

  it.each([
    ['renderer/features/x.tsx', "import { openLedger } from '../../db/open';", 'lint/style/noRestrictedImports'],
    ['renderer/features/x/y.tsx', "import { app } from '../../../electron/main';", 'lint/style/noRestrictedImports'],
    ['renderer/x.ts', "import { readFileSync } from 'node:fs';", 'lint/correctness/noNodejsModules'],
    ['renderer/x.ts', "import { readFileSync } from 'fs';", 'lint/correctness/noNodejsModules'],
    ['renderer/x.ts', "import Database from 'better-sqlite3';", 'lint/style/noRestrictedImports'],
    ['renderer/x.ts', "import { sql } from 'drizzle-orm';", 'lint/style/noRestrictedImports'],
    ['renderer/x.ts', "import ExcelJS from 'exceljs';", 'lint/style/noRestrictedImports'],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';", 'lint/style/noRestrictedImports'],
    ['db/services/y.ts', "import { app } from 'electron';", 'lint/style/noRestrictedImports'],
    ['db/services/y.ts', "import { bindIpc } from '../../electron/ipc';", 'lint/style/noRestrictedImports'],
    ['db/services/y.ts', "import { api } from '../../renderer/api/client';", 'lint/style/noRestrictedImports'],
    ['electron/web.ts', "import { ipcMain } from 'electron';", 'lint/style/noRestrictedImports'],
    ['electron/main.ts', "import { App } from '../renderer/app/App';", 'lint/style/noRestrictedImports'],
    ['shared/z.ts', "import { x } from '../db/open';", 'lint/style/noRestrictedImports'],
    ['shared/contract/z.ts', "import { api } from '../../renderer/api/client';", 'lint/style/noRestrictedImports'],
    ['shared/z.ts', "import { readFileSync } from 'node:fs';", 'lint/correctness/noNodejsModules'],
    ['shared/z.ts', "import dayjs from 'dayjs';", 'lint/style/noRestrictedImports'],
    ['shared/z.ts', "import { Button } from '@mantine/core';", 'lint/style/noRestrictedImports'],
    // One data-access shape: only a feature's queries.ts and mutations.ts call the host.
    ['renderer/features/x/XPage.tsx', "import { api } from '../../api/client';", 'lint/style/noRestrictedImports'],
    ['renderer/components/X.tsx', "import { call } from '../api/client';", 'lint/style/noRestrictedImports'],
    ['renderer/app/X.tsx', "import { errorMessage, api } from '../api/client';", 'lint/style/noRestrictedImports'],
    ['renderer/features/x/usePeople.ts', "import { api as host } from '../../api/client';", 'lint/style/noRestrictedImports'],
    // The files that may call the host are still held to the window's zone.
    ['renderer/features/x/queries.ts', "import { openLedger } from '../../../db/open';", 'lint/style/noRestrictedImports'],
    ['renderer/features/x/mutations.ts', "import Database from 'better-sqlite3';", 'lint/style/noRestrictedImports'],
  ])('catches %s: %s', (file, text, rule) => {
    const found = probe(file, text);
    expect(found.map((d) => d.category)).toContain(rule);
  });

  it.each([
    ['electron/preload.ts', "import { contextBridge } from 'electron';"],
    ['electron/platform/print.ts', "import { dialog } from 'electron';"],
    ['renderer/features/x.tsx', "import { contract } from '../../shared/contract';"],
    ['shared/z.ts', "import { z } from 'zod';"],
    ['db/services/y.ts', "import Database from 'better-sqlite3';"],
    ['renderer/features/x/queries.ts', "import { api } from '../../api/client';"],
    ['renderer/features/x/mutations.ts', "import { api } from '../../api/client';"],
    ['renderer/api/other.ts', "import { call } from './client';"],
    ['renderer/features/x/XPage.tsx', "import { errorMessage } from '../../api/client';"],
    ['renderer/components/X.tsx', "import { ApiError } from '../api/client';"],
  ])('allows %s: %s', (file, text) => {
    const found = probe(file, text);
    expect(found).toEqual([]);
  });

  // Keeps the helper honest: a probe outside every zone is not reported.
  it('reports nothing for a file no zone covers', () => {
    expect(probe('scripts/x.ts', "import { app } from 'electron';")).toEqual([]);
  });
});
