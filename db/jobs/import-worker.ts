/**
 * Worker thread: one 导入旧台账 check or import on a connection of its own (started by import-job.ts), so
 * that the window stays responsive meanwhile. A real import takes its backup here, on this connection.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LedgerError } from '../../shared/errors';
import { writeBackup } from '../backup/backup';
import type { ServiceContext } from '../context';
import { importers } from '../modules';
import { openJobConnection } from '../open';
import { checkImport, runImport } from '../services/imports';
import type { ImportJobData, ImportJobMessage } from './import-job';

const data = workerData as ImportJobData;
const post = (m: ImportJobMessage) => parentPort!.postMessage(m);

try {
  const db = openJobConnection(data.path);
  try {
    // The host's day and operator: under a fixed clock (tests, the demo) both threads agree.
    const clock = { today: () => data.today, now: () => data.now };
    const ctx: ServiceContext = { db, clock, user: data.user };
    const progress = (done: number, total: number) => post({ type: 'progress', done, total });
    const result =
      data.kind === 'check'
        ? checkImport(ctx, importers, data.input, progress)
        : runImport(
            ctx,
            importers,
            data.input,
            () => writeBackup(db, { dbPath: data.path, reason: 'before-import', clock }).fileName,
            progress,
          );
    post({ type: 'done', result });
  } finally {
    db.close();
  }
} catch (e) {
  if (e instanceof LedgerError) post({ type: 'error', code: e.code, message: e.message, fields: e.fields, details: e.details });
  else post({ type: 'error', code: null, message: (e as Error)?.stack ?? String(e) });
}
