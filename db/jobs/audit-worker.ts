/**
 * Worker thread: walks one stretch of the audit chain (audit-walk.ts) on a connection of its own, so that
 * a long chain is hashed on every core.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openJobConnection } from '../open';
import { walkStretch, type StretchJob, type StretchMessage } from './audit-walk';

const post = (m: StretchMessage) => parentPort!.postMessage(m);
try {
  const job = workerData as StretchJob;
  const db = openJobConnection(job.path);
  try {
    post({ type: 'done', segment: walkStretch(db, job) });
  } finally {
    db.close();
  }
} catch (e) {
  post({ type: 'error', message: (e as Error)?.stack ?? String(e) });
}
