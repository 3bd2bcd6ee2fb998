import { z } from 'zod';
import { Id, type FileResult, type Paged } from '../schemas/common';
import {
  AgentInput,
  AgreementInput,
  AgreementInputAsOf,
  AgreementPerformanceInput,
  AgreementPerformanceInputAsOf,
  ArbitrationNoticeInput,
  ArbitrationNoticeInputAsOf,
  CloseInput,
  CloseInputAsOf,
  ConfirmationInput,
  EscalationReportInput,
  ConfirmationInputAsOf,
  ExtensionInput,
  ExtensionInputAsOf,
  MediationCreateInput,
  MediationCreateInputAsOf,
  MediationDocInput,
  MediationExportInput,
  MediationFromDisputeInput,
  MediationFromDisputeInputAsOf,
  MediationListInput,
  MediationUpdateInput,
  MediationUpdateInputAsOf,
  PerformanceInput,
  PerformanceInputAsOf,
  RecordInput,
  RecordInputAsOf,
  StatsInput,
  VisitInput,
  VisitInputAsOf,
  type MediationCase,
  type MediationRow,
  type MediationStats,
} from '../schemas/mediation';
import { job, method } from './define';

export const mediationContract = {
  'mediation.list': method<Paged<MediationRow>>()(MediationListInput),
  'mediation.get': method<MediationCase>()(z.strictObject({ id: Id })),
  /** The live case a registered dispute was handed over to, if any (the dispute page links to it). */
  'mediation.ofDispute': method<{ id: string; caseNo: string } | null>()(z.strictObject({ disputeId: Id })),
  'mediation.openFromDispute': method<MediationCase>()(MediationFromDisputeInput, MediationFromDisputeInputAsOf),
  'mediation.create': method<MediationCase>()(MediationCreateInput, MediationCreateInputAsOf),
  'mediation.update': method<MediationCase>()(MediationUpdateInput, MediationUpdateInputAsOf),
  'mediation.saveRecord': method<MediationCase>()(RecordInput, RecordInputAsOf),
  'mediation.deleteRecord': method<MediationCase>()(z.strictObject({ id: Id })),
  'mediation.saveAgreement': method<MediationCase>()(AgreementInput, AgreementInputAsOf),
  'mediation.setPerformance': method<MediationCase>()(PerformanceInput, PerformanceInputAsOf),
  /** The 履行情况 of an agreement without performance items (当场履行, 已履行 on a date, 无给付内容 …). */
  'mediation.setAgreementPerformance': method<MediationCase>()(AgreementPerformanceInput, AgreementPerformanceInputAsOf),
  /** 委托代理人 of a party (at most two), and their removal. */
  'mediation.saveAgent': method<MediationCase>()(AgentInput),
  'mediation.deleteAgent': method<MediationCase>()(z.strictObject({ id: Id })),
  'mediation.saveConfirmation': method<MediationCase>()(ConfirmationInput, ConfirmationInputAsOf),
  'mediation.saveVisit': method<MediationCase>()(VisitInput, VisitInputAsOf),
  /** 纠纷激化报告 to the police or another department (人民调解法 art. 25), and its removal. */
  'mediation.saveReport': method<MediationCase>()(EscalationReportInput),
  'mediation.deleteReport': method<MediationCase>()(z.strictObject({ id: Id })),
  'mediation.close': method<MediationCase>()(CloseInput, CloseInputAsOf),
  /** 延长调解期限 with both parties' consent, the reason and the new date (REVIEW row 8). */
  'mediation.extendDeadline': method<MediationCase>()(ExtensionInput, ExtensionInputAsOf),
  /** A labour dispute's parties told they may apply for arbitration (REVIEW row 7). */
  'mediation.recordArbitrationNotice': method<MediationCase>()(ArbitrationNoticeInput, ArbitrationNoticeInputAsOf),
  'mediation.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  'mediation.stats': method<MediationStats>()(StatsInput),
  /** One form of the case file, or the whole file (卷宗), as .docx. */
  'mediation.document': method<FileResult>()(MediationDocInput),
  /** The people's-mediation ledger as .xlsx: the list's own filter and order, every matching case. */
  'mediation.exportLedger': job<FileResult>()(MediationExportInput),
};
