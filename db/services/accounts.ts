/**
 * Accounts and login (CONTRIBUTING.md, RELIABILITY G9 and T7): passwords hashed with scrypt, the lockout
 * kept in the file (so that it outlives a restart), and an audit row for every success, failure, lock and
 * change. The rules (policy, lockout, idle) are pure, in shared/domain/accounts.ts; the router keeps the
 * session and calls `verifyLogin`, the one place a password is checked — where an encrypted ledger's
 * unlock by the same password would hook in.
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import {
  DEFAULT_SECURITY,
  LOGIN_FAILED,
  afterFailure,
  lockedMessage,
  lockedUntil,
  passwordExpired,
  passwordProblems,
  type Role,
  type SecuritySettings,
} from '../../shared/domain/accounts';
import { LedgerError } from '../../shared/errors';
import { ACCOUNT_EVENTS_SHOWN, type AccountEvent, type AccountRow, type SessionUser } from '../../shared/schemas/accounts';
import type { z } from 'zod';
import type { AccountCreateInput, AccountUpdateInput, SecurityInput } from '../../shared/schemas/accounts';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import { audit } from './audit';
import { getSetting, putSetting } from './reference';
import { all, one, run, write } from './sql';

/**
 * scrypt's cost: N = 2^17, r = 8, p = 1, a 32-byte key and a 32-byte salt — the minimum OWASP's Password
 * Storage Cheat Sheet gives for scrypt (128 MiB and a few hundred milliseconds a try). Each row keeps the
 * parameters it was hashed with, so these can be raised later; tests pass cheaper ones.
 */
export interface KdfParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}

export const PRODUCTION_KDF: KdfParams = { N: 2 ** 17, r: 8, p: 1, keylen: 32 };
export const SALT_BYTES = 32;

interface Hashed {
  hash: string;
  salt: string;
  params: string;
}

function derive(password: string, salt: Buffer, params: KdfParams): Buffer {
  return scryptSync(password.normalize('NFC'), salt, params.keylen, {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  });
}

export function hashPassword(password: string, params: KdfParams): Hashed {
  const salt = randomBytes(SALT_BYTES);
  return { hash: derive(password, salt, params).toString('hex'), salt: salt.toString('hex'), params: JSON.stringify(params) };
}

/** Compares in constant time with the parameters the row was hashed with. */
export function checkPassword(password: string, stored: Hashed): boolean {
  const params = JSON.parse(stored.params) as KdfParams;
  const expected = Buffer.from(stored.hash, 'hex');
  const got = derive(password, Buffer.from(stored.salt, 'hex'), params);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** Hashed once per parameters: an unknown user costs the same derivation as a known one (no fast path). */
const dummies = new Map<string, Hashed>();
function dummyFor(params: KdfParams): Hashed {
  const key = JSON.stringify(params);
  let d = dummies.get(key);
  if (!d) {
    d = hashPassword(randomBytes(16).toString('hex'), params);
    dummies.set(key, d);
  }
  return d;
}

// ── settings ─────────────────────────────────────────────────────────────────────────────────────

const SECURITY_KEY = 'security';

export function getSecurity(ctx: ServiceContext): SecuritySettings {
  return { ...DEFAULT_SECURITY, ...(getSetting<Partial<SecuritySettings>>(ctx, SECURITY_KEY) ?? {}) };
}

export function updateSecurity(ctx: ServiceContext, input: z.output<typeof SecurityInput>): SecuritySettings {
  return write(ctx, () => {
    const before = getSecurity(ctx);
    putSetting(ctx, SECURITY_KEY, input);
    audit(ctx, { action: 'update', entity: 'settings', entityId: SECURITY_KEY, before, after: input });
    return input;
  });
}

// ── rows ─────────────────────────────────────────────────────────────────────────────────────────

interface Row {
  id: string;
  staff_id: string;
  name: string;
  post: string | null;
  staff_active: number;
  username: string;
  role: Role;
  password_hash: string | null;
  password_salt: string | null;
  password_params: string | null;
  must_change: number;
  password_changed_at: string | null;
  failed_count: number;
  locked_until: string | null;
  disabled: number;
  last_login_at: string | null;
}

const SELECT = `SELECT a.*, s.name, s.post, s.active AS staff_active FROM account a JOIN staff s ON s.id = a.staff_id`;

function byUsername(ctx: ServiceContext, username: string): Row | undefined {
  return one<Row>(ctx, `${SELECT} WHERE lower(a.username) = lower(?)`, username.trim());
}

function byId(ctx: ServiceContext, id: string): Row {
  const r = one<Row>(ctx, `${SELECT} WHERE a.id = ?`, id);
  if (!r) throw new LedgerError('NOT_FOUND', '该账户不存在。');
  return r;
}

function view(ctx: ServiceContext, r: Row): AccountRow {
  return {
    id: r.id,
    staffId: r.staff_id,
    name: r.name,
    post: r.post,
    username: r.username,
    role: r.role,
    hasPassword: r.password_hash !== null,
    mustChange: r.must_change === 1,
    disabled: r.disabled === 1,
    lockedUntil: lockedUntil({ failedCount: r.failed_count, lockedUntil: r.locked_until }, ctx.clock),
    lastLoginAt: r.last_login_at,
    passwordChangedAt: r.password_changed_at,
  };
}

export function sessionUser(r: Pick<Row, 'id' | 'staff_id' | 'name' | 'username' | 'role'>): SessionUser {
  return { accountId: r.id, staffId: r.staff_id, name: r.name, username: r.username, role: r.role };
}

/** The account as the session needs it again (after a change of name or role), or null when it may no longer log in. */
export function reloadUser(ctx: ServiceContext, accountId: string): (SessionUser & { mustChange: boolean }) | null {
  const r = one<Row>(ctx, `${SELECT} WHERE a.id = ?`, accountId);
  if (!r || r.disabled || !r.staff_active) return null;
  return { ...sessionUser(r), mustChange: mustChange(ctx, r) };
}

function mustChange(ctx: ServiceContext, r: Row): boolean {
  return r.must_change === 1 || passwordExpired(r.password_changed_at, getSecurity(ctx), ctx.clock);
}

const actorOf = (r: Row) => ({ id: r.staff_id, name: r.name });
/** The audit's actor for an attempt nobody is known for: the name typed is kept in the row, not shown to the user. */
const NOBODY = { id: null, name: '未登录' };

// ── login ────────────────────────────────────────────────────────────────────────────────────────

/**
 * Checks a username and password. Every path derives one scrypt hash (an unknown user, a disabled one
 * and one without a password hash the dummy), and every refusal says the same sentence, except a
 * locked account's, which says until when. Failures are counted in the file and audited; the threshold's
 * failure locks the account (audited as `lockout`).
 */
export function verifyLogin(
  ctx: ServiceContext,
  username: string,
  password: string,
  kdf: KdfParams = PRODUCTION_KDF,
): SessionUser & { mustChange: boolean } {
  const r = byUsername(ctx, username);
  const stored: Hashed | null =
    r?.password_hash && r.password_salt && r.password_params && !r.disabled && r.staff_active
      ? { hash: r.password_hash, salt: r.password_salt, params: r.password_params }
      : null;
  // Without a usable hash the dummy is derived all the same, and the answer is no.
  const matched = checkPassword(password, stored ?? dummyFor(kdf));
  const ok = stored !== null && matched;
  const policy = getSecurity(ctx);
  if (r) {
    const until = lockedUntil({ failedCount: r.failed_count, lockedUntil: r.locked_until }, ctx.clock);
    if (until) {
      write(ctx, () =>
        audit(
          { ...ctx, user: actorOf(r) },
          { action: 'login-failed', entity: 'account', entityId: r.id, after: { 用户名: username, 原因: '账户锁定中' } },
        ),
      );
      throw refused(lockedMessage(until), until);
    }
  }
  if (!ok || !r) {
    let locked: string | null = null;
    write(ctx, () => {
      if (!r) {
        // A name no account has is locked out as an account would be, so the lock does not tell that it exists.
        const state = unknownNameState(ctx, username.slice(0, 40), policy);
        const until = lockedUntil(state, ctx.clock);
        const next = until ? null : afterFailure(state, policy, ctx.clock);
        audit(
          { ...ctx, user: NOBODY },
          { action: 'login-failed', entity: 'account', entityId: '-', after: { 用户名: username.slice(0, 40) } },
        );
        locked = until ?? (next?.locked ? next.lockedUntil : null);
        return;
      }
      const next = afterFailure({ failedCount: r.failed_count, lockedUntil: r.locked_until }, policy, ctx.clock);
      run(ctx, 'UPDATE account SET failed_count = ?, locked_until = ? WHERE id = ?', next.failedCount, next.lockedUntil, r.id);
      const actx = { ...ctx, user: actorOf(r) };
      audit(actx, { action: 'login-failed', entity: 'account', entityId: r.id, after: { 用户名: username, 连续失败: next.failedCount } });
      if (next.locked) {
        locked = next.lockedUntil;
        audit(actx, {
          action: 'lockout',
          entity: 'account',
          entityId: r.id,
          after: { 锁定至: next.lockedUntil, 连续失败: next.failedCount },
        });
      }
    });
    if (locked) throw refused(lockedMessage(locked), locked);
    throw refused(LOGIN_FAILED);
  }
  write(ctx, () => {
    run(ctx, 'UPDATE account SET failed_count = 0, locked_until = NULL, last_login_at = ? WHERE id = ?', ctx.clock.now(), r.id);
    audit({ ...ctx, user: actorOf(r) }, { action: 'login', entity: 'account', entityId: r.id, after: { 用户名: r.username } });
  });
  return { ...sessionUser(r), mustChange: mustChange(ctx, r) };
}

/**
 * The lockout state of a user name no account has, replayed from its failed logins in the audit by the rule
 * an account's follows (shared/domain/accounts.ts): attempts while locked change nothing.
 */
function unknownNameState(
  ctx: ServiceContext,
  name: string,
  policy: SecuritySettings,
): { failedCount: number; lockedUntil: string | null } {
  let state: { failedCount: number; lockedUntil: string | null } = { failedCount: 0, lockedUntil: null };
  const failures = all<{ at: string }>(
    ctx,
    "SELECT at FROM audit_log WHERE entity = 'account' AND entity_id = '-' AND action = 'login-failed' AND \"after\" ->> '$.用户名' = ? ORDER BY rowid",
    name,
  );
  for (const { at } of failures) {
    const then = { today: () => at.slice(0, 10), now: () => at };
    if (!lockedUntil(state, then)) {
      const next = afterFailure(state, policy, then);
      state = { failedCount: next.failedCount, lockedUntil: next.lockedUntil };
    }
  }
  return state;
}

/** A refused login: the message for the form as a whole (`_form`), and until when a locked account stays locked. */
function refused(message: string, until?: string): LedgerError {
  return new LedgerError('UNAUTHORIZED', message, { fields: { _form: message }, ...(until ? { details: { lockedUntil: until } } : {}) });
}

/** A session event of a logged-in account (logout, lock), in the audit. */
export function auditSession(ctx: ServiceContext, user: SessionUser, action: 'logout' | 'lock', why?: string): void {
  write(ctx, () =>
    audit(
      { ...ctx, user: { id: user.staffId, name: user.name } },
      { action, entity: 'account', entityId: user.accountId, after: why ? { 原因: why } : undefined },
    ),
  );
}

function checkPolicy(ctx: ServiceContext, password: string, username: string): void {
  const problems = passwordProblems(password, getSecurity(ctx), username);
  if (problems.length) throw new LedgerError('VALIDATION', `${problems[0]}。`, { fields: { password: problems.join('；') } });
}

function setPassword(ctx: ServiceContext, id: string, password: string, kdf: KdfParams, mustChangeAfter: boolean): void {
  const h = hashPassword(password, kdf);
  run(
    ctx,
    `UPDATE account SET password_hash = ?, password_salt = ?, password_params = ?, must_change = ?, password_changed_at = ?,
       failed_count = 0, locked_until = NULL, updated_at = ? WHERE id = ?`,
    h.hash,
    h.salt,
    h.params,
    mustChangeAfter ? 1 : 0,
    ctx.clock.now(),
    ctx.clock.now(),
    id,
  );
}

/** The logged-in account's own new password, after the current one is checked (its failures count as a login's). */
export function changePassword(
  ctx: ServiceContext,
  user: SessionUser,
  input: { current: string; next: string },
  kdf: KdfParams = PRODUCTION_KDF,
): SessionUser & { mustChange: boolean } {
  verifyLogin(ctx, user.username, input.current, kdf);
  checkPolicy(ctx, input.next, user.username);
  if (input.next === input.current)
    throw new LedgerError('VALIDATION', '新密码不能与原密码相同。', { fields: { next: '新密码不能与原密码相同' } });
  return write(ctx, () => {
    setPassword(ctx, user.accountId, input.next, kdf, false);
    audit(ctx, { action: 'password', entity: 'account', entityId: user.accountId, after: { 用户名: user.username, 方式: '本人修改' } });
    return { ...user, mustChange: false };
  });
}

/** The administrator an upgrade made, while no account has a password yet (then the first screen sets it). */
export function pendingAdmin(ctx: ServiceContext): Row | null {
  const any = one<{ n: number }>(ctx, 'SELECT count(*) AS n FROM account WHERE password_hash IS NOT NULL');
  if (any?.n) return null;
  return one<Row>(ctx, `${SELECT} WHERE a.role = 'admin' AND a.disabled = 0 AND s.active = 1 ORDER BY a.id LIMIT 1`) ?? null;
}

/** Sets the pending administrator's first password and logs them in (audited as a password set and a login). */
export function setupAdmin(ctx: ServiceContext, password: string, kdf: KdfParams = PRODUCTION_KDF): SessionUser & { mustChange: boolean } {
  const r = pendingAdmin(ctx);
  if (!r) throw new LedgerError('CONFLICT', '管理员密码已经设置，请直接登录。');
  checkPolicy(ctx, password, r.username);
  return write(ctx, () => {
    setPassword(ctx, r.id, password, kdf, false);
    const actx = { ...ctx, user: actorOf(r) };
    audit(actx, { action: 'password', entity: 'account', entityId: r.id, after: { 用户名: r.username, 方式: '升级后首次设置管理员密码' } });
    audit(actx, { action: 'login', entity: 'account', entityId: r.id, after: { 用户名: r.username } });
    return { ...sessionUser(r), mustChange: false };
  });
}

/**
 * First-run setup's administrator: the staff member setup made, with the username and password given
 * (no password: the first screen asks for it, as after an upgrade). Inside setup's transaction.
 */
export function createFirstAdmin(
  ctx: ServiceContext,
  staffId: string,
  login: { username?: string | undefined; password?: string | undefined },
  kdf: KdfParams = PRODUCTION_KDF,
): void {
  const staff = one<{ name: string }>(ctx, 'SELECT name FROM staff WHERE id = ?', staffId)!;
  const username = login.username ?? staff.name;
  if (login.password) checkPolicy(ctx, login.password, username);
  const id = insertAccount(ctx, staffId, username, 'admin');
  if (login.password) setPassword(ctx, id, login.password, kdf, false);
  audit(ctx, { action: 'account', entity: 'account', entityId: id, after: { 用户名: username, 角色: 'admin' } });
}

/** Whether the file has the account table (a file at a version from before accounts has not yet). */
export function haveAccounts(ctx: ServiceContext): boolean {
  return one(ctx, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'account'") !== undefined;
}

function insertAccount(ctx: ServiceContext, staffId: string, username: string, role: Role): string {
  if (byUsername(ctx, username))
    throw new LedgerError('CONFLICT', `用户名“${username}”已被使用。`, { fields: { username: '该用户名已被使用' } });
  const id = newId();
  const now = ctx.clock.now();
  run(
    ctx,
    `INSERT INTO account (id, staff_id, username, role, must_change, failed_count, disabled, created_at, updated_at)
     VALUES (?, ?, ?, ?, 1, 0, 0, ?, ?)`,
    id,
    staffId,
    username,
    role,
    now,
    now,
  );
  return id;
}

// ── the 账户 page (administrators) ───────────────────────────────────────────────────────────────

/** The newest account rows of the audit (its `audit_entity` index), newest first. */
export function accountEvents(ctx: ServiceContext): AccountEvent[] {
  return all<{ id: string; at: string; actorName: string; action: AccountEvent['action']; after: string | null }>(
    ctx,
    `SELECT id, at, actor_name AS actorName, action, after FROM audit_log WHERE entity = 'account' ORDER BY id DESC LIMIT ?`,
    ACCOUNT_EVENTS_SHOWN,
  ).map(({ after, ...r }) => ({ ...r, detail: after === null ? null : (JSON.parse(after) as Record<string, unknown>) }));
}

export function listAccounts(ctx: ServiceContext): AccountRow[] {
  return all<Row>(ctx, `${SELECT} ORDER BY a.disabled, a.role, s.name`).map((r) => view(ctx, r));
}

/** A new account with a first password the holder must change at first login. */
export function createAccount(
  ctx: ServiceContext,
  input: z.output<typeof AccountCreateInput>,
  kdf: KdfParams = PRODUCTION_KDF,
): AccountRow {
  checkPolicy(ctx, input.password, input.username);
  return write(ctx, () => {
    let staffId = input.staffId;
    if (staffId) {
      const s = one<{ active: number; kind: string }>(ctx, 'SELECT active, kind FROM staff WHERE id = ? AND deleted_at IS NULL', staffId);
      if (!s?.active || s.kind !== 'staff') throw new LedgerError('NOT_FOUND', '所选工作人员不存在或已停用。');
      if (one(ctx, 'SELECT 1 FROM account WHERE staff_id = ?', staffId))
        throw new LedgerError('CONFLICT', '该工作人员已有账户。', { fields: { staffId: '该工作人员已有账户' } });
    } else {
      staffId = newId();
      const now = ctx.clock.now();
      run(
        ctx,
        `INSERT INTO staff (id, name, post, phone, active, kind, created_at, updated_at) VALUES (?, ?, ?, NULL, 1, 'staff', ?, ?)`,
        staffId,
        input.name,
        input.post,
        now,
        now,
      );
      audit(ctx, { action: 'create', entity: 'staff', entityId: staffId, after: { name: input.name, post: input.post } });
    }
    const id = insertAccount(ctx, staffId, input.username, input.role);
    setPassword(ctx, id, input.password, kdf, true);
    audit(ctx, { action: 'account', entity: 'account', entityId: id, after: { 用户名: input.username, 角色: input.role, 操作: '新建' } });
    return view(ctx, byId(ctx, id));
  });
}

/** Refuses a change that would leave the ledger without an administrator who can log in. */
function keepAnAdmin(ctx: ServiceContext, id: string): void {
  const others = one<{ n: number }>(
    ctx,
    `SELECT count(*) AS n FROM account a JOIN staff s ON s.id = a.staff_id
     WHERE a.role = 'admin' AND a.disabled = 0 AND s.active = 1 AND a.id <> ?`,
    id,
  );
  if (!others?.n) throw new LedgerError('CONFLICT', '这是唯一可用的管理员账户，不能停用或改为其他角色。请先为另一位同事设置管理员。');
}

export function updateAccount(ctx: ServiceContext, input: z.output<typeof AccountUpdateInput>): AccountRow {
  return write(ctx, () => {
    const before = byId(ctx, input.id);
    if (input.role && input.role !== 'admin' && before.role === 'admin') keepAnAdmin(ctx, input.id);
    if (input.username && input.username.toLowerCase() !== before.username.toLowerCase() && byUsername(ctx, input.username))
      throw new LedgerError('CONFLICT', `用户名“${input.username}”已被使用。`, { fields: { username: '该用户名已被使用' } });
    run(
      ctx,
      'UPDATE account SET username = ?, role = ?, updated_at = ? WHERE id = ?',
      input.username ?? before.username,
      input.role ?? before.role,
      ctx.clock.now(),
      input.id,
    );
    const after = byId(ctx, input.id);
    audit(ctx, {
      action: 'account',
      entity: 'account',
      entityId: input.id,
      before: { 用户名: before.username, 角色: before.role },
      after: { 用户名: after.username, 角色: after.role },
    });
    return view(ctx, after);
  });
}

/** A new first password from the administrator: unlocks the account, and the holder must change it at next login. */
export function resetPassword(ctx: ServiceContext, input: { id: string; password: string }, kdf: KdfParams = PRODUCTION_KDF): AccountRow {
  const r = byId(ctx, input.id);
  checkPolicy(ctx, input.password, r.username);
  return write(ctx, () => {
    setPassword(ctx, r.id, input.password, kdf, ctx.user.id !== r.staff_id);
    audit(ctx, { action: 'password', entity: 'account', entityId: r.id, after: { 用户名: r.username, 方式: '管理员重设' } });
    return view(ctx, byId(ctx, r.id));
  });
}

export function disableAccount(ctx: ServiceContext, input: { id: string; disabled: boolean }): AccountRow {
  return write(ctx, () => {
    const r = byId(ctx, input.id);
    if (input.disabled && r.role === 'admin') keepAnAdmin(ctx, r.id);
    run(ctx, 'UPDATE account SET disabled = ?, updated_at = ? WHERE id = ?', input.disabled ? 1 : 0, ctx.clock.now(), r.id);
    audit(ctx, {
      action: 'account',
      entity: 'account',
      entityId: r.id,
      after: { 用户名: r.username, 操作: input.disabled ? '停用' : '启用' },
    });
    return view(ctx, byId(ctx, r.id));
  });
}
