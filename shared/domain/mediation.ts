/**
 * Rules of the people's-mediation case file (人民调解法 arts. 17–33; 民诉法 arts. 205–206).
 * Pure functions; the clock is passed in as `today`.
 */
import { addDays, daysBetween } from '../dates';
import { nextWorkingDayOnOrAfter, type HolidayTable } from './holidays';
import { DEFAULT_RETURN_VISIT_DAYS } from '../schemas/reference';
import { rate } from './rates';

/** How the case came to the committee (受理登记表 来源). */
export const CASE_ORIGINS = ['dispute', 'application', 'initiative', 'court', 'police', 'government'] as const;
export type CaseOrigin = (typeof CASE_ORIGINS)[number];
export const CASE_ORIGIN_LABELS: Record<CaseOrigin, string> = {
  dispute: '排查登记转入',
  application: '当事人申请',
  initiative: '调委会主动调解',
  court: '法院委托',
  police: '公安移交',
  government: '政府指定',
};
/** Origins that have a sending unit to record. */
export const ENTRUSTED_ORIGINS: readonly CaseOrigin[] = ['court', 'police', 'government'];

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

export const CASE_OUTCOMES = ['success', 'failure', 'terminated'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];
export const CASE_OUTCOME_LABELS: Record<CaseOutcome, string> = { success: '调解成功', failure: '调解不成', terminated: '终止调解' };

/** Routes the parties are told about when mediation fails (人民调解法 art. 26). */
export const GUIDANCE_ROUTES = ['litigation', 'arbitration', 'administrative'] as const;
export type GuidanceRoute = (typeof GUIDANCE_ROUTES)[number];
export const GUIDANCE_ROUTE_LABELS: Record<GuidanceRoute, string> = { litigation: '诉讼', arbitration: '仲裁', administrative: '行政途径' };

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
export const CONFIRMATION_LABELS = { none: '未申请', applied: '已申请', granted: '确认有效', rejected: '驳回' } as const;
/** The court's ruling as the office records it (司法确认 结果). */
export const CONFIRMATION_RESULT_LABELS = { granted: '确认有效', rejected: '驳回申请' } as const;
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
  /** Days left counting today as one; 0 or less means the window has closed. */
  daysLeft: number;
  open: boolean;
}

/** The 30 days counted from the effective date; a last day that is a rest day moves to the next working day. */
export function confirmationWindow(effectiveDate: string, today: string, holidays: HolidayTable): ConfirmationWindow {
  const lastDay = nextWorkingDayOnOrAfter(addDays(effectiveDate, CONFIRMATION_WINDOW_DAYS), holidays);
  const daysLeft = daysBetween(today, lastDay) + 1;
  return { lastDay, daysLeft, open: daysLeft > 0 };
}

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
