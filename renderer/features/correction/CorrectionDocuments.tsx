/** 文书与打印 of a correction file (REVIEW §5.6): the forms of its 司法所工作档案, previewed, printed and saved as Word. */
import { Button } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { buildCorrectionDocument, correctionDocs, WHOLE_ARCHIVE, type CorrectionDocRequest } from '../../../shared/documents/correction';
import type { CorrectionFileView } from '../../../shared/schemas/correction';
import { RecordDocuments } from '../../components/DocumentsModal';
import { useCorrectionDocumentFile } from './mutations';
import { useCorrectionEnd } from './queries';
import { useSupervision } from './supervision/queries';

function CorrectionDocuments({ f, onClose }: { f: CorrectionFileView; onClose: () => void }) {
  const download = useCorrectionDocumentFile();
  const end = useCorrectionEnd(f.id).data ?? null;
  const supervision = useSupervision(f.id).data ?? null;
  const docs = useMemo(() => correctionDocs(f, end, supervision), [f, end, supervision]);
  const build = useCallback(
    (doc: CorrectionDocRequest, townshipName: string) => buildCorrectionDocument(f, { townshipName, end, supervision }, doc),
    [f, end, supervision],
  );
  return (
    <RecordDocuments
      name={f.person.name}
      docs={docs}
      initial="basic"
      whole={WHOLE_ARCHIVE}
      build={build}
      download={{ busy: download.busy, run: (doc) => void download.run({ id: f.id, doc }) }}
      onClose={onClose}
    />
  );
}

/** The page's button, with the modal it opens. */
export function CorrectionDocumentsButton({ f }: { f: CorrectionFileView }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)}>
        文书与打印
      </Button>
      {open && <CorrectionDocuments f={f} onClose={() => setOpen(false)} />}
    </>
  );
}
