/**
 * 走访计划表: for one month, every active special-group file's items that fall due in it — and the
 * ones already overdue and still not done (逾期) — by responsible person (包保责任人), printable and
 * exportable to .xlsx. A period that a later visit has passed by is 漏访 and is not planned again.
 *
 * Computed per file by the same engine and the same helpers as the file page (db/services/followup.ts),
 * not read from the to-do table: that table holds each cadence's next visit only, while a plan lists
 * every visit of the month. For cadences counted from the last visit ('every' rules, e.g. weekly for a
 * level-4 patient) the engine gives the next visit; the plan then assumes that visit is made on its due
 * date (or today, when it is already overdue) and asks the engine again, so a weekly cadence gives four or
 * five dates in the month. Those assumed visits are never stored and never count for calendar duties
 * (每月走访, 全年不少于4次), which are taken from the recorded visits only.
 */
import { FOLLOWUP_GROUP_LABELS } from '../../shared/domain/followup-rules';
import { maskIdNumber } from '../../shared/domain/id-number';
import { isOpen, type DueItem, type ObligationEvent } from '../../shared/domain/obligations';
import { daysInMonth } from '../../shared/dates';
import { cnDate } from '../../shared/documents/model';
import { LedgerError } from '../../shared/errors';
import type { FileResult } from '../../shared/schemas/common';
import { levelLabel, type VisitPlan, type VisitPlanDue, type VisitPlanInput, type VisitPlanRow } from '../../shared/schemas/followup';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { writeLedgerWorkbook, type LedgerColumn } from '../engines/xlsx';
import { auditExport, xlsxFile } from './exports';
import { dueItems, loadVisits, type SubjectDbRow } from './followup';
import { getSettings, staffNamer } from './reference';
import { all, one } from './sql';

type PlanInput = z.output<typeof VisitPlanInput>;

/** A plan is for a township's or one person's files (about 0.5 ms each); beyond this, filter by person or village. */
export const MAX_PLAN_FILES = 5_000;
/** Safety stop for the projection of one file (a daily cadence gives 31 in a month). */
const MAX_PROJECTIONS = 40;

function monthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { first: `${month}-01`, last: `${month}-${String(daysInMonth(y, m)).padStart(2, '0')}` };
}

function checkScope(ctx: ServiceContext, f: PlanInput): { staffName: string | null; villageName: string | null } {
  let staffName: string | null = null;
  let villageName: string | null = null;
  if (f.responsibleStaffId) {
    const plain =
      one<{ name: string }>(ctx, 'SELECT name FROM staff WHERE id = ? AND deleted_at IS NULL', f.responsibleStaffId)?.name ?? null;
    // Named as on every screen: two of one name told apart (the sheet's title and its line of filters say whose plan it is).
    staffName = plain === null ? null : staffNamer(ctx)(f.responsibleStaffId, plain);
    if (staffName === null) throw new LedgerError('VALIDATION', '包保责任人不存在', { fields: { responsibleStaffId: '包保责任人不存在' } });
  }
  if (f.villageId) {
    villageName = one<{ name: string }>(ctx, 'SELECT name FROM village WHERE id = ? AND deleted_at IS NULL', f.villageId)?.name ?? null;
    if (villageName === null) throw new LedgerError('VALIDATION', '村（社区）不存在', { fields: { villageId: '村（社区）不存在' } });
  }
  return { staffName, villageName };
}

/**
 * One file's items for the month: open items due in it, and open items due before it that are overdue
 * today. `today` is the host's date; the engine is asked as of the month's last day (or today, when the
 * month is past), so that the month's calendar duties exist and every recorded visit counts.
 */
function fileItems(
  ctx: ServiceContext,
  s: SubjectDbRow,
  visits: ReturnType<typeof loadVisits>,
  first: string,
  last: string,
  today: string,
): VisitPlanDue[] {
  const asOf = last > today ? last : today;
  const wanted = (date: string) => date <= last && (date >= first || date < today);
  const out: VisitPlanDue[] = [];
  const take = (i: DueItem) => out.push({ date: i.dueDate, label: i.label, ruleId: i.ruleId, overdue: i.dueDate < today });

  const recorded = dueItems(ctx, s, visits, asOf);
  for (const i of recorded) if (i.kind !== 'every' && isOpen(i) && wanted(i.dueDate)) take(i);

  // Cadences counted from the last visit: assume each planned visit is made, and ask for the next one.
  const assumed: ObligationEvent[] = [];
  const seen = new Set<string>();
  let items = recorded;
  for (let n = 0; n < MAX_PROJECTIONS; n++) {
    const next = items.filter((i) => i.kind === 'every' && isOpen(i) && i.dueDate <= last && !seen.has(`${i.ruleId}@${i.dueDate}`));
    if (!next.length) break;
    for (const i of next) {
      seen.add(`${i.ruleId}@${i.dueDate}`);
      if (wanted(i.dueDate)) take(i);
      assumed.push({ id: `plan:${n}:${i.ruleId}`, date: i.dueDate < today ? today : i.dueDate, ruleId: i.ruleId });
    }
    items = dueItems(ctx, s, visits, asOf, assumed);
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

const collator = new Intl.Collator('zh-CN');

export function visitPlan(ctx: ServiceContext, f: PlanInput): VisitPlan {
  checkScope(ctx, f);
  const today = ctx.clock.today();
  const { first, last } = monthBounds(f.month);
  const where = ['s.deleted_at IS NULL', "s.status = 'active'", 's.start_date <= @last'];
  const params: Record<string, unknown> = { last };
  if (f.responsibleStaffId) {
    where.push('s.responsible_staff_id = @staffId');
    params.staffId = f.responsibleStaffId;
  }
  if (f.villageId) {
    where.push('s.village_id = @villageId');
    params.villageId = f.villageId;
  }
  const n = one<{ n: number }>(ctx, `SELECT count(*) AS n FROM followup_subject s WHERE ${where.join(' AND ')}`, params)!.n;
  if (n > MAX_PLAN_FILES) {
    throw new LedgerError(
      'VALIDATION',
      `范围内在管档案有 ${n.toLocaleString('zh-CN')} 份，超过一次能排出的 ${MAX_PLAN_FILES.toLocaleString('zh-CN')} 份。请按包保责任人或村（社区）筛选。`,
    );
  }
  const subjects = all<
    SubjectDbRow & { person_name: string; id_number: string | null; staff_name: string | null; village_name: string | null }
  >(
    ctx,
    `SELECT s.*, p.name AS person_name, p.id_number,
       (SELECT name FROM staff WHERE id = s.responsible_staff_id) AS staff_name,
       (SELECT name FROM village WHERE id = s.village_id) AS village_name
     FROM followup_subject s JOIN person p ON p.id = s.person_id
     WHERE ${where.join(' AND ')}`,
    params,
  );

  const name = staffNamer(ctx);
  const rows: VisitPlanRow[] = [];
  for (const s of subjects) {
    const visits = loadVisits(ctx, s.id);
    const due = fileItems(ctx, s, visits, first, last, today);
    if (!due.length) continue;
    rows.push({
      subjectId: s.id,
      personName: s.person_name,
      idNumberMasked: s.id_number ? maskIdNumber(s.id_number) : null,
      group: s.group_code,
      groupLabel: s.group_code === 'other' && s.group_name ? s.group_name : FOLLOWUP_GROUP_LABELS[s.group_code],
      level: s.level,
      levelLabel: levelLabel(s.level, s.group_code),
      villageName: s.village_name,
      responsibleStaffId: s.responsible_staff_id,
      responsibleName: name(s.responsible_staff_id, s.staff_name) ?? '',
      lastVisit: visits[0]?.date ?? null, // newest first
      due,
    });
  }
  // By responsible person (name in pinyin order), then the first date, then the person.
  rows.sort(
    (a, b) =>
      collator.compare(a.responsibleName, b.responsibleName) ||
      (a.responsibleStaffId < b.responsibleStaffId ? -1 : a.responsibleStaffId > b.responsibleStaffId ? 1 : 0) ||
      (a.due[0]!.date < b.due[0]!.date ? -1 : a.due[0]!.date > b.due[0]!.date ? 1 : 0) ||
      collator.compare(a.personName, b.personName) ||
      (a.subjectId < b.subjectId ? -1 : 1),
  );
  const byStaff: VisitPlan['byStaff'] = [];
  for (const r of rows) {
    const last = byStaff[byStaff.length - 1];
    if (last?.staffId === r.responsibleStaffId) {
      last.subjects += 1;
      last.count += r.due.length;
    } else byStaff.push({ staffId: r.responsibleStaffId, name: r.responsibleName, subjects: 1, count: r.due.length });
  }
  return { month: f.month, today, rows, byStaff };
}

// ── the .xlsx ────────────────────────────────────────────────────────────────────────────────

const PLAN_COLUMNS: LedgerColumn[] = [
  { header: '序号', key: 'no', width: 6, type: 'number' },
  { header: '包保责任人', key: 'staff', width: 10, type: 'text' },
  { header: '姓名', key: 'name', width: 10, type: 'text' },
  { header: '公民身份号码', key: 'idNumber', width: 21, type: 'id' },
  { header: '类别', key: 'group', width: 18, type: 'text' },
  { header: '风险/关注等级', key: 'level', width: 14, type: 'text' },
  { header: '村（社区）', key: 'village', width: 12, type: 'text' },
  { header: '上次走访', key: 'lastVisit', width: 12, type: 'date' },
  { header: '计划走访日期', key: 'date', width: 13, type: 'date' },
  { header: '事项', key: 'label', width: 22, type: 'text' },
  { header: '是否逾期', key: 'overdue', width: 9, type: 'text' },
  { header: '实际走访日期', key: 'actual', width: 13, type: 'text' },
  { header: '走访人签名', key: 'sign', width: 12, type: 'text' },
  { header: '备注', key: 'note', width: 14, type: 'text' },
];

/** 高寨乡2024年7月重点人员走访计划表 */
export function visitPlanTitle(township: string, month: string): string {
  const [y, m] = month.split('-');
  return `${township}${y}年${Number(m)}月重点人员走访计划表`;
}

export async function exportVisitPlan(ctx: ServiceContext, f: PlanInput): Promise<FileResult> {
  // Every read happens before the first await (see exports.ts).
  const today = ctx.clock.today();
  const town = getSettings(ctx).townshipName;
  const { staffName, villageName } = checkScope(ctx, f);
  const plan = visitPlan(ctx, f);
  const rows = plan.rows
    .flatMap((r) =>
      r.due.map((d) => ({
        staff: r.responsibleName,
        name: r.personName,
        idNumber: r.idNumberMasked,
        group: r.groupLabel,
        level: r.levelLabel,
        village: r.villageName,
        lastVisit: r.lastVisit,
        date: d.date,
        label: d.label,
        overdue: d.overdue ? '逾期' : '',
      })),
    )
    .map((r, i) => ({ no: i + 1, ...r }));
  const title = visitPlanTitle(town, f.month);
  const scope = [staffName ? `包保责任人：${staffName}` : '', villageName ? `村（社区）：${villageName}` : ''].filter(Boolean);
  const subtitle = [...scope, `制表日期：${cnDate(today)}`].join('　');
  const { bytes } = await writeLedgerWorkbook({ sheetName: '走访计划表', title, subtitle, columns: PLAN_COLUMNS, rows });
  const file = xlsxFile(`${title}${staffName ? `（${staffName}）` : ''}_${today}`, bytes);
  auditExport(ctx, 'followup_plan', f, rows.length, file.fileName);
  return file;
}
