/** Shares as every module's statistics compute and print them (调处率, 成功率, 走访完成率 …). */

/** A share as a fraction, or null when the denominator is zero (shown as “—”, never as 0 %). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** 96.9 % style, one decimal; '—' for no data. */
export function formatRate(r: number | null): string {
  return r === null ? '—' : `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
}
