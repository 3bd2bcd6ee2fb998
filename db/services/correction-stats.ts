/**
 * 社区矫正统计 (REVIEW §5.7): the files read as at the period's end, each file's due items from the engine as
 * they stood that day, and the figures computed in shared/domain/correction-stats.ts. A minor's closed file
 * is counted (the figures name no one) but listed by name only to its responsible staff member.
 */
import type { z } from 'zod';
import { reportingDeadline, type CorrectionCategory, type CorrectionLevel, type OutsideGround } from '../../shared/domain/correction-rules';
import { CORRECTION_STAT_DEFINITIONS as DEF, correctionStats, type CorrectionStatFile } from '../../shared/domain/correction-stats';
import type { ReleaseReason, TerminationReason } from '../../shared/domain/correction-end';
import type { SanctionKind } from '../../shared/domain/correction-sanctions';
import { monitorEnd, teamInPlace, type ApprovalKind, type AssessResult } from '../../shared/domain/correction-supervision';
import { statsAsOf } from '../../shared/domain/followup-stats';
import type { PeriodInput } from '../../shared/schemas/common';
import type { CorrectionStats } from '../../shared/schemas/correction';
import type { ServiceContext } from '../context';
import { correctionItemsAsOf } from './correction';
import { staffNamer } from './reference';
import { figure, type ReportFigure } from './exports';
import { all, groupRows } from './sql';

interface StatDbRow {
  id: string;
  personName: string;
  villageName: string | null;
  staffId: string;
  minor: number;
  category: CorrectionCategory;
  ground: OutsideGround | null;
  effectiveDate: string | null;
  receivedDate: string | null;
  reportDate: string | null;
  declarationDate: string | null;
  termStart: string;
}

export function correctionStatFiles(ctx: ServiceContext, asOf: string): (CorrectionStatFile & { closed: boolean })[] {
  const files = all<StatDbRow>(
    ctx,
    `SELECT c.id, p.name AS personName, (SELECT name FROM village WHERE id = c.village_id) AS villageName, c.responsible_staff_id AS staffId,
       c.minor, c.category, c.ground, c.effective_date AS effectiveDate, c.received_date AS receivedDate, c.report_date AS reportDate,
       c.declaration_date AS declarationDate, c.term_start AS termStart
     FROM correction_file c JOIN person p ON p.id = c.person_id WHERE c.deleted_at IS NULL AND c.term_start <= @asOf`,
    { asOf },
  );
  const live = 'SELECT id FROM correction_file WHERE deleted_at IS NULL';
  const ends = groupRows(
    all<{ fileId: string; kind: 'release' | 'termination'; reason: string; date: string; newCrime: number }>(
      ctx,
      `SELECT file_id AS fileId, kind, reason, date, new_crime AS newCrime FROM correction_end WHERE deleted_at IS NULL AND file_id IN (${live})`,
    ),
    'fileId',
  );
  const sanctions = groupRows(
    all<{ fileId: string; kind: SanctionKind; date: string }>(
      ctx,
      `SELECT file_id AS fileId, kind, coalesce(decision_date, check_date) AS date FROM correction_sanction
       WHERE deleted_at IS NULL AND file_id IN (${live})`,
    ),
    'fileId',
  );
  const levels = groupRows(
    all<{ fileId: string; date: string; level: CorrectionLevel }>(
      ctx,
      `SELECT owner_id AS fileId, date, level FROM level_change WHERE module = 'correction' AND deleted_at IS NULL ORDER BY date, id`,
    ),
    'fileId',
  );
  const members = groupRows(
    all<{ fileId: string; role: string; sex: 'M' | 'F' | null; knowsMinors: number }>(
      ctx,
      `SELECT file_id AS fileId, role, sex, knows_minors AS knowsMinors FROM correction_member
       WHERE deleted_at IS NULL AND substr(created_at, 1, 10) <= @asOf AND file_id IN (${live})`,
      { asOf },
    ),
    'fileId',
  );
  const approvals = groupRows(
    all<{ fileId: string; kind: ApprovalKind; date: string; endDate: string | null; returnDate: string | null }>(
      ctx,
      `SELECT file_id AS fileId, kind, coalesce(approval_date, apply_date, start_date) AS date, end_date AS endDate, return_date AS returnDate
       FROM correction_approval WHERE deleted_at IS NULL AND file_id IN (${live})`,
    ),
    'fileId',
  );
  const extensions = groupRows(
    all<{ monitorId: string; date: string; result: AssessResult; newEnd: string | null }>(
      ctx,
      'SELECT monitor_id AS monitorId, date, result, new_end AS newEnd FROM correction_monitor_assessment WHERE deleted_at IS NULL AND date <= @asOf',
      { asOf },
    ),
    'monitorId',
  );
  const monitors = groupRows(
    all<{ id: string; fileId: string; startDate: string; endDate: string; removalDate: string | null }>(
      ctx,
      `SELECT id, file_id AS fileId, start_date AS startDate, end_date AS endDate, removal_date AS removalDate
       FROM correction_monitor WHERE deleted_at IS NULL AND start_date <= @asOf AND file_id IN (${live})`,
      { asOf },
    ),
    'fileId',
  );
  const missing = new Map(
    all<{ fileId: string; since: string }>(
      ctx,
      `SELECT file_id AS fileId, min(substr(at, 1, 10)) AS since FROM correction_incident
       WHERE deleted_at IS NULL AND kind = 'missing' AND substr(at, 1, 10) <= @asOf AND (resolved_at IS NULL OR substr(resolved_at, 1, 10) > @asOf)
       GROUP BY file_id`,
      { asOf },
    ).map((r) => [r.fileId, r.since]),
  );
  const subjects = new Map(
    all<{ id: string; sex: 'M' | 'F' | null; minor: number }>(
      ctx,
      `SELECT c.id, p.sex, c.minor FROM correction_file c JOIN person p ON p.id = c.person_id WHERE c.deleted_at IS NULL`,
    ).map((r) => [r.id, { sex: r.sex, minor: r.minor === 1 }]),
  );
  const name = staffNamer(ctx);
  return files.map((f) => {
    const e = ends.get(f.id)?.[0];
    const end = e
      ? e.kind === 'release'
        ? { kind: 'release' as const, reason: e.reason as ReleaseReason, date: e.date }
        : { kind: 'termination' as const, reason: e.reason as TerminationReason, date: e.date, newCrime: e.newCrime === 1 }
      : null;
    return {
      id: f.id,
      personName: f.personName,
      villageName: f.villageName,
      responsibleName: name(f.staffId, null) ?? '',
      closed: f.minor === 1 && f.staffId !== ctx.user.id,
      category: f.category,
      termStart: f.termStart,
      levels: levels.get(f.id) ?? [],
      reportDeadline: reportingDeadline(f)?.date ?? null,
      reportDate: f.reportDate,
      declarationDate: f.declarationDate,
      end,
      sanctions: sanctions.get(f.id) ?? [],
      teamInPlace: teamInPlace(
        (members.get(f.id) ?? []).map((m) => ({ role: m.role, sex: m.sex, knowsMinors: m.knowsMinors === 1 })),
        subjects.get(f.id) ?? { sex: null, minor: false },
      ),
      approvals: approvals.get(f.id) ?? [],
      monitors: (monitors.get(f.id) ?? []).map((m) => ({
        startDate: m.startDate,
        removalDate: m.removalDate,
        end: monitorEnd({ endDate: m.endDate, assessments: (extensions.get(m.id) ?? []).map((a) => ({ id: '', ...a })) }),
      })),
      missingSince: missing.get(f.id) ?? null,
      items: correctionItemsAsOf(ctx, f.id, asOf),
    };
  });
}

export function correctionStatsFor(ctx: ServiceContext, input: z.output<typeof PeriodInput>): CorrectionStats {
  const asOf = statsAsOf(input.dateTo, ctx.clock.today());
  const files = correctionStatFiles(ctx, asOf);
  const figures = correctionStats(files, input.dateFrom, asOf);
  // A minor's closed file counts in the figures, but its name is listed only to the staff member who holds it.
  const closed = new Set(files.filter((f) => f.closed).map((f) => f.id));
  const named = <T extends { id: string; personName: string }>(list: T[]) =>
    list.map((p) => (closed.has(p.id) ? { ...p, id: '', personName: '（未成年人，档案不公开）' } : p));
  return {
    ...figures,
    absent: named(figures.absent),
    unreported: named(figures.unreported),
    dateFrom: input.dateFrom,
    dateTo: input.dateTo,
    asOf,
  };
}

/** The period's figures for a report package (上报包), as the statistics page counts them. */
export function correctionReportFigures(ctx: ServiceContext, period: { dateFrom: string; dateTo: string }): ReportFigure[] {
  const s = correctionStatsFor(ctx, period);
  return [
    figure.count('在矫人数', s.registered, DEF.registered),
    figure.count('累计接收', s.cumulative, DEF.cumulative),
    figure.count('新接收', s.received, DEF.received),
    figure.count('解除', s.released, DEF.ended),
    figure.count('终止', s.terminated, DEF.ended),
    figure.rate('按时报到率', s.onTime.rate, DEF.onTime),
    figure.rate('入矫宣告率', s.declaration.rate, DEF.declaration),
    figure.rate('矫正小组落实率', s.team.rate, DEF.team),
    figure.rate('重新犯罪率', s.reoffence.rate, DEF.reoffence),
    figure.count('电子定位使用中', s.monitors.inUse, DEF.monitors),
    figure.count('脱管人数', s.absent.length, DEF.absent),
    figure.count('漏管人数', s.unreported.length, DEF.unreported),
  ];
}
