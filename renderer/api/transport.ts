/**
 * How the renderer reaches the host. In the desktop app the preload exposes `window.ledger.invoke`
 * (Electron IPC); in browser mode the same call goes over loopback HTTP with the page's token.
 */
import type { LedgerBridge } from '../../shared/bridge';
import type { Envelope } from '../../shared/errors';

/** Both transports call the contract; only the desktop app's bridge also prints to PDF. */
export type Transport = Pick<LedgerBridge, 'invoke'> & Partial<Pick<LedgerBridge, 'printToPdf'>>;

declare global {
  interface Window {
    /** The desktop app's preload bridge (electron/preload.ts); absent in browser mode. */
    ledger?: LedgerBridge;
  }
}

function httpTransport(): Transport {
  const token = document.querySelector<HTMLMetaElement>('meta[name="ledger-token"]')?.content ?? '';
  return {
    async invoke(method, input) {
      let res: Response;
      try {
        res = await fetch(`./rpc/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': token },
          body: JSON.stringify(input ?? null),
        });
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: '无法连接到本机台账服务，请确认程序仍在运行。' } };
      }
      if (res.status === 401)
        return { ok: false, error: { code: 'UNAUTHORIZED', message: '访问令牌无效，请用启动时显示的完整地址重新打开。' } };
      try {
        return (await res.json()) as Envelope<unknown>;
      } catch {
        return { ok: false, error: { code: 'INTERNAL', message: `台账服务返回了无法识别的内容（${res.status}）。` } };
      }
    },
  };
}

export const transport: Transport = window.ledger ?? httpTransport();
