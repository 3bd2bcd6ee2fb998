import type { FileResult } from '../schemas/common';
import { MediationDocInput } from '../schemas/documents';
import { method } from './define';

export const documentsContract = {
  /** One form of a mediation case file, or the whole file (卷宗), as .docx. */
  'documents.mediation': method<FileResult>()(MediationDocInput),
};
