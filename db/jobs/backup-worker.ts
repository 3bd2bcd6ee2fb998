/**
 * Worker thread: one backup of the open ledger on a connection of its own (daily-backup.ts), so that
 * neither the first screen nor the window waits for it — the day's first backup and 立即备份; then, for
 * a backup into the ledger's own folder, that folder pruned by its rules. Or one backup file re-verified,
 * or verified and read for a restore.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LedgerError } from '../../shared/errors';
import { backupFolder, verifyEntry, writeBackup } from '../backup/backup';
import { previewBackup } from '../backup/restore';
import { pruneBackups } from '../backup/store';
import { openJobConnection } from '../open';
import type { BackupJobData, BackupJobMessage } from './daily-backup';

const data = workerData as BackupJobData;
const post = (m: BackupJobMessage) => parentPort!.postMessage(m);
try {
  if (data.preview) {
    post({ type: 'step', step: '正在校验备份（SHA-256、完整性检查、记录数）' });
    post({ type: 'done', entry: previewBackup(data.preview.file, data.preview.migrationsFolder) });
  } else if (data.verify) {
    post({ type: 'step', step: '正在校验备份（完整性检查、记录数、SHA-256）' });
    post({ type: 'done', entry: verifyEntry(data.verify.file, data.verify.knownMigrations) });
  } else backup();
} catch (e) {
  post({ type: 'error', code: e instanceof LedgerError ? e.code : 'INTERNAL', message: (e as Error)?.message ?? String(e) });
}

function backup(): void {
  const db = openJobConnection(data.path);
  try {
    const clock = { today: () => data.today, now: () => data.now };
    const onStep = (step: string) => post({ type: 'step', step });
    const entry = writeBackup(db, { dbPath: data.path, reason: data.reason, clock, folder: data.folder, onStep });
    if (data.folder === undefined && !data.keep) pruneBackups(backupFolder(data.path), data.today);
    post({ type: 'done', entry });
  } finally {
    db.close();
  }
}
