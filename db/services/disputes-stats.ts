/**
 * 排查调处统计 for a period: registered, 受理, 调处, 化解/未化解, 转办, the rates and the amounts, in
 * all and by category, source, village, responsible person and month. The definitions are in
 * shared/domain/disputes-stats.ts. The figures are kept per day and breakdown as the register changes
 * (`applyStatChange`, called by every write of a dispute), so a year is read from a few thousand kept
 * rows, not from every dispute.
 */
import type { z } from 'zod';
import { monthsOf } from '../../shared/date-math';
import { HANDLING_LEVEL_LABELS, HANDLING_LEVELS, type HandlingLevel } from '../../shared/domain/disputes';
import {
  addDisputeCounts,
  DISPUTE_STAT_DEFINITIONS as DEF,
  disputeRates,
  emptyDisputeCounts,
  type DisputeCounts,
} from '../../shared/domain/disputes-stats';
import type { DisputeStatRow, DisputeStats, DisputeStatsInput } from '../../shared/schemas/disputes';
import type { ServiceContext } from '../context';
import { figure, type ReportFigure } from './exports';
import { screeningTotals } from './disputes-screening';
import { listDicts, listStaff, listVillages } from './reference';
import { all, one, run } from './sql';

// ── kept as the register changes ─────────────────────────────────────────────────────────────

/** The columns of a dispute that the statistics read. */
export interface StatFacts {
  intake_date: string;
  outcome_date: string | null;
  category: string;
  source: string;
  village_id: string | null;
  responsible_staff_id: string | null;
  accepted_date: string | null;
  mediating_date: string | null;
  outcome: string | null;
  transfer_unit: string | null;
  status: string;
  amount_fen: number | null;
  people_count: number | null;
  handling_level: string | null;
  ticket_deadline: string | null;
  feedback_date: string | null;
  satisfaction: string | null;
  prevented_criminal_persons: number | null;
  prevented_mass_persons: number | null;
  deleted_at: string | null;
}

const FACT_COLUMNS = `intake_date, outcome_date, category, source, village_id, responsible_staff_id, accepted_date, mediating_date,
  outcome, transfer_unit, status, amount_fen, people_count, handling_level, ticket_deadline, feedback_date, satisfaction,
  prevented_criminal_persons, prevented_mass_persons, deleted_at`;

export function statFacts(ctx: ServiceContext, id: string): StatFacts | null {
  return one<StatFacts>(ctx, `SELECT ${FACT_COLUMNS} FROM dispute WHERE id = ?`, id) ?? null;
}

const COUNT_COLUMNS = [
  'registered',
  'accepted',
  'rejected',
  'mediated',
  'resolved',
  'unresolved',
  'transferred',
  'open',
  'amount_fen',
  'people',
  'fed_back',
  'fed_back_on_time',
  'rated',
  'satisfied',
  'prevented_criminal',
  'prevented_criminal_persons',
  'prevented_mass',
  'prevented_mass_persons',
] as const;
type StatVector = Record<(typeof COUNT_COLUMNS)[number], number>;

/** What one dispute adds to each figure (the same rule as migration 0013's backfill; the later figures start at 0 in 0015). */
function vector(f: StatFacts): StatVector {
  return {
    registered: 1,
    accepted: f.accepted_date ? 1 : 0,
    rejected: !f.accepted_date && !f.transfer_unit && (f.status === 'rejected' || f.status === 'closed') && !f.outcome ? 1 : 0,
    mediated: f.mediating_date ? 1 : 0,
    resolved: f.outcome === 'resolved' ? 1 : 0,
    unresolved: f.outcome === 'unresolved' ? 1 : 0,
    transferred: f.transfer_unit ? 1 : 0,
    open: f.status === 'registered' || f.status === 'accepted' || f.status === 'mediating' ? 1 : 0,
    amount_fen: f.amount_fen ?? 0,
    people: f.people_count ?? 0,
    fed_back: f.feedback_date ? 1 : 0,
    // Without a time limit an answer is on time.
    fed_back_on_time: f.feedback_date && (!f.ticket_deadline || f.feedback_date <= f.ticket_deadline) ? 1 : 0,
    rated: f.satisfaction ? 1 : 0,
    satisfied: f.satisfaction === '满意' || f.satisfaction === '基本满意' ? 1 : 0,
    prevented_criminal: f.prevented_criminal_persons ? 1 : 0,
    prevented_criminal_persons: f.prevented_criminal_persons ?? 0,
    prevented_mass: f.prevented_mass_persons ? 1 : 0,
    prevented_mass_persons: f.prevented_mass_persons ?? 0,
  };
}

/** The rows a dispute adds to: each basis it has a day for, times the total and its four breakdowns. */
function cells(f: StatFacts | null): { basis: string; dim: string; day: string; key: string; v: StatVector }[] {
  if (!f || f.deleted_at) return [];
  const v = vector(f);
  const days = [['intake', f.intake_date] as const, ...(f.outcome_date ? [['outcome', f.outcome_date] as const] : [])];
  const keys = [
    ['total', ''],
    ['category', f.category],
    ['source', f.source],
    ['village', f.village_id ?? ''],
    ['staff', f.responsible_staff_id ?? ''],
    ['level', f.handling_level ?? ''],
  ] as const;
  return days.flatMap(([basis, day]) => keys.map(([dim, key]) => ({ basis, dim, day, key, v })));
}

const UPSERT = `INSERT INTO dispute_stat (basis, dim, day, key, ${COUNT_COLUMNS.join(', ')}) VALUES (?, ?, ?, ?, ${COUNT_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (basis, dim, day, key) DO UPDATE SET ${COUNT_COLUMNS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')}`;
const SWEEP = 'DELETE FROM dispute_stat WHERE basis = ? AND dim = ? AND day = ? AND key = ? AND registered = 0';

/**
 * Moves a dispute's contribution from what it was (`before`, null for a new one) to what it is now
 * (`after`, null or deleted when it no longer counts), inside the caller's transaction. Nothing is
 * written when no figure changes (an edited summary, say).
 */
export function applyStatChange(ctx: ServiceContext, before: StatFacts | null, after: StatFacts | null): void {
  const out = cells(before);
  const into = cells(after);
  const same = (a: (typeof out)[number], b: (typeof out)[number]) =>
    a.basis === b.basis && a.dim === b.dim && a.day === b.day && a.key === b.key && COUNT_COLUMNS.every((c) => a.v[c] === b.v[c]);
  if (out.length === into.length && out.every((c, i) => same(c, into[i]!))) return;
  for (const c of out) {
    run(ctx, UPSERT, c.basis, c.dim, c.day, c.key, ...COUNT_COLUMNS.map((k) => -c.v[k]));
    run(ctx, SWEEP, c.basis, c.dim, c.day, c.key);
  }
  for (const c of into) run(ctx, UPSERT, c.basis, c.dim, c.day, c.key, ...COUNT_COLUMNS.map((k) => c.v[k]));
}

// ── read for a period ────────────────────────────────────────────────────────────────────────

interface SumRow extends Omit<DisputeCounts, 'amountYuan'> {
  key: string;
  amountFen: number;
}

const SUMS = `sum(registered) AS registered, sum(accepted) AS accepted, sum(rejected) AS rejected, sum(mediated) AS mediated,
  sum(resolved) AS resolved, sum(unresolved) AS unresolved, sum(transferred) AS transferred, sum(open) AS open,
  sum(amount_fen) AS amountFen, sum(people) AS people, sum(fed_back) AS fedBack, sum(fed_back_on_time) AS fedBackOnTime,
  sum(rated) AS rated, sum(satisfied) AS satisfied, sum(prevented_criminal) AS preventedCriminal,
  sum(prevented_criminal_persons) AS preventedCriminalPersons, sum(prevented_mass) AS preventedMass,
  sum(prevented_mass_persons) AS preventedMassPersons`;

/** One breakdown's sums for a period ('total' by month), from the kept rows. */
export const DISPUTE_STATS_SQL = {
  byKey: `SELECT key, ${SUMS} FROM dispute_stat WHERE basis = @basis AND dim = @dim AND day BETWEEN @from AND @to GROUP BY key`,
  // Grouped by the alias, not by the table's own `key` column (SQLite prefers a column of that name).
  byMonth: `SELECT substr(day, 1, 7) AS month, ${SUMS} FROM dispute_stat WHERE basis = @basis AND dim = 'total' AND day BETWEEN @from AND @to GROUP BY month`,
};

function counts(r: SumRow): DisputeCounts {
  const { key: _k, amountFen, ...rest } = r;
  return { ...rest, amountYuan: amountFen / 100 };
}

function row(key: string | null, label: string, c: DisputeCounts): DisputeStatRow {
  return { key, label, ...c, amountYuan: Math.round(c.amountYuan * 100) / 100, ...disputeRates(c) };
}

/** One breakdown's rows, in the order of `order` (keys not in it after, by count). */
function breakdown(rows: readonly SumRow[], labelOf: (key: string) => string, order: readonly string[] = []): DisputeStatRow[] {
  const rank = (k: string) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return [...rows]
    .sort((a, b) => rank(a.key) - rank(b.key) || b.registered - a.registered)
    .map((r) => row(r.key || null, labelOf(r.key), counts(r)));
}

export function disputeStats(ctx: ServiceContext, input: z.output<typeof DisputeStatsInput>): DisputeStats {
  const p = { basis: input.basis, from: input.dateFrom, to: input.dateTo };
  const by = (dim: string) => all<SumRow>(ctx, DISPUTE_STATS_SQL.byKey, { ...p, dim });
  const dicts = listDicts(ctx);
  const dictOrder = (kind: string) => dicts.filter((d) => d.kind === kind).map((d) => d.code);
  const dictLabel = (kind: string) => {
    const labels = new Map(dicts.filter((d) => d.kind === kind).map((d) => [d.code, d.label]));
    return (k: string) => labels.get(k) ?? k;
  };
  const villages = listVillages(ctx);
  const villageNames = new Map(villages.map((v) => [v.id, v.name]));
  const staffNames = new Map(listStaff(ctx, true).map((s) => [s.id, s.name]));
  const months = new Map(
    all<Omit<SumRow, 'key'> & { month: string }>(ctx, DISPUTE_STATS_SQL.byMonth, p).map(({ month, ...r }) => [
      month,
      counts({ ...r, key: month }),
    ]),
  );
  const total = [...months.values()].reduce<DisputeCounts>((t, c) => addDisputeCounts(t, c), emptyDisputeCounts());
  return {
    dateFrom: input.dateFrom,
    dateTo: input.dateTo,
    basis: input.basis,
    total: row(null, '合计', total),
    byCategory: breakdown(by('category'), dictLabel('dispute_category'), dictOrder('dispute_category')),
    bySource: breakdown(by('source'), dictLabel('dispute_source'), dictOrder('dispute_source')),
    byVillage: breakdown(by('village'), (k) => (k ? (villageNames.get(k) ?? '') : '（未填村居）'), [...villages.map((v) => v.id), '']),
    byStaff: breakdown(by('staff'), (k) => (k ? (staffNames.get(k) ?? '') : '（未指定）')),
    byLevel: breakdown(by('level'), (k) => HANDLING_LEVEL_LABELS[k as HandlingLevel] ?? '（未填调处主体）', [...HANDLING_LEVELS, '']),
    byMonth: monthsOf(input.dateFrom, input.dateTo).map((m) => row(m, m, months.get(m) ?? emptyDisputeCounts())),
    screening: screeningTotals(ctx, input.dateFrom, input.dateTo),
  };
}

/** The period's figures for a report package (上报包), counted by registration date as on the statistics page. */
export function disputesReportFigures(ctx: ServiceContext, period: { dateFrom: string; dateTo: string }): ReportFigure[] {
  const t = disputeStats(ctx, { ...period, basis: 'intake' }).total;
  const { count } = figure;
  return [
    count('登记件数', t.registered, DEF.registered),
    count('受理件数', t.accepted, DEF.accepted),
    count('调处件数', t.mediated, DEF.mediated),
    count('化解件数', t.resolved, DEF.resolved),
    count('未化解件数', t.unresolved, '未化解件数：调处结果为未化解的纠纷'),
    count('转办件数', t.transferred, '转办件数：转交其他单位办理的纠纷'),
    count('办理中件数', t.open, '办理中件数：仍为登记、受理或调处中的纠纷'),
    count('涉及人数', t.people, '涉及人数：登记时填写的人数之和'),
    figure.money('涉及金额（元）', t.amountYuan, DEF.amount),
    figure.rate('调处率', t.mediationRate, DEF.mediationRate),
    figure.rate('化解率', t.resolutionRate, DEF.resolutionRate),
    figure.rate('化解率（按办结）', t.resolutionRateOfHandled, DEF.resolutionRateOfHandled),
  ];
}
