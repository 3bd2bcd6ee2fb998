import { z } from 'zod';
import { type AuditStatus, type ViewLogPage, ViewLogInput } from '../schemas/audit';
import { method } from './define';

const Empty = z.strictObject({}).optional();

/** The audit trail that proves itself (settings → 审计日志) and the view log. */
export const auditContract = {
  /** The chain's head, the last check's verdict and a running check's progress; the window reads it at start. */
  'audit.status': method<AuditStatus>()(Empty),
  /** 立即校验: starts a check of the whole chain (in the background where the app runs one). */
  'audit.verify': method<AuditStatus>()(Empty),
  /** Who opened whose file and who exported what, newest first, by staff member and/or person. */
  'audit.viewLog': method<ViewLogPage>()(ViewLogInput),
};
