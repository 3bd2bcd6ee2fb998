/**
 * 上报包 periods and the county's bookkeeping of them: what a period is called, which days it covers,
 * and which townships have not yet reported one. Pure (ARCHITECTURE rule 6).
 */

export const REPORT_PERIOD_KINDS = ['month', 'quarter', 'half', 'year'] as const;
export type ReportPeriodKind = (typeof REPORT_PERIOD_KINDS)[number];
export const REPORT_PERIOD_KIND_LABELS: Record<ReportPeriodKind, string> = { month: '月报', quarter: '季报', half: '半年报', year: '年报' };

export interface ReportPeriod {
  /** '2024-06', '2024-Q2', '2024-H1' or '2024': sorts by year, then within the year by kind. */
  key: string;
  kind: ReportPeriodKind;
  label: string;
  dateFrom: string;
  dateTo: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Months covered: [first, last] (1–12). */
function months(kind: ReportPeriodKind, n: number): [number, number] {
  if (kind === 'month') return [n, n];
  if (kind === 'quarter') return [3 * n - 2, 3 * n];
  if (kind === 'half') return [6 * n - 5, 6 * n];
  return [1, 12];
}

const MAX_N: Record<ReportPeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 1 };
const CN_QUARTER = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

/** The period `n` (month 1–12, quarter 1–4, half 1–2; ignored for a year) of `year`, or null when there is none. */
export function reportPeriod(kind: ReportPeriodKind, year: number, n = 1): ReportPeriod | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2199) return null;
  const k = kind === 'year' ? 1 : n;
  if (!Number.isInteger(k) || k < 1 || k > MAX_N[kind]) return null;
  const [first, last] = months(kind, k);
  const key = kind === 'month' ? `${year}-${pad(k)}` : kind === 'quarter' ? `${year}-Q${k}` : kind === 'half' ? `${year}-H${k}` : `${year}`;
  const label =
    kind === 'month'
      ? `${year}年${k}月`
      : kind === 'quarter'
        ? `${year}年${CN_QUARTER[k]}`
        : kind === 'half'
          ? `${year}年${k === 1 ? '上半年' : '下半年'}`
          : `${year}年`;
  return { key, kind, label, dateFrom: `${year}-${pad(first)}-01`, dateTo: `${year}-${pad(last)}-${pad(lastDay(year, last))}` };
}

/** A period from its key ('2024-06', '2024-Q2', '2024-H1', '2024'), or null when the key is not one. */
export function parsePeriodKey(key: string): ReportPeriod | null {
  const m = /^(\d{4})(?:-(?:(\d{2})|Q(\d)|H(\d)))?$/.exec(key.trim());
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2]) return reportPeriod('month', year, Number(m[2]));
  if (m[3]) return reportPeriod('quarter', year, Number(m[3]));
  if (m[4]) return reportPeriod('half', year, Number(m[4]));
  return reportPeriod('year', year);
}

/** The last complete period of a kind before `today` (YYYY-MM-DD): what a township is reporting now. */
export function previousPeriod(kind: ReportPeriodKind, today: string): ReportPeriod {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  if (kind === 'year') return reportPeriod('year', year - 1)!;
  const size = kind === 'month' ? 1 : kind === 'quarter' ? 3 : 6;
  const current = Math.ceil(month / size);
  return current === 1 ? reportPeriod(kind, year - 1, MAX_N[kind])! : reportPeriod(kind, year, current - 1)!;
}

/**
 * The townships expected to report that have no package for the period, in the expected list's order.
 * Names are compared trimmed; a received township not on the list is no one's gap.
 */
export function missingTownships(
  expected: readonly string[],
  received: readonly { township: string; period: string }[],
  period: string,
): string[] {
  const got = new Set(received.filter((r) => r.period === period).map((r) => r.township.trim()));
  const seen = new Set<string>();
  return expected
    .map((t) => t.trim())
    .filter((t) => {
      if (!t || got.has(t) || seen.has(t)) return false;
      seen.add(t);
      return true;
    });
}

/** What a Windows or FAT32 name cannot hold, and dots (no `..`, no trailing dot). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the pattern exists to find.
const UNSAFE_IN_NAME = /[\\/:*?"<>|\u0000-\u001F\u007F.]/g;

/** A file or folder name made of the township and period, safe on Windows and on a FAT32 stick. */
export function packageBaseName(township: string, period: ReportPeriod, stamp: string): string {
  const town = township.replace(UNSAFE_IN_NAME, '').trim().slice(0, 40) || '乡镇';
  return `上报包_${town}_${period.key}_${stamp}`;
}

/** The periods a township may report now, by kind: the last complete ones, the latest first (12 months, 4 quarters, 2 halves, 2 years). */
export function recentPeriods(today: string): Record<ReportPeriodKind, ReportPeriod[]> {
  const count: Record<ReportPeriodKind, number> = { month: 12, quarter: 4, half: 2, year: 2 };
  const out = {} as Record<ReportPeriodKind, ReportPeriod[]>;
  for (const kind of REPORT_PERIOD_KINDS) {
    const list: ReportPeriod[] = [];
    let day = today;
    for (let i = 0; i < count[kind]; i++) {
      const p = previousPeriod(kind, day);
      list.push(p);
      day = p.dateFrom;
    }
    out[kind] = list;
  }
  return out;
}
