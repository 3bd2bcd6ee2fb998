/** 矛盾纠纷排查登记台账 as .xlsx: the register's own filter and order, every matching row. */
import { RISK_LEVEL_LABELS } from '../../shared/dictionaries';
import { DISPUTE_STATUS_LABELS } from '../../shared/domain/disputes';
import type { FileResult } from '../../shared/schemas/common';
import { DisputeExportInput, type DisputeColumn, type DisputeRow } from '../../shared/schemas/disputes';
import type { ServiceContext } from '../context';
import { writeLedgerWorkbook } from '../engines/xlsx';
import { disputeListSql, disputeRow, type DisputeFilter, type DisputeListDbRow } from './disputes';
import {
  auditExport,
  dictLabels,
  exportRows,
  exportSheet,
  mapRows,
  subtitle,
  withSnapshot,
  xlsxFile,
  type ExportColumn,
  type LedgerExport,
  type ReportPart,
} from './exports';
import { disputesReportFigures } from './disputes-stats';
import { getSettings, staffNamer } from './reference';

/** Every column the register can be exported with, by its key (shared/schemas/disputes.ts): its header, width and type, and its cell. */
const COLUMNS: { [K in DisputeColumn]: ExportColumn<DisputeRow> } = {
  caseNo: { header: '案号', width: 24, type: 'text', value: (d) => d.caseNo },
  intakeDate: { header: '登记日期', width: 12, type: 'date', value: (d) => d.intakeDate },
  source: { header: '来源', width: 12, type: 'text', value: (d, label) => label('dispute_source', d.source) },
  category: { header: '纠纷类型', width: 14, type: 'text', value: (d, label) => label('dispute_category', d.category) },
  parties: { header: '当事人', width: 20, type: 'text', value: (d) => d.parties },
  applicants: { header: '申请人', width: 14, type: 'text', value: (d) => d.applicants },
  respondents: { header: '被申请人', width: 14, type: 'text', value: (d) => d.respondents },
  phones: { header: '电话', width: 16, type: 'id', value: (d) => d.phones },
  summary: { header: '简要情况', width: 40, type: 'text', value: (d) => d.summary },
  village: { header: '村（社区）', width: 12, type: 'text', value: (d) => d.villageName },
  grid: { header: '网格', width: 12, type: 'text', value: (d) => d.gridName },
  people: { header: '涉及人数', width: 9, type: 'number', sum: true, value: (d) => d.peopleCount },
  amount: { header: '涉及金额（元）', width: 14, type: 'money', value: (d) => d.amountYuan },
  risk: { header: '风险等级', width: 11, type: 'text', value: (d) => (d.riskLevel ? RISK_LEVEL_LABELS[d.riskLevel] : null) },
  staff: { header: '承办人', width: 10, type: 'text', value: (d) => d.staffName },
  deadline: { header: '办理期限', width: 12, type: 'date', value: (d) => d.deadline },
  status: { header: '状态', width: 9, type: 'text', value: (d) => DISPUTE_STATUS_LABELS[d.status] },
  overdue: { header: '是否超期', width: 9, type: 'text', value: (d) => (d.overdue ? '是' : '否') },
  outcome: { header: '化解结果', width: 9, type: 'text', value: (d) => (d.outcome ? DISPUTE_STATUS_LABELS[d.outcome] : null) },
  closedDate: { header: '办结日期', width: 12, type: 'date', value: (d) => d.closedDate },
};

/** The register's usual columns: what the export holds when no columns were chosen on screen. */
const DEFAULT_COLUMNS: readonly DisputeColumn[] = [
  'caseNo',
  'intakeDate',
  'source',
  'category',
  'village',
  'parties',
  'summary',
  'people',
  'amount',
  'risk',
  'staff',
  'deadline',
  'status',
  'overdue',
];

export async function exportDisputeLedger(ctx: ServiceContext, input: DisputeFilter & { columns?: DisputeColumn[] }): Promise<FileResult> {
  const { columns: chosen, ...f } = input;
  const today = ctx.clock.today();
  const town = getSettings(ctx).townshipName;
  const name = staffNamer(ctx);
  const label = dictLabels(ctx);
  const title = `${town}矛盾纠纷排查登记台账${f.deleted ? '（回收站）' : ''}`;
  const { bytes, rows } = await withSnapshot(ctx, (snapshot) => {
    const dbRows = exportRows<DisputeListDbRow>(snapshot, disputeListSql(f, today, { forExport: true }));
    return writeLedgerWorkbook({
      sheetName: '矛盾纠纷排查登记台账',
      title,
      subtitle: subtitle(f, today),
      ...exportSheet(
        COLUMNS,
        chosen ?? DEFAULT_COLUMNS,
        mapRows(dbRows, (r) => disputeRow(r, name)),
        label,
      ),
      totals: { unit: '件' },
    });
  });
  const file = xlsxFile(`${title}_${today}`, bytes);
  auditExport(ctx, 'dispute', input, rows, file.fileName);
  return file;
}

/** The whole register (registered in db/modules.ts). */
export const disputesLedgerExport: LedgerExport = (ctx) => exportDisputeLedger(ctx, DisputeExportInput.parse({}));

/** In a report package: the disputes registered in the period, and the period's statistics. */
export const disputesReportPart: ReportPart = {
  ledger: (ctx, period) => exportDisputeLedger(ctx, DisputeExportInput.parse({ dateFrom: period.dateFrom, dateTo: period.dateTo })),
  figures: disputesReportFigures,
};
