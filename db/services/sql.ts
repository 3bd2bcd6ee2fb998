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
