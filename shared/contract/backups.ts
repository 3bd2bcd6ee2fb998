import { z } from 'zod';
import type { RetentionRules } from '../domain/backup-retention';
import { BackupFileInput, BackupNowInput, RetentionInput, type BackupEntry, type BackupList, type BackupPreview } from '../schemas/backups';
import { job, method } from './define';

export const backupsContract = {
  /** The ledger's backup folder: every backup with its manifest, the retention rules and the undo of the last restore. */
  'backups.list': method<BackupList>()(z.strictObject({}).optional()),
  /** 立即备份: written, verified and renamed into the default folder or the folder given. */
  'backups.create': job<BackupEntry>()(BackupNowInput),
  /** Reads the file again: integrity_check, its application id and version, counts, SHA-256 against its manifest. */
  'backups.verify': job<BackupEntry>()(BackupFileInput),
  /** What a backup holds, for the confirmation before a restore; a damaged or foreign file is refused. */
  'backups.preview': method<BackupPreview>()(BackupFileInput),
  /** Replaces the ledger by the backup, after a safety backup of the current file (撤销恢复 goes back to it). */
  'backups.restore': job<BackupPreview>()(BackupFileInput),
  'backups.undoRestore': job<BackupPreview>()(z.strictObject({}).optional()),
  'backups.saveRules': method<RetentionRules>()(RetentionInput),
};
