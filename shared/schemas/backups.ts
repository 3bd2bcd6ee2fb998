/**
 * 备份与恢复 (RELIABILITY G3, G4; ARCHITECTURE rule 8): what the host reports of each backup and what
 * the settings page sends. A backup is identified by its file path: the default folder's backups and
 * one the user names (a backup on a USB stick, or one written by `ledger backup --to`).
 */
import { z } from 'zod';
import { BACKUP_REASONS, type BackupReason, type RetentionRules } from '../domain/backup-retention';
import type { AuditHead } from './audit';

/** What a backup holds, read from the file itself (not from its manifest). */
export interface BackupContents {
  /** Records of the main tables, by the label shown (人员, 纠纷登记…), in a fixed order. */
  counts: { label: string; count: number }[];
  townshipName: string | null;
  /** Migrations applied (the file's version of the schema). */
  schemaVersion: number;
  /**
   * The audit chain's head in the copy (rows and last hash); absent in backups of older versions. A later
   * history that does not extend it was rewritten after the backup was taken.
   */
  auditHead?: AuditHead;
}

export interface BackupManifest extends BackupContents {
  format: 1;
  createdAt: string;
  /** The local date it was taken (retention counts days by it). */
  day: string;
  reason: BackupReason;
  appVersion: string;
  sha256: string;
  size: number;
}

export type BackupCheck =
  | { state: 'ok'; message: null }
  | { state: 'damaged'; message: string }
  | { state: 'unchecked'; message: string | null };

export interface BackupEntry {
  path: string;
  fileName: string;
  /** Null for a file without a readable manifest. */
  manifest: BackupManifest | null;
  size: number;
  /** As written (the manifest says it was verified) or as re-checked on demand. */
  check: BackupCheck;
}

export interface BackupList {
  folder: string;
  backups: BackupEntry[];
  rules: RetentionRules;
  /** Set after a restore until it is undone or another restore is made. */
  undo: { restoredFrom: string; safetyBackup: string; at: string } | null;
}

export interface BackupPreview extends BackupContents {
  path: string;
  createdAt: string | null;
  reason: BackupReason | null;
  size: number;
}

const FilePath = z
  .string({ error: '请填写文件路径' })
  .trim()
  .min(1, '请填写文件路径')
  .max(1000, '路径太长（最多1000个字符）')
  .refine((p) => !p.includes('\u0000'), '路径中有不能使用的字符')
  // The host's working folder means nothing to the user: a drive (E:\), a share (\\服务器\) or /.
  .refine((p) => /^([A-Za-z]:[\\/]|\\\\|\/)/.test(p), '请填写完整的路径，如 E:\\台账备份');

export const BackupNowInput = z.strictObject({
  /** A folder of the user's choice; the ledger's own backup folder when absent. */
  folder: FilePath.optional(),
});

export const BackupFileInput = z.strictObject({ path: FilePath });

export const BackupReasonSchema = z.enum(BACKUP_REASONS, { error: '备份原因不正确' });

const count = (label: string, min: number, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(min, `${label}至少为 ${min}`)
    .max(max, `${label}最多为 ${max}`);

export const RetentionInput = z.strictObject({
  today: count('当天保留份数', 1, 100),
  days: count('按天保留的天数', 0, 90),
  weeks: count('按周保留的周数', 0, 52),
  months: count('按月保留的月数', 0, 120),
  migrationDays: count('升级前备份保留天数', 0, 3650),
});
