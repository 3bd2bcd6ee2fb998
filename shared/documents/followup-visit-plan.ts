/**
 * 重点人员走访计划表 as a printed form: one sheet per responsible person (包保责任人), one row per planned
 * visit, with the actual date and the visitor's signature left blank for the pen, and the responsible
 * person's signature at the foot. Pure: built from the plan the host computed (followup.visitPlan).
 */
import type { VisitPlan } from '../schemas/followup';
import { BLANK_DATE, type Block, type Cell, type DocPart, type DocumentModel } from './model';

export interface VisitPlanDocContext {
  townshipName: string;
  /** The filters' names, when the plan was filtered (the person's name also heads an empty plan). */
  staffName?: string | null;
  villageName?: string | null;
}

export const VISIT_PLAN_HEADERS = [
  '序号',
  '姓名',
  '类别',
  '等级',
  '村（社区）',
  '计划走访日期',
  '实际走访日期',
  '走访人签名',
  '备注',
] as const;
/** In millimetres of the 156 mm text block: a date fits on one line at 12pt, long labels wrap. */
const WIDTHS = [11, 16, 18, 11, 15, 27, 19, 16, 23];

/** 2024年7月 */
export function monthText(month: string): string {
  const [y, m] = month.split('-');
  return `${y}年${Number(m)}月`;
}

const label = (text: string): Cell => ({ text, label: true });
const cell = (text: string, align: Cell['align'] = 'center'): Cell => ({ text, align });

export function buildVisitPlanDocument(plan: VisitPlan, ctx: VisitPlanDocContext): DocumentModel {
  const title = `${ctx.townshipName}重点人员走访计划表`;
  const village = ctx.villageName ? `　村（社区）：${ctx.villageName}` : '';
  const sheet = (staffName: string, rows: VisitPlan['rows']): DocPart => {
    const body: Cell[][] = [];
    let no = 0;
    for (const r of rows) {
      for (const d of r.due) {
        no += 1;
        body.push([
          cell(String(no)),
          cell(r.personName),
          cell(r.groupLabel),
          // 黄色（一般关注） → 黄色: the column is narrow and the colour is what the sheet needs
          cell(r.levelLabel.replace(/（.*）$/, '')),
          cell(r.villageName ?? ''),
          cell(d.date),
          { text: '', lines: 2 },
          { text: '' },
          cell(d.overdue ? `${d.label}（逾期）` : d.label, 'left'),
        ]);
      }
    }
    if (!body.length) body.push([{ text: '本月没有需要走访的重点人员', span: VISIT_PLAN_HEADERS.length, align: 'center', lines: 2 }]);
    const blocks: Block[] = [
      { kind: 'title', text: title },
      { kind: 'line', text: `${monthText(plan.month)}　包保责任人：${staffName}${village}`, align: 'center' },
      { kind: 'table', widths: WIDTHS, rows: [VISIT_PLAN_HEADERS.map(label), ...body] },
      { kind: 'sign', label: '包保责任人（签名）：', date: BLANK_DATE },
    ];
    return { title: `${title}（${staffName}）`, blocks };
  };

  // One sheet per responsible person, in the plan's order (the rows are grouped by person).
  const parts = plan.byStaff.map((s) =>
    sheet(
      s.name,
      plan.rows.filter((r) => r.responsibleStaffId === s.staffId),
    ),
  );
  const only = plan.byStaff.length === 1 ? plan.byStaff[0]!.name : null;
  return {
    name: `${ctx.townshipName}${monthText(plan.month)}重点人员走访计划表${only ? `（${only}）` : ''}`,
    parts: parts.length ? parts : [sheet(ctx.staffName ?? '　　　　', [])],
  };
}
