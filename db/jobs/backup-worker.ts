/**
 * Worker thread: the day's first backup (daily-backup.ts), on a connection of its own so that the first
 * screen never waits for it; then the backup folder pruned by its rules.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { backupFolder, writeBackup } from '../backup/backup';
import { pruneBackups } from '../backup/store';
import { openJobConnection } from '../open';
import type { BackupJobData, BackupJobMessage } from './daily-backup';

const data = workerData as BackupJobData;
const post = (m: BackupJobMessage) => parentPort!.postMessage(m);
try {
  const db = openJobConnection(data.path);
  try {
    const clock = { today: () => data.today, now: () => data.now };
    const written = writeBackup(db, { dbPath: data.path, reason: 'daily', clock });
    pruneBackups(backupFolder(data.path), data.today);
    post({ type: 'done', path: written.path });
  } finally {
    db.close();
  }
} catch (e) {
  post({ type: 'error', message: (e as Error)?.message ?? String(e) });
}
