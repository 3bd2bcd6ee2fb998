import { describe, expect, it } from 'vitest';
import { checkCaseNumberPattern, DEFAULT_DISPUTE_PATTERN, formatCaseNumber } from '../../../../shared/domain/case-number';
import { checkPhone } from '../../../../shared/domain/phone';
import { canTransition, isDisputeOverdue } from '../../../../shared/domain/dispute-status';

describe('case numbers', () => {
  it.each([
    [DEFAULT_DISPUTE_PATTERN, '高寨乡', 2024, 12, '高寨乡纠〔2024〕12号'],
    ['（{year}）{township}人调字第{seq:3}号', '高', 2024, 7, '（2024）高人调字第007号'],
    ['{township}纠〔{year}〕{seq:2}号', '李堡镇', 2025, 123, '李堡镇纠〔2025〕123号'],
  ])('%s', (pattern, township, year, seq, expected) => {
    expect(checkCaseNumberPattern(pattern)).toBeNull();
    expect(formatCaseNumber(pattern, { township, year, seq })).toBe(expected);
  });

  it.each([
    ['', '不能为空'],
    ['纠〔{year}〕号', '{seq}'],
    ['纠{seq}{seq}{year}', '只包含一个'],
    ['纠〔2024〕{seq}号', '{year}'],
    ['{town}{year}{seq}', '占位符'],
  ])('rejects %j', (pattern, problem) => {
    expect(checkCaseNumberPattern(pattern)).toContain(problem);
  });
});

describe('phone numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['008613800138000', '13800138000'],
    ['0371-62345678', '0371-62345678'],
  ])('accepts %s', (raw, value) => {
    expect(checkPhone(raw)).toEqual({ ok: true, value });
  });
  it.each(['12345', '23800138000', '1380013800a', '0371-123'])('rejects %s', (raw) => {
    expect(checkPhone(raw).ok).toBe(false);
  });
});

describe('dispute workflow', () => {
  it.each([
    ['registered', 'accepted', true],
    ['registered', 'rejected', true],
    ['registered', 'closed', false],
    ['accepted', 'mediating', true],
    ['mediating', 'resolved', true],
    ['resolved', 'closed', true],
    ['closed', 'mediating', false],
    ['mediating', 'transferred', true],
  ] as const)('%s → %s: %s', (from, to, ok) => {
    expect(canTransition(from, to)).toBe(ok);
  });

  it('is overdue only while open and past the deadline', () => {
    expect(isDisputeOverdue({ status: 'mediating', deadline: '2024-06-14' }, '2024-06-15')).toBe(true);
    expect(isDisputeOverdue({ status: 'mediating', deadline: '2024-06-15' }, '2024-06-15')).toBe(false);
    expect(isDisputeOverdue({ status: 'closed', deadline: '2024-01-01' }, '2024-06-15')).toBe(false);
    expect(isDisputeOverdue({ status: 'registered', deadline: null }, '2024-06-15')).toBe(false);
  });
});
