/**
 * Nothing cited lives outside the repository. Comments cite the team's handbook by key — DOMAIN §1.7,
 * RELIABILITY G12, RELIABILITY T11, ARCHITECTURE rule 3, ARCHITECTURE import zones, the domain
 * review's findings as REVIEW row 1 … — and each key
 * must have an entry headed with it under "What the code cites" in CONTRIBUTING.md. An old issue is
 * never cited by its number (say what it asked for instead), and no file points into the handbook's
 * folder. The check reads shared/, db/, electron/, renderer/ and tests/ (not node_modules or
 * db/migrations), the lint configuration and the README.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SELF = 'tests/unit/citations.test.ts';
const DIRS = ['shared', 'db', 'electron', 'renderer', 'tests'];
const TOP_FILES = ['biome.jsonc', 'README.md'];
const TEXT = /\.(ts|tsx|js|mjs|cjs|json|jsonc|css|html|md|yml|yaml)$/;
const SECTION = 'What the code cites';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (name === 'node_modules' || rel === join('db', 'migrations')) continue;
    if (statSync(join(root, rel)).isDirectory()) out.push(...sources(rel));
    else if (TEXT.test(name)) out.push(rel.split(sep).join('/'));
  }
  return out;
}

// ── the checker ──────────────────────────────────────────────────────────────────────────────

/** One part of a handbook key: a section, a goal, a test, a numbered rule, or the import zones. */
const PART = String.raw`§\d+(?:\.\d+)*|[GT]\d+|rules?\s+\d+|rows?\s+\d+|import zones`;
/** A list goes on with ", …" or "and …", also across a comment's line break ("G12\n * and T11"). */
const MORE = String.raw`(?:[\s*/]*,|[\s*/]+and)[\s*/]*(?:§\d+(?:\.\d+)*|[GT]\d+|\d+)`;
const CITATION = new RegExp(String.raw`\b(DOMAIN|RELIABILITY|ARCHITECTURE|STYLE|STACK|REVIEW)(?:\.md)?\s+(${PART})((?:${MORE})*)`, 'g');
const ISSUE = /\bissues?\s+#?\d+/gi;
const HANDBOOK_PATH = /\bhandbook\//g;

/**
 * The keys a citation names, as CONTRIBUTING.md heads them: "DOMAIN.md §1.7" → DOMAIN §1.7,
 * "ARCHITECTURE.md rules 4 and 6" → ARCHITECTURE rule 4 and ARCHITECTURE rule 6,
 * "RELIABILITY G12 and T11" → RELIABILITY G12 and RELIABILITY T11.
 */
function keysOf(doc: string, first: string, more: string): string[] {
  // A numbered rule or a review row: "rules 4 and 6" → rule 4, rule 6; "rows 1, 3 and 22" → row 1, row 3, row 22.
  const numbered = /^(rule|row)s?\s+(\d+)$/.exec(first);
  const keys = [numbered ? `${doc} ${numbered[1]} ${numbered[2]}` : `${doc} ${first}`];
  for (const [part] of more.matchAll(/§\d+(?:\.\d+)*|[GT]\d+|\d+/g)) {
    if (/^\d+$/.test(part)) {
      if (numbered) keys.push(`${doc} ${numbered[1]} ${part}`);
    } else keys.push(`${doc} ${part}`);
  }
  return keys;
}

/** The entry headings ("### KEY") of the section "What the code cites". */
function entryKeys(contributing: string): Set<string> {
  const keys = new Set<string>();
  let inSection = false;
  for (const line of contributing.split('\n')) {
    const h2 = /^##\s+(.+?)\s*$/.exec(line);
    if (h2) inSection = h2[1] === SECTION;
    const h3 = /^###\s+(.+?)\s*$/.exec(line);
    if (inSection && h3) keys.add(h3[1]!);
  }
  return keys;
}

/** Every citation of `files` (path → text) that CONTRIBUTING.md cannot answer, as "file:line  citation: problem". */
function uncited(files: Record<string, string>, keys: Set<string>): string[] {
  const out: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    const lineOf = (index: number) => text.slice(0, index).split('\n').length;
    const say = (index: number, citation: string, problem: string) =>
      out.push(`${file}:${lineOf(index)}  ${citation.replace(/\s*\n[\s*/]*/g, ' ')}: ${problem}`);
    for (const m of text.matchAll(CITATION)) {
      for (const key of keysOf(m[1]!, m[2]!.replace(/\s+/g, ' '), m[3] ?? '')) {
        if (!keys.has(key)) say(m.index, m[0], `no entry "### ${key}" under "${SECTION}" in CONTRIBUTING.md`);
      }
    }
    for (const m of text.matchAll(ISSUE)) say(m.index, m[0], 'cites an issue; say what it asked for, or cite a CONTRIBUTING.md entry');
    for (const m of text.matchAll(HANDBOOK_PATH)) say(m.index, m[0], 'points outside the repository; cite a CONTRIBUTING.md entry');
  }
  return out;
}

/** Every key the files cite, for the checks that the scan sees what it should. */
function citedKeys(files: Record<string, string>): Set<string> {
  const out = new Set<string>();
  for (const text of Object.values(files)) {
    for (const m of text.matchAll(CITATION)) for (const k of keysOf(m[1]!, m[2]!.replace(/\s+/g, ' '), m[3] ?? '')) out.add(k);
  }
  return out;
}

// ── the tree ─────────────────────────────────────────────────────────────────────────────────

const contributing = readFileSync(join(root, 'CONTRIBUTING.md'), 'utf8');
const KEYS = entryKeys(contributing);
/** This file is left out: its probes below cite missing keys and issues on purpose. */
const TREE = Object.fromEntries(
  [...DIRS.flatMap(sources), ...TOP_FILES].filter((f) => f !== SELF).map((f) => [f, readFileSync(join(root, f), 'utf8')] as const),
);

describe('citations', () => {
  it('CONTRIBUTING.md has the section, with an entry per key', () => {
    expect(contributing).toMatch(/^## What the code cites$/m);
    expect(KEYS.size).toBeGreaterThan(10);
    for (const k of ['DOMAIN §1.6', 'DOMAIN §4.1', 'RELIABILITY §1.9', 'RELIABILITY G12', 'RELIABILITY T12', 'ARCHITECTURE rule 3']) {
      expect(KEYS).toContain(k);
    }
  });

  it('reads the whole tree', () => {
    expect(Object.keys(TREE).length).toBeGreaterThan(200);
    const cited = citedKeys(TREE);
    for (const k of [
      'DOMAIN §1.7',
      'DOMAIN §8',
      'RELIABILITY T11',
      'ARCHITECTURE rule 4',
      'ARCHITECTURE rule 6',
      'ARCHITECTURE import zones',
    ]) {
      expect(cited).toContain(k);
    }
  });

  it('finds every key the code cites in CONTRIBUTING.md, and no issue numbers', () => {
    expect(uncited(TREE, KEYS)).toEqual([]);
  });

  it('keeps no entry that nothing cites', () => {
    const cited = citedKeys(TREE);
    expect([...KEYS].filter((k) => !cited.has(k))).toEqual([]);
  });

  it('reports a key without an entry, an issue number and a path into the handbook', () => {
    const probe = {
      'shared/domain/probe.ts': [
        '/** Numbered as in DOMAIN.md §1.8, sorted as in DOMAIN §9.9. */',
        'export const a = 1; // what issue 7 asked for',
        '// see ../shared/handbook/STYLE.md',
      ].join('\n'),
    };
    expect(uncited(probe, KEYS)).toEqual([
      'shared/domain/probe.ts:1  DOMAIN §9.9: no entry "### DOMAIN §9.9" under "What the code cites" in CONTRIBUTING.md',
      'shared/domain/probe.ts:2  issue 7: cites an issue; say what it asked for, or cite a CONTRIBUTING.md entry',
      'shared/domain/probe.ts:3  handbook/: points outside the repository; cite a CONTRIBUTING.md entry',
    ]);
  });

  it('reads lists of keys, across line breaks too', () => {
    const probe = {
      'db/probe.ts': '/**\n * Typed cells (RELIABILITY.md G12,\n * T13); pure (ARCHITECTURE rules 4 and 16), STYLE §3.3.\n */',
    };
    expect(citedKeys(probe)).toEqual(
      new Set(['RELIABILITY G12', 'RELIABILITY T13', 'ARCHITECTURE rule 4', 'ARCHITECTURE rule 16', 'STYLE §3.3']),
    );
    expect(citedKeys({ 'db/rows.ts': '// REVIEW rows 1, 3 and 22; REVIEW row 19' })).toEqual(
      new Set(['REVIEW row 1', 'REVIEW row 3', 'REVIEW row 22', 'REVIEW row 19']),
    );
    expect(uncited(probe, KEYS)).toEqual([
      'db/probe.ts:2  RELIABILITY.md G12, T13: no entry "### RELIABILITY T13" under "What the code cites" in CONTRIBUTING.md',
      'db/probe.ts:3  ARCHITECTURE rules 4 and 16: no entry "### ARCHITECTURE rule 16" under "What the code cites" in CONTRIBUTING.md',
      'db/probe.ts:3  STYLE §3.3: no entry "### STYLE §3.3" under "What the code cites" in CONTRIBUTING.md',
    ]);
  });

  it('does not take a headed key from another section', () => {
    expect(entryKeys('## The architecture in brief\n\n### DOMAIN §9.9\n\n## What the code cites\n\n### DOMAIN §1.6\n')).toEqual(
      new Set(['DOMAIN §1.6']),
    );
  });
});
