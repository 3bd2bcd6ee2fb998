/** Accounts and login on real ledger files (RELIABILITY G9, T7, T17). */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../../../db/open';
import { createHost, dispatch, type Host } from '../../../../db/router';
import { PRODUCTION_KDF, SALT_BYTES, checkPassword, hashPassword } from '../../../../db/services/accounts';
import { movingClock } from '../../../helpers/clock';
import { correctionFile, followupFile, person } from '../../../helpers/builders';
import { ADMIN_PASSWORD, FAST_KDF, openTestLedger, previousVersionMigrations, tempDir } from '../../../helpers/test-db';

function loginLedger() {
  const time = movingClock();
  const t = openTestLedger({ login: true, clock: time.clock });
  return { t, ...time };
}

const audits = (host: Host, action: string) =>
  host.ledger.db.prepare('SELECT actor_name AS actor, entity_id AS id, after FROM audit_log WHERE action = ? ORDER BY id').all(action) as {
    actor: string;
    id: string;
    after: string | null;
  }[];

describe('password hashing', () => {
  it('uses scrypt with N = 2^17, r = 8, p = 1, a 32-byte key and a 32-byte salt in production', () => {
    expect(PRODUCTION_KDF).toEqual({ N: 131072, r: 8, p: 1, keylen: 32 });
    expect(SALT_BYTES).toBe(32);
  });

  it('keeps the parameters with each hash, salts each hash afresh and checks in constant time', () => {
    const a = hashPassword('一句好记的长密码', FAST_KDF);
    const b = hashPassword('一句好记的长密码', FAST_KDF);
    expect(a.salt).toHaveLength(64);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.parse(a.params)).toEqual(FAST_KDF);
    expect(checkPassword('一句好记的长密码', a)).toBe(true);
    expect(checkPassword('一句好记的长密码 ', a)).toBe(false);
    // A hash made with other parameters is still checked with its own.
    const other = hashPassword('一句好记的长密码', { ...FAST_KDF, N: 2 ** 11 });
    expect(checkPassword('一句好记的长密码', other)).toBe(true);
  });
});

describe('login', () => {
  it('answers nothing but the login before it, and acts as the logged-in account after', () => {
    const { t } = loginLedger();
    t.call('session.logout', {});
    expect(t.raw('persons.list', {})).toMatchObject({ ok: false, error: { code: 'LOGIN_REQUIRED', message: '请先登录。' } });
    expect(t.raw('session.status', {})).toMatchObject({ ok: true, value: { initialized: true, user: null } });
    const s = t.call('session.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(s.user).toMatchObject({ name: '王调解', username: 'admin', role: 'admin' });
    const p = t.call('persons.create', { name: '张三' });
    const row = t.ledger.db.prepare("SELECT actor_name FROM audit_log WHERE entity_id = ? AND action = 'create'").get(p.id);
    expect(row).toEqual({ actor_name: '王调解' });
  });

  it('says the same for an unknown user and a wrong password, and audits both', () => {
    const { t } = loginLedger();
    t.call('session.logout', {});
    const unknown = t.raw('session.login', { username: 'nobody', password: 'whatever-long' });
    const wrong = t.raw('session.login', { username: 'admin', password: 'whatever-long' });
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: '用户名或密码不正确。', fields: { _form: '用户名或密码不正确。' } },
    });
    expect(wrong).toEqual(unknown);
    expect(audits(t.host, 'login-failed').map((r) => [r.actor, JSON.parse(r.after!).用户名])).toEqual([
      ['未登录', 'nobody'],
      ['王调解', 'admin'],
    ]);
  });

  it('locks after five failures for 15 minutes even with the right password, in the file (a new host sees it), then lets in', () => {
    const { t, clock, advance } = loginLedger();
    t.call('session.logout', {});
    for (let i = 0; i < 4; i++)
      expect(t.raw('session.login', { username: 'admin', password: 'wrong-password' })).toMatchObject({ ok: false });
    const fifth = t.raw('session.login', { username: 'admin', password: 'wrong-password' });
    expect(fifth).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', details: { lockedUntil: '2024-06-15T08:15:00.000Z' } } });
    expect((fifth as { error: { message: string } }).error.message).toContain('2024-06-15 16:15');
    expect(audits(t.host, 'lockout')).toHaveLength(1);
    // A restart: another host on the same file, still locked with the right password.
    const again = createHost(t.ledger, { clock, log: () => {}, kdf: FAST_KDF, login: true });
    expect(dispatch(again, 'session.login', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', details: { lockedUntil: '2024-06-15T08:15:00.000Z' } },
    });
    advance(15);
    expect(dispatch(again, 'session.login', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({ ok: true });
    expect(t.ledger.db.prepare("SELECT failed_count, locked_until FROM account WHERE username = 'admin'").get()).toEqual({
      failed_count: 0,
      locked_until: null,
    });
  });

  it('locks a name no account has as it would an account, so the lock does not tell whether the user exists', () => {
    const { t, advance } = loginLedger();
    t.call('session.logout', {});
    const attempts = (username: string) =>
      Array.from({ length: 6 }, () => t.raw('session.login', { username, password: 'wrong-password' })) as {
        error: { message: string; details?: unknown };
      }[];
    const real = attempts('admin');
    const none = attempts('nobody');
    expect(none.map((r) => r.error.message)).toEqual(real.map((r) => r.error.message));
    expect(none[4]!.error.message).toContain('账户已锁定');
    expect(none[4]!.error.details).toEqual(real[4]!.error.details);
    // The lock runs out as an account's does.
    advance(15);
    expect(t.raw('session.login', { username: 'nobody', password: 'wrong-password' })).toMatchObject({
      ok: false,
      error: { message: '用户名或密码不正确。' },
    });
  });

  it('locks the session after 10 idle minutes by the host clock, audits it, and logs in again', () => {
    const { t, advance } = loginLedger();
    t.call('persons.list', {});
    advance(9);
    t.call('persons.list', {});
    advance(10);
    expect(t.raw('persons.list', {})).toMatchObject({
      ok: false,
      error: { code: 'LOGIN_REQUIRED', message: '因长时间未操作，已自动锁定。请重新登录。' },
    });
    expect(t.call('session.status', {})).toMatchObject({ locked: true, user: { username: 'admin' } });
    expect(audits(t.host, 'lock').map((r) => JSON.parse(r.after!))).toEqual([{ 原因: '长时间未操作' }]);
    // Asking how the session stands does not keep it alive.
    t.call('session.login', { username: 'admin', password: ADMIN_PASSWORD });
    advance(5);
    t.call('session.status', {});
    advance(5);
    expect(t.raw('persons.list', {})).toMatchObject({ ok: false, error: { code: 'LOGIN_REQUIRED' } });
  });

  it('locks and logs out by hand, each audited', () => {
    const { t } = loginLedger();
    expect(t.call('session.lock', {})).toMatchObject({ locked: true });
    expect(t.raw('persons.list', {})).toMatchObject({ ok: false, error: { code: 'LOGIN_REQUIRED' } });
    t.call('session.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(t.call('session.logout', {})).toMatchObject({ user: null, locked: false });
    expect(['login', 'lock', 'logout'].map((a) => audits(t.host, a).length)).toEqual([2, 1, 1]);
    // The administrator lists them, newest first, with what each row says.
    t.call('session.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(t.call('accounts.events', {}).map((e) => [e.action, e.actorName, e.detail])).toEqual([
      ['login', '王调解', { 用户名: 'admin' }],
      ['logout', '王调解', null],
      ['login', '王调解', { 用户名: 'admin' }],
      ['lock', '王调解', { 原因: '手动锁定' }],
      ['login', '王调解', { 用户名: 'admin' }],
      ['account', '王调解', { 用户名: 'admin', 角色: 'admin' }],
    ]);
  });
});

describe('accounts', () => {
  it('makes a first password the holder must change before anything else, under the policy', () => {
    const { t } = loginLedger();
    expect(t.raw('accounts.create', { name: '李主任', username: 'lizhuren', role: 'viewer', password: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { password: '密码至少10个字符（现有5个）' } },
    });
    const a = t.call('accounts.create', {
      name: '李主任',
      post: '分管领导',
      username: 'lizhuren',
      role: 'viewer',
      password: 'first-password',
    });
    expect(a).toMatchObject({ name: '李主任', role: 'viewer', hasPassword: true, mustChange: true, disabled: false });
    expect(t.raw('accounts.create', { name: '李主任', username: 'LiZhuRen', role: 'viewer', password: 'first-password' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    t.call('session.logout', {});
    expect(t.call('session.login', { username: 'lizhuren', password: 'first-password' })).toMatchObject({ mustChange: true });
    expect(t.raw('persons.list', {})).toMatchObject({ ok: false, error: { code: 'PASSWORD_CHANGE_REQUIRED' } });
    expect(t.raw('session.changePassword', { current: 'first-password', next: 'first-password' })).toMatchObject({ ok: false });
    expect(t.call('session.changePassword', { current: 'first-password', next: '领导只看不改的登录密码' })).toMatchObject({
      mustChange: false,
    });
    t.call('persons.list', {});
    // 查阅: reads and exports, no writes, no accounts.
    expect(t.raw('persons.create', { name: '张三' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: '您的账户为查阅账户，不能修改台账。' },
    });
    expect(t.raw('accounts.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED', message: '只有管理员可以进行此操作。' } });
    expect(audits(t.host, 'password').map((r) => JSON.parse(r.after!).方式)).toEqual(['本人修改']);
  });

  it('resets a password (unlocking the account), changes the role, and never leaves the ledger without an administrator', () => {
    const { t } = loginLedger();
    const staff = t.call('staff.save', { name: '赵干事', post: '干事' });
    const a = t.call('accounts.create', { staffId: staff.id, username: 'zhao', role: 'staff', password: 'first-password' });
    for (let i = 0; i < 5; i++) t.raw('session.login', { username: 'zhao', password: 'wrong-password' });
    expect(t.call('accounts.list', {}).find((r) => r.id === a.id)?.lockedUntil).toBe('2024-06-15T08:15:00.000Z');
    expect(t.call('accounts.resetPassword', { id: a.id, password: 'second-password' })).toMatchObject({
      lockedUntil: null,
      mustChange: true,
    });
    const admin = t.call('accounts.list', {}).find((r) => r.username === 'admin')!;
    expect(t.raw('accounts.disable', { id: admin.id, disabled: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(t.raw('accounts.update', { id: admin.id, role: 'staff' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(t.call('accounts.update', { id: a.id, role: 'admin' })).toMatchObject({ role: 'admin' });
    t.call('accounts.disable', { id: admin.id, disabled: true });
    // The disabled administrator was the one logged in: their session ends.
    expect(t.raw('persons.list', {})).toMatchObject({ ok: false, error: { code: 'LOGIN_REQUIRED' } });
    expect(t.raw('session.login', { username: 'admin', password: ADMIN_PASSWORD })).toMatchObject({
      ok: false,
      error: { message: '用户名或密码不正确。' },
    });
    expect(audits(t.host, 'account').length).toBeGreaterThanOrEqual(4);
  });
});

describe('the upgrade of a ledger from before accounts (migration 0034)', () => {
  it('gives each active colleague an account without a password; the remembered operator becomes the administrator and sets a password first', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previousVersionMigrations(dir, '0034') });
    const oldHost = createHost(old, { log: () => {}, kdf: FAST_KDF });
    expect(dispatch(oldHost, 'setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' })).toMatchObject({
      ok: true,
    });
    const li = dispatch(oldHost, 'staff.save', { name: '李四' }) as { ok: true; value: { id: string } };
    dispatch(oldHost, 'staff.save', { name: '李四' });
    dispatch(oldHost, 'staff.save', { name: '调解员甲', kind: 'mediator', committee: '高寨乡人民调解委员会' });
    const gone = dispatch(oldHost, 'staff.save', { name: '钱退休' }) as { ok: true; value: { id: string } };
    dispatch(oldHost, 'staff.save', { id: gone.value.id, name: '钱退休', active: false });
    // The office worked as 李四 last.
    dispatch(oldHost, 'session.setOperator', { staffId: li.value.id });
    old.close();

    const ledger = openLedger(path);
    const rows = ledger.db
      .prepare('SELECT a.username, a.role, a.password_hash AS hash, a.must_change AS mustChange FROM account a ORDER BY a.username')
      .all();
    expect(rows).toEqual([
      { username: '李四', role: 'admin', hash: null, mustChange: 1 },
      { username: '李四#2', role: 'staff', hash: null, mustChange: 1 },
      { username: '王调解', role: 'staff', hash: null, mustChange: 1 },
    ]);
    const host = createHost(ledger, { log: () => {}, kdf: FAST_KDF, login: true });
    expect(dispatch(host, 'session.status', {})).toMatchObject({
      ok: true,
      value: { user: null, needsAdminPassword: { username: '李四', name: '李四' } },
    });
    // Nobody logs in without a password, the administrator neither.
    expect(dispatch(host, 'session.login', { username: '王调解', password: 'anything-long' })).toMatchObject({ ok: false });
    expect(dispatch(host, 'session.setupAdmin', { password: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(dispatch(host, 'session.setupAdmin', { password: '李四的管理员登录密码' })).toMatchObject({
      ok: true,
      value: { user: { username: '李四', role: 'admin' }, mustChange: false, needsAdminPassword: null },
    });
    // Once set, the first screen's offer is gone.
    expect(dispatch(host, 'session.setupAdmin', { password: '另一个管理员密码' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(dispatch(host, 'accounts.list', {})).toMatchObject({ ok: true });
    ledger.close();
  });
});

describe("minors' files with login", () => {
  /** Two colleagues with accounts besides the administrator: 赵干事 responsible for the minors' files, 钱干事 not. */
  function withMinorsFiles() {
    const { t } = loginLedger();
    const zhao = t.call('staff.save', { name: '赵干事' });
    t.call('staff.save', { name: '钱干事' });
    for (const username of ['赵干事', '钱干事']) {
      const staff = t.call('staff.list', {}).find((s) => s.name === username)!;
      t.call('accounts.create', { staffId: staff.id, username, role: 'staff', password: 'first-password' });
      t.call('session.login', { username, password: 'first-password' });
      t.call('session.changePassword', { current: 'first-password', next: `${username}的新密码123` });
      t.call('session.login', { username: 'admin', password: ADMIN_PASSWORD });
    }
    const child = person(t, { name: '小明' });
    const minor = correctionFile(t, person(t, { name: '小刚' }), { minor: true, responsibleStaffId: zhao.id });
    const adult = correctionFile(t, person(t, { name: '老王' }), { responsibleStaffId: zhao.id });
    const leftBehind = followupFile(t, child, { group: 'left_behind_child', level: 'yellow', responsibleStaffId: zhao.id, facts: {} });
    const as = (username: string) =>
      t.call(
        'session.login',
        username === 'admin' ? { username, password: ADMIN_PASSWORD } : { username, password: `${username}的新密码123` },
      );
    return { t, minor, adult, leftBehind, child, as };
  }

  it("shows a minor's 社区矫正 file and a 留守儿童 file only to the responsible colleague and the administrator", () => {
    const { t, minor, adult, leftBehind, child, as } = withMinorsFiles();
    for (const who of ['admin', '赵干事']) {
      as(who);
      expect(t.call('correction.get', { id: minor.id }).id).toBe(minor.id);
      expect(t.call('followup.get', { id: leftBehind.id }).id).toBe(leftBehind.id);
      expect(t.call('correction.list', {}).total).toBe(2);
      expect(t.call('followup.list', {}).total).toBe(1);
      expect(t.call('persons.get', { id: child.id }).records.map((f) => f.id)).toEqual([leftBehind.id]);
    }
    // The child's visits are on the 包保责任人's dashboard, and on no colleague's.
    expect(JSON.stringify(t.call('obligations.dashboard', {}))).toContain('小明');
    as('钱干事');
    expect(t.raw('correction.get', { id: minor.id })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(t.raw('followup.get', { id: leftBehind.id })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED', message: '这是留守儿童的档案，涉及未成年人信息，只有其包保责任人和管理员可以查看和修改。' },
    });
    expect(t.raw('followup.update', { id: leftBehind.id })).toMatchObject({ ok: false });
    expect(t.call('correction.list', {}).rows.map((r) => r.id)).toEqual([adult.id]);
    expect(t.call('followup.list', {}).total).toBe(0);
    expect(t.call('persons.get', { id: child.id }).records).toEqual([]);
    expect(JSON.stringify(t.call('obligations.dashboard', {}))).not.toContain('小明');
  });
});
