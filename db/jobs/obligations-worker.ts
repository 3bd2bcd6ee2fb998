/**
 * Worker thread: the daily rebuild of the to-do table on a connection of its own, so that the window
 * (and the browser-mode server) stays responsive while every file is recomputed. Started and watched
 * by refresher.ts; it reports progress after each batch and ends with 'done' or 'error'.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ServiceContext } from '../context';
import { openJobConnection } from '../open';
import { dueSources } from '../modules';
import { refreshObligations } from '../services/obligations';
import type { RefreshJobData, RefreshJobMessage } from './refresher';

const data = workerData as RefreshJobData;
const post = (m: RefreshJobMessage) => parentPort!.postMessage(m);

try {
  const db = openJobConnection(data.path);
  try {
    // The host's day, not this thread's: under a fixed clock (tests, the demo) both agree.
    const ctx: ServiceContext = { db, clock: { today: () => data.today, now: () => data.now }, user: { id: null, name: '系统' } };
    const changed = refreshObligations(ctx, dueSources, (p) => post({ type: 'progress', ...p }), data.builtFor);
    post({ type: 'done', changed });
  } finally {
    db.close();
  }
} catch (e) {
  post({ type: 'error', message: (e as Error)?.stack ?? String(e) });
}
