import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startWebServer, type WebServer } from '../../../electron/web';
import { openTestLedger, tempDir, type TestLedger } from '../../helpers/test-db';

let t: TestLedger;
let server: WebServer;

beforeAll(async () => {
  t = openTestLedger();
  const staticDir = join(tempDir(), 'static');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><title>x</title></head><body></body></html>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({ host: t.host, staticDir });
});
afterAll(async () => {
  await server.close();
  t.close();
});

/** A raw request, so that Host and Origin can be set to anything (fetch would not allow it). */
function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: opts.method ?? 'GET',
        headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

const rpc = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  send(`/rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': server.token, ...headers },
    body: JSON.stringify(input),
  });

describe('browser-mode server', () => {
  it('listens on loopback only, on a random port, with a long random token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?t=[\w-]{32}$/);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves the page only with the token, and hands it over in a meta tag and a strict cookie', async () => {
    expect((await send('/')).status).toBe(401);
    expect((await send('/?t=wrong')).status).toBe(401);
    const page = await send(`/?t=${server.token}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="ledger-token" content="${server.token}" />`);
    expect(String(page.headers['set-cookie'])).toContain('HttpOnly; SameSite=Strict');
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect((await send('/assets/app.js')).status).toBe(401);
    expect((await send('/assets/app.js', { headers: { Cookie: `ledger_token=${server.token}` } })).status).toBe(200);
  });

  it('requires the token header on every API call', async () => {
    expect((await rpc('setup.status', {}, { 'X-Ledger-Token': '' })).status).toBe(401);
    expect((await rpc('setup.status', {}, { 'X-Ledger-Token': `${server.token}x` })).status).toBe(401);
    const ok = await rpc('setup.status', {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { initialized: true } });
  });

  it('rejects a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    expect((await rpc('setup.status', {}, { Host: `evil.example:${server.port}` })).status).toBe(403);
    expect((await rpc('setup.status', {}, { Host: '127.0.0.1:1' })).status).toBe(403);
    expect((await rpc('setup.status', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await rpc('setup.status', {}, { Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('answers bad bodies and methods with Chinese errors', async () => {
    const bad = await send('/rpc/persons.create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': server.token },
      body: '{oops',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toContain('JSON');
    expect((await send('/rpc/setup.status', { headers: { 'X-Ledger-Token': server.token } })).status).toBe(405);
    const unknown = JSON.parse((await rpc('nope.nope', {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('takes a body big enough for a 20 MB attachment, and answers a larger one in Chinese instead of cutting the connection', async () => {
    expect(MAX_BODY_BYTES).toBeGreaterThan(Math.ceil((20 * 1024 * 1024) / 3) * 4 + 1024);
    const big = await rpc('setup.status', { pad: 'x'.repeat(MAX_BODY_BYTES - 100) });
    expect(big.status).toBe(200);
    expect(JSON.parse(big.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const tooBig = await rpc('setup.status', { pad: 'x'.repeat(MAX_BODY_BYTES) });
    expect(tooBig.status).toBe(413);
    expect(JSON.parse(tooBig.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('请求内容过大') },
    });
    expect((await rpc('setup.status', {})).status).toBe(200);
  });

  it('lets the page frame only blob: URLs (PDF attachments) and embed no plugins', async () => {
    const csp = String((await send(`/?t=${server.token}`)).headers['content-security-policy']);
    expect(csp).toContain('frame-src blob:;');
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('does not serve files outside its folder', async () => {
    const r = await send('/..%2f..%2fetc%2fpasswd', { headers: { Cookie: `ledger_token=${server.token}` } });
    expect(r.status).toBe(404);
  });
});
