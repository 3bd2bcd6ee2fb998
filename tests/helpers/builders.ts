/**
 * Builders for the records most tests start from, through the contract (so every record is made as
 * the app makes it: validated, numbered, audited, in the to-do table). Each takes the fields a test
 * cares about and fills the rest with plain, valid values. They work with the unit tests' ledger and
 * with the e2e fixture alike (anything with a typed `call`).
 */
import type { Input, Method, Output } from '../../shared/contract';
import type { AssistanceFileView } from '../../shared/schemas/assistance';
import type { CorrectionFileView } from '../../shared/schemas/correction';
import type { Dispute } from '../../shared/schemas/disputes';
import type { FollowupSubject } from '../../shared/schemas/followup';
import type { MediationCase } from '../../shared/schemas/mediation';
import type { Person } from '../../shared/schemas/persons';

export interface Caller {
  call<M extends Method>(method: M, input: Input<M>): Output<M>;
}

/** The first staff member (the operator set up with the ledger). */
export function firstStaffId(t: Caller): string {
  return t.call('staff.list', {})[0]!.id;
}

export function person(t: Caller, fields: Partial<Input<'persons.create'>> = {}): Person {
  return t.call('persons.create', { name: '张三', ...fields });
}

/**
 * A registered dispute between the people given (the first the applicant, the others respondents),
 * registered 2024-05-06 (with the default one-month deadline, 2024-06-06: overdue on the tests' 2024-06-15).
 */
export function dispute(t: Caller, parties: readonly Person[], fields: Partial<Input<'disputes.create'>> = {}): Dispute {
  return t.call('disputes.create', {
    intakeDate: '2024-05-06',
    source: 'visit',
    category: '02',
    summary: '宅基地界墙纠纷',
    parties: parties.map((p, i) => ({ personId: p.id, role: i === 0 ? 'applicant' : 'respondent' })),
    ...fields,
  });
}

/**
 * The dispute taken into people's mediation (受理) on 2024-05-07 by the township committee, on the
 * parties' application (the source a dispute that came in by 来访 is given).
 */
export function caseFromDispute(t: Caller, d: Dispute, fields: Partial<Input<'mediation.openFromDispute'>> = {}): MediationCase {
  return t.call('mediation.openFromDispute', {
    disputeId: d.id,
    acceptedDate: '2024-05-07',
    origin: 'application',
    mediatingBody: 'township',
    mediatorIds: [firstStaffId(t)],
    ...fields,
  });
}

/**
 * A written agreement signed by the case's parties (effective 2024-05-21), with one payment of 2000
 * yuan due 2024-05-31 and not yet made.
 */
export function writtenAgreement(t: Caller, c: MediationCase, fields: Partial<Input<'mediation.saveAgreement'>> = {}): MediationCase {
  return t.call('mediation.saveAgreement', {
    caseId: c.id,
    form: 'written',
    facts: '界墙倒塌砸坏菜地',
    matters: '赔偿数额',
    responsibility: '张三负主要责任',
    content: '张三赔偿李四损失2000元',
    performanceMethod: '现金',
    performanceDeadline: '2024-05-31',
    partySignatures: c.parties.map((p) => ({ personId: p.personId, date: '2024-05-21' })),
    mediatorSignedDate: '2024-05-20',
    sealDate: '2024-05-21',
    items: [{ description: '张三赔偿李四2000元', deadline: '2024-05-31', state: 'unperformed' }],
    ...fields,
  });
}

/** A special-group file (邪教人员, yellow, opened 2024-05-01) looked after by the first staff member. */
export function followupFile(t: Caller, p: Person, fields: Partial<Input<'followup.create'>> = {}): FollowupSubject {
  return t.call('followup.create', {
    personId: p.id,
    group: 'cult',
    level: 'yellow',
    responsibleStaffId: firstStaffId(t),
    startDate: '2024-05-01',
    facts: { transformStatus: '转化中' },
    ...fields,
  });
}

/**
 * A community-detox file (红, opened 2024-05-01) whose decision was received on 2024-05-01 and who never
 * reported: on 06-15 it owes two things at once, the 15-day report and the report to the police of it.
 */
export function unreportedDrugFile(t: Caller, p: Person, fields: Partial<Input<'followup.create'>> = {}): FollowupSubject {
  return followupFile(t, p, { group: 'drug', level: 'red', facts: { drugType: 'detox', decisionDate: '2024-05-01' }, ...fields });
}

/**
 * A severe-mental-disorder file (level 3, opened 2024-06-01, guardian in the team): its first
 * 随访 falls two weeks after opening.
 */
export function mentalHealthFile(t: Caller, p: Person, fields: Partial<Input<'followup.create'>> = {}): FollowupSubject {
  return followupFile(t, p, {
    group: 'mental_health',
    level: '3',
    startDate: '2024-06-01',
    team: [{ role: '监护人', name: '赵母', phone: '13800138000' }],
    facts: { diagnosis: '精神分裂症', guardianName: '赵母', guardianRelation: '母子', guardianPhone: '13800138000' },
    ...fields,
  });
}

/**
 * A 缓刑 subject's correction file: judgment effective 2024-06-10 (reporting window to 2024-06-20, open on
 * the tests' 2024-06-15), term 2024-06-10 to 2025-06-09, 普管, the first staff member responsible.
 */
export function correctionFile(t: Caller, p: Person, fields: Partial<Input<'correction.create'>> = {}): CorrectionFileView {
  return t.call('correction.create', {
    personId: p.id,
    category: 'probation',
    crime: '盗窃罪',
    penaltyType: '有期徒刑',
    penaltyTerm: '一年',
    decisionOrgan: '某县人民法院',
    documentType: '判决书',
    documentNumber: '（2024）某0101刑初12号',
    effectiveDate: '2024-06-10',
    termStart: '2024-06-10',
    termEnd: '2025-06-09',
    responsibleStaffId: firstStaffId(t),
    ...fields,
  });
}

/**
 * A person released on 2024-06-01 (刑满释放, the tests' today is 2024-06-15): not yet 衔接, so its 衔接 item is
 * overdue; an ordinary (一般) file, the first staff member responsible.
 */
export function assistanceFile(t: Caller, p: Person, fields: Partial<Input<'assistance.create'>> = {}): AssistanceFileView {
  return t.call('assistance.create', {
    personId: p.id,
    crime: '盗窃罪',
    sentence: '有期徒刑三年',
    prison: '某省某监狱',
    releaseType: 'expiry',
    releaseDate: '2024-06-01',
    responsibleStaffId: firstStaffId(t),
    ...fields,
  });
}
