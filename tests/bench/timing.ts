/** How the bench times its work: medians of warm runs, and a failed call stops it. */
import { performance } from 'node:perf_hooks';
import type { Envelope } from '../../shared/errors';

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function time(runs: number, fn: (i: number) => void): number {
  for (let i = 0; i < Math.min(5, runs); i++) fn(i); // warm-up
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    xs.push(performance.now() - t0);
  }
  return median(xs);
}

/**
 * Times the dispatcher and the raw SQL of the same work side by side: in alternating blocks of 25
 * calls, so that a busy moment of the machine falls on both, while each block runs warm (alternating
 * every single call measures the processor's caches more than our code).
 */
export function timePair(runs: number, a: (i: number) => void, b: (i: number) => void): [number, number] {
  // Warm-up as long as the timing itself: both paths compiled by the JIT and their pages cached, as
  // in an app that has been open for a while.
  for (let i = 0; i < runs; i++) {
    a(i);
    b(i);
  }
  const xa: number[] = [];
  const xb: number[] = [];
  const BLOCK = 25;
  for (let start = 0; start < runs; start += BLOCK) {
    for (const [fn, xs] of [
      [a, xa],
      [b, xb],
    ] as const) {
      for (let i = start; i < Math.min(start + BLOCK, runs); i++) {
        const t0 = performance.now();
        fn(i);
        xs.push(performance.now() - t0);
      }
    }
  }
  return [median(xa), median(xb)];
}

export const round = (x: number) => Math.round(x * 1000) / 1000;

export function must(r: Envelope<unknown>): unknown {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
