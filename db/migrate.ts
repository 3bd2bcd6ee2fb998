/**
 * Our wrapper around drizzle's migrator, which compares only the last applied timestamp, never
 * checks hashes, and has no idea of a file written by a newer app. Before migrating we refuse such
 * a file, take a verified backup copy, switch foreign keys off outside the migrator's transaction,
 * and afterwards run foreign_key_check, restoring the copy if anything is wrong.
 */
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import { copyFileSync } from 'node:fs';
import { LedgerError } from '../shared/errors';
import { writeDbCopy } from './safe-file';

export interface MigrateResult {
  applied: number;
  backupPath: string | null;
}

function appliedMigrations(db: Database.Database): { hash: string; createdAt: number }[] {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  if (!exists) return [];
  return (db.prepare('SELECT hash, created_at AS createdAt FROM __drizzle_migrations').all() as { hash: string; createdAt: number | string }[]).map(
    (r) => ({ hash: r.hash, createdAt: Number(r.createdAt) }),
  );
}

export function knownMigrations(migrationsFolder: string): MigrationMeta[] {
  return readMigrationFiles({ migrationsFolder });
}

export function runMigrations(
  db: Database.Database,
  opts: { migrationsFolder: string; dbPath: string; stamp: string },
): MigrateResult {
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
    backupPath = `${opts.dbPath}.before-migrate-${opts.stamp}.bak`;
    writeDbCopy(db, backupPath);
  }

  db.pragma('foreign_keys = OFF');
  try {
    migrate(drizzle(db), { migrationsFolder: opts.migrationsFolder });
    const violations = db.pragma('foreign_key_check') as unknown[];
    if (violations.length > 0) {
      throw new LedgerError('DB_MIGRATION_FAILED', `账本文件升级后发现 ${violations.length} 处数据关联错误，已恢复到升级前的状态。`);
    }
  } catch (e) {
    if (backupPath) {
      db.close();
      copyFileSync(backupPath, opts.dbPath);
    }
    if (e instanceof LedgerError) throw e;
    throw new LedgerError('DB_MIGRATION_FAILED', `账本文件升级失败，已恢复到升级前的状态：${(e as Error).message}`);
  } finally {
    if (db.open) db.pragma('foreign_keys = ON');
  }
  return { applied: pending.length, backupPath };
}
