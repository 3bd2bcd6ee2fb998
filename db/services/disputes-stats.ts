/**
 * 排查调处统计 for a period: registered, 受理, 调处, 化解/未化解, 转办, the rates and the amounts, in
 * all and by category, source, village, responsible person and month. The definitions are in
 * shared/domain/disputes-stats.ts. One indexed pass over the period's disputes, grouped by every
 * breakdown at once; the breakdowns are summed from it here.
 */
import type { z } from 'zod';
import { addMonths } from '../../shared/date-math';
import { addDisputeCounts, disputeRates, emptyDisputeCounts, type DisputeCounts } from '../../shared/domain/disputes-stats';
import type { DisputeStatRow, DisputeStats, DisputeStatsInput } from '../../shared/schemas/disputes';
import type { ServiceContext } from '../context';
import { listDicts, listStaff, listVillages } from './reference';
import { all } from './sql';

interface GroupRow extends Omit<DisputeCounts, 'amountYuan'> {
  category: string;
  source: string;
  villageId: string | null;
  staffId: string | null;
  month: string;
  amountFen: number;
}

/** The one pass: counts per (category, source, village, person, month) of the period's disputes. */
export function disputeStatsSql(basis: z.output<typeof DisputeStatsInput>['basis']): string {
  // Registered in the period (the intake index), or with an outcome in it (the outcome index).
  const dated = basis === 'intake' ? 'd.intake_date' : 'd.outcome_date';
  const where =
    basis === 'intake'
      ? 'd.deleted_at IS NULL AND d.intake_date BETWEEN @from AND @to'
      : 'd.deleted_at IS NULL AND d.outcome_date IS NOT NULL AND d.outcome_date BETWEEN @from AND @to';
  return `SELECT d.category, d.source, d.village_id AS villageId, d.responsible_staff_id AS staffId, substr(${dated}, 1, 7) AS month,
      count(*) AS registered,
      sum(d.accepted_date IS NOT NULL) AS accepted,
      sum(d.accepted_date IS NULL AND d.transfer_unit IS NULL AND d.status IN ('rejected', 'closed') AND d.outcome IS NULL) AS rejected,
      sum(d.mediating_date IS NOT NULL) AS mediated,
      sum(d.outcome = 'resolved') AS resolved,
      sum(d.outcome = 'unresolved') AS unresolved,
      sum(d.transfer_unit IS NOT NULL) AS transferred,
      sum(d.status IN ('registered', 'accepted', 'mediating')) AS open,
      coalesce(sum(d.amount_fen), 0) AS amountFen,
      coalesce(sum(d.people_count), 0) AS people
    FROM dispute d
    WHERE ${where}
    GROUP BY d.category, d.source, d.village_id, d.responsible_staff_id, month`;
}

function row(key: string | null, label: string, c: DisputeCounts): DisputeStatRow {
  return { key, label, ...c, amountYuan: Math.round(c.amountYuan * 100) / 100, ...disputeRates(c) };
}

/** Sums the groups by one breakdown, in the order of `order` (keys not in it last, by count). */
function breakdown(
  groups: readonly (DisputeCounts & GroupRow)[],
  keyOf: (g: GroupRow) => string | null,
  labelOf: (key: string | null) => string,
  order: readonly (string | null)[] = [],
): DisputeStatRow[] {
  const sums = new Map<string | null, DisputeCounts>();
  for (const g of groups) {
    const k = keyOf(g);
    sums.set(k, addDisputeCounts(sums.get(k) ?? emptyDisputeCounts(), g));
  }
  const rank = (k: string | null) => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  return [...sums.entries()]
    .sort(([a, x], [b, y]) => rank(a) - rank(b) || y.registered - x.registered)
    .map(([k, c]) => row(k, labelOf(k), c));
}

/** Every month from the one holding `from` to the one holding `to`, as 'YYYY-MM'. */
function monthsOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = `${from.slice(0, 7)}-01`; d.slice(0, 7) <= to.slice(0, 7); d = addMonths(d, 1)) out.push(d.slice(0, 7));
  return out;
}

export function disputeStats(ctx: ServiceContext, input: z.output<typeof DisputeStatsInput>): DisputeStats {
  const groups = all<GroupRow>(ctx, disputeStatsSql(input.basis), { from: input.dateFrom, to: input.dateTo }).map((g) => ({
    ...g,
    amountYuan: g.amountFen / 100,
  }));
  const dicts = listDicts(ctx);
  const dictOrder = (kind: string) => dicts.filter((d) => d.kind === kind).map((d) => d.code);
  const dictLabel = (kind: string) => {
    const labels = new Map(dicts.filter((d) => d.kind === kind).map((d) => [d.code, d.label]));
    return (k: string | null) => (k ? (labels.get(k) ?? k) : '（未填）');
  };
  const villages = listVillages(ctx);
  const villageNames = new Map(villages.map((v) => [v.id, v.name]));
  const staffNames = new Map(listStaff(ctx, true).map((s) => [s.id, s.name]));
  const months = monthsOf(input.dateFrom, input.dateTo);
  const byMonth = new Map(
    breakdown(
      groups,
      (g) => g.month,
      (k) => k ?? '',
    ).map((r) => [r.key, r]),
  );
  return {
    dateFrom: input.dateFrom,
    dateTo: input.dateTo,
    basis: input.basis,
    total: row(
      null,
      '合计',
      groups.reduce<DisputeCounts>((t, g) => addDisputeCounts(t, g), emptyDisputeCounts()),
    ),
    byCategory: breakdown(groups, (g) => g.category, dictLabel('dispute_category'), dictOrder('dispute_category')),
    bySource: breakdown(groups, (g) => g.source, dictLabel('dispute_source'), dictOrder('dispute_source')),
    byVillage: breakdown(
      groups,
      (g) => g.villageId,
      (k) => (k ? (villageNames.get(k) ?? '') : '（未填村居）'),
      [...villages.map((v) => v.id), null],
    ),
    byStaff: breakdown(
      groups,
      (g) => g.staffId,
      (k) => (k ? (staffNames.get(k) ?? '') : '（未指定）'),
    ),
    byMonth: months.map((m) => byMonth.get(m) ?? row(m, m, emptyDisputeCounts())),
  };
}
