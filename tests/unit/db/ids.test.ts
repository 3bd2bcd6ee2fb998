/** Primary keys: sortable, unique text ids (ULID), independent of the human case numbers. */
import { describe, expect, it } from 'vitest';
import { newId } from '../../../db/ids';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/;

function decodeTime(id: string): number {
  return [...id.slice(0, 10)].reduce((ms, c) => ms * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(c), 0);
}

describe('newId', () => {
  it('is 26 Crockford base32 characters whose first ten are the creation time', () => {
    const at = Date.UTC(2024, 5, 15, 8, 30);
    const id = newId(at + 1_000_000); // later than any id made so far in this process
    expect(id).toMatch(CROCKFORD);
    expect(decodeTime(id)).toBe(at + 1_000_000);
  });

  it('is unique and sorts in the order made, also many within one millisecond and across the random pool', () => {
    const at = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 5000 }, (_, i) => newId(at + Math.floor(i / 1000)));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('never goes backwards when the clock does', () => {
    const later = newId(Date.UTC(2031, 0, 1));
    const afterClockStep = newId(Date.UTC(2029, 0, 1));
    expect(afterClockStep > later).toBe(true);
  });

  it('differs between runs in its random part', () => {
    const a = newId(Date.UTC(2032, 0, 1));
    const b = newId(Date.UTC(2032, 0, 1, 0, 0, 1));
    expect(a.slice(10)).not.toBe(b.slice(10));
  });
});
