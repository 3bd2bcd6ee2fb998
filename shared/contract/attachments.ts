import { z } from 'zod';
import { Id, type FileResult } from '../schemas/common';
import { AttachmentAddInput, AttachmentListInput, type Attachment, type DeletedAttachment } from '../schemas/attachments';
import { method } from './define';

export const attachmentsContract = {
  'attachments.list': method<Attachment[]>()(AttachmentListInput),
  'attachments.add': method<Attachment>()(AttachmentAddInput),
  'attachments.get': method<FileResult>()(z.strictObject({ id: Id })),
  'attachments.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  'attachments.restore': method<{ ok: true }>()(z.strictObject({ id: Id })),
  /** For the recycle bin: deleted attachments of every owner, newest first. */
  'attachments.deleted': method<DeletedAttachment[]>()(z.strictObject({}).optional()),
};
