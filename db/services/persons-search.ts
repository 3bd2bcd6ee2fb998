/**
 * Search keys for a person: pinyin (full and initials), one- and two-character name pieces, and an
 * FTS5 trigram body (name, pinyin, ID number, phone) for fragments of three characters or more.
 * SQLite here has no ICU and no CJK tokenizer, so these are stored and indexed explicitly.
 */
import { createRequire } from 'node:module';
import type { PersonHit } from '../../shared/schemas/persons';
import type { ServiceContext } from '../context';
import { all, one, run } from './sql';

type PinyinPro = typeof import('pinyin-pro');
let pinyinPro: PinyinPro | null = null;

/**
 * pinyin-pro carries a large dictionary: it is loaded when the first name is written, not when the
 * host starts, so that opening a ledger and showing its first page does not wait for it (bench
 * first_answer_ms).
 */
function pinyin(): PinyinPro['pinyin'] {
  pinyinPro ??= createRequire(import.meta.url)('pinyin-pro') as PinyinPro;
  return pinyinPro.pinyin;
}

export function namePinyin(name: string): { full: string; initials: string } {
  const syllables = pinyin()(name, { toneType: 'none', type: 'array', surname: 'head' })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  return { full: syllables.join(''), initials: syllables.map((s) => s[0]).join('') };
}

export function nameGrams(name: string): string[] {
  const chars = [...name.toLowerCase().replace(/\s+/g, '')];
  const grams = new Set<string>();
  chars.forEach((c, i) => {
    grams.add(c);
    if (i + 1 < chars.length) grams.add(c + chars[i + 1]);
  });
  return [...grams];
}

export function writeSearchKeys(
  ctx: ServiceContext,
  p: { id: string; name: string; idNumber: string | null; phone: string | null },
  py: { full: string; initials: string },
): void {
  run(ctx, 'DELETE FROM person_gram WHERE person_id = ?', p.id);
  for (const g of nameGrams(p.name)) run(ctx, 'INSERT OR IGNORE INTO person_gram (gram, person_id) VALUES (?, ?)', g, p.id);
  // The FTS row shares the person's rowid, so it is found and replaced without a scan.
  const { rowid } = one<{ rowid: number }>(ctx, 'SELECT rowid FROM person WHERE id = ?', p.id)!;
  run(ctx, 'DELETE FROM person_fts WHERE rowid = ?', rowid);
  run(
    ctx,
    'INSERT INTO person_fts (rowid, person_id, body) VALUES (?, ?, ?)',
    rowid,
    p.id,
    [p.name, py.full, py.initials, p.idNumber ?? '', p.phone ?? ''].join(' '),
  );
}

const HIT_COLUMNS = `p.id, p.name, p.sex, p.id_number AS idNumber, p.phone, p.birth_date AS birthDate,
  p.village_id AS villageId, v.name AS villageName, p.residence_address AS residenceAddress, p.name_pinyin AS namePinyin, p.name_initials AS nameInitials`;
const FROM = 'FROM person p LEFT JOIN village v ON v.id = p.village_id';

type HitRow = PersonHit & { namePinyin: string; nameInitials: string };
// One more than the registry lists (PERSON_SEARCH_LIMIT in persons.ts), so that a search past it is known to be one.
const CANDIDATES = 101;

/** The candidate queries of the search box; `live` excludes the recycle bin. Plans are tested. */
export function searchSql(live: boolean) {
  const l = live ? 'AND p.deleted_at IS NULL' : '';
  return {
    initials: `SELECT ${HIT_COLUMNS} ${FROM} WHERE p.name_initials >= ? AND p.name_initials < ? ${l} LIMIT ${CANDIDATES}`,
    pinyin: `SELECT ${HIT_COLUMNS} ${FROM} WHERE p.name_pinyin >= ? AND p.name_pinyin < ? ${l} LIMIT ${CANDIDATES}`,
    gram: `SELECT ${HIT_COLUMNS} FROM person_gram g JOIN person p ON p.id = g.person_id LEFT JOIN village v ON v.id = p.village_id WHERE g.gram = ? ${l} LIMIT ${CANDIDATES}`,
    fts: `SELECT ${HIT_COLUMNS} FROM person_fts f JOIN person p ON p.rowid = f.rowid LEFT JOIN village v ON v.id = p.village_id WHERE person_fts MATCH ? ${l} LIMIT ${CANDIDATES}`,
    exact: `SELECT ${HIT_COLUMNS} ${FROM} WHERE p.name = ? ${l} LIMIT ${CANDIDATES}`,
  };
}

// Built once: the statement cache is keyed by the SQL text, and the box searches on every keystroke.
const LIVE_SQL = searchSql(true);
const ALL_SQL = searchSql(false);

/** Ranks a candidate: exact name, then name prefix, ID/phone exact, initials, pinyin, then contains. */
function score(h: HitRow, q: string): number {
  if (h.name === q) return 100;
  if (h.idNumber === q.toUpperCase() || h.phone === q) return 95;
  if (h.nameInitials === q) return 90;
  if (h.namePinyin === q) return 88;
  if (h.name.startsWith(q)) return 80;
  if (h.nameInitials.startsWith(q)) return 70;
  if (h.namePinyin.startsWith(q)) return 65;
  if (h.name.includes(q)) return 60;
  if (h.idNumber?.endsWith(q.toUpperCase()) || h.phone?.endsWith(q)) return 55;
  return 40;
}

function ftsQuery(q: string): string {
  return `"${q.replace(/"/g, '""')}"`;
}

function byRank(a: { h: HitRow; s: number }, b: { h: HitRow; s: number }): number {
  return b.s - a.s || (a.h.namePinyin < b.h.namePinyin ? -1 : a.h.namePinyin > b.h.namePinyin ? 1 : a.h.id < b.h.id ? -1 : 1);
}

function addHits(found: Map<string, HitRow>, rows: HitRow[]): void {
  for (const r of rows) found.set(r.id, r);
}

export function searchPersons(ctx: ServiceContext, rawQ: string, limit: number, includeDeleted = false): PersonHit[] {
  const q = rawQ.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return [];
  const sql = includeDeleted ? ALL_SQL : LIVE_SQL;
  const found = new Map<string, HitRow>();
  const length = [...q].length;
  const latin = /^[a-z]+$/.test(q);

  if (latin) {
    const hi = `${q}\uffff`;
    addHits(found, all<HitRow>(ctx, sql.initials, q, hi));
    addHits(found, all<HitRow>(ctx, sql.pinyin, q, hi));
  } else if (length <= 2) {
    addHits(found, all<HitRow>(ctx, sql.gram, q));
  }
  if (length >= 3) addHits(found, all<HitRow>(ctx, sql.fts, ftsQuery(q)));
  if (!latin) addHits(found, all<HitRow>(ctx, sql.exact, rawQ.trim()));

  const ranked: { h: HitRow; s: number }[] = [];
  for (const h of found.values()) ranked.push({ h, s: score(h, q) });
  ranked.sort(byRank);
  const out: PersonHit[] = [];
  for (const { h } of ranked.slice(0, limit)) {
    out.push({
      id: h.id,
      name: h.name,
      sex: h.sex,
      idNumber: h.idNumber,
      phone: h.phone,
      birthDate: h.birthDate,
      villageId: h.villageId,
      villageName: h.villageName,
      residenceAddress: h.residenceAddress,
    });
  }
  return out;
}
