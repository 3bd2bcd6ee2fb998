/** 重点人员台账 as .xlsx: the ledger's own filter and order, every matching file. */
import { cnDate } from '../../shared/documents/model';
import { controlText, FOLLOWUP_GROUP_LABELS } from '../../shared/domain/followup-rules';
import type { FileResult } from '../../shared/schemas/common';
import { CONTROL_LABELS, FOLLOWUP_STATUS_LABELS, FollowupExportInput, levelLabel } from '../../shared/schemas/followup';
import type { ServiceContext } from '../context';
import { writeLedgerWorkbook, type LedgerColumn } from '../engines/xlsx';
import { auditExport, checkSize, MAX_EXPORT_ROWS, xlsxFile, type LedgerExport } from './exports';
import { followupListSql, followupRow, type FollowupFilter, type FollowupListDbRow } from './followup';
import { getSettings } from './reference';
import { all, one } from './sql';

const FOLLOWUP_COLUMNS: LedgerColumn[] = [
  { header: '序号', key: 'no', width: 6, type: 'number' },
  { header: '姓名', key: 'name', width: 10, type: 'text' },
  { header: '公民身份号码', key: 'idNumber', width: 21, type: 'id' },
  { header: '类别', key: 'group', width: 20, type: 'text' },
  { header: '风险/关注等级', key: 'level', width: 16, type: 'text' },
  { header: '管控状态', key: 'control', width: 10, type: 'text' },
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
    f.level ? `等级：${levelLabel(f.level, f.group)}` : '',
    f.control ? `管控状态：${f.control === 'controlled' ? '需管控（含待转化）' : CONTROL_LABELS[f.control]}` : '',
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
      level: levelLabel(r.level, r.group),
      control: controlText(r.group, r.control),
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
  const bytes = await writeLedgerWorkbook({
    sheetName: '重点人员台账',
    title,
    subtitle: sub,
    columns: FOLLOWUP_COLUMNS,
    rows,
    totals: { unit: '人' },
  });
  const file = xlsxFile(`${title}_${today}`, bytes);
  auditExport(ctx, 'followup', f, rows.length, file.fileName);
  return file;
}

/** The whole ledger (registered in db/modules.ts). */
export const followupLedgerExport: LedgerExport = (ctx) => exportFollowupLedger(ctx, FollowupExportInput.parse({}));
