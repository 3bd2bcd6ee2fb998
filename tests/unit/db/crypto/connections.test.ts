/**
 * Every connection to a ledger or a backup goes through db/crypto/cipher.ts `connect` (RELIABILITY G8), so
 * that an encrypted file is opened with its key: a `new Database(` anywhere else in the app's code would
 * open an encrypted ledger without it (or write a plain file next to an encrypted one). The report
 * package's subset, built and read in memory, is the one exception.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const ALLOWED = new Set(['db/crypto/cipher.ts', 'db/package/subset.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'migrations' ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('connections to a ledger file', () => {
  it('are opened only by cipher.ts (and the in-memory package subset)', () => {
    const opening = ['db', 'electron']
      .flatMap((d) => sources(join(root, d)))
      .filter((f) => /new\s+Database(Ctor)?\s*\(/.test(readFileSync(f, 'utf8')))
      .map((f) => relative(root, f).split('\\').join('/'));
    expect(opening.filter((f) => !ALLOWED.has(f))).toEqual([]);
    expect(opening.sort()).toEqual([...ALLOWED].sort());
  });
});
