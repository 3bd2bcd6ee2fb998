/**
 * 安置帮教台账 as .xlsx (the ledger's own filter and order, every matching file) and the monthly
 * 未衔接人员 list the county asks for (REVIEW §6.3): who was released by the month's last day and is not
 * yet 衔接 or cannot be found, one row each.
 */
import type { z } from 'zod';
import { cnDate } from '../../shared/documents/model';
import { maskIdNumber } from '../../shared/domain/id-number';
import { periodOf, earlierOf } from '../../shared/date-math';
import { daysBetween } from '../../shared/dates';
import {
  ASSISTANCE_COLUMN_KEYS,
  ASSISTANCE_LEVEL_LABELS,
  ASSISTANCE_STATUS_LABELS,
  AssistanceExportInput,
  HANDOVER_STATE_LABELS,
  PLACEMENT_LABELS,
  RELEASE_TYPE_LABELS,
  type AssistanceColumn,
  type AssistanceRow,
  type UnlinkedListInput,
} from '../../shared/schemas/assistance';
import type { FileResult } from '../../shared/schemas/common';
import type { AssistanceLevel, HandoverState, ReleaseType } from '../../shared/domain/assistance-rules';
import type { ServiceContext } from '../context';
import { writeLedgerWorkbook } from '../engines/xlsx';
import { assistanceListSql, assistanceRow, type AssistanceFilter, type AssistanceListDbRow } from './assistance';
import { auditExport, exportListLedger, xlsxFile, type ExportColumn, type LedgerExport, type ReportPart } from './exports';
import { getSettings, staffNamer, type StaffNamer } from './reference';
import { all, one } from './sql';
import { assistanceReportFigures } from './assistance-stats';

/** Every column the ledger can be exported with, by its key (shared/schemas/assistance.ts). */
const COLUMNS: { [K in AssistanceColumn]: ExportColumn<AssistanceRow> } = {
  name: { header: '姓名', width: 10, type: 'text', value: (r) => r.personName },
  releaseDate: { header: '释放日期', width: 12, type: 'date', value: (r) => r.releaseDate },
  releaseType: { header: '释放类型', width: 16, type: 'text', value: (r) => RELEASE_TYPE_LABELS[r.releaseType] },
  handover: { header: '衔接状态', width: 10, type: 'text', value: (r) => HANDOVER_STATE_LABELS[r.handoverState] },
  key: { header: '类别', width: 14, type: 'text', value: (r) => ASSISTANCE_LEVEL_LABELS[r.level] },
  placement: { header: '安置情况', width: 14, type: 'text', value: (r) => (r.placement ? PLACEMENT_LABELS[r.placement] : '未登记') },
  periodEnd: { header: '帮教期满', width: 12, type: 'date', value: (r) => r.periodEnd },
  staff: { header: '责任人', width: 10, type: 'text', value: (r) => r.responsibleName },
  village: { header: '村（社区）', width: 12, type: 'text', value: (r) => r.villageName },
  crime: { header: '罪名', width: 16, type: 'text', value: (r) => r.crime },
  nextDueDate: { header: '下次到期', width: 12, type: 'date', value: (r) => r.nextDueDate },
};

/** The filter on the sheet in words: 状态：在册；仅未衔接. */
function filterText(ctx: ServiceContext, f: AssistanceFilter, staff: StaffNamer): string {
  const village = (id: string) => one<{ name: string }>(ctx, 'SELECT name FROM village WHERE id = ?', id)?.name ?? '';
  const parts = [
    f.releaseType ? `释放类型：${RELEASE_TYPE_LABELS[f.releaseType]}` : '',
    f.handover ? `衔接状态：${HANDOVER_STATE_LABELS[f.handover]}` : '',
    f.notHandedOver ? '仅未衔接' : '',
    f.preRelease ? '仅预释放' : '',
    f.key === true ? '仅重点帮教对象' : f.key === false ? '仅一般对象' : '',
    f.placement ? `安置情况：${PLACEMENT_LABELS[f.placement]}` : '',
    f.status ? `状态：${ASSISTANCE_STATUS_LABELS[f.status]}` : '',
    f.villageId ? `村（社区）：${village(f.villageId)}` : '',
    f.responsibleStaffId ? `责任人：${staff(f.responsibleStaffId, '') ?? ''}` : '',
    f.overdue ? '仅逾期' : '',
    f.due7 ? '仅7日内到期' : '',
    f.q ? `姓名含“${f.q}”` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('；') : '全部';
}

export async function exportAssistanceLedger(ctx: ServiceContext, input: z.output<typeof AssistanceExportInput>): Promise<FileResult> {
  const { columns: chosen, ...f } = input;
  const today = ctx.clock.today();
  const name = staffNamer(ctx);
  const title = `${getSettings(ctx).townshipName}安置帮教台账${f.deleted ? '（回收站）' : ''}`;
  return exportListLedger(ctx, {
    ledger: 'assistance',
    input,
    sheetName: '安置帮教台账',
    title,
    filter: filterText(ctx, f, name),
    query: assistanceListSql(f, today),
    row: (r: AssistanceListDbRow) => assistanceRow(r, today, name),
    columns: COLUMNS,
    keys: chosen ?? ASSISTANCE_COLUMN_KEYS,
    unit: '人',
  });
}

/** The whole ledger (registered in db/modules.ts). */
export const assistanceLedgerExport: LedgerExport = (ctx) => exportAssistanceLedger(ctx, AssistanceExportInput.parse({}));

interface UnlinkedDbRow {
  personName: string;
  idNumber: string | null;
  villageName: string | null;
  crime: string;
  sentence: string;
  prison: string | null;
  releaseType: ReleaseType;
  releaseDate: string;
  noticeDate: string | null;
  level: AssistanceLevel;
  handoverState: HandoverState;
  missingSince: string | null;
  familyContactDate: string | null;
  handoverNote: string | null;
  staffId: string;
}

/** The day a month's list is read at: its last day, or today while the month runs. */
export function unlinkedAsOf(month: string, today: string): string {
  return earlierOf(periodOf(`${month}-01`, 'month').end, today);
}

/**
 * 未衔接人员月报: released by the day, not ended by it, and not 衔接 by it (a 衔接 dated later is still
 * 未衔接 on the list of that month); 下落不明 from its 查找 date.
 */
export async function exportUnlinkedList(ctx: ServiceContext, input: z.output<typeof UnlinkedListInput>): Promise<FileResult> {
  const today = ctx.clock.today();
  const asOf = unlinkedAsOf(input.month, today);
  const town = getSettings(ctx).townshipName;
  const name = staffNamer(ctx);
  const rows = all<UnlinkedDbRow>(
    ctx,
    `SELECT p.name AS personName, p.id_number AS idNumber, (SELECT name FROM village WHERE id = a.village_id) AS villageName,
       a.crime, a.sentence, a.prison, a.release_type AS releaseType, a.release_date AS releaseDate, a.notice_date AS noticeDate,
       a.level, a.handover_state AS handoverState, a.missing_since AS missingSince, a.family_contact_date AS familyContactDate,
       a.handover_note AS handoverNote, a.responsible_staff_id AS staffId
     FROM assistance_file a JOIN person p ON p.id = a.person_id
     WHERE a.deleted_at IS NULL AND a.release_date <= @asOf AND (a.end_date IS NULL OR a.end_date > @asOf)
       AND NOT (a.handover_state = 'done' AND (a.return_date IS NULL OR a.return_date <= @asOf))
     ORDER BY a.release_date, p.name_initials, a.id`,
    { asOf },
  );
  const missing = (r: UnlinkedDbRow) => r.handoverState === 'missing' && (!r.missingSince || r.missingSince <= asOf);
  const { bytes } = await writeLedgerWorkbook({
    sheetName: '未衔接人员',
    title: `${town}刑满释放人员未衔接情况月报（${input.month.replace('-', '年')}月）`,
    subtitle: `统计截止：${cnDate(asOf)}　导出日期：${cnDate(today)}　已释放、截至统计截止日未衔接（含下落不明）且未结束帮教的人员`,
    columns: [
      { header: '序号', key: 'no', width: 6, type: 'number' },
      { header: '姓名', key: 'name', width: 10, type: 'text' },
      { header: '公民身份号码', key: 'id', width: 21, type: 'id' },
      { header: '村（社区）', key: 'village', width: 12, type: 'text' },
      { header: '罪名', key: 'crime', width: 14, type: 'text' },
      { header: '原判刑罚', key: 'sentence', width: 12, type: 'text' },
      { header: '服刑场所', key: 'prison', width: 16, type: 'text' },
      { header: '释放类型', key: 'releaseType', width: 14, type: 'text' },
      { header: '释放日期', key: 'releaseDate', width: 12, type: 'date' },
      { header: '通知书收到日期', key: 'noticeDate', width: 14, type: 'date' },
      { header: '类别', key: 'level', width: 14, type: 'text' },
      { header: '状态', key: 'state', width: 10, type: 'text' },
      { header: '未衔接天数', key: 'days', width: 10, type: 'number' },
      { header: '联系家属日期', key: 'contact', width: 12, type: 'date' },
      { header: '责任人', key: 'staff', width: 10, type: 'text' },
      { header: '情况说明', key: 'note', width: 30, type: 'text' },
    ],
    rows: rows.map((r, i) => ({
      no: i + 1,
      name: r.personName,
      id: r.idNumber ? maskIdNumber(r.idNumber) : null,
      village: r.villageName,
      crime: r.crime,
      sentence: r.sentence,
      prison: r.prison,
      releaseType: RELEASE_TYPE_LABELS[r.releaseType],
      releaseDate: r.releaseDate,
      noticeDate: r.noticeDate,
      level: ASSISTANCE_LEVEL_LABELS[r.level],
      state: missing(r) ? '下落不明' : '未衔接',
      days: daysBetween(r.releaseDate, asOf),
      contact: r.familyContactDate && r.familyContactDate <= asOf ? r.familyContactDate : null,
      staff: name(r.staffId, null),
      note: r.handoverNote,
    })),
    totals: { unit: '人' },
  });
  const file = xlsxFile(`${town}未衔接人员月报_${input.month}`, bytes);
  auditExport(ctx, 'assistance_unlinked', input, rows.length, file.fileName);
  return file;
}

/** In a report package: the whole register as it stands (its list has no period), and the period's statistics. */
export const assistanceReportPart: ReportPart = { ledger: (ctx) => assistanceLedgerExport(ctx), figures: assistanceReportFigures };
