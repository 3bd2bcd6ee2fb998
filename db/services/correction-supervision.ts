/**
 * 社区矫正: the 司法所's supervision records on a file (REVIEW §5.1, REVIEW §5.2) — the 矫正小组 and 矫正责任书,
 * the 矫正方案's versions, the 审批 (外出 with its 销假, 经常性跨市县活动, 会客, 进入特定区域/场所, 变更执行地), 电子定位
 * with its extensions, incidents (失联, 正在违法, 被拘留…) and the 出境报备. Every write is one transaction with its
 * audit row on the file and re-syncs the file's due items (外出销假, 电子定位期满 and 延长评估). A minor's closed file
 * is read and written only by its responsible staff member (the file's own checks).
 */
import type { z } from 'zod';
import {
  APPROVAL_KIND_LABELS,
  ASSESS_RESULT_LABELS,
  approvalErrors,
  approverLevel,
  correctionTeamCheck,
  extensionErrors,
  INCIDENT_KIND_LABELS,
  latestMonitorEnd,
  MONITOR_GROUND_LABELS,
  monitorEnd,
  SUPERVISION_DEFAULTS,
  SUPERVISION_LABELS,
  SUPERVISION_RULE_PREFIX,
  SUPERVISION_SOURCES,
  supervisionLimits,
  type SupervisionLimits,
  type SupervisionSettings,
} from '../../shared/domain/correction-supervision';
import { isOpen } from '../../shared/domain/obligations';
import { LedgerError } from '../../shared/errors';
import type {
  ApprovalInput,
  AssessmentInput,
  CorrectionApproval,
  CorrectionAssessment,
  CorrectionIncident,
  CorrectionMember,
  CorrectionMonitor,
  CorrectionPlan,
  ExitReportInput,
  IncidentInput,
  MonitorInput,
  PlanInput,
  SupervisionSettingsInput,
  SupervisionSettingView,
  SupervisionView,
  TeamInput,
} from '../../shared/schemas/correction-supervision';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import { audit } from './audit';
import { getFile, requireLive, syncCorrection } from './correction';
import { officeLimits, SUPERVISION_SETTINGS_KEY, supervisionSettings } from './correction-supervision-due';
import { markObligationsStale } from './obligations';
import { putSetting } from './reference';
import { all, insertRow, one, run, updateRow, write } from './sql';

const fieldErrors = (errors: Record<string, string>) => {
  const first = Object.values(errors)[0];
  if (first) throw new LedgerError('VALIDATION', first, { fields: errors });
};

function settingViews(s: SupervisionSettings): SupervisionSettingView[] {
  const limits = supervisionLimits(s);
  return (Object.keys(SUPERVISION_DEFAULTS) as (keyof SupervisionLimits)[]).map((key) => ({
    key,
    label: SUPERVISION_LABELS[key],
    value: limits[key],
    defaultValue: SUPERVISION_DEFAULTS[key],
    source: SUPERVISION_SOURCES[key],
  }));
}

// ── reading ──────────────────────────────────────────────────────────────────────────────────

function loadMonitors(ctx: ServiceContext, fileId: string): CorrectionMonitor[] {
  const rows = all<Omit<CorrectionMonitor, 'assessments' | 'currentEnd'>>(
    ctx,
    `SELECT id, ground, approver, approval_date AS approvalDate, document_number AS documentNumber, start_date AS startDate,
       end_date AS endDate, removal_date AS removalDate
     FROM correction_monitor WHERE file_id = ? AND deleted_at IS NULL ORDER BY start_date DESC, id DESC`,
    fileId,
  );
  return rows.map((m) => {
    const assessments = all<CorrectionAssessment>(
      ctx,
      `SELECT id, date, result, new_end AS newEnd, approver, document_number AS documentNumber FROM correction_monitor_assessment
       WHERE monitor_id = ? AND deleted_at IS NULL ORDER BY date, id`,
      m.id,
    );
    return { ...m, assessments, currentEnd: monitorEnd({ endDate: m.endDate, assessments }) };
  });
}

/** The supervision records of a file (refused for a minor's closed file to anyone but its responsible staff member). */
export function getSupervision(ctx: ServiceContext, fileId: string): SupervisionView {
  const f = getFile(ctx, fileId);
  const today = ctx.clock.today();
  const sup = one<{ pledgeDate: string | null; exitReportDate: string | null; exitRevokeDate: string | null }>(
    ctx,
    'SELECT pledge_date AS pledgeDate, exit_report_date AS exitReportDate, exit_revoke_date AS exitRevokeDate FROM correction_supervision WHERE file_id = ?',
    fileId,
  );
  const members = all<Omit<CorrectionMember, 'knowsMinors'> & { knowsMinors: number }>(
    ctx,
    `SELECT id, name, role, sex, phone, knows_minors AS knowsMinors FROM correction_member
     WHERE file_id = ? AND deleted_at IS NULL ORDER BY id`,
    fileId,
  ).map((m) => ({ ...m, knowsMinors: m.knowsMinors === 1 }));
  const subject = { sex: f.person.sex, minor: f.minor };
  const plans = all<CorrectionPlan>(
    ctx,
    'SELECT id, date, content, reason FROM correction_plan WHERE file_id = ? AND deleted_at IS NULL ORDER BY date DESC, id DESC',
    fileId,
  );
  const approvals = all<Omit<CorrectionApproval, 'overdue'>>(
    ctx,
    `SELECT id, kind, apply_date AS applyDate, start_date AS startDate, end_date AS endDate, destination, reason, papers,
       approver_level AS approverLevel, approver, approval_date AS approvalDate, return_date AS returnDate, result,
       reported_date AS reportedDate, note
     FROM correction_approval WHERE file_id = ? AND deleted_at IS NULL ORDER BY coalesce(start_date, apply_date) DESC, id DESC`,
    fileId,
  ).map((a) => ({ ...a, overdue: a.kind === 'leave' && !a.returnDate && !!a.endDate && a.endDate < today }));
  const incidents = all<CorrectionIncident>(
    ctx,
    `SELECT id, kind, at, content, actions, resolved_at AS resolvedAt FROM correction_incident
     WHERE file_id = ? AND deleted_at IS NULL ORDER BY at DESC, id DESC`,
    fileId,
  );
  const settings = supervisionSettings(ctx);
  const prefixes = Object.values(SUPERVISION_RULE_PREFIX).map((p) => `${p}:`);
  return {
    fileId,
    active: f.status === 'active' && !f.deletedAt,
    subject,
    team: { members, pledgeDate: sup?.pledgeDate ?? null, check: correctionTeamCheck(members, subject) },
    plans,
    approvals,
    monitors: loadMonitors(ctx, fileId),
    incidents,
    openMissing: incidents.find((i) => i.kind === 'missing' && !i.resolvedAt) ?? null,
    exitReportDate: sup?.exitReportDate ?? null,
    exitRevokeDate: sup?.exitRevokeDate ?? null,
    limits: supervisionLimits(settings),
    settings: settingViews(settings),
    dueItems: f.dueItems.filter((i) => isOpen(i) && prefixes.some((p) => i.ruleId.startsWith(p))),
  };
}

// ── writing ──────────────────────────────────────────────────────────────────────────────────

/** One write on a live file: the change, the due items re-synced, one audit row on the file. */
function change(
  ctx: ServiceContext,
  fileId: string,
  fn: (f: ReturnType<typeof requireLive>) => { before: unknown; after: unknown },
): SupervisionView {
  return write(ctx, () => {
    const f = requireLive(ctx, fileId);
    const { before, after } = fn(f);
    syncCorrection(ctx, fileId);
    audit(ctx, { action: 'update', entity: 'correction', entityId: fileId, before, after });
    return getSupervision(ctx, fileId);
  });
}

function upsertSupervision(ctx: ServiceContext, fileId: string, cols: Record<string, string | null>): void {
  const now = ctx.clock.now();
  if (one(ctx, 'SELECT 1 FROM correction_supervision WHERE file_id = ?', fileId)) {
    const names = Object.keys(cols);
    run(
      ctx,
      `UPDATE correction_supervision SET ${names.map((n) => `${n} = ?`).join(', ')}, updated_at = ? WHERE file_id = ?`,
      ...Object.values(cols),
      now,
      fileId,
    );
  } else insertRow(ctx, 'correction_supervision', { file_id: fileId, ...cols, created_at: now, updated_at: now });
}

const SEX = { M: '男', F: '女' } as const;
const memberWords = (members: readonly Pick<CorrectionMember, 'name' | 'role' | 'sex' | 'knowsMinors'>[]) =>
  members.map((m) => `${m.name}（${m.role}${m.sex ? `，${SEX[m.sex]}` : ''}${m.knowsMinors ? '，熟悉未成年人工作' : ''}）`).join('；') ||
  '无';

/** The 矫正小组, replaced as a whole, and the 矫正责任书 date. */
export function saveTeam(ctx: ServiceContext, input: z.output<typeof TeamInput>): SupervisionView {
  return change(ctx, input.fileId, (f) => {
    if (input.pledgeDate && input.pledgeDate < f.effectiveDate) fieldErrors({ pledgeDate: '矫正责任书日期不能早于判决、裁定生效日期' });
    const before = getSupervision(ctx, f.id);
    const now = ctx.clock.now();
    run(ctx, 'UPDATE correction_member SET deleted_at = ?, updated_at = ? WHERE file_id = ? AND deleted_at IS NULL', now, now, f.id);
    for (const m of input.members)
      insertRow(ctx, 'correction_member', {
        id: newId(),
        file_id: f.id,
        name: m.name,
        role: m.role,
        sex: m.sex,
        phone: m.phone,
        knows_minors: m.knowsMinors ? 1 : 0,
        created_at: now,
        updated_at: now,
      });
    upsertSupervision(ctx, f.id, { pledge_date: input.pledgeDate });
    return {
      before: { team: memberWords(before.team.members), pledgeDate: before.team.pledgeDate },
      after: { team: memberWords(input.members), pledgeDate: input.pledgeDate },
    };
  });
}

const planWords = (p: Pick<CorrectionPlan, 'date' | 'content' | 'reason'>) =>
  `${p.date}${p.reason ? `（调整原因：${p.reason}）` : ''}：${p.content}`;

/** A version of the 矫正方案 (new when `id` is null): a later version needs the reason it was adjusted. */
export function savePlan(ctx: ServiceContext, input: z.output<typeof PlanInput>): SupervisionView {
  return change(ctx, input.fileId, (f) => {
    if (input.date < f.effectiveDate) fieldErrors({ date: '方案日期不能早于判决、裁定生效日期' });
    const old = input.id
      ? one<CorrectionPlan>(
          ctx,
          'SELECT id, date, content, reason FROM correction_plan WHERE id = ? AND file_id = ? AND deleted_at IS NULL',
          input.id,
          f.id,
        )
      : undefined;
    if (input.id && !old) throw new LedgerError('NOT_FOUND', '该矫正方案不存在。');
    const earlier = one<{ n: number }>(
      ctx,
      'SELECT count(*) AS n FROM correction_plan WHERE file_id = ? AND deleted_at IS NULL AND id <> ? AND date <= ?',
      f.id,
      input.id ?? '',
      input.date,
    )!.n;
    if (earlier > 0 && !input.reason) fieldErrors({ reason: '调整矫正方案的，请写明调整原因' });
    const now = ctx.clock.now();
    const cols = { date: input.date, content: input.content, reason: input.reason, updated_at: now };
    if (old) updateRow(ctx, 'correction_plan', old.id, cols);
    else insertRow(ctx, 'correction_plan', { id: newId(), file_id: f.id, created_at: now, ...cols });
    return { before: { plan: old ? planWords(old) : null }, after: { plan: planWords(input) } };
  });
}

/** The file a record of one of these tables belongs to (NOT_FOUND when none is live). */
function ownerOf(
  ctx: ServiceContext,
  table: 'correction_plan' | 'correction_approval' | 'correction_monitor' | 'correction_incident',
  id: string,
  what: string,
) {
  const r = one<{ fileId: string }>(ctx, `SELECT file_id AS fileId FROM ${table} WHERE id = ? AND deleted_at IS NULL`, id);
  if (!r) throw new LedgerError('NOT_FOUND', `该${what}不存在。`);
  return r.fileId;
}

function softDelete(ctx: ServiceContext, table: string, id: string): void {
  const now = ctx.clock.now();
  run(ctx, `UPDATE ${table} SET deleted_at = ?, updated_at = ? WHERE id = ?`, now, now, id);
}

export function deletePlan(ctx: ServiceContext, id: string): SupervisionView {
  return write(ctx, () => {
    const fileId = ownerOf(ctx, 'correction_plan', id, '矫正方案');
    return change(ctx, fileId, () => {
      const p = one<CorrectionPlan>(ctx, 'SELECT id, date, content, reason FROM correction_plan WHERE id = ?', id)!;
      softDelete(ctx, 'correction_plan', id);
      return { before: { plan: planWords(p) }, after: { plan: null } };
    });
  });
}

const approvalWords = (a: Pick<CorrectionApproval, 'kind' | 'startDate' | 'endDate' | 'applyDate' | 'destination' | 'returnDate'>) =>
  `${APPROVAL_KIND_LABELS[a.kind]} ${a.startDate ?? a.applyDate ?? ''}${a.endDate ? `至${a.endDate}` : ''}${a.destination ? ` ${a.destination}` : ''}${
    a.returnDate ? `，${a.returnDate}销假` : ''
  }`;

const approvalRow = (ctx: ServiceContext, id: string, fileId: string) =>
  one<CorrectionApproval>(
    ctx,
    `SELECT id, kind, apply_date AS applyDate, start_date AS startDate, end_date AS endDate, destination, return_date AS returnDate
     FROM correction_approval WHERE id = ? AND file_id = ? AND deleted_at IS NULL`,
    id,
    fileId,
  );

/**
 * One 审批 (new when `id` is null), refused in Chinese as the form does (shared/domain/correction-supervision.ts):
 * end before start, a trip over the per-trip limit, 销假 before the start. A trip's approver level comes from its
 * length under the office's limits.
 */
export function saveApproval(ctx: ServiceContext, input: z.output<typeof ApprovalInput>): SupervisionView {
  return change(ctx, input.fileId, (f) => {
    const limits = officeLimits(ctx);
    fieldErrors(approvalErrors(input, limits));
    const first = input.startDate ?? input.applyDate;
    if (first && first < f.effectiveDate) fieldErrors({ [input.startDate ? 'startDate' : 'applyDate']: '日期不能早于判决、裁定生效日期' });
    const old = input.id ? approvalRow(ctx, input.id, f.id) : undefined;
    if (input.id && !old) throw new LedgerError('NOT_FOUND', '该审批记录不存在。');
    const leave = input.kind === 'leave';
    const travel = leave || input.kind === 'frequent';
    const relocate = input.kind === 'relocate';
    const now = ctx.clock.now();
    const cols = {
      kind: input.kind,
      apply_date: input.applyDate,
      start_date: relocate ? null : input.startDate,
      end_date: relocate ? null : input.endDate,
      destination: input.destination,
      reason: input.reason,
      papers: input.papers,
      approver_level:
        leave && input.startDate && input.endDate ? approverLevel(input.startDate, input.endDate, limits) : travel ? 'county' : null,
      approver: input.approver,
      approval_date: input.approvalDate,
      return_date: leave ? input.returnDate : null,
      result: relocate ? input.result : null,
      reported_date: relocate ? input.reportedDate : null,
      note: input.note,
      updated_at: now,
    };
    if (old) updateRow(ctx, 'correction_approval', old.id, cols);
    else insertRow(ctx, 'correction_approval', { id: newId(), file_id: f.id, created_at: now, ...cols });
    return { before: { approval: old ? approvalWords(old) : null }, after: { approval: approvalWords(input) } };
  });
}

export function deleteApproval(ctx: ServiceContext, id: string): SupervisionView {
  return write(ctx, () => {
    const fileId = ownerOf(ctx, 'correction_approval', id, '审批记录');
    return change(ctx, fileId, () => {
      const a = approvalRow(ctx, id, fileId)!;
      softDelete(ctx, 'correction_approval', id);
      return { before: { approval: approvalWords(a) }, after: { approval: null } };
    });
  });
}

const monitorWords = (m: Pick<CorrectionMonitor, 'ground' | 'startDate' | 'endDate' | 'removalDate'>) =>
  `${m.startDate}至${m.endDate}，${MONITOR_GROUND_LABELS[m.ground]}${m.removalDate ? `，${m.removalDate}解除` : ''}`;

/** 电子定位 (new when `id` is null): on one of the five grounds, at most 3 months (社区矫正法 art. 29). */
export function saveMonitor(ctx: ServiceContext, input: z.output<typeof MonitorInput>): SupervisionView {
  return change(ctx, input.fileId, (f) => {
    if (input.startDate < f.termStart) fieldErrors({ startDate: '起始日期不能早于矫正期限起日' });
    if (input.endDate > latestMonitorEnd(input.startDate))
      fieldErrors({ endDate: `电子定位使用期限不得超过三个月（最迟${latestMonitorEnd(input.startDate)}），期满仍需使用的，评估后延长` });
    const monitors = loadMonitors(ctx, f.id);
    const old = input.id ? monitors.find((m) => m.id === input.id) : undefined;
    if (input.id && !old) throw new LedgerError('NOT_FOUND', '该电子定位记录不存在。');
    // One device at a time: a further period is an extension of the one in use (art. 29), not a second record.
    const until = input.removalDate ?? input.endDate;
    const overlap = monitors.find((m) => m.id !== input.id && m.startDate <= until && (m.removalDate ?? m.currentEnd) >= input.startDate);
    if (overlap)
      fieldErrors({
        startDate: `与${overlap.startDate}至${overlap.removalDate ?? overlap.currentEnd}的电子定位重叠；期满仍需使用的，在原记录上评估延长`,
      });
    if (old && input.removalDate && old.assessments.some((a) => a.date > input.removalDate!))
      fieldErrors({ removalDate: '解除日期不能早于已记录的延长评估' });
    const now = ctx.clock.now();
    const cols = {
      ground: input.ground,
      approver: input.approver,
      approval_date: input.approvalDate,
      document_number: input.documentNumber,
      start_date: input.startDate,
      end_date: input.endDate,
      removal_date: input.removalDate,
      updated_at: now,
    };
    if (old) updateRow(ctx, 'correction_monitor', old.id, cols);
    else insertRow(ctx, 'correction_monitor', { id: newId(), file_id: f.id, created_at: now, ...cols });
    return { before: { monitor: old ? monitorWords(old) : null }, after: { monitor: monitorWords(input) } };
  });
}

/** An extension assessment: extended by at most 3 months after the current end, or not extended. */
export function saveAssessment(ctx: ServiceContext, input: z.output<typeof AssessmentInput>): SupervisionView {
  return write(ctx, () => {
    const fileId = ownerOf(ctx, 'correction_monitor', input.monitorId, '电子定位记录');
    return change(ctx, fileId, () => {
      const m = loadMonitors(ctx, fileId).find((x) => x.id === input.monitorId)!;
      fieldErrors(extensionErrors(m, input));
      const now = ctx.clock.now();
      insertRow(ctx, 'correction_monitor_assessment', {
        id: newId(),
        monitor_id: m.id,
        date: input.date,
        result: input.result,
        new_end: input.result === 'extend' ? input.newEnd : null,
        approver: input.approver,
        document_number: input.documentNumber,
        created_at: now,
        updated_at: now,
      });
      return {
        before: { monitor: monitorWords({ ...m, endDate: m.currentEnd }) },
        after: {
          monitor: `${input.date}延长评估：${ASSESS_RESULT_LABELS[input.result]}${input.newEnd ? `，延长至${input.newEnd}` : ''}`,
        },
      };
    });
  });
}

export function deleteMonitor(ctx: ServiceContext, id: string): SupervisionView {
  return write(ctx, () => {
    const fileId = ownerOf(ctx, 'correction_monitor', id, '电子定位记录');
    return change(ctx, fileId, () => {
      const m = loadMonitors(ctx, fileId).find((x) => x.id === id)!;
      softDelete(ctx, 'correction_monitor', id);
      return { before: { monitor: monitorWords(m) }, after: { monitor: null } };
    });
  });
}

const incidentWords = (i: Pick<CorrectionIncident, 'kind' | 'at' | 'content' | 'resolvedAt'>) =>
  `${i.at} ${INCIDENT_KIND_LABELS[i.kind]}：${i.content}${i.resolvedAt ? `（${i.resolvedAt}找到/恢复联系）` : ''}`;

/** An incident (arts. 30–32), new when `id` is null. */
export function saveIncident(ctx: ServiceContext, input: z.output<typeof IncidentInput>): SupervisionView {
  return change(ctx, input.fileId, (f) => {
    if (input.at.slice(0, 10) > ctx.clock.today()) fieldErrors({ at: '时间不能晚于今天' });
    if (input.resolvedAt && input.resolvedAt.slice(0, 10) > ctx.clock.today()) fieldErrors({ resolvedAt: '时间不能晚于今天' });
    const old = input.id
      ? one<CorrectionIncident>(
          ctx,
          'SELECT id, kind, at, content, resolved_at AS resolvedAt FROM correction_incident WHERE id = ? AND file_id = ? AND deleted_at IS NULL',
          input.id,
          f.id,
        )
      : undefined;
    if (input.id && !old) throw new LedgerError('NOT_FOUND', '该记录不存在。');
    const now = ctx.clock.now();
    const cols = {
      kind: input.kind,
      at: input.at,
      content: input.content,
      actions: input.kind === 'missing' ? input.actions : null,
      resolved_at: input.kind === 'missing' ? input.resolvedAt : null,
      updated_at: now,
    };
    if (old) updateRow(ctx, 'correction_incident', old.id, cols);
    else insertRow(ctx, 'correction_incident', { id: newId(), file_id: f.id, created_at: now, ...cols });
    return { before: { incident: old ? incidentWords(old) : null }, after: { incident: incidentWords(input) } };
  });
}

export function deleteIncident(ctx: ServiceContext, id: string): SupervisionView {
  return write(ctx, () => {
    const fileId = ownerOf(ctx, 'correction_incident', id, '记录');
    return change(ctx, fileId, () => {
      const i = one<CorrectionIncident>(
        ctx,
        'SELECT id, kind, at, content, resolved_at AS resolvedAt FROM correction_incident WHERE id = ?',
        id,
      )!;
      softDelete(ctx, 'correction_incident', id);
      return { before: { incident: incidentWords(i) }, after: { incident: null } };
    });
  });
}

/** 出境报备 and its 撤销. */
export function saveExitReport(ctx: ServiceContext, input: z.output<typeof ExitReportInput>): SupervisionView {
  return change(ctx, input.fileId, (f) => {
    if (input.exitReportDate && input.exitReportDate < f.effectiveDate)
      fieldErrors({ exitReportDate: '报备日期不能早于判决、裁定生效日期' });
    const before = getSupervision(ctx, f.id);
    upsertSupervision(ctx, f.id, { exit_report_date: input.exitReportDate, exit_revoke_date: input.exitRevokeDate });
    const words = (a: string | null, b: string | null) => (a ? `${a}报备${b ? `，${b}撤销` : ''}` : '未报备');
    return {
      before: { exitReport: words(before.exitReportDate, before.exitRevokeDate) },
      after: { exitReport: words(input.exitReportDate, input.exitRevokeDate) },
    };
  });
}

// ── the office's limits ──────────────────────────────────────────────────────────────────────

export function getSupervisionSettings(ctx: ServiceContext): SupervisionSettingView[] {
  return settingViews(supervisionSettings(ctx));
}

/** The office's limits: a value equal to the default is stored as none. Files are recomputed at the next dashboard visit. */
export function saveSupervisionSettings(ctx: ServiceContext, input: z.output<typeof SupervisionSettingsInput>): SupervisionSettingView[] {
  return write(ctx, () => {
    const before = getSupervisionSettings(ctx);
    const stored: SupervisionSettings = Object.fromEntries(
      (Object.keys(SUPERVISION_DEFAULTS) as (keyof SupervisionLimits)[])
        .filter((k) => input[k] !== SUPERVISION_DEFAULTS[k])
        .map((k) => [k, input[k]]),
    );
    putSetting(ctx, SUPERVISION_SETTINGS_KEY, stored);
    markObligationsStale(ctx);
    const after = getSupervisionSettings(ctx);
    const words = (v: SupervisionSettingView[]) => v.map((s) => `${s.label}：${s.value}`).join('；');
    audit(ctx, {
      action: 'update',
      entity: 'settings',
      entityId: SUPERVISION_SETTINGS_KEY,
      before: { correction: words(before) },
      after: { correction: words(after) },
    });
    return after;
  });
}
