/**
 * One error type for the whole product. Services throw LedgerError; the dispatcher turns it into
 * the wire shape { code, message, fields? }; the renderer shows `message` (always Chinese) and,
 * when present, each field message next to its field.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ID_NUMBER_TAKEN'
  | 'INVALID_TRANSITION'
  | 'NOT_SETUP'
  | 'UNKNOWN_METHOD'
  | 'UNAUTHORIZED'
  | 'LOGIN_REQUIRED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'DB_NEWER_THAN_APP'
  | 'DB_LOCKED'
  | 'DB_CORRUPT'
  | 'DB_MIGRATION_FAILED'
  | 'WRITE_FAILED'
  | 'CANCELLED'
  | 'INTERNAL';

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '填写的内容有误，请按提示修改。',
  NOT_FOUND: '要找的记录不存在或已被删除。',
  CONFLICT: '记录已被修改，请刷新后再试。',
  ID_NUMBER_TAKEN: '该公民身份号码已登记。',
  INVALID_TRANSITION: '当前状态下不能进行此操作。',
  NOT_SETUP: '请先完成首次设置。',
  UNKNOWN_METHOD: '未知的操作。',
  UNAUTHORIZED: '访问被拒绝。',
  LOGIN_REQUIRED: '请先登录。',
  PASSWORD_CHANGE_REQUIRED: '请先修改密码，再继续使用。',
  DB_NEWER_THAN_APP: '该账本文件由更高版本的程序写入，本程序无法打开。请升级程序后再试，文件未作任何改动。',
  DB_LOCKED: '该账本文件正被另一个程序使用。',
  DB_CORRUPT: '账本文件已损坏，未作任何改动。请从最近的备份恢复。',
  DB_MIGRATION_FAILED: '账本文件升级失败，已恢复到升级前的状态。',
  WRITE_FAILED: '未能写入文件，账本未作任何改动。',
  CANCELLED: '已取消，账本未作任何改动。',
  INTERNAL: '程序内部错误。',
};

export type FieldErrors = Record<string, string>;

export interface WireError {
  code: ErrorCode;
  message: string;
  fields?: FieldErrors;
  /** Extra structured data, e.g. the id of the person who already holds an ID number. */
  details?: Record<string, string>;
  /** Reference id of an unexpected error, as logged on the host. */
  ref?: string;
}

export class LedgerError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly details?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, extra?: { fields?: FieldErrors; details?: Record<string, string> }) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'LedgerError';
    this.code = code;
    this.fields = extra?.fields;
    this.details = extra?.details;
  }

  toWire(): WireError {
    const wire: WireError = { code: this.code, message: this.message };
    if (this.fields) wire.fields = this.fields;
    if (this.details) wire.details = this.details;
    return wire;
  }
}

/** The envelope both transports carry. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: WireError };
