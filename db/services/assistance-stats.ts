/**
 * 安置帮教统计 (REVIEW §6.4): the files of the register read as at the period's end, each file's due items
 * from the engine as they stood that day, and the figures computed in shared/domain/assistance-stats.ts.
 */
import type { z } from 'zod';
import { ASSISTANCE_STAT_DEFINITIONS as DEF, assistanceStats, type AssistanceStatFile } from '../../shared/domain/assistance-stats';
import type { AssistanceLevel, EndReason, HandoverMethod, HandoverState, Placement } from '../../shared/domain/assistance-rules';
import { statsAsOf } from '../../shared/domain/followup-stats';
import type { AssistanceStats, AssistanceStatsInput } from '../../shared/schemas/assistance';
import type { ServiceContext } from '../context';
import { assistanceItemsAsOf } from './assistance';
import { staffNamer } from './reference';
import { figure, type ReportFigure } from './exports';
import { all, groupRows, toYuan } from './sql';

interface StatDbRow {
  id: string;
  personId: string;
  personName: string;
  villageName: string | null;
  staffId: string;
  releaseDate: string;
  handoverState: HandoverState;
  handoverMethod: HandoverMethod | null;
  returnDate: string | null;
  missingSince: string | null;
  agreementDate: string | null;
  placement: Placement | null;
  placementDate: string | null;
  endReason: EndReason | null;
  endDate: string | null;
}

/** Every live file as the statistics read it at `asOf`. */
export function assistanceStatFiles(ctx: ServiceContext, asOf: string): AssistanceStatFile[] {
  const files = all<StatDbRow>(
    ctx,
    `SELECT a.id, a.person_id AS personId, p.name AS personName, (SELECT name FROM village WHERE id = a.village_id) AS villageName,
       a.responsible_staff_id AS staffId, a.release_date AS releaseDate, a.handover_state AS handoverState,
       a.handover_method AS handoverMethod, a.return_date AS returnDate, a.missing_since AS missingSince,
       a.agreement_date AS agreementDate, a.placement, a.placement_date AS placementDate, a.end_reason AS endReason, a.end_date AS endDate
     FROM assistance_file a JOIN person p ON p.id = a.person_id WHERE a.deleted_at IS NULL`,
  );
  const live = 'SELECT id FROM assistance_file WHERE deleted_at IS NULL';
  const members = groupRows(
    all<{ fileId: string; role: string }>(
      ctx,
      `SELECT file_id AS fileId, role FROM assistance_member WHERE deleted_at IS NULL AND file_id IN (${live})`,
    ),
    'fileId',
  );
  const records = groupRows(
    all<{ fileId: string; kind: string; date: string; aidType: string | null; amountFen: number | null; offenceType: string | null }>(
      ctx,
      `SELECT file_id AS fileId, kind, date, aid_type AS aidType, amount_fen AS amountFen, offence_type AS offenceType
       FROM assistance_record WHERE deleted_at IS NULL AND date <= @asOf AND file_id IN (${live})`,
      { asOf },
    ),
    'fileId',
  );
  const levels = groupRows(
    all<{ fileId: string; date: string; level: AssistanceLevel }>(
      ctx,
      `SELECT owner_id AS fileId, date, level FROM level_change WHERE module = 'assistance' AND deleted_at IS NULL ORDER BY date, id`,
    ),
    'fileId',
  );
  const name = staffNamer(ctx);
  return files.map(({ staffId, ...f }) => {
    const registered = f.releaseDate <= asOf && !(f.endDate && f.endDate <= asOf);
    return {
      ...f,
      responsibleName: name(staffId, null) ?? '',
      levels: levels.get(f.id) ?? [],
      members: members.get(f.id) ?? [],
      records: (records.get(f.id) ?? []).map(({ amountFen, fileId: _, ...r }) => ({ ...r, amount: toYuan(amountFen) })),
      // Only the persons on the register owe visits that day; the engine runs for them alone.
      items: registered ? assistanceItemsAsOf(ctx, f.id, asOf) : [],
    };
  });
}

export function assistanceStatsFor(ctx: ServiceContext, input: z.output<typeof AssistanceStatsInput>): AssistanceStats {
  const asOf = statsAsOf(input.dateTo, ctx.clock.today());
  const figures = assistanceStats(assistanceStatFiles(ctx, asOf), input.dateFrom, asOf, input.reoffenceBase);
  return { ...figures, dateFrom: input.dateFrom, dateTo: input.dateTo, asOf, reoffenceBase: input.reoffenceBase };
}

/** The period's figures for a report package (上报包), as the statistics page counts them (重新犯罪率 over those registered). */
export function assistanceReportFigures(ctx: ServiceContext, period: { dateFrom: string; dateTo: string }): ReportFigure[] {
  const s = assistanceStatsFor(ctx, { ...period, reoffenceBase: 'registered' });
  return [
    figure.count('在册人数', s.registered, DEF.registered),
    figure.count('累计接收', s.cumulative, DEF.cumulative),
    figure.count('本期释放', s.released, DEF.released),
    figure.count('本期衔接', s.handedOver, DEF.handedOver),
    figure.rate('衔接率', s.handover.rate, DEF.handoverRate),
    figure.rate('必接必送率', s.escort.rate, DEF.escortRate),
    figure.rate('安置率', s.placement.rate, DEF.placementRate),
    figure.rate('帮教率', s.assisted.rate, DEF.assistedRate),
    figure.rate('重新犯罪率', s.reoffence.rate, DEF.reoffenceRate),
    figure.count('救助人次', s.relief.count, DEF.aid),
    figure.money('救助金额（元）', s.relief.amount, DEF.aid),
    figure.count('未衔接人数', s.unlinked.length, DEF.unlinked),
  ];
}
