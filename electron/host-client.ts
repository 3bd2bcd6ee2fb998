/**
 * The main process's side of the ledger service (electron/host-service.ts): each call from the window
 * goes to the service process with a number and comes back as its envelope; if the service process
 * stops, every call still waiting, and every later one, is answered with a Chinese message instead of
 * hanging. Plain Node, tested with the service over a MessageChannel.
 */
import type { Envelope } from '../shared/errors';
import type { HostReply, HostRequest, Port } from './host-service';

const STOPPED = { code: 'INTERNAL' as const, message: '账本服务已停止，数据未被改动。请关闭并重新打开程序。' };

export class HostClient {
  private next = 1;
  private readonly waiting = new Map<number, (envelope: Envelope<unknown>) => void>();
  private stopped = false;
  private onClosed: (() => void) | null = null;
  /** Resolves when the ledger is open; rejects with the reason (and advice) when it could not be. */
  readonly ready: Promise<void>;

  constructor(private readonly port: Port<HostReply, HostRequest>) {
    let ready: () => void;
    let failed: (e: { message: string; advice: string | null }) => void;
    this.ready = new Promise((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    port.onMessage((m) => {
      if (m.type === 'ready') ready();
      else if (m.type === 'open-failed') failed({ message: m.message, advice: m.advice });
      else if (m.type === 'result') {
        this.waiting.get(m.id)?.(m.envelope);
        this.waiting.delete(m.id);
      } else if (m.type === 'closed') this.onClosed?.();
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
