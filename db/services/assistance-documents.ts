/** The forms of an 安置帮教 file as Word (REVIEW §6.5), built from the file as its page shows it. */
import type { z } from 'zod';
import { assistanceDocs, buildAssistanceDocument, ASSISTANCE_DOC_TITLES } from '../../shared/documents/assistance';
import { LedgerError } from '../../shared/errors';
import type { AssistanceDocInput } from '../../shared/schemas/assistance';
import type { FileResult } from '../../shared/schemas/common';
import type { ServiceContext } from '../context';
import { getFile } from './assistance';
import { documentFile } from './documents';
import { getSettings } from './reference';

export async function assistanceDocument(ctx: ServiceContext, input: z.output<typeof AssistanceDocInput>): Promise<FileResult> {
  const f = getFile(ctx, input.id);
  if (f.deletedAt) throw new LedgerError('NOT_FOUND', '该档案已删除，恢复后才能生成文书。');
  const doc = assistanceDocs(f).find((d) => d.key === input.doc)!;
  if (!doc.ready) throw new LedgerError('INVALID_TRANSITION', `暂不能生成${doc.title}：${doc.why}。`);
  const model = buildAssistanceDocument(f, { townshipName: getSettings(ctx).townshipName }, input.doc);
  return documentFile(ctx, model, { entity: 'assistance', id: f.id, title: ASSISTANCE_DOC_TITLES[input.doc] });
}
