/** Phone numbers as an office writes them: mobiles, and fixed lines (固定电话) with their area code. */
import { describe, expect, it } from 'vitest';
import { checkPhone, LANDLINE_HINT, PHONE_HINT } from '../../../../shared/domain/phone';
import { PhoneField } from '../../../../shared/schemas/common';

describe('phone numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['0371-62345678', '0371-62345678'],
    // Fixed lines, with the area code written in any of the usual ways, kept as 区号-号码(-分机)
    ['0371-12345678', '0371-12345678'],
    ['037112345678', '0371-12345678'],
    ['0371 1234 5678', '0371-12345678'],
    ['(0371)12345678', '0371-12345678'],
    ['（0371）12345678', '0371-12345678'],
    ['0371-1234567', '0371-1234567'],
    ['01012345678', '010-12345678'],
    ['021-62345678', '021-62345678'],
    ['0371-12345678-801', '0371-12345678-801'],
    ['037112345678转801', '0371-12345678-801'],
    ['0371-12345678分机801', '0371-12345678-801'],
    ['0371-12345678#8', '0371-12345678-8'],
  ])('accepts %s as %s', (raw, value) => {
    expect(checkPhone(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['12345', PHONE_HINT],
    ['23800138000', PHONE_HINT],
    ['1380013800a', PHONE_HINT],
    ['1370013', PHONE_HINT],
    ['0371-123', LANDLINE_HINT],
    ['0371-0234567', LANDLINE_HINT],
    ['0371-123456789', LANDLINE_HINT],
    ['0371-12345678-1234567', LANDLINE_HINT],
    ['0012345678', LANDLINE_HINT],
  ])('refuses %s: %s', (raw, reason) => {
    expect(checkPhone(raw)).toEqual({ ok: false, reason });
  });

  it('says in every refusal that a fixed line (固定电话) is accepted too', () => {
    expect(PHONE_HINT).toContain('固定电话');
    expect(LANDLINE_HINT).toContain('固定电话');
  });

  it.each([
    ['', null],
    ['  ', null],
    ['0371-12345678', '0371-12345678'],
    ['037112345678-12', '0371-12345678-12'],
  ])('the shared field reads %j as %j', (raw, value) => {
    expect(PhoneField.parse(raw)).toBe(value);
  });

  it('the shared field gives the message at the field', () => {
    const r = PhoneField.safeParse('12345');
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual([PHONE_HINT]);
  });
});
