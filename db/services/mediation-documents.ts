/**
 * The forms of a people's-mediation case file (人民调解卷宗) generated from the case. Reading the record is synchronous SQLite work; packing
 * the .docx is asynchronous. Each generation leaves an audit line: personal data left the ledger.
 */
import type { z } from 'zod';
import { availableDocs, buildMediationDocument, MEDIATION_DOC_TITLES } from '../../shared/documents/mediation';
import { LedgerError } from '../../shared/errors';
import type { FileResult } from '../../shared/schemas/common';
import type { MediationDocInput } from '../../shared/schemas/mediation';
import type { ServiceContext } from '../context';
import { attachmentCounts } from './attachments';
import { documentFile } from './documents';
import { getCase } from './mediation';
import { dictLabel } from './reference';

export async function mediationDocument(ctx: ServiceContext, input: z.output<typeof MediationDocInput>): Promise<FileResult> {
  const c = getCase(ctx, input.caseId);
  if (c.deletedAt) throw new LedgerError('NOT_FOUND', '该案件已删除，恢复后才能生成文书。');
  const doc = availableDocs(c).find((d) => d.key === input.doc)!;
  if (!doc.ready) throw new LedgerError('INVALID_TRANSITION', `暂不能生成${doc.title}：${doc.why}。`);
  const model = buildMediationDocument(
    c,
    { categoryLabel: dictLabel(ctx, 'dispute_category', c.category), attachments: attachmentCounts(ctx, 'mediation_case', c.id) },
    input.doc,
  );
  return documentFile(ctx, model, { entity: 'mediation', id: c.id, title: MEDIATION_DOC_TITLES[input.doc] });
}
