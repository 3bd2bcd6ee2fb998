import { z } from 'zod';
import { Id, type FileResult } from '../schemas/common';
import { AttachmentAddInput, AttachmentListInput, type Attachment } from '../schemas/attachments';
import { method } from './define';

export const attachmentsContract = {
  'attachments.list': method<Attachment[]>()(AttachmentListInput),
  'attachments.add': method<Attachment>()(AttachmentAddInput),
  'attachments.get': method<FileResult>()(z.strictObject({ id: Id })),
  'attachments.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
};
