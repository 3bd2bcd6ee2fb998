/**
 * 导入旧台账, the pure parts: reading a date as offices write them (Excel serial numbers, 2020.3.5,
 * 2020年3月5日, 2020/3/5, 20200305), finding the header row below a sheet's title rows, and guessing
 * which column is which field from its Chinese header. The host reads the file (db/engines/import-read.ts);
 * each module says what its fields are called.
 */
import { isValidDate } from '../dates';

/** A field a module can take from a column: its key, its name, and the headers offices give it. */
export interface ImportFieldDef {
  key: string;
  label: string;
  /** Headers that mean this field (normalised as `normaliseHeader` does); the label is one already. */
  synonyms: readonly string[];
  required?: boolean;
  /** How the cell is read: a date, a number, a choice among the ledger's own values, or text. */
  kind: 'text' | 'date' | 'number' | 'choice' | 'id';
  /** A note shown beside the field in the mapping step. */
  hint?: string;
}

/** The 序号 an old ledger gave its rows: every module takes it, kept as the record's original number. */
export const ORIGINAL_NO_FIELD: ImportFieldDef = {
  key: 'originalNo',
  label: '序号',
  synonyms: ['编号', '原序号', 'no'],
  kind: 'text',
  hint: '保留为原始序号',
};

/** Spaces, line breaks, asterisks, colons and the full-width brackets go; what is left is compared. */
export function normaliseHeader(raw: string): string {
  return raw
    .replace(/[\s\u3000*＊:：]/g, '')
    .replace(/[（［【]/g, '(')
    .replace(/[）］】]/g, ')')
    .toLowerCase();
}

const header = (h: string) => normaliseHeader(h).replace(/\(.*?\)/g, '');

/**
 * The field each column most likely holds: a header equal to a field's label or synonym (brackets and
 * what is in them ignored, 所属村(社区) = 所属村) wins; then a header that contains one; a field is
 * given to one column only, the first; among fields whose names a header contains, the longest name wins.
 * Columns matching nothing get null.
 */
export function guessMapping(headers: readonly string[], fields: readonly ImportFieldDef[]): (string | null)[] {
  const spellings = (n: string) => [normaliseHeader(n), header(n)].filter(Boolean);
  const names = fields.map((f) => ({
    key: f.key,
    label: spellings(f.label),
    names: [f.label, ...f.synonyms].flatMap(spellings),
  }));
  const taken = new Set<string>();
  const out: (string | null)[] = headers.map(() => null);
  const pass = (match: (h: string, n: string) => boolean, labelsOnly = false) => {
    headers.forEach((raw, i) => {
      if (out[i] !== null || !raw) return;
      const candidates = [normaliseHeader(raw), header(raw)];
      // The field whose matching name is longest (被申请人身份证号码 is 被申请人身份证号's, not 申请人's).
      let found: { key: string; length: number } | null = null;
      for (const f of names) {
        if (taken.has(f.key)) continue;
        for (const n of labelsOnly ? f.label : f.names) {
          if (candidates.some((h) => match(h, n)) && n.length > (found?.length ?? 0)) found = { key: f.key, length: n.length };
        }
      }
      if (found) {
        out[i] = found.key;
        taken.add(found.key);
      }
    });
  };
  // A field's own name first, wherever its column is: a sheet with 当事人 before 申请人 and 被申请人 (the
  // register's own export) gives 申请人 its column rather than 当事人, which is only a synonym.
  pass((h, n) => h === n, true);
  pass((h, n) => h === n);
  pass((h, n) => n.length >= 2 && h.includes(n));
  return out;
}

/**
 * The row that holds the headers: among the first rows, the one whose cells match most field names
 * (at least two), else the first row with three or more filled cells. Title rows above it (a merged
 * 某某乡矛盾纠纷排查登记台账, a subtitle) are passed over.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], fields: readonly ImportFieldDef[], look = 15): number {
  let best = -1;
  let bestScore = 1;
  for (let i = 0; i < Math.min(rows.length, look); i++) {
    const score = guessMapping(rows[i]!, fields).filter((k) => k !== null).length;
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  if (best >= 0) return best;
  const filled = rows.findIndex((r) => r.filter((c) => c.trim() !== '').length >= 3);
  return Math.max(filled, 0);
}

/**
 * Two header rows (申请人 merged over 姓名 | 身份证号): the sub-header joined to its parent
 * (申请人姓名, 申请人身份证号); a cell merged down both rows gives its own header once.
 */
export function joinHeaderRows(top: readonly string[], sub: readonly string[]): string[] {
  return top.map((t, i) => {
    const s = (sub[i] ?? '').trim();
    if (!s || s === t.trim()) return t.trim();
    return `${t.trim()}${s}`;
  });
}

/**
 * Whether the row under the headers is a second header row: it fills a column whose header repeats the
 * one before it (a merged cell) and holds no digits (a data row has dates, numbers, IDs).
 */
export function isSubHeader(top: readonly string[], next: readonly string[] | undefined): boolean {
  if (!next) return false;
  const merged = top.some((t, i) => i > 0 && t !== '' && t === top[i - 1] && (next[i] ?? '') !== '');
  return merged && next.every((c) => !/\d/.test(c));
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in). */
export function excelSerialToDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return null;
  const t = Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

const pad = (n: string) => n.padStart(2, '0');

/**
 * A date as offices write it, as 'YYYY-MM-DD', or null when it cannot be read. A plain number between
 * 1 and 2958465 is an Excel serial (a date column read from a CSV, or a cell formatted as a number);
 * eight digits are YYYYMMDD.
 */
export function parseImportDate(raw: string): string | null {
  const s = raw.trim().replace(/\s+/g, '');
  if (!s) return null;
  let m = /^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$/.exec(s);
  if (m) {
    const d = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
    return isValidDate(d) ? d : null;
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const d = `${m[1]}-${m[2]}-${m[3]}`;
    return isValidDate(d) ? d : null;
  }
  // A date-time (2020-03-05T00:00:00, 2020-03-05 08:00): its day.
  m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(s);
  if (m) return isValidDate(`${m[1]}-${m[2]}-${m[3]}`) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  if (/^\d+(\.\d+)?$/.test(s)) {
    const n = Number(s);
    if (n >= 1 && n < 2_958_466) {
      const d = excelSerialToDate(n);
      return d && isValidDate(d) ? d : null;
    }
  }
  return null;
}

/** A number as offices write it: 1,234.50, ￥300, 300元, 5人; null when it is not one. */
export function parseImportNumber(raw: string): number | null {
  const s = raw.trim().replace(/[,，\s￥¥元人件]/g, '');
  if (!s) return null;
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/**
 * A cell's text without what the ledger's own exports add to keep it safe (RELIABILITY G12): a `'`
 * before a character that starts a formula.
 */
export function unescapeCell(raw: string): string {
  return /^'[=+\-@＝＋－＠]/.test(raw) ? raw.slice(1) : raw;
}

/** A row that is empty, or a closing 合计/总计 row, holds no record. */
export function isBlankOrTotal(cells: readonly string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  if (filled.length === 0) return true;
  return /^(合计|总计|小计)/.test(filled[0]!);
}

/** Splits a cell that names several (张三、李四 / 张三,李四 / 张三；李四). */
export function splitList(raw: string): string[] {
  return raw
    .split(/[、，,；;/\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The key a mapping is remembered by: the file's headers, normalised, in order. */
export function headerKey(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('|');
}
