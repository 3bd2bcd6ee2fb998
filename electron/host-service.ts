/**
 * The ledger's service layer in a process of its own (RELIABILITY G7): the desktop app runs it in an
 * Electron utility process (electron/host-process.ts), so that a long query, an integrity check or a
 * restore never freezes the window, and the main process only carries messages (electron/host-client.ts).
 * Plain Node: the protocol is tested over a MessageChannel with the real router and a real file.
 */
import { restoreAdvice } from '../db/backup/restore';
import { DEFER_CHECK_ABOVE_BYTES, openLedger } from '../db/open';
import { closeHost, createHost, dispatchAsync, type Host } from '../db/router';
import { needsUnlock } from '../db/crypto/cipher';
import { type UnlockSlot, unlockLedger } from '../db/crypto/encrypt';
import type { Envelope } from '../shared/errors';
import { LedgerError } from '../shared/errors';

export type HostRequest =
  | { type: 'invoke'; id: number; method: string; input: unknown }
  /** The app is quitting: close the ledger (with the exit backup when asked), then say so. */
  | { type: 'close'; exitBackup: boolean }
  /** An encrypted ledger's password or recovery code (db/crypto/encrypt.ts), after 'locked'. */
  | { type: 'unlock'; slot: UnlockSlot; secret: string };

export type HostReply =
  | { type: 'ready' }
  /** The ledger could not be opened: the reason and, for a damaged file, how to restore it. */
  | { type: 'open-failed'; message: string; advice: string | null }
  | { type: 'result'; id: number; envelope: Envelope<unknown> }
  | { type: 'closed' }
  /** The ledger is encrypted: nothing is read until an 'unlock' opens it (then 'ready'). */
  | { type: 'locked' }
  | { type: 'unlock-failed'; message: string };

/** Both ends of a message channel as either side sees them (an Electron parent port, a Node MessagePort). */
export interface Port<In, Out> {
  postMessage(message: Out): void;
  onMessage(listener: (message: In) => void): void;
}

export interface HostServiceOptions {
  dbPath: string;
  migrationsFolder?: string;
}

/**
 * Opens the ledger and answers requests until asked to close. An encrypted ledger is answered 'locked'
 * first, and opened by the first 'unlock' whose secret is right; calls meanwhile are refused.
 */
export function serveHost(port: Port<HostRequest, HostReply>, options: HostServiceOptions): void {
  const open = { migrationsFolder: options.migrationsFolder, deferCheckAbove: DEFER_CHECK_ABOVE_BYTES };
  let host: Host | null = null;
  const openHost = (key: Buffer | null): boolean => {
    try {
      host = createHost(openLedger(options.dbPath, { ...open, key }), { background: true, dailyBackup: true, open, login: true });
      port.postMessage({ type: 'ready' });
      return true;
    } catch (e) {
      const message = e instanceof LedgerError ? e.message : `无法打开账本文件：${(e as Error).message}`;
      const advice = e instanceof LedgerError && e.code === 'DB_CORRUPT' ? restoreAdvice(options.dbPath) : null;
      port.postMessage({ type: 'open-failed', message, advice });
      return false;
    }
  };
  let closing = false;
  let unlocking = false;
  port.onMessage((m) => {
    if (m.type === 'invoke') {
      if (closing || !host) {
        port.postMessage({ type: 'result', id: m.id, envelope: { ok: false, error: closing ? CLOSING : LOCKED } });
        return;
      }
      void dispatchAsync(host, m.method, m.input).then((envelope) => port.postMessage({ type: 'result', id: m.id, envelope }));
    } else if (m.type === 'unlock' && !host && !closing && !unlocking) {
      unlocking = true;
      unlockLedger(options.dbPath, m.slot, m.secret)
        .then((key) => {
          openHost(key);
          key.fill(0);
        })
        .catch((e: unknown) => port.postMessage({ type: 'unlock-failed', message: e instanceof LedgerError ? e.message : String(e) }))
        .finally(() => (unlocking = false));
    } else if (m.type === 'close' && !closing) {
      closing = true;
      const current = host;
      if (!current) port.postMessage({ type: 'closed' });
      else void closeHost(current, { exitBackup: m.exitBackup }).finally(() => port.postMessage({ type: 'closed' }));
    }
  });
  if (needsUnlock(options.dbPath)) port.postMessage({ type: 'locked' });
  else openHost(null);
}

const LOCKED = { code: 'UNAUTHORIZED' as const, message: '账本已加密，请先输入密码或恢复码解锁。' };
const CLOSING = { code: 'INTERNAL' as const, message: '程序正在关闭，本次操作未执行。' };
