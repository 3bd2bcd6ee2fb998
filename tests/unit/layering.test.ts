/**
 * Each top-level folder is one runtime: renderer/ may import only renderer/ and shared/; shared/
 * imports nothing outside itself (no Node, no DOM libraries); only electron/main.ts, preload.ts,
 * ipc.ts and electron/platform/ may import 'electron'.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    if (name === 'node_modules' || name === 'migrations') continue;
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx)$/.test(name)) out.push(rel);
  }
  return out;
}

function imports(text: string): string[] {
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2] ?? m[3])!,
  );
}

function topFolder(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return relative(root, resolve(root, dirname(file), spec)).split(sep)[0]!;
}

const ELECTRON_ALLOWED = [/^electron[/\\](main|preload|ipc)\.ts$/, /^electron[/\\]platform[/\\]/];

function layeringViolations(files: { file: string; text: string }[]): string[] {
  const bad: string[] = [];
  for (const { file, text } of files) {
    const folder = file.split(sep)[0]!;
    for (const spec of imports(text)) {
      const target = topFolder(file, spec);
      if (spec === 'electron' || spec.startsWith('electron/')) {
        if (!ELECTRON_ALLOWED.some((re) => re.test(file))) bad.push(`${file} imports electron`);
      }
      if (folder === 'renderer' && target && !['renderer', 'shared'].includes(target)) bad.push(`${file} imports ${spec}`);
      if (folder === 'renderer' && spec.startsWith('node:')) bad.push(`${file} imports ${spec}`);
      if (folder === 'shared') {
        if (target && target !== 'shared') bad.push(`${file} imports ${spec}`);
        if (!target && spec !== 'zod') bad.push(`${file} imports package ${spec}`);
      }
    }
  }
  return bad;
}

describe('layering', () => {
  const all = ['shared', 'db', 'renderer', 'electron'].flatMap((d) => sources(d)).map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));

  it('is respected by the whole tree', () => {
    expect(all.length).toBeGreaterThan(20);
    expect(layeringViolations(all)).toEqual([]);
  });

  it.each([
    [join('renderer', 'features', 'x.tsx'), "import { openLedger } from '../../db/open';"],
    [join('renderer', 'x.ts'), "import { readFileSync } from 'node:fs';"],
    [join('db', 'services', 'y.ts'), "import { app } from 'electron';"],
    [join('electron', 'web.ts'), "import { ipcMain } from 'electron';"],
    [join('shared', 'z.ts'), "import { x } from '../db/open';"],
    [join('shared', 'z.ts'), "import { readFileSync } from 'node:fs';"],
  ])('catches %s: %s', (file, text) => {
    expect(layeringViolations([{ file, text }])).toHaveLength(1);
  });

  it('allows the adapters that must import electron', () => {
    expect(layeringViolations([{ file: join('electron', 'preload.ts'), text: "import { contextBridge } from 'electron';" }])).toEqual([]);
  });
});
