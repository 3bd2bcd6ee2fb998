/**
 * One direction between modules (CONTRIBUTING.md): the modules of shared/modules.ts are listed in the
 * order they depend on one another. A module's files (its word, or `<word>-…`, in every layer, and
 * renderer/features/<word>/) may use the files and tables of the modules before it, never those of
 * the modules after it; core files (reference data, audit, attachments, the due-date engine, the
 * recycle bin, shared components) use no module at all; only the composition roots (db/modules.ts,
 * db/router.ts, the worker, the demo, renderer/app/, electron/) see every module, and the hubs that
 * list every module's parts for everyone (the contract, the typed client, the schema index) may be
 * used by anyone. Derived from the vocabulary and the schema files, so a new module is checked as it
 * lands.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MODULES, type ModuleName } from '../../shared/modules';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    if (name === 'node_modules' || name === 'migrations') continue;
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...sources(rel));
    else if (/\.(ts|tsx)$/.test(name)) out.push(rel.split(sep).join('/'));
  }
  return out;
}

const ROOTS = [
  // The demo is one root, in db/demo.ts and the files beside it that fill one module's part (db/demo-<m>….ts).
  /^db\/(modules|router|demo(-[a-z-]+)?)\.ts$/,
  /^db\/jobs\/(obligations|package|import)-worker\.ts$/,
  /^renderer\/app\//,
  /^renderer\/main\.tsx$/,
  /^electron\//,
];
const HUBS = [/^shared\/contract\.ts$/, /^renderer\/api\//, /^db\/schema\/index\.ts$/];

type Owner = ModuleName | 'core' | 'root' | 'hub';

/** Which module a source file belongs to, by its path. */
function ownerOf(file: string): Owner {
  if (ROOTS.some((r) => r.test(file))) return 'root';
  if (HUBS.some((r) => r.test(file))) return 'hub';
  const feature = /^renderer\/features\/([^/]+)\//.exec(file)?.[1];
  if (feature) return (MODULES as readonly string[]).includes(feature) ? (feature as ModuleName) : 'core';
  const name = basename(file).replace(/\.(ts|tsx)$/, '');
  return MODULES.find((m) => name === m || name.startsWith(`${m}-`)) ?? 'core';
}

const order = (o: Owner) => (o === 'core' ? -1 : MODULES.indexOf(o as ModuleName));

/** May `from` use what belongs to `to`? */
function allowed(from: Owner, to: Owner): boolean {
  if (from === 'root' || from === 'hub' || to === 'core' || to === 'hub') return true;
  if (to === 'root') return false;
  if (from === 'core') return false;
  return order(to) <= order(from);
}

function imports(text: string): string[] {
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (m) => (m[1] ?? m[2])!,
  );
}

function target(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = relative(root, resolve(root, dirname(file), spec))
    .split(sep)
    .join('/');
  for (const candidate of [`${base}.ts`, `${base}.tsx`, `${base}/index.ts`, base]) {
    try {
      if (statSync(join(root, candidate)).isFile()) return candidate;
    } catch {
      /* try the next form */
    }
  }
  return base;
}

/** Each module's tables, read from its schema file (db/schema/<module>.ts). */
function tableOwners(): Map<string, ModuleName> {
  const owners = new Map<string, ModuleName>();
  for (const m of MODULES) {
    let text = '';
    try {
      text = readFileSync(join(root, 'db', 'schema', `${m}.ts`), 'utf8');
    } catch {
      continue;
    }
    for (const [, table] of text.matchAll(/sqliteTable\(\s*'([a-z_]+)'/g)) owners.set(table!, m);
  }
  return owners;
}

function directionViolations(files: { file: string; text: string }[], tables = tableOwners()): string[] {
  const bad: string[] = [];
  for (const { file, text } of files) {
    const from = ownerOf(file);
    for (const spec of imports(text)) {
      const to = target(file, spec);
      if (to && !allowed(from, ownerOf(to))) bad.push(`${file} (${from}) imports ${to} (${ownerOf(to)})`);
    }
    if (from === 'root' || from === 'hub' || !file.startsWith('db/')) continue;
    for (const [table, owner] of tables) {
      if (!allowed(from, owner) && new RegExp(`\\b(FROM|JOIN|INTO|UPDATE)\\s+${table}\\b`, 'i').test(text)) {
        bad.push(`${file} (${from}) reads or writes ${table} (${owner})`);
      }
    }
  }
  return bad;
}

describe('one direction between modules', () => {
  const tree = ['shared', 'db', 'renderer', 'electron']
    .flatMap((d) => sources(d))
    .map((file) => ({ file, text: readFileSync(join(root, file), 'utf8') }));

  it('files know their module by their name', () => {
    expect(ownerOf('db/services/disputes-export.ts')).toBe('disputes');
    expect(ownerOf('shared/domain/followup-rules.ts')).toBe('followup');
    expect(ownerOf('renderer/features/mediation/CaseModals.tsx')).toBe('mediation');
    expect(ownerOf('renderer/features/recycle/RecycleBinPage.tsx')).toBe('core');
    expect(ownerOf('db/services/obligations.ts')).toBe('core');
    expect(ownerOf('db/modules.ts')).toBe('root');
    expect(ownerOf('renderer/api/client.ts')).toBe('hub');
    expect(tree.filter((f) => MODULES.includes(ownerOf(f.file) as ModuleName)).length).toBeGreaterThan(40);
  });

  it('holds for the whole tree', () => {
    expect(directionViolations(tree)).toEqual([]);
  });

  it.each([
    ['db/services/disputes.ts', "import { caseOfDispute } from './mediation';", 'imports db/services/mediation'],
    ['db/services/persons.ts', "const x = 'SELECT id FROM dispute WHERE id = ?';", 'reads or writes dispute'],
    ['db/services/obligations.ts', "const x = 'SELECT id FROM followup_subject';", 'reads or writes followup_subject'],
    ['db/services/recycle.ts', "import { listDisputes } from './disputes';", 'imports db/services/disputes'],
    [
      'renderer/features/disputes/X.tsx',
      "import { OpenFromDisputeModal } from '../mediation/OpenFromDisputeModal';",
      'imports renderer/features/mediation',
    ],
    [
      'renderer/components/X.tsx',
      "import { groupText } from '../../shared/domain/followup-rules';",
      'imports shared/domain/followup-rules',
    ],
    ['shared/schemas/reference.ts', "import { PhoneField } from './persons';", 'imports shared/schemas/persons'],
  ])('catches %s: %s', (file, text, what) => {
    const found = directionViolations([{ file, text }]);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(what);
  });

  it.each([
    ['db/services/mediation.ts', "import { changeDisputeStatus } from './disputes';"],
    ['db/services/mediation.ts', "const x = 'SELECT case_no FROM mediation_case m JOIN dispute d ON d.id = m.dispute_id';"],
    ['renderer/features/disputes/X.tsx', "import { DueStateBadge } from '../followup/labels';"],
    ['db/router.ts', "import * as followup from './services/followup';"],
  ])('allows %s: %s', (file, text) => {
    expect(directionViolations([{ file, text }])).toEqual([]);
  });
});
