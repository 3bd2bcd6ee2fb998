/**
 * The dispute list's text search (within 50 ms at 100,000 disputes): a fragment of the case
 * number, a party's name or the summary, of any length — Chinese names are two or three characters,
 * so FTS5's trigram tokenizer (three or more) is not enough, and SQLite here has no CJK tokenizer.
 *
 * Each text is indexed as its characters and its pairs of neighbouring characters, every one written
 * as the hex of its UTF-8 bytes (a token the unicode61 tokenizer keeps whole). A one-character query
 * looks up the character; a longer one is the phrase of its pairs, which matches exactly where the
 * query occurs as a substring (pairs from different fields are kept apart by a token no query makes).
 * ASCII letters are folded to lower case, as LIKE did. Migration 0021 builds the same tokens in SQL
 * for the disputes kept before; a test holds the two spellings equal.
 */
import type { ServiceContext } from '../context';
import { one, run } from './sql';

/** ASCII only, as SQLite's lower() without ICU. */
const fold = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex').toUpperCase();

/** The indexed tokens of a dispute's searchable texts (case number, parties, summary). */
export function searchTokens(texts: readonly (string | null)[]): { grams: string; chars: string } {
  const fields = texts.map((t) => [...fold(t ?? '')]).filter((cs) => cs.length > 0);
  return {
    grams: fields
      .filter((cs) => cs.length > 1)
      .map((cs) =>
        cs
          .slice(1)
          .map((c, i) => hex(cs[i]! + c))
          .join(' '),
      )
      .join(' X '),
    chars: fields.map((cs) => cs.map(hex).join(' ')).join(' '),
  };
}

/** The FTS5 query for a search box text; null when there is nothing to search for. */
export function searchMatch(q: string): string | null {
  const cs = [...fold(q)];
  if (cs.length === 0) return null;
  if (cs.length === 1) return `chars : ${hex(cs[0]!)}`;
  return `grams : "${cs
    .slice(1)
    .map((c, i) => hex(cs[i]! + c))
    .join(' ')}"`;
}

/** The WHERE condition for `@match` (see searchMatch). */
export const SEARCH_CONDITION = 'd.rowid IN (SELECT rowid FROM dispute_fts WHERE dispute_fts MATCH @match)';

/** Re-indexes one dispute from its row; called in the same transaction as every write of those texts. */
export function indexDispute(ctx: ServiceContext, id: string): void {
  const d = one<{ rowid: number; caseNo: string; parties: string | null; summary: string | null }>(
    ctx,
    'SELECT rowid, case_no AS caseNo, parties_text AS parties, summary FROM dispute WHERE id = ?',
    id,
  )!;
  const t = searchTokens([d.caseNo, d.parties, d.summary]);
  run(ctx, 'DELETE FROM dispute_fts WHERE rowid = ?', d.rowid);
  run(ctx, 'INSERT INTO dispute_fts (rowid, grams, chars) VALUES (?, ?, ?)', d.rowid, t.grams, t.chars);
}
