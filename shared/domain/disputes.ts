/**
 * The dispute register's workflow: 登记 → 受理/不予受理 → 调处中 → 化解/未化解 → 办结, and 转办
 * (handed to another unit) from any open state. Every change is recorded with its date.
 */
import { addDays } from '../dates';
import { addMonths } from '../date-math';
import type { HolidayTable } from './holidays';
import {
  actionEvents,
  actionExtensions,
  computeDueItems,
  type DeadlineRule,
  type DueItem,
  type ObligationEvent,
  type RecordedAction,
} from './obligations';

export const DISPUTE_STATUSES = [
  'registered',
  'accepted',
  'rejected',
  'mediating',
  'resolved',
  'unresolved',
  'transferred',
  'closed',
] as const;
export type DisputeStatus = (typeof DISPUTE_STATUSES)[number];

/** 调处主体: the township's own centre, or a village (community) committee — the county counts them apart. */
export const HANDLING_LEVELS = ['township', 'village'] as const;
export type HandlingLevel = (typeof HANDLING_LEVELS)[number];
export const HANDLING_LEVEL_LABELS: Record<HandlingLevel, string> = { township: '乡镇（调解中心）', village: '村（社区）' };

/** Sources that arrive as a work order (工单 / 转办单) with a number, a time limit and a feedback to give. */
export const TICKET_SOURCES: readonly string[] = ['hotline12345', 'petition'];

export const DISPUTE_STATUS_LABELS: Record<DisputeStatus, string> = {
  registered: '登记',
  accepted: '受理',
  rejected: '不予受理',
  mediating: '调处中',
  resolved: '化解',
  unresolved: '未化解',
  transferred: '转办',
  closed: '办结',
};

const TRANSITIONS: Record<DisputeStatus, readonly DisputeStatus[]> = {
  registered: ['accepted', 'rejected', 'transferred'],
  accepted: ['mediating', 'transferred'],
  mediating: ['resolved', 'unresolved', 'transferred'],
  resolved: ['closed'],
  unresolved: ['mediating', 'transferred', 'closed'],
  rejected: ['closed'],
  transferred: ['closed'],
  closed: [],
};

export function allowedTransitions(from: DisputeStatus): readonly DisputeStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: DisputeStatus, to: DisputeStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** States in which work is still owed, so a passed deadline makes the dispute overdue. */
export const OPEN_STATUSES: readonly DisputeStatus[] = ['registered', 'accepted', 'mediating'];

/** The handling deadline as a rule of the due-date engine (see obligations.ts). */
export const DISPUTE_DEADLINE_RULE: Omit<DeadlineRule, 'date'> = {
  kind: 'deadline',
  id: 'dispute.deadline',
  label: '纠纷办理期限',
  source:
    '本单位设定的办理期限（默认自登记之日起一个月，参照《人民调解工作若干规定》第三十三条“一般在一个月内调结”；劳动争议纠纷默认15日，《劳动争议调解仲裁法》第十四条）；期限末日为法定休假日（含周六、周日，调休上班日除外）的，顺延至其后第一个工作日（《民事诉讼法》第八十五条）',
  rollForward: true,
};

/**
 * A new registration's deadline when none is given (REVIEW rows 7, 20): the category's own days if the
 * office set them (劳动争议 15 days), otherwise the office's default — counted in calendar months
 * (the same day of the month, or the month's last day) or in days.
 */
export function defaultDisputeDeadline(
  intakeDate: string,
  category: string,
  settings: { disputeDeadline: { count: number; unit: 'month' | 'day' }; categoryDeadlineDays: Record<string, number> },
): string {
  const own = settings.categoryDeadlineDays[category];
  if (own) return addDays(intakeDate, own);
  const { count, unit } = settings.disputeDeadline;
  return unit === 'month' ? addMonths(intakeDate, count) : addDays(intakeDate, count);
}

export interface DisputeDeadlineFacts {
  id: string;
  intakeDate: string;
  deadline: string | null;
  status: DisputeStatus;
  /** The dated status history, oldest first. */
  history: readonly { to: DisputeStatus; date: string }[];
}

/**
 * The dispute's handling deadline through the engine: due on the deadline (moved past rest days by
 * the holiday table), done on the day the dispute left the open states (化解、未化解、转办、不予受理、
 * 办结), with the office's 延期/免除 of it applied. Empty when no deadline is set. The list, the
 * detail page, the export and the dashboard all judge 超期 from this item.
 */
export function disputeDueItems(
  d: DisputeDeadlineFacts,
  today: string,
  holidays: HolidayTable,
  actions: readonly RecordedAction[] = [],
): DueItem[] {
  if (!d.deadline) return [];
  const events: ObligationEvent[] = [];
  if (!OPEN_STATUSES.includes(d.status)) {
    const left = [...d.history].reverse().find((h) => !OPEN_STATUSES.includes(h.to));
    events.push({ id: 'status', date: left?.date ?? today, ruleId: DISPUTE_DEADLINE_RULE.id });
  }
  return computeDueItems({
    rules: [{ ...DISPUTE_DEADLINE_RULE, date: d.deadline }],
    subject: { id: d.id, startDate: d.intakeDate, endDate: null, facts: {} },
    events: [...events, ...actionEvents(actions)],
    extensions: actionExtensions(actions),
    today,
    holidays,
  });
}
