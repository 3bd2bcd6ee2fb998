/**
 * 台账导出: the people's-mediation ledger, the dispute register and the special-group ledger as .xlsx files. An export runs the
 * list's own filter and order (the same SQL) over every matching row, not one page, and writes the
 * office's labels rather than stored codes.
 */
import { RISK_LEVEL_LABELS, type DictKind } from '../../shared/dictionaries';
import { DISPUTE_STATUS_LABELS } from '../../shared/domain/dispute-status';
import { maskIdNumber } from '../../shared/domain/id-number';
import { cnDate } from '../../shared/documents/model';
import {
  AGREEMENT_FORM_LABELS,
  CASE_ORIGIN_LABELS,
  CASE_OUTCOME_LABELS,
  CONFIRMATION_LABELS,
  MEDIATING_BODY_LABELS,
  PERFORMANCE_STATE_LABELS,
} from '../../shared/domain/mediation';
import { LedgerError } from '../../shared/errors';
import type { FileResult } from '../../shared/schemas/common';
import type { DisputeRow } from '../../shared/schemas/disputes';
import { FOLLOWUP_STATUS_LABELS, levelLabel } from '../../shared/schemas/followup';
import { FOLLOWUP_GROUP_LABELS } from '../../shared/domain/followup-rules';
import type { ServiceContext } from '../context';
import { writeLedgerWorkbook, type LedgerColumn } from '../engines/xlsx';
import { disputeListSql, type DisputeFilter } from './disputes';
import { caseListSql, caseRow, type CaseFilter, type CaseListDbRow } from './mediation';
import { followupListSql, followupRow, type FollowupFilter, type FollowupListDbRow } from './followup';
import { audit } from './audit';
import { getSettings, listDicts } from './reference';
import { all, one, write } from './sql';

/** Beyond this the file is no ledger anyone can print or open comfortably; it also bounds memory. */
export const MAX_EXPORT_ROWS = 100_000;

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function checkSize(total: number): void {
  if (total > MAX_EXPORT_ROWS) {
    throw new LedgerError(
      'VALIDATION',
      `符合条件的记录有 ${total.toLocaleString('zh-CN')} 条，超过一次导出的上限 ${MAX_EXPORT_ROWS.toLocaleString('zh-CN')} 条。请缩小日期范围或增加筛选条件，分批导出。`,
    );
  }
}

/** Labels of the office's dictionaries, its own added entries included. */
function dictLabels(ctx: ServiceContext): (kind: DictKind, code: string) => string {
  const labels = new Map(listDicts(ctx).map((d) => [`${d.kind}:${d.code}`, d.label]));
  return (kind, code) => labels.get(`${kind}:${code}`) ?? code;
}

function subtitle(f: { dateFrom?: string; dateTo?: string }, today: string): string {
  const period =
    f.dateFrom && f.dateTo
      ? `${cnDate(f.dateFrom)}至${cnDate(f.dateTo)}`
      : f.dateFrom
        ? `${cnDate(f.dateFrom)}起`
        : f.dateTo
          ? `截至${cnDate(f.dateTo)}`
          : '全部';
  return `统计期间：${period}　导出日期：${cnDate(today)}`;
}

/** The township name comes from the user: nothing in it may act on the saving side's file system. */
export function xlsxFile(name: string, bytes: Buffer): FileResult {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the pattern exists to find.
  const fileName = `${name.replace(/[\\/:*?"<>|\u0000-\u001F\u007F]/g, '')}.xlsx`;
  return { fileName, mime: XLSX_MIME, base64: bytes.toString('base64') };
}

/** Personal data left the ledger: who exported which ledger, with which filter, how many rows (PIPL). */
export function auditExport(
  ctx: ServiceContext,
  ledger: 'mediation' | 'dispute' | 'followup' | 'followup_plan',
  filter: object,
  rows: number,
  fileName: string,
): void {
  write(ctx, () =>
    audit(ctx, { action: 'export', entity: 'ledger', entityId: ledger, after: { 文件: fileName, 条数: rows, 筛选: filter } }),
  );
}

// ── 人民调解案件台账 ─────────────────────────────────────────────────────────────────────────────

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
  { header: '司法确认', key: 'confirmation', width: 10, type: 'text' },
  { header: '涉及金额（元）', key: 'amount', width: 14, type: 'money' },
];

/** Masked as on screen (DOMAIN.md §5.2): the ledger tells parties apart without spreading the number. */
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
      outcome: c.outcome ? CASE_OUTCOME_LABELS[c.outcome] : '调解中',
      closedDate: c.closedDate,
      agreementForm: c.agreementForm ? AGREEMENT_FORM_LABELS[c.agreementForm] : null,
      performance: c.performance ? `${PERFORMANCE_STATE_LABELS[c.performance]}${c.performanceOverdue ? '（逾期）' : ''}` : null,
      confirmation: c.agreementForm ? CONFIRMATION_LABELS[c.confirmation] : null,
      amount: c.amountYuan,
    };
  });
  const title = `${town}人民调解案件台账${f.deleted ? '（回收站）' : ''}`;
  const bytes = await writeLedgerWorkbook({
    sheetName: '人民调解案件台账',
    title,
    subtitle: subtitle(f, today),
    columns: CASE_COLUMNS,
    rows,
  });
  const file = xlsxFile(`${title}_${today}`, bytes);
  auditExport(ctx, 'mediation', f, rows.length, file.fileName);
  return file;
}

// ── 矛盾纠纷排查登记台账 ─────────────────────────────────────────────────────────────────────────

const DISPUTE_COLUMNS: LedgerColumn[] = [
  { header: '序号', key: 'no', width: 6, type: 'number' },
  { header: '案号', key: 'caseNo', width: 24, type: 'text' },
  { header: '登记日期', key: 'intakeDate', width: 12, type: 'date' },
  { header: '来源', key: 'source', width: 12, type: 'text' },
  { header: '纠纷类型', key: 'category', width: 14, type: 'text' },
  { header: '村（社区）', key: 'village', width: 12, type: 'text' },
  { header: '当事人', key: 'parties', width: 20, type: 'text' },
  { header: '简要情况', key: 'summary', width: 40, type: 'text' },
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
  const q = disputeListSql(f, today, { fullSummary: true });
  checkSize(one<{ n: number }>(ctx, q.count, q.params)!.n);
  const rows = all<Omit<DisputeRow, 'overdue'> & { overdue: 0 | 1 }>(ctx, q.page, { ...q.params, limit: MAX_EXPORT_ROWS, offset: 0 }).map(
    (d, i) => ({
      no: i + 1,
      caseNo: d.caseNo,
      intakeDate: d.intakeDate,
      source: label('dispute_source', d.source),
      category: label('dispute_category', d.category),
      village: d.villageName,
      parties: d.parties,
      summary: d.summary,
      risk: d.riskLevel ? RISK_LEVEL_LABELS[d.riskLevel] : null,
      staff: d.staffName,
      deadline: d.deadline,
      status: DISPUTE_STATUS_LABELS[d.status],
      overdue: d.overdue ? '是' : '否',
    }),
  );
  const title = `${town}矛盾纠纷排查登记台账${f.deleted ? '（回收站）' : ''}`;
  const bytes = await writeLedgerWorkbook({
    sheetName: '矛盾纠纷排查登记台账',
    title,
    subtitle: subtitle(f, today),
    columns: DISPUTE_COLUMNS,
    rows,
  });
  const file = xlsxFile(`${title}_${today}`, bytes);
  auditExport(ctx, 'dispute', f, rows.length, file.fileName);
  return file;
}

// ── 重点人员台账 ─────────────────────────────────────────────────────────────────────────────────

const FOLLOWUP_COLUMNS: LedgerColumn[] = [
  { header: '序号', key: 'no', width: 6, type: 'number' },
  { header: '姓名', key: 'name', width: 10, type: 'text' },
  { header: '公民身份号码', key: 'idNumber', width: 21, type: 'id' },
  { header: '类别', key: 'group', width: 20, type: 'text' },
  { header: '风险/关注等级', key: 'level', width: 16, type: 'text' },
  { header: '村（社区）', key: 'village', width: 12, type: 'text' },
  { header: '包保责任人', key: 'staff', width: 10, type: 'text' },
  { header: '建档日期', key: 'startDate', width: 12, type: 'date' },
  { header: '状态', key: 'status', width: 7, type: 'text' },
  { header: '下次走访/到期日', key: 'nextDueDate', width: 14, type: 'date' },
  { header: '是否逾期', key: 'overdue', width: 9, type: 'text' },
];

/** The filter on the sheet in words (the list has no period): 状态：在管；包保责任人：王调解. */
function followupFilterText(ctx: ServiceContext, f: FollowupFilter): string {
  const name = (table: 'staff' | 'village', id: string | undefined) =>
    id ? (one<{ name: string }>(ctx, `SELECT name FROM ${table} WHERE id = ?`, id)?.name ?? '') : '';
  const parts = [
    f.group ? `类别：${FOLLOWUP_GROUP_LABELS[f.group]}` : '',
    f.level ? `等级：${levelLabel(f.level)}` : '',
    f.status ? `状态：${FOLLOWUP_STATUS_LABELS[f.status]}` : '',
    f.villageId ? `村（社区）：${name('village', f.villageId)}` : '',
    f.responsibleStaffId ? `包保责任人：${name('staff', f.responsibleStaffId)}` : '',
    f.overdue ? '仅逾期' : '',
    f.q ? `姓名含“${f.q}”` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('；') : '全部';
}

export async function exportFollowupLedger(ctx: ServiceContext, f: FollowupFilter): Promise<FileResult> {
  // As above: every read happens before the first await.
  const today = ctx.clock.today();
  const town = getSettings(ctx).townshipName;
  const q = followupListSql(f, today);
  checkSize(one<{ n: number }>(ctx, q.count, q.params)!.n);
  const rows = all<FollowupListDbRow>(ctx, q.page, { ...q.params, limit: MAX_EXPORT_ROWS, offset: 0 }).map((db, i) => {
    const r = followupRow(db, today);
    return {
      no: i + 1,
      name: r.personName,
      idNumber: r.idNumberMasked,
      group: r.group === 'other' && r.groupName ? r.groupName : FOLLOWUP_GROUP_LABELS[r.group],
      level: levelLabel(r.level),
      village: r.villageName,
      staff: r.responsibleName,
      startDate: r.startDate,
      status: FOLLOWUP_STATUS_LABELS[r.status],
      nextDueDate: r.nextDueDate,
      overdue: r.overdue ? '是' : '否',
    };
  });
  const title = `${town}重点人员台账${f.deleted ? '（回收站）' : ''}`;
  const sub = `筛选条件：${followupFilterText(ctx, f)}　导出日期：${cnDate(today)}`;
  const bytes = await writeLedgerWorkbook({ sheetName: '重点人员台账', title, subtitle: sub, columns: FOLLOWUP_COLUMNS, rows });
  const file = xlsxFile(`${title}_${today}`, bytes);
  auditExport(ctx, 'followup', f, rows.length, file.fileName);
  return file;
}
