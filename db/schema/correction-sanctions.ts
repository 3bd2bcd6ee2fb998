import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idCol, stamps } from './common';
import { correctionFile } from './correction';

/**
 * 考核奖惩 (社区矫正法 art. 28, REVIEW §5.4): one step on a correction file — 表扬, 训诫, 警告, 提请治安管理处罚,
 * 提请撤销缓刑/假释 or 提请收监执行 — with the 司法所's 调查核实, the county's decision and the condition it meets.
 */
export const correctionSanction = sqliteTable(
  'correction_sanction',
  {
    id: idCol(),
    fileId: text('file_id')
      .notNull()
      .references(() => correctionFile.id, { onDelete: 'restrict' }),
    /** shared/domain/correction-sanctions.ts SANCTION_KINDS. */
    kind: text('kind').notNull(),
    /** A condition's code in SANCTION_REASONS[kind], or 'other' with `reason_other`. */
    reason: text('reason').notNull(),
    reasonOther: text('reason_other'),
    /** 司法所调查核实. */
    checkDate: text('check_date').notNull(),
    checkFacts: text('check_facts').notNull(),
    /** 县级社区矫正机构的决定 (or, for a 提请, its proposal). */
    decisionDate: text('decision_date'),
    decisionNumber: text('decision_number'),
    notes: text('notes'),
    ...stamps(),
  },
  (t) => [index('correction_sanction_file').on(t.fileId, t.checkDate)],
);
