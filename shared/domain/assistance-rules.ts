/**
 * 安置帮教 (assistance to released persons): the 帮教期, what a file owes by date as rules of the due-date
 * engine (shared/domain/obligations.ts), and the check of its 帮教小组 (CONTRIBUTING.md, REVIEW §6.2,
 * REVIEW §6.3, ARCHITECTURE rule 6). Pure: the day and the office's settings are passed in.
 *
 * Decisions:
 * - No national statute sets the period, the visits or the local windows: each is a setting with its
 *   default and source shown (LOCAL, UNCONFIRMED), never a constant.
 * - 帮教期满 = the anchor (释放日期, for a correction leaver the day the correction ended) + N years, the
 *   same calendar day (29 Feb → 28 Feb).
 * - 预释放: a file registered before the release owes the family contact by the release date, listed 30 days
 *   before it; once the 《刑满释放人员通知书》 is received, within the family-contact days of it (if earlier).
 * - 未衔接 is owed from the release date: overdue the next day until the 衔接 (or the 查找 of a 下落不明
 *   person) is recorded. The first home visit is owed within N days of the return.
 * - Visits follow the level (重点 high/medium/low, or 一般) from the last visit, until the period ends.
 */
import { addDays, daysBetween } from '../dates';
import { addYears } from '../date-math';
import {
  actionEvents,
  actionExtensions,
  computeDueItems,
  levelAt,
  type DueItem,
  type Interval,
  type ObligationEvent,
  type RecordedAction,
  type Rule,
} from './obligations';
import type { HolidayTable } from './holidays';

// ── codes ────────────────────────────────────────────────────────────────────────────────────

export const RELEASE_TYPES = ['expiry', 'pardon', 'outside_end', 'correction_end'] as const;
export type ReleaseType = (typeof RELEASE_TYPES)[number];
export const RELEASE_TYPE_LABELS: Record<ReleaseType, string> = {
  expiry: '刑满释放',
  pardon: '特赦',
  outside_end: '暂予监外执行期满',
  correction_end: '社区矫正期满',
};

export const HANDOVER_METHODS = ['escort', 'family', 'self'] as const;
export type HandoverMethod = (typeof HANDOVER_METHODS)[number];
export const HANDOVER_METHOD_LABELS: Record<HandoverMethod, string> = { escort: '必接必送', family: '家属接回', self: '自行返回' };

/** 衔接状态: pending 未衔接 (before or after the release), done 已衔接, missing 下落不明. */
export const HANDOVER_STATES = ['pending', 'done', 'missing'] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];
export const HANDOVER_STATE_LABELS: Record<HandoverState, string> = { pending: '未衔接', done: '已衔接', missing: '下落不明' };

/** The level a file is visited by: 一般 or 重点帮教对象 with its risk (高/中/低, LOCAL). */
export const ASSISTANCE_LEVELS = ['normal', 'high', 'medium', 'low'] as const;
export type AssistanceLevel = (typeof ASSISTANCE_LEVELS)[number];
export const ASSISTANCE_LEVEL_LABELS: Record<AssistanceLevel, string> = {
  normal: '一般对象',
  high: '重点（高风险）',
  medium: '重点（中风险）',
  low: '重点（低风险）',
};
export const isKeyLevel = (l: AssistanceLevel) => l !== 'normal';

export const PLACEMENTS = ['employed', 'business', 'farming', 'study', 'welfare', 'base', 'none'] as const;
export type Placement = (typeof PLACEMENTS)[number];
export const PLACEMENT_LABELS: Record<Placement, string> = {
  employed: '就业',
  business: '自主创业',
  farming: '务农',
  study: '升学',
  welfare: '低保',
  base: '过渡性安置基地',
  none: '未安置',
};

export const TEAM_ROLES = ['司法所工作人员', '网格员', '村(社区)干部', '镇干部', '派出所民警', '亲属', '志愿者', '其他'] as const;
export const STATION_ROLE = '司法所工作人员';

export const AID_TYPES = ['技能培训', '就业指导', '临时救助', '低保', '户籍', '社保', '承包地'] as const;
export type AidType = (typeof AID_TYPES)[number];
export const ASSISTANCE_VISIT_METHODS = ['走访', '谈话', '电话联系', '集中帮教'] as const;

export const END_REASONS = ['expired', 'death', 'moved', 'reimprisoned'] as const;
export type EndReason = (typeof END_REASONS)[number];
export const END_REASON_LABELS: Record<EndReason, string> = { expired: '帮教期满', death: '死亡', moved: '迁出', reimprisoned: '再次收监' };

export const RECORD_KINDS = ['visit', 'aid', 'reoffence'] as const;
export type AssistanceRecordKind = (typeof RECORD_KINDS)[number];
export const RECORD_KIND_LABELS: Record<AssistanceRecordKind, string> = { visit: '走访/谈话', aid: '帮扶', reoffence: '重新违法犯罪' };
export const REOFFENCE_TYPES = ['违法', '犯罪'] as const;

// ── settings ─────────────────────────────────────────────────────────────────────────────────

export interface AssistanceSettings {
  /** 帮教期 after a release from prison or jail, in years. */
  years?: number;
  /** 帮教期 after a community correction ended, in years. */
  correctionYears?: number;
  /** Days after the 通知书 is received to contact the family (家属接回). */
  familyDays?: number;
  /** Days after the return to make the first home visit. */
  firstVisitDays?: number;
  /** Visit cadence per level. */
  visits?: Partial<Record<AssistanceLevel, Interval>>;
  /** Days before 帮教期满 that it is listed. */
  remindDays?: number;
}

export const DEFAULT_ASSISTANCE = {
  years: 5,
  correctionYears: 3,
  familyDays: 7,
  firstVisitDays: 7,
  remindDays: 30,
  visits: { normal: { months: 3 }, high: { months: 1 }, medium: { months: 1 }, low: { months: 1 } } as Record<AssistanceLevel, Interval>,
};

export const PERIOD_SOURCE =
  '全国无统一法律规定（中办发〔2010〕5号原文未查到〔UNCONFIRMED〕）。默认：刑满释放后5年（福建、广州等地做法〔LOCAL〕）；社区矫正期满后3年（广州穗府规〔2020〕11号〔LOCAL〕，福建为5年）。本所可在设置中调整。';
export const FAMILY_SOURCE =
  '监狱在释放前一个月寄送《刑满释放人员通知书》（1999年司法部通知〔PAGE〕）；收到通知书后7日内通知家属接回、释放后7日内首次家访为地方登记做法〔LOCAL〕，本所可在设置中调整。';
export const VISIT_SOURCE =
  '全国未规定走访频次〔UNCONFIRMED〕。默认取地方做法〔LOCAL〕：重点帮教对象每月走访（思想摸排），一般对象每季度走访。本所可在设置中调整。';
export const REMIND_SOURCE = '帮教期满前提醒为本所工作安排（默认30日，可在设置中调整）。';
const PRE_RELEASE_SOURCE =
  '释放前一个月内联系家属、准备衔接；重点帮教对象安排必接必送（中办发〔2010〕5号、1999年司法部通知〔PAGE，UNCONFIRMED〕）。收到通知书的，按本所设置的天数联系家属。';
const HANDOVER_SOURCE = '刑满释放人员应于释放当日衔接（接回或报到）；未衔接的，在记录衔接或查找情况前一直列为逾期〔PAGE，LOCAL〕。';

export const PRE_RELEASE_DAYS = 30;

export function assistanceSettings(s: AssistanceSettings) {
  return {
    years: s.years ?? DEFAULT_ASSISTANCE.years,
    correctionYears: s.correctionYears ?? DEFAULT_ASSISTANCE.correctionYears,
    familyDays: s.familyDays ?? DEFAULT_ASSISTANCE.familyDays,
    firstVisitDays: s.firstVisitDays ?? DEFAULT_ASSISTANCE.firstVisitDays,
    remindDays: s.remindDays ?? DEFAULT_ASSISTANCE.remindDays,
    visits: Object.fromEntries(ASSISTANCE_LEVELS.map((l) => [l, s.visits?.[l] ?? DEFAULT_ASSISTANCE.visits[l]])) as Record<
      AssistanceLevel,
      Interval
    >,
  };
}
export type ResolvedAssistanceSettings = ReturnType<typeof assistanceSettings>;

/** 帮教期满: the anchor + the years its release type is under. */
export function periodEnd(releaseType: ReleaseType, anchor: string, s: AssistanceSettings): { date: string; years: number } {
  const r = assistanceSettings(s);
  const years = releaseType === 'correction_end' ? r.correctionYears : r.years;
  return { date: addYears(anchor, years), years };
}

// ── the team ─────────────────────────────────────────────────────────────────────────────────

export interface TeamCheck {
  complete: boolean;
  /** What is missing, in the office's words. */
  missing: string[];
}

/** A 1+n team: a 司法所 member, at least one other member, and a signed 帮教协议. */
export function teamCheck(members: readonly { role: string }[], agreementDate: string | null): TeamCheck {
  const missing: string[] = [];
  if (!members.some((m) => m.role === STATION_ROLE)) missing.push('缺少司法所工作人员');
  if (!members.some((m) => m.role !== STATION_ROLE)) missing.push('至少还需一名其他成员（网格员、村干部、亲属等）');
  if (!agreementDate) missing.push('未签订帮教协议');
  return { complete: missing.length === 0, missing };
}

// ── the rules of one file ────────────────────────────────────────────────────────────────────

export const RULE_IDS = {
  preRelease: 'assistance.pre_release',
  handover: 'assistance.handover',
  firstVisit: 'assistance.first_visit',
  visit: 'assistance.visit',
  periodEnd: 'assistance.period_end',
} as const;

export interface AssistanceFile {
  id: string;
  releaseType: ReleaseType;
  releaseDate: string;
  /** Registered before the release (预释放): the family contact is owed. */
  preRelease: boolean;
  noticeDate: string | null;
  familyContactDate: string | null;
  /** 接回/报到 date of a 衔接, or the 查找 date of a 下落不明 person. */
  handoverDate: string | null;
  /** 接回日期 (the return), from which the first home visit counts. */
  returnDate: string | null;
  levels: readonly { date: string; level: AssistanceLevel }[];
}

export function assistanceLevelAt(file: Pick<AssistanceFile, 'levels'>, date: string): { level: AssistanceLevel; since: string | null } {
  return levelAt(file.levels, date) ?? { level: 'normal', since: null };
}

/** The family contact's due date: the release date, or the notice + the family days if earlier. */
export function familyContactDue(file: Pick<AssistanceFile, 'releaseDate' | 'noticeDate'>, s: AssistanceSettings): string {
  const byNotice = file.noticeDate ? addDays(file.noticeDate, assistanceSettings(s).familyDays) : null;
  return byNotice && byNotice < file.releaseDate ? byNotice : file.releaseDate;
}

export function assistanceRules(file: AssistanceFile, settings: AssistanceSettings, today: string): Rule[] {
  const s = assistanceSettings(settings);
  const end = periodEnd(file.releaseType, file.releaseDate, settings).date;
  const now = assistanceLevelAt(file, today);
  const rules: Rule[] = [];
  if (file.preRelease) {
    const due = familyContactDue(file, settings);
    rules.push({
      id: RULE_IDS.preRelease,
      kind: 'termEnd',
      label: '释放前联系家属、准备衔接',
      date: due,
      remindDays: [Math.max(0, PRE_RELEASE_DAYS - Math.max(0, daysBetween(due, file.releaseDate)))],
      source: PRE_RELEASE_SOURCE,
    });
  }
  rules.push({
    id: RULE_IDS.handover,
    kind: 'deadline',
    label: '刑满释放人员衔接（未衔接）',
    date: file.releaseDate,
    doneFact: 'handoverDate',
    source: HANDOVER_SOURCE,
  });
  if (file.returnDate) {
    rules.push({
      id: RULE_IDS.firstVisit,
      kind: 'window',
      label: `回归后首次家访（${s.firstVisitDays}日内）`,
      from: 'returnDate',
      days: s.firstVisitDays,
      eventKinds: [RULE_IDS.visit],
      source: FAMILY_SOURCE,
    });
  }
  rules.push(
    {
      id: RULE_IDS.visit,
      kind: 'every',
      label: `走访帮教（${ASSISTANCE_LEVEL_LABELS[now.level]}）`,
      firstFrom: 'start',
      ...s.visits[now.level],
      ...(now.since && now.since > file.releaseDate ? { since: now.since } : {}),
      until: end,
      source: VISIT_SOURCE,
    },
    { id: RULE_IDS.periodEnd, kind: 'termEnd', label: '帮教期满', date: end, remindDays: [s.remindDays], source: REMIND_SOURCE },
  );
  return rules;
}

export interface AssistanceDueInput {
  file: AssistanceFile;
  /** Visit dates by id. */
  visits: readonly { id: string; date: string }[];
  settings: AssistanceSettings;
  actions: readonly RecordedAction[];
  /** Ended (期满, 死亡, 迁出, 再次收监): nothing falls due after it. */
  endDate: string | null;
  today: string;
  holidays: HolidayTable;
}

/** Every due item of a file as of `today`, its 延期/免除 applied. */
export function assistanceDueItems(input: AssistanceDueInput): DueItem[] {
  const { file, today } = input;
  const events: ObligationEvent[] = input.visits.map((v) => ({ id: v.id, date: v.date, ruleId: RULE_IDS.visit }));
  const contact = [file.familyContactDate, file.handoverDate].filter((d): d is string => !!d).sort()[0];
  if (file.preRelease && contact) events.push({ id: 'fact:familyContactDate', date: contact, ruleId: RULE_IDS.preRelease });
  const items = computeDueItems({
    rules: assistanceRules(file, input.settings, today),
    subject: {
      id: file.id,
      startDate: file.releaseDate,
      endDate: input.endDate,
      facts: { handoverDate: file.handoverDate, returnDate: file.returnDate },
    },
    events: [...events, ...actionEvents(input.actions)],
    extensions: actionExtensions(input.actions),
    today,
    holidays: input.holidays,
  });
  // An ended file owes nothing after its end (the engine keeps one-off items; drop those due later and open).
  return input.endDate ? items.filter((i) => i.dueDate <= input.endDate! || i.state === 'done' || i.state === 'waived') : items;
}
