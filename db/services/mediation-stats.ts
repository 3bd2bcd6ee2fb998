/**
 * 人民调解统计 (REVIEW row 4; DOMAIN §1.10): for any period, the cases accepted in it (whenever they
 * closed, as the annual reports count a year's cases) or the cases closed in it — 受理, 已调解, 成功,
 * 不成, 终止, 书面/口头协议, 履行, 司法确认, the agreed and the disputed amounts, the cases reported as
 * likely to escalate (by the report's day, REVIEW §2.1) — with both denominators of the success rate,
 * and the breakdowns by category, mediating body, source, month and outcome. A township's year is a
 * few thousand cases: one pass of SQL over the live cases of the period, by the acceptance or the
 * closing index.
 */
import type { z } from 'zod';
import { monthsOf } from '../../shared/date-math';
import {
  CASE_OUTCOMES,
  mediationRates,
  PERFORMANCE_COMPLETE,
  STAT_DEFINITIONS as DEF,
  type CaseOutcome,
} from '../../shared/domain/mediation';
import { rate } from '../../shared/domain/rates';
import type { MediationStatRow, MediationStats, StatsInput } from '../../shared/schemas/mediation';
import type { ServiceContext } from '../context';
import { figure, type ReportFigure } from './exports';
import { all, one } from './sql';

const COMPLETE = PERFORMANCE_COMPLETE.map((s) => `'${s}'`).join(', ');

/** The figures of one group of counted cases (`m` a case, `a` its live agreement). */
const FIGURES = `count(*) AS counted,
  sum(m.accepted_date BETWEEN @from AND @to) AS accepted,
  sum(m.outcome IS NOT NULL) AS mediated,
  sum(m.outcome = 'success') AS successful,
  sum(m.outcome = 'failure') AS failed,
  sum(m.outcome = 'terminated') AS terminated,
  sum(m.outcome IS NULL) AS open,
  sum(m.outcome = 'success' AND a.form = 'written') AS written,
  sum(m.outcome = 'success' AND a.form = 'oral') AS oral,
  sum(m.outcome = 'success' AND a.performance IN (${COMPLETE})) AS performed,
  sum(a.confirmation_applied_date IS NOT NULL) AS applied,
  sum(a.confirmation_result = 'granted') AS granted,
  sum(CASE WHEN m.outcome = 'success' THEN a.amount_fen END) AS agreedFen,
  sum(m.amount_fen) AS disputedFen`;

interface Figures {
  counted: number;
  accepted: number | null;
  mediated: number | null;
  successful: number | null;
  failed: number | null;
  terminated: number | null;
  open: number | null;
  written: number | null;
  oral: number | null;
  performed: number | null;
  applied: number | null;
  granted: number | null;
  agreedFen: number | null;
  disputedFen: number | null;
}

export function mediationStats(ctx: ServiceContext, input: z.output<typeof StatsInput>): MediationStats {
  const p = { from: input.dateFrom, to: input.dateTo };
  const byAcceptance = input.basis === 'accepted';
  // The counted cases; on the closing basis, those with an outcome dated in the period.
  const counted = byAcceptance
    ? 'm.deleted_at IS NULL AND m.accepted_date BETWEEN @from AND @to'
    : 'm.deleted_at IS NULL AND m.outcome IS NOT NULL AND m.closed_date BETWEEN @from AND @to';
  const from = `FROM mediation_case m LEFT JOIN agreement a ON a.case_id = m.id AND a.deleted_at IS NULL WHERE ${counted}`;
  const n = (v: number | null) => v ?? 0;

  const t = one<Figures>(ctx, `SELECT ${FIGURES} ${from}`, p)!;
  // 受理 is always the cases accepted in the period: on the closing basis it is counted apart.
  const accepted = byAcceptance
    ? t.counted
    : one<{ n: number }>(
        ctx,
        'SELECT count(*) AS n FROM mediation_case m WHERE m.deleted_at IS NULL AND m.accepted_date BETWEEN @from AND @to',
        p,
      )!.n;
  // 纠纷激化报告: by the day of the report, on either basis — a report is made while a case is open, or
  // at the visit after it failed (REVIEW §2.1); a case reported twice counts once.
  const escalationReports = one<{ n: number }>(
    ctx,
    `SELECT count(DISTINCT r.case_id) AS n FROM mediation_report r JOIN mediation_case m ON m.id = r.case_id
     WHERE r.deleted_at IS NULL AND r.date BETWEEN @from AND @to AND m.deleted_at IS NULL`,
    p,
  )!.n;
  const counts = {
    accepted,
    mediated: n(t.mediated),
    successful: n(t.successful),
    performed: n(t.performed),
    written: n(t.written),
    confirmationsApplied: n(t.applied),
    confirmationsGranted: n(t.granted),
  };
  const rates = mediationRates(counts);

  const breakdown = (column: string): MediationStatRow[] =>
    all<Figures & { key: string }>(ctx, `SELECT ${column} AS key, ${FIGURES} ${from} GROUP BY ${column} ORDER BY counted DESC, key`, p).map(
      (g) => ({
        key: g.key,
        counted: g.counted,
        mediated: n(g.mediated),
        successful: n(g.successful),
        successRate: rate(n(g.successful), n(g.mediated)),
      }),
    );

  // By month: 受理 by the acceptance month; 成功 by the acceptance month on that basis, by the closing month on the other.
  const successMonth = byAcceptance ? 'm.accepted_date' : 'm.closed_date';
  const months = new Map(
    all<{ month: string; accepted: number; successful: number }>(
      ctx,
      `SELECT month, sum(kind = 'accepted') AS accepted, sum(kind = 'successful') AS successful FROM (
         SELECT substr(m.accepted_date, 1, 7) AS month, 'accepted' AS kind FROM mediation_case m
           WHERE m.deleted_at IS NULL AND m.accepted_date BETWEEN @from AND @to
         UNION ALL
         SELECT substr(${successMonth}, 1, 7), 'successful' FROM mediation_case m
           WHERE ${counted} AND m.outcome = 'success')
       GROUP BY month`,
      p,
    ).map((r) => [r.month, r]),
  );
  const outcomes = new Map(
    all<{ outcome: CaseOutcome; n: number }>(
      ctx,
      `SELECT m.outcome, count(*) AS n ${from} AND m.outcome IS NOT NULL GROUP BY m.outcome`,
      p,
    ).map((r) => [r.outcome, r.n]),
  );

  return {
    dateFrom: input.dateFrom,
    dateTo: input.dateTo,
    basis: input.basis,
    accepted,
    counted: t.counted,
    mediated: counts.mediated,
    successful: counts.successful,
    failed: n(t.failed),
    terminated: n(t.terminated),
    open: n(t.open),
    written: counts.written,
    oral: n(t.oral),
    performed: counts.performed,
    confirmationsApplied: counts.confirmationsApplied,
    confirmationsGranted: counts.confirmationsGranted,
    escalationReports,
    agreementAmountYuan: n(t.agreedFen) / 100,
    disputedAmountYuan: n(t.disputedFen) / 100,
    ...rates,
    byCategory: breakdown('m.category'),
    byBody: breakdown('m.mediating_body'),
    byOrigin: breakdown('m.origin'),
    byMonth: monthsOf(input.dateFrom, input.dateTo).map((month) => ({
      month,
      accepted: months.get(month)?.accepted ?? 0,
      successful: months.get(month)?.successful ?? 0,
    })),
    byOutcome: CASE_OUTCOMES.map((outcome) => ({ outcome, count: outcomes.get(outcome) ?? 0 })),
  };
}

/** The period's figures for a report package (上报包), counted by acceptance date as on the statistics page. */
export function mediationReportFigures(ctx: ServiceContext, period: { dateFrom: string; dateTo: string }): ReportFigure[] {
  const s = mediationStats(ctx, { ...period, basis: 'accepted' });
  const { count } = figure;
  return [
    count('受理件数', s.accepted, '受理件数：期间内受理的调解案件'),
    count('调解件数', s.mediated, '调解件数：所计案件中已有结果（成功、不成、终止）的'),
    count('调解成功件数', s.successful, '调解成功件数：结果为调解成功的案件'),
    count('调解不成件数', s.failed, '调解不成件数：结果为调解不成的案件'),
    count('书面协议件数', s.written, '书面协议件数：调解成功且订立书面协议的案件'),
    count('口头协议件数', s.oral, '口头协议件数：调解成功且为口头协议的案件'),
    count('纠纷激化报告件数', s.escalationReports, DEF.escalationReports),
    figure.money('协议金额（元）', s.agreementAmountYuan, DEF.agreementAmount),
    figure.rate('调解成功率', s.successRate, DEF.successRate),
    figure.rate('协议履行率', s.performanceRate, DEF.performanceRate),
    figure.rate('司法确认率', s.confirmationRate, DEF.confirmationRate),
  ];
}
