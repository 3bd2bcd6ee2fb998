import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar, idNumberMismatches, maskIdNumber, normalizeIdNumber } from '../../../../shared/domain/id-number';

const TODAY = '2024-06-15';

describe('公民身份号码 checksum (GB 11643)', () => {
  it.each([
    // first 17 digits → check character (computed by hand with the weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2)
    ['11010519491231002', 'X'],
    ['44052419800101001', '3'],
    ['41010219800501123', '7'],
    ['11010119900307001', '1'],
  ])('%s → %s', (first17, check) => {
    expect(idCheckChar(first17)).toBe(check);
  });
});

describe('checkIdNumber', () => {
  it.each([
    ['11010519491231002X', true, 'F', '1949-12-31'],
    ['11010519491231002x', true, 'F', '1949-12-31'],
    [' 440524 19800101 0013 ', true, 'M', '1980-01-01'],
    ['410102198005011237', true, 'M', '1980-05-01'],
  ])('accepts %s', (raw, ok, sex, birth) => {
    const r = checkIdNumber(raw, TODAY);
    expect(r.ok).toBe(ok);
    if (r.ok) {
      expect(r.sex).toBe(sex);
      expect(r.birthDate).toBe(birth);
      expect(r.value).toBe(normalizeIdNumber(raw));
    }
  });

  it.each([
    ['', '应为18位'],
    ['11010519491231002', '应为18位'],
    ['1101051949123100XX', '前17位'],
    ['110105194912310021', '校验位'],
    ['990105194912310023', '地址码'],
    ['110105194902300020', '出生日期不存在'],
    ['110105203001010010', '晚于今天'],
  ])('rejects %s (%s)', (raw, reason) => {
    const r = checkIdNumber(raw, TODAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });

  it('flags sex and birth date that contradict the number', () => {
    expect(idNumberMismatches({ idNumber: '11010519491231002X', sex: 'M', birthDate: '1950-01-01' }, TODAY)).toEqual([
      '性别与公民身份号码不符',
      '出生日期与公民身份号码不符',
    ]);
    expect(idNumberMismatches({ idNumber: '11010519491231002X', sex: 'F', birthDate: '1949-12-31' }, TODAY)).toEqual([]);
    expect(idNumberMismatches({ idNumber: null, sex: 'M' }, TODAY)).toEqual([]);
  });

  it('masks the middle of the number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });
});
