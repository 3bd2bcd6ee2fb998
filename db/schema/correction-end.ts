import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idCol, stamps } from './common';
import { correctionFile } from './correction';

/**
 * The end of a correction file (REVIEW §5.5): the 个人总结 and 期满鉴定 before the term ends, then 解除 (社区矫正法
 * art. 44) or 终止 (art. 45). One live row per file; an undone end keeps its row soft-deleted (`deleted_at`)
 * with the reason it was undone, and the file's `status` says where it stands.
 */
export const correctionEnd = sqliteTable(
  'correction_end',
  {
    id: idCol(),
    fileId: text('file_id')
      .notNull()
      .references(() => correctionFile.id, { onDelete: 'restrict' }),
    /** 'release' 解除 | 'termination' 终止. */
    kind: text('kind').notNull(),
    /** 解除: 'expiry' | 'pardon'; 终止: 'revoke_probation' | 'revoke_parole' | 'imprison' | 'death'. */
    reason: text('reason').notNull(),
    date: text('date').notNull(),
    /** 解除社区矫正证明书 number, or the 终止's ruling/decision number. */
    documentNumber: text('document_number'),
    declarationDate: text('declaration_date'),
    declarationHost: text('declaration_host'),
    declarationAttendees: text('declaration_attendees'),
    noticeOrganDate: text('notice_organ_date'),
    noticeProcuratorateDate: text('notice_procuratorate_date'),
    noticePoliceDate: text('notice_police_date'),
    notes: text('notes'),
    /** 终止 by revocation or 收监 because of a new crime (or one found undisclosed): counted as 重新犯罪. */
    newCrime: integer('new_crime').notNull().default(0),
    undoReason: text('undo_reason'),
    ...stamps(),
  },
  (t) => [index('correction_end_file').on(t.fileId)],
);

/** 个人总结 and 期满鉴定 (one per file, kept when an end is undone). */
export const correctionAppraisal = sqliteTable('correction_appraisal', {
  id: idCol(),
  fileId: text('file_id')
    .notNull()
    .unique()
    .references(() => correctionFile.id, { onDelete: 'restrict' }),
  summaryDate: text('summary_date'),
  appraisalDate: text('appraisal_date').notNull(),
  opinion: text('opinion').notNull(),
  ...stamps(),
});
