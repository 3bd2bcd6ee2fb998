/**
 * 考核奖惩 and the end of a correction file (CONTRIBUTING.md, REVIEW §5.4, REVIEW §5.5): the inputs with their
 * Chinese messages and what the window is sent back.
 */
import { z } from 'zod';
import type { CorrectionCategory, CorrectionStatus } from '../domain/correction-rules';
import { RELEASE_REASONS, TERMINATION_REASONS, type ReleaseReason, type TerminationReason } from '../domain/correction-end';
import { OTHER_REASON, SANCTION_KINDS, type SanctionKind, type Suggestion } from '../domain/correction-sanctions';
import { asOf, DateStr, Id, OptDate, OptId, optText, reqText } from './common';

export const SanctionInput = z
  .strictObject({
    id: OptId,
    fileId: Id,
    kind: z.enum(SANCTION_KINDS, { error: '请选择奖惩种类' }),
    reason: reqText('事由', 40),
    reasonOther: optText('其他事由', 300),
    checkDate: DateStr,
    checkFacts: reqText('调查核实的事实和材料', 2000),
    decisionDate: OptDate,
    decisionNumber: optText('决定文书号', 60),
    notes: optText('备注', 500),
  })
  .superRefine((v, ctx) => {
    if (v.reason === OTHER_REASON && !v.reasonOther)
      ctx.addIssue({ code: 'custom', path: ['reasonOther'], message: '选择“其他”时请写明事由' });
    if (v.decisionDate && typeof v.checkDate === 'string' && v.decisionDate < v.checkDate)
      ctx.addIssue({ code: 'custom', path: ['decisionDate'], message: '决定日期不能早于调查核实日期' });
    if (v.decisionDate && !v.decisionNumber) ctx.addIssue({ code: 'custom', path: ['decisionNumber'], message: '请填写决定文书号' });
  });
export type SanctionInput = z.input<typeof SanctionInput>;
export const SanctionInputAsOf = asOf(SanctionInput, [
  { path: 'checkDate', label: '调查核实日期' },
  { path: 'decisionDate', label: '决定日期' },
]);

/** 个人总结 and 期满鉴定. */
export const AppraisalInput = z.strictObject({
  fileId: Id,
  summaryDate: OptDate,
  appraisalDate: DateStr,
  opinion: reqText('鉴定意见', 2000),
});
export type AppraisalInput = z.input<typeof AppraisalInput>;
export const AppraisalInputAsOf = asOf(AppraisalInput, [
  { path: 'summaryDate', label: '个人总结日期' },
  { path: 'appraisalDate', label: '鉴定日期' },
]);

const ReleaseFields = {
  fileId: Id,
  reason: z.enum(RELEASE_REASONS, { error: '请选择解除原因' }),
  date: DateStr,
  certificateNumber: reqText('解除社区矫正证明书编号', 60),
  declarationDate: OptDate,
  declarationHost: optText('宣告主持人', 50),
  declarationAttendees: optText('参加人员', 300),
  noticeOrganDate: OptDate,
  noticeProcuratorateDate: OptDate,
  noticePoliceDate: OptDate,
  notes: optText('备注', 500),
};

function refineRelease(v: { declarationDate?: string | null; declarationHost?: string | null }, ctx: z.RefinementCtx) {
  if (v.declarationDate && !v.declarationHost) ctx.addIssue({ code: 'custom', path: ['declarationHost'], message: '请填写宣告主持人' });
}

/** 解除 (社区矫正法 art. 44). */
export const ReleaseInput = z.strictObject(ReleaseFields).superRefine(refineRelease);
export type ReleaseInput = z.input<typeof ReleaseInput>;
const RELEASE_DATES = [
  { path: 'date', label: '解除日期' },
  { path: 'declarationDate', label: '解矫宣告日期' },
  { path: 'noticeOrganDate', label: '通知决定机关日期' },
  { path: 'noticeProcuratorateDate', label: '通知检察院日期' },
  { path: 'noticePoliceDate', label: '通知公安机关日期' },
];
export const ReleaseInputAsOf = asOf(ReleaseInput, RELEASE_DATES);
/** The release's fields and their future-date checks, for a form that adds its own (the hand-over to 安置帮教). */
export { ReleaseFields, refineRelease, RELEASE_DATES };

/** 终止 (社区矫正法 art. 45). */
export const TerminationInput = z
  .strictObject({
    fileId: Id,
    reason: z.enum(TERMINATION_REASONS, { error: '请选择终止原因' }),
    date: DateStr,
    documentNumber: optText('裁定书、决定书文号或死亡证明', 60),
    notes: optText('备注', 500),
    /** Revoked or 收监 because of a new crime (or an undisclosed one found): 重新犯罪 in the statistics. */
    newCrime: z.boolean().default(false),
  })
  .refine((v) => !(v.newCrime && v.reason === 'death'), { path: ['newCrime'], message: '因死亡终止的，不能标记为犯新罪' });
export type TerminationInput = z.input<typeof TerminationInput>;
export const TerminationInputAsOf = asOf(TerminationInput, [{ path: 'date', label: '终止日期' }]);

/** 撤销解除 / 撤销终止 when it was recorded by mistake. */
export const UndoEndInput = z.strictObject({ fileId: Id, reason: reqText('撤销理由', 300) });
export type UndoEndInput = z.input<typeof UndoEndInput>;

export const SanctionSettingsInput = z.strictObject({
  otherWarnings: z.number({ error: '请填写次数' }).int('次数应为整数').min(1, '至少1次').max(5, '不超过5次'),
  otherAbsentMonths: z.number({ error: '请填写月数' }).int('月数应为整数').min(1, '至少1个月').max(6, '不超过6个月'),
});
export type SanctionSettingsInput = z.input<typeof SanctionSettingsInput>;

export interface SanctionSchedule {
  otherWarnings: number;
  otherAbsentMonths: number;
  defaults: { otherWarnings: number; otherAbsentMonths: number };
  source: string;
}

export interface SanctionView {
  id: string;
  kind: SanctionKind;
  reason: string;
  reasonOther: string | null;
  reasonText: string;
  checkDate: string;
  checkFacts: string;
  decisionDate: string | null;
  decisionNumber: string | null;
  notes: string | null;
}

export interface EndView {
  kind: 'release' | 'termination';
  reason: ReleaseReason | TerminationReason;
  reasonLabel: string;
  date: string;
  documentNumber: string | null;
  declarationDate: string | null;
  declarationHost: string | null;
  declarationAttendees: string | null;
  noticeOrganDate: string | null;
  noticeProcuratorateDate: string | null;
  noticePoliceDate: string | null;
  notes: string | null;
  /** What the 解矫宣告 announces for the category. */
  words: string | null;
}

/** What the 考核奖惩 and end cards of one file show. */
export interface CorrectionEndView {
  fileId: string;
  personId: string;
  category: CorrectionCategory;
  status: CorrectionStatus;
  termStart: string;
  termEnd: string;
  sanctions: SanctionView[];
  /** The steps this category may record. */
  kinds: SanctionKind[];
  suggestions: Suggestion[];
  sanctionSource: string;
  appraisal: { summaryDate: string | null; appraisalDate: string; opinion: string } | null;
  /** The day the 期满鉴定 is owed (the term end less the reminder days). */
  appraisalDue: string;
  end: EndView | null;
  terminationReasons: TerminationReason[];
  releaseSource: string;
  terminationSource: string;
}

export const CORRECTION_END_FIELD_LABELS = {
  sanction: '考核奖惩',
  appraisal: '期满鉴定',
  end: '解除/终止',
  undo: '撤销解除/终止',
} as const;
