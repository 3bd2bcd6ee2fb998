/**
 * The two ways a file leaves the app from a page: a file the host builds (Word, Excel) saved with
 * the browser's download, and — in the desktop app only — the page's print media saved as PDF.
 * Both show a loading state and say in Chinese what happened. The host's files are asked for by
 * the features' mutations.ts (the host records each in the audit trail), e.g.
 * `useMediationDocumentFile = () => useDownload((f) => api.mediation.document(f))`.
 */
import { useState } from 'react';
import type { FileResult } from '../../shared/schemas/common';
import { saveFile } from './download';
import { trackJob } from './JobNotice';
import { notifyError, notifySaved } from './notify';

export function useDownload<I>(make: (input: I) => Promise<FileResult>): { busy: boolean; run: (input: I) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const run = async (input: I) => {
    setBusy(true);
    try {
      const file = await make(input);
      saveFile(file);
      notifySaved(`已生成 ${file.fileName}`);
    } catch (e) {
      notifyError(e, '导出未完成');
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}

/**
 * A ledger's export, which can take a while on a large ledger: a long job (shared/contract/jobs.ts)
 * followed with a progress bar and 取消 (JobNotice.tsx), e.g.
 * `useLedgerDownload((f, jobId) => api.disputes.exportLedger(withJob(f, jobId)))`.
 */
export function useLedgerDownload<I>(make: (input: I, jobId: string) => Promise<FileResult>): {
  busy: boolean;
  run: (input: I) => Promise<void>;
} {
  return useDownload((input: I) => trackJob('正在导出台账', (jobId) => make(input, jobId)));
}

/** `available` is false in browser mode, where the print dialog's “另存为 PDF” does the same. */
export function useSavePdf(): { available: boolean; busy: boolean; save: (name: string) => Promise<void> } {
  const [busy, setBusy] = useState(false);
  const printToPdf = window.ledger?.printToPdf;
  const save = async (name: string) => {
    if (!printToPdf) return;
    setBusy(true);
    try {
      const r = await printToPdf(`${name}.pdf`);
      if (!r.ok) throw new Error(r.error.message);
      if (r.value) notifySaved(`已保存到 ${r.value}`);
    } catch (e) {
      notifyError(e);
    } finally {
      setBusy(false);
    }
  };
  return { available: !!printToPdf, busy, save };
}
