/**
 * What the supervision records of a correction file owe by date (外出销假, 电子定位 expiry and extension
 * assessment), read for the file's due items (db/services/correction.ts) and the office's limits
 * (CONTRIBUTING.md, REVIEW §5.2). Reads only; the writes are in correction-supervision.ts.
 */
import {
  supervisionDue,
  supervisionLimits,
  type AssessResult,
  type LeaveFacts,
  type MonitorFacts,
  type RelocationFacts,
  type SupervisionLimits,
  type SupervisionSettings,
} from '../../shared/domain/correction-supervision';
import type { ObligationEvent, Rule } from '../../shared/domain/obligations';
import type { ServiceContext } from '../context';
import { getSetting } from './reference';
import { all } from './sql';

export const SUPERVISION_SETTINGS_KEY = 'correction_supervision_settings';

export function supervisionSettings(ctx: ServiceContext): SupervisionSettings {
  return getSetting<SupervisionSettings>(ctx, SUPERVISION_SETTINGS_KEY) ?? {};
}

export function officeLimits(ctx: ServiceContext): SupervisionLimits {
  return supervisionLimits(supervisionSettings(ctx));
}

/** Read on every write to a file and in the daily rebuild: by the file's index (tests/unit/db/correction-supervision-plans.test.ts). */
export const LEAVES_SQL = `SELECT id, destination, start_date AS startDate, end_date AS endDate, return_date AS returnDate FROM correction_approval
  WHERE file_id = ? AND kind = 'leave' AND deleted_at IS NULL AND start_date IS NOT NULL AND end_date IS NOT NULL ORDER BY start_date, id`;
export const MONITORS_SQL = `SELECT id, start_date AS startDate, end_date AS endDate, removal_date AS removalDate FROM correction_monitor
  WHERE file_id = ? AND deleted_at IS NULL ORDER BY start_date, id`;
export const RELOCATIONS_SQL = `SELECT id, destination, apply_date AS applyDate, result, approval_date AS approvalDate, reported_date AS reportedDate
  FROM correction_approval WHERE file_id = ? AND kind = 'relocate' AND deleted_at IS NULL AND apply_date IS NOT NULL ORDER BY apply_date, id`;
export const ASSESSMENTS_SQL = `SELECT id, date, result, new_end AS newEnd FROM correction_monitor_assessment
  WHERE monitor_id = ? AND deleted_at IS NULL ORDER BY date, id`;

export function loadLeaves(ctx: ServiceContext, fileId: string): LeaveFacts[] {
  return all<LeaveFacts>(ctx, LEAVES_SQL, fileId);
}

export function loadMonitorFacts(ctx: ServiceContext, fileId: string): MonitorFacts[] {
  const monitors = all<Omit<MonitorFacts, 'assessments'>>(ctx, MONITORS_SQL, fileId);
  return monitors.map((m) => ({
    ...m,
    assessments: all<{ id: string; date: string; result: AssessResult; newEnd: string | null }>(ctx, ASSESSMENTS_SQL, m.id),
  }));
}

/** The rules and done events the engine adds to a file's own (shared/domain/correction-supervision.ts). */
export function supervisionDueParts(ctx: ServiceContext, fileId: string): { rules: Rule[]; events: ObligationEvent[] } {
  return supervisionDue(
    {
      leaves: loadLeaves(ctx, fileId),
      monitors: loadMonitorFacts(ctx, fileId),
      relocations: all<RelocationFacts>(ctx, RELOCATIONS_SQL, fileId),
    },
    officeLimits(ctx),
  );
}
