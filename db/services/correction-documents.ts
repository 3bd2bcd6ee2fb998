/** The forms of a correction file's 司法所工作档案 as Word (REVIEW §5.6); a minor's closed file only for its holder. */
import type { z } from 'zod';
import { buildCorrectionDocument, CORRECTION_DOC_TITLES, correctionDocs } from '../../shared/documents/correction';
import { LedgerError } from '../../shared/errors';
import type { FileResult } from '../../shared/schemas/common';
import type { CorrectionDocInput } from '../../shared/schemas/correction';
import type { ServiceContext } from '../context';
import { getFile } from './correction';
import { correctionEndView } from './correction-end';
import { getSupervision } from './correction-supervision';
import { documentFile } from './documents';
import { getSettings } from './reference';

export async function correctionDocument(ctx: ServiceContext, input: z.output<typeof CorrectionDocInput>): Promise<FileResult> {
  const f = getFile(ctx, input.id);
  if (f.deletedAt) throw new LedgerError('NOT_FOUND', '该档案已删除，恢复后才能生成文书。');
  const end = correctionEndView(ctx, f.id);
  const supervision = getSupervision(ctx, f.id);
  const doc = correctionDocs(f, end, supervision).find((d) => d.key === input.doc)!;
  if (!doc.ready) throw new LedgerError('INVALID_TRANSITION', `暂不能生成${doc.title}：${doc.why}。`);
  const model = buildCorrectionDocument(f, { townshipName: getSettings(ctx).townshipName, end, supervision }, input.doc);
  return documentFile(ctx, model, { entity: 'correction', id: f.id, title: CORRECTION_DOC_TITLES[input.doc] });
}
