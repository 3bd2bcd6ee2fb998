import { describe, expect, it } from 'vitest';
import {
  agreementEffectiveDate,
  PERFORMANCE_COMPLETE,
  agreementPerformance,
  caseDeadlines,
  committeeAbbreviation,
  committeeCounterKey,
  confirmationWindow,
  COURT_CASE_NO_RE,
  escalationVisitDate,
  handlingDeadline,
  landContractAllowed,
  lateConfirmation,
  mediationRates,
  nonJointConfirmation,
  originOfDisputeSource,
  routesRequired,
  STAT_DEFINITIONS,
  proposedReturnVisits,
  type CaseDeadlineFacts,
} from '../../../../shared/domain/mediation';
import { DISPUTE_SOURCES } from '../../../../shared/dictionaries';
import { computeDueItems } from '../../../../shared/domain/obligations';
import {
  CloseInput,
  ConfirmationInput,
  EscalationReportInput,
  ExtensionInput,
  JOINT_REQUIRED,
  MediationCreateInput,
} from '../../../../shared/schemas/mediation';
import { DEFAULT_HOLIDAYS } from '../../../../shared/domain/holidays';
import { formatRate } from '../../../../shared/domain/rates';

describe('agreement effective date (art. 29: the last signature)', () => {
  it.each([
    [{ parties: ['2024-03-01', '2024-03-02'], mediator: '2024-03-01', seal: '2024-03-03' }, '2024-03-03'],
    [{ parties: ['2024-03-05', '2024-03-02'], mediator: '2024-03-01', seal: '2024-03-01' }, '2024-03-05'],
    [{ parties: ['2024-03-01', null], mediator: '2024-03-01', seal: '2024-03-01' }, null],
    [{ parties: ['2024-03-01'], mediator: null, seal: '2024-03-01' }, null],
    [{ parties: [], mediator: '2024-03-01', seal: '2024-03-01' }, null],
  ])('%j → %s', (sig, expected) => {
    expect(agreementEffectiveDate(sig)).toBe(expected);
  });
});

describe('judicial confirmation window (30 days from the effective date)', () => {
  it.each([
    // Days left as every screen counts them (calendar days to the last day: 0 on the day itself)
    ['2024-01-31', '2024-01-31', '2024-03-01', 30, true],
    ['2024-01-31', '2024-03-01', '2024-03-01', 0, true],
    ['2024-01-31', '2024-03-02', '2024-03-01', -1, false],
    ['2023-02-01', '2023-02-15', '2023-03-03', 16, true],
    // the 30th day a Saturday: the last day is the Monday after
    ['2024-02-01', '2024-02-15', '2024-03-04', 18, true],
    ['2024-12-15', '2025-01-10', '2025-01-14', 4, true],
    // the 30th day in the 2025 国庆 holiday (10-01…10-08): the last day is 10-09
    ['2025-09-03', '2025-10-09', '2025-10-09', 0, true],
  ])('effective %s, today %s → last day %s, %i left', (effective, today, lastDay, left, open) => {
    expect(confirmationWindow(effective, today, DEFAULT_HOLIDAYS)).toEqual({ lastDay, daysLeft: left, open });
  });
});

describe("REVIEW row 1: an agreement's 履行情况 comes from its items when it has any, otherwise from the worker", () => {
  const own = { state: 'on_the_spot', date: '2024-03-05' } as const;
  it.each([
    // items (state, performed on) → state, 履行完毕日期
    [
      [
        ['performed', '2024-04-01'],
        ['performed', '2024-05-01'],
      ],
      'performed',
      '2024-05-01',
    ],
    [
      [
        ['performed', '2024-04-01'],
        ['not_applicable', null],
      ],
      'performed',
      '2024-04-01',
    ],
    // a performed item whose day was never recorded (kept before the day was asked): no 履行完毕日期
    [
      [
        ['performed', '2024-04-01'],
        ['performed', null],
      ],
      'performed',
      null,
    ],
    [
      [
        ['performed', '2024-04-01'],
        ['unperformed', null],
      ],
      'partial',
      null,
    ],
    [[['partial', null]], 'partial', null],
    [
      [
        ['unperformed', null],
        ['unperformed', null],
      ],
      'unperformed',
      null,
    ],
    [[['not_applicable', null]], 'no_payment', null],
  ] as const)('items %j → %s on %s', (items, state, date) => {
    const p = agreementPerformance(
      items.map(([s, d]) => ({ state: s, performedDate: d })),
      own,
    );
    expect(p).toEqual({ state, date, derived: true });
  });

  it.each([
    // the worker's entry for an agreement without items → what counts
    ['on_the_spot', '2024-03-05', '2024-03-05'],
    ['performed', '2024-06-01', '2024-06-01'],
    ['no_payment', '2024-06-01', null],
    ['partial', '2024-06-01', null],
    ['unperformed', null, null],
  ] as const)('no items, recorded %s (%s) → 履行完毕日期 %s', (state, date, expected) => {
    expect(agreementPerformance([], { state, date })).toEqual({ state, date: expected, derived: false });
  });

  it('counts 已履行, 当场履行 and 无给付内容 as performed in full for 协议履行率, and nothing else', () => {
    expect([...PERFORMANCE_COMPLETE].sort()).toEqual(['no_payment', 'on_the_spot', 'performed']);
  });
});

describe('REVIEW row 19: return visits after the agreement takes effect and after its last performance deadline', () => {
  it.each([
    ['2024-01-31', [], 30, ['2024-03-01']],
    ['2024-01-31', [], 15, ['2024-02-15']],
    // a deadline before the first visit adds nothing
    ['2024-01-31', ['2024-02-10'], 30, ['2024-03-01']],
    // pay within six months: visited at 30 days and 30 days after the last deadline
    ['2024-01-31', ['2024-04-30', null, '2024-07-31'], 30, ['2024-03-01', '2024-08-30']],
  ] as const)('effective %s, deadlines %j, every %i days → %j', (effective, deadlines, days, visits) => {
    expect(proposedReturnVisits(effective, deadlines, days)).toEqual(visits);
  });
});

describe('REVIEW row 4: statistics to two decimals, the success rate over both denominators, each labelled', () => {
  it.each([
    // [place, accepted, mediated, successful, ÷ 已调解, ÷ 受理]
    ['Huangshi 2016', 869, 869, 842, '96.89%', '96.89%'],
    ['Xilin Gol 2021', 386, 386, 376, '97.41%', '97.41%'],
    ['李堡镇 2020', 891, 891, 890, '99.89%', '99.89%'],
    // cases still open at the end of the period: the two denominators part
    ['a half year with 10 still open', 120, 110, 104, '94.55%', '86.67%'],
  ])(
    '%s: %i accepted, %i mediated, %i successful → %s of those mediated, %s of those accepted',
    (_p, accepted, mediated, successful, ofMediated, ofAccepted) => {
      const r = mediationRates({
        accepted,
        mediated,
        successful,
        performed: 0,
        written: 0,
        confirmationsApplied: 0,
        confirmationsGranted: 0,
      });
      expect(formatRate(r.successRate)).toBe(ofMediated);
      expect(formatRate(r.successRateOfAccepted)).toBe(ofAccepted);
    },
  );

  it('counts 协议履行率 over the successes and 司法确认率 over the written agreements only (oral ones cannot be confirmed)', () => {
    const r = mediationRates({
      accepted: 386,
      mediated: 386,
      successful: 376,
      performed: 369,
      written: 200,
      confirmationsApplied: 10,
      confirmationsGranted: 9,
    });
    expect(formatRate(r.performanceRate)).toBe('98.14%');
    expect(formatRate(r.confirmationRate)).toBe('5.00%');
  });

  it('shows no rate rather than 0 % when nothing was mediated', () => {
    const r = mediationRates({
      accepted: 3,
      mediated: 0,
      successful: 0,
      performed: 0,
      written: 0,
      confirmationsApplied: 0,
      confirmationsGranted: 0,
    });
    expect(r.successRate).toBeNull();
    expect(formatRate(r.successRate)).toBe('—');
    expect(formatRate(r.successRateOfAccepted)).toBe('0.00%');
  });

  it('writes each definition with its denominator', () => {
    expect(STAT_DEFINITIONS.successRate).toMatch(/÷ 已调解/);
    expect(STAT_DEFINITIONS.successRateOfAccepted).toMatch(/÷ 受理件数$/);
    expect(STAT_DEFINITIONS.confirmationRate).toMatch(/÷ 书面协议件数/);
  });
});

// ── the findings of rows 6–18 ──────────────────────────────────────────────────────────────────

const ID = '01J00000000000000000000000';
/** The first error message of a schema for a value, or null when it passes. */
const problem = (schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? null : r.error!.issues[0]!.message;
};

/** A case's own items as the engine computes them on `today` (the default holidays). */
function own(f: Partial<CaseDeadlineFacts>, today: string) {
  const d = caseDeadlines({
    acceptedDate: '2024-05-07',
    category: '02',
    closedDate: null,
    agreementEffectiveDate: null,
    arbitrationToldDate: null,
    extensions: [],
    ...f,
  });
  return computeDueItems({
    rules: d.rules,
    subject: { id: 'C', startDate: f.acceptedDate ?? '2024-05-07', endDate: null, facts: {} },
    events: d.events,
    extensions: d.extensions,
    today,
    holidays: DEFAULT_HOLIDAYS,
  });
}

describe('REVIEW row 6: 司法确认 — a late application warned, the court 案号 loosely checked, the four results', () => {
  it.each([
    // applied, window's last day → late
    ['2024-06-20', '2024-06-20', false],
    ['2024-06-21', '2024-06-20', true],
    ['2024-05-21', '2024-06-20', false],
    [null, '2024-06-20', false],
  ] as const)('applied %s, last day %s → late %s', (applied, lastDay, late) => {
    expect(lateConfirmation(applied, { lastDay })).toBe(late);
  });

  it('judges lateness against the rolled last day (the 30th day a Saturday: the Monday after is still in time)', () => {
    const w = confirmationWindow('2024-02-01', '2024-03-04', DEFAULT_HOLIDAYS);
    expect([lateConfirmation('2024-03-04', w), lateConfirmation('2024-03-05', w)]).toEqual([false, true]);
  });

  it.each([
    ['（2024）豫0102民特12号', true],
    ['(2024)豫0102民特12号', true],
    ['（2011）某调确字第3号', true],
    ['豫0102民特12号', false],
    ['（24）豫0102民特12号', false],
    ['（2024）豫0102民特12', false],
    ['（2024）号', false],
  ])('案号 %s → %s', (no, ok) => {
    expect(COURT_CASE_NO_RE.test(no)).toBe(ok);
  });

  const base = { caseId: ID, intent: true, appliedDate: '2024-06-01', joint: true, courtBasis: 'party_domicile', court: '某某县人民法院' };
  it.each([
    [{}, null],
    [{ result: 'granted', acceptedDate: '2024-06-03', rulingNo: '（2024）豫0102民特12号', resultDate: '2024-06-10' }, null],
    [{ result: 'rejected', resultDate: '2024-06-10' }, null],
    [{ result: 'not_accepted', resultDate: '2024-06-05' }, null],
    [{ result: 'withdrawn', acceptedDate: '2024-06-03', resultDate: '2024-06-08' }, null],
    [{ result: 'withdrawn' }, '请填写撤回日期'],
    [{ result: 'granted' }, '请填写裁定日期'],
    [{ result: 'not_accepted', acceptedDate: '2024-06-03', resultDate: '2024-06-05' }, '不予受理的，没有受理日期'],
    [{ acceptedDate: '2024-05-30' }, '受理日期不能早于申请日期'],
    [{ acceptedDate: '2024-06-03', result: 'granted', resultDate: '2024-06-02' }, '结果日期不能早于受理日期'],
    [{ rulingNo: '民特12号' }, '案号应如（2024）豫0102民特12号：括号内为年份，以“号”结尾'],
    [{ courtBasis: '' }, '请选择向哪一法院申请（民事诉讼法第二百零五条）'],
    [{ court: '' }, '已申请司法确认的，请填写法院名称'],
    [{ result: 'settled', resultDate: '2024-06-10' }, '司法确认结果不正确'],
  ])('%j → %s', (over, message) => {
    expect(problem(ConfirmationInput, { ...base, ...over })).toBe(message);
  });
});

describe('REVIEW row 6: 司法确认 is applied for by both parties together — one party alone is warned of, not refused', () => {
  it.each([
    // applied, jointly → warned
    ['2024-06-01', true, false],
    ['2024-06-01', false, true],
    // kept before the question was asked: nothing to warn of
    ['2024-06-01', null, false],
    // no application, nothing to say whatever the box says
    [null, false, false],
    [null, null, false],
  ] as const)('applied %s, jointly %s → warned %s', (applied, joint, warned) => {
    expect(nonJointConfirmation(applied, joint)).toBe(warned);
  });

  const base = { caseId: ID, intent: true, appliedDate: '2024-06-01', courtBasis: 'party_domicile', court: '某某县人民法院' };
  it.each([
    [{ joint: true }, null],
    // one party alone: recorded as made (the card warns)
    [{ joint: false }, null],
    [{}, JOINT_REQUIRED],
    [{ joint: null }, JOINT_REQUIRED],
    [{ joint: '是' }, '请确认是否由双方当事人共同申请'],
    // before an application the question is not asked
    [{ appliedDate: '', courtBasis: '', court: '' }, null],
    [{ appliedDate: '', courtBasis: '', court: '', joint: true }, null],
  ])('%j → %s', (over, message) => {
    expect(problem(ConfirmationInput, { ...base, ...over })).toBe(message);
  });
});

describe('REVIEW row 19: a visit after 调解不成 or 终止调解, to see whether the dispute escalates (人民调解法 art. 25)', () => {
  const on = { failureVisitEnabled: true, failureVisitDays: 30 };
  it.each([
    // outcome, termination reason, closed, the office's setting → the visit's day
    ['failure', null, '2024-05-20', on, '2024-06-19'],
    ['failure', null, '2024-05-20', { failureVisitEnabled: true, failureVisitDays: 7 }, '2024-05-27'],
    ['terminated', 'refused', '2024-05-20', on, '2024-06-19'],
    ['terminated', 'requested', '2024-05-20', on, '2024-06-19'],
    ['terminated', 'other', '2024-05-20', on, '2024-06-19'],
    // an ending kept without its reason is treated as unresolved
    ['terminated', null, '2024-05-20', on, '2024-06-19'],
    // settled by the parties themselves, or withdrawn: nothing left to escalate
    ['terminated', 'settled', '2024-05-20', on, null],
    ['terminated', 'withdrawn', '2024-05-20', on, null],
    ['success', null, '2024-05-20', on, null],
    // the office proposes none
    ['failure', null, '2024-05-20', { failureVisitEnabled: false, failureVisitDays: 30 }, null],
    // still open
    [null, null, null, on, null],
  ] as const)('%s (%s) closed %s, %j → %s', (outcome, terminationReason, closedDate, setting, date) => {
    expect(escalationVisitDate({ outcome, terminationReason, closedDate }, setting)).toBe(date);
  });
});

describe('REVIEW §2.1: a 纠纷激化报告 says when, to whom, who received it, what was reported and what was done', () => {
  const base = {
    caseId: ID,
    date: '2024-06-01',
    unitKind: 'police',
    unit: '高寨派出所',
    receiver: '刘警官',
    content: '被申请人扬言报复',
    measures: '通知村干部看护，分别做双方工作',
  };
  it.each([
    [{}, null],
    [{ unitKind: 'other', unit: '乡综治中心' }, null],
    [{ unitKind: 'court' }, '请选择报告对象（公安派出所或其他部门）'],
    [{ unit: '  ' }, '请填写接收单位名称'],
    [{ receiver: '' }, '请填写接收人'],
    [{ content: '' }, '请填写报告内容'],
    [{ measures: '' }, '请填写采取的预防措施'],
  ])('%j → %s', (over, message) => {
    expect(problem(EscalationReportInput, { ...base, ...over })).toBe(message);
  });

  it('counts the cases reported in the period by the day of the report, each case once', () => {
    expect(STAT_DEFINITIONS.escalationReports).toMatch(/按报告日期/);
    expect(STAT_DEFINITIONS.escalationReports).toMatch(/一案多次报告计一件/);
  });
});

describe('REVIEW row 7: a labour dispute (category 10) — told of arbitration 15 days after acceptance', () => {
  const labour = (f: Partial<CaseDeadlineFacts>, today: string) =>
    own({ category: '10', ...f }, today).find((i) => i.ruleId === 'labour.arbitration');
  it.each([
    // facts, today → due date, state, done on
    [{}, '2024-05-14', '2024-05-22', 'upcoming', null],
    [{}, '2024-05-15', '2024-05-22', 'due_soon', null],
    [{}, '2024-05-23', '2024-05-22', 'overdue', null],
    // accepted 2025-09-16: day 15 is 10-01, in the 国庆 holiday → the first working day after it
    [{ acceptedDate: '2025-09-16' }, '2025-09-20', '2025-10-09', 'upcoming', null],
    [{ agreementEffectiveDate: '2024-05-20' }, '2024-06-15', '2024-05-22', 'done', '2024-05-20'],
    [{ arbitrationToldDate: '2024-05-22' }, '2024-06-15', '2024-05-22', 'done', '2024-05-22'],
    [{ closedDate: '2024-05-30' }, '2024-06-15', '2024-05-22', 'done', '2024-05-30'],
  ] as const)('%j on %s → due %s, %s (done %s)', (f, today, due, state, on) => {
    expect(labour(f, today)).toMatchObject({ dueDate: due, state, satisfiedOn: on });
  });

  it.each(['01', '07', '99'])('category %s has no 15-day item', (category) => {
    expect(own({ category }, '2024-06-15').map((i) => i.ruleId)).toEqual(['handling']);
  });
});

describe('REVIEW row 8: the 调解期限 — acceptance + one calendar month, rolled past rest days, met by closing, extended with consent', () => {
  it.each([
    // accepted → the last day before rolling (calendar months, clamped)
    ['2024-05-07', '2024-06-07'],
    ['2024-01-31', '2024-02-29'],
    ['2023-01-31', '2023-02-28'],
    ['2024-03-31', '2024-04-30'],
    ['2024-12-15', '2025-01-15'],
    ['2024-02-29', '2024-03-29'],
  ])('accepted %s → %s (a month, not 30 days)', (accepted, last) => {
    expect(handlingDeadline(accepted)).toBe(last);
  });

  it.each([
    // accepted, today, closed → due (rolled), state, late
    ['2024-05-07', '2024-06-01', null, '2024-06-07', 'due_soon', false],
    ['2024-05-07', '2024-06-15', null, '2024-06-07', 'overdue', false],
    // the month ends on Saturday 2024-06-15: due the Monday after
    ['2024-05-15', '2024-06-15', null, '2024-06-17', 'due_soon', false],
    // the month ends on 2025-10-01, in the 国庆 holiday (10-01…10-08): due 10-09
    ['2025-09-01', '2025-09-20', null, '2025-10-09', 'upcoming', false],
    ['2024-05-07', '2024-06-15', '2024-06-03', '2024-06-07', 'done', false],
    ['2024-05-07', '2024-06-15', '2024-06-12', '2024-06-07', 'done', true],
  ] as const)('accepted %s, on %s, closed %s → due %s, %s, late %s', (accepted, today, closed, due, state, late) => {
    const h = own({ acceptedDate: accepted, closedDate: closed }, today).find((i) => i.ruleId === 'handling');
    expect(h).toMatchObject({ dueDate: due, state, late });
  });

  it('moves the period to each agreed date in the order recorded, keeps the first date, and never shortens it', () => {
    const x = (newDate: string, createdAt: string) => ({ date: '2024-06-05', newDate, reason: '等待鉴定结论', createdAt });
    const h = (extensions: CaseDeadlineFacts['extensions']) => own({ extensions }, '2024-06-15').find((i) => i.ruleId === 'handling');
    expect(h([x('2024-07-07', '2024-06-05T01:00:00Z')])).toMatchObject({
      dueDate: '2024-07-07',
      originalDueDate: '2024-06-07',
      state: 'upcoming',
      extensionReason: '等待鉴定结论',
    });
    expect(h([x('2024-07-07', '2024-06-05T01:00:00Z'), x('2024-07-31', '2024-07-01T01:00:00Z')])).toMatchObject({ dueDate: '2024-07-31' });
    expect(h([x('2024-07-07', '2024-06-05T01:00:00Z'), x('2024-06-30', '2024-06-06T01:00:00Z')])).toMatchObject({ dueDate: '2024-07-07' });
  });

  it.each([
    [{ consent: true, newDate: '2024-07-07', reason: '等待鉴定', date: '2024-06-05' }, null],
    [{ consent: false, newDate: '2024-07-07', reason: '等待鉴定', date: '2024-06-05' }, '延长调解期限须经双方当事人同意，请确认后勾选'],
    [{ newDate: '2024-07-07', reason: '等待鉴定', date: '2024-06-05' }, '延长调解期限须经双方当事人同意，请确认后勾选'],
    [{ consent: true, newDate: '2024-07-07', reason: ' ', date: '2024-06-05' }, '请填写延长理由'],
    [{ consent: true, newDate: '', reason: '等待鉴定', date: '2024-06-05' }, '日期应为有效的“年-月-日”，如 2024-05-01'],
  ])('an extension %j → %s', (v, message) => {
    expect(problem(ExtensionInput, { caseId: ID, ...v })).toBe(message);
  });
});

describe('REVIEW row 9: the source of a case opened from the register, proposed from how the dispute came in', () => {
  const expected: Record<string, string> = {
    visit: 'application',
    call: 'application',
    grid: 'initiative',
    screening: 'initiative',
    hotline12345: 'government',
    petition: 'government',
    police110: 'police',
    court: 'court',
    other: 'initiative',
  };
  it.each(DISPUTE_SOURCES.map((s) => [s.code, s.label, expected[s.code]]))('%s (%s) → %s', (code, _label, origin) => {
    expect(originOfDisputeSource(code)).toBe(origin);
  });
  it('a local source (L…) is the committee taking it up itself', () => {
    expect(originOfDisputeSource('L01')).toBe('initiative');
  });

  const create = {
    acceptedDate: '2024-05-08',
    mediatingBody: 'village',
    category: '01',
    summary: '赡养费',
    parties: [{ personId: ID, role: 'applicant' }],
    mediatorIds: [ID],
  };
  it.each([
    [{ origin: 'application' }, null],
    [{ origin: 'initiative' }, null],
    [{ origin: 'court', senderUnit: '某某县人民法院' }, null],
    [{ origin: 'court' }, '委托移送的案件须填写移送/委托单位'],
    [{ origin: 'other_unit' }, '委托移送的案件须填写移送/委托单位'],
    [{ origin: 'dispute' }, '请选择案件来源'],
    [{}, '请选择案件来源'],
  ])('a new case %j → %s', (over, message) => {
    expect(problem(MediationCreateInput, { ...create, ...over })).toBe(message);
  });
});

describe('REVIEW row 15: 终止调解 tells the parties their routes unless they settled or withdrew', () => {
  it.each([
    ['failure', null, true],
    ['terminated', 'refused', true],
    ['terminated', 'requested', true],
    ['terminated', 'other', true],
    ['terminated', 'settled', false],
    ['terminated', 'withdrawn', false],
    ['success', null, false],
  ] as const)('%s (%s) → routes required %s', (outcome, reason, required) => {
    expect(routesRequired(outcome, reason)).toBe(required);
  });

  const close = { id: ID, closedDate: '2024-05-20', reason: '说明' };
  it.each([
    [
      { outcome: 'terminated', terminationReason: 'refused' },
      '终止调解时须告知当事人可依法通过仲裁、行政、司法等途径维护权利（人民调解法第二十六条）；当事人自行和解或撤回申请的除外',
    ],
    [{ outcome: 'terminated', terminationReason: 'refused', guidance: ['litigation'] }, null],
    [{ outcome: 'terminated', terminationReason: 'settled' }, null],
    [{ outcome: 'terminated', terminationReason: 'withdrawn' }, null],
    [{ outcome: 'terminated', guidance: ['litigation'] }, '请选择终止调解的原因'],
    [{ outcome: 'failure' }, '调解不成时须告知当事人可选择的途径（人民调解法第二十六条）'],
  ])('closing %j → %s', (over, message) => {
    expect(problem(CloseInput, { ...close, ...over })).toBe(message);
  });
});

describe('REVIEW row 17: 土地承包经营 is a mark on a 山林土地纠纷 (category 07) case', () => {
  it.each([
    ['07', true],
    ['03', false],
    ['L07', false],
  ])('category %s may carry the mark: %s', (category, ok) => {
    expect(landContractAllowed(category)).toBe(ok);
    const r = MediationCreateInput.safeParse({
      origin: 'application',
      acceptedDate: '2024-05-08',
      mediatingBody: 'village',
      category,
      landContract: true,
      summary: '承包地边界',
      parties: [{ personId: ID, role: 'applicant' }],
      mediatorIds: [ID],
    });
    expect(r.success ? null : r.error.issues[0]!.message).toBe(ok ? null : '只有山林土地纠纷才能标为土地承包经营纠纷');
  });
});

describe('REVIEW row 18: each committee numbers its own files under its own abbreviation', () => {
  const office = { committeeName: '高寨乡人民调解委员会', townshipShort: '高寨' };
  it.each([
    ['高寨乡人民调解委员会', '高寨', 'mediation'],
    [' 高寨乡人民调解委员会 ', '高寨', 'mediation'],
    ['东村人民调解委员会', '东村', 'mediation:东村人民调解委员会'],
    ['西湖社区调解委员会', '西湖社区', 'mediation:西湖社区调解委员会'],
    ['某某物业纠纷调委会', '某某物业纠纷', 'mediation:某某物业纠纷调委会'],
    ['人民调解委员会', '人民调解委员会', 'mediation:人民调解委员会'],
  ])('%s → abbreviation %s, sequence %s', (name, abbr, key) => {
    expect(committeeAbbreviation(name, office)).toBe(abbr);
    expect(committeeCounterKey(name, office)).toBe(key);
  });
});
