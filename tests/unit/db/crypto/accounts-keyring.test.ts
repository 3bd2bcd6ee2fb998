/**
 * Accounts on an encrypted ledger (RELIABILITY G8, G9): an account's login password is also its key to
 * the file. The administrator's password set, a colleague's account made, a password changed, an account
 * disabled — each keeps the keyring in step (db/router.ts `keyed`); the 解锁 page takes the user name the
 * login takes and signs that account in.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { accountSlotFor, unlockLedger } from '../../../../db/crypto/encrypt';
import { encryptOpenLedger } from '../../../../db/crypto/host';
import { openLedger } from '../../../../db/open';
import { closeHost, createHost, invokeAsync, type Host } from '../../../../db/router';
import { handleUnlock, type LockedLedger } from '../../../../electron/web-unlock';
import { ADMIN_PASSWORD, FAST_KDF, openTestLedger, type TestLedger } from '../../../helpers/test-db';

const FAST = { kdf: { name: 'scrypt' as const, N: FAST_KDF.N, r: FAST_KDF.r, p: FAST_KDF.p } };
const opened: Host[] = [];
afterEach(async () => {
  while (opened.length) await closeHost(opened.pop()!);
});

async function call(t: TestLedger, method: Parameters<typeof invokeAsync>[1], input: unknown) {
  const r = await invokeAsync(t.host, method, input as never);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as never;
}

/** Whether this user name and password open the file (nothing else is tried). */
const opens = (t: TestLedger, username: string, password: string) =>
  unlockLedger(t.path, accountSlotFor(t.path, username), password).then(
    () => true,
    () => false,
  );

describe('accounts on an encrypted ledger', () => {
  it('keep the keyring in step: a colleague’s password opens the file, a changed one replaces the old, a disabled account cannot', async () => {
    const t = openTestLedger({ login: true });
    const admin = t.call('session.status', {}).user!;
    await encryptOpenLedger(t.host, { account: admin.accountId, password: ADMIN_PASSWORD, label: admin.username }, FAST);
    expect(t.host.ledger.encrypted).toBe(true);
    expect(await opens(t, 'ADMIN', ADMIN_PASSWORD)).toBe(true);

    const staff = t.call('staff.save', { name: '李四' });
    const li = (await call(t, 'accounts.create', {
      staffId: staff.id,
      username: 'lisi',
      role: 'staff',
      password: '李四自己设的第一个密码',
    })) as { id: string };
    expect(await opens(t, 'lisi', '李四自己设的第一个密码')).toBe(true);

    await call(t, 'session.changePassword', { current: ADMIN_PASSWORD, next: '管理员换了一个新的密码' });
    expect(await opens(t, 'admin', ADMIN_PASSWORD)).toBe(false);
    expect(await opens(t, 'admin', '管理员换了一个新的密码')).toBe(true);

    await call(t, 'accounts.resetPassword', { id: li.id, password: '管理员给李四重设的密码' });
    expect(await opens(t, 'lisi', '李四自己设的第一个密码')).toBe(false);
    expect(await opens(t, 'lisi', '管理员给李四重设的密码')).toBe(true);

    await call(t, 'accounts.disable', { id: li.id, disabled: true });
    expect(await opens(t, 'lisi', '管理员给李四重设的密码')).toBe(false);
    t.close();
  });

  it('设置 → 账户 encrypts the ledger for the logged-in administrator, after their password, and returns the recovery code once', async () => {
    const t = openTestLedger({ login: true });
    expect(t.call('security.encryption', {})).toEqual({ encrypted: false });
    const wrong = await invokeAsync(t.host, 'security.encrypt', { password: '不是这个密码啊' });
    expect(wrong).toMatchObject({ ok: false });
    expect(t.host.ledger.encrypted).toBe(false);
    const done = (await call(t, 'security.encrypt', { password: ADMIN_PASSWORD })) as { recoveryCode: string; backupPath: string };
    expect(t.call('security.encryption', {})).toEqual({ encrypted: true });
    // Still logged in, on the encrypted file; the recovery code and the password both open it.
    expect(t.call('session.status', {}).user).toMatchObject({ username: 'admin' });
    expect(t.call('persons.list', {}).total).toBe(0);
    expect(await opens(t, 'admin', ADMIN_PASSWORD)).toBe(true);
    await expect(unlockLedger(t.path, 'recovery', done.recoveryCode)).resolves.toBeInstanceOf(Buffer);
    expect(await invokeAsync(t.host, 'security.encrypt', { password: ADMIN_PASSWORD })).toMatchObject({
      ok: false,
      error: { message: '账本已经加密。' },
    });
  });

  it('the 解锁 page opens the file and signs that account in, so the password is typed once', async () => {
    const t = openTestLedger({ login: true });
    const admin = t.call('session.status', {}).user!;
    await encryptOpenLedger(t.host, { account: admin.accountId, password: ADMIN_PASSWORD, label: admin.username }, FAST);
    const path = t.path;
    await closeHost(t.host);
    const gate: LockedLedger = {
      path,
      host: null,
      open: (key) => {
        const host = createHost(openLedger(path, { key }), { log: () => {}, kdf: FAST_KDF, login: true });
        opened.push(host);
        return host;
      },
    };
    const sent: { status: number }[] = [];
    const body = new URLSearchParams({ t: 'tok', mode: 'password', account: 'admin', secret: ADMIN_PASSWORD }).toString();
    await handleUnlock({ gate, token: 'tok', body, send: (status) => sent.push({ status }) });
    expect(sent).toEqual([{ status: 303 }]);
    const status = await invokeAsync(gate.host!, 'session.status', {});
    expect(status).toMatchObject({ ok: true, value: { user: { username: 'admin' } } });
  });
});
