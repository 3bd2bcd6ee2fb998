import type { Clock } from '../../shared/dates';

/** A clock that stands still until the test moves it on (the idle lock and the lockout's end are read from it). */
export function movingClock(start = '2024-06-15T08:00:00.000Z'): { clock: Clock; advance(minutes: number): void } {
  let now = Date.parse(start);
  return {
    clock: { today: () => new Date(now).toISOString().slice(0, 10), now: () => new Date(now).toISOString() },
    advance(minutes) {
      now += minutes * 60_000;
    },
  };
}
