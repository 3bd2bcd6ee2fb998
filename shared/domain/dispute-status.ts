/**
 * The dispute register's workflow: 登记 → 受理/不予受理 → 调处中 → 化解/未化解 → 办结, and 转办
 * (handed to another unit) from any open state. Every change is recorded with its date.
 */
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

export function isDisputeOverdue(d: { status: DisputeStatus; deadline: string | null }, today: string): boolean {
  return d.deadline !== null && d.deadline < today && OPEN_STATUSES.includes(d.status);
}

/** Default deadline: 30 days after intake (a common local practice; the office can change it per case). */
export const DEFAULT_DEADLINE_DAYS = 30;
