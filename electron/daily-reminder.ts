/**
 * The once-a-day reminder of overdue items (desktop app). The decision is a pure function so it is
 * tested without Electron; electron/platform/notify.ts shows the system notification. Browser mode
 * has no notification: the dashboard's banner says the same on opening.
 */
export interface ReminderState {
  /** The last day a reminder was shown ('YYYY-MM-DD'), kept in the user's app-data folder. */
  lastShown: string | null;
}

/** Remind once per calendar day, and only when something is overdue. */
export function shouldRemind(state: ReminderState, today: string, overdue: number): boolean {
  return overdue > 0 && state.lastShown !== today;
}

export function reminderText(overdue: number, dueSoon: number): { title: string; body: string } {
  const soon = dueSoon > 0 ? `，另有 ${dueSoon} 项7日内到期` : '';
  return { title: '乡镇司法台账：有事项已逾期', body: `有 ${overdue} 项已逾期${soon}。请在“首页 工作台”查看并办理。` };
}
