/** 人民调解案件台账 as .xlsx: the case list's own filter and order, every matching case. */
import { maskIdNumber } from '../../shared/domain/id-number';
import {
  AGREEMENT_FORM_LABELS,
  CASE_ORIGIN_LABELS,
  CASE_OPEN_LABEL,
  CASE_OUTCOME_LABELS,
  CONFIRMATION_LABELS,
  MEDIATING_BODY_LABELS,
  AGREEMENT_PERFORMANCE_LABELS,
} from '../../shared/domain/mediation';
import type { FileResult } from '../../shared/schemas/common';
import { MediationExportInput } from '../../shared/schemas/mediation';
import type { ServiceContext } from '../context';
import { writeLedgerWorkbook, type LedgerColumn } from '../engines/xlsx';
import { auditExport, checkSize, dictLabels, MAX_EXPORT_ROWS, subtitle, xlsxFile, type LedgerExport } from './exports';
import { caseListSql, caseRow, type CaseFilter, type CaseListDbRow } from './mediation';
import { getSettings } from './reference';
import { all, one } from './sql';

const CASE_COLUMNS: LedgerColumn[] = [
  { header: '序号', key: 'no', width: 6, type: 'number' },
  { header: '卷宗号', key: 'caseNo', width: 28, type: 'text' },
  { header: '受理日期', key: 'acceptedDate', width: 12, type: 'date' },
  { header: '案件来源', key: 'origin', width: 14, type: 'text' },
  { header: '纠纷类型', key: 'category', width: 14, type: 'text' },
  { header: '当事人', key: 'parties', width: 20, type: 'text' },
  { header: '身份证号（首位当事人）', key: 'idNumber', width: 21, type: 'id' },
  { header: '调解组织', key: 'body', width: 16, type: 'text' },
  { header: '调解员', key: 'mediators', width: 14, type: 'text' },
  { header: '调解结果', key: 'outcome', width: 10, type: 'text' },
  { header: '结案日期', key: 'closedDate', width: 12, type: 'date' },
  { header: '协议形式', key: 'agreementForm', width: 8, type: 'text' },
  { header: '履行情况', key: 'performance', width: 14, type: 'text' },
  { header: '履行完毕日期', key: 'performedDate', width: 12, type: 'date' },
  { header: '司法确认', key: 'confirmation', width: 10, type: 'text' },
  { header: '涉及金额（元）', key: 'amount', width: 14, type: 'money' },
  { header: '协议金额（元）', key: 'agreed', width: 14, type: 'money' },
];

/** Masked as on screen (CONTRIBUTING.md, DOMAIN §5.2): the ledger tells parties apart without spreading the number. */
function firstPartyIdNumber(ctx: ServiceContext, caseId: string): string | null {
  const p = one<{ idNumber: string | null }>(
    ctx,
    'SELECT p.id_number AS idNumber FROM mediation_party mp JOIN person p ON p.id = mp.person_id WHERE mp.case_id = ? ORDER BY mp.ord LIMIT 1',
    caseId,
  );
  return p?.idNumber ? maskIdNumber(p.idNumber) : null;
}

export async function exportMediationLedger(ctx: ServiceContext, f: CaseFilter): Promise<FileResult> {
  // Everything is read before the first await: one consistent snapshot, and no statement is left
  // open while other calls use the connection.
  const today = ctx.clock.today();
  const town = getSettings(ctx).townshipName;
  const label = dictLabels(ctx);
  const q = caseListSql(f, today);
  checkSize(one<{ n: number }>(ctx, q.count, q.params)!.n);
  const rows = all<CaseListDbRow>(ctx, q.page, { ...q.params, limit: MAX_EXPORT_ROWS, offset: 0 }).map((r, i) => {
    const c = caseRow(r);
    return {
      no: i + 1,
      caseNo: c.caseNo,
      acceptedDate: c.acceptedDate,
      origin: CASE_ORIGIN_LABELS[c.origin],
      category: label('dispute_category', c.category),
      parties: c.parties,
      idNumber: firstPartyIdNumber(ctx, c.id),
      body: MEDIATING_BODY_LABELS[c.mediatingBody],
      mediators: c.mediators,
      outcome: c.outcome ? CASE_OUTCOME_LABELS[c.outcome] : CASE_OPEN_LABEL,
      closedDate: c.closedDate,
      agreementForm: c.agreementForm ? AGREEMENT_FORM_LABELS[c.agreementForm] : null,
      performance: c.performance ? `${AGREEMENT_PERFORMANCE_LABELS[c.performance]}${c.performanceOverdue ? '（逾期）' : ''}` : null,
      confirmation: c.agreementForm ? CONFIRMATION_LABELS[c.confirmation] : null,
      performedDate: c.performedDate,
      amount: c.amountYuan,
      agreed: c.agreedAmountYuan,
    };
  });
  const title = `${town}人民调解案件台账${f.deleted ? '（回收站）' : ''}`;
  const bytes = await writeLedgerWorkbook({
    sheetName: '人民调解案件台账',
    title,
    subtitle: subtitle(f, today),
    columns: CASE_COLUMNS,
    rows,
    totals: { unit: '件' },
  });
  const file = xlsxFile(`${title}_${today}`, bytes);
  auditExport(ctx, 'mediation', f, rows.length, file.fileName);
  return file;
}

/** The whole ledger (registered in db/modules.ts). */
export const mediationLedgerExport: LedgerExport = (ctx) => exportMediationLedger(ctx, MediationExportInput.parse({}));
