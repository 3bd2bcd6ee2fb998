import { z } from 'zod';
import type { SecuritySettings } from '../domain/accounts';
import {
  AccountCreateInput,
  AccountDisableInput,
  AccountResetInput,
  AccountUpdateInput,
  ChangePasswordInput,
  LoginInput,
  SecurityInput,
  SetupAdminInput,
  type AccountEvent,
  type AccountRow,
  type SessionStatus,
} from '../schemas/accounts';
import { job, method } from './define';

const Empty = z.strictObject({}).optional();

/** Login, the session and the accounts (who may call each: shared/domain/permissions.ts). */
export const accountsContract = {
  'session.status': method<SessionStatus>()(Empty),
  'session.login': method<SessionStatus>()(LoginInput),
  'session.setupAdmin': method<SessionStatus>()(SetupAdminInput),
  'session.logout': method<SessionStatus>()(Empty),
  /** `idle`: the window locked itself after the idle minutes without input (said so in the audit). */
  'session.lock': method<SessionStatus>()(z.strictObject({ idle: z.boolean().optional() }).optional()),
  'session.changePassword': method<SessionStatus>()(ChangePasswordInput),
  'accounts.list': method<AccountRow[]>()(Empty),
  /** 登录与账户记录: the newest logins, failures, locks and account changes, from the audit. */
  'accounts.events': method<AccountEvent[]>()(Empty),
  'accounts.create': method<AccountRow>()(AccountCreateInput),
  'accounts.update': method<AccountRow>()(AccountUpdateInput),
  'accounts.resetPassword': method<AccountRow>()(AccountResetInput),
  'accounts.disable': method<AccountRow>()(AccountDisableInput),
  'security.get': method<SecuritySettings>()(Empty),
  'security.update': method<SecuritySettings>()(SecurityInput),
  /** Whether the ledger file is encrypted at rest (db/crypto). */
  'security.encryption': method<{ encrypted: boolean }>()(Empty),
  /**
   * 加密账本: the open plain ledger encrypted (a verified plain backup first), unlocked from then on by the
   * administrator's password, which is checked first, or the recovery code returned here once.
   */
  'security.encrypt': job<{ recoveryCode: string; backupPath: string }>()(
    z.strictObject({ password: z.string().min(1, '请输入密码').max(200) }),
  ),
};
