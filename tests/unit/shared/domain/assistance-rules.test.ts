/**
 * The due items of an assistance file (REVIEW §6.1, REVIEW §6.2, REVIEW §6.3): 帮教期满 by release type and the
 * office's settings, the family contact before release, 未衔接 after it, the first home visit after the return,
 * the visit cadence of each level, the 帮教期满 reminder, and nothing after the end.
 */
import { describe, expect, it } from 'vitest';
import {
  assistanceDueItems,
  familyContactDue,
  periodEnd,
  RULE_IDS,
  teamCheck,
  type AssistanceFile,
  type AssistanceLevel,
  type AssistanceSettings,
} from '../../../../shared/domain/assistance-rules';
import { DEFAULT_HOLIDAYS } from '../../../../shared/domain/holidays';
import { openItems, type DueItem } from '../../../../shared/domain/obligations';

function file(fields: Partial<AssistanceFile> = {}, level: AssistanceLevel = 'normal'): AssistanceFile {
  return {
    id: 'A1',
    releaseType: 'expiry',
    releaseDate: '2024-06-01',
    preRelease: false,
    noticeDate: null,
    familyContactDate: null,
    handoverDate: null,
    returnDate: null,
    levels: [{ date: fields.releaseDate ?? '2024-06-01', level }],
    ...fields,
  };
}

function items(
  f: AssistanceFile,
  today: string,
  visits: string[] = [],
  settings: AssistanceSettings = {},
  endDate: string | null = null,
): DueItem[] {
  return assistanceDueItems({
    file: f,
    visits: visits.map((date, i) => ({ id: `V${i}`, date })),
    settings,
    actions: [],
    endDate,
    today,
    holidays: DEFAULT_HOLIDAYS,
  });
}

const one = (all: DueItem[], ruleId: string) => all.find((i) => i.ruleId === ruleId);
const open = (all: DueItem[], ruleId: string) => openItems(all).filter((i) => i.ruleId === ruleId);

describe('帮教期满 (REVIEW §6.1)', () => {
  it.each([
    ['刑满释放: 5 years', 'expiry', '2024-06-01', {}, '2029-06-01', 5],
    ['特赦: 5 years', 'pardon', '2024-06-01', {}, '2029-06-01', 5],
    ['暂予监外执行期满: 5 years', 'outside_end', '2024-06-01', {}, '2029-06-01', 5],
    ['社区矫正期满: 3 years (Guangzhou, LOCAL)', 'correction_end', '2024-06-01', {}, '2027-06-01', 3],
    ['社区矫正期满 with the office at 5 years (Fujian)', 'correction_end', '2024-06-01', { correctionYears: 5 }, '2029-06-01', 5],
    ['an office at 3 years after release', 'expiry', '2024-06-01', { years: 3 }, '2027-06-01', 3],
    ['29 February falls on 28 February', 'expiry', '2024-02-29', {}, '2029-02-28', 5],
  ] as const)('%s', (_, type, anchor, settings, end, years) => {
    expect(periodEnd(type, anchor, settings)).toEqual({ date: end, years });
  });

  it('is listed 30 days before it by default, and as the office sets it', () => {
    const f = file({ handoverDate: '2024-06-01', returnDate: '2024-06-01' });
    expect(one(items(f, '2029-05-02', ['2029-04-30']), RULE_IDS.periodEnd)).toMatchObject({ dueDate: '2029-06-01', state: 'due_soon' });
    expect(one(items(f, '2029-05-01', ['2029-04-30']), RULE_IDS.periodEnd)?.state).toBe('upcoming');
    expect(one(items(f, '2029-04-02', ['2029-03-30'], { remindDays: 60 }), RULE_IDS.periodEnd)?.state).toBe('due_soon');
  });
});

describe('before release (预释放) and 衔接 (REVIEW §6.3)', () => {
  it.each([
    ['no notice: by the release date', null, {}, '2024-07-31'],
    ['notice on 07-01: within 7 days of it', '2024-07-01', {}, '2024-07-08'],
    ['notice late (07-28): still by the release', '2024-07-28', {}, '2024-07-31'],
    ['the office at 3 days', '2024-07-01', { familyDays: 3 }, '2024-07-04'],
  ] as const)('family contact: %s', (_, noticeDate, settings, due) => {
    expect(familyContactDue({ releaseDate: '2024-07-31', noticeDate }, settings)).toBe(due);
  });

  it('a file registered before release is listed 30 days before it, and done by the family contact', () => {
    const f = file({ releaseDate: '2024-07-31', preRelease: true });
    expect(one(items(f, '2024-06-30'), RULE_IDS.preRelease)?.state).toBe('upcoming');
    expect(one(items(f, '2024-07-01'), RULE_IDS.preRelease)).toMatchObject({ dueDate: '2024-07-31', state: 'due_soon' });
    expect(one(items({ ...f, familyContactDate: '2024-07-05' }, '2024-07-10'), RULE_IDS.preRelease)?.state).toBe('done');
    // Nothing is owed for the 衔接 before the release
    expect(one(items(f, '2024-07-10'), RULE_IDS.handover)?.state).toBe('upcoming');
  });

  it('a file registered after the release owes no family contact', () => {
    expect(one(items(file(), '2024-06-15'), RULE_IDS.preRelease)).toBeUndefined();
  });

  it.each([
    ['the day of release: due', '2024-06-01', null, 'due_soon'],
    ['3 days later, not 衔接: overdue', '2024-06-04', null, 'overdue'],
    ['衔接 recorded (or the 查找 of a 下落不明 person): done', '2024-06-04', '2024-06-03', 'done'],
  ] as const)('未衔接 from the release date: %s', (_, today, handoverDate, state) => {
    expect(one(items(file({ handoverDate }), today), RULE_IDS.handover)).toMatchObject({ dueDate: '2024-06-01', state });
  });

  it.each([
    ['7 days by default', {}, '2024-06-10'],
    ['as the office sets it', { firstVisitDays: 3 }, '2024-06-06'],
  ] as const)('the first home visit after the return: %s', (_, settings, due) => {
    const f = file({ handoverDate: '2024-06-03', returnDate: '2024-06-03' });
    expect(one(items(f, '2024-06-04', [], settings), RULE_IDS.firstVisit)?.dueDate).toBe(due);
    expect(one(items(f, '2024-06-20', ['2024-06-05'], settings), RULE_IDS.firstVisit)?.state).toBe('done');
  });

  it('no first home visit is owed before the return is recorded', () => {
    expect(one(items(file(), '2024-06-04'), RULE_IDS.firstVisit)).toBeUndefined();
  });
});

describe('visits by level (REVIEW §6.2)', () => {
  it.each([
    ['一般: quarterly', 'normal', {}, '2024-09-01'],
    ['重点（高）: monthly', 'high', {}, '2024-07-01'],
    ['重点（中）: monthly', 'medium', {}, '2024-07-01'],
    ['重点（低）: monthly', 'low', {}, '2024-07-01'],
    ['一般 with the office at 2 months', 'normal', { visits: { normal: { months: 2 } } }, '2024-08-01'],
  ] as const)('%s', (_, level, settings, due) => {
    expect(open(items(file({}, level), '2024-06-15', [], settings), RULE_IDS.visit)[0]?.dueDate).toBe(due);
  });

  it('counts from the last visit', () => {
    expect(open(items(file({}, 'high'), '2024-06-20', ['2024-06-18']), RULE_IDS.visit)[0]?.dueDate).toBe('2024-07-18');
  });

  it('a level raised later counts from the day it was raised', () => {
    const f = file({
      levels: [
        { date: '2024-06-01', level: 'normal' },
        { date: '2024-08-10', level: 'high' },
      ],
    });
    expect(open(items(f, '2024-08-15'), RULE_IDS.visit)[0]?.dueDate).toBe('2024-09-10');
  });
});

describe('the end', () => {
  it('an ended file owes nothing after its end', () => {
    const all = items(file(), '2024-06-20', [], {}, '2024-06-10');
    expect(openItems(all).filter((i) => i.dueDate > '2024-06-10')).toEqual([]);
  });
});

describe('the 帮教小组 check', () => {
  it.each([
    ['complete', [{ role: '司法所工作人员' }, { role: '网格员' }], '2024-06-05', []],
    ['no 司法所 member', [{ role: '网格员' }, { role: '亲属' }], '2024-06-05', ['缺少司法所工作人员']],
    ['the 司法所 alone', [{ role: '司法所工作人员' }], '2024-06-05', ['至少还需一名其他成员（网格员、村干部、亲属等）']],
    ['no agreement', [{ role: '司法所工作人员' }, { role: '亲属' }], null, ['未签订帮教协议']],
  ] as const)('%s', (_, members, agreement, missing) => {
    expect(teamCheck(members, agreement)).toEqual({ complete: missing.length === 0, missing });
  });
});
