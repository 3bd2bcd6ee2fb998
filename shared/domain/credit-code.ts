/**
 * 统一社会信用代码 (GB 32100-2015; CONTRIBUTING.md, DOMAIN §5.3), for a party that is a company or an
 * organisation: 18 characters from a 31-symbol set (no I, O, S, V, Z) — registration authority,
 * organisation category, 6-digit administrative division, 9-character organisation code, and a check
 * character: C18 = 31 − (Σ value × weight mod 31), 31 written as 0.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeCheck = { ok: true; value: string } | { ok: false; reason: string };

/** The check character for the first 17 characters (which must be from the set). */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return CHARSET[c === 31 ? 0 : c]!;
}

export function checkCreditCode(raw: string): CreditCodeCheck {
  const value = raw.replace(/\s+/g, '').toUpperCase();
  if (value.length !== 18) return { ok: false, reason: '统一社会信用代码应为18位' };
  const bad = [...value].find((ch) => !CHARSET.includes(ch));
  if (bad) return { ok: false, reason: `统一社会信用代码不能含有“${bad}”（不使用I、O、S、V、Z）` };
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, reason: '统一社会信用代码第3至8位应为行政区划代码（数字）' };
  if (creditCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: '统一社会信用代码校验位不正确，请核对' };
  return { ok: true, value };
}
