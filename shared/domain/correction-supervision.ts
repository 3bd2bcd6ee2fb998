/**
 * 社区矫正: the 司法所's supervision records on a file — the 矫正小组 and its checks, the 矫正方案, the 审批 of
 * 外出, 经常性跨市县活动, 会客, 进入特定区域/场所 and 变更执行地, 电子定位, incidents (失联, 正在违法, 被拘留…) and
 * the 出境报备 (CONTRIBUTING.md, REVIEW §5.1, REVIEW §5.2, ARCHITECTURE rule 6). Pure: the office's settings and
 * the dates are passed in; what falls due is given to the due-date engine as rules and events.
 *
 * Decisions:
 * - Periods in months or days count as 民法典 art. 201 does (the first day not counted): a trip from 03-01 to
 *   03-08 is 7 days, and a period of 3 months from 03-01 may end on 06-01 at the latest (`addMonths`).
 * - The 外出 split (≤ 7 days 司法所, longer 县级), the 1-month limit per trip and the 6-month validity of one
 *   approval of 经常性跨市县活动 are not confirmed in the 2020 rules: they are the office's settings, each shown
 *   with its default and source.
 * - A trip longer than the per-trip limit is refused, whoever approves it: the review gives the limit per trip
 *   with no exception for the county (the county approves trips over 7 days, each still within the limit).
 *   A longer absence is a new application after the return.
 * - 电子定位's 3 months is the statute's (社区矫正法 art. 29, read in the law), so it is not a setting: no office
 *   may lengthen it. The extension assessment is listed a settable number of days before the expiry.
 */
import { addDays, daysBetween } from '../dates';
import { addMonths } from '../date-math';
import type { ObligationEvent, Rule } from './obligations';

// ── the 矫正小组 (社区矫正法 art. 25) ─────────────────────────────────────────────────────────

export const MEMBER_ROLES = ['司法所工作人员', '村/居委会', '监护人/家庭成员', '单位/学校', '社会工作者', '志愿者'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const STATION_MEMBER: MemberRole = '司法所工作人员';

export interface TeamMemberFacts {
  role: string;
  sex: 'M' | 'F' | null;
  /** Knows the work with minors (社区矫正法 art. 52). */
  knowsMinors: boolean;
}

export interface TeamSubject {
  sex: 'M' | 'F' | null;
  minor: boolean;
}

export interface TeamCheck {
  /** Members recorded and every check passed: the team is in place (矫正小组落实). */
  complete: boolean;
  /** What is missing, in the office's words (warnings, never refusals). */
  missing: string[];
}

/** The checks of a 矫正小组: members, a 司法所 member, a woman for a woman, someone who knows minors for a minor. */
export function correctionTeamCheck(members: readonly TeamMemberFacts[], subject: TeamSubject): TeamCheck {
  const missing: string[] = [];
  if (members.length === 0) missing.push('尚未确定矫正小组成员');
  else if (!members.some((m) => m.role === STATION_MEMBER)) missing.push('缺少司法所工作人员');
  if (subject.sex === 'F' && !members.some((m) => m.sex === 'F'))
    missing.push('矫正对象为女性，矫正小组应当有女性成员（社区矫正法第二十五条第二款）');
  if (subject.minor && !members.some((m) => m.knowsMinors))
    missing.push('矫正对象为未成年人，矫正小组应当有熟悉未成年人身心特点的人员（社区矫正法第五十二条）');
  return { complete: missing.length === 0, missing };
}

/** 矫正小组落实: members recorded and the checks passed (for the statistics to come). */
export function teamInPlace(members: readonly TeamMemberFacts[], subject: TeamSubject): boolean {
  return correctionTeamCheck(members, subject).complete;
}

// ── 审批 (REVIEW §5.2) ─────────────────────────────────────────────────────────────────────────

export const APPROVAL_KINDS = ['leave', 'frequent', 'visitor', 'place', 'relocate'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];
export const APPROVAL_KIND_LABELS: Record<ApprovalKind, string> = {
  leave: '外出',
  frequent: '经常性跨市县活动',
  visitor: '会客',
  place: '进入特定区域/场所',
  relocate: '变更执行地',
};

export const APPROVER_LEVELS = ['station', 'county'] as const;
export type ApproverLevel = (typeof APPROVER_LEVELS)[number];
export const APPROVER_LEVEL_LABELS: Record<ApproverLevel, string> = { station: '司法所', county: '县级社区矫正机构' };

export const RELOCATE_RESULTS = ['同意', '不同意', '协商中'] as const;

// ── the office's settings ────────────────────────────────────────────────────────────────────

export interface SupervisionSettings {
  /** A trip of at most this many days is approved by the 司法所; a longer one by the county. */
  leaveStationDays?: number;
  /** One trip lasts at most this many months. */
  leaveMaxMonths?: number;
  /** One approval of 经常性跨市县活动 is valid at most this many months. */
  frequentMonths?: number;
  /** The extension assessment of 电子定位 is listed this many days before the expiry. */
  monitorAssessDays?: number;
  /** 变更执行地: the counties' result is expected this many days after the application. */
  relocateDecisionDays?: number;
  /** 变更执行地: once agreed, the subject reports to the new county within this many days. */
  relocateReportDays?: number;
}

export type SupervisionLimits = Required<SupervisionSettings>;

export const SUPERVISION_DEFAULTS: SupervisionLimits = {
  leaveStationDays: 7,
  leaveMaxMonths: 1,
  frequentMonths: 6,
  monitorAssessDays: 7,
  relocateDecisionDays: 10,
  relocateReportDays: 7,
};

/** Each setting's source as the review gives it, shown beside its value. */
export const SUPERVISION_SOURCES: Record<keyof SupervisionLimits, string> = {
  leaveStationDays:
    '社区矫正法第二十七条：离开所居住的市、县应当经批准。外出七日以内由司法所批准、超过七日由县级社区矫正机构批准，见2012年《社区矫正实施办法》第十三条〔PAGE〕；2020年《社区矫正法实施办法》的规定未核实〔UNCONFIRMED〕。本所可在设置中调整。',
  leaveMaxMonths:
    '每次外出不超过一个月，见2012年《社区矫正实施办法》〔PAGE〕；2020年《社区矫正法实施办法》的规定未核实〔UNCONFIRMED〕。本所可在设置中调整。',
  frequentMonths:
    '社区矫正法第二十七条：因正常工作和生活需要经常性跨市、县活动的，可以简化批准程序和方式；一次批准的有效期为六个月，出处未核实〔UNCONFIRMED〕。本所可在设置中调整。',
  monitorAssessDays: '电子定位期满前进行延长评估的提前天数，法律未规定〔DERIVED〕，默认提前7日列出。本所可在设置中调整。',
  relocateDecisionDays:
    '社区矫正法第二十七条第二款：变更执行地的，执行地县级社区矫正机构与新执行地协商；征求意见和作出决定各5日（共10日）见2012年《社区矫正实施办法》〔PAGE〕，2020年规定未核实〔UNCONFIRMED〕。本所可在设置中调整。',
  relocateReportDays:
    '同意变更执行地的，社区矫正对象应当自收到决定之日起7日内到新执行地县级社区矫正机构报到，见2012年《社区矫正实施办法》〔PAGE〕，2020年规定未核实〔UNCONFIRMED〕。本所可在设置中调整。',
};

export const SUPERVISION_LABELS: Record<keyof SupervisionLimits, string> = {
  leaveStationDays: '司法所可批准的外出天数（含）',
  leaveMaxMonths: '每次外出最长（月）',
  frequentMonths: '经常性跨市县活动一次批准的有效期（月）',
  monitorAssessDays: '电子定位延长评估提前天数',
  relocateDecisionDays: '变更执行地申请后作出协商结果的天数',
  relocateReportDays: '同意变更后到新执行地报到的天数',
};

export function supervisionLimits(s: SupervisionSettings): SupervisionLimits {
  return { ...SUPERVISION_DEFAULTS, ...Object.fromEntries(Object.entries(s).filter(([, v]) => typeof v === 'number')) };
}

// ── 外出 ────────────────────────────────────────────────────────────────────────────────────

/** The days of a trip, the first day not counted (民法典 art. 201 style): 03-01 to 03-08 is 7 days. */
export function tripDays(start: string, end: string): number {
  return daysBetween(start, end);
}

/** Who approves a trip of this length: the 司法所 up to the set days, the county beyond. */
export function approverLevel(start: string, end: string, limits: SupervisionLimits): ApproverLevel {
  return tripDays(start, end) <= limits.leaveStationDays ? 'station' : 'county';
}

/** The last day a trip from `start` may end on. */
export function latestTripEnd(start: string, limits: SupervisionLimits): string {
  return addMonths(start, limits.leaveMaxMonths);
}

export interface ApprovalFacts {
  kind: ApprovalKind;
  startDate: string | null;
  endDate: string | null;
  returnDate: string | null;
  applyDate: string | null;
  reportedDate: string | null;
  approvalDate?: string | null;
}

/**
 * The refusals of one approval, by field, in Chinese (the form and the host both run them). A 会客 or 场所
 * approval needs its day; a trip or a frequent approval its period; a 变更执行地 its application day.
 */
export function approvalErrors(a: ApprovalFacts, limits: SupervisionLimits): Record<string, string> {
  const e: Record<string, string> = {};
  const { startDate: start, endDate: end } = a;
  if (a.applyDate && a.approvalDate && a.approvalDate < a.applyDate)
    e.approvalDate = a.kind === 'relocate' ? '决定日期不能早于申请日期' : '批准日期不能早于申请日期';
  if (a.kind === 'relocate') {
    if (!a.applyDate) e.applyDate = '请填写申请日期';
    else if (a.reportedDate && a.reportedDate < a.applyDate) e.reportedDate = '到新执行地报到的日期不能早于申请日期';
    return e;
  }
  if (!start) e.startDate = a.kind === 'leave' || a.kind === 'frequent' ? '请填写起始日期' : '请填写日期';
  if ((a.kind === 'leave' || a.kind === 'frequent') && !end) e.endDate = '请填写截止日期';
  if (start && end && end < start) e.endDate = '截止日期不能早于起始日期';
  else if (start && end && a.kind === 'leave' && end > latestTripEnd(start, limits))
    e.endDate = `每次外出不超过${limits.leaveMaxMonths}个月（最迟${latestTripEnd(start, limits)}）；超过的，返回销假后另行申请`;
  else if (start && end && a.kind === 'frequent' && end > addMonths(start, limits.frequentMonths))
    e.endDate = `经常性跨市县活动一次批准的有效期不超过${limits.frequentMonths}个月（最迟${addMonths(start, limits.frequentMonths)}）`;
  // Only a 外出 has a 销假 (another kind's is dropped by the host, as its field is not shown).
  if (a.kind === 'leave' && a.returnDate && start && a.returnDate < start) e.returnDate = '销假日期不能早于外出起始日期';
  return e;
}

// ── 电子定位 (社区矫正法 art. 29) ───────────────────────────────────────────────────────────────

/** The five grounds of art. 29, exactly as the law lists them. */
export const MONITOR_GROUNDS = ['prohibition', 'left', 'refused', 'punished', 'revoke'] as const;
export type MonitorGround = (typeof MONITOR_GROUNDS)[number];
export const MONITOR_GROUND_LABELS: Record<MonitorGround, string> = {
  prohibition: '违反人民法院禁止令的',
  left: '无正当理由，未经批准离开所居住的市、县的',
  refused: '拒不按照规定报告自己的活动情况，被给予警告的',
  punished: '违反监督管理规定，被给予治安管理处罚的',
  revoke: '拟提请撤销缓刑、假释或者暂予监外执行收监执行的',
};

/** 社区矫正法 art. 29: each period of 电子定位 is at most 3 months (the law's figure, not a setting). */
export const MONITOR_MONTHS = 3;
export const MONITOR_SOURCE =
  '社区矫正法第二十九条：经县级司法行政部门负责人批准，可以使用电子定位装置；使用期限不得超过三个月；对于不需要继续使用的，应当及时解除；对于期限届满后，经评估仍有必要继续使用的，经过批准，期限可以延长，每次不得超过三个月。';

export function latestMonitorEnd(from: string): string {
  return addMonths(from, MONITOR_MONTHS);
}

export interface MonitorPeriod {
  start: string;
  end: string;
}

export const ASSESS_RESULTS = ['extend', 'stop'] as const;
export type AssessResult = (typeof ASSESS_RESULTS)[number];
export const ASSESS_RESULT_LABELS: Record<AssessResult, string> = { extend: '仍有必要，延长使用', stop: '不再需要，期满解除' };

export interface MonitorAssessment {
  id: string;
  date: string;
  result: AssessResult;
  /** The new end when extended. */
  newEnd: string | null;
}

export interface MonitorFacts {
  id: string;
  startDate: string;
  endDate: string;
  removalDate: string | null;
  assessments: readonly MonitorAssessment[];
}

/** The end in force: the last extension's, or the first period's. */
export function monitorEnd(m: Pick<MonitorFacts, 'endDate' | 'assessments'>): string {
  const ext = [...m.assessments].filter((a) => a.result === 'extend' && a.newEnd).sort((a, b) => (a.date < b.date ? -1 : 1));
  return ext.length ? ext[ext.length - 1]!.newEnd! : m.endDate;
}

/** The refusals of an extension: after the start, with a new end after the current one and within 3 months of it. */
export function extensionErrors(
  m: Pick<MonitorFacts, 'startDate' | 'endDate' | 'assessments' | 'removalDate'>,
  a: Omit<MonitorAssessment, 'id'>,
) {
  const e: Record<string, string> = {};
  const end = monitorEnd(m);
  if (m.removalDate) e.date = '电子定位已解除，不能再评估延长';
  else if (a.date < m.startDate) e.date = '评估日期不能早于电子定位起始日期';
  if (a.result === 'extend') {
    if (!a.newEnd) e.newEnd = '请填写延长后的截止日期';
    else if (a.newEnd <= end) e.newEnd = `延长后的截止日期应晚于当前截止日期${end}`;
    else if (a.newEnd > latestMonitorEnd(end)) e.newEnd = `每次延长不得超过三个月（最迟${latestMonitorEnd(end)}）`;
  } else if (a.newEnd) e.newEnd = '不延长的，不填写延长后的截止日期';
  return e;
}

// ── incidents (社区矫正法 arts. 30–32) ─────────────────────────────────────────────────────────

export const INCIDENT_KINDS = ['missing', 'offending', 'detained'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_KIND_LABELS: Record<IncidentKind, string> = {
  missing: '失联',
  offending: '正在实施违反监督管理规定或违法犯罪行为',
  detained: '被拘留、强制隔离戒毒或采取刑事强制措施',
};
export const INCIDENT_SOURCES: Record<IncidentKind, string> = {
  missing:
    '社区矫正法第三十条：社区矫正对象失去联系的，社区矫正机构应当立即组织查找，公安机关等有关单位和人员应当予以配合协助。查找到社区矫正对象后，应当区别情形依法作出处理。',
  offending:
    '社区矫正法第三十一条：发现社区矫正对象正在实施违反监督管理规定的行为或者违法犯罪行为的，应当立即制止；制止无效的，应当立即通知公安机关到场处置。',
  detained:
    '社区矫正法第三十二条：社区矫正对象有被依法决定拘留、强制隔离戒毒、采取刑事强制措施等限制人身自由情形的，有关机关应当及时通知社区矫正机构。',
};

// ── due items given to the engine ────────────────────────────────────────────────────────────

export const SUPERVISION_RULE_PREFIX = {
  leaveReturn: 'correction.leave_return',
  monitorEnd: 'correction.monitor_end',
  monitorAssess: 'correction.monitor_assess',
  relocateResult: 'correction.relocate_result',
  relocateReport: 'correction.relocate_report',
} as const;

/** The results of the counties' consultation that settle an application to change the 执行地. */
const SETTLED_RESULTS: readonly string[] = ['同意', '不同意'];

const LEAVE_RETURN_SOURCE =
  '社区矫正法第二十七条：外出须经批准；外出期满应当及时返回并报告（销假）〔UNCONFIRMED，2012年《社区矫正实施办法》第十三条同〕。截止日期的次日起未销假的，列为逾期。';

export interface LeaveFacts {
  id: string;
  destination: string | null;
  startDate: string;
  endDate: string;
  returnDate: string | null;
}

export interface RelocationFacts {
  id: string;
  destination: string | null;
  applyDate: string;
  result: string | null;
  /** The day of the counties' result (决定日期). */
  approvalDate: string | null;
  /** The day the subject reported to the new county. */
  reportedDate: string | null;
}

export interface SupervisionDueFacts {
  leaves: readonly LeaveFacts[];
  monitors: readonly MonitorFacts[];
  relocations?: readonly RelocationFacts[];
}

/** The rules and done events of the supervision records: 外出销假, 电子定位 expiry and assessment, 变更执行地's result and report. */
export function supervisionDue(f: SupervisionDueFacts, limits: SupervisionLimits): { rules: Rule[]; events: ObligationEvent[] } {
  const rules: Rule[] = [];
  const events: ObligationEvent[] = [];
  for (const l of f.leaves) {
    const id = `${SUPERVISION_RULE_PREFIX.leaveReturn}:${l.id}`;
    rules.push({
      id,
      kind: 'deadline',
      label: `外出销假（${l.destination ?? '外出'}，${l.startDate}至${l.endDate}）`,
      date: l.endDate,
      source: LEAVE_RETURN_SOURCE,
    });
    if (l.returnDate) events.push({ id: `leave:${l.id}`, date: l.returnDate, ruleId: id });
  }
  for (const m of f.monitors) {
    const ends = [m.endDate];
    const sorted = [...m.assessments].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    for (const a of sorted) if (a.result === 'extend' && a.newEnd) ends.push(a.newEnd);
    const end = ends[ends.length - 1]!;
    const endId = `${SUPERVISION_RULE_PREFIX.monitorEnd}:${m.id}`;
    rules.push({
      id: endId,
      kind: 'termEnd',
      label: `电子定位期满（${end}）`,
      date: end,
      remindDays: [limits.monitorAssessDays],
      source: MONITOR_SOURCE,
    });
    if (m.removalDate) events.push({ id: `monitor:${m.id}`, date: m.removalDate, ruleId: endId });
    // One assessment before each period's end: the n-th assessment answers the n-th period.
    ends.forEach((periodEnd, n) => {
      const assessed = sorted[n];
      // Removed before this period's assessment fell due, with none recorded: nothing to assess.
      if (!assessed && m.removalDate && m.removalDate <= addDays(periodEnd, -limits.monitorAssessDays)) return;
      const ruleId = `${SUPERVISION_RULE_PREFIX.monitorAssess}:${m.id}:${n}`;
      rules.push({
        id: ruleId,
        kind: 'deadline',
        label: `电子定位延长评估（${periodEnd}期满）`,
        date: addDays(periodEnd, -limits.monitorAssessDays),
        source: MONITOR_SOURCE,
      });
      if (assessed) events.push({ id: `assess:${assessed.id}`, date: assessed.date, ruleId });
      else if (m.removalDate) events.push({ id: `monitor:${m.id}:removed`, date: m.removalDate, ruleId });
    });
  }
  for (const r of f.relocations ?? []) {
    const where = r.destination ?? '新执行地';
    const resultId = `${SUPERVISION_RULE_PREFIX.relocateResult}:${r.id}`;
    rules.push({
      id: resultId,
      kind: 'deadline',
      label: `变更执行地协商结果（${where}）`,
      date: addDays(r.applyDate, limits.relocateDecisionDays),
      source: SUPERVISION_SOURCES.relocateDecisionDays,
    });
    const decided = r.result && SETTLED_RESULTS.includes(r.result) ? (r.approvalDate ?? r.applyDate) : null;
    if (decided) events.push({ id: `relocate:${r.id}`, date: decided, ruleId: resultId });
    if (decided && r.result === '同意') {
      const reportId = `${SUPERVISION_RULE_PREFIX.relocateReport}:${r.id}`;
      rules.push({
        id: reportId,
        kind: 'deadline',
        label: `到新执行地报到（${where}）`,
        date: addDays(decided, limits.relocateReportDays),
        source: SUPERVISION_SOURCES.relocateReportDays,
      });
      if (r.reportedDate) events.push({ id: `relocate:${r.id}:report`, date: r.reportedDate, ruleId: reportId });
    }
  }
  return { rules, events };
}
