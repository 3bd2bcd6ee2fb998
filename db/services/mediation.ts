/**
 * 人民调解案件: the case file from acceptance to return visit — parties and mediators, investigation
 * and mediation records, the outcome, the agreement with its performance items and judicial
 * confirmation, and return visits. A case opened from a registered dispute keeps it in step.
 */
import type { z } from 'zod';
import { addDays } from '../../shared/dates';
import type { DisputeStatus } from '../../shared/domain/disputes';
import type { DeadlineRule, DueItem } from '../../shared/domain/obligations';
import {
  MAX_AGENTS_PER_PARTY,
  agreementEffectiveDate,
  agreementPerformance,
  CASE_OPEN_LABEL,
  CASE_OUTCOME_LABELS,
  caseDeadlines,
  committeeAbbreviation,
  committeeCounterKey,
  confirmationWindow,
  ENTRUSTED_ORIGINS,
  ESCALATION_VISIT_RULE,
  escalationVisitDate,
  HANDLING_RULE,
  LABOUR_CATEGORY,
  LABOUR_RULE,
  LAND_WRITTEN_TEXT,
  landContractAllowed,
  lateConfirmation,
  nonJointConfirmation,
  proposedReturnVisits,
  VISIT_FINDING_PERFORMANCE,
  type AgreementPerformance,
  type CaseOrigin,
  type CaseOutcome,
  type ConfirmationResult,
  type CourtBasis,
  type GuidanceRoute,
  type MediatingBody,
  type PerformanceState,
  type TerminationReason,
  type VisitPurpose,
} from '../../shared/domain/mediation';
import { extensionError } from '../../shared/domain/obligations';
import { maskIdNumber } from '../../shared/domain/id-number';
import { PARTY_ROLE_LABELS, type PartyRole } from '../../shared/dictionaries';
import { LedgerError } from '../../shared/errors';
import type { Paged } from '../../shared/schemas/common';
import {
  type AgentInput,
  type Agreement,
  type AgreementForm,
  type AgreementInput,
  type AgreementPerformanceInput,
  type ArbitrationNoticeInput,
  type CaseExtension,
  type CloseInput,
  type ConfirmationInput,
  type EscalationReport,
  type EscalationReportInput,
  type ExtensionInput,
  JOINT_REQUIRED,
  LAND_CONTRACT_CATEGORY_ONLY,
  type MediationCase,
  type MediationCreateInput,
  type MediationFromDisputeInput,
  MediationListInput,
  type MediationParty,
  type MediationRecord,
  type MediationRow,
  type MediationUpdateInput,
  type PerformanceInput,
  type RecordInput,
  type ReturnVisit,
  type VisitInput,
} from '../../shared/schemas/mediation';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import type { AttachmentOwnerLookup } from './attachments';
import { audit } from './audit';
import {
  deadlineItems,
  dueSoonCondition,
  dueSoonParams,
  holidayTable,
  overdueCondition,
  replaceObligations,
  type DueSource,
  type OwnerMeta,
} from './obligations';
import { keepCaseNumber, takeCaseNumber } from './case-numbers';
import { changeDisputeStatus, getDispute } from './disputes';
import { requirePerson, type PersonFiles } from './persons';
import type { RecycleSource } from './recycle';
import { getSettings, requireDictCode, staffNamer, type StaffNamer } from './reference';
import { all, containsPattern, one, run, toFen, toYuan, Where, write } from './sql';

// ── what the person registry asks of mediation ────────────────────────────────────────────────

/** The person page's list of a person's cases, as a party (registered in db/modules.ts). */
export const mediationPersonFiles: PersonFiles = (ctx, personId) =>
  all<{ id: string; caseNo: string; role: PartyRole; acceptedDate: string; outcome: CaseOutcome | null }>(
    ctx,
    `SELECT m.id, m.case_no AS caseNo, mp.role, m.accepted_date AS acceptedDate, m.outcome
     FROM mediation_party mp JOIN mediation_case m ON m.id = mp.case_id
     WHERE mp.person_id = ? AND m.deleted_at IS NULL ORDER BY m.accepted_date DESC`,
    personId,
  ).map((c) => ({
    module: 'mediation',
    id: c.id,
    title: c.caseNo,
    role: PARTY_ROLE_LABELS[c.role] ?? c.role,
    date: c.acceptedDate,
    status: c.outcome ? CASE_OUTCOME_LABELS[c.outcome] : CASE_OPEN_LABEL,
  }));

// ── deadlines in the to-do table ───────────────────────────────────────────────────────────────

/**
 * A mediation case's items through the engine: its own 调解期限 and a labour dispute's 15-day point,
 * planned return visits, agreed performance deadlines and the 30-day window to apply for judicial
 * confirmation (deadlines moved past rest days, as periods ending on a holiday are); null for a
 * deleted case. The case page and the ledger judge 逾期履行 from these, the dashboard from the rows
 * they leave in the to-do table. The office's 延期/免除 of them apply (the 调解期限 is extended only
 * with the parties' consent, recorded on the case).
 */
export function mediationDueItems(ctx: ServiceContext, id: string, asOf = ctx.clock.today()): { items: DueItem[]; meta: OwnerMeta } | null {
  const c = one<{
    accepted_date: string;
    category: string;
    closed_date: string | null;
    arbitration_told_date: string | null;
    deleted_at: string | null;
    parties_text: string;
    staff_id: string | null;
  }>(
    ctx,
    `SELECT accepted_date, category, closed_date, arbitration_told_date, deleted_at, parties_text,
       (SELECT staff_id FROM mediation_mediator WHERE case_id = m.id ORDER BY ord LIMIT 1) AS staff_id
     FROM mediation_case m WHERE id = ?`,
    id,
  );
  if (!c || c.deleted_at) return null;
  // The case's own deadlines (REVIEW rows 7, 8): its 调解期限, with the extensions the parties agreed
  // to, and a labour dispute's 15-day point.
  const own = caseDeadlines({
    acceptedDate: c.accepted_date,
    category: c.category,
    closedDate: c.closed_date,
    agreementEffectiveDate:
      one<{ d: string | null }>(ctx, 'SELECT effective_date AS d FROM agreement WHERE case_id = ? AND deleted_at IS NULL', id)?.d ?? null,
    arbitrationToldDate: c.arbitration_told_date,
    extensions: loadExtensions(ctx, id),
  });
  const rules: DeadlineRule[] = [...own.rules];
  for (const v of all<{ id: string; planned_date: string; purpose: VisitPurpose }>(
    ctx,
    'SELECT id, planned_date, purpose FROM return_visit WHERE case_id = ? AND deleted_at IS NULL AND visit_date IS NULL AND planned_date IS NOT NULL',
    id,
  )) {
    rules.push({
      kind: 'deadline',
      id: `visit.${v.id}`,
      // After 调解不成 or 终止调解: whether the dispute is escalating (REVIEW row 19).
      ...(v.purpose === 'escalation'
        ? ESCALATION_VISIT_RULE
        : { label: '调解回访', source: '调解协议生效后、最后一项履行期限届满后，各按本单位设定的间隔回访' }),
      date: v.planned_date,
    });
  }
  const items = all<{ id: string; description: string; deadline: string }>(
    ctx,
    `SELECT i.id, i.description, i.deadline FROM performance_item i JOIN agreement a ON a.id = i.agreement_id
     WHERE a.case_id = ? AND a.deleted_at IS NULL AND i.deadline IS NOT NULL AND i.state IN ('unperformed', 'partial')`,
    id,
  );
  for (const i of items) {
    rules.push({
      kind: 'deadline',
      id: `perform.${i.id}`,
      label: `协议履行：${i.description.slice(0, 30)}`,
      date: i.deadline,
      source: '调解协议约定的履行期限；期限最后一日为法定休假日的，顺延至其后第一个工作日',
      rollForward: true,
    });
  }
  const a = one<{ effective_date: string | null; confirmation_intent: number | null; confirmation_applied_date: string | null }>(
    ctx,
    'SELECT effective_date, confirmation_intent, confirmation_applied_date FROM agreement WHERE case_id = ? AND deleted_at IS NULL',
    id,
  );
  if (a?.effective_date && a.confirmation_intent === 1 && !a.confirmation_applied_date) {
    rules.push({
      kind: 'deadline',
      id: 'confirmation',
      label: '申请司法确认',
      date: addDays(a.effective_date, 30),
      source: '人民调解法第三十三条：自调解协议生效之日起三十日内共同申请',
      rollForward: true,
    });
  }
  return {
    items: deadlineItems(ctx, 'mediation', id, c.accepted_date, rules, asOf, own),
    meta: { personName: c.parties_text, responsibleStaffId: c.staff_id, villageId: null, link: `/mediation/${id}` },
  };
}

/** A case's recorded extensions of its 调解期限, in the order they were recorded. */
function loadExtensions(ctx: ServiceContext, caseId: string): CaseExtension[] {
  return all<Omit<CaseExtension, 'consent'> & { consent: number }>(
    ctx,
    `SELECT id, date, previous_date AS previousDate, new_date AS newDate, reason, consent, created_at AS createdAt
     FROM mediation_extension WHERE case_id = ? AND deleted_at IS NULL ORDER BY created_at, id`,
    caseId,
  ).map((x) => ({ ...x, consent: true as const }));
}

export function syncMediation(ctx: ServiceContext, id: string): boolean {
  const due = mediationDueItems(ctx, id);
  return replaceObligations(ctx, 'mediation', id, due?.items ?? null, due?.meta ?? null);
}

/**
 * The 调解期限, a labour dispute's 15-day point, return visits, performance deadlines and the
 * confirmation window of live cases (registered in db/modules.ts).
 */
export const mediationDueSource: DueSource<'mediation'> = {
  module: 'mediation',
  liveIds: 'SELECT id FROM mediation_case WHERE deleted_at IS NULL',
  sync: syncMediation,
  items: (ctx, id, asOf) => mediationDueItems(ctx, id, asOf)?.items ?? [],
  requireEditable(ctx, id) {
    requireOpenCase(ctx, id, true);
  },
  checkAction(item, kind) {
    // The parties' consent is part of extending a mediation (REVIEW row 8): the case page records it.
    if (kind === 'extend' && item.ruleId === HANDLING_RULE.id) {
      throw new LedgerError('VALIDATION', '延长调解期限须经双方当事人同意，请在案件页“延长调解期限”中登记。', {
        fields: { newDate: '请在案件页延长调解期限' },
      });
    }
  },
};

// ── reading ───────────────────────────────────────────────────────────────────────────────────

interface CaseDbRow {
  id: string;
  case_no: string;
  dispute_id: string | null;
  dispute_case_no: string | null;
  origin: CaseOrigin;
  sender_unit: string | null;
  mediating_body: MediatingBody;
  committee_name: string;
  accepted_date: string;
  category: string;
  land_contract: number;
  summary: string;
  amount_fen: number | null;
  outcome: CaseOutcome | null;
  outcome_reason: string | null;
  termination_reason: TerminationReason | null;
  guidance: string | null;
  closed_date: string | null;
  arbitration_told_date: string | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

interface AgreementDbRow {
  id: string;
  form: AgreementForm;
  facts: string | null;
  matters: string | null;
  responsibility: string | null;
  content: string;
  performance_method: string | null;
  performance_deadline: string | null;
  performance_place: string | null;
  party_signatures: string;
  mediator_signed_date: string | null;
  seal_date: string | null;
  effective_date: string | null;
  amount_fen: number | null;
  performance: AgreementPerformance;
  performed_date: string | null;
  confirmation_intent: number | null;
  confirmation_applied_date: string | null;
  confirmation_joint: number | null;
  confirmation_court_basis: CourtBasis | null;
  confirmation_court: string | null;
  confirmation_accepted_date: string | null;
  confirmation_ruling_no: string | null;
  confirmation_result: ConfirmationResult | null;
  confirmation_result_date: string | null;
}

function loadAgreement(ctx: ServiceContext, caseId: string): Agreement | null {
  const a = one<AgreementDbRow>(ctx, 'SELECT * FROM agreement WHERE case_id = ? AND deleted_at IS NULL', caseId);
  if (!a) return null;
  // 逾期履行 as the engine judges it (the deadline moved past rest days).
  const overdue = new Set((mediationDueItems(ctx, caseId)?.items ?? []).filter((d) => d.state === 'overdue').map((d) => d.ruleId));
  const items = all<{
    id: string;
    description: string;
    deadline: string | null;
    state: PerformanceState;
    performedDate: string | null;
    note: string | null;
  }>(
    ctx,
    'SELECT id, description, deadline, state, performed_date AS performedDate, note FROM performance_item WHERE agreement_id = ? ORDER BY ord',
    a.id,
  ).map((i) => ({ ...i, overdue: overdue.has(`perform.${i.id}`) }));
  const signatures = JSON.parse(a.party_signatures) as Record<string, string | null>;
  const window = a.effective_date ? confirmationWindow(a.effective_date, ctx.clock.today(), holidayTable(ctx)) : null;
  const joint = a.confirmation_joint === null ? null : a.confirmation_joint === 1;
  return {
    id: a.id,
    form: a.form,
    facts: a.facts,
    matters: a.matters,
    responsibility: a.responsibility,
    content: a.content,
    performanceMethod: a.performance_method,
    performanceDeadline: a.performance_deadline,
    performancePlace: a.performance_place,
    partySignatures: Object.entries(signatures).map(([personId, date]) => ({ personId, date })),
    mediatorSignedDate: a.mediator_signed_date,
    sealDate: a.seal_date,
    effectiveDate: a.effective_date,
    items,
    agreedAmountYuan: toYuan(a.amount_fen),
    performance: a.performance,
    performedDate: a.performed_date,
    performanceDerived: items.length > 0,
    confirmation: {
      intent: a.confirmation_intent === null ? null : a.confirmation_intent === 1,
      appliedDate: a.confirmation_applied_date,
      joint,
      courtBasis: a.confirmation_court_basis,
      court: a.confirmation_court,
      acceptedDate: a.confirmation_accepted_date,
      rulingNo: a.confirmation_ruling_no,
      result: a.confirmation_result,
      resultDate: a.confirmation_result_date,
      window,
      late: lateConfirmation(a.confirmation_applied_date, window),
      nonJoint: nonJointConfirmation(a.confirmation_applied_date, joint),
    },
  };
}

function loadCase(ctx: ServiceContext, id: string): MediationCase | undefined {
  const c = one<CaseDbRow>(
    ctx,
    `SELECT m.*, d.case_no AS dispute_case_no FROM mediation_case m LEFT JOIN dispute d ON d.id = m.dispute_id WHERE m.id = ?`,
    id,
  );
  if (!c) return undefined;
  const today = ctx.clock.today();
  const agents = all<MediationParty['agents'][number] & { personId: string }>(
    ctx,
    'SELECT id, person_id AS personId, name, authority, phone FROM mediation_agent WHERE case_id = ? AND deleted_at IS NULL ORDER BY id',
    id,
  );
  const parties = all<Omit<MediationParty, 'agents'>>(
    ctx,
    `SELECT mp.person_id AS personId, mp.role, p.name, p.sex, p.id_number AS idNumber, p.phone,
       coalesce(p.residence_address, p.household_address) AS address, p.birth_date AS birthDate, p.ethnicity,
       p.kind, p.occupation, p.work_unit AS workUnit, p.credit_code AS creditCode, p.legal_rep AS legalRep
     FROM mediation_party mp JOIN person p ON p.id = mp.person_id WHERE mp.case_id = ? ORDER BY mp.ord`,
    id,
  ).map((p) => ({ ...p, agents: agents.filter((a) => a.personId === p.personId).map(({ personId: _p, ...a }) => a) }));
  const mediators = all<{ staffId: string; name: string }>(
    ctx,
    'SELECT mm.staff_id AS staffId, s.name FROM mediation_mediator mm JOIN staff s ON s.id = mm.staff_id WHERE mm.case_id = ? ORDER BY mm.ord',
    id,
  );
  const records = all<MediationRecord>(
    ctx,
    `SELECT id, kind, date, place, participants, content, next_step AS nextStep
     FROM mediation_record WHERE case_id = ? AND deleted_at IS NULL ORDER BY date, id`,
    id,
  );
  const visits = all<Omit<ReturnVisit, 'due'>>(
    ctx,
    `SELECT v.id, v.purpose, v.planned_date AS plannedDate, v.visit_date AS visitDate, v.visitor_staff_id AS visitorStaffId, s.name AS visitorName,
       v.method, v.performance_found AS performanceFound, v.satisfaction, v.notes
     FROM return_visit v LEFT JOIN staff s ON s.id = v.visitor_staff_id WHERE v.case_id = ? AND v.deleted_at IS NULL
     ORDER BY coalesce(v.visit_date, v.planned_date), v.id`,
    id,
  ).map((v) => ({ ...v, due: !v.visitDate && v.plannedDate !== null && v.plannedDate <= today }));
  const reports = all<EscalationReport>(
    ctx,
    `SELECT id, date, unit_kind AS unitKind, unit, receiver, content, measures
     FROM mediation_report WHERE case_id = ? AND deleted_at IS NULL ORDER BY date, id`,
    id,
  );
  const own = mediationDueItems(ctx, id)?.items ?? [];
  return {
    id: c.id,
    caseNo: c.case_no,
    disputeId: c.dispute_id,
    disputeCaseNo: c.dispute_case_no,
    origin: c.origin,
    senderUnit: c.sender_unit,
    mediatingBody: c.mediating_body,
    committeeName: c.committee_name,
    acceptedDate: c.accepted_date,
    category: c.category,
    landContract: c.land_contract === 1,
    summary: c.summary,
    amountYuan: toYuan(c.amount_fen),
    outcome: c.outcome,
    outcomeReason: c.outcome_reason,
    terminationReason: c.termination_reason,
    guidance: c.guidance ? (JSON.parse(c.guidance) as GuidanceRoute[]) : [],
    closedDate: c.closed_date,
    handling: own.find((i) => i.ruleId === HANDLING_RULE.id) ?? null,
    extensions: loadExtensions(ctx, id),
    labourNotice: own.find((i) => i.ruleId === LABOUR_RULE.id) ?? null,
    arbitrationToldDate: c.arbitration_told_date,
    parties,
    mediators,
    records,
    agreement: loadAgreement(ctx, id),
    visits,
    reports,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    deletedAt: c.deleted_at,
  };
}

export function getCase(ctx: ServiceContext, id: string): MediationCase {
  const c = loadCase(ctx, id);
  if (!c) throw new LedgerError('NOT_FOUND', '该调解案件不存在。');
  return c;
}

function requireOpenCase(ctx: ServiceContext, id: string, allowClosed = false): MediationCase {
  const c = loadCase(ctx, id);
  if (!c || c.deletedAt) throw new LedgerError('NOT_FOUND', '该调解案件不存在或已删除。');
  if (!allowClosed && c.outcome) throw new LedgerError('INVALID_TRANSITION', '案件已结案，不能再修改此项。');
  return c;
}

/** The audit snapshot: the case without its parts and without what the engine derives from it today. */
function snapshot(c: MediationCase) {
  const { records: _r, visits: _v, reports: _p, agreement: _a, handling: _h, labourNotice: _l, extensions: _e, ...rest } = c;
  return rest;
}

// ── opening and editing ───────────────────────────────────────────────────────────────────────

function checkMediators(ctx: ServiceContext, ids: string[]): void {
  for (const id of ids) {
    if (!one(ctx, 'SELECT 1 FROM staff WHERE id = ? AND deleted_at IS NULL', id)) {
      throw new LedgerError('VALIDATION', '所选调解员不存在', { fields: { mediatorIds: '所选调解员不存在' } });
    }
  }
}

function notAfterToday(ctx: ServiceContext, date: string, field: string, label: string): void {
  if (date > ctx.clock.today())
    throw new LedgerError('VALIDATION', `${label}不能晚于今天`, { fields: { [field]: `${label}不能晚于今天` } });
}

/** A day of something done on the case: not after today, not before the case was accepted. */
function onCaseDay(ctx: ServiceContext, c: { acceptedDate: string }, date: string, field: string, label: string): void {
  notAfterToday(ctx, date, field, label);
  if (date < c.acceptedDate) throw new LedgerError('VALIDATION', `${label}不能早于受理日期`, { fields: { [field]: '不能早于受理日期' } });
}

function writeMembers(ctx: ServiceContext, caseId: string, parties: { personId: string; role: PartyRole }[], mediatorIds: string[]): void {
  run(ctx, 'DELETE FROM mediation_party WHERE case_id = ?', caseId);
  run(ctx, 'DELETE FROM mediation_mediator WHERE case_id = ?', caseId);
  const names = parties.map((p, i) => {
    const person = requirePerson(ctx, p.personId);
    run(
      ctx,
      'INSERT INTO mediation_party (id, case_id, person_id, role, ord) VALUES (?, ?, ?, ?, ?)',
      newId(),
      caseId,
      p.personId,
      p.role,
      i,
    );
    return person.name;
  });
  checkMediators(ctx, mediatorIds);
  for (const [i, s] of mediatorIds.entries()) {
    run(ctx, 'INSERT INTO mediation_mediator (id, case_id, staff_id, ord) VALUES (?, ?, ?, ?)', newId(), caseId, s, i);
  }
  const mediatorNames = mediatorIds.map((s) => one<{ name: string }>(ctx, 'SELECT name FROM staff WHERE id = ?', s)!.name);
  run(
    ctx,
    'UPDATE mediation_case SET parties_text = ?, mediators_text = ? WHERE id = ?',
    names.join('、'),
    mediatorNames.join('、'),
    caseId,
  );
}

interface NewCase {
  disputeId: string | null;
  origin: CaseOrigin;
  senderUnit: string | null;
  mediatingBody: MediatingBody;
  committeeName: string | null;
  acceptedDate: string;
  category: string;
  landContract: boolean;
  summary: string;
  amountYuan: number | null;
  parties: { personId: string; role: PartyRole }[];
  mediatorIds: string[];
  /** The 卷宗号 an old ledger gave it (导入旧台账), kept instead of a new one. */
  keptCaseNo?: string | null;
}

function checkLandContract(landContract: boolean, category: string): void {
  if (landContract && !landContractAllowed(category)) {
    throw new LedgerError('VALIDATION', LAND_CONTRACT_CATEGORY_ONLY, { fields: { landContract: LAND_CONTRACT_CATEGORY_ONLY } });
  }
}

function insertCase(ctx: ServiceContext, c: NewCase): string {
  requireDictCode(ctx, 'dispute_category', c.category, 'category', '纠纷类型');
  checkLandContract(c.landContract, c.category);
  const id = newId();
  const now = ctx.clock.now();
  const settings = getSettings(ctx);
  const committee = c.committeeName ?? settings.committeeName;
  // Each committee numbers its own files (REVIEW row 18): a village committee's case is not the township's.
  const scope = { counter: committeeCounterKey(committee, settings), abbreviation: committeeAbbreviation(committee, settings) };
  const { year, seq, caseNo } = c.keptCaseNo
    ? keepCaseNumber(ctx, 'mediation', c.keptCaseNo, c.acceptedDate, '卷宗号', scope)
    : takeCaseNumber(ctx, 'mediation', c.acceptedDate, scope);
  run(
    ctx,
    `INSERT INTO mediation_case (id, case_no, case_year, case_seq, dispute_id, origin, sender_unit, mediating_body, committee_name,
       accepted_date, category, land_contract, summary, amount_fen, parties_text, mediators_text, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', ?, ?)`,
    id,
    caseNo,
    year,
    seq,
    c.disputeId,
    c.origin,
    c.senderUnit,
    c.mediatingBody,
    committee,
    c.acceptedDate,
    c.category,
    c.landContract ? 1 : 0,
    c.summary,
    toFen(c.amountYuan),
    now,
    now,
  );
  writeMembers(ctx, id, c.parties, c.mediatorIds);
  // Its 调解期限 (and a labour dispute's 15-day point) is owed from acceptance (REVIEW rows 7, 8).
  syncMediation(ctx, id);
  return id;
}

/** Moves a dispute one step, when the workflow allows it, as part of the caller's transaction. */
function moveDispute(ctx: ServiceContext, disputeId: string, to: DisputeStatus, date: string, note: string): void {
  changeDisputeStatus(ctx, { id: disputeId, to, date, note, transferUnit: null });
}

/** The live case a dispute was handed over to, if any. */
export function caseOfDispute(ctx: ServiceContext, disputeId: string): { id: string; caseNo: string } | null {
  return (
    one<{ id: string; caseNo: string }>(
      ctx,
      'SELECT id, case_no AS caseNo FROM mediation_case WHERE dispute_id = ? AND deleted_at IS NULL',
      disputeId,
    ) ?? null
  );
}

/** 受理: the registered dispute moves into mediation and the two stay linked. */
export function openFromDispute(ctx: ServiceContext, input: z.output<typeof MediationFromDisputeInput>): MediationCase {
  return write(ctx, () => {
    const d = getDispute(ctx, input.disputeId);
    if (d.deletedAt) throw new LedgerError('NOT_FOUND', '该纠纷登记已删除。');
    if (one(ctx, 'SELECT 1 FROM mediation_case WHERE dispute_id = ? AND deleted_at IS NULL', d.id)) {
      throw new LedgerError('CONFLICT', '该纠纷已转入人民调解，不能重复受理。');
    }
    if (!['registered', 'accepted', 'mediating'].includes(d.status)) {
      throw new LedgerError('INVALID_TRANSITION', '只有登记、受理或调处中的纠纷才能转入人民调解。');
    }
    if (input.acceptedDate < (d.history.at(-1)?.date ?? d.intakeDate)) {
      throw new LedgerError('VALIDATION', '受理日期不能早于纠纷的上一步办理日期', {
        fields: { acceptedDate: '不能早于纠纷的上一步办理日期' },
      });
    }
    const id = insertCase(ctx, {
      disputeId: d.id,
      // The case's real source, asked at acceptance; the register is the link (REVIEW row 9).
      origin: input.origin,
      senderUnit: ENTRUSTED_ORIGINS.includes(input.origin) ? input.senderUnit : null,
      mediatingBody: input.mediatingBody,
      committeeName: input.committeeName,
      acceptedDate: input.acceptedDate,
      category: d.category,
      landContract: input.landContract,
      summary: d.summary,
      amountYuan: d.amountYuan,
      parties: d.parties.map((p) => ({ personId: p.personId, role: p.role })),
      mediatorIds: input.mediatorIds,
    });
    const created = loadCase(ctx, id)!;
    if (d.status === 'registered') moveDispute(ctx, d.id, 'accepted', input.acceptedDate, `转入人民调解，卷宗号 ${created.caseNo}`);
    if (d.status !== 'mediating') moveDispute(ctx, d.id, 'mediating', input.acceptedDate, `人民调解受理，卷宗号 ${created.caseNo}`);
    audit(ctx, { action: 'create', entity: 'mediation', entityId: id, after: snapshot(created) });
    return created;
  });
}

/** `keptCaseNo`: an old ledger's 卷宗号, kept (导入旧台账); a new one is taken otherwise. */
export function createCase(
  ctx: ServiceContext,
  input: z.output<typeof MediationCreateInput>,
  keptCaseNo: string | null = null,
): MediationCase {
  return write(ctx, () => {
    const id = insertCase(ctx, {
      ...input,
      keptCaseNo,
      senderUnit: ENTRUSTED_ORIGINS.includes(input.origin) ? input.senderUnit : null,
      disputeId: null,
    });
    const created = loadCase(ctx, id)!;
    audit(ctx, { action: 'create', entity: 'mediation', entityId: id, after: snapshot(created) });
    return created;
  });
}

export function updateCase(ctx: ServiceContext, input: z.output<typeof MediationUpdateInput>): MediationCase {
  return write(ctx, () => {
    const before = requireOpenCase(ctx, input.id, true);
    requireDictCode(ctx, 'dispute_category', input.category, 'category', '纠纷类型');
    checkLandContract(input.landContract, input.category);
    if (input.landContract && before.agreement?.form === 'oral') {
      throw new LedgerError('VALIDATION', `本案已登记口头协议。${LAND_WRITTEN_TEXT}请先将协议改为书面协议。`, {
        fields: { landContract: '已登记口头协议，请先改为书面协议' },
      });
    }
    // The source may be corrected (a case carried across from the register got a proposed one, REVIEW row 9).
    run(
      ctx,
      `UPDATE mediation_case SET accepted_date = ?, origin = ?, mediating_body = ?, committee_name = ?, sender_unit = ?, category = ?,
         land_contract = ?, summary = ?, amount_fen = ?, updated_at = ? WHERE id = ?`,
      input.acceptedDate,
      input.origin,
      input.mediatingBody,
      input.committeeName ?? before.committeeName,
      ENTRUSTED_ORIGINS.includes(input.origin) ? input.senderUnit : null,
      input.category,
      input.landContract ? 1 : 0,
      input.summary,
      toFen(input.amountYuan),
      ctx.clock.now(),
      input.id,
    );
    writeMembers(ctx, input.id, input.parties, input.mediatorIds);
    // The first mediator answers for the case's due items, listed under the parties' names.
    syncMediation(ctx, input.id);
    const after = loadCase(ctx, input.id)!;
    audit(ctx, { action: 'update', entity: 'mediation', entityId: input.id, before: snapshot(before), after: snapshot(after) });
    return after;
  });
}

// ── records ───────────────────────────────────────────────────────────────────────────────────

export function saveRecord(ctx: ServiceContext, input: z.output<typeof RecordInput>): MediationCase {
  return write(ctx, () => {
    const c = requireOpenCase(ctx, input.caseId, true);
    if (input.date < c.acceptedDate)
      throw new LedgerError('VALIDATION', '记录日期不能早于受理日期', { fields: { date: '不能早于受理日期' } });
    const now = ctx.clock.now();
    const fields = {
      kind: input.kind,
      date: input.date,
      place: input.place,
      participants: input.participants,
      content: input.content,
      nextStep: input.nextStep,
    };
    if (input.id) {
      const before = one<Record<string, unknown>>(
        ctx,
        'SELECT kind, date, place, participants, content, next_step AS nextStep FROM mediation_record WHERE id = ? AND case_id = ? AND deleted_at IS NULL',
        input.id,
        input.caseId,
      );
      if (!before) throw new LedgerError('NOT_FOUND', '该记录不存在。');
      run(
        ctx,
        'UPDATE mediation_record SET kind = ?, date = ?, place = ?, participants = ?, content = ?, next_step = ?, updated_at = ? WHERE id = ?',
        input.kind,
        input.date,
        input.place,
        input.participants,
        input.content,
        input.nextStep,
        now,
        input.id,
      );
      audit(ctx, { action: 'update', entity: 'mediation', entityId: input.caseId, before: { record: before }, after: { record: fields } });
    } else {
      const id = newId();
      run(
        ctx,
        'INSERT INTO mediation_record (id, case_id, kind, date, place, participants, content, next_step, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
        id,
        input.caseId,
        input.kind,
        input.date,
        input.place,
        input.participants,
        input.content,
        input.nextStep,
        now,
        now,
      );
      audit(ctx, { action: 'create', entity: 'mediation', entityId: input.caseId, after: { record: fields } });
    }
    run(ctx, 'UPDATE mediation_case SET updated_at = ? WHERE id = ?', now, input.caseId);
    return loadCase(ctx, input.caseId)!;
  });
}

export function deleteRecord(ctx: ServiceContext, id: string): MediationCase {
  return write(ctx, () => {
    const r = one<{ case_id: string; kind: string; date: string }>(
      ctx,
      'SELECT case_id, kind, date FROM mediation_record WHERE id = ? AND deleted_at IS NULL',
      id,
    );
    if (!r) throw new LedgerError('NOT_FOUND', '该记录不存在。');
    requireOpenCase(ctx, r.case_id, true);
    const now = ctx.clock.now();
    run(ctx, 'UPDATE mediation_record SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    audit(ctx, { action: 'delete', entity: 'mediation', entityId: r.case_id, before: { record: r } });
    return loadCase(ctx, r.case_id)!;
  });
}

// ── agreement, performance, confirmation ─────────────────────────────────────────────────────

export function saveAgreement(ctx: ServiceContext, input: z.output<typeof AgreementInput>): MediationCase {
  return write(ctx, () => {
    const c = requireOpenCase(ctx, input.caseId, true);
    if (c.outcome && c.outcome !== 'success') throw new LedgerError('INVALID_TRANSITION', '调解不成或终止的案件不能登记协议。');
    // 农村土地承包经营纠纷调解仲裁法 art. 10: a land-contract dispute is settled by a written agreement (REVIEW row 17).
    if (c.landContract && input.form === 'oral') {
      throw new LedgerError('VALIDATION', LAND_WRITTEN_TEXT, { fields: { form: '土地承包经营纠纷应当制作书面调解协议书' } });
    }
    const partyIds = new Set(c.parties.map((p) => p.personId));
    const signatures: Record<string, string | null> = {};
    for (const p of c.parties) signatures[p.personId] = null;
    for (const s of input.partySignatures) {
      if (!partyIds.has(s.personId))
        throw new LedgerError('VALIDATION', '签名人不是本案当事人', { fields: { partySignatures: '签名人不是本案当事人' } });
      signatures[s.personId] = s.date;
    }
    const dates = [
      ...Object.values(signatures),
      input.mediatorSignedDate,
      input.sealDate,
      input.oralDate,
      ...(input.items.length === 0 ? [input.performedDate] : input.items.map((i) => i.performedDate)),
    ].filter((d): d is string => !!d);
    for (const d of dates) {
      if (d < c.acceptedDate)
        throw new LedgerError('VALIDATION', '签署日期不能早于受理日期', { fields: { partySignatures: '签署日期不能早于受理日期' } });
    }
    const effective =
      input.form === 'oral'
        ? input.oralDate
        : agreementEffectiveDate({ parties: Object.values(signatures), mediator: input.mediatorSignedDate, seal: input.sealDate });
    const existing = one<{ id: string }>(ctx, 'SELECT id FROM agreement WHERE case_id = ? AND deleted_at IS NULL', input.caseId);
    const before = loadAgreement(ctx, input.caseId);
    const now = ctx.clock.now();
    const id = existing?.id ?? newId();
    const values = [
      input.form,
      input.facts,
      input.matters,
      input.responsibility,
      input.content,
      input.performanceMethod,
      input.performanceDeadline,
      input.performancePlace,
      JSON.stringify(signatures),
      input.form === 'written' ? input.mediatorSignedDate : null,
      input.form === 'written' ? input.sealDate : null,
      effective,
      toFen(input.agreedAmountYuan),
    ];
    if (existing) {
      run(
        ctx,
        `UPDATE agreement SET form = ?, facts = ?, matters = ?, responsibility = ?, content = ?, performance_method = ?, performance_deadline = ?,
           performance_place = ?, party_signatures = ?, mediator_signed_date = ?, seal_date = ?, effective_date = ?, amount_fen = ?, updated_at = ? WHERE id = ?`,
        ...values,
        now,
        id,
      );
    } else {
      run(
        ctx,
        `INSERT INTO agreement (id, case_id, form, facts, matters, responsibility, content, performance_method, performance_deadline,
           performance_place, party_signatures, mediator_signed_date, seal_date, effective_date, amount_fen, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        input.caseId,
        ...values,
        now,
        now,
      );
    }
    const previousDates = new Map(
      all<{ id: string; performed_date: string | null }>(
        ctx,
        'SELECT id, performed_date FROM performance_item WHERE agreement_id = ?',
        id,
      ).map((i) => [i.id, i.performed_date]),
    );
    const keep = new Set(input.items.map((i) => i.id).filter(Boolean));
    for (const old of previousDates.keys()) {
      if (!keep.has(old)) run(ctx, 'DELETE FROM performance_item WHERE id = ?', old);
    }
    input.items.forEach((item, i) => {
      // A performed item keeps the day it was performed; one entered as performed was, as a rule, performed on signing.
      const performedDate =
        item.state === 'performed'
          ? (item.performedDate ?? (item.id && previousDates.get(item.id)) ?? effective ?? ctx.clock.today())
          : null;
      if (item.id && previousDates.has(item.id)) {
        run(
          ctx,
          'UPDATE performance_item SET description = ?, deadline = ?, state = ?, performed_date = ?, note = ?, ord = ? WHERE id = ?',
          item.description,
          item.deadline,
          item.state,
          performedDate,
          item.note,
          i,
          item.id,
        );
      } else {
        run(
          ctx,
          'INSERT INTO performance_item (id, agreement_id, description, deadline, state, performed_date, note, ord) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
          newId(),
          id,
          item.description,
          item.deadline,
          item.state,
          performedDate,
          item.note,
          i,
        );
      }
    });
    refreshPerformance(ctx, id, {
      state: input.performance,
      date: input.performance === 'on_the_spot' ? effective : input.performance === 'performed' ? input.performedDate : null,
    });
    planReturnVisits(ctx, input.caseId, effective, [input.performanceDeadline, ...input.items.map((i) => i.deadline)]);
    run(ctx, 'UPDATE mediation_case SET updated_at = ? WHERE id = ?', now, input.caseId);
    syncMediation(ctx, input.caseId);
    audit(ctx, {
      action: existing ? 'update' : 'create',
      entity: 'mediation',
      entityId: input.caseId,
      before: before ? { agreement: before } : undefined,
      after: { agreement: loadAgreement(ctx, input.caseId) },
    });
    return loadCase(ctx, input.caseId)!;
  });
}

export function setPerformance(ctx: ServiceContext, input: z.output<typeof PerformanceInput>): MediationCase {
  return write(ctx, () => {
    const item = one<{ case_id: string; agreement_id: string; state: string; note: string | null; description: string }>(
      ctx,
      'SELECT a.case_id, i.agreement_id, i.state, i.note, i.description FROM performance_item i JOIN agreement a ON a.id = i.agreement_id WHERE i.id = ? AND a.deleted_at IS NULL',
      input.itemId,
    );
    if (!item) throw new LedgerError('NOT_FOUND', '该履行事项不存在。');
    const c = requireOpenCase(ctx, item.case_id, true);
    const date = input.state === 'performed' ? (input.date ?? ctx.clock.today()) : null;
    if (date) {
      onCaseDay(ctx, c, date, 'date', '履行日期');
    }
    run(
      ctx,
      'UPDATE performance_item SET state = ?, performed_date = ?, note = ? WHERE id = ?',
      input.state,
      date,
      input.note,
      input.itemId,
    );
    refreshPerformance(ctx, item.agreement_id);
    syncMediation(ctx, item.case_id);
    audit(ctx, {
      action: 'update',
      entity: 'mediation',
      entityId: item.case_id,
      before: { performance: { item: item.description, state: item.state } },
      after: { performance: { item: item.description, state: input.state, date, note: input.note } },
    });
    return loadCase(ctx, item.case_id)!;
  });
}

/** 委托代理人 for a party of the case (REVIEW row 10): at most two each, audited on the case. */
export function saveAgent(ctx: ServiceContext, input: z.output<typeof AgentInput>): MediationCase {
  return write(ctx, () => {
    const c = requireOpenCase(ctx, input.caseId, true);
    const party = c.parties.find((p) => p.personId === input.personId);
    if (!party) throw new LedgerError('VALIDATION', '被代理人不是本案当事人', { fields: { personId: '被代理人不是本案当事人' } });
    if (party.agents.length >= MAX_AGENTS_PER_PARTY) {
      const msg = `每名当事人最多委托${MAX_AGENTS_PER_PARTY}名代理人`;
      throw new LedgerError('VALIDATION', msg, { fields: { personId: msg } });
    }
    const now = ctx.clock.now();
    run(
      ctx,
      'INSERT INTO mediation_agent (id, case_id, person_id, name, authority, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      newId(),
      input.caseId,
      input.personId,
      input.name,
      input.authority,
      input.phone,
      now,
      now,
    );
    run(ctx, 'UPDATE mediation_case SET updated_at = ? WHERE id = ?', now, input.caseId);
    const { caseId: _c, personId: _p, ...agent } = input;
    audit(ctx, { action: 'create', entity: 'mediation', entityId: input.caseId, after: { agent: { 当事人: party.name, ...agent } } });
    return loadCase(ctx, input.caseId)!;
  });
}

export function deleteAgent(ctx: ServiceContext, id: string): MediationCase {
  return write(ctx, () => {
    const a = one<{ case_id: string; name: string; authority: string }>(
      ctx,
      'SELECT case_id, name, authority FROM mediation_agent WHERE id = ? AND deleted_at IS NULL',
      id,
    );
    if (!a) throw new LedgerError('NOT_FOUND', '该委托代理人不存在。');
    requireOpenCase(ctx, a.case_id, true);
    const now = ctx.clock.now();
    run(ctx, 'UPDATE mediation_agent SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    run(ctx, 'UPDATE mediation_case SET updated_at = ? WHERE id = ?', now, a.case_id);
    audit(ctx, { action: 'delete', entity: 'mediation', entityId: a.case_id, before: { agent: { name: a.name, authority: a.authority } } });
    return loadCase(ctx, a.case_id)!;
  });
}

/** 履行情况 of an agreement that has no items: the worker records what they found (REVIEW row 1). */
export function setAgreementPerformance(ctx: ServiceContext, input: z.output<typeof AgreementPerformanceInput>): MediationCase {
  return write(ctx, () => {
    const c = requireOpenCase(ctx, input.caseId, true);
    const a = c.agreement;
    if (!a) throw new LedgerError('INVALID_TRANSITION', '请先登记调解协议。');
    if (a.performanceDerived) throw new LedgerError('INVALID_TRANSITION', '本协议有履行事项，履行情况按各事项汇总，请逐项登记。');
    if (input.state === 'on_the_spot' && !a.effectiveDate) {
      throw new LedgerError('VALIDATION', '协议尚未生效，不能登记为当场履行', { fields: { state: '协议尚未生效' } });
    }
    const date = input.state === 'on_the_spot' ? a.effectiveDate : input.state === 'performed' ? input.date : null;
    if (date && input.state === 'performed') {
      onCaseDay(ctx, c, date, 'date', '履行完毕日期');
    }
    refreshPerformance(ctx, a.id, { state: input.state, date });
    run(ctx, 'UPDATE mediation_case SET updated_at = ? WHERE id = ?', ctx.clock.now(), c.id);
    audit(ctx, {
      action: 'update',
      entity: 'mediation',
      entityId: c.id,
      before: { agreementPerformance: { state: a.performance, date: a.performedDate } },
      after: { agreementPerformance: { state: input.state, date } },
    });
    return loadCase(ctx, c.id)!;
  });
}

/**
 * Keeps an agreement's 履行情况 and 履行完毕日期 in step with its items, or, when it has none, with
 * what the worker recorded (`own`; the stored value when not given).
 */
function refreshPerformance(ctx: ServiceContext, agreementId: string, own?: { state: AgreementPerformance; date: string | null }): void {
  const a = one<{ performance: AgreementPerformance; performed_date: string | null }>(
    ctx,
    'SELECT performance, performed_date FROM agreement WHERE id = ?',
    agreementId,
  )!;
  const items = all<{ state: PerformanceState; performedDate: string | null }>(
    ctx,
    'SELECT state, performed_date AS performedDate FROM performance_item WHERE agreement_id = ?',
    agreementId,
  );
  const p = agreementPerformance(items, own ?? { state: a.performance, date: a.performed_date });
  run(ctx, 'UPDATE agreement SET performance = ?, performed_date = ? WHERE id = ?', p.state, p.date, agreementId);
}

/**
 * The proposed return visits of an agreement as it now stands (REVIEW row 19): one after it takes
 * effect and one after its last performance deadline, each the office's interval later.
 */
function planReturnVisits(ctx: ServiceContext, caseId: string, effective: string | null, deadlines: (string | null)[]): void {
  planVisits(ctx, caseId, 'performance', effective ? proposedReturnVisits(effective, deadlines, getSettings(ctx).returnVisitDays) : []);
}

/**
 * The escalation visit of a case closed as 调解不成 or 终止调解 (REVIEW row 19; 人民调解法 art. 25): the
 * office's number of days after closing, when the office proposes one. Planned from the case as it
 * stands, so closing it again (or planning twice) never makes a second one, and a visit made stays made.
 */
function planEscalationVisit(ctx: ServiceContext, caseId: string): void {
  const c = one<{ outcome: CaseOutcome | null; termination_reason: TerminationReason | null; closed_date: string | null }>(
    ctx,
    'SELECT outcome, termination_reason, closed_date FROM mediation_case WHERE id = ?',
    caseId,
  )!;
  const date = escalationVisitDate(
    { outcome: c.outcome, terminationReason: c.termination_reason, closedDate: c.closed_date },
    getSettings(ctx),
  );
  planVisits(ctx, caseId, 'escalation', date ? [date] : []);
}

/**
 * Brings a case's proposed visits of one purpose to `proposed`: a proposal a recorded visit already
 * answers (made on its day, or on a later one) is not made again; proposals no longer called for go.
 */
function planVisits(ctx: ServiceContext, caseId: string, purpose: VisitPurpose, proposed: string[]): void {
  const visits = all<{ id: string; planned_date: string | null; visit_date: string | null }>(
    ctx,
    'SELECT id, planned_date, visit_date FROM return_visit WHERE case_id = ? AND purpose = ? AND deleted_at IS NULL',
    caseId,
    purpose,
  );
  const pending = visits.filter((v) => !v.visit_date);
  const done = visits.filter((v) => v.visit_date);
  const wanted = proposed.filter((w) => !done.some((d) => d.planned_date === w || d.visit_date! >= w));
  for (const p of pending) if (!p.planned_date || !wanted.includes(p.planned_date)) run(ctx, 'DELETE FROM return_visit WHERE id = ?', p.id);
  const now = ctx.clock.now();
  for (const w of wanted) {
    if (pending.some((p) => p.planned_date === w)) continue;
    run(
      ctx,
      'INSERT INTO return_visit (id, case_id, purpose, planned_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      newId(),
      caseId,
      purpose,
      w,
      now,
      now,
    );
  }
}

/**
 * 司法确认 (REVIEW row 6). An application after the 30-day window, or one not made by both parties
 * together, is recorded as made — the case page warns of it (`confirmation.late`, `confirmation.nonJoint`)
 * — since the court, not the office, decides whether to accept it.
 */
export function saveConfirmation(ctx: ServiceContext, input: z.output<typeof ConfirmationInput>): MediationCase {
  return write(ctx, () => {
    const c = requireOpenCase(ctx, input.caseId, true);
    const a = c.agreement;
    if (!a) throw new LedgerError('INVALID_TRANSITION', '请先登记调解协议。');
    if (input.appliedDate) {
      if (a.form !== 'written' || !a.effectiveDate)
        throw new LedgerError('INVALID_TRANSITION', '只有已生效的书面调解协议才能申请司法确认。');
      if (input.appliedDate < a.effectiveDate)
        throw new LedgerError('VALIDATION', '申请日期不能早于协议生效日期', { fields: { appliedDate: '不能早于协议生效日期' } });
    }
    // Whether both parties applied is asked with every application (民诉法 art. 205), as the form asks it.
    if (input.appliedDate && typeof input.joint !== 'boolean')
      throw new LedgerError('VALIDATION', JOINT_REQUIRED, { fields: { joint: JOINT_REQUIRED } });
    if (input.acceptedDate) notAfterToday(ctx, input.acceptedDate, 'acceptedDate', '受理日期');
    if (input.resultDate) notAfterToday(ctx, input.resultDate, 'resultDate', '结果日期');
    if (input.resultDate && input.appliedDate && input.resultDate < input.appliedDate) {
      throw new LedgerError('VALIDATION', '裁定日期不能早于申请日期', { fields: { resultDate: '不能早于申请日期' } });
    }
    run(
      ctx,
      `UPDATE agreement SET confirmation_intent = ?, confirmation_applied_date = ?, confirmation_joint = ?, confirmation_court_basis = ?,
         confirmation_court = ?, confirmation_accepted_date = ?, confirmation_ruling_no = ?, confirmation_result = ?, confirmation_result_date = ?,
         updated_at = ? WHERE id = ?`,
      input.intent === null ? null : input.intent ? 1 : 0,
      input.appliedDate,
      // Recorded only with an application; a late or one-party application is kept as made and warned of.
      input.appliedDate ? (input.joint ? 1 : 0) : null,
      input.courtBasis,
      input.court,
      input.acceptedDate,
      input.rulingNo,
      input.result,
      input.resultDate,
      ctx.clock.now(),
      a.id,
    );
    const { caseId: _c, ...after } = { ...input, joint: input.appliedDate ? input.joint : null };
    syncMediation(ctx, c.id);
    audit(ctx, {
      action: 'update',
      entity: 'mediation',
      entityId: c.id,
      before: { confirmation: a.confirmation },
      after: { confirmation: after },
    });
    return loadCase(ctx, c.id)!;
  });
}

// ── return visits ─────────────────────────────────────────────────────────────────────────────

export function saveVisit(ctx: ServiceContext, input: z.output<typeof VisitInput>): MediationCase {
  return write(ctx, () => {
    const c = requireOpenCase(ctx, input.caseId, true);
    onCaseDay(ctx, c, input.visitDate, 'visitDate', '回访日期');
    if (!one(ctx, 'SELECT 1 FROM staff WHERE id = ? AND deleted_at IS NULL', input.visitorStaffId)) {
      throw new LedgerError('VALIDATION', '所选回访人不存在', { fields: { visitorStaffId: '所选回访人不存在' } });
    }
    const now = ctx.clock.now();
    const { caseId, id: givenId, ...fields } = input;
    // An agreement without items is as the latest visit after it finds it (REVIEW row 1); with items, the items decide.
    const a = c.agreement;
    const latest = c.visits.filter((v) => v.visitDate && v.id !== givenId).every((v) => v.visitDate! <= input.visitDate);
    if (a && !a.performanceDerived && latest && (!a.effectiveDate || input.visitDate >= a.effectiveDate)) {
      const state = VISIT_FINDING_PERFORMANCE[input.performanceFound];
      if (state !== a.performance) {
        refreshPerformance(ctx, a.id, { state, date: state === 'performed' ? input.visitDate : null });
        audit(ctx, {
          action: 'update',
          entity: 'mediation',
          entityId: caseId,
          before: { agreementPerformance: { state: a.performance, date: a.performedDate } },
          after: { agreementPerformance: { state, date: state === 'performed' ? input.visitDate : null } },
        });
      }
    }
    // A visit recorded without naming one fills the earliest proposed visit.
    const target =
      givenId ??
      one<{ id: string }>(
        ctx,
        'SELECT id FROM return_visit WHERE case_id = ? AND visit_date IS NULL AND deleted_at IS NULL ORDER BY planned_date LIMIT 1',
        caseId,
      )?.id;
    if (target) {
      const before = one(
        ctx,
        'SELECT planned_date, visit_date, method, performance_found, satisfaction, notes FROM return_visit WHERE id = ? AND case_id = ? AND deleted_at IS NULL',
        target,
        caseId,
      );
      if (!before) throw new LedgerError('NOT_FOUND', '该回访记录不存在。');
      run(
        ctx,
        'UPDATE return_visit SET visit_date = ?, visitor_staff_id = ?, method = ?, performance_found = ?, satisfaction = ?, notes = ?, updated_at = ? WHERE id = ?',
        input.visitDate,
        input.visitorStaffId,
        input.method,
        input.performanceFound,
        input.satisfaction,
        input.notes,
        now,
        target,
      );
      syncMediation(ctx, caseId);
      audit(ctx, { action: 'update', entity: 'mediation', entityId: caseId, before: { visit: before }, after: { visit: fields } });
    } else {
      run(
        ctx,
        'INSERT INTO return_visit (id, case_id, purpose, planned_date, visit_date, visitor_staff_id, method, performance_found, satisfaction, notes, created_at, updated_at) VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, ?, ?)',
        newId(),
        caseId,
        // A visit to a case that failed or was ended is about the dispute, not an agreement's performance.
        c.outcome && c.outcome !== 'success' ? 'escalation' : 'performance',
        input.visitDate,
        input.visitorStaffId,
        input.method,
        input.performanceFound,
        input.satisfaction,
        input.notes,
        now,
        now,
      );
      syncMediation(ctx, caseId);
      audit(ctx, { action: 'create', entity: 'mediation', entityId: caseId, after: { visit: fields } });
    }
    return loadCase(ctx, caseId)!;
  });
}

// ── 纠纷激化报告 (REVIEW §2.1) ─────────────────────────────────────────────────────────────────

/**
 * A dispute that may escalate, reported to the police station or another department with the steps
 * taken to prevent it (人民调解法 art. 25): on an open or closed case (an escalation may show at the
 * visit after a failed mediation), dated between acceptance and today, audited on the case.
 */
export function saveReport(ctx: ServiceContext, input: z.output<typeof EscalationReportInput>): MediationCase {
  return write(ctx, () => {
    const c = requireOpenCase(ctx, input.caseId, true);
    onCaseDay(ctx, c, input.date, 'date', '报告日期');
    const now = ctx.clock.now();
    const { caseId, ...report } = input;
    run(
      ctx,
      `INSERT INTO mediation_report (id, case_id, date, unit_kind, unit, receiver, content, measures, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      newId(),
      caseId,
      report.date,
      report.unitKind,
      report.unit,
      report.receiver,
      report.content,
      report.measures,
      now,
      now,
    );
    run(ctx, 'UPDATE mediation_case SET updated_at = ? WHERE id = ?', now, caseId);
    audit(ctx, { action: 'create', entity: 'mediation', entityId: caseId, after: { report } });
    return loadCase(ctx, caseId)!;
  });
}

export function deleteReport(ctx: ServiceContext, id: string): MediationCase {
  return write(ctx, () => {
    const r = one<EscalationReport & { caseId: string }>(
      ctx,
      `SELECT case_id AS caseId, date, unit_kind AS unitKind, unit, receiver, content, measures
       FROM mediation_report WHERE id = ? AND deleted_at IS NULL`,
      id,
    );
    if (!r) throw new LedgerError('NOT_FOUND', '该报告记录不存在。');
    requireOpenCase(ctx, r.caseId, true);
    const now = ctx.clock.now();
    const { caseId, ...report } = r;
    run(ctx, 'UPDATE mediation_report SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    run(ctx, 'UPDATE mediation_case SET updated_at = ? WHERE id = ?', now, caseId);
    audit(ctx, { action: 'delete', entity: 'mediation', entityId: caseId, before: { report } });
    return loadCase(ctx, caseId)!;
  });
}

// ── outcome ───────────────────────────────────────────────────────────────────────────────────

const DISPUTE_AFTER: Record<CaseOutcome, DisputeStatus> = { success: 'resolved', failure: 'unresolved', terminated: 'unresolved' };

export function closeCase(ctx: ServiceContext, input: z.output<typeof CloseInput>): MediationCase {
  return write(ctx, () => {
    const before = requireOpenCase(ctx, input.id);
    onCaseDay(ctx, before, input.closedDate, 'closedDate', '结案日期');
    if (input.outcome === 'success' && !before.agreement?.effectiveDate) {
      throw new LedgerError('VALIDATION', '调解成功须先登记已生效的调解协议（书面协议各方签署后生效，口头协议填写达成日期）。', {
        fields: { outcome: '请先登记已生效的调解协议' },
      });
    }
    if (input.outcome === 'success' && input.closedDate < before.agreement!.effectiveDate!) {
      throw new LedgerError('VALIDATION', `调解协议于${before.agreement!.effectiveDate}生效，调解成功的结案日期不能早于生效日期。`, {
        fields: { closedDate: '不能早于协议生效日期' },
      });
    }
    const terminationReason = input.outcome === 'terminated' ? input.terminationReason : null;
    run(
      ctx,
      'UPDATE mediation_case SET outcome = ?, outcome_reason = ?, termination_reason = ?, guidance = ?, closed_date = ?, updated_at = ? WHERE id = ?',
      input.outcome,
      input.reason,
      terminationReason,
      input.guidance.length ? JSON.stringify(input.guidance) : null,
      input.closedDate,
      ctx.clock.now(),
      input.id,
    );
    // A dispute left unresolved is visited to see whether it escalates (REVIEW row 19).
    planEscalationVisit(ctx, input.id);
    // Closing meets the 调解期限 (and a labour dispute's 15-day point).
    syncMediation(ctx, input.id);
    if (before.disputeId) {
      const d = getDispute(ctx, before.disputeId);
      if (d.status === 'mediating')
        moveDispute(ctx, d.id, DISPUTE_AFTER[input.outcome], input.closedDate, `人民调解结案：${before.caseNo}`);
    }
    const after = loadCase(ctx, input.id)!;
    audit(ctx, {
      action: 'status',
      entity: 'mediation',
      entityId: input.id,
      before: { outcome: null },
      after: {
        outcome: input.outcome,
        closedDate: input.closedDate,
        ...(terminationReason ? { terminationReason } : {}),
        reason: input.reason,
        ...(input.guidance.length ? { guidance: input.guidance } : {}),
      },
    });
    return after;
  });
}

/**
 * 延长调解期限 (REVIEW row 8): agreed by both parties (the input cannot be made without their consent),
 * with the reason, to a date later than the period's current last day; recorded with the date it
 * replaces, and the case's item moves with it.
 */
export function extendDeadline(ctx: ServiceContext, input: z.output<typeof ExtensionInput>): MediationCase {
  return write(ctx, () => {
    const c = requireOpenCase(ctx, input.caseId);
    const item = c.handling;
    if (!item) throw new LedgerError('NOT_FOUND', '该案件没有调解期限。');
    onCaseDay(ctx, c, input.date, 'date', '当事人同意日期');
    const problem = extensionError(item, input.newDate, input.reason);
    if (problem) throw new LedgerError('VALIDATION', problem, { fields: { newDate: problem } });
    const now = ctx.clock.now();
    run(
      ctx,
      `INSERT INTO mediation_extension (id, case_id, date, previous_date, new_date, reason, consent, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)`,
      newId(),
      c.id,
      input.date,
      item.dueDate,
      input.newDate,
      input.reason,
      now,
      now,
    );
    run(ctx, 'UPDATE mediation_case SET updated_at = ? WHERE id = ?', now, c.id);
    syncMediation(ctx, c.id);
    audit(ctx, {
      action: 'update',
      entity: 'mediation',
      entityId: c.id,
      before: { extension: { dueDate: item.dueDate } },
      after: { extension: { dueDate: input.newDate, date: input.date, reason: input.reason, consent: '双方当事人同意' } },
    });
    return loadCase(ctx, c.id)!;
  });
}

/** A labour dispute's parties told they may apply for arbitration (劳动争议调解仲裁法 art. 14, REVIEW row 7). */
export function recordArbitrationNotice(ctx: ServiceContext, input: z.output<typeof ArbitrationNoticeInput>): MediationCase {
  return write(ctx, () => {
    const c = requireOpenCase(ctx, input.caseId, true);
    if (c.category !== LABOUR_CATEGORY) throw new LedgerError('INVALID_TRANSITION', '只有劳动争议纠纷才需告知可申请劳动仲裁。');
    onCaseDay(ctx, c, input.date, 'date', '告知日期');
    run(ctx, 'UPDATE mediation_case SET arbitration_told_date = ?, updated_at = ? WHERE id = ?', input.date, ctx.clock.now(), c.id);
    syncMediation(ctx, c.id);
    audit(ctx, {
      action: 'update',
      entity: 'mediation',
      entityId: c.id,
      before: { arbitrationNotice: c.arbitrationToldDate },
      after: { arbitrationNotice: input.date },
    });
    return loadCase(ctx, c.id)!;
  });
}

export function deleteCase(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const before = requireOpenCase(ctx, id, true);
    const now = ctx.clock.now();
    run(ctx, 'UPDATE mediation_case SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    syncMediation(ctx, id);
    audit(ctx, { action: 'delete', entity: 'mediation', entityId: id, before: snapshot(before) });
    return { ok: true as const };
  });
}

export function restoreCase(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const c = loadCase(ctx, id);
    if (!c?.deletedAt) throw new LedgerError('NOT_FOUND', '回收站中没有这件调解案件。');
    if (c.disputeId && one(ctx, 'SELECT 1 FROM mediation_case WHERE dispute_id = ? AND deleted_at IS NULL', c.disputeId)) {
      throw new LedgerError('CONFLICT', '该纠纷已另有调解案件，不能恢复。');
    }
    run(ctx, 'UPDATE mediation_case SET deleted_at = NULL, updated_at = ? WHERE id = ?', ctx.clock.now(), id);
    syncMediation(ctx, id);
    audit(ctx, { action: 'restore', entity: 'mediation', entityId: id, after: snapshot(loadCase(ctx, id)!) });
    return { ok: true as const };
  });
}

// ── ledger and statistics ─────────────────────────────────────────────────────────────────────

/** Per case: the agreement (its form, 履行情况 and confirmation state). */
const AGREEMENT_FACTS = 'LEFT JOIN agreement a ON a.case_id = m.id AND a.deleted_at IS NULL';

/** Performance deadlines the engine finds passed, from the to-do table (a primary-key range per case). */
const LATE_SQL = `(SELECT count(*) FROM obligation o INDEXED BY sqlite_autoindex_obligation_1
  WHERE o.module = 'mediation' AND o.owner_id = m.id AND o.item_key >= 'perform.' AND o.item_key < 'perform/' AND o.due_date < @today)`;

/** The confirmation state of a case: how the application ended, 已申请 while it has not, or 未申请. */
const CONFIRMATION_SQL = `CASE WHEN a.confirmation_result IS NOT NULL THEN a.confirmation_result
  WHEN a.confirmation_applied_date IS NOT NULL THEN 'applied' ELSE 'none' END`;

/** The ledger's filter and order, without paging (the export takes every matching case). */
export type CaseFilter = Omit<z.output<typeof MediationListInput>, 'page' | 'pageSize'>;

/** A ledger row as SQL returns it; `caseRow` turns it into what the list and the export show. */
export type CaseListDbRow = Omit<
  MediationRow,
  'performanceOverdue' | 'amountYuan' | 'agreedAmountYuan' | 'idNumberMasked' | 'overdue' | 'guidance'
> & {
  /** JSON array of the routes told (告知途径), or null. */
  guidance: string | null;
  idNumber: string | null;
  overdue: 0 | 1;
  /** The mediators in their order, as a JSON array of { id, name }. */
  mediatorList: string;
  late: number | null;
  amountFen: number | null;
  agreedFen: number | null;
};

/** The two statements behind one ledger page: the total and the page (bind `limit` and `offset`). */
export function caseListSql(f: CaseFilter, today: string): { count: string; page: string; params: Record<string, unknown> } {
  const { sql: where, params } = new Where(f.deleted ? 'm.deleted_at IS NOT NULL' : 'm.deleted_at IS NULL', { today })
    .when(f.dateFrom, 'm.accepted_date >= @dateFrom', 'dateFrom')
    .when(f.dateTo, 'm.accepted_date <= @dateTo', 'dateTo')
    .when(f.category, 'm.category = @category', 'category')
    .when(f.mediatingBody, 'm.mediating_body = @body', 'body')
    .when(f.mediatorId, 'm.id IN (SELECT case_id FROM mediation_mediator WHERE staff_id = @mediator)', 'mediator')
    // The first mediator, as the case's items name the person responsible (mediationDueItems).
    .when(
      f.leadMediatorId,
      'm.id IN (SELECT mm.case_id FROM mediation_mediator mm WHERE mm.staff_id = @lead AND mm.ord = (SELECT min(ord) FROM mediation_mediator WHERE case_id = mm.case_id))',
      'lead',
    )
    .when(f.overdue, overdueCondition('mediation', 'm.id'))
    .when(f.due7, dueSoonCondition('mediation', 'm.id'), dueSoonParams(today))
    .when(f.outcome === 'open', 'm.outcome IS NULL')
    .when(f.outcome !== 'open' && f.outcome, 'm.outcome = @outcome', 'outcome')
    .when(f.performance, 'a.performance = @performance', 'performance')
    .when(f.confirmation === 'none', 'a.id IS NOT NULL AND a.confirmation_applied_date IS NULL')
    .when(f.confirmation === 'applied', 'a.confirmation_applied_date IS NOT NULL')
    .when(f.confirmation === 'granted', "a.confirmation_result = 'granted'")
    .when(
      f.q && containsPattern(f.q),
      "(m.case_no LIKE @q ESCAPE '\\' OR m.parties_text LIKE @q ESCAPE '\\' OR m.summary LIKE @q ESCAPE '\\')",
      'q',
    );
  const dir = f.dir === 'asc' ? 'ASC' : 'DESC';
  const order =
    f.sort === 'caseNo'
      ? `m.case_year ${dir}, m.case_seq ${dir}`
      : f.sort === 'closedDate'
        ? `m.closed_date ${dir}`
        : `m.accepted_date ${dir}`;
  const from = `FROM mediation_case m ${AGREEMENT_FACTS}`;
  return {
    count: `SELECT count(*) AS n ${from} WHERE ${where}`,
    page: `SELECT m.id, m.case_no AS caseNo, m.accepted_date AS acceptedDate, m.origin, m.category, m.mediating_body AS mediatingBody,
       m.parties_text AS parties, m.mediators_text AS mediators,
       (SELECT json_group_array(json_object('id', mm.staff_id, 'name', s.name) ORDER BY mm.ord) FROM mediation_mediator mm
         JOIN staff s ON s.id = mm.staff_id WHERE mm.case_id = m.id) AS mediatorList, m.outcome, m.closed_date AS closedDate, a.form AS agreementForm,
       a.performance AS performance, a.performed_date AS performedDate, ${LATE_SQL} AS late, ${CONFIRMATION_SQL} AS confirmation,
       ${overdueCondition('mediation', 'm.id')} AS overdue,
       m.amount_fen AS amountFen, a.amount_fen AS agreedFen, m.deleted_at AS deletedAt, m.guidance,
       m.outcome_reason AS reason, m.termination_reason AS terminationReason,
       (SELECT p.id_number FROM mediation_party mp JOIN person p ON p.id = mp.person_id WHERE mp.case_id = m.id
         ORDER BY mp.ord LIMIT 1) AS idNumber
     ${from} WHERE ${where} ORDER BY ${order}, m.rowid ${dir} LIMIT @limit OFFSET @offset`,
    params,
  };
}

/** A row as the ledger and its export show it: the mediators named as everywhere (two of one name told apart). */
export function caseRow(
  { late, amountFen, agreedFen, idNumber, mediatorList, overdue, guidance, ...r }: CaseListDbRow,
  name: StaffNamer,
): MediationRow {
  const mediators = JSON.parse(mediatorList) as { id: string; name: string }[];
  return {
    ...r,
    guidance: guidance ? (JSON.parse(guidance) as GuidanceRoute[]) : [],
    overdue: overdue === 1,
    mediators: mediators.length ? mediators.map((m) => name(m.id, m.name)).join('、') : r.mediators,
    // Masked as on every screen (CONTRIBUTING.md, DOMAIN §5.2): the ledger tells parties apart without spreading the number.
    idNumberMasked: idNumber ? maskIdNumber(idNumber) : null,
    performanceOverdue: (late ?? 0) > 0,
    amountYuan: toYuan(amountFen),
    agreedAmountYuan: toYuan(agreedFen),
  };
}

export function listCases(ctx: ServiceContext, f: z.output<typeof MediationListInput>): Paged<MediationRow> {
  const q = caseListSql(f, ctx.clock.today());
  const total = one<{ n: number }>(ctx, q.count, q.params)!.n;
  const rows = all<CaseListDbRow>(ctx, q.page, { ...q.params, limit: f.pageSize, offset: (f.page - 1) * f.pageSize });
  const name = staffNamer(ctx);
  return { rows: rows.map((r) => caseRow(r, name)), total, page: f.page, pageSize: f.pageSize };
}

/** The recycle bin's section of deleted cases (registered in db/modules.ts). */
export const mediationRecycle: RecycleSource = {
  deleted(ctx, limit) {
    const page = listCases(ctx, MediationListInput.parse({ deleted: true, pageSize: limit }));
    return {
      rows: page.rows.map((c) => ({ id: c.id, name: c.caseNo, cells: [c.caseNo, c.parties], deletedAt: c.deletedAt! })),
      total: page.total,
    };
  },
  restore: (ctx, id) => void restoreCase(ctx, id),
};

/** What names a case as an attachment's owner: its case number (registered in db/modules.ts). */
export const mediationOwner: AttachmentOwnerLookup = (ctx, id) =>
  one(ctx, 'SELECT case_no AS label, deleted_at AS deletedAt FROM mediation_case WHERE id = ?', id);
