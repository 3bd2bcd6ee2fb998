/**
 * Rules of the people's-mediation case file (人民调解法 arts. 17–33; 民诉法 arts. 205–206).
 * Pure functions; the clock is passed in as `today`.
 */
import { addDays } from '../dates';
import { daysLeft } from './days-left';
import { addMonths } from '../date-math';
import { nextWorkingDayOnOrAfter, type HolidayTable } from './holidays';
import type { DeadlineRule, Extension, ObligationEvent } from './obligations';
import { DEFAULT_RETURN_VISIT_DAYS, FAILURE_VISIT_SOURCE } from '../schemas/reference';
import { rate } from './rates';

/**
 * How the case came to the committee (案件来源, REVIEW row 9): the two sources the 受理登记表 prints —
 * a party applied, or the committee took it up itself — and the cases entrusted or handed over by a
 * court, the police, a government department (信访, 12345 转办) or another unit, with the sending body.
 * Whether the case came through the dispute register is a link (`disputeId`), not a source.
 */
export const CASE_ORIGINS = ['application', 'initiative', 'court', 'police', 'government', 'other_unit'] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];
export const CASE_ORIGIN_LABELS: Record<CaseOrigin, string> = {
  application: '当事人申请',
  initiative: '人民调解委员会主动调解',
  court: '法院委托',
  police: '公安移交',
  government: '政府部门指定/转办',
  other_unit: '其他单位移送',
};
/** The two options the MOJ 受理登记表 prints (① 当事人申请 ② 人民调解委员会主动调解). */
export const REGISTER_ORIGINS: readonly CaseOrigin[] = ['application', 'initiative'];
/** 委托移送: sources that have a sending body to record (移送/委托单位). */
export const ENTRUSTED_ORIGINS: readonly CaseOrigin[] = ['court', 'police', 'government', 'other_unit'];
export const ENTRUSTED_LABEL = '委托移送';

/**
 * The source a case opened from the dispute register most likely has, from the dispute's 纠纷来源
 * (REVIEW row 9; the worker confirms or changes it): found by 排查 or reported by a grid worker → the
 * committee took it up; a party came or called → they applied; sent by a court, the police (110), 信访
 * or the 12345 hotline → entrusted or handed over. Any other source (其他, a local one) → 主动调解:
 * the committee took up what it had registered itself [DERIVED]. db/migrations (the 0018 data step)
 * applies the same table to the cases kept before it.
 */
export const ORIGIN_OF_DISPUTE_SOURCE: Readonly<Record<string, CaseOrigin>> = {
  screening: 'initiative',
  grid: 'initiative',
  visit: 'application',
  call: 'application',
  court: 'court',
  police110: 'police',
  petition: 'government',
  hotline12345: 'government',
};

export function originOfDisputeSource(source: string): CaseOrigin {
  return ORIGIN_OF_DISPUTE_SOURCE[source] ?? 'initiative';
}

/** The sending body proposed for an entrusted case from the register, when its work order names none. */
export const SENDER_OF_DISPUTE_SOURCE: Readonly<Record<string, string>> = {
  court: '人民法院',
  police110: '公安机关（110联动）',
  petition: '信访部门',
  hotline12345: '12345政务服务便民热线',
};

/** Mediating bodies (调解组织类型; CONTRIBUTING.md, DOMAIN §1.6). */
export const MEDIATING_BODIES = ['township', 'village', 'community', 'street', 'enterprise', 'professional'] as const;
export type MediatingBody = (typeof MEDIATING_BODIES)[number];
export const MEDIATING_BODY_LABELS: Record<MediatingBody, string> = {
  township: '乡镇调委会',
  village: '村调委会',
  community: '社区调委会',
  street: '街道调委会',
  enterprise: '企事业单位调委会',
  professional: '行业性专业性调委会',
};

/** 委托代理人's authority as the 授权委托书 states it (REVIEW row 10). */
export const AGENT_AUTHORITIES = ['general', 'special'] as const;
export type AgentAuthority = (typeof AGENT_AUTHORITIES)[number];
export const AGENT_AUTHORITY_LABELS: Record<AgentAuthority, string> = { general: '一般授权', special: '特别授权' };
/** A party may be represented by one or two agents (民事诉讼法第六十一条, by analogy). */
export const MAX_AGENTS_PER_PARTY = 2;

export const CASE_OUTCOMES = ['success', 'failure', 'terminated'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = { success: '调解成功', failure: '调解不成', terminated: '终止调解' };

/** Routes the parties are told about when mediation fails (人民调解法 art. 26). */
export const GUIDANCE_ROUTES = ['litigation', 'arbitration', 'administrative'] as const;
export type GuidanceRoute = (typeof GUIDANCE_ROUTES)[number];
export const GUIDANCE_ROUTE_LABELS: Record<GuidanceRoute, string> = { litigation: '诉讼', arbitration: '仲裁', administrative: '行政途径' };
/** The routes told, as the ledger, its export and the documents write them (诉讼、仲裁). */
export const guidanceText = (routes: readonly GuidanceRoute[]): string => routes.map((g) => GUIDANCE_ROUTE_LABELS[g]).join('、');

/**
 * Why a mediation was ended (终止调解, REVIEW row 15). 人民调解法 art. 26: a mediation that cannot
 * succeed is ended and the parties are told they may protect their rights through arbitration,
 * administrative or judicial routes; art. 17: a party who clearly refuses mediation is not mediated.
 * Only a case the parties settled themselves or withdrew ends without the routes to tell.
 */
export const TERMINATION_REASONS = ['refused', 'requested', 'settled', 'withdrawn', 'other'] as const;
export type TerminationReason = (typeof TERMINATION_REASONS)[number];
export const TERMINATION_REASON_LABELS: Record<TerminationReason, string> = {
  refused: '一方当事人明确拒绝调解',
  requested: '当事人要求终止调解',
  settled: '当事人自行和解',
  withdrawn: '当事人撤回调解申请',
  other: '其他原因',
};
/** Reasons that end a mediation with nothing left to pursue: no routes need be told. */
export const TERMINATION_WITHOUT_ROUTES: readonly TerminationReason[] = ['settled', 'withdrawn'];

/** Whether closing with this outcome (and reason) requires the routes told to the parties (art. 26). */
export function routesRequired(outcome: CaseOutcome, reason: TerminationReason | null | undefined): boolean {
  if (outcome === 'failure') return true;
  if (outcome === 'terminated') return !reason || !TERMINATION_WITHOUT_ROUTES.includes(reason);
  return false;
}

export const PERFORMANCE_STATES = ['performed', 'partial', 'unperformed', 'not_applicable'] as const;
export type PerformanceState = (typeof PERFORMANCE_STATES)[number];
export const PERFORMANCE_STATE_LABELS: Record<PerformanceState, string> = {
  performed: '已履行',
  partial: '部分履行',
  unperformed: '未履行',
  not_applicable: '不适用',
};

/** The ledger's words for the agreement form (a table column's, short) and the confirmation state. */
export const AGREEMENT_FORM_LABELS = { written: '书面', oral: '口头' } as const;
/** The agreement form named on its own (a badge, a choice, the audit history). */
export const AGREEMENT_FORM_FULL_LABELS = { written: '书面协议', oral: '口头协议' } as const;
export const CONFIRMATION_LABELS = {
  none: '未申请',
  applied: '已申请',
  granted: '确认有效',
  rejected: '驳回',
  not_accepted: '不予受理',
  withdrawn: '撤回',
} as const;
export type ConfirmationState = keyof typeof CONFIRMATION_LABELS;
/**
 * How the application ended (司法确认 结果, REVIEW row 6): the court rules the agreement valid or
 * rejects the application (民诉法 art. 206), does not accept it (不予受理, 民诉法解释 as listed in the
 * handbook), or it is withdrawn or treated as withdrawn (撤回 / 按撤回处理, article UNCONFIRMED).
 */
export const CONFIRMATION_RESULTS = ['granted', 'rejected', 'not_accepted', 'withdrawn'] as const;
export type ConfirmationResult = (typeof CONFIRMATION_RESULTS)[number];
export const CONFIRMATION_RESULT_LABELS: Record<ConfirmationResult, string> = {
  granted: '确认有效',
  rejected: '驳回申请',
  not_accepted: '不予受理',
  withdrawn: '撤回（按撤回处理）',
};

/**
 * The court applied to (民诉法 (2023) art. 205, REVIEW row 6; not the old single court of the
 * mediation organisation): the court that invited the mediation (委派调解); otherwise the basic court
 * of a party's domicile, of the subject matter's place or of the mediation organisation; the
 * intermediate court when the dispute belongs to one.
 */
export const COURT_BASES = ['committee_location', 'party_domicile', 'subject_location', 'inviting_court', 'intermediate'] as const;
export type CourtBasis = (typeof COURT_BASES)[number];
export const COURT_BASIS_LABELS: Record<CourtBasis, string> = {
  committee_location: '调解组织所在地基层人民法院',
  party_domicile: '当事人住所地基层人民法院',
  subject_location: '标的物所在地基层人民法院',
  inviting_court: '委派调解的人民法院',
  intermediate: '中级人民法院（纠纷属中级人民法院管辖）',
};

/**
 * A court 案号 as courts print it, e.g. （2024）豫0102民特12号: a year in brackets, ending in 号. The
 * exact format is UNCONFIRMED (CONTRIBUTING.md, DOMAIN §1.8), so only that much is checked.
 */
export const COURT_CASE_NO_RE = /^[（(]\d{4}[）)].*\S.*号$/;
/** A case without an outcome yet. */
export const CASE_OPEN_LABEL = '调解中';

/** 司法确认: both parties apply within 30 days of the agreement taking effect. */
export const CONFIRMATION_WINDOW_DAYS = 30;

/**
 * A written agreement takes effect when the last of the required signatures is made: every party,
 * the mediator, and the committee seal (art. 29 para. 2). Returns null while any is missing.
 */
export function agreementEffectiveDate(signatures: {
  parties: (string | null)[];
  mediator: string | null;
  seal: string | null;
}): string | null {
  const all = [...signatures.parties, signatures.mediator, signatures.seal];
  if (signatures.parties.length === 0 || all.some((d) => !d)) return null;
  // Dates as YYYY-MM-DD compare as text: the latest signature is the largest string.
  return (all as string[]).sort().at(-1)!;
}

export interface ConfirmationWindow {
  /** Last day on which the joint application may be made. */
  lastDay: string;
  /** Calendar days from today to the last day (shared/domain/days-left.ts): 0 on the last day, negative once closed. */
  daysLeft: number;
  open: boolean;
}

/** The 30 days counted from the effective date; a last day that is a rest day moves to the next working day. */
export function confirmationWindow(effectiveDate: string, today: string, holidays: HolidayTable): ConfirmationWindow {
  const lastDay = nextWorkingDayOnOrAfter(addDays(effectiveDate, CONFIRMATION_WINDOW_DAYS), holidays);
  const left = daysLeft(today, lastDay);
  return { lastDay, daysLeft: left, open: left >= 0 };
}

/**
 * An application dated after the window's last day (REVIEW row 6): 民诉法 art. 205 asks for it within
 * 30 days of the agreement taking effect. The office records what was done and is warned; it is not
 * refused (the court decides whether to accept it).
 */
export function lateConfirmation(appliedDate: string | null, window: Pick<ConfirmationWindow, 'lastDay'> | null): boolean {
  return !!appliedDate && !!window && appliedDate > window.lastDay;
}

export const LATE_CONFIRMATION_WARNING = (lastDay: string) =>
  `申请日期晚于申请期限（${lastDay}）：《民事诉讼法》第二百零五条规定，双方当事人应当自调解协议生效之日起三十日内共同申请司法确认，逾期申请的，人民法院可能不予受理。`;

/**
 * An application not made by both parties together (REVIEW row 6): 民诉法 art. 205 and 人民调解法 art. 33
 * have the two parties apply jointly. Like a late one it is recorded as made and warned of, not refused
 * (the court decides). An application kept before the question was asked (null) is not warned of.
 */
export function nonJointConfirmation(appliedDate: string | null, joint: boolean | null): boolean {
  return !!appliedDate && joint === false;
}

export const NON_JOINT_CONFIRMATION_WARNING =
  '未由双方当事人共同申请：《民事诉讼法》第二百零五条、《人民调解法》第三十三条规定，司法确认由双方当事人自调解协议生效之日起三十日内共同向人民法院申请；仅一方当事人申请的，人民法院可能不予受理。';

/**
 * The agreement as a whole (人民调解法 art. 31: the committee supervises the performance of every
 * agreement, REVIEW row 1): 当场履行 when the parties performed as they signed, 无给付内容 when the
 * agreement only declares or settles and nobody owes anything.
 */
export const AGREEMENT_PERFORMANCES = ['performed', 'on_the_spot', 'partial', 'unperformed', 'no_payment'] as const;
export type AgreementPerformance = (typeof AGREEMENT_PERFORMANCES)[number];
export const AGREEMENT_PERFORMANCE_LABELS: Record<AgreementPerformance, string> = {
  performed: '已履行',
  on_the_spot: '当场履行',
  partial: '部分履行',
  unperformed: '未履行',
  no_payment: '无给付内容',
};
/** The states 协议履行率 counts as 履行完毕. */
export const PERFORMANCE_COMPLETE: readonly AgreementPerformance[] = ['performed', 'on_the_spot', 'no_payment'];

export interface AgreementPerformanceState {
  state: AgreementPerformance;
  /** 履行完毕日期: when the last thing owed was done (null while not complete, or not recorded). */
  date: string | null;
  /** True when the items decide it; the worker's own entry counts only for an agreement without items. */
  derived: boolean;
}

/**
 * An agreement's 履行情况: from its items when it has any (all performed → 已履行 on the day the last
 * was; some → 部分履行; none owed → 无给付内容), otherwise as the worker recorded it.
 */
export function agreementPerformance(
  items: readonly { state: PerformanceState; performedDate?: string | null }[],
  own: { state: AgreementPerformance; date: string | null },
): AgreementPerformanceState {
  if (items.length === 0) {
    return { state: own.state, date: own.state === 'performed' || own.state === 'on_the_spot' ? own.date : null, derived: false };
  }
  const relevant = items.filter((i) => i.state !== 'not_applicable');
  if (relevant.length === 0) return { state: 'no_payment', date: null, derived: true };
  if (relevant.every((i) => i.state === 'performed')) {
    const dates = relevant.map((i) => i.performedDate ?? null);
    // The day the last item was performed; unknown when any item's day was not recorded.
    return { state: 'performed', date: dates.includes(null) ? null : (dates as string[]).sort().at(-1)!, derived: true };
  }
  const started = relevant.some((i) => i.state === 'performed' || i.state === 'partial');
  return { state: started ? 'partial' : 'unperformed', date: null, derived: true };
}

/** What a return visit's finding says of an agreement as a whole (a visit records it on the items' scale). */
export const VISIT_FINDING_PERFORMANCE: Record<PerformanceState, AgreementPerformance> = {
  performed: 'performed',
  partial: 'partial',
  unperformed: 'unperformed',
  not_applicable: 'no_payment',
};

/**
 * The return visits an agreement calls for (REVIEW row 19): `intervalDays` after it takes effect (the
 * office's setting, default 30), and as many days after the last agreed performance deadline when the
 * first visit comes before it, so that an agreement to pay in six months is visited after the six months too.
 */
export function proposedReturnVisits(
  effectiveDate: string,
  deadlines: readonly (string | null)[],
  intervalDays = DEFAULT_RETURN_VISIT_DAYS,
): string[] {
  const first = addDays(effectiveDate, intervalDays);
  const last = deadlines
    .filter((d): d is string => !!d)
    .sort()
    .at(-1);
  // A deadline the first visit comes after is checked by it; a later one gets its own visit.
  return last && last >= first ? [first, addDays(last, intervalDays)] : [first];
}

/**
 * Why a return visit is made (REVIEW row 19): the agreement's performance (人民调解法 art. 31), or, after
 * 调解不成 or 终止调解, whether the dispute is escalating (art. 25).
 */
export const VISIT_PURPOSES = ['performance', 'escalation'] as const;
export type VisitPurpose = (typeof VISIT_PURPOSES)[number];
export const VISIT_PURPOSE_LABELS: Record<VisitPurpose, string> = { performance: '协议履行回访', escalation: '防止纠纷激化回访' };
/** The escalation visit's due item: what the dashboard calls it and where it comes from. */
export const ESCALATION_VISIT_RULE = { label: VISIT_PURPOSE_LABELS.escalation, source: FAILURE_VISIT_SOURCE } as const;

/**
 * Whether a closed case calls for an escalation visit (REVIEW row 19): a mediation that failed, or was
 * ended, leaves the dispute unresolved — unless the parties settled it themselves or the applicant
 * withdrew, when nothing is left to escalate [DERIVED]. These are the cases that must be told their
 * routes (人民调解法 art. 26): the same rule.
 */
export function escalationVisitCalledFor(outcome: CaseOutcome, reason: TerminationReason | null | undefined): boolean {
  return routesRequired(outcome, reason);
}

/**
 * The escalation visit a closed case calls for, the office's number of days after closing; null when
 * the office proposes none or the case does not call for one.
 */
export function escalationVisitDate(
  c: { outcome: CaseOutcome | null; terminationReason: TerminationReason | null; closedDate: string | null },
  setting: { failureVisitEnabled: boolean; failureVisitDays: number },
): string | null {
  if (!setting.failureVisitEnabled || !c.outcome || !c.closedDate) return null;
  return escalationVisitCalledFor(c.outcome, c.terminationReason) ? addDays(c.closedDate, setting.failureVisitDays) : null;
}

// ── 纠纷激化报告 (REVIEW §2.1) ─────────────────────────────────────────────────────────────────

/**
 * Whom a dispute that may escalate was reported to (人民调解法 art. 25: 当地公安机关或者其他有关部门):
 * the local police station, or another department named in words.
 */
export const REPORT_UNIT_KINDS = ['police', 'other'] as const;
export type ReportUnitKind = (typeof REPORT_UNIT_KINDS)[number];
export const REPORT_UNIT_KIND_LABELS: Record<ReportUnitKind, string> = { police: '公安派出所', other: '其他部门' };

// ── the case's own deadlines (REVIEW rows 7, 8) ───────────────────────────────────────────────

/** 纠纷类型 codes with rules of their own (DISPUTE_CATEGORIES in shared/dictionaries). */
export const LAND_CATEGORY = '07';
export const LABOUR_CATEGORY = '10';

/** The 调解期限 in calendar months from acceptance (REVIEW row 8). */
export const HANDLING_MONTHS = 1;

/**
 * The case's handling deadline before any extension: the acceptance date plus one calendar month,
 * clamped to the month's last day (Jan 31 → Feb 28/29), as a period in months is counted (民法典
 * art. 202 style); the engine moves a last day that is a rest day to the next working day.
 */
export function handlingDeadline(acceptedDate: string): string {
  return addMonths(acceptedDate, HANDLING_MONTHS);
}

export const HANDLING_RULE: Omit<DeadlineRule, 'date'> = {
  kind: 'deadline',
  id: 'handling',
  label: '调解期限',
  source:
    '司法部《人民调解工作若干规定》（2002年）第三十三条：人民调解委员会调解纠纷，一般在一个月内调结（条文据网页转载；该规定是否仍然有效，未经核实）。' +
    '自受理之日起按月计算，到期月无对应日的以该月末日为期限；期限末日为法定休假日（含周六、周日，调休上班日除外）的，顺延至其后第一个工作日。' +
    '经双方当事人同意可以延长（地方规定）。',
  rollForward: true,
};

/** 劳动争议调解仲裁法 art. 14: no agreement within 15 days of the application → a party may apply for arbitration. */
export const LABOUR_NOTICE_DAYS = 15;

export const LABOUR_RULE: Omit<DeadlineRule, 'date'> = {
  kind: 'deadline',
  id: 'labour.arbitration',
  label: '15日内未达成协议——告知可申请劳动仲裁',
  source:
    '《劳动争议调解仲裁法》第十四条：自劳动争议调解组织收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁。本系统自受理日期起算；达成协议、结案或登记已告知当事人即完成。',
  rollForward: true,
};

/** Printed on a labour case's agreement (劳动争议调解仲裁法 art. 16). */
export const LABOUR_PAYMENT_ORDER_TEXT =
  '因支付拖欠劳动报酬、工伤医疗费、经济补偿或者赔偿金事项达成调解协议，用人单位在协议约定期限内不履行的，劳动者可以持调解协议书依法向人民法院申请支付令（《中华人民共和国劳动争议调解仲裁法》第十六条）。';

/** Shown on a labour case (劳动争议调解仲裁法 art. 27). */
export const LABOUR_LIMITATION_TEXT =
  '劳动争议申请仲裁的时效期间为一年，从当事人知道或者应当知道其权利被侵害之日起计算；因当事人一方向对方当事人主张权利，或者向有关部门请求权利救济，或者对方当事人同意履行义务而中断的，从中断时起，仲裁时效期间重新计算（《劳动争议调解仲裁法》第二十七条）。';

/** Shown on a land-contract case (农村土地承包经营纠纷调解仲裁法 arts. 10, 18). */
export const LAND_WRITTEN_TEXT =
  '农村土地承包经营纠纷经调解达成协议的，村民委员会或者乡（镇）人民政府应当制作调解协议书（农村土地承包经营纠纷调解仲裁法第十条），不能采用口头协议。';
export const LAND_LIMITATION_TEXT =
  '农村土地承包经营纠纷申请仲裁的时效期间为二年，自当事人知道或者应当知道其权利被侵害之日起计算（农村土地承包经营纠纷调解仲裁法第十八条）。';

/** Whether a case's 土地承包经营 flag may be set: only for 山林土地纠纷 (REVIEW row 17). */
export function landContractAllowed(category: string): boolean {
  return category === LAND_CATEGORY;
}

/** An extension of the 调解期限 (REVIEW row 8): agreed by both parties, with the reason and the new date. */
export interface HandlingExtension {
  /** The day it was agreed. */
  date: string;
  newDate: string;
  reason: string;
  /** When it was recorded; several apply in this order. */
  createdAt: string;
}

export interface CaseDeadlineFacts {
  acceptedDate: string;
  category: string;
  closedDate: string | null;
  /** The agreement's effective date, if one took effect. */
  agreementEffectiveDate: string | null;
  /** The day the parties of a labour case were told they may apply for arbitration. */
  arbitrationToldDate: string | null;
  extensions: readonly HandlingExtension[];
}

/**
 * The case's own items for the engine (REVIEW rows 7, 8): its 调解期限, done when it closes and moved
 * by the extensions the parties agreed to; for a labour dispute (category 10) the 15-day point, done
 * when an agreement takes effect, the case closes or the parties are told of arbitration.
 */
export function caseDeadlines(f: CaseDeadlineFacts): { rules: DeadlineRule[]; events: ObligationEvent[]; extensions: Extension[] } {
  const rules: DeadlineRule[] = [{ ...HANDLING_RULE, date: handlingDeadline(f.acceptedDate) }];
  const events: ObligationEvent[] = [];
  if (f.closedDate) events.push({ id: 'closed', date: f.closedDate, ruleId: HANDLING_RULE.id });
  if (f.category === LABOUR_CATEGORY) {
    rules.push({ ...LABOUR_RULE, date: addDays(f.acceptedDate, LABOUR_NOTICE_DAYS) });
    const done: [string, string | null][] = [
      ['agreement', f.agreementEffectiveDate],
      ['closed', f.closedDate],
      ['told', f.arbitrationToldDate],
    ];
    for (const [id, date] of done) if (date) events.push({ id, date, ruleId: LABOUR_RULE.id });
  }
  const extensions = f.extensions.map(
    (x): Extension => ({ ruleId: HANDLING_RULE.id, dueId: HANDLING_RULE.id, newDate: x.newDate, reason: x.reason, date: x.createdAt }),
  );
  return { rules, events, extensions };
}

// ── numbering per committee (REVIEW row 18) ────────────────────────────────────────────────────

/**
 * The abbreviation a committee's numbers carry: the township's short name for the office's own
 * committee (its numbers stay as they were), otherwise the committee's name without
 * "人民调解委员会"/"调解委员会"/"调委会" (东村人民调解委员会 → 东村). No national format exists
 * (CONTRIBUTING.md, DOMAIN §1.8) [DERIVED].
 */
export function committeeAbbreviation(committeeName: string, own: { committeeName: string; townshipShort: string }): string {
  const name = committeeName.trim();
  if (name === own.committeeName.trim()) return own.townshipShort;
  const short = name.replace(/(人民调解委员会|调解委员会|调委会)$/, '').trim();
  return short || name;
}

/** The key of a committee's yearly sequence: the office's own committee keeps the sequence it always had. */
export function committeeCounterKey(committeeName: string, own: { committeeName: string }): string {
  const name = committeeName.trim();
  return name === own.committeeName.trim() ? 'mediation' : `mediation:${name}`;
}

// ── statistics (CONTRIBUTING.md, DOMAIN §1.10) ────────────────────────────────────────────────

/**
 * Which cases a period counts: those accepted in it, whenever they closed (as the annual reports count
 * a year's 891 cases), or those closed in it.
 */
export const MEDIATION_STAT_BASES = ['accepted', 'closed'] as const;
export type MediationStatBasis = (typeof MEDIATION_STAT_BASES)[number];
export const MEDIATION_STAT_BASIS_LABELS: Record<MediationStatBasis, string> = { accepted: '按受理日期', closed: '按结案日期' };

export interface MediationCounts {
  /** Cases accepted in the period. */
  accepted: number;
  /** Counted cases with an outcome (success, failure or terminated). */
  mediated: number;
  successful: number;
  /** Successful cases whose agreement is performed in full (已履行, 当场履行 or 无给付内容). */
  performed: number;
  /** Successful cases with a written agreement (only those can be confirmed by a court). */
  written: number;
  confirmationsApplied: number;
  confirmationsGranted: number;
}

/** Each figure's definition, printed beside it (the published formulas are not national: REVIEW row 4). */
export const STAT_DEFINITIONS = {
  successRate: '调解成功率 = 调解成功件数 ÷ 已调解（有结果：成功、不成、终止）件数',
  successRateOfAccepted: '调解成功率（按受理） = 调解成功件数 ÷ 受理件数',
  performanceRate: '协议履行率 = 协议已履行完毕件数（含当场履行、无给付内容）÷ 调解成功件数',
  confirmationRate: '司法确认率 = 申请司法确认件数 ÷ 书面协议件数（口头协议不能申请司法确认）',
  agreementAmount: '协议金额 = 调解成功案件的调解协议所载金额之和',
  disputedAmount: '争议金额 = 所计案件受理时登记的涉及金额之和',
  escalationReports:
    '纠纷激化报告件数 = 期间内（按报告日期）向公安机关或其他有关部门报告可能激化纠纷的案件数，一案多次报告计一件（人民调解法第二十五条）',
} as const;

export function mediationRates(c: MediationCounts): {
  successRate: number | null;
  successRateOfAccepted: number | null;
  performanceRate: number | null;
  confirmationRate: number | null;
} {
  return {
    successRate: rate(c.successful, c.mediated),
    successRateOfAccepted: rate(c.successful, c.accepted),
    performanceRate: rate(c.performed, c.successful),
    confirmationRate: rate(c.confirmationsApplied, c.written),
  };
}
