/**
 * Attachments: scanned signed agreements, ID copies, evidence… stored as BLOBs inside the ledger
 * file (the ledger stays one file). The bytes cross the transport base64-encoded; the host checks
 * the real type by magic bytes and keeps the original file name for display only.
 */
import { z } from 'zod';
import { ATTACHMENT_OWNERS, MODULE_INFO, moduleOfAttachmentOwner, type AttachmentOwner } from '../modules';
import { Id } from './common';

export { ATTACHMENT_OWNERS, type AttachmentOwner } from '../modules';

/** What an owner is called (调解案件, 重点人员档案): its module's record. */
export function attachmentOwnerLabel(owner: AttachmentOwner): string {
  return MODULE_INFO[moduleOfAttachmentOwner(owner)].record;
}

export const ATTACHMENT_KINDS = [
  'agreement',
  'identity',
  'authorization',
  'evidence',
  'performance',
  'visit_photo',
  'document',
  'other',
] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];
export const ATTACHMENT_KIND_LABELS: Record<AttachmentKind, string> = {
  agreement: '协议书原件',
  identity: '身份证明',
  authorization: '授权委托书',
  evidence: '证据材料',
  performance: '履行凭证',
  visit_photo: '走访照片',
  /** 判决书、执行通知书、刑满释放人员通知书 … as scanned (REVIEW §5.6, REVIEW §6.5). */
  document: '法律文书、通知书',
  other: '其他',
};

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** Base64 length of the largest allowed file: 4 characters per 3 bytes. */
export const MAX_ATTACHMENT_BASE64 = Math.ceil(MAX_ATTACHMENT_BYTES / 3) * 4;

/** 512 B, 12.3 KB, 23.4 MB — for the list and for the messages below. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The one sentence for a file that is empty or too large; null when the size is acceptable. Used by the form, the schema and the service. */
export function attachmentSizeProblem(bytes: number): string | null {
  if (bytes === 0) return '文件是空的（0 字节），请重新选择';
  if (bytes > MAX_ATTACHMENT_BYTES) return `文件过大（${formatSize(bytes)}），单个附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`;
  return null;
}

export const ATTACHMENT_TYPE_MESSAGE = '只能上传图片（JPG、PNG、GIF、WebP、BMP、TIFF）或 PDF 文件';

const Owner = {
  ownerType: z.enum(ATTACHMENT_OWNERS, { error: '附件所属的记录类型不正确' }),
  ownerId: Id,
};

export const AttachmentListInput = z.strictObject(Owner);

export const AttachmentAddInput = z.strictObject({
  ...Owner,
  /** The name on the user's disk; sanitised by the host and kept for display only, never as a path. */
  fileName: z.string({ error: '缺少文件名' }).max(1000, '文件名过长'),
  kind: z.enum(ATTACHMENT_KINDS, { error: '请选择附件类别' }),
  base64: z
    .string({ error: '缺少文件内容' })
    // Checked before the pattern, so an oversize file gets the size message with its real size.
    .max(MAX_ATTACHMENT_BASE64, { error: (iss) => attachmentSizeProblem(Math.floor(((iss.input as string).length * 3) / 4)) ?? '文件过大' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容不是有效的 base64 编码'),
});
export type AttachmentAddInput = z.input<typeof AttachmentAddInput>;

/** Metadata only: the bytes are fetched one file at a time with attachments.get. */
export interface Attachment {
  id: string;
  ownerType: AttachmentOwner;
  ownerId: string;
  kind: AttachmentKind;
  fileName: string;
  mime: string;
  sizeBytes: number;
  sha256: string;
  createdAt: string;
  createdBy: string;
}
