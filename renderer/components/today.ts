/** Today in the user's local time, 'YYYY-MM-DD' (a form's default date; the host's clock decides what is due). */
export function todayLocal(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
