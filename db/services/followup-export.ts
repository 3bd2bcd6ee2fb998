/** 重点人员台账 as .xlsx: the ledger's own filter and order, every matching file. */
import { controlText, FOLLOWUP_GROUP_LABELS } from '../../shared/domain/followup-rules';
import type { FileResult } from '../../shared/schemas/common';
import {
  CONTROL_LABELS,
  FOLLOWUP_COLUMN_KEYS,
  FOLLOWUP_STATUS_LABELS,
  FollowupExportInput,
  levelLabel,
  type FollowupColumn,
  type FollowupRow,
} from '../../shared/schemas/followup';
import type { ServiceContext } from '../context';
import { exportListLedger, type ExportColumn, type LedgerExport, type ReportPart } from './exports';
import { followupListSql, followupRow, type FollowupFilter, type FollowupListDbRow } from './followup';
import { getSettings, staffNamer, type StaffNamer } from './reference';
import { one } from './sql';
import { followupReportFigures } from './followup-stats';

/** Every column the ledger can be exported with, by its key (shared/schemas/followup.ts): its header, width and type, and its cell. */
const COLUMNS: { [K in FollowupColumn]: ExportColumn<FollowupRow> } = {
  name: { header: '姓名', width: 10, type: 'text', value: (r) => r.personName },
  idNumber: { header: '公民身份号码', width: 21, type: 'id', value: (r) => r.idNumberMasked },
  group: {
    header: '类别',
    width: 20,
    type: 'text',
    value: (r) => (r.group === 'other' && r.groupName ? r.groupName : FOLLOWUP_GROUP_LABELS[r.group]),
  },
  level: { header: '风险/关注等级', width: 16, type: 'text', value: (r) => levelLabel(r.level, r.group) },
  control: { header: '管控状态', width: 10, type: 'text', value: (r) => controlText(r.group, r.control) },
  village: { header: '村（社区）', width: 12, type: 'text', value: (r) => r.villageName },
  staff: { header: '包保责任人', width: 10, type: 'text', value: (r) => r.responsibleName },
  startDate: { header: '建档日期', width: 12, type: 'date', value: (r) => r.startDate },
  status: { header: '状态', width: 7, type: 'text', value: (r) => FOLLOWUP_STATUS_LABELS[r.status] },
  nextDueDate: { header: '下次走访/到期日', width: 14, type: 'date', value: (r) => r.nextDueDate },
  overdue: { header: '是否逾期', width: 9, type: 'text', value: (r) => (r.overdue ? '是' : '否') },
};

/** The filter on the sheet in words (the list has no period): 状态：在管；包保责任人：王调解. */
function followupFilterText(ctx: ServiceContext, f: FollowupFilter, staff: StaffNamer): string {
  const village = (id: string) => one<{ name: string }>(ctx, 'SELECT name FROM village WHERE id = ?', id)?.name ?? '';
  const parts = [
    f.group ? `类别：${FOLLOWUP_GROUP_LABELS[f.group]}` : '',
    f.level ? `等级：${levelLabel(f.level, f.group)}` : '',
    f.control ? `管控状态：${f.control === 'controlled' ? '需管控（含待转化）' : CONTROL_LABELS[f.control]}` : '',
    f.status ? `状态：${FOLLOWUP_STATUS_LABELS[f.status]}` : '',
    f.villageId ? `村（社区）：${village(f.villageId)}` : '',
    f.responsibleStaffId ? `包保责任人：${staff(f.responsibleStaffId, '') ?? ''}` : '',
    f.overdue ? '仅逾期' : '',
    f.due7 ? '仅7日内到期' : '',
    f.q ? `姓名含“${f.q}”` : '',
  ].filter(Boolean);
  return parts.length ? parts.join('；') : '全部';
}

export async function exportFollowupLedger(
  ctx: ServiceContext,
  input: FollowupFilter & { columns?: FollowupColumn[] },
): Promise<FileResult> {
  const { columns: chosen, ...f } = input;
  const today = ctx.clock.today();
  const name = staffNamer(ctx);
  return exportListLedger(ctx, {
    ledger: 'followup',
    input,
    sheetName: '重点人员台账',
    title: `${getSettings(ctx).townshipName}重点人员台账${f.deleted ? '（回收站）' : ''}`,
    filter: followupFilterText(ctx, f, name),
    query: followupListSql(ctx, f, today),
    row: (r: FollowupListDbRow) => followupRow(r, today, name),
    columns: COLUMNS,
    // Without a choice on screen: every column, in the ledger's order.
    keys: chosen ?? FOLLOWUP_COLUMN_KEYS,
    unit: '人',
  });
}

/** The whole ledger (registered in db/modules.ts). */
export const followupLedgerExport: LedgerExport = (ctx) => exportFollowupLedger(ctx, FollowupExportInput.parse({}));

/** In a report package: the whole register as it stands (its list has no period), and the period's statistics. */
export const followupReportPart: ReportPart = { ledger: (ctx) => followupLedgerExport(ctx), figures: followupReportFigures };
