import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispute } from '../../../../shared/schemas/disputes';
import type { MediationCase } from '../../../../shared/schemas/mediation';
import type { Person } from '../../../../shared/schemas/persons';
import { writtenAgreement as writtenAgreementBuilder } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';
import type { Input } from '../../../../shared/contract';
import { CONFIRMATION_LABELS } from '../../../../shared/domain/mediation';
import { dueItems } from '../../../helpers/dashboard';

let t: TestLedger;
let a: Person;
let b: Person;
let mediatorId: string;
let dispute: Dispute;

beforeEach(() => {
  t = openTestLedger();
  a = t.call('persons.create', { name: '张三' });
  b = t.call('persons.create', { name: '李四' });
  mediatorId = t.call('staff.list', {})[0]!.id;
  dispute = t.call('disputes.create', {
    intakeDate: '2024-05-06',
    source: 'visit',
    category: '02',
    summary: '宅基地界墙倒塌砸坏邻居菜地',
    amountYuan: 3000,
    parties: [
      { personId: a.id, role: 'applicant' },
      { personId: b.id, role: 'respondent' },
    ],
  });
});
afterEach(() => t.close());

/** What 受理 of the registered dispute sends: accepted 2024-05-07 by the township committee, on application. */
const openInput = (): Input<'mediation.openFromDispute'> => ({
  disputeId: dispute.id,
  acceptedDate: '2024-05-07',
  origin: 'application',
  mediatingBody: 'township',
  mediatorIds: [mediatorId],
});
const open = () => t.call('mediation.openFromDispute', openInput());
/** The edit form's input for a case as it stands, with `over` changed. */
const updateOf = (c: MediationCase, over: Partial<Input<'mediation.update'>> = {}): Input<'mediation.update'> => ({
  id: c.id,
  acceptedDate: c.acceptedDate,
  origin: c.origin,
  senderUnit: c.senderUnit,
  mediatingBody: c.mediatingBody,
  committeeName: c.committeeName,
  category: c.category,
  landContract: c.landContract,
  summary: c.summary,
  amountYuan: c.amountYuan,
  parties: c.parties.map((p) => ({ personId: p.personId, role: p.role })),
  mediatorIds: c.mediators.map((m) => m.staffId),
  ...over,
});
/** A joint 司法确认 application of 2024-06-01 to the court of a party's domicile (REVIEW row 6). */
const APPLICATION = {
  intent: true,
  appliedDate: '2024-06-01',
  joint: true,
  courtBasis: 'party_domicile',
  court: '某某县人民法院',
} as const;
/** A case opened directly (accepted 2024-05-15 unless told), with both persons as parties. */
const direct = (fields: Partial<Input<'mediation.create'>> = {}) =>
  t.call('mediation.create', {
    origin: 'application',
    acceptedDate: '2024-05-15',
    mediatingBody: 'township',
    category: '02',
    summary: '排水沟纠纷',
    parties: [
      { personId: a.id, role: 'applicant' },
      { personId: b.id, role: 'respondent' },
    ],
    mediatorIds: [mediatorId],
    ...fields,
  });
/** The builder's agreement: one payment of 2000 yuan due 2024-05-31, not made (overdue on 2024-06-15). */
const writtenAgreementOn = (c: MediationCase) => writtenAgreementBuilder(t, c);
const writtenAgreement = (caseId: string, extra: Record<string, unknown> = {}) =>
  t.call('mediation.saveAgreement', {
    caseId,
    form: 'written',
    facts: '界墙年久失修倒塌，砸坏李四菜地',
    matters: '赔偿数额',
    responsibility: '张三负主要责任',
    content: '张三赔偿李四损失2000元',
    performanceMethod: '现金',
    performanceDeadline: '2024-05-31',
    partySignatures: [
      { personId: a.id, date: '2024-05-20' },
      { personId: b.id, date: '2024-05-21' },
    ],
    mediatorSignedDate: '2024-05-20',
    sealDate: '2024-05-21',
    items: [
      { description: '张三赔偿李四2000元', deadline: '2024-05-31', state: 'unperformed' },
      { description: '张三重砌界墙', deadline: '2024-06-30', state: 'unperformed' },
    ],
    ...extra,
  });

describe("people's mediation case file", () => {
  it('is opened from a registered dispute, numbered per year, and moves the dispute into mediation', () => {
    const c = open();
    expect(c.caseNo).toBe('（2024）高寨乡人调字第1号');
    expect(c.committeeName).toBe('高寨乡人民调解委员会');
    expect(c.parties.map((p) => [p.name, p.role])).toEqual([
      ['张三', 'applicant'],
      ['李四', 'respondent'],
    ]);
    expect(c.disputeCaseNo).toBe(dispute.caseNo);
    const d = t.call('disputes.get', { id: dispute.id });
    expect(d.status).toBe('mediating');
    expect(d.history.map((h) => h.to)).toEqual(['registered', 'accepted', 'mediating']);
    expect(t.raw('mediation.openFromDispute', openInput())).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('can be opened directly on application, and entrusted cases need their sender', () => {
    const base: Omit<Input<'mediation.create'>, 'origin'> = {
      acceptedDate: '2024-05-08',
      mediatingBody: 'village',
      category: '01',
      summary: '赡养费',
      parties: [{ personId: a.id, role: 'applicant' }],
      mediatorIds: [mediatorId],
    };
    expect(t.call('mediation.create', { origin: 'application', ...base }).origin).toBe('application');
    expect(t.raw('mediation.create', { origin: 'court', ...base })).toMatchObject({
      ok: false,
      error: { fields: { senderUnit: '委托移送的案件须填写移送/委托单位' } },
    });
    expect(t.call('mediation.create', { origin: 'court', senderUnit: '某某县人民法院', ...base }).senderUnit).toBe('某某县人民法院');
  });

  it('keeps investigation and mediation records in date order', () => {
    const c = open();
    t.call('mediation.saveRecord', {
      caseId: c.id,
      kind: 'session',
      date: '2024-05-15',
      place: '调解室',
      participants: '张三、李四、王调解',
      content: '第一次调解，双方对数额分歧较大',
    });
    const after = t.call('mediation.saveRecord', {
      caseId: c.id,
      kind: 'investigation',
      date: '2024-05-10',
      participants: '王调解',
      content: '现场查看倒塌界墙',
    });
    expect(after.records.map((r) => [r.kind, r.date])).toEqual([
      ['investigation', '2024-05-10'],
      ['session', '2024-05-15'],
    ]);
    expect(
      t.raw('mediation.saveRecord', { caseId: c.id, kind: 'session', date: '2024-05-01', participants: 'x', content: 'y' }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    // A record entered by mistake is deleted, and the history keeps what it said.
    const deleted = t.call('mediation.deleteRecord', { id: after.records[1]!.id });
    expect(deleted.records.map((r) => r.kind)).toEqual(['investigation']);
    expect(t.call('audit.forEntity', { entity: 'mediation', id: c.id })[0]).toMatchObject({
      action: 'delete',
      before: { record: { kind: 'session', date: '2024-05-15' } },
    });
    expect(t.raw('mediation.deleteRecord', { id: after.records[1]!.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it("corrects a case's particulars, audited, with its due items under the new first mediator; a source's sender stays required", () => {
    const c = writtenAgreementOn(open());
    const other = t.call('staff.save', { name: '李调解', kind: 'mediator', committee: '东村人民调解委员会' });
    const fields = {
      id: c.id,
      acceptedDate: c.acceptedDate,
      origin: c.origin,
      mediatingBody: c.mediatingBody,
      category: c.category,
      summary: '宅基地界墙倒塌砸坏邻居菜地及围栏',
      amountYuan: 3500,
      parties: c.parties.map((p) => ({ personId: p.personId, role: p.role })),
      mediatorIds: [other.id],
    };
    const after = t.call('mediation.update', fields);
    expect([after.summary, after.amountYuan, after.mediators.map((m) => m.name)]).toEqual([
      '宅基地界墙倒塌砸坏邻居菜地及围栏',
      3500,
      ['李调解'],
    ]);
    expect(t.call('audit.forEntity', { entity: 'mediation', id: c.id })[0]).toMatchObject({ action: 'update' });
    expect(t.call('obligations.dashboard', { responsibleStaffId: other.id }).overdueTotal).toBeGreaterThan(0);
    expect(
      dueItems(t.call('obligations.dashboard', { responsibleStaffId: mediatorId }), 'overdue').filter((i) => i.module === 'mediation'),
    ).toEqual([]);

    const entrusted = t.call('mediation.create', {
      origin: 'court',
      senderUnit: '某某县人民法院',
      acceptedDate: '2024-05-08',
      mediatingBody: 'village',
      category: '01',
      summary: '赡养费',
      parties: [{ personId: a.id, role: 'applicant' }],
      mediatorIds: [mediatorId],
    });
    expect(
      t.raw('mediation.update', {
        ...fields,
        id: entrusted.id,
        origin: 'court',
        parties: [{ personId: a.id, role: 'applicant' }],
        senderUnit: '',
      }),
    ).toMatchObject({ ok: false, error: { fields: { senderUnit: '委托移送的案件须填写移送/委托单位' } } });
  });

  it("takes the agreement's effective date from the last signature, proposes a return visit and counts down the confirmation window", () => {
    const c = writtenAgreement(open().id);
    expect(c.agreement!.effectiveDate).toBe('2024-05-21');
    expect(c.agreement!.confirmation.window).toEqual({ lastDay: '2024-06-20', daysLeft: 5, open: true });
    // 30 days after it takes effect, and 30 days after the last deadline (the wall by 06-30)
    expect(c.visits).toEqual([
      expect.objectContaining({ plannedDate: '2024-06-20', visitDate: null, due: false }),
      expect.objectContaining({ plannedDate: '2024-07-30', visitDate: null, due: false }),
    ]);
    expect(c.agreement!.items.map((i) => i.overdue)).toEqual([true, false]);
  });

  it('leaves a written agreement without effect until every party has signed', () => {
    const c = writtenAgreement(open().id, { partySignatures: [{ personId: a.id, date: '2024-05-20' }] });
    expect(c.agreement!.effectiveDate).toBeNull();
    expect(c.visits).toEqual([]);
    expect(t.raw('mediation.close', { id: c.id, outcome: 'success', closedDate: '2024-05-22' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('closes successfully, the dispute follows, and performance and confirmation are tracked', () => {
    const c = writtenAgreement(open().id);
    const closed = t.call('mediation.close', { id: c.id, outcome: 'success', closedDate: '2024-05-21' });
    expect(closed.outcome).toBe('success');
    expect(t.call('disputes.get', { id: dispute.id }).status).toBe('resolved');
    const [first, second] = closed.agreement!.items;
    t.call('mediation.setPerformance', { itemId: first!.id, state: 'performed' });
    let now = t.call('mediation.setPerformance', { itemId: second!.id, state: 'performed', note: '已重砌' });
    expect(now.agreement!.performance).toBe('performed');
    now = t.call('mediation.saveConfirmation', {
      caseId: c.id,
      intent: true,
      appliedDate: '2024-06-01',
      joint: true,
      courtBasis: 'committee_location',
      court: '某某县人民法院',
      rulingNo: '（2024）豫0102民特12号',
      result: 'granted',
      resultDate: '2024-06-10',
    });
    expect(now.agreement!.confirmation.result).toBe('granted');
    expect(t.raw('mediation.saveConfirmation', { caseId: c.id, intent: true, appliedDate: '2024-05-01', court: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('records the return visit into the proposed slot', () => {
    const c = writtenAgreement(open().id);
    const v = t.call('mediation.saveVisit', {
      caseId: c.id,
      visitDate: '2024-06-14',
      visitorStaffId: mediatorId,
      method: '电话回访',
      performanceFound: 'partial',
      satisfaction: '基本满意',
      notes: '已付1000元',
    });
    expect(v.visits.map((x) => x.plannedDate)).toEqual(['2024-06-20', '2024-07-30']);
    expect(v.visits[0]).toMatchObject({
      plannedDate: '2024-06-20',
      visitDate: '2024-06-14',
      performanceFound: 'partial',
      visitorName: '王调解',
    });
  });

  it('requires a reason and the routes told to the parties when mediation fails', () => {
    const c = open();
    expect(t.raw('mediation.close', { id: c.id, outcome: 'failure', closedDate: '2024-05-20' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const closed = t.call('mediation.close', {
      id: c.id,
      outcome: 'failure',
      closedDate: '2024-05-20',
      reason: '被申请人拒绝赔偿',
      guidance: ['litigation'],
    });
    expect(closed.guidance).toEqual(['litigation']);
    expect(t.call('disputes.get', { id: dispute.id }).status).toBe('unresolved');
    expect(t.raw('mediation.close', { id: c.id, outcome: 'success', closedDate: '2024-05-21' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
  });

  it('lists the ledger with filters and computes the statistics with their formulas', () => {
    const ok = writtenAgreement(open().id);
    t.call('mediation.close', { id: ok.id, outcome: 'success', closedDate: '2024-05-21' });
    const other = t.call('mediation.create', {
      origin: 'application',
      acceptedDate: '2024-05-08',
      mediatingBody: 'village',
      category: '01',
      summary: '赡养费',
      parties: [{ personId: b.id, role: 'applicant' }],
      mediatorIds: [mediatorId],
    });
    t.call('mediation.close', {
      id: other.id,
      outcome: 'terminated',
      closedDate: '2024-05-30',
      terminationReason: 'withdrawn',
      reason: '申请人撤回',
    });
    const list = (f: Record<string, unknown>) => t.call('mediation.list', f);
    expect(list({}).total).toBe(2);
    expect(list({ outcome: 'success' }).rows.map((r) => r.id)).toEqual([ok.id]);
    expect(list({ performance: 'unperformed' }).rows[0]).toMatchObject({ id: ok.id, performanceOverdue: true, confirmation: 'none' });
    expect(list({ mediatingBody: 'village' }).total).toBe(1);
    expect(list({ q: '李四' }).total).toBe(2);
    const s = t.call('mediation.stats', { dateFrom: '2024-05-01', dateTo: '2024-05-31' });
    expect(s).toMatchObject({
      accepted: 2,
      mediated: 2,
      successful: 1,
      performed: 0,
      agreementAmountYuan: 0,
      disputedAmountYuan: 3000,
      successRate: 0.5,
      performanceRate: 0,
    });
    expect(s.byBody).toEqual(
      expect.arrayContaining([
        { key: 'township', counted: 1, mediated: 1, successful: 1, successRate: 1 },
        { key: 'village', counted: 1, mediated: 1, successful: 0, successRate: 0 },
      ]),
    );
  });

  it('counts the statistics by month (every month of the period, zeros kept) and by outcome', () => {
    const create = (acceptedDate: string) =>
      t.call('mediation.create', {
        origin: 'application',
        acceptedDate,
        mediatingBody: 'village',
        category: '01',
        summary: '赡养费',
        parties: [{ personId: b.id, role: 'applicant' }],
        mediatorIds: [mediatorId],
      });
    // Accepted before the period, ended inside it: an outcome in March, no acceptance counted.
    t.call('mediation.close', {
      id: create('2024-01-30').id,
      outcome: 'terminated',
      closedDate: '2024-03-02',
      terminationReason: 'withdrawn',
      reason: '申请人撤回',
    });
    // Accepted in May, succeeded in June.
    t.call('mediation.close', { id: writtenAgreement(open().id).id, outcome: 'success', closedDate: '2024-06-03' });
    const failure = create('2024-05-08');
    t.call('mediation.close', {
      id: failure.id,
      outcome: 'failure',
      closedDate: '2024-05-30',
      reason: '拒绝赔偿',
      guidance: ['litigation'],
    });
    t.call('mediation.close', {
      id: create('2024-06-01').id,
      outcome: 'terminated',
      closedDate: '2024-06-05',
      terminationReason: 'withdrawn',
      reason: '申请人撤回',
    });
    create('2024-06-02');
    t.call('mediation.delete', { id: create('2024-06-04').id });

    // Over the cases closed in the period (成功 by the closing month)
    const s = t.call('mediation.stats', { dateFrom: '2024-02-01', dateTo: '2024-06-15', basis: 'closed' });
    expect(s.byMonth).toEqual([
      { month: '2024-02', accepted: 0, successful: 0 },
      { month: '2024-03', accepted: 0, successful: 0 },
      { month: '2024-04', accepted: 0, successful: 0 },
      { month: '2024-05', accepted: 2, successful: 0 },
      { month: '2024-06', accepted: 2, successful: 1 },
    ]);
    expect(s.byOutcome).toEqual([
      { outcome: 'success', count: 1 },
      { outcome: 'failure', count: 1 },
      { outcome: 'terminated', count: 2 },
    ]);
    // The breakdowns add up to the period's figures.
    expect(s).toMatchObject({ accepted: 4, counted: 4, successful: 1, mediated: 4, failed: 1, terminated: 2, open: 0 });
    expect(s.byBody.map((b) => [b.key, b.counted, b.successful])).toEqual([
      ['village', 3, 0],
      ['township', 1, 1],
    ]);
    // Over the cases accepted in the period, whenever they closed (成功 by the acceptance month); the one still open counts
    const a = t.call('mediation.stats', { dateFrom: '2024-02-01', dateTo: '2024-06-15' });
    expect(a).toMatchObject({ basis: 'accepted', accepted: 4, counted: 4, mediated: 3, successful: 1, failed: 1, terminated: 1, open: 1 });
    expect([a.successRate, a.successRateOfAccepted]).toEqual([1 / 3, 1 / 4]);
    expect(a.byMonth.slice(-2)).toEqual([
      { month: '2024-05', accepted: 2, successful: 1 },
      { month: '2024-06', accepted: 2, successful: 0 },
    ]);
    // The case opened from the register counts under its own source (REVIEW row 9), not as 'dispute'.
    expect(a.byOrigin.map((o) => [o.key, o.counted])).toEqual([['application', 4]]);
    expect(t.call('mediation.stats', { dateFrom: '2024-06-10', dateTo: '2024-06-15', basis: 'closed' })).toMatchObject({
      byMonth: [{ month: '2024-06', accepted: 0, successful: 0 }],
      byOutcome: [
        { outcome: 'success', count: 0 },
        { outcome: 'failure', count: 0 },
        { outcome: 'terminated', count: 0 },
      ],
    });
  });

  it("lists the case on each party's person page", () => {
    const c = open();
    const detail = t.call('persons.get', { id: b.id });
    expect(detail.records).toEqual(expect.arrayContaining([expect.objectContaining({ module: 'mediation', id: c.id })]));
  });
});

describe('REVIEW rows 1, 3, 19 and 22: the agreement as a whole', () => {
  const visit = (caseId: string, visitDate: string, performanceFound: 'performed' | 'partial' | 'unperformed' | 'not_applicable') =>
    t.call('mediation.saveVisit', {
      caseId,
      visitDate,
      visitorStaffId: mediatorId,
      method: '上门回访',
      performanceFound,
      satisfaction: '满意',
    });

  it('row 1: an agreement without items is as the worker records it — 当场履行 on the day it took effect — and counts in 协议履行率', () => {
    const c = writtenAgreement(open().id, { items: [], agreedAmountYuan: 2000 });
    expect(c.agreement).toMatchObject({
      performance: 'unperformed',
      performedDate: null,
      performanceDerived: false,
      agreedAmountYuan: 2000,
    });
    const spot = t.call('mediation.setAgreementPerformance', { caseId: c.id, state: 'on_the_spot' });
    expect(spot.agreement).toMatchObject({ performance: 'on_the_spot', performedDate: '2024-05-21' });
    t.call('mediation.close', { id: c.id, outcome: 'success', closedDate: '2024-05-21' });
    expect(t.call('mediation.list', { performance: 'on_the_spot' }).rows.map((r) => [r.id, r.performedDate, r.agreedAmountYuan])).toEqual([
      [c.id, '2024-05-21', 2000],
    ]);
    const s = t.call('mediation.stats', { dateFrom: '2024-05-01', dateTo: '2024-05-31' });
    expect(s).toMatchObject({ successful: 1, performed: 1, performanceRate: 1, agreementAmountYuan: 2000, disputedAmountYuan: 3000 });
  });

  it.each([
    // what is recorded → the state and the 履行完毕日期
    [{ state: 'performed', date: '2024-06-01' }, 'performed', '2024-06-01'],
    [{ state: 'no_payment', date: '2024-06-01' }, 'no_payment', null],
    [{ state: 'partial' }, 'partial', null],
  ] as const)('row 1: recording %j without items → %s, completed on %s', (entry, state, date) => {
    const c = writtenAgreement(open().id, { items: [] });
    expect(t.call('mediation.setAgreementPerformance', { caseId: c.id, ...entry }).agreement).toMatchObject({
      performance: state,
      performedDate: date,
    });
  });

  it.each([
    [{ state: 'performed' }, '请填写履行完毕日期'],
    [{ state: 'performed', date: '2024-06-16' }, '不能晚于今天'],
    [{ state: 'performed', date: '2024-05-01' }, '不能早于受理日期'],
  ] as const)('row 1: recording %j without items is refused: %s', (entry, message) => {
    const c = writtenAgreement(open().id, { items: [] });
    const r = t.raw('mediation.setAgreementPerformance', { caseId: c.id, ...entry });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(r)).toContain(message);
  });

  it('row 1: with items, the items decide — dated as each is performed — and the agreement cannot be set by hand', () => {
    const c = writtenAgreement(open().id);
    expect(c.agreement).toMatchObject({ performance: 'unperformed', performanceDerived: true });
    expect(t.raw('mediation.setAgreementPerformance', { caseId: c.id, state: 'on_the_spot' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    const [pay, wall] = c.agreement!.items;
    let now = t.call('mediation.setPerformance', { itemId: pay!.id, state: 'performed', date: '2024-05-30' });
    expect(now.agreement).toMatchObject({ performance: 'partial', performedDate: null });
    now = t.call('mediation.setPerformance', { itemId: wall!.id, state: 'performed' });
    expect(now.agreement!.items.map((i) => i.performedDate)).toEqual(['2024-05-30', '2024-06-15']);
    expect(now.agreement).toMatchObject({ performance: 'performed', performedDate: '2024-06-15' });
    // Saving the agreement again keeps the days; taking the items away hands the state to the worker
    now = writtenAgreement(c.id, {
      items: now.agreement!.items.map(({ id, description, deadline, state }) => ({ id, description, deadline, state })),
    });
    expect(now.agreement).toMatchObject({ performance: 'performed', performedDate: '2024-06-15' });
    now = writtenAgreement(c.id, { items: [], performance: 'no_payment' });
    expect(now.agreement).toMatchObject({ performance: 'no_payment', performedDate: null, performanceDerived: false });
  });

  it("row 1: a return visit's finding is the state of an agreement without items, on the visit's day when it found it performed", () => {
    const c = writtenAgreement(open().id, { items: [] });
    expect(visit(c.id, '2024-06-01', 'partial').agreement).toMatchObject({ performance: 'partial', performedDate: null });
    expect(visit(c.id, '2024-06-14', 'performed').agreement).toMatchObject({ performance: 'performed', performedDate: '2024-06-14' });
    // An earlier visit entered late does not overwrite what the latest found
    expect(visit(c.id, '2024-05-25', 'unperformed').agreement).toMatchObject({ performance: 'performed' });
    // With items, a visit changes nothing: the items decide
    const other = direct({ acceptedDate: '2024-05-08', summary: '借款' });
    writtenAgreement(other.id);
    expect(visit(other.id, '2024-06-14', 'performed').agreement).toMatchObject({ performance: 'unperformed' });
  });

  it('row 19: the visits are planned again when the agreement changes, and a visit made is not proposed again', () => {
    const c = writtenAgreement(open().id);
    visit(c.id, '2024-06-14', 'partial');
    // The wall is now due at the end of August: the second visit moves with it; the first was made
    let now = writtenAgreement(c.id, {
      items: [
        { description: '张三赔偿李四2000元', deadline: '2024-05-31', state: 'unperformed' },
        { description: '张三重砌界墙', deadline: '2024-08-31', state: 'unperformed' },
      ],
    });
    expect(now.visits.map((v) => [v.plannedDate, v.visitDate])).toEqual([
      ['2024-06-20', '2024-06-14'],
      ['2024-09-30', null],
    ]);
    // Everything due before the first visit: only the visit made remains
    now = writtenAgreement(c.id, { items: [{ description: '张三赔偿李四2000元', deadline: '2024-05-31', state: 'unperformed' }] });
    expect(now.visits.map((v) => [v.plannedDate, v.visitDate])).toEqual([['2024-06-20', '2024-06-14']]);
    // …and the to-do table holds no visit for it
    expect(t.ledger.db.prepare("SELECT item_key FROM obligation WHERE owner_id = ? AND item_key LIKE 'visit.%'").all(c.id)).toEqual([]);
  });

  it('row 22: a case is not closed as 调解成功 before its agreement takes effect', () => {
    const c = writtenAgreement(open().id);
    expect(t.raw('mediation.close', { id: c.id, outcome: 'success', closedDate: '2024-05-20' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { closedDate: '不能早于协议生效日期' } },
    });
    expect(t.call('mediation.close', { id: c.id, outcome: 'success', closedDate: '2024-05-21' }).outcome).toBe('success');
  });
});

describe('REVIEW rows 6–18: the rules of the case file, on a real ledger', () => {
  const dashboard = () => t.call('obligations.dashboard', {});
  const mediationItems = (list: { module: string; label: string; dueDate: string; originalDueDate: string | null }[]) =>
    list.filter((i) => i.module === 'mediation').map((i) => [i.label, i.dueDate, i.originalDueDate]);

  it('row 6: an application after the window is saved as made and warned of; one within it is not', () => {
    // effective 2024-05-10: the 30th day is Sunday 06-09, so the last day is Monday 06-10
    const c = writtenAgreement(open().id, {
      partySignatures: [
        { personId: a.id, date: '2024-05-10' },
        { personId: b.id, date: '2024-05-10' },
      ],
      mediatorSignedDate: '2024-05-10',
      sealDate: '2024-05-10',
    });
    const apply = (appliedDate: string) =>
      t.call('mediation.saveConfirmation', {
        caseId: c.id,
        intent: true,
        appliedDate,
        joint: true,
        courtBasis: 'subject_location',
        court: '某某县人民法院',
      }).agreement!.confirmation;
    expect(apply('2024-06-10')).toMatchObject({ appliedDate: '2024-06-10', late: false, window: { lastDay: '2024-06-10' } });
    expect(apply('2024-06-12')).toMatchObject({ appliedDate: '2024-06-12', courtBasis: 'subject_location', late: true });
    // The window's due item is gone: the application was made
    expect(t.ledger.db.prepare("SELECT item_key FROM obligation WHERE owner_id = ? AND item_key = 'confirmation'").all(c.id)).toEqual([]);
  });

  it.each([
    // result, court 受理日期, result date → the ledger's 司法确认 column
    ['granted', '2024-06-03', '2024-06-10', 'granted', '确认有效'],
    ['rejected', '2024-06-03', '2024-06-10', 'rejected', '驳回'],
    ['not_accepted', null, '2024-06-04', 'not_accepted', '不予受理'],
    ['withdrawn', '2024-06-03', '2024-06-07', 'withdrawn', '撤回'],
    [null, '2024-06-03', null, 'applied', '已申请'],
  ] as const)(
    'row 6: result %s (受理 %s, on %s) is kept with the court 案号 and listed as %s (%s)',
    (result, acceptedDate, resultDate, state, label) => {
      const c = writtenAgreement(open().id);
      const saved = t.call('mediation.saveConfirmation', {
        caseId: c.id,
        ...APPLICATION,
        acceptedDate,
        rulingNo: '（2024）豫0102民特12号',
        result,
        resultDate,
      });
      expect(saved.agreement!.confirmation).toMatchObject({ acceptedDate, rulingNo: '（2024）豫0102民特12号', result, resultDate });
      expect(t.call('mediation.list', {}).rows.find((r) => r.id === c.id)!.confirmation).toBe(state);
      expect(CONFIRMATION_LABELS[state]).toBe(label);
      const s = t.call('mediation.stats', { dateFrom: '2024-05-01', dateTo: '2024-06-30' });
      expect([s.confirmationsApplied, s.confirmationsGranted]).toEqual([1, result === 'granted' ? 1 : 0]);
    },
  );

  it.each([
    [{ acceptedDate: '2024-06-16' }, 'acceptedDate', '受理日期不能晚于今天'],
    [{ result: 'granted', resultDate: '2024-06-16' }, 'resultDate', '结果日期不能晚于今天'],
    [{ rulingNo: '豫0102民特12号' }, 'rulingNo', '案号应如（2024）豫0102民特12号：括号内为年份，以“号”结尾'],
    [{ courtBasis: null }, 'courtBasis', '请选择向哪一法院申请（民事诉讼法第二百零五条）'],
  ])('row 6: the host refuses %j at %s: %s', (over, field, message) => {
    const c = writtenAgreement(open().id);
    expect(t.raw('mediation.saveConfirmation', { caseId: c.id, ...APPLICATION, ...over })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { [field]: message } },
    });
  });

  it('row 7: a labour dispute owes the 15-day notice of arbitration on the dashboard until the parties are told', () => {
    const c = direct({ category: '10', acceptedDate: '2024-05-20' });
    expect(c.labourNotice).toMatchObject({ dueDate: '2024-06-04', state: 'overdue' });
    expect(mediationItems(dueItems(dashboard(), 'overdue'))).toContainEqual(['15日内未达成协议——告知可申请劳动仲裁', '2024-06-04', null]);
    expect(t.raw('mediation.recordArbitrationNotice', { caseId: c.id, date: '2024-05-19' })).toMatchObject({
      ok: false,
      error: { fields: { date: '不能早于受理日期' } },
    });
    const told = t.call('mediation.recordArbitrationNotice', { caseId: c.id, date: '2024-06-05' });
    expect([told.arbitrationToldDate, told.labourNotice]).toEqual(['2024-06-05', expect.objectContaining({ state: 'done', late: true })]);
    expect(mediationItems(dueItems(dashboard(), 'overdue')).map(([label]) => label)).not.toContain('15日内未达成协议——告知可申请劳动仲裁');
    expect(t.call('audit.forEntity', { entity: 'mediation', id: c.id })[0]).toMatchObject({ after: { arbitrationNotice: '2024-06-05' } });
    // Other categories owe no such notice, and cannot record one
    const other = direct();
    expect(other.labourNotice).toBeNull();
    expect(t.raw('mediation.recordArbitrationNotice', { caseId: other.id, date: '2024-06-05' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
  });

  it('row 7: an agreement that takes effect within the 15 days meets the notice', () => {
    const c = writtenAgreement(direct({ category: '10', acceptedDate: '2024-05-15' }).id, {
      partySignatures: [
        { personId: a.id, date: '2024-05-21' },
        { personId: b.id, date: '2024-05-21' },
      ],
    });
    expect(c.labourNotice).toMatchObject({ dueDate: '2024-05-30', state: 'done', satisfiedOn: '2024-05-21', late: false });
  });

  it('row 8: the 调解期限 is on the dashboard a calendar month after acceptance (rolled past a Saturday), and closing meets it', () => {
    // accepted 05-15: the month ends on Saturday 06-15 → due Monday 06-17
    const c = direct();
    expect(c.handling).toMatchObject({ dueDate: '2024-06-17', originalDueDate: null, state: 'due_soon' });
    expect(mediationItems(dueItems(dashboard(), 'dueSoon'))).toEqual([['调解期限', '2024-06-17', null]]);
    // a case opened from the register on 05-07 is overdue since 06-07
    const late = open();
    expect(late.handling).toMatchObject({ dueDate: '2024-06-07', state: 'overdue' });
    expect(mediationItems(dueItems(dashboard(), 'overdue'))).toEqual([['调解期限', '2024-06-07', null]]);
    const closed = t.call('mediation.close', {
      id: late.id,
      outcome: 'terminated',
      closedDate: '2024-06-14',
      terminationReason: 'refused',
      reason: '被申请人明确表示不接受调解',
      guidance: ['litigation'],
    });
    expect(closed.handling).toMatchObject({ state: 'done', satisfiedOn: '2024-06-14', late: true });
    expect(mediationItems(dueItems(dashboard(), 'overdue'))).toEqual([]);
  });

  it('row 8: the 调解期限 is extended only with both parties consent, a reason and a later date; recorded, shown and audited', () => {
    const c = open(); // due 2024-06-07, overdue
    const extend = (over: Record<string, unknown>) =>
      t.raw('mediation.extendDeadline', {
        caseId: c.id,
        date: '2024-06-06',
        newDate: '2024-07-07',
        reason: '等待伤情鉴定结论',
        consent: true,
        ...over,
      });
    expect(extend({ consent: false })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { consent: '延长调解期限须经双方当事人同意，请确认后勾选' } },
    });
    expect(extend({ newDate: '2024-06-07' })).toMatchObject({
      ok: false,
      error: { fields: { newDate: '延期后的日期必须晚于当前到期日（2024-06-07），不能缩短期限' } },
    });
    expect(extend({ date: '2024-05-06' })).toMatchObject({ ok: false, error: { fields: { date: '不能早于受理日期' } } });
    expect(extend({ date: '2024-06-16' })).toMatchObject({ ok: false, error: { fields: { date: '当事人同意日期不能晚于今天' } } });
    expect(extend({})).toMatchObject({ ok: true });
    const now = t.call('mediation.get', { id: c.id });
    expect(now.handling).toMatchObject({
      dueDate: '2024-07-07',
      originalDueDate: '2024-06-07',
      state: 'upcoming',
      extensionReason: '等待伤情鉴定结论',
    });
    expect(now.extensions).toEqual([
      expect.objectContaining({
        date: '2024-06-06',
        previousDate: '2024-06-07',
        newDate: '2024-07-07',
        reason: '等待伤情鉴定结论',
        consent: true,
      }),
    ]);
    expect(mediationItems(dueItems(dashboard(), 'overdue'))).toEqual([]);
    expect(t.call('audit.forEntity', { entity: 'mediation', id: c.id })[0]).toMatchObject({
      before: { extension: { dueDate: '2024-06-07' } },
      after: { extension: { dueDate: '2024-07-07', reason: '等待伤情鉴定结论', consent: '双方当事人同意' } },
    });
    // A second extension goes on from the first
    expect(extend({ newDate: '2024-07-31', reason: '鉴定延期' })).toMatchObject({ ok: true });
    expect(t.call('mediation.get', { id: c.id }).extensions.map((x) => [x.previousDate, x.newDate])).toEqual([
      ['2024-06-07', '2024-07-07'],
      ['2024-07-07', '2024-07-31'],
    ]);
    // The dashboard's generic 延期 cannot skip the consent
    expect(
      t.raw('obligations.actOnItem', {
        module: 'mediation',
        ownerId: c.id,
        kind: 'extend',
        ruleId: 'handling',
        itemKey: 'handling',
        newDate: '2024-09-01',
        reason: '延期',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '延长调解期限须经双方当事人同意，请在案件页“延长调解期限”中登记。' },
    });
    // A closed case is not extended
    t.call('mediation.close', { id: c.id, outcome: 'failure', closedDate: '2024-06-15', reason: '分歧大', guidance: ['litigation'] });
    expect(extend({ newDate: '2024-08-31' })).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
  });

  it('row 9: a case opened from the register asks for its source; an entrusted one needs its sender; the source can be corrected', () => {
    const { origin: _asked, ...input } = openInput();
    expect(t.raw('mediation.openFromDispute', input)).toMatchObject({ ok: false, error: { fields: { origin: '请选择案件来源' } } });
    expect(t.raw('mediation.openFromDispute', { ...input, origin: 'government' })).toMatchObject({
      ok: false,
      error: { fields: { senderUnit: '委托移送的案件须填写移送/委托单位' } },
    });
    const c = t.call('mediation.openFromDispute', { ...input, origin: 'initiative', senderUnit: '不应保存' });
    expect([c.origin, c.senderUnit, c.disputeId]).toEqual(['initiative', null, dispute.id]);
    const fixed = t.call('mediation.update', updateOf(c, { origin: 'government', senderUnit: '县信访局' }));
    expect([fixed.origin, fixed.senderUnit, fixed.disputeId]).toEqual(['government', '县信访局', dispute.id]);
    direct({ origin: 'initiative' });
    const s = t.call('mediation.stats', { dateFrom: '2024-05-01', dateTo: '2024-05-31' });
    expect(s.byOrigin.map((o) => [o.key, o.counted]).sort()).toEqual([
      ['government', 1],
      ['initiative', 1],
    ]);
  });

  it.each([
    // termination reason, routes → accepted or the message at the routes
    [
      'refused',
      [],
      '终止调解时须告知当事人可依法通过仲裁、行政、司法等途径维护权利（人民调解法第二十六条）；当事人自行和解或撤回申请的除外',
    ],
    [
      'requested',
      [],
      '终止调解时须告知当事人可依法通过仲裁、行政、司法等途径维护权利（人民调解法第二十六条）；当事人自行和解或撤回申请的除外',
    ],
    ['refused', ['litigation', 'administrative'], null],
    ['settled', [], null],
    ['withdrawn', [], null],
  ] as const)('row 15: ending a mediation for %s with routes %j → %s', (terminationReason, guidance, message) => {
    const c = direct();
    const r = t.raw('mediation.close', {
      id: c.id,
      outcome: 'terminated',
      closedDate: '2024-06-10',
      terminationReason,
      reason: '情况说明',
      guidance: [...guidance],
    });
    if (message) {
      expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { guidance: message } } });
      return;
    }
    expect(r).toMatchObject({ ok: true, value: { outcome: 'terminated', terminationReason, guidance } });
    expect(t.call('audit.forEntity', { entity: 'mediation', id: c.id })[0]).toMatchObject({ after: { terminationReason } });
  });

  it('row 17: a land-contract dispute takes only a written agreement; the mark is for 山林土地纠纷 only', () => {
    const land = direct({ category: '07', landContract: true, summary: '承包地边界' });
    expect(land.landContract).toBe(true);
    const oral = {
      caseId: land.id,
      form: 'oral' as const,
      content: '双方按原界桩分界',
      oralDate: '2024-05-20',
      partySignatures: [],
      items: [],
    };
    expect(t.raw('mediation.saveAgreement', oral)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { form: '土地承包经营纠纷应当制作书面调解协议书' } },
    });
    expect(writtenAgreement(land.id).agreement!.form).toBe('written');
    // An ordinary case with an oral agreement cannot be marked afterwards without changing the agreement
    const other = direct({ category: '07' });
    t.call('mediation.saveAgreement', { ...oral, caseId: other.id });
    const update = updateOf(other, { landContract: true });
    expect(t.raw('mediation.update', update)).toMatchObject({
      ok: false,
      error: { fields: { landContract: '已登记口头协议，请先改为书面协议' } },
    });
    // Not for another category, through the form's schema or from the register
    expect(t.raw('mediation.update', { ...update, category: '03' })).toMatchObject({
      ok: false,
      error: { fields: { landContract: '只有山林土地纠纷才能标为土地承包经营纠纷' } },
    });
    expect(t.raw('mediation.openFromDispute', { ...openInput(), landContract: true })).toMatchObject({
      ok: false,
      error: { fields: { landContract: '只有山林土地纠纷才能标为土地承包经营纠纷' } },
    });
  });

  it("row 18: each committee numbers its own files; the township's sequence goes on, and numbers given stay", () => {
    // A village case numbered from the township's sequence before the change (as 0016 finds it)
    t.ledger.db.prepare("INSERT INTO case_counter (kind, year, last) VALUES ('mediation', 2024, 2)").run();
    const no = (committeeName?: string, acceptedDate = '2024-05-15') =>
      direct({ mediatingBody: committeeName ? 'village' : 'township', committeeName, acceptedDate }).caseNo;
    expect(no()).toBe('（2024）高寨乡人调字第3号');
    expect(no('东村人民调解委员会')).toBe('（2024）东村人调字第1号');
    expect(no('东村人民调解委员会')).toBe('（2024）东村人调字第2号');
    expect(no('西湖社区人民调解委员会')).toBe('（2024）西湖社区人调字第1号');
    expect(no()).toBe('（2024）高寨乡人调字第4号');
    expect(no('东村人民调解委员会', '2023-12-20')).toBe('（2023）东村人调字第1号');
    // A case moved to another committee keeps its number
    const c = direct({ mediatingBody: 'village', committeeName: '东村人民调解委员会' });
    const moved = t.call('mediation.update', updateOf(c, { committeeName: '西村人民调解委员会' }));
    expect([moved.caseNo, moved.committeeName]).toEqual(['（2024）东村人调字第3号', '西村人民调解委员会']);
  });
});

describe("REVIEW row 10: a party's 委托代理人", () => {
  it('records up to two agents for a party with their authority, keeps them when the case is corrected, and audits both ways', () => {
    const c = open();
    let now = t.call('mediation.saveAgent', { caseId: c.id, personId: b.id, name: '赵律师', authority: 'special', phone: '13900139000' });
    now = t.call('mediation.saveAgent', { caseId: c.id, personId: b.id, name: '李四之子', authority: 'general' });
    expect(now.parties.find((p) => p.personId === b.id)!.agents.map((x) => [x.name, x.authority])).toEqual([
      ['赵律师', 'special'],
      ['李四之子', 'general'],
    ]);
    expect(t.raw('mediation.saveAgent', { caseId: c.id, personId: b.id, name: '第三人', authority: 'general' })).toMatchObject({
      ok: false,
      error: { fields: { personId: '每名当事人最多委托2名代理人' } },
    });
    const stranger = t.call('persons.create', { name: '王五' });
    expect(t.raw('mediation.saveAgent', { caseId: c.id, personId: stranger.id, name: '某', authority: 'general' })).toMatchObject({
      ok: false,
      error: { fields: { personId: '被代理人不是本案当事人' } },
    });
    expect(t.raw('mediation.saveAgent', { caseId: c.id, personId: b.id, name: '', authority: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    // Correcting the case rewrites its party rows; the agents stay
    const corrected = t.call('mediation.update', {
      id: c.id,
      acceptedDate: c.acceptedDate,
      origin: c.origin,
      mediatingBody: c.mediatingBody,
      category: c.category,
      summary: '改正后的情况',
      parties: c.parties.map((p) => ({ personId: p.personId, role: p.role })),
      mediatorIds: [mediatorId],
    });
    expect(corrected.parties.find((p) => p.personId === b.id)!.agents).toHaveLength(2);
    const gone = t.call('mediation.deleteAgent', { id: now.parties.find((p) => p.personId === b.id)!.agents[0]!.id });
    expect(gone.parties.find((p) => p.personId === b.id)!.agents.map((x) => x.name)).toEqual(['李四之子']);
    const trail = t.call('audit.forEntity', { entity: 'mediation', id: c.id });
    // Added, carried in the correction's snapshot, and removed: each in the case's history
    expect(trail.filter((e) => JSON.stringify(e).includes('赵律师')).map((e) => e.action)).toEqual(['delete', 'update', 'create']);
  });
});

/** Mediation failed on `closedDate`, the parties told they may go to court. */
const fail = (caseId: string, closedDate = '2024-05-20') =>
  t.call('mediation.close', { id: caseId, outcome: 'failure', closedDate, reason: '双方分歧大', guidance: ['litigation'] });

describe('REVIEW row 6: 司法确认 is applied for by both parties together', () => {
  const confirm = (caseId: string, over: Record<string, unknown>) => {
    const { joint: _asked, ...application } = APPLICATION;
    return t.raw('mediation.saveConfirmation', { caseId, ...application, ...over });
  };

  it.each([
    // jointly → kept as, warned
    [true, true, false],
    [false, false, true],
  ])('row 6: an application made jointly: %s is kept as %s and warned of: %s', (joint, kept, warned) => {
    const c = writtenAgreement(open().id);
    const r = confirm(c.id, { joint });
    expect(r).toMatchObject({ ok: true, value: { agreement: { confirmation: { joint: kept, nonJoint: warned, late: false } } } });
    expect(t.call('audit.forEntity', { entity: 'mediation', id: c.id })[0]).toMatchObject({ after: { confirmation: { joint } } });
  });

  it('row 6: the host asks whether the parties applied together with every application, and keeps nothing without one', () => {
    const c = writtenAgreement(open().id);
    expect(confirm(c.id, {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { joint: '已申请司法确认的，请确认是否由双方当事人共同申请（民事诉讼法第二百零五条）' } },
    });
    expect(confirm(c.id, { joint: null })).toMatchObject({ ok: false, error: { fields: { joint: expect.stringContaining('共同申请') } } });
    // Only the intent so far: the box's default is not an answer
    const intent = confirm(c.id, { appliedDate: null, courtBasis: null, court: null, joint: true });
    expect(intent).toMatchObject({ ok: true, value: { agreement: { confirmation: { appliedDate: null, joint: null, nonJoint: false } } } });
    // The ledger lists a one-party application as applied, like any other
    confirm(c.id, { joint: false });
    expect(t.call('mediation.list', {}).rows.find((r) => r.id === c.id)!.confirmation).toBe('applied');
  });
});

describe('REVIEW row 19: a visit after 调解不成 or 终止调解, to see whether the dispute escalates', () => {
  const dashboard = () => t.call('obligations.dashboard', {});
  /** The mediation items of the dashboard's lists: [label, due date]. */
  const due = () =>
    [...dueItems(dashboard(), 'overdue'), ...dueItems(dashboard(), 'dueSoon')]
      .filter((i) => i.module === 'mediation')
      .map((i) => [i.label, i.dueDate]);

  it('row 19: a failed mediation is visited the return-visit interval after closing, on the dashboard until the visit is recorded', () => {
    const c = fail(open().id);
    expect(c.visits).toEqual([expect.objectContaining({ purpose: 'escalation', plannedDate: '2024-06-19', visitDate: null })]);
    expect(due()).toContainEqual(['防止纠纷激化回访', '2024-06-19']);
    const item = [...dueItems(dashboard(), 'dueSoon')].find((i) => i.label === '防止纠纷激化回访')!;
    expect(item.link).toBe(`/mediation/${c.id}`);
    // Recorded with the visit form, which fills the proposed visit: nothing to find performed
    const visited = t.call('mediation.saveVisit', {
      caseId: c.id,
      visitDate: '2024-06-14',
      visitorStaffId: mediatorId,
      method: '上门回访',
      performanceFound: 'not_applicable',
      satisfaction: '基本满意',
      notes: '双方未再发生冲突，申请人已向法院起诉',
    });
    expect(visited.visits).toEqual([
      expect.objectContaining({ purpose: 'escalation', plannedDate: '2024-06-19', visitDate: '2024-06-14', visitorName: '王调解' }),
    ]);
    expect(due().map(([label]) => label)).not.toContain('防止纠纷激化回访');
  });

  it.each([
    // termination reason → whether a visit is proposed
    ['refused', ['litigation'], true],
    ['requested', ['arbitration'], true],
    ['settled', [], false],
    ['withdrawn', [], false],
  ] as const)('row 19: a mediation ended for %s (routes told: %j) gets an escalation visit: %s', (terminationReason, guidance, visited) => {
    const c = t.call('mediation.close', {
      id: direct().id,
      outcome: 'terminated',
      closedDate: '2024-06-10',
      terminationReason,
      reason: '情况说明',
      guidance: [...guidance],
    });
    expect(c.visits.map((v) => [v.purpose, v.plannedDate])).toEqual(visited ? [['escalation', '2024-07-10']] : []);
  });

  it("row 19: the office's setting — its own interval, or none — holds for the cases closed after it; an older ledger takes the return-visit interval", () => {
    const s = t.call('settings.get', {});
    expect([s.failureVisitEnabled, s.failureVisitDays]).toEqual([true, 30]);
    t.call('settings.update', { ...s, failureVisitDays: 7 });
    const week = fail(direct().id, '2024-06-10');
    expect(week.visits.map((v) => v.plannedDate)).toEqual(['2024-06-17']);
    expect(t.raw('settings.update', { ...s, failureVisitDays: 0 })).toMatchObject({
      ok: false,
      error: { fields: { failureVisitDays: '间隔至少1天' } },
    });
    t.call('settings.update', { ...s, failureVisitEnabled: false });
    expect(fail(direct().id, '2024-06-10').visits).toEqual([]);
    // …and the visit planned before the change stays
    expect(t.call('mediation.get', { id: week.id }).visits.map((v) => v.plannedDate)).toEqual(['2024-06-17']);
    // A ledger whose settings predate the setting: on, at the office's return-visit interval
    const { failureVisitEnabled: _e, failureVisitDays: _d, ...old } = s;
    t.ledger.db.prepare("UPDATE setting SET value = ? WHERE key = 'settings'").run(JSON.stringify({ ...old, returnVisitDays: 45 }));
    expect(t.call('settings.get', {})).toMatchObject({ returnVisitDays: 45, failureVisitEnabled: true, failureVisitDays: 45 });
  });

  it('row 19: the visit is never proposed twice — a closed case is not closed again, and deleting and restoring it keeps the one visit', () => {
    const c = fail(open().id);
    expect(
      t.raw('mediation.close', { id: c.id, outcome: 'failure', closedDate: '2024-05-21', reason: 'x', guidance: ['litigation'] }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    t.call('mediation.delete', { id: c.id });
    expect(due().map(([label]) => label)).not.toContain('防止纠纷激化回访');
    t.call('recycle.restore', { section: 'mediation', id: c.id });
    expect(t.call('mediation.get', { id: c.id }).visits.map((v) => [v.purpose, v.plannedDate])).toEqual([['escalation', '2024-06-19']]);
    expect(due().filter(([label]) => label === '防止纠纷激化回访')).toHaveLength(1);
    const rows = t.ledger.db.prepare('SELECT count(*) AS n FROM return_visit WHERE case_id = ?').get(c.id) as { n: number };
    expect(rows.n).toBe(1);
  });
});

describe('REVIEW §2.1: a dispute that may escalate is reported, and the report kept on the case', () => {
  const report = (caseId: string, over: Record<string, unknown> = {}) =>
    t.raw('mediation.saveReport', {
      caseId,
      date: '2024-06-01',
      unitKind: 'police',
      unit: '高寨派出所',
      receiver: '刘警官',
      content: '被申请人扬言报复，可能引发伤害',
      measures: '通知村干部和家属看护，分别做双方工作',
      ...over,
    });

  it('§2.1: a report is kept with the unit, the receiver, what was reported and the steps taken, in date order, audited both ways', () => {
    const c = open();
    expect(report(c.id, { date: '2024-06-01' })).toMatchObject({ ok: true });
    const second = report(c.id, { date: '2024-05-20', unitKind: 'other', unit: '乡综治中心', receiver: '赵主任' });
    expect(second).toMatchObject({ ok: true });
    const now = t.call('mediation.get', { id: c.id });
    expect(now.reports.map((r) => [r.date, r.unitKind, r.unit, r.receiver])).toEqual([
      ['2024-05-20', 'other', '乡综治中心', '赵主任'],
      ['2024-06-01', 'police', '高寨派出所', '刘警官'],
    ]);
    expect(t.call('audit.forEntity', { entity: 'mediation', id: c.id })[0]).toMatchObject({
      action: 'create',
      after: { report: { unit: '乡综治中心', measures: '通知村干部和家属看护，分别做双方工作' } },
    });
    const gone = t.call('mediation.deleteReport', { id: now.reports[0]!.id });
    expect(gone.reports.map((r) => r.unit)).toEqual(['高寨派出所']);
    expect(t.call('audit.forEntity', { entity: 'mediation', id: c.id })[0]).toMatchObject({
      action: 'delete',
      before: { report: { date: '2024-05-20', unit: '乡综治中心', receiver: '赵主任' } },
    });
    expect(t.raw('mediation.deleteReport', { id: now.reports[0]!.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    // A report after the mediation failed (at the visit, say) is on the case too
    fail(c.id);
    expect(report(c.id, { date: '2024-06-14' })).toMatchObject({ ok: true });
  });

  it.each([
    [{ date: '2024-05-06' }, 'date', '不能早于受理日期'],
    [{ date: '2024-06-16' }, 'date', '报告日期不能晚于今天'],
    [{ unit: '' }, 'unit', '请填写接收单位名称'],
    [{ unitKind: '派出所' }, 'unitKind', '请选择报告对象（公安派出所或其他部门）'],
    [{ measures: ' ' }, 'measures', '请填写采取的预防措施'],
  ])('§2.1: the host refuses a report with %j at %s: %s', (over, field, message) => {
    expect(report(open().id, over)).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { [field]: message } } });
  });

  it('§2.1: the statistics count the cases reported in the period, by the day of the report, each case once', () => {
    const c = open();
    report(c.id, { date: '2024-05-20' });
    report(c.id, { date: '2024-06-01' });
    // A case accepted before the period, reported in it, counts on either basis
    const earlier = direct({ acceptedDate: '2024-04-10' });
    report(earlier.id, { date: '2024-05-02' });
    // Reported before the period: not counted
    const before = direct({ acceptedDate: '2024-04-11' });
    report(before.id, { date: '2024-04-30' });
    // A report removed, and a deleted case, do not count
    const removed = direct();
    report(removed.id);
    t.call('mediation.deleteReport', { id: t.call('mediation.get', { id: removed.id }).reports[0]!.id });
    const deleted = direct();
    report(deleted.id);
    t.call('mediation.delete', { id: deleted.id });
    for (const basis of ['accepted', 'closed'] as const)
      expect(t.call('mediation.stats', { dateFrom: '2024-05-01', dateTo: '2024-06-15', basis }).escalationReports).toBe(2);
    expect(t.call('mediation.stats', { dateFrom: '2024-06-02', dateTo: '2024-06-15' }).escalationReports).toBe(0);
  });
});
