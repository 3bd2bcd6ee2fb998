/** Accounts and login: the inputs of the login, the password forms and the 账户 page, and what they answer. */
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, ROLES, passwordProblems, type Role, type SecuritySettings } from '../domain/accounts';
import { Id, OptId, optText, reqText } from './common';

/** A username: one line, no spaces; a Chinese name is fine (an upgraded ledger's usernames are the staff's names). */
export const Username = reqText('用户名', 32).refine((v) => !/\s/.test(v), '用户名不能包含空格');

/** A password as typed: never trimmed (a space is a character of it); the policy is checked by the host and the form. */
export const Password = z
  .string({ error: '请输入密码' })
  .min(1, '请输入密码')
  .max(PASSWORD_MAX_LENGTH * 2, '密码过长');

export const RoleInput = z.enum(ROLES, { error: '请选择角色' });

export const LoginInput = z.strictObject({ username: Username, password: Password });

/** After an upgrade, the administrator's first password (only while no account has one). */
export const SetupAdminInput = z.strictObject({ password: Password });

export const ChangePasswordInput = z.strictObject({ current: Password, next: Password });

/** A new account: for a colleague on the staff list (staffId), or for someone new (name), e.g. a leader who only reads. */
export const AccountCreateInput = z
  .strictObject({
    staffId: OptId,
    name: optText('姓名', 20),
    post: optText('职务', 30),
    username: Username,
    role: RoleInput,
    password: Password,
  })
  .refine((v) => v.staffId || v.name, { message: '请选择工作人员或填写姓名', path: ['name'] });

export const AccountUpdateInput = z.strictObject({ id: Id, username: Username.optional(), role: RoleInput.optional() });

export const AccountResetInput = z.strictObject({ id: Id, password: Password });

export const AccountDisableInput = z.strictObject({ id: Id, disabled: z.boolean({ error: '请选择停用或启用' }) });

const Minutes = (label: string, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .int(`${label}应为整数`)
    .min(1, `${label}至少为1`)
    .max(max, `${label}不能超过${max}`);

export const SecurityInput = z.strictObject({
  passwordMinLength: z.number({ error: '请填写密码最短长度' }).int().min(8, '密码最短长度不能少于8').max(64, '密码最短长度不能超过64'),
  passwordClasses: z.boolean(),
  passwordMaxAgeDays: z.number().int().min(1, '更换周期至少1天').max(3650, '更换周期不能超过3650天').nullable(),
  lockoutThreshold: Minutes('锁定前允许的失败次数', 20),
  lockoutMinutes: Minutes('锁定时长（分钟）', 1440),
  idleMinutes: Minutes('空闲锁定（分钟）', 240),
}) satisfies z.ZodType<SecuritySettings>;

/** Who is logged in. */
export interface SessionUser {
  accountId: string;
  staffId: string;
  name: string;
  username: string;
  role: Role;
}

export interface SessionStatus {
  initialized: boolean;
  /** The logged-in account; null before login or after logout. */
  user: SessionUser | null;
  /** The session is locked (idle or by hand): the same account, or another, logs in again. */
  locked: boolean;
  /** The account must set a new password before anything else (first login, reset, or past the change interval). */
  mustChange: boolean;
  /** After an upgrade, no account has a password yet: the administrator sets theirs first. */
  needsAdminPassword: { username: string; name: string } | null;
  policy: SecuritySettings;
}

export interface AccountRow {
  id: string;
  staffId: string;
  name: string;
  post: string | null;
  username: string;
  role: Role;
  hasPassword: boolean;
  mustChange: boolean;
  disabled: boolean;
  /** Locked after failures until this instant (null when not locked now). */
  lockedUntil: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
}

/**
 * A form's check of a new password against the office's policy, and of its second typing: the form
 * shows the same words the host would give (the host checks again, with the policy it holds).
 */
export function newPasswordRule(policy: SecuritySettings, field = 'password') {
  return (v: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const password = typeof v[field] === 'string' ? v[field] : '';
    const problems = passwordProblems(password, policy, typeof v.username === 'string' ? v.username : undefined);
    if (problems.length) ctx.addIssue({ code: 'custom', path: [field], message: problems.join('；') });
    if (v.confirm !== password) ctx.addIssue({ code: 'custom', path: ['confirm'], message: '两次输入的密码不一致' });
  };
}

/** The second typing of a new password, beside the forms' inputs (never sent to the host). */
export const Confirm = z.string();

/** A row of 登录与账户记录 (设置 → 账户): a login, a failure, a lock, a logout or a change of an account, from the audit. */
export interface AccountEvent {
  id: string;
  at: string;
  /** Who it was done by or for (未登录 for a name nobody has). */
  actorName: string;
  action: 'login' | 'login-failed' | 'lockout' | 'logout' | 'lock' | 'password' | 'account';
  /** What the audit row says besides: the username typed, the reason, the change. */
  detail: Record<string, unknown> | null;
}

/** How many of the newest 登录与账户记录 the page lists. */
export const ACCOUNT_EVENTS_SHOWN = 200;
