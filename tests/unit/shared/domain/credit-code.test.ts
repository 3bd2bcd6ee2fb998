/** 统一社会信用代码 (GB 32100-2015), table by table. */
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCheckChar } from '../../../../shared/domain/credit-code';

describe('REVIEW row 10: 统一社会信用代码 (GB 32100-2015) for a party that is an organisation', () => {
  it.each([
    ['91350100M000100Y43', true],
    ['91110000100000000', false],
  ])('%s is a code: %s', (code, ok) => {
    expect(checkCreditCode(code).ok).toBe(ok);
  });

  it("computes the check character by the standard's weights (the standard's own example ends in 3)", () => {
    expect(creditCheckChar('91350100M000100Y4')).toBe('3');
  });

  it.each([
    ['', '统一社会信用代码应为18位'],
    ['91350100M000100Y4', '统一社会信用代码应为18位'],
    ['91350100M000100YO3', '统一社会信用代码不能含有“O”（不使用I、O、S、V、Z）'],
    ['9135A100M000100Y43', '统一社会信用代码第3至8位应为行政区划代码（数字）'],
    ['91350100M000100Y44', '统一社会信用代码校验位不正确，请核对'],
  ])('%j is refused: %s', (code, reason) => {
    expect(checkCreditCode(code)).toEqual({ ok: false, reason });
  });

  it('reads a code written in lower case or with spaces as the code', () => {
    expect(checkCreditCode(' 91350100m000100y43 ')).toEqual({ ok: true, value: '91350100M000100Y43' });
  });

  it('accepts every code whose check character it computes', () => {
    for (const first17 of ['91110108MA01ABCDE', '12100000400000000', '5132000050000123X', 'Y1440300MA5DXXXXX'.replace(/X/g, '1')]) {
      const code = first17 + creditCheckChar(first17);
      expect(checkCreditCode(code), code).toEqual({ ok: true, value: code });
    }
  });
});
