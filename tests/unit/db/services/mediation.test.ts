import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Dispute } from '../../../../shared/schemas/disputes';
import type { MediationCase } from '../../../../shared/schemas/mediation';
import type { Person } from '../../../../shared/schemas/persons';
import { writtenAgreement as writtenAgreementBuilder } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';
import type { Input } from '../../../../shared/contract';

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

const open = () =>
  t.call('mediation.openFromDispute', {
    disputeId: dispute.id,
    acceptedDate: '2024-05-07',
    mediatingBody: 'township',
    mediatorIds: [mediatorId],
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
    expect(
      t.raw('mediation.openFromDispute', {
        disputeId: dispute.id,
        acceptedDate: '2024-05-07',
        mediatingBody: 'township',
        mediatorIds: [mediatorId],
      }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
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
      error: { fields: { senderUnit: '委托、移交或指定的案件须填写来源单位' } },
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
    expect(t.call('obligations.dashboard', { responsibleStaffId: mediatorId }).overdue.filter((i) => i.module === 'mediation')).toEqual([]);

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
      t.raw('mediation.update', { ...fields, id: entrusted.id, parties: [{ personId: a.id, role: 'applicant' }], senderUnit: '' }),
    ).toMatchObject({ ok: false, error: { fields: { senderUnit: '委托、移交或指定的案件须填写来源单位' } } });
  });

  it("takes the agreement's effective date from the last signature, proposes a return visit and counts down the confirmation window", () => {
    const c = writtenAgreement(open().id);
    expect(c.agreement!.effectiveDate).toBe('2024-05-21');
    expect(c.agreement!.confirmation.window).toEqual({ lastDay: '2024-06-20', daysLeft: 6, open: true });
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
    t.call('mediation.close', { id: other.id, outcome: 'terminated', closedDate: '2024-05-30', reason: '申请人撤回' });
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
    t.call('mediation.close', { id: create('2024-01-30').id, outcome: 'terminated', closedDate: '2024-03-02', reason: '申请人撤回' });
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
    t.call('mediation.close', { id: create('2024-06-01').id, outcome: 'terminated', closedDate: '2024-06-05', reason: '申请人撤回' });
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
    expect(a.byOrigin.map((o) => [o.key, o.counted])).toEqual([
      ['application', 3],
      ['dispute', 1],
    ]);
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
    const other = t.call('mediation.create', {
      origin: 'application',
      acceptedDate: '2024-05-08',
      mediatingBody: 'township',
      category: '02',
      summary: '借款',
      parties: [
        { personId: a.id, role: 'applicant' },
        { personId: b.id, role: 'respondent' },
      ],
      mediatorIds: [mediatorId],
    });
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
