/**
 * Phone numbers as a township office writes them down: a mobile, or a fixed line (固定电话) with its
 * area code — many villagers, village committees and units have only a landline.
 */

/** Mobile numbers: 11 digits starting 1[3-9]; a +86 / 0086 prefix, blanks and dashes are stripped. */
export function normalizePhone(raw: string): string {
  let v = raw.replace(/[\s-]/g, '');
  if (v.startsWith('+86')) v = v.slice(3);
  else if (v.startsWith('0086')) v = v.slice(4);
  return v;
}

export function isMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/**
 * A fixed line: the area code (010 and 02x have three digits, every other one four: 0371, 0756), the
 * local number of 7 or 8 digits, and an extension of up to 6 digits. Written 0371-12345678,
 * 037112345678, (0371)12345678 or 0371 1234 5678; the extension after -, 转 or #.
 */
const LANDLINE = /^(010|02\d|0[3-9]\d\d)-?([1-9]\d{6,7})(?:(?:-|转|#)(\d{1,6}))?$/;

/** The landline written as 区号-号码 (-分机), or null when it is not one. */
export function landline(raw: string): string | null {
  const compact = raw
    .replace(/\s/g, '')
    .replace(/^[(（](0\d{2,3})[)）]-?/, '$1-')
    .replace(/(分机|ext\.?)/i, '转');
  const m = LANDLINE.exec(compact);
  if (!m) return null;
  return `${m[1]}-${m[2]}${m[3] ? `-${m[3]}` : ''}`;
}

export const LANDLINE_HINT = '固定电话应带区号，如 0371-12345678，分机号写在后面，如 0371-12345678-801';
export const PHONE_HINT = '请填写11位手机号码，或带区号的固定电话，如 0371-12345678';

/** A mobile (kept as its 11 digits) or a landline (kept as 区号-号码-分机); otherwise why not. */
export function checkPhone(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const compact = raw.trim().replace(/\s/g, '');
  // A leading 0 (not the 0086 of a mobile) or a bracketed area code: the number is a landline.
  if (/^[(（]?0/.test(compact) && !compact.startsWith('0086')) {
    const value = landline(compact);
    return value ? { ok: true, value } : { ok: false, reason: LANDLINE_HINT };
  }
  const v = normalizePhone(compact);
  return isMobile(v) ? { ok: true, value: v } : { ok: false, reason: PHONE_HINT };
}
