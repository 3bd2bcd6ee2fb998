/**
 * A record's form as a Word file: the model (shared/documents/) packed into a .docx, and an audit line
 * saying who took which form of whose record out of the ledger (personal data left it). Every module's
 * documents go through here.
 */
import type { DocumentModel } from '../../shared/documents/model';
import type { AuditEntity } from '../../shared/modules';
import type { FileResult } from '../../shared/schemas/common';
import type { ServiceContext } from '../context';
import { audit } from './audit';
import { write } from './sql';

export async function documentFile(
  ctx: ServiceContext,
  model: DocumentModel,
  owner: { entity: AuditEntity; id: string; title: string },
): Promise<FileResult> {
  // Loaded with the first document, not at start: the Word library alone takes some 40 ms to load.
  const { renderDocx } = await import('../documents/docx');
  const file = await renderDocx(model);
  write(ctx, () =>
    audit(ctx, { action: 'export', entity: owner.entity, entityId: owner.id, after: { 文书: owner.title, 文件: file.fileName } }),
  );
  return file;
}
