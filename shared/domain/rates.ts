/** Shares as every module's statistics compute and print them (调处率, 成功率, 走访完成率 …). */

/** A share as a fraction, or null when the denominator is zero (shown as “—”, never as 0 %). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Two decimals, as the county's reports print them (890 of 891: 99.89%); '—' for no data. */
export function formatRate(r: number | null): string {
  return r === null ? '—' : `${(Math.round(r * 10000) / 100).toFixed(2)}%`;
}

/** A count done of a count due, and their share (null when nothing was due). */
export interface Ratio {
  done: number;
  due: number;
  rate: number | null;
}

export const ratio = (done: number, due: number): Ratio => ({ done, due, rate: rate(done, due) });

/** A zero for every code: the counts of a breakdown, each shown even when none. */
export const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
