/**
 * Worker thread: one report package made from the open ledger, or one received into it, on a connection of
 * its own (package-job.ts). A composition root: it takes the modules' parts from the registry.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { LedgerError } from '../../shared/errors';
import type { ServiceContext } from '../context';
import { reportParts } from '../modules';
import { openJobConnection } from '../open';
import { receivePackage } from '../services/county';
import { makeReportPackage, packageResult } from '../services/report-package';
import type { PackageJobData, PackageJobMessage } from './package-job';

const data = workerData as PackageJobData;
const post = (m: PackageJobMessage) => parentPort!.postMessage(m);

async function run(): Promise<void> {
  const db = openJobConnection(data.path);
  try {
    // The host's clock and acting user, not this thread's.
    const ctx: ServiceContext = {
      db,
      clock: { today: () => data.today, now: () => data.now },
      user: data.user,
      // Its steps reach the window through the host (package-job.ts), which also stops it when cancelled.
      job: {
        signal: new AbortController().signal,
        report: (phase, done = 0, total = null) => post({ type: 'step', phase, done, total }),
      },
    };
    if (data.kind === 'make') {
      const i = data.input;
      post({ type: 'done', result: packageResult(await makeReportPackage(ctx, reportParts, { ...i, periodKey: i.period })) });
    } else post({ type: 'done', result: receivePackage(ctx, data.input) });
  } finally {
    db.close();
  }
}

run().catch((e) => {
  if (e instanceof LedgerError) post({ type: 'error', code: e.code, message: e.message, fields: e.fields });
  else post({ type: 'error', code: 'INTERNAL', message: (e as Error)?.message ?? String(e) });
});
