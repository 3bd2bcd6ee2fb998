/**
 * Desktop notification, once a day, when the to-do table has overdue items: checked at start and
 * then hourly (the app is often left open for days). Clicking it brings the window to the dashboard.
 */
import { app, type BrowserWindow, Notification } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { invokeAsync, type Host } from '../../db/router';
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

export function startDailyReminder(host: Host, window: () => BrowserWindow | null): void {
  const check = async () => {
    if (!Notification.isSupported()) return;
    let r = await invokeAsync(host, 'obligations.dashboard', {});
    if (r.ok && r.value.refreshing) {
      // The day's rebuild is running: count from its result, not from yesterday's table.
      await host.refresher?.whenIdle();
      r = await invokeAsync(host, 'obligations.dashboard', {});
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
