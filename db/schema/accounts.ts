import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { idCol } from './common';
import { staff } from './reference';

/**
 * A login of one staff member (db/services/accounts.ts). The password is kept as its scrypt hash with
 * the salt and the cost it was made with, so that the cost can be raised for new passwords without
 * locking out the old ones. A ledger upgraded from before accounts gets one row per active staff
 * member, with no password (`password_hash` NULL) and `must_change`: the first screen asks the
 * administrator to set theirs, and the administrator then gives everyone else a first password.
 * The failures and the lock are stored here, so a lock outlives a restart.
 */
export const account = sqliteTable(
  'account',
  {
    id: idCol(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.id, { onDelete: 'restrict' }),
    username: text('username').notNull(),
    /** 'admin' (管理员), 'staff' (工作人员) or 'viewer' (查阅): shared/domain/accounts.ts, ROLES. */
    role: text('role').notNull(),
    /** Hex scrypt hash, its hex salt and its parameters as JSON ({ N, r, p, keylen }); all NULL until a password is set. */
    passwordHash: text('password_hash'),
    passwordSalt: text('password_salt'),
    passwordParams: text('password_params'),
    mustChange: integer('must_change', { mode: 'boolean' }).notNull().default(true),
    passwordChangedAt: text('password_changed_at'),
    failedCount: integer('failed_count').notNull().default(0),
    lockedUntil: text('locked_until'),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    lastLoginAt: text('last_login_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    // Usernames compare without case: 'Admin' and 'admin' are one account.
    uniqueIndex('account_username').on(sql`lower(${t.username})`),
    index('account_staff').on(t.staffId),
  ],
);
