/**
 * 附件: scanned agreements and other papers kept as BLOBs in the ledger. The real type is read from
 * the file's first bytes (the name may lie); only images and PDF are kept. The original name is
 * sanitised for display (CONTRIBUTING.md, RELIABILITY T12) and never used as a path. Audit rows record the name,
 * size, hash and category, never the bytes.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import {
  ATTACHMENT_KIND_LABELS,
  attachmentOwnerLabel,
  ATTACHMENT_TYPE_MESSAGE,
  attachmentSizeProblem,
  type Attachment,
  type AttachmentAddInput,
  type AttachmentKind,
  type AttachmentOwner,
} from '../../shared/schemas/attachments';
import type { FileResult } from '../../shared/schemas/common';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import { audit } from './audit';
import type { RecycleSource } from './recycle';
import { all, one, run, write } from './sql';

// ── what the bytes are ────────────────────────────────────────────────────────────────────────

interface FileType {
  mime: string;
  /** The extension given to a name whose own extension does not match. */
  ext: string;
  /** Extensions accepted as they are. */
  exts: string[];
}

const startsWith = (b: Buffer, at: number, sig: string | number[]) => {
  const want = typeof sig === 'string' ? Buffer.from(sig, 'latin1') : Buffer.from(sig);
  return b.length >= at + want.length && b.subarray(at, at + want.length).equals(want);
};

/** BMP's two-byte "BM" is weak on its own: also require the zero reserved field and a known DIB header size. */
const DIB_HEADER_SIZES = new Set([12, 40, 52, 56, 64, 108, 124]);

const TYPES: (FileType & { test: (b: Buffer) => boolean })[] = [
  { mime: 'image/jpeg', ext: 'jpg', exts: ['jpg', 'jpeg', 'jpe', 'jfif'], test: (b) => startsWith(b, 0, [0xff, 0xd8, 0xff]) },
  { mime: 'image/png', ext: 'png', exts: ['png'], test: (b) => startsWith(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { mime: 'image/gif', ext: 'gif', exts: ['gif'], test: (b) => startsWith(b, 0, 'GIF87a') || startsWith(b, 0, 'GIF89a') },
  { mime: 'image/webp', ext: 'webp', exts: ['webp'], test: (b) => startsWith(b, 0, 'RIFF') && startsWith(b, 8, 'WEBP') },
  {
    mime: 'image/bmp',
    ext: 'bmp',
    exts: ['bmp', 'dib'],
    test: (b) => startsWith(b, 0, 'BM') && b.length >= 18 && b.readUInt32LE(6) === 0 && DIB_HEADER_SIZES.has(b.readUInt32LE(14)),
  },
  {
    mime: 'image/tiff',
    ext: 'tif',
    exts: ['tif', 'tiff'],
    test: (b) => startsWith(b, 0, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, 0, [0x4d, 0x4d, 0x00, 0x2a]),
  },
  { mime: 'application/pdf', ext: 'pdf', exts: ['pdf'], test: (b) => startsWith(b, 0, '%PDF-') },
];

function detectType(bytes: Buffer): FileType | null {
  return TYPES.find((t) => t.test(bytes)) ?? null;
}

// ── the display name ──────────────────────────────────────────────────────────────────────────

// Control characters, bidirectional overrides and isolates (U+202E turns "gnp.exe" into "exe.png"
// on screen), zero-width and other invisible characters.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the pattern exists to find.
const INVISIBLE = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Not allowed in Windows file names; ':' would also name an NTFS alternate data stream. */
const WINDOWS_ILLEGAL = /[<>:"|?*]/g;
/** Device names Windows refuses as a file name, with any extension ("CON.png", "nul.tar.gz"). */
const RESERVED = /^(CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])$/i;
/** What counts as an extension to keep or replace: up to 10 letters and digits, at least one letter ("2024.06.15" has none). */
const EXTENSION = /^(?=.*[A-Za-z])[A-Za-z0-9]{1,10}$/;
const MAX_NAME_LENGTH = 120;

/**
 * The name shown in the list and suggested when saving: the last path part only (both / and \),
 * no invisible characters, no Windows-illegal characters or device names, no leading or trailing
 * dots and spaces, at most 120 characters, and an extension that matches the real type.
 */
function displayName(raw: string, type: FileType): string {
  let name = raw.normalize('NFC').replace(LONE_SURROGATE, '').replace(INVISIBLE, '');
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  name = name
    .replace(WINDOWS_ILLEGAL, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1) : '';
  let base = EXTENSION.test(ext) ? name.slice(0, dot) : name;
  const keptExt = type.exts.includes(ext.toLowerCase()) ? ext : type.ext;
  if (RESERVED.test(base.split('.')[0]!.trim())) base = `_${base}`;
  base = Array.from(base)
    .slice(0, MAX_NAME_LENGTH - keptExt.length - 1)
    .join('')
    .replace(/[\s.]+$/, '');
  return `${base || '附件'}.${keptExt}`;
}

// ── owners ────────────────────────────────────────────────────────────────────────────────────

/**
 * What names an owner record for people and whether it is deleted. Each module whose records take
 * attachments registers one in db/modules.ts; this service reads none of their tables.
 */
export type AttachmentOwnerLookup = (ctx: ServiceContext, id: string) => { label: string; deletedAt: string | null } | undefined;
export type AttachmentOwners = { [O in AttachmentOwner]: AttachmentOwnerLookup };

function requireLiveOwner(ctx: ServiceContext, owners: AttachmentOwners, type: AttachmentOwner, id: string): void {
  const o = owners[type](ctx, id);
  if (!o || o.deletedAt) throw new LedgerError('NOT_FOUND', `该${attachmentOwnerLabel(type)}不存在或已删除，不能添加附件。`);
}

// ── reading ───────────────────────────────────────────────────────────────────────────────────

/** Every column but `data`: listing must not read the files. */
const META = `id, owner_type AS ownerType, owner_id AS ownerId, kind, file_name AS fileName, mime, size_bytes AS sizeBytes,
  sha256, created_at AS createdAt, created_by_name AS createdBy`;

function loadMeta(ctx: ServiceContext, id: string): (Attachment & { deletedAt: string | null }) | undefined {
  return one(ctx, `SELECT ${META}, deleted_at AS deletedAt FROM attachment WHERE id = ?`, id);
}

/** What the audit trail keeps of an attachment: enough to identify the file, never its bytes. */
function auditView(a: Attachment) {
  return {
    ownerType: a.ownerType,
    ownerId: a.ownerId,
    fileName: a.fileName,
    kind: a.kind,
    mime: a.mime,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
  };
}

export function listAttachments(ctx: ServiceContext, owners: AttachmentOwners, ownerType: AttachmentOwner, ownerId: string): Attachment[] {
  if (!owners[ownerType](ctx, ownerId)) throw new LedgerError('NOT_FOUND', `该${attachmentOwnerLabel(ownerType)}不存在。`);
  return all<Attachment>(
    ctx,
    `SELECT ${META} FROM attachment WHERE owner_type = ? AND owner_id = ? AND deleted_at IS NULL ORDER BY id`,
    ownerType,
    ownerId,
  );
}

/** How many live papers of each kind a record has (a case file's 卷内目录 lists them). */
export function attachmentCounts(
  ctx: ServiceContext,
  ownerType: AttachmentOwner,
  ownerId: string,
): Partial<Record<AttachmentKind, number>> {
  const rows = all<{ kind: AttachmentKind; n: number }>(
    ctx,
    'SELECT kind, count(*) AS n FROM attachment WHERE owner_type = ? AND owner_id = ? AND deleted_at IS NULL GROUP BY kind',
    ownerType,
    ownerId,
  );
  return Object.fromEntries(rows.map((r) => [r.kind, r.n]));
}

/** One file's bytes; its owner is asked first, so a closed record's papers stay as closed as the record. */
export function getAttachment(ctx: ServiceContext, owners: AttachmentOwners, id: string): FileResult {
  const row = one<{ fileName: string; mime: string; data: Buffer; ownerType: AttachmentOwner; ownerId: string }>(
    ctx,
    'SELECT file_name AS fileName, mime, data, owner_type AS ownerType, owner_id AS ownerId FROM attachment WHERE id = ? AND deleted_at IS NULL',
    id,
  );
  if (!row) throw new LedgerError('NOT_FOUND', '该附件不存在或已删除。');
  owners[row.ownerType](ctx, row.ownerId);
  return { fileName: row.fileName, mime: row.mime, base64: row.data.toString('base64') };
}

/** The recycle bin's section: deleted attachments with what they belonged to, newest first. */
export function attachmentsRecycle(owners: AttachmentOwners): RecycleSource {
  return {
    deleted(ctx, limit) {
      const rows = all<Attachment & { deletedAt: string }>(
        ctx,
        `SELECT ${META}, deleted_at AS deletedAt FROM attachment WHERE deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC LIMIT ?`,
        limit,
      );
      const total = one<{ n: number }>(ctx, 'SELECT count(*) AS n FROM attachment WHERE deleted_at IS NOT NULL')!.n;
      return {
        rows: rows.map((a) => ({
          id: a.id,
          name: a.fileName,
          cells: [
            a.fileName,
            ATTACHMENT_KIND_LABELS[a.kind],
            `${attachmentOwnerLabel(a.ownerType)} ${owners[a.ownerType](ctx, a.ownerId)?.label ?? ''}`,
          ],
          deletedAt: a.deletedAt,
        })),
        total,
      };
    },
    restore: (ctx, id) => void restoreAttachment(ctx, owners, id),
  };
}

// ── writing ───────────────────────────────────────────────────────────────────────────────────

export function addAttachment(ctx: ServiceContext, owners: AttachmentOwners, input: z.output<typeof AttachmentAddInput>): Attachment {
  const bytes = Buffer.from(input.base64, 'base64');
  const sizeProblem = attachmentSizeProblem(bytes.length);
  if (sizeProblem) throw new LedgerError('VALIDATION', sizeProblem);
  const type = detectType(bytes);
  if (!type) throw new LedgerError('VALIDATION', ATTACHMENT_TYPE_MESSAGE);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return write(ctx, () => {
    requireLiveOwner(ctx, owners, input.ownerType, input.ownerId);
    const a: Attachment = {
      id: newId(),
      ownerType: input.ownerType,
      ownerId: input.ownerId,
      kind: input.kind,
      fileName: displayName(input.fileName, type),
      mime: type.mime,
      sizeBytes: bytes.length,
      sha256,
      createdAt: ctx.clock.now(),
      createdBy: ctx.user.name,
    };
    run(
      ctx,
      `INSERT INTO attachment (id, owner_type, owner_id, kind, file_name, mime, size_bytes, sha256, created_by_id, created_by_name, created_at, updated_at, data)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      a.id,
      a.ownerType,
      a.ownerId,
      a.kind,
      a.fileName,
      a.mime,
      a.sizeBytes,
      a.sha256,
      ctx.user.id,
      a.createdBy,
      a.createdAt,
      a.createdAt,
      bytes,
    );
    audit(ctx, { action: 'create', entity: 'attachment', entityId: a.id, after: auditView(a) });
    return a;
  });
}

export function deleteAttachment(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const a = loadMeta(ctx, id);
    if (!a || a.deletedAt) throw new LedgerError('NOT_FOUND', '该附件不存在或已删除。');
    const now = ctx.clock.now();
    run(ctx, 'UPDATE attachment SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    audit(ctx, { action: 'delete', entity: 'attachment', entityId: id, before: auditView(a) });
    return { ok: true as const };
  });
}

export function restoreAttachment(ctx: ServiceContext, owners: AttachmentOwners, id: string): { ok: true } {
  return write(ctx, () => {
    const a = loadMeta(ctx, id);
    if (!a?.deletedAt) throw new LedgerError('NOT_FOUND', '回收站中没有这个附件。');
    const owner = owners[a.ownerType](ctx, a.ownerId);
    if (!owner || owner.deletedAt) {
      throw new LedgerError(
        'CONFLICT',
        `附件所属的${attachmentOwnerLabel(a.ownerType)}已删除，请先恢复${owner ? `“${owner.label}”` : '该记录'}。`,
      );
    }
    run(ctx, 'UPDATE attachment SET deleted_at = NULL, updated_at = ? WHERE id = ?', ctx.clock.now(), id);
    audit(ctx, { action: 'restore', entity: 'attachment', entityId: id, after: auditView(a) });
    return { ok: true as const };
  });
}
