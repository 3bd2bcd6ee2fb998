/**
 * Human case numbers, e.g. 高寨乡纠〔2024〕12号. A pattern holds literal text and the tokens
 * {township} (the township's short name), {year} and {seq} or {seq:N} (zero-padded to N digits).
 * The sequence restarts every year; the printed number is separate from the record's id.
 */
export const DEFAULT_DISPUTE_PATTERN = '{township}纠〔{year}〕{seq}号';
/** 卷宗号 of a people's-mediation case (CONTRIBUTING.md, DOMAIN §1.8). */
export const DEFAULT_MEDIATION_PATTERN = '（{year}）{township}人调字第{seq}号';

const TOKEN_RE = /\{(township|year|seq)(?::(\d))?\}/g;

export function checkCaseNumberPattern(pattern: string): string | null {
  if (!pattern.trim()) return '编号格式不能为空';
  if (pattern.length > 60) return '编号格式不能超过60个字符';
  const bad = pattern.replace(TOKEN_RE, '').match(/[{}]/);
  if (bad) return '编号格式中只能使用 {township} {year} {seq} 或 {seq:3} 这样的占位符';
  const seqCount = [...pattern.matchAll(TOKEN_RE)].filter((m) => m[1] === 'seq').length;
  if (seqCount !== 1) return '编号格式必须包含且只包含一个 {seq}（序号）';
  if (!pattern.includes('{year}')) return '编号格式必须包含 {year}（年份），序号每年重新计算';
  return null;
}

export function formatCaseNumber(pattern: string, parts: { township: string; year: number; seq: number }): string {
  return pattern.replace(TOKEN_RE, (_all, token: string, width?: string) => {
    if (token === 'township') return parts.township;
    if (token === 'year') return String(parts.year);
    const s = String(parts.seq);
    return width ? s.padStart(Number(width), '0') : s;
  });
}
