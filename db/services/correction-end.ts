/**
 * 考核奖惩 and the end of a correction file (REVIEW §5.4, REVIEW §5.5): the steps recorded with their 调查核实 and
 * decision, the next step the record suggests (never taken by itself), the 期满鉴定, and 解除 / 终止 with their
 * undoing. Each write is one transaction with its audit row; the file's due items are rewritten in it (an ended
 * file lists none).
 */
import type { z } from 'zod';
import {
  RELEASE_REASON_LABELS,
  RELEASE_SOURCE,
  RELEASE_WORDS,
  releaseDateError,
  TERMINATION_REASON_LABELS,
  TERMINATION_SOURCE,
  terminationError,
  terminationReasonsFor,
  type ReleaseReason,
  type TerminationReason,
} from '../../shared/domain/correction-end';
import { RULE_IDS, termRemindDays, type CorrectionStatus } from '../../shared/domain/correction-rules';
import {
  DEFAULT_SANCTION_SETTINGS,
  OTHER_REASON,
  reasonText,
  SANCTION_KIND_LABELS,
  SANCTION_REASONS,
  SANCTION_SETTINGS_SOURCE,
  SANCTION_SOURCE,
  sanctionKindError,
  sanctionKindsFor,
  sanctionSettings,
  suggestSanctions,
  type SanctionKind,
  type SanctionSettings,
} from '../../shared/domain/correction-sanctions';
import { addDays } from '../../shared/dates';
import { LedgerError } from '../../shared/errors';
import type {
  AppraisalInput,
  CorrectionEndView,
  EndView,
  ReleaseInput,
  SanctionInput,
  SanctionSchedule,
  SanctionSettingsInput,
  SanctionView,
  TerminationInput,
  UndoEndInput,
} from '../../shared/schemas/correction-end';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import { audit } from './audit';
import { correctionSettings, getFile, requireLive, syncCorrection } from './correction';
import { getSetting, putSetting } from './reference';
import { all, insertRow, one, run, updateRow, write } from './sql';

const SETTINGS_KEY = 'correction_sanction_settings';

const fieldError = (field: string, message: string) => new LedgerError('VALIDATION', message, { fields: { [field]: message } });

function settingsOf(ctx: ServiceContext): SanctionSettings {
  return getSetting<SanctionSettings>(ctx, SETTINGS_KEY) ?? {};
}

interface SanctionRow extends Omit<SanctionView, 'reasonText'> {}

function loadSanctions(ctx: ServiceContext, fileId: string): SanctionView[] {
  return all<SanctionRow>(
    ctx,
    `SELECT id, kind, reason, reason_other AS reasonOther, check_date AS checkDate, check_facts AS checkFacts,
       decision_date AS decisionDate, decision_number AS decisionNumber, notes
     FROM correction_sanction WHERE file_id = ? AND deleted_at IS NULL ORDER BY check_date DESC, id DESC`,
    fileId,
  ).map((s) => ({ ...s, reasonText: reasonText(s.kind, s.reason, s.reasonOther) }));
}

interface EndRow {
  id: string;
  kind: 'release' | 'termination';
  reason: string;
  date: string;
  document_number: string | null;
  declaration_date: string | null;
  declaration_host: string | null;
  declaration_attendees: string | null;
  notice_organ_date: string | null;
  notice_procuratorate_date: string | null;
  notice_police_date: string | null;
  notes: string | null;
  /** 1 when a 终止 was for a new crime (重新犯罪); 0 for every 解除. */
  new_crime: number;
}

const endRow = (ctx: ServiceContext, fileId: string) =>
  one<EndRow>(ctx, 'SELECT * FROM correction_end WHERE file_id = ? AND deleted_at IS NULL', fileId);

function endWords(e: EndRow): string {
  const label =
    e.kind === 'release'
      ? `解除（${RELEASE_REASON_LABELS[e.reason as ReleaseReason]}）`
      : `终止（${TERMINATION_REASON_LABELS[e.reason as TerminationReason]}）`;
  return `${e.date} ${label}${e.new_crime ? '（犯新罪）' : ''}${e.document_number ? `，${e.kind === 'release' ? '证明书' : '文书'}${e.document_number}` : ''}`;
}

const sanctionWords = (s: Pick<SanctionView, 'kind' | 'reason' | 'reasonOther' | 'checkDate' | 'decisionDate' | 'decisionNumber'>) =>
  `${s.checkDate} ${SANCTION_KIND_LABELS[s.kind]}：${reasonText(s.kind, s.reason, s.reasonOther)}${
    s.decisionDate ? `（${s.decisionDate} 决定${s.decisionNumber ? `，${s.decisionNumber}` : ''}）` : ''
  }`;

/** The 考核奖惩 and end cards of one file (a minor's closed file only for its responsible staff member). */
export function correctionEndView(ctx: ServiceContext, fileId: string): CorrectionEndView {
  const f = getFile(ctx, fileId);
  const sanctions = loadSanctions(ctx, fileId);
  const e = endRow(ctx, fileId);
  const appraisal = one<{ summaryDate: string | null; appraisalDate: string; opinion: string }>(
    ctx,
    'SELECT summary_date AS summaryDate, appraisal_date AS appraisalDate, opinion FROM correction_appraisal WHERE file_id = ? AND deleted_at IS NULL',
    fileId,
  );
  const today = ctx.clock.today();
  const overdueReport = f.dueItems.filter((i) => i.ruleId === RULE_IDS.report && i.state === 'overdue').map((i) => i.dueDate);
  const suggestions =
    f.status === 'active' && !f.deletedAt
      ? suggestSanctions(
          {
            category: f.category,
            steps: sanctions.map((s) => ({ kind: s.kind, date: s.decisionDate ?? s.checkDate, reason: s.reason })),
            reportIn: f.reception.deadline ? { deadline: f.reception.deadline, reportDate: f.reception.reportDate } : null,
            overdueReportSince: overdueReport.sort()[0] ?? null,
            today,
          },
          settingsOf(ctx),
        )
      : [];
  const end: EndView | null = e
    ? {
        kind: e.kind,
        reason: e.reason as ReleaseReason | TerminationReason,
        reasonLabel:
          e.kind === 'release'
            ? RELEASE_REASON_LABELS[e.reason as ReleaseReason]
            : `${TERMINATION_REASON_LABELS[e.reason as TerminationReason]}${e.new_crime ? '（犯新罪）' : ''}`,
        date: e.date,
        documentNumber: e.document_number,
        declarationDate: e.declaration_date,
        declarationHost: e.declaration_host,
        declarationAttendees: e.declaration_attendees,
        noticeOrganDate: e.notice_organ_date,
        noticeProcuratorateDate: e.notice_procuratorate_date,
        noticePoliceDate: e.notice_police_date,
        notes: e.notes,
        words: e.kind === 'release' ? RELEASE_WORDS[f.category] : null,
      }
    : null;
  return {
    fileId,
    personId: f.person.id,
    category: f.category,
    status: f.status,
    termStart: f.termStart,
    termEnd: f.termEnd,
    sanctions,
    kinds: sanctionKindsFor(f.category),
    suggestions,
    sanctionSource: SANCTION_SOURCE,
    appraisal: appraisal ?? null,
    appraisalDue: addDays(f.termEnd, -termRemindDays(correctionSettings(ctx))),
    end,
    terminationReasons: terminationReasonsFor(f.category),
    releaseSource: RELEASE_SOURCE,
    terminationSource: TERMINATION_SOURCE,
  };
}

// ── 考核奖惩 ────────────────────────────────────────────────────────────────────────────────

/** One step (new when `id` is null): a kind and a condition that fit the category, not before the term began. */
export function saveSanction(ctx: ServiceContext, input: z.output<typeof SanctionInput>): CorrectionEndView {
  return write(ctx, () => {
    const f = requireLive(ctx, input.fileId);
    const kind: SanctionKind = input.kind;
    const kindError = sanctionKindError(f.category, kind);
    if (kindError) throw fieldError('kind', kindError);
    if (input.reason !== OTHER_REASON && !SANCTION_REASONS[kind].some((r) => r.code === input.reason))
      throw fieldError('reason', '请从所列条件中选择事由，或选择“其他”并写明');
    if (input.checkDate < f.termStart) throw fieldError('checkDate', '调查核实日期不能早于矫正期限起日');
    const old = input.id ? loadSanctions(ctx, f.id).find((s) => s.id === input.id) : undefined;
    if (input.id && !old) throw new LedgerError('NOT_FOUND', '该奖惩记录不存在。');
    const now = ctx.clock.now();
    const cols = {
      kind,
      reason: input.reason,
      reason_other: input.reason === OTHER_REASON ? input.reasonOther : null,
      check_date: input.checkDate,
      check_facts: input.checkFacts,
      decision_date: input.decisionDate,
      decision_number: input.decisionNumber,
      notes: input.notes,
      updated_at: now,
    };
    if (old) updateRow(ctx, 'correction_sanction', old.id, cols);
    else insertRow(ctx, 'correction_sanction', { id: newId(), file_id: f.id, created_at: now, ...cols });
    audit(ctx, {
      action: 'update',
      entity: 'correction',
      entityId: f.id,
      before: { sanction: old ? sanctionWords(old) : null },
      after: { sanction: sanctionWords({ ...input, kind, reasonOther: cols.reason_other }) },
    });
    return correctionEndView(ctx, f.id);
  });
}

/** Takes a step back (soft-deleted, its history told what went). */
export function deleteSanction(ctx: ServiceContext, id: string): CorrectionEndView {
  return write(ctx, () => {
    const r = one<{ fileId: string }>(ctx, 'SELECT file_id AS fileId FROM correction_sanction WHERE id = ? AND deleted_at IS NULL', id);
    if (!r) throw new LedgerError('NOT_FOUND', '该奖惩记录不存在。');
    requireLive(ctx, r.fileId);
    const old = loadSanctions(ctx, r.fileId).find((s) => s.id === id)!;
    const now = ctx.clock.now();
    run(ctx, 'UPDATE correction_sanction SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    audit(ctx, {
      action: 'update',
      entity: 'correction',
      entityId: r.fileId,
      before: { sanction: sanctionWords(old) },
      after: { sanction: null },
    });
    return correctionEndView(ctx, r.fileId);
  });
}

// ── 期满鉴定 ────────────────────────────────────────────────────────────────────────────────

/** 个人总结 and 期满鉴定: recorded once per file, changed in place; they answer the 期满鉴定 item. */
export function saveAppraisal(ctx: ServiceContext, input: z.output<typeof AppraisalInput>): CorrectionEndView {
  return write(ctx, () => {
    const f = requireLive(ctx, input.fileId);
    if (input.appraisalDate < f.termStart) throw fieldError('appraisalDate', '鉴定日期不能早于矫正期限起日');
    if (input.summaryDate && input.summaryDate < f.termStart) throw fieldError('summaryDate', '个人总结日期不能早于矫正期限起日');
    const old = one<{ id: string; appraisalDate: string; opinion: string }>(
      ctx,
      'SELECT id, appraisal_date AS appraisalDate, opinion FROM correction_appraisal WHERE file_id = ?',
      f.id,
    );
    const now = ctx.clock.now();
    const cols = {
      summary_date: input.summaryDate,
      appraisal_date: input.appraisalDate,
      opinion: input.opinion,
      deleted_at: null,
      updated_at: now,
    };
    if (old) updateRow(ctx, 'correction_appraisal', old.id, cols);
    else insertRow(ctx, 'correction_appraisal', { id: newId(), file_id: f.id, created_at: now, ...cols });
    syncCorrection(ctx, f.id);
    audit(ctx, {
      action: 'update',
      entity: 'correction',
      entityId: f.id,
      before: { appraisal: old ? `${old.appraisalDate}：${old.opinion}` : null },
      after: { appraisal: `${input.appraisalDate}：${input.opinion}` },
    });
    return correctionEndView(ctx, f.id);
  });
}

// ── 解除 and 终止 ───────────────────────────────────────────────────────────────────────────

function setStatus(ctx: ServiceContext, fileId: string, status: CorrectionStatus): void {
  run(ctx, 'UPDATE correction_file SET status = ?, updated_at = ? WHERE id = ?', status, ctx.clock.now(), fileId);
  // An ended file owes nothing any more: its items leave the to-do table (and come back when the end is undone).
  syncCorrection(ctx, fileId);
}

const NO_RELEASE_FACTS = {
  declaration_date: null,
  declaration_host: null,
  declaration_attendees: null,
  notice_organ_date: null,
  notice_procuratorate_date: null,
  notice_police_date: null,
};

/** Writes the end, sets the file's status (its items leave the to-do table) and audits it. */
function endFile(ctx: ServiceContext, fileId: string, status: 'released' | 'terminated', cols: Omit<EndRow, 'id'>): CorrectionEndView {
  const now = ctx.clock.now();
  const row = { id: newId(), ...cols };
  insertRow(ctx, 'correction_end', { ...row, file_id: fileId, created_at: now, updated_at: now });
  setStatus(ctx, fileId, status);
  audit(ctx, {
    action: 'update',
    entity: 'correction',
    entityId: fileId,
    before: { status: 'active' },
    after: { status, end: endWords(row) },
  });
  return correctionEndView(ctx, fileId);
}

/**
 * 解除 (社区矫正法 art. 44): on or after the term end, before it only by pardon. Called on its own, and by the
 * hand-over to 安置帮教 inside that module's transaction.
 */
export function releaseFile(ctx: ServiceContext, input: z.output<typeof ReleaseInput>): CorrectionEndView {
  return write(ctx, () => {
    const f = requireLive(ctx, input.fileId);
    const dateError = releaseDateError(input.reason, input.date, f);
    if (dateError) throw fieldError('date', dateError);
    for (const k of ['declarationDate', 'noticeOrganDate', 'noticeProcuratorateDate', 'noticePoliceDate'] as const) {
      const d = input[k];
      if (d && d < f.termStart) throw fieldError(k, '日期不能早于矫正期限起日');
    }
    return endFile(ctx, f.id, 'released', {
      kind: 'release',
      reason: input.reason,
      date: input.date,
      document_number: input.certificateNumber,
      declaration_date: input.declarationDate,
      declaration_host: input.declarationHost,
      declaration_attendees: input.declarationAttendees,
      notice_organ_date: input.noticeOrganDate,
      notice_procuratorate_date: input.noticeProcuratorateDate,
      notice_police_date: input.noticePoliceDate,
      notes: input.notes,
      new_crime: 0,
    });
  });
}

/** 终止 (社区矫正法 art. 45): a reason that fits the category (死亡 for any), not before the term began. */
export function terminateFile(ctx: ServiceContext, input: z.output<typeof TerminationInput>): CorrectionEndView {
  return write(ctx, () => {
    const f = requireLive(ctx, input.fileId);
    const err = terminationError(f.category, input.reason, input.date, f.termStart);
    if (err) throw fieldError(err.field, err.message);
    return endFile(ctx, f.id, 'terminated', {
      kind: 'termination',
      reason: input.reason,
      date: input.date,
      document_number: input.documentNumber,
      ...NO_RELEASE_FACTS,
      notes: input.notes,
      new_crime: input.newCrime ? 1 : 0,
    });
  });
}

/** 撤销解除 / 撤销终止 of an end recorded by mistake: the file is 在矫 again and owes what it owed. */
export function undoEnd(ctx: ServiceContext, input: z.output<typeof UndoEndInput>): CorrectionEndView {
  return write(ctx, () => {
    const f = getFile(ctx, input.fileId);
    if (f.deletedAt) throw new LedgerError('NOT_FOUND', '该社区矫正档案已删除。');
    const e = endRow(ctx, f.id);
    if (f.status === 'active' || !e) throw new LedgerError('INVALID_TRANSITION', '该档案在矫，没有可撤销的解除或终止。');
    const other = one(
      ctx,
      "SELECT 1 FROM correction_file WHERE person_id = ? AND id <> ? AND status = 'active' AND deleted_at IS NULL",
      f.person.id,
      f.id,
    );
    if (other) throw new LedgerError('CONFLICT', '此人已有另一份在矫档案，不能撤销本档案的解除或终止。');
    const now = ctx.clock.now();
    run(ctx, 'UPDATE correction_end SET deleted_at = ?, undo_reason = ?, updated_at = ? WHERE id = ?', now, input.reason, now, e.id);
    setStatus(ctx, f.id, 'active');
    audit(ctx, {
      action: 'update',
      entity: 'correction',
      entityId: f.id,
      before: { status: f.status, end: endWords(e) },
      after: { status: 'active', undo: input.reason },
    });
    return correctionEndView(ctx, f.id);
  });
}

// ── settings ─────────────────────────────────────────────────────────────────────────────────

export function getSanctionSchedule(ctx: ServiceContext): SanctionSchedule {
  return { ...sanctionSettings(settingsOf(ctx)), defaults: DEFAULT_SANCTION_SETTINGS, source: SANCTION_SETTINGS_SOURCE };
}

/** The thresholds the review leaves open: a value equal to the default is stored as none. */
export function saveSanctionSchedule(ctx: ServiceContext, input: z.output<typeof SanctionSettingsInput>): SanctionSchedule {
  return write(ctx, () => {
    const before = getSanctionSchedule(ctx);
    const s: SanctionSettings = {
      ...(input.otherWarnings !== DEFAULT_SANCTION_SETTINGS.otherWarnings ? { otherWarnings: input.otherWarnings } : {}),
      ...(input.otherAbsentMonths !== DEFAULT_SANCTION_SETTINGS.otherAbsentMonths ? { otherAbsentMonths: input.otherAbsentMonths } : {}),
    };
    putSetting(ctx, SETTINGS_KEY, s);
    const after = getSanctionSchedule(ctx);
    const words = (x: SanctionSchedule) => `假释、暂予监外执行：${x.otherWarnings}次警告或脱离监管超过${x.otherAbsentMonths}个月时提示提请`;
    audit(ctx, {
      action: 'update',
      entity: 'settings',
      entityId: SETTINGS_KEY,
      before: { correction: words(before) },
      after: { correction: words(after) },
    });
    return after;
  });
}
