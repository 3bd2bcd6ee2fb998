/**
 * The dates that cannot lie after today are rules of the shared schemas, given the day: the form
 * checks them with the window's today and shows them with every other error at once, the host
 * again with its clock's (db/router.ts).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type Method } from '../../../../shared/contract';
import { asOf, futureDates } from '../../../../shared/schemas/common';
import {
  DisputeInputAsOf,
  DisputeStatusInputAsOf,
  DisputeUpdateInputAsOf,
  ScreeningInput,
  ScreeningInputAsOf,
} from '../../../../shared/schemas/disputes';
import {
  FollowupCreateInputAsOf,
  FollowupEndInputAsOf,
  FollowupUpdateInputAsOf,
  FollowupVisitInputAsOf,
  PoliceReportInputAsOf,
  SuspensionInputAsOf,
  YearRecordInputAsOf,
} from '../../../../shared/schemas/followup';
import {
  AgreementInputAsOf,
  AgreementPerformanceInputAsOf,
  ArbitrationNoticeInputAsOf,
  CloseInputAsOf,
  ConfirmationInputAsOf,
  ExtensionInputAsOf,
  MediationCreateInputAsOf,
  MediationFromDisputeInputAsOf,
  MediationUpdateInputAsOf,
  PerformanceInputAsOf,
  RecordInputAsOf,
  VisitInputAsOf,
} from '../../../../shared/schemas/mediation';
import { PersonInputAsOf, PersonUpdateInputAsOf } from '../../../../shared/schemas/persons';
import { idCheckChar } from '../../../../shared/domain/id-number';

const TODAY = '2024-06-15';
const TOMORROW = '2024-06-16';

/** The messages the schema gives, by path ('_' for the whole input). */
function messages(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const r = schema.safeParse(input);
  const out: Record<string, string[]> = {};
  for (const issue of r.success ? [] : r.error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] = [...(out[key] ?? []), issue.message];
  }
  return out;
}

describe('futureDates', () => {
  const rules = [
    { path: 'date', label: '走访日期' },
    { path: 'facts.reportDate', label: '报到日期' },
    { path: 'items.*.performedDate', label: '履行日期' },
  ];
  it.each([
    ['a date after today', { date: TOMORROW }, [{ path: ['date'], message: '走访日期不能晚于今天' }]],
    ['today itself', { date: TODAY }, []],
    ['a day long past', { date: '1990-01-01' }, []],
    ['a nested date', { facts: { reportDate: '2025-01-01' } }, [{ path: ['facts', 'reportDate'], message: '报到日期不能晚于今天' }]],
    [
      'every row of a list, by its place',
      { items: [{ performedDate: TODAY }, { performedDate: TOMORROW }, {}, { performedDate: '2030-12-31' }] },
      [
        { path: ['items', 1, 'performedDate'], message: '履行日期不能晚于今天' },
        { path: ['items', 3, 'performedDate'], message: '履行日期不能晚于今天' },
      ],
    ],
    ['a value that is not a date (its own field says so)', { date: '2024-02-30' }, []],
    ['text that sorts after today but is no date', { date: 'zzzz' }, []],
    ['a blank', { date: '' }, []],
    ['a number where a date belongs', { date: 20250101 }, []],
    ['a list where an object belongs', { facts: ['2025-01-01'] }, []],
    ['no object at all', null, []],
    ['a string for the whole input', '2025-01-01', []],
  ])('%s', (_name, value, expected) => {
    expect(futureDates(value, TODAY, rules)).toEqual(expected);
  });

  it('keeps the rules’ order, so the first message is the first field’s', () => {
    expect(futureDates({ items: [{ performedDate: TOMORROW }], date: TOMORROW }, TODAY, rules).map((i) => i.path[0])).toEqual([
      'date',
      'items',
    ]);
  });
});

describe('each dated input refuses a date after the day it is checked on, and takes the day itself', () => {
  // [schema as of a day, what carries the date, its path, its message]
  const cases: [string, (today: string) => z.ZodType, (d: string) => unknown, string, string][] = [
    ['登记', DisputeInputAsOf, (d) => ({ intakeDate: d }), 'intakeDate', '登记日期不能晚于今天'],
    ['登记 (feedback)', DisputeInputAsOf, (d) => ({ intakeDate: TODAY, feedbackDate: d }), 'feedbackDate', '反馈日期不能晚于今天'],
    ['登记 edited', DisputeUpdateInputAsOf, (d) => ({ intakeDate: d }), 'intakeDate', '登记日期不能晚于今天'],
    ['状态变更', DisputeStatusInputAsOf, (d) => ({ date: d }), 'date', '日期不能晚于今天'],
    ['排查', ScreeningInputAsOf, (d) => ({ date: d }), 'date', '排查日期不能晚于今天'],
    ['人员', PersonInputAsOf, (d) => ({ name: '张三', birthDate: d }), 'birthDate', '出生日期不能晚于今天'],
    ['人员 edited', PersonUpdateInputAsOf, (d) => ({ birthDate: d }), 'birthDate', '出生日期不能晚于今天'],
    ['建档', FollowupCreateInputAsOf, (d) => ({ startDate: d }), 'startDate', '建档日期不能晚于今天'],
    ['建档 (报到)', FollowupCreateInputAsOf, (d) => ({ facts: { reportDate: d } }), 'facts.reportDate', '报到日期不能晚于今天'],
    [
      '档案 edited (协议)',
      FollowupUpdateInputAsOf,
      (d) => ({ facts: { agreementDate: d } }),
      'facts.agreementDate',
      '协议签订日期不能晚于今天',
    ],
    ['解除', FollowupEndInputAsOf, (d) => ({ endDate: d }), 'endDate', '解除日期不能晚于今天'],
    ['走访', FollowupVisitInputAsOf, (d) => ({ date: d }), 'date', '走访日期不能晚于今天'],
    ['报告公安', PoliceReportInputAsOf, (d) => ({ date: d }), 'date', '报告日期不能晚于今天'],
    ['中止', SuspensionInputAsOf, (d) => ({ startDate: d }), 'startDate', '中止日期不能晚于今天'],
    ['释放', SuspensionInputAsOf, (d) => ({ startDate: TODAY, endDate: d }), 'endDate', '释放日期不能晚于今天'],
    ['以奖代补发放', YearRecordInputAsOf, (d) => ({ year: 2024, paidDate: d }), 'paidDate', '发放日期不能晚于今天'],
    ['转入调解', MediationFromDisputeInputAsOf, (d) => ({ acceptedDate: d }), 'acceptedDate', '受理日期不能晚于今天'],
    ['受理', MediationCreateInputAsOf, (d) => ({ acceptedDate: d }), 'acceptedDate', '受理日期不能晚于今天'],
    ['受理 edited', MediationUpdateInputAsOf, (d) => ({ acceptedDate: d }), 'acceptedDate', '受理日期不能晚于今天'],
    ['调解记录', RecordInputAsOf, (d) => ({ date: d }), 'date', '日期不能晚于今天'],
    [
      '协议签署',
      AgreementInputAsOf,
      (d) => ({ partySignatures: [{ date: TODAY }, { date: d }] }),
      'partySignatures.1.date',
      '签署日期不能晚于今天',
    ],
    ['协议调解员签名', AgreementInputAsOf, (d) => ({ mediatorSignedDate: d }), 'mediatorSignedDate', '调解员签名日期不能晚于今天'],
    ['协议盖章', AgreementInputAsOf, (d) => ({ sealDate: d }), 'sealDate', '盖章日期不能晚于今天'],
    ['口头协议', AgreementInputAsOf, (d) => ({ oralDate: d }), 'oralDate', '达成日期不能晚于今天'],
    ['协议履行完毕', AgreementInputAsOf, (d) => ({ performedDate: d }), 'performedDate', '履行完毕日期不能晚于今天'],
    ['履行事项', AgreementInputAsOf, (d) => ({ items: [{ performedDate: d }] }), 'items.0.performedDate', '履行日期不能晚于今天'],
    ['事项履行', PerformanceInputAsOf, (d) => ({ date: d }), 'date', '履行日期不能晚于今天'],
    ['协议履行情况', AgreementPerformanceInputAsOf, (d) => ({ date: d }), 'date', '履行完毕日期不能晚于今天'],
    ['司法确认申请', ConfirmationInputAsOf, (d) => ({ appliedDate: d }), 'appliedDate', '申请日期不能晚于今天'],
    ['司法确认受理', ConfirmationInputAsOf, (d) => ({ acceptedDate: d }), 'acceptedDate', '受理日期不能晚于今天'],
    ['司法确认结果', ConfirmationInputAsOf, (d) => ({ resultDate: d }), 'resultDate', '结果日期不能晚于今天'],
    ['延长期限', ExtensionInputAsOf, (d) => ({ date: d }), 'date', '当事人同意日期不能晚于今天'],
    ['告知仲裁', ArbitrationNoticeInputAsOf, (d) => ({ date: d }), 'date', '告知日期不能晚于今天'],
    ['回访', VisitInputAsOf, (d) => ({ visitDate: d }), 'visitDate', '回访日期不能晚于今天'],
    ['结案', CloseInputAsOf, (d) => ({ closedDate: d }), 'closedDate', '结案日期不能晚于今天'],
  ];

  it.each(cases)('%s', (_name, schemaOn, input, path, message) => {
    expect(messages(schemaOn(TODAY), input(TOMORROW))[path]).toContain(message);
    expect(messages(schemaOn(TODAY), input(TODAY))[path] ?? []).not.toContain(message);
    // The same input is fine a day later: the rule is the day's, not a fixed date's.
    expect(messages(schemaOn(TOMORROW), input(TOMORROW))[path] ?? []).not.toContain(message);
  });

  it('a year is recorded once it has begun', () => {
    expect(messages(YearRecordInputAsOf(TODAY), { year: 2025 }).year).toEqual(['年度不能晚于今年（2024年）']);
    expect(messages(YearRecordInputAsOf(TODAY), { year: 2024 }).year).toBeUndefined();
    expect(messages(YearRecordInputAsOf('2025-01-01'), { year: 2025 }).year).toBeUndefined();
  });

  it('an ID number whose birth date is after today is refused at the number, a well-formed one of the past is not', () => {
    const unborn = `11010520240616001`;
    const born = `11010519491231002`;
    expect(messages(PersonInputAsOf(TODAY), { name: '张三', idNumber: unborn + idCheckChar(unborn) }).idNumber).toEqual([
      '公民身份号码中的出生日期晚于今天',
    ]);
    expect(messages(PersonInputAsOf(TODAY), { name: '张三', idNumber: born + idCheckChar(born) })).toEqual({});
    // A malformed number gets its own message once, not a second one about the date.
    expect(messages(PersonInputAsOf(TODAY), { name: '张三', idNumber: '1' }).idNumber).toEqual(['公民身份号码应为18位']);
  });

  it('the schema without a day takes any valid date: what the day decides is asOf’s', () => {
    expect(messages(ScreeningInput, { date: TOMORROW }).date).toBeUndefined();
    expect(messages(asOf(ScreeningInput, [{ path: 'date', label: '排查日期' }])(TODAY), { date: TOMORROW }).date).toEqual([
      '排查日期不能晚于今天',
    ]);
  });
});

describe('every error at once, the date among them', () => {
  it.each([
    [
      'a dispute registered with nothing filled in and a future 登记日期',
      DisputeInputAsOf,
      { intakeDate: TOMORROW, source: '', category: '', parties: [], summary: '', deadline: '2024-06-01' },
      {
        intakeDate: ['登记日期不能晚于今天'],
        source: ['请选择纠纷来源'],
        category: ['请选择纠纷类型'],
        parties: ['至少登记一名当事人'],
        summary: ['请填写纠纷简要情况'],
        deadline: ['办理期限不能早于登记日期'],
      },
    ],
    [
      'a dispute whose other fields fail hard (a number that is no number, an unknown risk level)',
      DisputeInputAsOf,
      { intakeDate: TOMORROW, source: '01', category: '02', parties: [], summary: '吵架', peopleCount: Number.NaN, riskLevel: 'x' },
      { intakeDate: ['登记日期不能晚于今天'], parties: ['至少登记一名当事人'] },
    ],
    [
      'a visit without its method, people and findings, on a future day',
      FollowupVisitInputAsOf,
      { id: null, subjectId: '01J00000000000000000000000', date: TOMORROW, method: '', visitors: '', findings: '' },
      { date: ['走访日期不能晚于今天'], method: ['请选择走访方式'], visitors: ['请填写走访人员'], findings: ['请填写走访情况'] },
    ],
    [
      'a file with no group chosen (its group rules cannot run) and a future 建档日期',
      FollowupCreateInputAsOf,
      { personId: '', group: '', level: '', responsibleStaffId: '', startDate: TOMORROW },
      { startDate: ['建档日期不能晚于今天'] },
    ],
  ])('%s', (_name, schemaOn, input, expected) => {
    const got = messages(schemaOn(TODAY), input);
    for (const [path, msgs] of Object.entries(expected)) expect(got[path], path).toEqual(expect.arrayContaining(msgs));
  });
});

describe('the host checks the same dates with its clock', () => {
  const dated = Object.entries(contract)
    .filter(([, def]) => 'asOf' in def && def.asOf)
    .map(([m]) => m as Method);

  it('lists a day-dependent schema for every method that writes such a date', () => {
    expect(dated.sort()).toEqual(
      [
        'assistance.create',
        'assistance.end',
        'assistance.fromCorrection',
        'assistance.saveHandover',
        'assistance.savePlacement',
        'assistance.saveRecord',
        'assistance.saveTeam',
        'assistance.setLevel',
        'assistance.update',
        'correction.create',
        'correction.release',
        'correction.saveAppraisal',
        'correction.saveApproval',
        'correction.saveAssessment',
        'correction.saveEvent',
        'correction.saveExitReport',
        'correction.saveMonitor',
        'correction.savePlan',
        'correction.saveReception',
        'correction.saveSanction',
        'correction.saveTeam',
        'correction.setLevel',
        'correction.terminate',
        'correction.update',
        'disputes.changeStatus',
        'disputes.create',
        'disputes.saveScreening',
        'disputes.update',
        'followup.create',
        'followup.end',
        'followup.saveReport',
        'followup.saveSuspension',
        'followup.saveVisit',
        'followup.saveYear',
        'followup.update',
        'mediation.close',
        'mediation.create',
        'mediation.extendDeadline',
        'mediation.openFromDispute',
        'mediation.recordArbitrationNotice',
        'mediation.saveAgreement',
        'mediation.saveConfirmation',
        'mediation.saveVisit',
        'mediation.setAgreementPerformance',
        'mediation.setPerformance',
        'mediation.update',
        'persons.create',
        'mediation.saveRecord',
        'persons.update',
      ].sort(),
    );
  });
});
