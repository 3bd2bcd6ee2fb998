/**
 * Browser mode: the same dispatcher served over loopback HTTP. Plain Node (no electron import), so
 * it is unit-tested over real HTTP and is what the e2e tests drive.
 *
 * Security: bound to 127.0.0.1 on a random port; a random token opens the page (?t=…), is kept in
 * an HttpOnly SameSite=Strict cookie for assets, and must also arrive as the X-Ledger-Token header
 * on every API call (a page from elsewhere cannot read it); Host and Origin must be this server.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { dispatchAsync, type Host } from '../db/router';
import { MAX_ATTACHMENT_BYTES } from '../shared/schemas/attachments';
import { CSP } from './hardening';
import { handleUnlock, LOCKED_MESSAGE, type LockedLedger, UNLOCK_HEADERS, unlockPage } from './web-unlock';

/** The page's policy, the same in the desktop window (electron/hardening.ts). */
export { CSP };

/** A 20 MB attachment is about 26.7 MB once base64-encoded in JSON; this leaves room and still bounds memory. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function sameSecret(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return undefined;
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type = 'text/plain; charset=utf-8',
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Security-Policy': CSP,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Resource-Policy': 'same-origin',
    ...extra,
  });
  res.end(body);
}

/**
 * The request body, or null when it is larger than MAX_BODY_BYTES. The rest of an oversize body is
 * read and dropped rather than the connection cut, so the page gets our answer and can show it
 * (a reset connection reads as "the service is not running").
 */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startWebServer(options: {
  /** The open ledger's host; or, for an encrypted ledger not yet unlocked, `locked` (electron/web-unlock.ts). */
  host?: Host;
  locked?: LockedLedger;
  staticDir: string;
  port?: number;
  token?: string;
}): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticRoot = normalize(options.staticDir);
  let port = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, '服务器内部错误');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 403, '拒绝访问：主机名不正确');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
      return send(res, 403, '拒绝访问：来源不正确');
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const host = options.locked ? options.locked.host : (options.host ?? null);

    if (url.pathname.startsWith('/rpc/')) {
      if (req.method !== 'POST') return send(res, 405, '只接受 POST', 'text/plain; charset=utf-8', { Allow: 'POST' });
      const header = req.headers['x-ledger-token'];
      if (!sameSecret(typeof header === 'string' ? header : undefined, token)) return send(res, 401, '拒绝访问：缺少或错误的访问令牌');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, '请求格式应为 JSON');
      let input: unknown;
      try {
        const text = await readBody(req);
        if (text === null) {
          const message = `请求内容过大（超过 ${MAX_BODY_BYTES / 1024 / 1024} MB），未作任何改动。单个附件不能超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB。`;
          return send(res, 413, JSON.stringify({ ok: false, error: { code: 'VALIDATION', message } }), 'application/json; charset=utf-8');
        }
        input = text ? JSON.parse(text) : undefined;
      } catch {
        const env = { ok: false, error: { code: 'VALIDATION', message: '请求内容不是有效的 JSON。' } };
        return send(res, 400, JSON.stringify(env), 'application/json; charset=utf-8');
      }
      const method = decodeURIComponent(url.pathname.slice('/rpc/'.length));
      if (!host) {
        const locked = { ok: false, error: { code: 'UNAUTHORIZED', message: LOCKED_MESSAGE } };
        return send(res, 423, JSON.stringify(locked), 'application/json; charset=utf-8');
      }
      const envelope = await dispatchAsync(host, method, input);
      return send(res, 200, JSON.stringify(envelope), 'application/json; charset=utf-8');
    }

    if (url.pathname === '/unlock' && req.method === 'POST' && options.locked) {
      const page = (status: number, html: string, extra: Record<string, string> = {}) =>
        send(res, status, html, 'text/html; charset=utf-8', { ...UNLOCK_HEADERS, ...extra });
      return handleUnlock({ gate: options.locked, token, body: (await readBody(req)) ?? '', send: page });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, '不支持的请求');
    if (url.pathname === '/favicon.ico') return send(res, 204, '');
    const fromQuery = url.searchParams.get('t') ?? undefined;
    const authorised = sameSecret(fromQuery, token) || sameSecret(cookie(req, 'ledger_token'), token);
    if (!authorised) return send(res, 401, '拒绝访问：请使用启动时显示的完整地址打开。');
    const extra: Record<string, string> = { 'Set-Cookie': `ledger_token=${token}; HttpOnly; SameSite=Strict; Path=/` };

    const rel = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    const file = normalize(join(staticRoot, rel));
    if (!file.startsWith(staticRoot + sep)) return send(res, 404, '找不到该页面');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return send(res, 404, '找不到该页面');
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    if (rel === 'index.html' && !host) return send(res, 200, unlockPage(token, null), type, { ...extra, ...UNLOCK_HEADERS });
    if (rel === 'index.html') {
      const html = body.toString('utf8').replace('<head>', `<head>\n    <meta name="ledger-token" content="${token}" />`);
      return send(res, 200, html, type, extra);
    }
    return send(res, 200, body, type, extra);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?t=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
