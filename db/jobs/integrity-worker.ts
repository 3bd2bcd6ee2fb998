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
  // One pass over the file reads each page once: a 2 MB cache (not the app's 64 MB) keeps the process's
  // memory as it was while a large ledger is checked (the freed cache is not given back to the system).
  db.pragma('cache_size = -2048');
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
