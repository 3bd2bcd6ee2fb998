/** 文书与打印 of an 安置帮教 file (REVIEW §6.5): its forms previewed, printed and saved as Word. */
import { useCallback, useMemo } from 'react';
import { assistanceDocs, buildAssistanceDocument, WHOLE_FILE, type AssistanceDocRequest } from '../../../shared/documents/assistance';
import type { AssistanceFileView } from '../../../shared/schemas/assistance';
import { RecordDocuments } from '../../components/DocumentsModal';
import { useAssistanceDocumentFile } from './mutations';

export function AssistanceDocuments({ f, onClose }: { f: AssistanceFileView; onClose: () => void }) {
  const download = useAssistanceDocumentFile();
  const docs = useMemo(() => assistanceDocs(f), [f]);
  const build = useCallback((doc: AssistanceDocRequest, townshipName: string) => buildAssistanceDocument(f, { townshipName }, doc), [f]);
  return (
    <RecordDocuments
      name={f.person.name}
      docs={docs}
      initial="handover"
      whole={WHOLE_FILE}
      build={build}
      download={{ busy: download.busy, run: (doc) => void download.run({ id: f.id, doc }) }}
      onClose={onClose}
    />
  );
}
