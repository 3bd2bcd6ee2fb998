/**
 * The one way a moment (an ISO-8601 UTC instant: an audit row, an upload, a deletion) is shown:
 * 2026-11-29 14:05, in the local time of the machine showing it, minutes only, 24-hour clock — the
 * same on every screen whatever the browser's locale would make of it. Dates alone stay 'YYYY-MM-DD'.
 */

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * An instant as 'YYYY-MM-DD HH:mm' local time. `offsetMinutes` is the local offset as
 * Date.getTimezoneOffset gives it (UTC minus local: −480 in China); the machine's own by default.
 * Text that is not an instant is returned as it came, so that nothing shown is lost.
 */
export function formatInstant(iso: string, offsetMinutes?: number): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const offset = offsetMinutes ?? new Date(t).getTimezoneOffset();
  const d = new Date(t - offset * 60_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}
