import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SECURITY,
  afterFailure,
  chinaTime,
  describePolicy,
  idleExpired,
  lockedUntil,
  passwordClasses,
  passwordExpired,
  passwordProblems,
  type SecuritySettings,
} from '../../../../shared/domain/accounts';
import type { Clock } from '../../../../shared/dates';

const at = (now: string): Clock => ({ today: () => now.slice(0, 10), now: () => now });
const strict: SecuritySettings = { ...DEFAULT_SECURITY, passwordMinLength: 8, passwordClasses: true, passwordMaxAgeDays: 90 };

describe('the password policy (RELIABILITY G9)', () => {
  it('defaults to length first: ten characters, no classes, no rotation, five failures lock for 15 minutes, idle 10', () => {
    expect(DEFAULT_SECURITY).toEqual({
      passwordMinLength: 10,
      passwordClasses: false,
      passwordMaxAgeDays: null,
      lockoutThreshold: 5,
      lockoutMinutes: 15,
      idleMinutes: 10,
    });
  });

  it.each([
    ['short1', DEFAULT_SECURITY, ['密码至少10个字符（现有6个）']],
    ['a long passphrase', DEFAULT_SECURITY, []],
    ['高寨乡司法所调解室', DEFAULT_SECURITY, ['密码至少10个字符（现有9个）']],
    ['高寨乡司法所调解室好', DEFAULT_SECURITY, []],
    ['aaaaaaaaaaaa', DEFAULT_SECURITY, ['密码不能由同一个字符重复组成']],
    ['alllowercase', strict, ['密码须包含小写字母、大写字母、数字、其他符号中的至少三类']],
    ['Lower1case', strict, []],
    ['lower-case1', strict, []],
  ] as const)('%s', (password, policy, problems) => {
    expect(passwordProblems(password, policy)).toEqual(problems);
  });

  it('refuses the username as the password, in any case', () => {
    expect(passwordProblems('Wangtiaojie', DEFAULT_SECURITY, 'wangtiaojie')).toContain('密码不能与用户名相同');
  });

  it('counts the four classes', () => {
    expect([passwordClasses('abc'), passwordClasses('aB1'), passwordClasses('aB1!'), passwordClasses('中文1')]).toEqual([1, 3, 4, 2]);
  });

  it('describes the policy in one sentence', () => {
    expect(describePolicy(DEFAULT_SECURITY)).toBe('密码要求：至少10个字符（可用一句好记的话）。');
    expect(describePolicy(strict)).toContain('每90天须更换一次');
  });

  it('asks for a change after the interval, never when the interval is off', () => {
    expect(passwordExpired('2024-03-17T08:00:00.000Z', strict, at('2024-06-15T07:59:59.000Z'))).toBe(false);
    expect(passwordExpired('2024-03-17T08:00:00.000Z', strict, at('2024-06-15T08:00:00.000Z'))).toBe(true);
    expect(passwordExpired('2020-01-01T00:00:00.000Z', DEFAULT_SECURITY, at('2024-06-15T08:00:00.000Z'))).toBe(false);
  });
});

describe('the lockout (RELIABILITY T7)', () => {
  it('locks at the fifth consecutive failure for 15 minutes, and lets the account try again after', () => {
    const clock = at('2024-06-15T08:00:00.000Z');
    let state = { failedCount: 0, lockedUntil: null as string | null };
    for (let i = 1; i <= 4; i++) {
      const next = afterFailure(state, DEFAULT_SECURITY, clock);
      expect(next).toEqual({ failedCount: i, lockedUntil: null, locked: false });
      state = next;
    }
    const fifth = afterFailure(state, DEFAULT_SECURITY, clock);
    expect(fifth).toEqual({ failedCount: 5, lockedUntil: '2024-06-15T08:15:00.000Z', locked: true });
    expect(lockedUntil(fifth, at('2024-06-15T08:14:59.000Z'))).toBe('2024-06-15T08:15:00.000Z');
    expect(lockedUntil(fifth, at('2024-06-15T08:15:00.000Z'))).toBeNull();
    // After the lock has run out, the count starts again.
    expect(afterFailure(fifth, DEFAULT_SECURITY, at('2024-06-15T08:20:00.000Z'))).toEqual({
      failedCount: 1,
      lockedUntil: null,
      locked: false,
    });
  });

  it('follows the configured threshold and minutes', () => {
    const policy = { ...DEFAULT_SECURITY, lockoutThreshold: 3, lockoutMinutes: 30 };
    const next = afterFailure({ failedCount: 2, lockedUntil: null }, policy, at('2024-06-15T08:00:00.000Z'));
    expect(next.lockedUntil).toBe('2024-06-15T08:30:00.000Z');
  });

  it('says when the lock ends in China time', () => {
    expect(chinaTime('2024-06-15T08:15:00.000Z')).toBe('2024-06-15 16:15');
  });
});

describe('the idle lock (RELIABILITY T17)', () => {
  it('locks after the idle minutes without use', () => {
    expect(idleExpired('2024-06-15T08:00:00.000Z', DEFAULT_SECURITY, at('2024-06-15T08:09:59.000Z'))).toBe(false);
    expect(idleExpired('2024-06-15T08:00:00.000Z', DEFAULT_SECURITY, at('2024-06-15T08:10:00.000Z'))).toBe(true);
    expect(idleExpired('2024-06-15T08:00:00.000Z', { ...DEFAULT_SECURITY, idleMinutes: 30 }, at('2024-06-15T08:10:00.000Z'))).toBe(false);
  });
});
