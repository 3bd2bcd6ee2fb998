/**
 * Browser mode on an encrypted ledger (electron/web-unlock.ts), over real HTTP: locked, every call is
 * refused and the page is the 解锁 form; a wrong password or recovery code gives the form again with the
 * Chinese reason; the right one opens the ledger and the app is served.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../db/context';
import { createEncryptedLedger } from '../../../db/crypto/encrypt';
import { WRONG_PASSWORD, WRONG_RECOVERY_CODE } from '../../../db/crypto/keyring';
import { openLedger } from '../../../db/open';
import { closeHost, createHost } from '../../../db/router';
import { startWebServer, type WebServer } from '../../../electron/web';
import { LOCKED_MESSAGE, type LockedLedger } from '../../../electron/web-unlock';
import { tempDir, TODAY } from '../../helpers/test-db';

const PASSWORD = '管理员密码-2024';
let server: WebServer;
let gate: LockedLedger;
let code: string;

beforeAll(async () => {
  const path = join(tempDir(), 'ledger.db');
  const made = await createEncryptedLedger(path, {
    admin: { account: 'admin', password: PASSWORD },
    kdf: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 },
  });
  made.ledger.close();
  code = made.recoveryCode;
  const staticDir = join(tempDir(), 'static');
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><html><head><title>台账</title></head><body>APP</body></html>');
  gate = { path, host: null, open: (key) => createHost(openLedger(path, { key }), { clock: fixedClock(TODAY), log: () => {} }) };
  server = await startWebServer({ locked: gate, staticDir });
});
afterAll(async () => {
  await server.close();
  if (gate.host) await closeHost(gate.host);
});

const base = () => `http://127.0.0.1:${server.port}`;
const rpc = (method: string) =>
  fetch(`${base()}/rpc/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Ledger-Token': server.token },
    body: '{}',
  });
const unlock = (fields: Record<string, string>) =>
  fetch(`${base()}/unlock`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ t: server.token, ...fields }).toString(),
  });

describe('browser mode on an encrypted ledger', () => {
  it('is locked until the right password or recovery code is given', async () => {
    const page = await (await fetch(server.url)).text();
    expect(page).toContain('解锁账本');
    expect(page).not.toContain('APP');
    expect(page).not.toMatch(/<script/);
    const locked = await rpc('setup.status');
    expect(locked.status).toBe(423);
    expect(((await locked.json()) as { error: { message: string } }).error.message).toBe(LOCKED_MESSAGE);

    expect((await unlock({ t: 'wrong-token', mode: 'password', account: 'admin', secret: PASSWORD })).status).toBe(401);
    const wrong = await unlock({ mode: 'password', account: 'admin', secret: '不对的密码' });
    expect(await wrong.text()).toContain(WRONG_PASSWORD);
    const wrongCode = await unlock({ mode: 'recovery', secret: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' });
    expect(await wrongCode.text()).toContain(WRONG_RECOVERY_CODE);
    expect(gate.host).toBeNull();

    const ok = await unlock({ mode: 'recovery', secret: code });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`/?t=${encodeURIComponent(server.token)}`);
    expect(gate.host).not.toBeNull();
    expect((await rpc('setup.status')).status).toBe(200);
    expect(await (await fetch(server.url)).text()).toContain('APP');
  });
});
