/**
 * 社区矫正台账 as .xlsx: the ledger's own filter and order, every matching file. A minor's closed file goes
 * out only to its responsible staff member, exactly as the list shows it (社区矫正法 art. 54); the command
 * line's whole-ledger export, which has no operator, leaves every minor's file out.
 */
import type { z } from 'zod';
import { CORRECTION_CATEGORY_LABELS, CORRECTION_STATUS_LABELS } from '../../shared/domain/correction-rules';
import { daysLeft } from '../../shared/domain/days-left';
import { CORRECTION_COLUMN_KEYS, CorrectionExportInput, type CorrectionColumn, type CorrectionRow } from '../../shared/schemas/correction';
import type { FileResult } from '../../shared/schemas/common';
import type { ServiceContext } from '../context';
import { correctionListSql, correctionRows, type CorrectionFilter } from './correction';
import { exportListLedger, type ExportColumn, type LedgerExport, type ReportPart } from './exports';
import { getSettings, staffNamer, type StaffNamer } from './reference';
import { one } from './sql';
import { correctionReportFigures } from './correction-stats';

function columns(today: string): { [K in CorrectionColumn]: ExportColumn<CorrectionRow> } {
  return {
    name: { header: '姓名', width: 10, type: 'text', value: (r) => r.personName },
    category: { header: '矫正类别', width: 14, type: 'text', value: (r) => CORRECTION_CATEGORY_LABELS[r.category] },
    crime: { header: '罪名', width: 16, type: 'text', value: (r) => r.crime },
    term: { header: '矫正期限', width: 24, type: 'text', value: (r) => `${r.termStart}至${r.termEnd}` },
    daysLeft: {
      header: '剩余天数',
      width: 9,
      type: 'number',
      value: (r) => (r.status === 'active' ? Math.max(0, daysLeft(today, r.termEnd)) : null),
    },
    level: { header: '管理等级', width: 9, type: 'text', value: (r) => r.levelName },
    staff: { header: '责任人', width: 10, type: 'text', value: (r) => r.responsibleName },
    village: { header: '执行地村（社区）', width: 14, type: 'text', value: (r) => r.villageName },
    status: { header: '状态', width: 7, type: 'text', value: (r) => CORRECTION_STATUS_LABELS[r.status] },
    nextDueDate: { header: '下次到期', width: 12, type: 'date', value: (r) => r.nextDueDate },
  };
}

function filterText(ctx: ServiceContext, f: CorrectionFilter, staff: StaffNamer): string {
  const village = (id: string) => one<{ name: string }>(ctx, 'SELECT name FROM village WHERE id = ?', id)?.name ?? '';
  const parts = [
    f.category ? `矫正类别：${CORRECTION_CATEGORY_LABELS[f.category]}` : '',
    f.status ? `状态：${CORRECTION_STATUS_LABELS[f.status]}` : '',
    f.villageId ? `村（社区）：${village(f.villageId)}` : '',
    f.responsibleStaffId ? `责任人：${staff(f.responsibleStaffId, '') ?? ''}` : '',
    f.overdue ? '仅逾期' : '',
    f.due7 ? '仅7日内到期' : '',
    f.q ? `姓名含“${f.q}”` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('；') : '全部';
}

export async function exportCorrectionLedger(ctx: ServiceContext, input: z.output<typeof CorrectionExportInput>): Promise<FileResult> {
  const { columns: chosen, ...f } = input;
  const today = ctx.clock.today();
  return exportListLedger(ctx, {
    ledger: 'correction',
    input,
    sheetName: '社区矫正台账',
    title: `${getSettings(ctx).townshipName}社区矫正台账${f.deleted ? '（回收站）' : ''}`,
    filter: filterText(ctx, f, staffNamer(ctx)),
    query: correctionListSql(ctx, f, today),
    row: correctionRows(ctx, today),
    columns: columns(today),
    keys: chosen ?? CORRECTION_COLUMN_KEYS,
    unit: '人',
  });
}

/** The whole ledger (registered in db/modules.ts). */
export const correctionLedgerExport: LedgerExport = (ctx) => exportCorrectionLedger(ctx, CorrectionExportInput.parse({}));

/** In a report package: the whole register as it stands (its list has no period), and the period's statistics. */
export const correctionReportPart: ReportPart = { ledger: (ctx) => correctionLedgerExport(ctx), figures: correctionReportFigures };
