/**
 * Desktop notification, once a day, when the to-do table has overdue items: checked at start and
 * then hourly (the app is often left open for days). Clicking it brings the window to the dashboard.
 */
import { app, type BrowserWindow, Notification } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Output } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { reminderText, shouldRemind } from '../daily-reminder';

const HOUR = 60 * 60 * 1000;

function stateFile(): string {
  return join(app.getPath('userData'), 'reminder-shown-on.txt');
}

function lastShown(): string | null {
  try {
    return readFileSync(stateFile(), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/** How long to wait for the day's rebuild of the to-do table before counting again. */
const REBUILD_WAIT = 30_000;

export function startDailyReminder(
  invoke: (method: string, input: unknown) => Promise<Envelope<unknown>>,
  window: () => BrowserWindow | null,
): void {
  const dashboard = () => invoke('obligations.dashboard', {}) as Promise<Envelope<Output<'obligations.dashboard'>>>;
  const check = async () => {
    if (!Notification.isSupported()) return;
    let r = await dashboard();
    // The day's rebuild is running: count from its result, not from yesterday's table.
    for (let tries = 0; r.ok && r.value.refreshing && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, REBUILD_WAIT));
      r = await dashboard();
    }
    if (!r.ok) return; // e.g. before first-run setup
    const d = r.value;
    if (!shouldRemind({ lastShown: lastShown() }, d.today, d.overdueTotal)) return;
    const n = new Notification(reminderText(d.overdueTotal, d.dueSoonTotal));
    n.on('click', () => {
      const w = window();
      if (!w) return;
      if (w.isMinimized()) w.restore();
      w.focus();
      void w.webContents.executeJavaScript("location.hash = '#/'");
    });
    n.show();
    try {
      writeFileSync(stateFile(), d.today);
    } catch {
      /* a reminder shown twice is better than none */
    }
  };
  setTimeout(() => void check(), 10_000);
  setInterval(() => void check(), HOUR);
}
