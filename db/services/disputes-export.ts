/** 矛盾纠纷排查登记台账 as .xlsx: the register's own filter and order, every matching row. */
import { RISK_LEVEL_LABELS } from '../../shared/dictionaries';
import { DISPUTE_STATUS_LABELS } from '../../shared/domain/disputes';
import type { FileResult } from '../../shared/schemas/common';
import { DisputeExportInput, type DisputeRow } from '../../shared/schemas/disputes';
import type { ServiceContext } from '../context';
import { writeLedgerWorkbook, type LedgerColumn } from '../engines/xlsx';
import { disputeListSql, type DisputeFilter } from './disputes';
import { auditExport, checkSize, dictLabels, MAX_EXPORT_ROWS, subtitle, xlsxFile, type LedgerExport } from './exports';
import { getSettings } from './reference';
import { all, one } from './sql';

const DISPUTE_COLUMNS: LedgerColumn[] = [
  { header: '序号', key: 'no', width: 6, type: 'number' },
  { header: '案号', key: 'caseNo', width: 24, type: 'text' },
  { header: '登记日期', key: 'intakeDate', width: 12, type: 'date' },
  { header: '来源', key: 'source', width: 12, type: 'text' },
  { header: '纠纷类型', key: 'category', width: 14, type: 'text' },
  { header: '村（社区）', key: 'village', width: 12, type: 'text' },
  { header: '当事人', key: 'parties', width: 20, type: 'text' },
  { header: '简要情况', key: 'summary', width: 40, type: 'text' },
  { header: '涉及人数', key: 'people', width: 9, type: 'number', sum: true },
  { header: '涉及金额（元）', key: 'amount', width: 14, type: 'money' },
  { header: '风险等级', key: 'risk', width: 11, type: 'text' },
  { header: '承办人', key: 'staff', width: 10, type: 'text' },
  { header: '办理期限', key: 'deadline', width: 12, type: 'date' },
  { header: '状态', key: 'status', width: 9, type: 'text' },
  { header: '是否超期', key: 'overdue', width: 9, type: 'text' },
];

export async function exportDisputeLedger(ctx: ServiceContext, f: DisputeFilter): Promise<FileResult> {
  // As above: every read happens before the first await.
  const today = ctx.clock.today();
  const town = getSettings(ctx).townshipName;
  const label = dictLabels(ctx);
  const q = disputeListSql(f, today, { forExport: true });
  checkSize(one<{ n: number }>(ctx, q.count, q.params)!.n);
  const rows = all<Omit<DisputeRow, 'overdue'> & { overdue: 0 | 1; peopleCount: number | null; amountFen: number | null }>(ctx, q.page, {
    ...q.params,
    limit: MAX_EXPORT_ROWS,
    offset: 0,
  }).map((d, i) => ({
    no: i + 1,
    caseNo: d.caseNo,
    intakeDate: d.intakeDate,
    source: label('dispute_source', d.source),
    category: label('dispute_category', d.category),
    village: d.villageName,
    parties: d.parties,
    summary: d.summary,
    people: d.peopleCount,
    amount: d.amountFen === null ? null : d.amountFen / 100,
    risk: d.riskLevel ? RISK_LEVEL_LABELS[d.riskLevel] : null,
    staff: d.staffName,
    deadline: d.deadline,
    status: DISPUTE_STATUS_LABELS[d.status],
    overdue: d.overdue ? '是' : '否',
  }));
  const title = `${town}矛盾纠纷排查登记台账${f.deleted ? '（回收站）' : ''}`;
  const bytes = await writeLedgerWorkbook({
    sheetName: '矛盾纠纷排查登记台账',
    title,
    subtitle: subtitle(f, today),
    columns: DISPUTE_COLUMNS,
    rows,
    totals: { unit: '件' },
  });
  const file = xlsxFile(`${title}_${today}`, bytes);
  auditExport(ctx, 'dispute', f, rows.length, file.fileName);
  return file;
}

/** The whole register (registered in db/modules.ts). */
export const disputesLedgerExport: LedgerExport = (ctx) => exportDisputeLedger(ctx, DisputeExportInput.parse({}));
