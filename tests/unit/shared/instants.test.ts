/** Moments shown the one way (shared/instants.ts): 2026-11-29 14:05, local time, whatever the locale. */
import { describe, expect, it } from 'vitest';
import { formatInstant } from '../../../shared/instants';

describe('formatInstant', () => {
  it.each([
    // China (UTC+8: Date.getTimezoneOffset gives −480)
    ['an afternoon', '2026-11-29T06:05:41.123Z', -480, '2026-11-29 14:05'],
    ['past midnight in China, still the day before in UTC', '2026-11-28T16:30:00.000Z', -480, '2026-11-29 00:30'],
    ['a year turning', '2025-12-31T16:00:59Z', -480, '2026-01-01 00:00'],
    ['seconds are dropped, never rounded up', '2026-11-29T06:05:59.999Z', -480, '2026-11-29 14:05'],
    ['UTC itself', '2026-11-29T06:05:00Z', 0, '2026-11-29 06:05'],
    ['west of Greenwich', '2026-11-29T06:05:00Z', 300, '2026-11-29 01:05'],
  ])('%s: %s → %s', (_, iso, offset, shown) => {
    expect(formatInstant(iso, offset)).toBe(shown);
  });

  it("uses the machine's own offset by default", () => {
    const iso = '2026-11-29T06:05:00Z';
    expect(formatInstant(iso)).toBe(formatInstant(iso, new Date(iso).getTimezoneOffset()));
  });

  it('leaves text that is not an instant as it came', () => {
    expect(formatInstant('不明')).toBe('不明');
  });
});
