/**
 * The machine-readable copy of a report package's records: a small SQLite file of its own schema (not
 * the ledger's), holding each chosen ledger's rows exactly as its .xlsx shows them (labels, not codes,
 * so the county needs no township's dictionaries) and the period's statistics figures. Built in memory
 * and serialised, so no plaintext copy ever touches a disk (temporary storage in memory as well); read back
 * from memory, read-only.
 */
import Database from 'better-sqlite3';
import type { ReportFigure } from '../services/exports';

/** 'TJPK' — marks the file as a report package's records. */
export const PACKAGE_APPLICATION_ID = 0x544a504b;
export const PACKAGE_SCHEMA_VERSION = 1;

export interface PackageLedger {
  module: string;
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface PackageFigure extends ReportFigure {
  module: string;
}

const TABLES = {
  meta: 'CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT',
  ledger: 'CREATE TABLE ledger (module TEXT PRIMARY KEY, title TEXT NOT NULL, columns TEXT NOT NULL, rows INTEGER NOT NULL) STRICT',
  record:
    'CREATE TABLE record (module TEXT NOT NULL, seq INTEGER NOT NULL, cells TEXT NOT NULL, PRIMARY KEY (module, seq)) STRICT, WITHOUT ROWID',
  figure:
    'CREATE TABLE figure (module TEXT NOT NULL, seq INTEGER NOT NULL, label TEXT NOT NULL, value REAL, kind TEXT NOT NULL, definition TEXT NOT NULL, PRIMARY KEY (module, seq)) STRICT, WITHOUT ROWID',
} as const;

export const SUBSET_TABLES = Object.keys(TABLES);

export function buildSubset(meta: Record<string, string>, ledgers: readonly PackageLedger[], figures: readonly PackageFigure[]): Buffer {
  const db = new Database(':memory:');
  try {
    // Sorts and temporary indexes in memory too: nothing of the records reaches a temporary file.
    db.pragma('temp_store = MEMORY');
    db.pragma(`application_id = ${PACKAGE_APPLICATION_ID}`);
    db.pragma(`user_version = ${PACKAGE_SCHEMA_VERSION}`);
    for (const sql of Object.values(TABLES)) db.exec(sql);
    db.transaction(() => {
      const m = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
      for (const [k, v] of Object.entries(meta)) m.run(k, v);
      const l = db.prepare('INSERT INTO ledger (module, title, columns, rows) VALUES (?, ?, ?, ?)');
      const r = db.prepare('INSERT INTO record (module, seq, cells) VALUES (?, ?, ?)');
      for (const led of ledgers) {
        l.run(led.module, led.title, JSON.stringify(led.columns), led.rows.length);
        for (const [i, row] of led.rows.entries()) r.run(led.module, i + 1, JSON.stringify(row));
      }
      const f = db.prepare('INSERT INTO figure (module, seq, label, value, kind, definition) VALUES (?, ?, ?, ?, ?, ?)');
      for (const [i, g] of figures.entries()) f.run(g.module, i + 1, g.label, g.value, g.kind, g.definition);
    })();
    return db.serialize();
  } finally {
    db.close();
  }
}

/**
 * The records of a package, opened read-only from memory as untrusted (RELIABILITY T15): cell_size_check
 * and trusted_schema off before anything, quick_check before any other query, then the application id,
 * the schema version and the exact tables. Throws the reason in Chinese; the caller closes the handle.
 */
export function openSubset(plain: Buffer, refuse: (why: string) => Error): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(plain, { readonly: true });
  } catch {
    throw refuse('其中的数据不是可读的数据库文件。');
  }
  try {
    db.pragma('temp_store = MEMORY');
    db.pragma('trusted_schema = OFF');
    db.pragma('cell_size_check = ON');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw refuse(`其中的数据库未通过完整性检查（${String(check)}）。`);
    if (db.pragma('application_id', { simple: true }) !== PACKAGE_APPLICATION_ID) throw refuse('其中的数据不是本程序写的上报数据。');
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > PACKAGE_SCHEMA_VERSION) throw refuse('上报包由更高版本的程序写出，本程序不能读取，请先升级程序。');
    if (version !== PACKAGE_SCHEMA_VERSION) throw refuse('其中数据的结构版本不对。');
    const objects = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_autoindex%'").all() as {
      type: string;
      name: string;
      sql: string;
    }[];
    const expected = Object.entries(TABLES);
    const same =
      objects.length === expected.length &&
      expected.every(([name, sql]) => objects.some((o) => o.type === 'table' && o.name === name && o.sql === sql));
    if (!same) throw refuse('其中数据的表结构不是本程序的（可能被改动过）。');
    return db;
  } catch (e) {
    db.close();
    if (e instanceof Error && !(e as { code?: string }).code?.startsWith?.('SQLITE')) throw e;
    throw refuse(`其中的数据库已损坏（${(e as { code?: string }).code}）。`);
  }
}
