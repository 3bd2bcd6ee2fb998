import { z } from 'zod';
import { Id, PeriodInput, type FileResult, type Paged } from '../schemas/common';
import {
  CorrectionCreateInput,
  CorrectionCreateInputAsOf,
  CorrectionDocInput,
  CorrectionExportInput,
  CorrectionEventInput,
  CorrectionEventInputAsOf,
  CorrectionListInput,
  CorrectionSettingsInput,
  CorrectionUpdateInput,
  CorrectionUpdateInputAsOf,
  LevelInput,
  LevelInputAsOf,
  ReceptionInput,
  ReceptionInputAsOf,
  type CorrectionFileView,
  type CorrectionRow,
  type CorrectionSchedule,
  type CorrectionStats,
} from '../schemas/correction';
import {
  AppraisalInput,
  AppraisalInputAsOf,
  ReleaseInput,
  ReleaseInputAsOf,
  SanctionInput,
  SanctionInputAsOf,
  SanctionSettingsInput,
  TerminationInput,
  TerminationInputAsOf,
  UndoEndInput,
  type CorrectionEndView,
  type SanctionSchedule,
} from '../schemas/correction-end';
import { job, method } from './define';

export const correctionContract = {
  'correction.list': method<Paged<CorrectionRow>>()(CorrectionListInput),
  'correction.get': method<CorrectionFileView>()(z.strictObject({ id: Id })),
  'correction.create': method<CorrectionFileView>()(CorrectionCreateInput, CorrectionCreateInputAsOf),
  'correction.update': method<CorrectionFileView>()(CorrectionUpdateInput, CorrectionUpdateInputAsOf),
  /** 报到 and 入矫宣告 (REVIEW §5.1). */
  'correction.saveReception': method<CorrectionFileView>()(ReceptionInput, ReceptionInputAsOf),
  /** A change of the 管理等级 from a day on (the engine's level history). */
  'correction.setLevel': method<CorrectionFileView>()(LevelInput, LevelInputAsOf),
  /** 定期报告, 病情报告, 复查, 走访核查, 教育学习, 公益活动 (REVIEW §5.2). */
  'correction.saveEvent': method<CorrectionFileView>()(CorrectionEventInput, CorrectionEventInputAsOf),
  'correction.deleteEvent': method<CorrectionFileView>()(z.strictObject({ id: Id })),
  'correction.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  /** The level × duty table and the term-end reminder, defaults with their sources. */
  'correction.schedule': method<CorrectionSchedule>()(z.strictObject({}).optional()),
  'correction.saveSchedule': method<CorrectionSchedule>()(CorrectionSettingsInput),
  /** A form of the 工作档案 as Word (REVIEW §5.6). */
  'correction.document': method<FileResult>()(CorrectionDocInput),
  /** 社区矫正统计 for a period, with each definition (REVIEW §5.7). */
  'correction.stats': method<CorrectionStats>()(PeriodInput),
  /** The ledger as .xlsx with the filters, order and columns on screen (a minor's file only to its holder). */
  'correction.exportLedger': job<FileResult>()(CorrectionExportInput),
  /** 考核奖惩 with the suggested next step, 期满鉴定, and 解除/终止 (REVIEW §5.4, REVIEW §5.5). */
  'correction.endView': method<CorrectionEndView>()(z.strictObject({ id: Id })),
  'correction.saveSanction': method<CorrectionEndView>()(SanctionInput, SanctionInputAsOf),
  'correction.deleteSanction': method<CorrectionEndView>()(z.strictObject({ id: Id })),
  'correction.saveAppraisal': method<CorrectionEndView>()(AppraisalInput, AppraisalInputAsOf),
  'correction.release': method<CorrectionEndView>()(ReleaseInput, ReleaseInputAsOf),
  'correction.terminate': method<CorrectionEndView>()(TerminationInput, TerminationInputAsOf),
  'correction.undoEnd': method<CorrectionEndView>()(UndoEndInput),
  /** The 假释/暂予监外执行 thresholds the review leaves open, defaults with their source. */
  'correction.sanctionSchedule': method<SanctionSchedule>()(z.strictObject({}).optional()),
  'correction.saveSanctionSchedule': method<SanctionSchedule>()(SanctionSettingsInput),
};
