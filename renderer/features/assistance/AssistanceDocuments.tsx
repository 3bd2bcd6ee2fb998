/** 文书与打印 of an 安置帮教 file (REVIEW §6.5): its forms previewed, printed and saved as Word. */
import { Badge } from '@mantine/core';
import { useMemo, useState } from 'react';
import { assistanceDocs, buildAssistanceDocument, type AssistanceDocRequest } from '../../../shared/documents/assistance';
import type { AssistanceFileView } from '../../../shared/schemas/assistance';
import { DocumentsModal } from '../../components/DocumentsModal';
import { useSettings } from '../reference/queries';
import { useAssistanceDocumentFile } from './mutations';

export function AssistanceDocuments({ f, onClose }: { f: AssistanceFileView; onClose: () => void }) {
  const settings = useSettings();
  const docs = useMemo(() => assistanceDocs(f), [f]);
  const [selected, setSelected] = useState<AssistanceDocRequest>('handover');
  const download = useAssistanceDocumentFile();
  const model = useMemo(
    () => buildAssistanceDocument(f, { townshipName: settings.data?.townshipName ?? '' }, selected),
    [f, settings.data, selected],
  );
  return (
    <DocumentsModal
      title={`文书与打印 — ${f.person.name}`}
      opened
      onClose={onClose}
      docs={docs}
      selected={selected}
      onSelect={setSelected}
      model={model}
      download={{ busy: download.busy, run: () => void download.run({ id: f.id, doc: selected }) }}
      badge={(key) => (key === 'file' ? <Badge size="xs">全档</Badge> : undefined)}
    />
  );
}
