import { z } from 'zod';
import { Id } from '../schemas/common';
import {
  ApprovalInput,
  ApprovalInputAsOf,
  AssessmentInput,
  AssessmentInputAsOf,
  ExitReportInput,
  ExitReportInputAsOf,
  IncidentInput,
  MonitorInput,
  MonitorInputAsOf,
  PlanInput,
  PlanInputAsOf,
  SupervisionSettingsInput,
  TeamInput,
  TeamInputAsOf,
  type SupervisionSettingView,
  type SupervisionView,
} from '../schemas/correction-supervision';
import { method } from './define';

/** The 司法所's supervision records on a correction file (REVIEW §5.1, REVIEW §5.2); each write returns the records anew. */
export const correctionSupervisionContract = {
  'correction.supervision': method<SupervisionView>()(z.strictObject({ fileId: Id })),
  /** 矫正小组 (replaced as a whole) and the 矫正责任书. */
  'correction.saveTeam': method<SupervisionView>()(TeamInput, TeamInputAsOf),
  'correction.savePlan': method<SupervisionView>()(PlanInput, PlanInputAsOf),
  'correction.deletePlan': method<SupervisionView>()(z.strictObject({ id: Id })),
  /** 外出, 经常性跨市县活动, 会客, 进入特定区域/场所, 变更执行地. */
  'correction.saveApproval': method<SupervisionView>()(ApprovalInput, ApprovalInputAsOf),
  'correction.deleteApproval': method<SupervisionView>()(z.strictObject({ id: Id })),
  /** 电子定位 and its extension assessments. */
  'correction.saveMonitor': method<SupervisionView>()(MonitorInput, MonitorInputAsOf),
  'correction.deleteMonitor': method<SupervisionView>()(z.strictObject({ id: Id })),
  'correction.saveAssessment': method<SupervisionView>()(AssessmentInput, AssessmentInputAsOf),
  /** 失联, 正在违法, 被拘留/强制隔离戒毒/刑事强制措施. */
  'correction.saveIncident': method<SupervisionView>()(IncidentInput),
  'correction.deleteIncident': method<SupervisionView>()(z.strictObject({ id: Id })),
  'correction.saveExitReport': method<SupervisionView>()(ExitReportInput, ExitReportInputAsOf),
  /** The limits of the 审批, each with its default and source. */
  'correction.supervisionSettings': method<SupervisionSettingView[]>()(z.strictObject({}).optional()),
  'correction.saveSupervisionSettings': method<SupervisionSettingView[]>()(SupervisionSettingsInput),
};
