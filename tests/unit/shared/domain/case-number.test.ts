import { describe, expect, it } from 'vitest';
import { checkCaseNumberPattern, DEFAULT_DISPUTE_PATTERN, formatCaseNumber } from '../../../../shared/domain/case-number';
import { canTransition, disputeDueItems, type DisputeStatus } from '../../../../shared/domain/disputes';
import { DEFAULT_HOLIDAYS } from '../../../../shared/domain/holidays';

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

  // The handling deadline through the due-date engine: [deadline, status, history, today, → due date, state, late]
  it.each([
    ['2025-06-13', 'mediating', [], '2025-06-14', '2025-06-13', 'overdue', false],
    ['2025-06-13', 'mediating', [], '2025-06-13', '2025-06-13', 'due_soon', false],
    ['2025-06-30', 'accepted', [], '2025-06-13', '2025-06-30', 'upcoming', false],
    // a Saturday deadline moves to Monday; the 国庆 holiday moves 10-03 to the first workday after it
    ['2025-06-14', 'mediating', [], '2025-06-16', '2025-06-16', 'due_soon', false],
    ['2025-10-03', 'registered', [], '2025-10-09', '2025-10-09', 'due_soon', false],
    ['2025-10-03', 'registered', [], '2025-10-10', '2025-10-09', 'overdue', false],
    // left the open states: done on that day, late when after the deadline
    [
      '2025-06-13',
      'resolved',
      [
        ['mediating', '2025-06-01'],
        ['resolved', '2025-06-10'],
      ],
      '2025-07-01',
      '2025-06-13',
      'done',
      false,
    ],
    [
      '2025-06-13',
      'closed',
      [
        ['resolved', '2025-06-20'],
        ['closed', '2025-06-25'],
      ],
      '2025-07-01',
      '2025-06-13',
      'done',
      true,
    ],
    // 未化解 → 调处中 again: owed again
    [
      '2025-06-13',
      'mediating',
      [
        ['unresolved', '2025-06-10'],
        ['mediating', '2025-06-11'],
      ],
      '2025-07-01',
      '2025-06-13',
      'overdue',
      false,
    ],
  ] as const)('deadline %s, %s: due %s', (deadline, status, hist, today, due, state, late) => {
    const history = hist.map(([to, date]) => ({ to: to as DisputeStatus, date }));
    const [item, ...more] = disputeDueItems({ id: 'd1', intakeDate: '2025-05-01', deadline, status, history }, today, DEFAULT_HOLIDAYS);
    expect(more).toEqual([]);
    expect(item).toMatchObject({ ruleId: 'dispute.deadline', dueDate: due, state, late });
  });

  it('has no item without a deadline', () => {
    expect(
      disputeDueItems(
        { id: 'd1', intakeDate: '2025-05-01', deadline: null, status: 'mediating', history: [] },
        '2025-06-01',
        DEFAULT_HOLIDAYS,
      ),
    ).toEqual([]);
  });
});
