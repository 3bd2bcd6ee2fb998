/**
 * The backup folder's own state, kept in files beside the backups rather than in the ledger, so that a
 * restore (which replaces the ledger) leaves it alone: the retention rules (`retention.json`), the undo of
 * the last restore (`restore-undo.json`), and the pruning of automatic backups by the rules.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { backupsToKeep, DEFAULT_RETENTION, type RetentionRules } from '../../shared/domain/backup-retention';
import { RetentionInput, type BackupList } from '../../shared/schemas/backups';
import { listBackupFiles, manifestPath } from './backup';
import { keysPath } from '../crypto/keyring';

const RULES_FILE = 'retention.json';
const UNDO_FILE = 'restore-undo.json';

export type RestoreUndo = NonNullable<BackupList['undo']>;

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Small state files: written whole under a temporary name, then renamed. */
function writeJson(path: string, value: unknown): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`, { flush: true });
  renameSync(tmp, path);
}

export function readRules(dir: string): RetentionRules {
  const parsed = RetentionInput.safeParse(readJson(join(dir, RULES_FILE)));
  return parsed.success ? parsed.data : { ...DEFAULT_RETENTION };
}

export function saveRules(dir: string, rules: RetentionRules): void {
  mkdirSync(dir, { recursive: true });
  writeJson(join(dir, RULES_FILE), rules);
}

export function readUndo(dir: string): RestoreUndo | null {
  const u = readJson(join(dir, UNDO_FILE)) as RestoreUndo | null;
  return u && typeof u.safetyBackup === 'string' && typeof u.restoredFrom === 'string' && typeof u.at === 'string' ? u : null;
}

export function saveUndo(dir: string, undo: RestoreUndo | null): void {
  const path = join(dir, UNDO_FILE);
  if (undo) writeJson(path, undo);
  else if (existsSync(path)) unlinkSync(path);
}

/**
 * Deletes the backups of the ledger's own folder that the rules let go (a file without a manifest is
 * not ours to judge and stays; so does the safety backup a restore can still go back to). Returns the
 * paths deleted. Backups written to a folder the user chose are never pruned: only this folder is read.
 */
export function pruneBackups(dir: string, today: string, rules: RetentionRules = readRules(dir)): string[] {
  const undo = readUndo(dir);
  const listed = listBackupFiles(dir).flatMap((e) =>
    e.manifest ? [{ id: e.path, day: e.manifest.day, createdAt: e.manifest.createdAt, reason: e.manifest.reason, verified: true }] : [],
  );
  const keep = new Set(backupsToKeep(listed, today, rules));
  const deleted: string[] = [];
  for (const b of listed) {
    if (keep.has(b.id) || b.id === undo?.safetyBackup) continue;
    try {
      unlinkSync(b.id);
      if (existsSync(manifestPath(b.id))) unlinkSync(manifestPath(b.id));
      if (existsSync(keysPath(b.id))) unlinkSync(keysPath(b.id));
      deleted.push(b.id);
    } catch {
      /* kept until the next time; a backup too many is no harm */
    }
  }
  return deleted;
}
