/** 人民调解案件台账 as .xlsx: the case list's own filter and order, every matching case. */
import {
  AGREEMENT_FORM_LABELS,
  CASE_ORIGIN_LABELS,
  CASE_OPEN_LABEL,
  CASE_OUTCOME_LABELS,
  CONFIRMATION_LABELS,
  MEDIATING_BODY_LABELS,
  AGREEMENT_PERFORMANCE_LABELS,
  guidanceText,
  TERMINATION_REASON_LABELS,
} from '../../shared/domain/mediation';
import type { FileResult } from '../../shared/schemas/common';
import { MEDIATION_COLUMN_KEYS, MediationExportInput, type MediationColumn, type MediationRow } from '../../shared/schemas/mediation';
import type { ServiceContext } from '../context';
import { writeLedgerWorkbook } from '../engines/xlsx';
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
import { mediationReportFigures } from './mediation-stats';
import { caseListSql, caseRow, type CaseFilter, type CaseListDbRow } from './mediation';
import { getSettings, staffNamer } from './reference';

/** Every column the ledger can be exported with, by its key (shared/schemas/mediation.ts): its header, width and type, and its cell. */
const COLUMNS: { [K in MediationColumn]: ExportColumn<MediationRow> } = {
  caseNo: { header: '卷宗号', width: 28, type: 'text', value: (c) => c.caseNo },
  acceptedDate: { header: '受理日期', width: 12, type: 'date', value: (c) => c.acceptedDate },
  origin: { header: '案件来源', width: 14, type: 'text', value: (c) => CASE_ORIGIN_LABELS[c.origin] },
  category: { header: '纠纷类型', width: 14, type: 'text', value: (c, label) => label('dispute_category', c.category) },
  parties: { header: '当事人', width: 20, type: 'text', value: (c) => c.parties },
  idNumber: { header: '身份证号（首位当事人）', width: 21, type: 'id', value: (c) => c.idNumberMasked },
  body: { header: '调解组织', width: 16, type: 'text', value: (c) => MEDIATING_BODY_LABELS[c.mediatingBody] },
  mediators: { header: '调解员', width: 14, type: 'text', value: (c) => c.mediators },
  outcome: { header: '调解结果', width: 10, type: 'text', value: (c) => (c.outcome ? CASE_OUTCOME_LABELS[c.outcome] : CASE_OPEN_LABEL) },
  closedDate: { header: '结案日期', width: 12, type: 'date', value: (c) => c.closedDate },
  agreementForm: {
    header: '协议形式',
    width: 8,
    type: 'text',
    value: (c) => (c.agreementForm ? AGREEMENT_FORM_LABELS[c.agreementForm] : null),
  },
  performance: {
    header: '履行情况',
    width: 14,
    type: 'text',
    value: (c) => (c.performance ? `${AGREEMENT_PERFORMANCE_LABELS[c.performance]}${c.performanceOverdue ? '（逾期）' : ''}` : null),
  },
  performedDate: { header: '履行完毕日期', width: 12, type: 'date', value: (c) => c.performedDate },
  confirmation: {
    header: '司法确认',
    width: 10,
    type: 'text',
    value: (c) => (c.agreementForm ? CONFIRMATION_LABELS[c.confirmation] : null),
  },
  amount: { header: '涉及金额（元）', width: 14, type: 'money', value: (c) => c.amountYuan },
  agreed: { header: '协议金额（元）', width: 14, type: 'money', value: (c) => c.agreedAmountYuan },
  terminationReason: {
    header: '终止情形',
    width: 18,
    type: 'text',
    value: (c) => (c.terminationReason ? TERMINATION_REASON_LABELS[c.terminationReason] : null),
  },
  reason: { header: '调解不成或终止原因', width: 24, type: 'text', value: (c) => c.reason },
  guidance: {
    header: '告知途径',
    width: 16,
    type: 'text',
    value: (c) => (c.guidance.length ? guidanceText(c.guidance) : null),
  },
};

export async function exportMediationLedger(ctx: ServiceContext, input: CaseFilter & { columns?: MediationColumn[] }): Promise<FileResult> {
  const { columns: chosen, ...f } = input;
  const today = ctx.clock.today();
  const town = getSettings(ctx).townshipName;
  const name = staffNamer(ctx);
  const label = dictLabels(ctx);
  const title = `${town}人民调解案件台账${f.deleted ? '（回收站）' : ''}`;
  const { bytes, rows } = await withSnapshot(ctx, (snapshot) => {
    const dbRows = exportRows<CaseListDbRow>(snapshot, caseListSql(f, today));
    return writeLedgerWorkbook({
      sheetName: '人民调解案件台账',
      title,
      subtitle: subtitle(f, today),
      // Without a choice on screen: every column, in the ledger's order.
      ...exportSheet(
        COLUMNS,
        chosen ?? MEDIATION_COLUMN_KEYS,
        mapRows(dbRows, (r) => caseRow(r, name)),
        label,
      ),
      totals: { unit: '件' },
    });
  });
  const file = xlsxFile(`${title}_${today}`, bytes);
  auditExport(ctx, 'mediation', input, rows, file.fileName);
  return file;
}

/** The whole ledger (registered in db/modules.ts). */
export const mediationLedgerExport: LedgerExport = (ctx) => exportMediationLedger(ctx, MediationExportInput.parse({}));

/** In a report package: the cases accepted in the period, and the period's statistics. */
export const mediationReportPart: ReportPart = {
  ledger: (ctx, period) => exportMediationLedger(ctx, MediationExportInput.parse({ dateFrom: period.dateFrom, dateTo: period.dateTo })),
  figures: mediationReportFigures,
};
