/** Small helpers every service uses: a prepared-statement cache and one-transaction writes. */
import type Database from 'better-sqlite3';
import type { ServiceContext } from '../context';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function stmt(db: Database.Database, sql: string): Database.Statement {
  let byDb = cache.get(db);
  if (!byDb) {
    byDb = new Map();
    cache.set(db, byDb);
  }
  let s = byDb.get(sql);
  if (!s) {
    s = db.prepare(sql);
    byDb.set(sql, s);
  }
  return s;
}

export function one<T>(ctx: ServiceContext, sql: string, ...params: unknown[]): T | undefined {
  return stmt(ctx.db, sql).get(...params) as T | undefined;
}

export function all<T>(ctx: ServiceContext, sql: string, ...params: unknown[]): T[] {
  return stmt(ctx.db, sql).all(...params) as T[];
}

export function run(ctx: ServiceContext, sql: string, ...params: unknown[]): Database.RunResult {
  return stmt(ctx.db, sql).run(...params);
}

/** Runs `fn` as one synchronous transaction: all of it is written, or none. */
export function write<T>(ctx: ServiceContext, fn: () => T): T {
  return ctx.db.transaction(fn).immediate();
}

/**
 * The WHERE clause of a list: conditions joined by AND, with their named parameters. Each list's
 * page, its total and its export are built from the same one, so they always agree.
 */
export class Where {
  private readonly parts: string[];
  readonly params: Record<string, unknown>;

  constructor(first: string, params: Record<string, unknown> = {}) {
    this.parts = [first];
    this.params = { ...params };
  }

  /** Adds a condition and the named parameters it uses. */
  and(condition: string, params: Record<string, unknown> = {}): this {
    this.parts.push(condition);
    Object.assign(this.params, params);
    return this;
  }

  /**
   * Adds `condition` when the filter field is given (not empty, zero or false): its value bound as
   * `@bind`, or, for a condition with several parameters, the parameters given.
   */
  when(value: unknown, condition: string, bind?: string | Record<string, unknown>): this {
    if (value === undefined || value === null || value === '' || value === false || value === 0) return this;
    return this.and(condition, typeof bind === 'string' ? { [bind]: value } : bind);
  }

  get sql(): string {
    return this.parts.join(' AND ');
  }
}

/** A LIKE pattern that finds `q` anywhere, its own % and _ taken literally (use with ESCAPE '\'). */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Money is stored in fen (integers), so that sums never drift; the contract speaks yuan. */
export function toFen(yuan: number | null): number | null {
  return yuan === null ? null : Math.round(yuan * 100);
}

export function toYuan(fen: number | null): number | null {
  return fen === null ? null : fen / 100;
}

/** Inserts one row; table and column names come from the calling code, never from input. */
export function insertRow(ctx: ServiceContext, table: string, cols: Record<string, unknown>): void {
  const names = Object.keys(cols);
  run(ctx, `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`, ...Object.values(cols));
}

/** Updates one row by id; table and column names come from the calling code, never from input. */
export function updateRow(ctx: ServiceContext, table: string, id: string, cols: Record<string, unknown>): void {
  const names = Object.keys(cols);
  run(ctx, `UPDATE ${table} SET ${names.map((n) => `${n} = ?`).join(', ')} WHERE id = ?`, ...Object.values(cols), id);
}

/** Rows of many records, each record's together, by the given column (in the order read). */
export function groupRows<T, K extends keyof T>(rows: readonly T[], key: K): Map<T[K], T[]> {
  const out = new Map<T[K], T[]>();
  for (const r of rows) {
    const list = out.get(r[key]);
    if (list) list.push(r);
    else out.set(r[key], [r]);
  }
  return out;
}
