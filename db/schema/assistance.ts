import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { idCol, stamps } from './common';
import { correctionFile } from './correction';
import { person } from './persons';
import { staff, village } from './reference';

const live = sql`deleted_at IS NULL`;

/**
 * 安置帮教档案 (REVIEW §6.2): one released person's file, linked to the person registry. 帮教期满 is computed
 * from the release date and the office's settings (kept here for the list, rewritten on every sync); the
 * level's history (一般 / 重点 with its risk) is the engine's (level_change).
 */
export const assistanceFile = sqliteTable(
  'assistance_file',
  {
    id: idCol(),
    personId: text('person_id')
      .notNull()
      .references(() => person.id, { onDelete: 'restrict' }),
    crime: text('crime').notNull(),
    sentence: text('sentence').notNull(),
    prison: text('prison'),
    sentenceStart: text('sentence_start'),
    sentenceEnd: text('sentence_end'),
    /** 'expiry' 刑满 | 'pardon' 特赦 | 'outside_end' 暂予监外执行期满 | 'correction_end' 社区矫正期满. */
    releaseType: text('release_type').notNull(),
    releaseDate: text('release_date').notNull(),
    /** Registered before the release (预释放): the family contact is owed. */
    preRelease: integer('pre_release').notNull().default(0),
    certificateNumber: text('certificate_number'),
    noticeDate: text('notice_date'),
    villageId: text('village_id').references(() => village.id, { onDelete: 'restrict' }),
    phone: text('phone'),
    responsibleStaffId: text('responsible_staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'restrict' }),
    /** 'normal' | 'high' | 'medium' | 'low' today (kept from the level history for the list). */
    level: text('level').notNull(),
    levelSince: text('level_since').notNull(),
    periodEnd: text('period_end').notNull(),
    /** 'pending' 未衔接 | 'done' 已衔接 | 'missing' 下落不明. */
    handoverState: text('handover_state').notNull().default('pending'),
    handoverMethod: text('handover_method'),
    familyContactDate: text('family_contact_date'),
    returnDate: text('return_date'),
    receiver: text('receiver'),
    policeReportDate: text('police_report_date'),
    registerDate: text('register_date'),
    missingSince: text('missing_since'),
    handoverNote: text('handover_note'),
    agreementDate: text('agreement_date'),
    placement: text('placement'),
    placementDate: text('placement_date'),
    placementNote: text('placement_note'),
    /** 'active' 在册 | 'ended' (帮教期满, 死亡, 迁出, 再次收监). */
    status: text('status').notNull().default('active'),
    endReason: text('end_reason'),
    endDate: text('end_date'),
    endNote: text('end_note'),
    notes: text('notes'),
    /** The correction file it was handed over from at 解除 (由社区矫正转入), null otherwise. */
    correctionFileId: text('correction_file_id').references(() => correctionFile.id, { onDelete: 'restrict' }),
    nextDueDate: text('next_due_date'),
    ...stamps(),
  },
  (t) => [
    index('assistance_person').on(t.personId),
    index('assistance_live_due').on(t.nextDueDate).where(live),
    index('assistance_live_release').on(t.releaseDate).where(live),
    index('assistance_live_staff').on(t.responsibleStaffId, t.nextDueDate).where(live),
    index('assistance_correction').on(t.correctionFileId),
  ],
);

/** The 1+n 帮教小组's members. */
export const assistanceMember = sqliteTable(
  'assistance_member',
  {
    id: idCol(),
    fileId: text('file_id')
      .notNull()
      .references(() => assistanceFile.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    role: text('role').notNull(),
    phone: text('phone'),
    ...stamps(),
  },
  (t) => [index('assistance_member_file').on(t.fileId)],
);

/** What is recorded on a file by date: 走访/谈话, 帮扶 (临时救助 with its amount in yuan), 重新违法犯罪. */
export const assistanceRecord = sqliteTable(
  'assistance_record',
  {
    id: idCol(),
    fileId: text('file_id')
      .notNull()
      .references(() => assistanceFile.id, { onDelete: 'restrict' }),
    kind: text('kind').notNull(),
    date: text('date').notNull(),
    method: text('method'),
    aidType: text('aid_type'),
    /** 临时救助 in fen (shown in yuan). */
    amountFen: integer('amount_fen'),
    offenceType: text('offence_type'),
    crime: text('crime'),
    content: text('content').notNull(),
    staff: text('staff'),
    ...stamps(),
  },
  (t) => [index('assistance_record_file').on(t.fileId, t.date)],
);
