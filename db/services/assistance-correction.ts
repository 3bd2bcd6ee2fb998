/**
 * 安置帮教 and 社区矫正 (REVIEW §5.5, REVIEW §6.1, REVIEW §6.2): the hand-over at 解除 — the correction file is released
 * through its own service and the assistance file opened (or the person's live one linked) in one transaction —
 * and the 重新犯罪 recorded on a live assistance file when its person is given a new correction file.
 */
import type { z } from 'zod';
import type { CorrectionEndView } from '../../shared/schemas/correction-end';
import type { CorrectionHandOver, FromCorrectionInput } from '../../shared/schemas/assistance';
import { LedgerError } from '../../shared/errors';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import { createFile, syncAssistance } from './assistance';
import { audit } from './audit';
import { getFile as getCorrection, type CorrectionOpened } from './correction';
import { releaseFile } from './correction-end';
import { insertRow, one, run, write } from './sql';

interface LiveFile {
  id: string;
  releaseDate: string;
  periodEnd: string;
  correctionFileId: string | null;
}

const liveFileOf = (ctx: ServiceContext, personId: string) =>
  one<LiveFile>(
    ctx,
    `SELECT id, release_date AS releaseDate, period_end AS periodEnd, correction_file_id AS correctionFileId FROM assistance_file
     WHERE person_id = ? AND status = 'active' AND deleted_at IS NULL`,
    personId,
  );

/** The file handed over to from this correction file, and the person's live file. */
export function correctionHandOver(ctx: ServiceContext, correctionFileId: string): CorrectionHandOver {
  const c = getCorrection(ctx, correctionFileId);
  const linked = one<CorrectionHandOver['linked'] & {}>(
    ctx,
    `SELECT id, status, period_end AS periodEnd FROM assistance_file WHERE correction_file_id = ? AND deleted_at IS NULL
     ORDER BY created_at DESC LIMIT 1`,
    correctionFileId,
  );
  const live = liveFileOf(ctx, c.person.id);
  return {
    linked: linked ?? null,
    live: live ? { id: live.id, releaseDate: live.releaseDate, correctionFileId: live.correctionFileId } : null,
  };
}

/**
 * 解除 and, unless `handOver` is off, the 安置帮教 file in the same transaction: anchored on the 解除 date as a
 * correction leaver (so its period setting applies), the crime and sentence copied, the village and the
 * responsible staff member kept, 衔接 done on the day (the person is already home). A person with a live file
 * is refused unless `link` asks to link that one instead.
 */
export function fromCorrection(
  ctx: ServiceContext,
  input: z.output<typeof FromCorrectionInput>,
): { correction: CorrectionEndView; assistanceId: string | null } {
  return write(ctx, () => {
    const { handOver, link, ...release } = input;
    const c = getCorrection(ctx, input.fileId);
    const live = handOver ? liveFileOf(ctx, c.person.id) : undefined;
    if (live && !link)
      throw new LedgerError('CONFLICT', '此人已有在册的安置帮教档案，不能再新建；可选择“关联已有档案”。', {
        fields: { handOver: '此人已有在册的安置帮教档案，可关联该档案' },
      });
    const correction = releaseFile(ctx, release);
    if (!handOver) return { correction, assistanceId: null };
    const now = ctx.clock.now();
    if (live) {
      run(ctx, 'UPDATE assistance_file SET correction_file_id = ?, updated_at = ? WHERE id = ?', c.id, now, live.id);
      audit(ctx, {
        action: 'update',
        entity: 'assistance',
        entityId: live.id,
        before: { notes: null },
        after: { notes: `关联社区矫正档案（${input.date} 解除）` },
      });
      return { correction, assistanceId: live.id };
    }
    const created = createFile(ctx, {
      personId: c.person.id,
      crime: c.crime,
      sentence: [c.penaltyType, c.penaltyTerm].filter(Boolean).join(' ') || c.penaltyType,
      prison: null,
      sentenceStart: c.termStart,
      sentenceEnd: c.termEnd,
      releaseType: 'correction_end',
      releaseDate: input.date,
      certificateNumber: input.certificateNumber,
      noticeDate: null,
      villageId: c.villageId,
      phone: c.phone,
      responsibleStaffId: c.responsibleStaffId,
      level: 'normal',
      notes: '由社区矫正解除后转入',
    });
    run(
      ctx,
      `UPDATE assistance_file SET correction_file_id = ?, handover_state = 'done', return_date = ?, register_date = ?, handover_note = ?, updated_at = ?
       WHERE id = ?`,
      c.id,
      input.date,
      input.date,
      '社区矫正解除，在执行地直接转入，无需接回',
      now,
      created.id,
    );
    syncAssistance(ctx, created.id);
    audit(ctx, {
      action: 'update',
      entity: 'assistance',
      entityId: created.id,
      before: { handoverState: 'pending' },
      after: { handoverState: 'done', notes: `由社区矫正转入（${input.date} 解除）` },
    });
    return { correction, assistanceId: created.id };
  });
}

/**
 * A new correction file for a person whose 安置帮教 file is in its period is a 重新犯罪 (REVIEW §6.2): recorded on
 * that file, with the judgment's date and crime, in the correction file's transaction (db/router.ts passes it).
 */
export const assistanceCorrectionOpened: CorrectionOpened = (ctx, file) => {
  const live = liveFileOf(ctx, file.personId);
  if (!live || file.effectiveDate < live.releaseDate || file.effectiveDate > live.periodEnd) return;
  const now = ctx.clock.now();
  const content = `帮教期内因${file.crime}被判处社区矫正（判决、裁定${file.effectiveDate}生效），登记社区矫正档案时自动记录。`;
  insertRow(ctx, 'assistance_record', {
    id: newId(),
    file_id: live.id,
    kind: 'reoffence',
    date: file.effectiveDate,
    method: null,
    aid_type: null,
    amount_fen: null,
    offence_type: '犯罪',
    crime: file.crime,
    content,
    staff: null,
    created_at: now,
    updated_at: now,
  });
  syncAssistance(ctx, live.id);
  audit(ctx, {
    action: 'update',
    entity: 'assistance',
    entityId: live.id,
    before: { record: null },
    after: { record: `${file.effectiveDate} 重新违法犯罪（犯罪，${file.crime}）：${content}` },
  });
};
