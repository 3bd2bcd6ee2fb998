/**
 * Entry of the Electron utility process that runs the ledger service (electron/host-service.ts); the
 * main process forks it with the ledger's path and the migrations folder (electron/main.ts).
 */
import { serveHost, type HostReply, type HostRequest } from './host-service';

const [dbPath, migrationsFolder] = process.argv.slice(-2);
const parent = process.parentPort;
serveHost(
  {
    postMessage: (m: HostReply) => parent.postMessage(m),
    onMessage: (listener: (m: HostRequest) => void) => parent.on('message', (e) => listener(e.data as HostRequest)),
  },
  { dbPath: dbPath!, migrationsFolder },
);
