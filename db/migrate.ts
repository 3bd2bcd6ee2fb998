/**
 * Applies drizzle-kit's generated migrations (same files, same __drizzle_migrations table) with
 * the guards drizzle's own migrator lacks: it compares only the last applied timestamp, never checks
 * hashes and knows nothing of a file written by a newer app. We refuse such a file, take a verified
 * backup first (db/backup/backup.ts), switch foreign keys off outside the transaction (SQLite ignores the pragma
 * inside one), and run foreign_key_check before committing.
 */
import type Database from 'better-sqlite3';
import type { MigrationMeta } from 'drizzle-orm/migrator';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { LedgerError } from '../shared/errors';
import type { Clock } from '../shared/dates';
import { writeBackup } from './backup/backup';

export interface MigrateResult {
  applied: number;
  backupPath: string | null;
}

function appliedMigrations(db: Database.Database): { hash: string; createdAt: number }[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  if (!exists) return [];
  return (
    db.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations').all() as { hash: string; createdAt: number | string }[]
  ).map((r) => ({ hash: r.hash, createdAt: Number(r.createdAt) }));
}

/** The migrations with their SQL and hashes (drizzle's reader, loaded only when a file is migrated). */
export function knownMigrations(migrationsFolder: string): MigrationMeta[] {
  const { readMigrationFiles } = createRequire(import.meta.url)('drizzle-orm/migrator') as typeof import('drizzle-orm/migrator');
  return readMigrationFiles({ migrationsFolder });
}

/**
 * How many of the app's migrations the file has not had yet (0: it is at this version or refused as newer).
 * Read from the journal alone, as drizzle names each migration by its time, so that opening a ledger that
 * is up to date neither loads the migrator nor reads every migration's SQL.
 */
export function pendingMigrations(db: Database.Database, migrationsFolder: string): number {
  const applied = new Set(appliedMigrations(db).map((a) => a.createdAt));
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return journal.entries.filter((e) => !applied.has(e.when)).length;
}

/** How many migrations recorded in the file this app does not know (more than 0: written by a newer version). */
export function unknownMigrations(db: Database.Database, migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const known = new Set(journal.entries.map((e) => e.when));
  return appliedMigrations(db).filter((a) => !known.has(a.createdAt)).length;
}

export function runMigrations(db: Database.Database, opts: { migrationsFolder: string; dbPath: string; clock: Clock }): MigrateResult {
  const known = knownMigrations(opts.migrationsFolder);
  const knownTimes = new Set(known.map((m) => m.folderMillis));
  const applied = appliedMigrations(db);
  const unknown = applied.filter((a) => !knownTimes.has(a.createdAt));
  if (unknown.length > 0) {
    throw new LedgerError('DB_NEWER_THAN_APP');
  }
  const appliedTimes = new Set(applied.map((a) => a.createdAt));
  const pending = known.filter((m) => !appliedTimes.has(m.folderMillis));
  if (pending.length === 0) return { applied: 0, backupPath: null };

  let backupPath: string | null = null;
  if (applied.length > 0) {
    // A verified backup in the ledger's backup folder, listed and restorable like any other (kept a year).
    backupPath = writeBackup(db, { dbPath: opts.dbPath, reason: 'before-migration', clock: opts.clock }).path;
  }

  // All pending migrations and the reference check run in one transaction, so a failure leaves
  // the file exactly as it was (the backup copy is a second line of defence).
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      db.exec('CREATE TABLE IF NOT EXISTS __drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)');
      for (const m of pending) {
        for (const statement of m.sql) if (statement.trim()) db.exec(statement);
        db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run(m.hash, m.folderMillis);
      }
      const violations = db.pragma('foreign_key_check') as unknown[];
      if (violations.length > 0) {
        throw new LedgerError(
          'DB_MIGRATION_FAILED',
          `账本文件升级后发现 ${violations.length} 处数据关联错误，已恢复到升级前的状态，未作任何改动。`,
        );
      }
    })();
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    throw new LedgerError('DB_MIGRATION_FAILED', `账本文件升级失败，已恢复到升级前的状态：${(e as Error).message}`);
  } finally {
    db.pragma('foreign_keys = ON');
  }
  return { applied: pending.length, backupPath };
}

/** How many migrations this app has: a file that has had more was written by a newer version. */
export function migrationCount(migrationsFolder: string): number {
  return (JSON.parse(readFileSync(join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;
}
