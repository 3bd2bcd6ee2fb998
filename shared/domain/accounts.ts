/**
 * Accounts and login, as pure rules: the password policy, the lockout after repeated failures and the
 * idle lock (CONTRIBUTING.md, RELIABILITY G9). The numbers are the office's settings; the defaults are
 * length-first (a long password, no forced classes or rotation), and the classes and the change interval
 * can be turned on for a 等保 tester. Every rule takes the instant from the injected clock.
 */
import type { Clock } from '../dates';

export const ROLES = ['admin', 'staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', staff: '工作人员', viewer: '查阅' };

export interface SecuritySettings {
  /** Shortest password, in characters (a Chinese character counts as one). */
  passwordMinLength: number;
  /** Require three of the four classes: lower case, upper case, digits, other characters. */
  passwordClasses: boolean;
  /** Days after which a password must be changed; null: never. */
  passwordMaxAgeDays: number | null;
  /** Consecutive failures that lock an account. */
  lockoutThreshold: number;
  /** How long a locked account stays locked, in minutes. */
  lockoutMinutes: number;
  /** Minutes without use after which the session locks. */
  idleMinutes: number;
}

export const DEFAULT_SECURITY: SecuritySettings = {
  passwordMinLength: 10,
  passwordClasses: false,
  passwordMaxAgeDays: null,
  lockoutThreshold: 5,
  lockoutMinutes: 15,
  idleMinutes: 10,
};

export const PASSWORD_MAX_LENGTH = 128;

/** What a password lacks under the policy, in Chinese, one line each; empty when it is acceptable. */
export function passwordProblems(password: string, policy: SecuritySettings, username?: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < policy.passwordMinLength) problems.push(`密码至少${policy.passwordMinLength}个字符（现有${length}个）`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`密码不能超过${PASSWORD_MAX_LENGTH}个字符`);
  if (policy.passwordClasses && passwordClasses(password) < 3) problems.push('密码须包含小写字母、大写字母、数字、其他符号中的至少三类');
  if (username && password.trim().toLowerCase() === username.trim().toLowerCase()) problems.push('密码不能与用户名相同');
  if (length > 0 && new Set(password).size === 1) problems.push('密码不能由同一个字符重复组成');
  return problems;
}

/** How many of the four classes a password uses (lower, upper, digit, anything else). */
export function passwordClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/** The policy in one sentence, shown beside every password field. */
export function describePolicy(policy: SecuritySettings): string {
  const parts = [`至少${policy.passwordMinLength}个字符（可用一句好记的话）`];
  if (policy.passwordClasses) parts.push('包含大写字母、小写字母、数字、符号中的至少三类');
  if (policy.passwordMaxAgeDays) parts.push(`每${policy.passwordMaxAgeDays}天须更换一次`);
  return `密码要求：${parts.join('；')}。`;
}

const MINUTE = 60_000;

function at(clock: Clock): number {
  return Date.parse(clock.now());
}

/** Whether the password set at `changedAt` is due for a change under the policy's interval. */
export function passwordExpired(changedAt: string | null, policy: SecuritySettings, clock: Clock): boolean {
  if (!policy.passwordMaxAgeDays || !changedAt) return false;
  return at(clock) - Date.parse(changedAt) >= policy.passwordMaxAgeDays * 1440 * MINUTE;
}

/** The stored state of an account's failures. */
export interface LockoutState {
  failedCount: number;
  lockedUntil: string | null;
}

/** The instant the account stays locked until, or null when it may try now. */
export function lockedUntil(state: LockoutState, clock: Clock): string | null {
  return state.lockedUntil && Date.parse(state.lockedUntil) > at(clock) ? state.lockedUntil : null;
}

/**
 * After a wrong password: one more consecutive failure, and at the threshold the lock until now + the
 * lockout minutes (the count starts again after a lock has run out).
 */
export function afterFailure(state: LockoutState, policy: SecuritySettings, clock: Clock): LockoutState & { locked: boolean } {
  const expired = state.lockedUntil !== null && lockedUntil(state, clock) === null;
  const failedCount = (expired ? 0 : state.failedCount) + 1;
  if (failedCount >= policy.lockoutThreshold) {
    return { failedCount, lockedUntil: new Date(at(clock) + policy.lockoutMinutes * MINUTE).toISOString(), locked: true };
  }
  return { failedCount, lockedUntil: null, locked: false };
}

/** Whether a session last used at `lastUsed` has been idle past the policy's minutes. */
export function idleExpired(lastUsed: string, policy: SecuritySettings, clock: Clock): boolean {
  return at(clock) - Date.parse(lastUsed) >= policy.idleMinutes * MINUTE;
}

/** 'HH:mm' of an instant in China's time (UTC+8, no daylight saving), for the lockout message. */
export function chinaTime(instant: string): string {
  const d = new Date(Date.parse(instant) + 8 * 60 * MINUTE);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The one message for a refused login: it never says whether the user exists. */
export const LOGIN_FAILED = '用户名或密码不正确。';

export function lockedMessage(until: string): string {
  return `连续输错密码次数过多，账户已锁定，请于 ${chinaTime(until)} 后再试，或请管理员解锁。`;
}
