/**
 * 公民身份号码 (GB 11643-1999): 6-digit address code, 8-digit birth date, 3-digit sequence
 * (odd = male, even = female) and a check character computed with ISO 7064 MOD 11-2.
 */
import { isValidDate } from '../dates';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK = '10X98765432';
/** Province-level codes seen on issued cards (an implementation list, not the standard itself). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
  83,
]);

export type Sex = 'M' | 'F';

export type IdNumberCheck = { ok: true; value: string; birthDate: string; sex: Sex } | { ok: false; reason: string };

/** Upper-cases the check character and removes surrounding and inner blanks. */
export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/**
 * Validates an 18-character number. `today` bounds the birth date (no one is born in the future).
 */
export function checkIdNumber(raw: string, today: string): IdNumberCheck {
  const value = normalizeIdNumber(raw);
  if (value.length !== 18) return { ok: false, reason: '公民身份号码应为18位' };
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, reason: '公民身份号码前17位应为数字，末位为数字或X' };
  if (!PROVINCES.has(Number(value.slice(0, 2)))) return { ok: false, reason: '公民身份号码的地址码不正确' };
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isValidDate(birthDate) || birthDate < '1880-01-01') {
    return { ok: false, reason: '公民身份号码中的出生日期不存在' };
  }
  if (birthDate > today) return { ok: false, reason: '公民身份号码中的出生日期晚于今天' };
  if (idCheckChar(value) !== value[17]) return { ok: false, reason: '公民身份号码校验位不正确，请核对' };
  const sex: Sex = Number(value[16]) % 2 === 1 ? 'M' : 'F';
  return { ok: true, value, birthDate, sex };
}

/** Facts recorded on a person that contradict what their ID number says. */
export function idNumberMismatches(
  person: { idNumber?: string | null; sex?: string | null; birthDate?: string | null },
  today: string,
): string[] {
  if (!person.idNumber) return [];
  const check = checkIdNumber(person.idNumber, today);
  if (!check.ok) return [check.reason];
  const out: string[] = [];
  if (person.sex && person.sex !== check.sex) out.push('性别与公民身份号码不符');
  if (person.birthDate && person.birthDate !== check.birthDate) out.push('出生日期与公民身份号码不符');
  return out;
}

/** 110101********1234: shown where the full number is not needed. */
export function maskIdNumber(value: string): string {
  if (value.length < 10) return value;
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}
