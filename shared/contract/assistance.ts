import { z } from 'zod';
import { Id, type FileResult, type Paged } from '../schemas/common';
import {
  AssistanceCreateInput,
  AssistanceCreateInputAsOf,
  AssistanceDocInput,
  AssistanceStatsInput,
  AssistanceExportInput,
  AssistanceLevelInput,
  AssistanceLevelInputAsOf,
  AssistanceListInput,
  AssistanceRecordInput,
  AssistanceRecordInputAsOf,
  AssistanceSettingsInput,
  AssistanceUpdateInput,
  AssistanceUpdateInputAsOf,
  EndInput,
  EndInputAsOf,
  HandoverInput,
  HandoverInputAsOf,
  PlacementInput,
  PlacementInputAsOf,
  TeamInput,
  TeamInputAsOf,
  UnlinkedListInput,
  type AssistanceFileView,
  type AssistanceRow,
  type AssistanceSchedule,
  type AssistanceStats,
  type CorrectionHandOver,
  FromCorrectionInput,
  FromCorrectionInputAsOf,
} from '../schemas/assistance';
import type { CorrectionEndView } from '../schemas/correction-end';
import { job, method } from './define';

export const assistanceContract = {
  'assistance.list': method<Paged<AssistanceRow>>()(AssistanceListInput),
  /** The ledger as .xlsx with the filters, order and columns on screen. */
  'assistance.exportLedger': job<FileResult>()(AssistanceExportInput),
  /** 未衔接人员月报 (REVIEW §6.3) as .xlsx. */
  'assistance.exportUnlinked': method<FileResult>()(UnlinkedListInput),
  /** 安置帮教统计 for a period, with each definition (REVIEW §6.4). */
  'assistance.stats': method<AssistanceStats>()(AssistanceStatsInput),
  /** A form of the file as Word (REVIEW §6.5). */
  'assistance.document': method<FileResult>()(AssistanceDocInput),
  'assistance.get': method<AssistanceFileView>()(z.strictObject({ id: Id })),
  'assistance.create': method<AssistanceFileView>()(AssistanceCreateInput, AssistanceCreateInputAsOf),
  'assistance.update': method<AssistanceFileView>()(AssistanceUpdateInput, AssistanceUpdateInputAsOf),
  /** 衔接 (REVIEW §6.2): 必接必送 for a 重点帮教对象. */
  'assistance.saveHandover': method<AssistanceFileView>()(HandoverInput, HandoverInputAsOf),
  /** The 1+n 帮教小组 and its 帮教协议. */
  'assistance.saveTeam': method<AssistanceFileView>()(TeamInput, TeamInputAsOf),
  'assistance.savePlacement': method<AssistanceFileView>()(PlacementInput, PlacementInputAsOf),
  /** A change of the 重点/risk level from a day on (the engine's level history). */
  'assistance.setLevel': method<AssistanceFileView>()(AssistanceLevelInput, AssistanceLevelInputAsOf),
  /** 走访/谈话, 帮扶, 重新违法犯罪. */
  'assistance.saveRecord': method<AssistanceFileView>()(AssistanceRecordInput, AssistanceRecordInputAsOf),
  'assistance.deleteRecord': method<AssistanceFileView>()(z.strictObject({ id: Id })),
  /** 帮教期满 / 死亡 / 迁出 / 再次收监. */
  'assistance.end': method<AssistanceFileView>()(EndInput, EndInputAsOf),
  'assistance.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  'assistance.schedule': method<AssistanceSchedule>()(z.strictObject({}).optional()),
  'assistance.saveSchedule': method<AssistanceSchedule>()(AssistanceSettingsInput),
  /** 解除 of a correction file with its hand-over to 安置帮教 in one step (REVIEW §5.5). */
  'assistance.fromCorrection': method<{ correction: CorrectionEndView; assistanceId: string | null }>()(
    FromCorrectionInput,
    FromCorrectionInputAsOf,
  ),
  /** The file a correction file was handed over to, and the person's live one. */
  'assistance.correctionHandOver': method<CorrectionHandOver>()(z.strictObject({ id: Id })),
};
