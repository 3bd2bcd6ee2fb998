/**
 * Starts one of the app's worker threads (db/jobs/*-worker.ts): beside the bundle in the desktop build
 * (electron.vite.config.ts builds each as its own entry); in the source tree (run through tsx) a
 * two-line bootstrap registers tsx in the new thread first, since a worker does not inherit the
 * parent's loader. The keys of the encrypted ledgers this process unlocked travel in its workerData
 * (`ledgerKeys`, read by db/crypto/cipher.ts in the thread), never on a command line or in a file.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { keysForWorker } from '../crypto/cipher';

export function spawnWorker(
  name: 'obligations-worker' | 'integrity-worker' | 'backup-worker' | 'audit-worker' | 'package-worker' | 'import-worker',
  data: object,
): Worker {
  const workerData = { ...data, ledgerKeys: keysForWorker() };
  const here = dirname(fileURLToPath(import.meta.url));
  const js = join(here, `${name}.js`);
  if (existsSync(js)) return new Worker(js, { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = pathToFileURL(join(here, `${name}.ts`)).href;
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}
