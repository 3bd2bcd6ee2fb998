import { z } from 'zod';
import { Id, type FileResult, type Paged } from '../schemas/common';
import {
  DisputeExportInput,
  DisputeInput,
  DisputeInputAsOf,
  DisputeListInput,
  DisputeStatsInput,
  DisputeStatusInput,
  DisputeStatusInputAsOf,
  DisputeUpdateInput,
  DisputeUpdateInputAsOf,
  ScreeningInput,
  ScreeningInputAsOf,
  ScreeningMonthInput,
  type Dispute,
  type DisputeRow,
  type DisputeStats,
  type Screening,
  type ScreeningMonth,
} from '../schemas/disputes';
import { job, method } from './define';

export const disputesContract = {
  'disputes.list': method<Paged<DisputeRow>>()(DisputeListInput),
  'disputes.get': method<Dispute>()(z.strictObject({ id: Id })),
  'disputes.create': method<Dispute>()(DisputeInput, DisputeInputAsOf),
  'disputes.update': method<Dispute>()(DisputeUpdateInput, DisputeUpdateInputAsOf),
  'disputes.changeStatus': method<Dispute>()(DisputeStatusInput, DisputeStatusInputAsOf),
  'disputes.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  'disputes.nextCaseNumber': method<{ caseNo: string }>()(z.strictObject({ intakeDate: z.string().max(10) })),
  /** The register as .xlsx: the list's own filter and order, every matching row. */
  'disputes.exportLedger': job<FileResult>()(DisputeExportInput),
  /** 排查调处统计 for a period: counts, rates and amounts, in all and by category, source, village, person and month. */
  'disputes.stats': method<DisputeStats>()(DisputeStatsInput),
  /** 排查活动 of a month, and which villages have not reported in it. */
  'disputes.screenings': method<ScreeningMonth>()(ScreeningMonthInput),
  'disputes.saveScreening': method<Screening>()(ScreeningInput, ScreeningInputAsOf),
  'disputes.deleteScreening': method<{ ok: true }>()(z.strictObject({ id: Id })),
};
