/** 文书与打印 of a mediation case: every form of its case file (renderer/components/DocumentsModal.tsx). */
import { Badge } from '@mantine/core';
import { useMemo, useState } from 'react';
import { availableDocs, buildMediationDocument, type MediationDocRequest } from '../../../shared/documents/mediation';
import type { AttachmentKind } from '../../../shared/schemas/attachments';
import type { MediationCase } from '../../../shared/schemas/mediation';
import { DocumentsModal as FormsModal } from '../../components/DocumentsModal';
import { useAttachments } from '../attachments/queries';
import { useDicts } from '../reference/queries';
import { useMediationDocumentFile } from './mutations';

export function DocumentsModal({ c, opened, onClose }: { c: MediationCase; opened: boolean; onClose: () => void }) {
  const dicts = useDicts();
  const docs = useMemo(() => availableDocs(c), [c]);
  const [selected, setSelected] = useState<MediationDocRequest>(() => (c.agreement?.form === 'written' ? 'agreement' : 'register'));
  const download = useMediationDocumentFile();
  const papers = useAttachments('mediation_case', c.id);
  const model = useMemo(() => {
    const attachments: Partial<Record<AttachmentKind, number>> = {};
    for (const a of papers.data ?? []) attachments[a.kind] = (attachments[a.kind] ?? 0) + 1;
    return buildMediationDocument(c, { categoryLabel: dicts.label('dispute_category', c.category), attachments }, selected);
  }, [c, dicts, selected, papers.data]);
  return (
    <FormsModal
      title={`文书与打印 — ${c.caseNo}`}
      opened={opened}
      onClose={onClose}
      docs={docs}
      selected={selected}
      onSelect={setSelected}
      model={model}
      download={{ busy: download.busy, run: () => void download.run({ caseId: c.id, doc: selected }) }}
      badge={(key) => (key === 'dossier' ? <Badge size="xs">全卷</Badge> : undefined)}
    />
  );
}
