/**
 * The main process's side of the ledger service (electron/host-service.ts): each call from the window
 * goes to the service process with a number and comes back as its envelope; if the service process
 * stops, every call still waiting, and every later one, is answered with a Chinese message instead of
 * hanging. Plain Node, tested with the service over a MessageChannel.
 */
import type { Envelope } from '../shared/errors';
import type { UnlockSlot } from '../db/crypto/encrypt';
import type { HostReply, HostRequest, Port } from './host-service';

const STOPPED = { code: 'INTERNAL' as const, message: '账本服务已停止，数据未被改动。请关闭并重新打开程序。' };

export class HostClient {
  private next = 1;
  private readonly waiting = new Map<number, (envelope: Envelope<unknown>) => void>();
  private stopped = false;
  private onClosed: (() => void) | null = null;
  /** Resolves when the ledger is open; rejects with the reason (and advice) when it could not be. */
  readonly ready: Promise<void>;
  /** Resolves when the ledger is encrypted and waits for `unlock` (never, for a plain one). */
  readonly locked: Promise<void>;
  private unlockAnswer: ((message: string | null) => void) | null = null;

  constructor(private readonly port: Port<HostReply, HostRequest>) {
    let ready: () => void;
    let failed: (e: { message: string; advice: string | null }) => void;
    this.ready = new Promise((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    let locked: () => void;
    this.locked = new Promise((resolve) => {
      locked = resolve;
    });
    port.onMessage((m) => {
      if (m.type === 'locked') locked();
      else if (m.type === 'unlock-failed') this.answerUnlock(m.message);
      else if (m.type === 'ready') {
        this.answerUnlock(null);
        ready();
      } else if (m.type === 'open-failed') {
        this.answerUnlock(m.message);
        failed({ message: m.message, advice: m.advice });
      } else if (m.type === 'result') {
        this.waiting.get(m.id)?.(m.envelope);
        this.waiting.delete(m.id);
      } else if (m.type === 'closed') this.onClosed?.();
    });
  }

  private answerUnlock(message: string | null): void {
    this.unlockAnswer?.(message);
    this.unlockAnswer = null;
  }

  /** An encrypted ledger unlocked with a password or the recovery code: null when it opened, else the Chinese reason. */
  unlock(slot: UnlockSlot, secret: string): Promise<string | null> {
    if (this.stopped) return Promise.resolve(STOPPED.message);
    if (this.unlockAnswer) return Promise.resolve('正在解锁，请稍候。');
    return new Promise((resolve) => {
      this.unlockAnswer = resolve;
      this.port.postMessage({ type: 'unlock', slot, secret });
    });
  }

  invoke(method: string, input: unknown): Promise<Envelope<unknown>> {
    if (this.stopped) return Promise.resolve({ ok: false, error: STOPPED });
    const id = this.next++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.port.postMessage({ type: 'invoke', id, method, input });
    });
  }

  /** Closes the ledger in the service process (with the exit backup when asked); resolves when it has. */
  close(exitBackup: boolean): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      this.onClosed = resolve;
      this.port.postMessage({ type: 'close', exitBackup });
    });
  }

  /** The service process has exited: whatever still waits is answered, and so is everything after. */
  exited(): void {
    this.stopped = true;
    for (const answer of this.waiting.values()) answer({ ok: false, error: STOPPED });
    this.waiting.clear();
    this.onClosed?.();
  }
}
