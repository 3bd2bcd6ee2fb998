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

/** Landline with area code, e.g. 0371-12345678 or 037112345678, optional extension. */
export function isLandline(value: string): boolean {
  return /^0\d{2,3}-?[2-9]\d{6,7}(-\d{1,4})?$/.test(value);
}

export function checkPhone(raw: string): { ok: true; value: string } | { ok: false; reason: string } {
  const trimmed = raw.trim();
  const compact = trimmed.replace(/\s/g, '');
  if (!/^(\+86|0086)/.test(compact) && /^0\d{2,3}-?[2-9]/.test(compact)) {
    const v = trimmed.replace(/\s/g, '');
    return isLandline(v) ? { ok: true, value: v } : { ok: false, reason: '固定电话格式不正确，如 0371-12345678' };
  }
  const v = normalizePhone(trimmed);
  return isMobile(v) ? { ok: true, value: v } : { ok: false, reason: '手机号码应为以1开头的11位数字' };
}
