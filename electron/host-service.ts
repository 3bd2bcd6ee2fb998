/**
 * The ledger's service layer in a process of its own (RELIABILITY G7): the desktop app runs it in an
 * Electron utility process (electron/host-process.ts), so that a long query, an integrity check or a
 * restore never freezes the window, and the main process only carries messages (electron/host-client.ts).
 * Plain Node: the protocol is tested over a MessageChannel with the real router and a real file.
 */
import { restoreAdvice } from '../db/backup/restore';
import { DEFER_CHECK_ABOVE_BYTES, openLedger } from '../db/open';
import { closeHost, createHost, dispatchAsync, type Host } from '../db/router';
import type { Envelope } from '../shared/errors';
import { LedgerError } from '../shared/errors';

export type HostRequest =
  | { type: 'invoke'; id: number; method: string; input: unknown }
  /** The app is quitting: close the ledger (with the exit backup when asked), then say so. */
  | { type: 'close'; exitBackup: boolean };

export type HostReply =
  | { type: 'ready' }
  /** The ledger could not be opened: the reason and, for a damaged file, how to restore it. */
  | { type: 'open-failed'; message: string; advice: string | null }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'closed' };

/** Both ends of a message channel as either side sees them (an Electron parent port, a Node MessagePort). */
export interface Port<In, Out> {
  postMessage(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

export interface HostServiceOptions {
  dbPath: string;
  migrationsFolder?: string;
}

/** Opens the ledger and answers requests until asked to close. */
export function serveHost(port: Port<HostRequest, HostReply>, options: HostServiceOptions): void {
  const open = { migrationsFolder: options.migrationsFolder, deferCheckAbove: DEFER_CHECK_ABOVE_BYTES };
  let host: Host;
  try {
    host = createHost(openLedger(options.dbPath, open), { background: true, dailyBackup: true, open, login: true });
  } catch (e) {
    const message = e instanceof LedgerError ? e.message : `无法打开账本文件：${(e as Error).message}`;
    const advice = e instanceof LedgerError && e.code === 'DB_CORRUPT' ? restoreAdvice(options.dbPath) : null;
    port.postMessage({ type: 'open-failed', message, advice });
    return;
  }
  let closing = false;
  port.onMessage((m) => {
    if (m.type === 'invoke') {
      if (closing) {
        port.postMessage({ type: 'result', id: m.id, envelope: { ok: false, error: CLOSING } });
        return;
      }
      void dispatchAsync(host, m.method, m.input).then((envelope) => port.postMessage({ type: 'result', id: m.id, envelope }));
    } else if (m.type === 'close' && !closing) {
      closing = true;
      void closeHost(host, { exitBackup: m.exitBackup }).finally(() => port.postMessage({ type: 'closed' }));
    }
  });
  port.postMessage({ type: 'ready' });
}

const CLOSING = { code: 'INTERNAL' as const, message: '程序正在关闭，本次操作未执行。' };
