import { z } from 'zod';
import { Id, type FileResult, type Paged } from '../schemas/common';
import {
  AgentInput,
  AgreementInput,
  AgreementPerformanceInput,
  ArbitrationNoticeInput,
  CloseInput,
  ConfirmationInput,
  EscalationReportInput,
  ExtensionInput,
  MediationCreateInput,
  MediationDocInput,
  MediationExportInput,
  MediationFromDisputeInput,
  MediationListInput,
  MediationUpdateInput,
  PerformanceInput,
  RecordInput,
  StatsInput,
  VisitInput,
  type MediationCase,
  type MediationRow,
  type MediationStats,
} from '../schemas/mediation';
import { method } from './define';

export const mediationContract = {
  'mediation.list': method<Paged<MediationRow>>()(MediationListInput),
  'mediation.get': method<MediationCase>()(z.strictObject({ id: Id })),
  /** The live case a registered dispute was handed over to, if any (the dispute page links to it). */
  'mediation.ofDispute': method<{ id: string; caseNo: string } | null>()(z.strictObject({ disputeId: Id })),
  'mediation.openFromDispute': method<MediationCase>()(MediationFromDisputeInput),
  'mediation.create': method<MediationCase>()(MediationCreateInput),
  'mediation.update': method<MediationCase>()(MediationUpdateInput),
  'mediation.saveRecord': method<MediationCase>()(RecordInput),
  'mediation.deleteRecord': method<MediationCase>()(z.strictObject({ id: Id })),
  'mediation.saveAgreement': method<MediationCase>()(AgreementInput),
  'mediation.setPerformance': method<MediationCase>()(PerformanceInput),
  /** The 履行情况 of an agreement without performance items (当场履行, 已履行 on a date, 无给付内容 …). */
  'mediation.setAgreementPerformance': method<MediationCase>()(AgreementPerformanceInput),
  /** 委托代理人 of a party (at most two), and their removal. */
  'mediation.saveAgent': method<MediationCase>()(AgentInput),
  'mediation.deleteAgent': method<MediationCase>()(z.strictObject({ id: Id })),
  'mediation.saveConfirmation': method<MediationCase>()(ConfirmationInput),
  'mediation.saveVisit': method<MediationCase>()(VisitInput),
  /** 纠纷激化报告 to the police or another department (人民调解法 art. 25), and its removal. */
  'mediation.saveReport': method<MediationCase>()(EscalationReportInput),
  'mediation.deleteReport': method<MediationCase>()(z.strictObject({ id: Id })),
  'mediation.close': method<MediationCase>()(CloseInput),
  /** 延长调解期限 with both parties' consent, the reason and the new date (REVIEW row 8). */
  'mediation.extendDeadline': method<MediationCase>()(ExtensionInput),
  /** A labour dispute's parties told they may apply for arbitration (REVIEW row 7). */
  'mediation.recordArbitrationNotice': method<MediationCase>()(ArbitrationNoticeInput),
  'mediation.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
  'mediation.stats': method<MediationStats>()(StatsInput),
  /** One form of the case file, or the whole file (卷宗), as .docx. */
  'mediation.document': method<FileResult>()(MediationDocInput),
  /** The people's-mediation ledger as .xlsx: the list's own filter and order, every matching case. */
  'mediation.exportLedger': method<FileResult>()(MediationExportInput),
};
