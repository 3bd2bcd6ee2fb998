/**
 * Worker thread: the quick_check of a large ledger opened before it (integrity.ts), on a connection of
 * its own so that the window answers while some hundred megabytes are read.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openJobConnection } from '../open';
import type { IntegrityJobMessage } from './integrity';

const post = (m: IntegrityJobMessage) => parentPort!.postMessage(m);
try {
  const db = openJobConnection((workerData as { path: string }).path);
  try {
    const rows = db.pragma('quick_check(20)', { simple: false }) as { quick_check: string }[];
    const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
    post({ type: 'done', problems });
  } finally {
    db.close();
  }
} catch (e) {
  const code = (e as { code?: string }).code;
  // A file damaged where the check starts reading fails the check itself.
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') post({ type: 'done', problems: [(e as Error).message] });
  else post({ type: 'error', message: (e as Error)?.stack ?? String(e) });
}
