/**
 * 回收站: deleted records of every module, and attachments, each restorable. Deletes are soft
 * (CONTRIBUTING.md, ARCHITECTURE rule 3): nothing here is purged.
 */
import { z } from 'zod';
import { MODULE_INFO, MODULES, type ModuleName } from '../modules';
import { Id } from './common';

/** The bin's sections: one per module, then attachments. */
export const RECYCLE_SECTIONS = [...MODULES, 'attachments'] as const;
export type RecycleSection = (typeof RECYCLE_SECTIONS)[number];

/** What each section shows of a deleted record (the host fills the cells in this order), besides when it was deleted. */
export const RECYCLE_COLUMNS: Record<RecycleSection, readonly string[]> = {
  persons: ['姓名', '村（社区）'],
  followup: ['姓名', '类别', '建档日期'],
  disputes: ['案号', '类型', '当事人'],
  mediation: ['卷宗号', '当事人'],
  correction: ['姓名', '矫正类别', '矫正期限'],
  assistance: ['姓名', '释放类型', '释放日期'],
  attachments: ['名称', '类别', '所属'],
} satisfies { [S in RecycleSection]: readonly string[] };

/** The section's tab: its module's name (矛盾纠纷, 人民调解), or 附件. */
export function recycleLabel(section: RecycleSection): string {
  return section === 'attachments' ? '附件' : MODULE_INFO[section as ModuleName].label;
}

/** What one of its records is called (纠纷登记, 调解案件, 附件), for “没有已删除的…”. */
export function recycleRecord(section: RecycleSection): string {
  return section === 'attachments' ? '附件' : MODULE_INFO[section as ModuleName].record;
}

export interface RecycleRow {
  id: string;
  /** What the notification calls it once restored (a case number, a name). */
  name: string;
  cells: string[];
  deletedAt: string;
}

export interface RecycleBinSection {
  section: RecycleSection;
  /** Newest first, at most RECYCLE_LIMIT. */
  rows: RecycleRow[];
  /** How many there are in all. */
  total: number;
}

export const RECYCLE_LIMIT = 200;

export const RecycleRestoreInput = z.strictObject({
  section: z.enum(RECYCLE_SECTIONS, { error: '回收站中没有这类记录' }),
  id: Id,
});
