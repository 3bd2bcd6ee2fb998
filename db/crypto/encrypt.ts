/**
 * Encryption at rest, the ledger's side (RELIABILITY G8): turning a plain ledger into an encrypted
 * one, creating a new encrypted ledger, unlocking one (a secret → the data key), and rewrapping a slot.
 * The login screen and the accounts call these; they never see a page of the file.
 *
 * The conversion writes all or nothing, as a restore does (db/backup/restore.ts): a verified backup of the
 * plain ledger first ('before-encrypt', kept by the backup rules like any other); that copy encrypted
 * under a temporary name beside the ledger (`PRAGMA rekey` in rollback-journal mode), checked with the key
 * (integrity_check, application id, the same counts and audit head as the backup), the keyring written,
 * and only then renamed over the ledger, whose lock is held throughout. Any failure before the rename
 * leaves the plain ledger as it was and removes the temporary file; a reopen that fails after it puts the
 * plain backup back.
 */
import type Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, unlinkSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { Clock } from '../../shared/dates';
import { LedgerError } from '../../shared/errors';
import type { BackupContents, BackupEntry } from '../../shared/schemas/backups';
import { readContents, removeStaleTemps, sha256File, writeBackup } from '../backup/backup';
import { openLedger, type Ledger, type OpenOptions } from '../open';
import { fileErrorMessage, fsyncPath } from '../safe-file';
import { connect, isEncryptedFile, LEDGER_CIPHER } from './cipher';
import {
  accountSlot,
  createKeyring,
  type KdfParams,
  keysPath,
  newDataKey,
  newRecoveryCode,
  readKeyring,
  RECOVERY_SLOT,
  setSlot,
  unwrapKey,
  writeKeyring,
} from './keyring';

/** Whom the new keyring lets in: the administrator's account (more are added by the accounts as they are made). */
export interface FirstSlot {
  /** The account's stable id (or username) as the accounts know it. */
  account: string;
  label?: string;
  password: string;
}

export interface KeyOptions {
  /** scrypt's parameters for the slots (tests lower them; the default is KDF_DEFAULT). */
  kdf?: KdfParams;
}

/** A fresh data key and a keyring for it: the account's slot and the recovery code's. The code is returned once. */
async function newKeys(admin: FirstSlot, options: KeyOptions, now: string) {
  const key = newDataKey();
  const recoveryCode = newRecoveryCode();
  const keyring = await createKeyring(
    key,
    LEDGER_CIPHER,
    [
      { id: accountSlot(admin.account), kind: 'account', label: admin.label ?? admin.account, secret: admin.password },
      { id: RECOVERY_SLOT, kind: 'recovery', label: '恢复码', secret: recoveryCode },
    ],
    { kdf: options.kdf, now },
  );
  return { key, recoveryCode, keyring };
}

/**
 * A plain SQLite file (the caller's temporary copy, closed) encrypted in place with the key. Rekeying is
 * refused in WAL mode, so the copy is switched to a rollback journal first; the ledger's open switches it back.
 */
export function encryptFileInPlace(path: string, key: Buffer): void {
  const db = connect(path, { fileMustExist: true });
  try {
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new LedgerError('WRITE_FAILED', `加密前未能切换日志方式（${String(mode)}），账本未作任何改动。`);
    db.pragma(`cipher = '${LEDGER_CIPHER}'`);
    db.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    db.close();
  }
}

/** The encrypted copy read back with its key, as a backup is checked; it must hold what the plain backup held. */
function checkEncryptedCopy(path: string, key: Buffer, expected: BackupContents): void {
  if (!isEncryptedFile(path)) throw new LedgerError('WRITE_FAILED', '加密后的文件仍可直接读取（未加密），账本未作任何改动。');
  let db: Database.Database | null = null;
  try {
    db = connect(path, { readonly: true, fileMustExist: true, key });
    const rows = db.pragma('integrity_check(5)') as { integrity_check: string }[];
    if (rows.some((r) => r.integrity_check !== 'ok')) throw new Error(rows[0]?.integrity_check);
    const contents = readContents(db);
    if (JSON.stringify(contents) !== JSON.stringify(expected)) throw new Error('记录数或审计记录链头与备份不一致');
  } catch (e) {
    if (e instanceof LedgerError) throw e;
    throw new LedgerError('WRITE_FAILED', `加密后的副本校验未通过（${(e as Error).message}），账本未作任何改动。`);
  } finally {
    db?.close();
  }
}

function removeQuietly(...paths: string[]): void {
  for (const p of paths)
    try {
      if (existsSync(p)) unlinkSync(p);
    } catch {
      /* the original error matters more */
    }
}

export interface EncryptOptions extends KeyOptions {
  clock: Clock;
  admin: FirstSlot;
  /** How the ledger is reopened (as restore takes it). */
  open?: Omit<OpenOptions, 'lock' | 'clock' | 'key'>;
  /** Receives the ledger open after the call, whether it succeeded or not (the one given is closed). */
  adopt: (ledger: Ledger) => void;
  /** Told each step as it starts (a progress line; the tests fail a step here). */
  onStep?: (step: string) => void;
}

export interface Encrypted {
  /** Shown and printed once: it is not stored anywhere. */
  recoveryCode: string;
  /** The verified plain backup taken first. */
  backup: BackupEntry;
}

/**
 * Encrypts an open plain ledger (see the file's comment). The caller has stopped its background jobs
 * (as for a restore). Returns the recovery code; throws with the ledger as it was, reopened and adopted.
 */
export async function encryptLedger(ledger: Ledger, options: EncryptOptions): Promise<Encrypted> {
  const path = ledger.path;
  if (ledger.encrypted) throw new LedgerError('CONFLICT', '账本已经加密，未作任何改动。');
  const step = (s: string) => options.onStep?.(s);
  const { key, recoveryCode, keyring } = await newKeys(options.admin, options, options.clock.now());
  step('正在备份（加密前的明文备份）');
  const backup = writeBackup(ledger.db, { dbPath: path, reason: 'before-encrypt', clock: options.clock });
  const tmp = `${path}.encrypt.tmp-${process.pid}`;
  const reopen = { ...options.open, clock: options.clock };
  try {
    removeStaleTemps(dirname(path), `${basename(path)}.`);
    step('正在写出加密的副本');
    copyFileSync(backup.path, tmp);
    if (sha256File(tmp) !== backup.manifest!.sha256)
      throw new LedgerError('WRITE_FAILED', '复制出的文件与备份不一致（磁盘可能有问题），账本未作任何改动。');
    encryptFileInPlace(tmp, key);
    fsyncPath(tmp);
    step('正在校验加密的副本');
    checkEncryptedCopy(tmp, key, pickContents(backup.manifest!));
  } catch (e) {
    removeQuietly(tmp, `${tmp}-journal`);
    throw asWriteFailure(e, path);
  }
  const lock = ledger.detach();
  try {
    step('正在替换账本文件');
    // A write after the backup (a background job the caller did not stop) would be lost: refused instead.
    const now = connect(path, { readonly: true, fileMustExist: true });
    const same = JSON.stringify(readContents(now)) === JSON.stringify(pickContents(backup.manifest!));
    now.close();
    if (!same) throw new LedgerError('CONFLICT', '加密期间账本有了新的修改，未作任何改动，请再试一次。');
    writeKeyring(keysPath(path), keyring);
    for (const extra of [`${path}-wal`, `${path}-shm`]) if (existsSync(extra)) unlinkSync(extra);
    renameSync(tmp, path);
    fsyncPath(dirname(path), 'r');
  } catch (e) {
    removeQuietly(tmp, `${tmp}-journal`);
    if (!isEncryptedFile(path)) removeQuietly(keysPath(path));
    options.adopt(openLedger(path, { ...reopen, lock }));
    throw asWriteFailure(e, path);
  }
  try {
    options.adopt(openLedger(path, { ...reopen, lock, key }));
  } catch (e) {
    // The encrypted file would not open: the plain backup goes back in its place, the keyring is removed.
    const back = `${path}.decrypt.tmp-${process.pid}`;
    copyFileSync(backup.path, back);
    fsyncPath(back);
    for (const extra of [`${path}-wal`, `${path}-shm`]) if (existsSync(extra)) unlinkSync(extra);
    renameSync(back, path);
    removeQuietly(keysPath(path));
    options.adopt(openLedger(path, reopen));
    throw new LedgerError('WRITE_FAILED', `加密未完成：加密后的账本打开失败（${(e as Error).message}），已回到加密前的账本。`);
  } finally {
    key.fill(0);
  }
  return { recoveryCode, backup };
}

function pickContents(m: BackupContents): BackupContents {
  const { counts, townshipName, schemaVersion, auditHead } = m;
  return { counts, townshipName, schemaVersion, ...(auditHead ? { auditHead } : {}) };
}

function asWriteFailure(e: unknown, path: string): unknown {
  if (e instanceof LedgerError) return e;
  return new LedgerError('WRITE_FAILED', `加密未完成：${fileErrorMessage(e, path)}账本未作任何改动。`);
}

/**
 * A new ledger created encrypted (first-run setup that chose encryption): the keyring first, then the
 * file, so that an encrypted file never exists without the keys that open it.
 */
export async function createEncryptedLedger(
  path: string,
  options: KeyOptions & { admin: FirstSlot; open?: Omit<OpenOptions, 'key'> },
): Promise<{ ledger: Ledger; recoveryCode: string }> {
  if (existsSync(path)) throw new LedgerError('CONFLICT', `${path} 已存在，未作任何改动。`);
  const { key, recoveryCode, keyring } = await newKeys(options.admin, options, new Date().toISOString());
  writeKeyring(keysPath(path), keyring);
  try {
    return { ledger: openLedger(path, { ...options.open, key }), recoveryCode };
  } catch (e) {
    if (!existsSync(path)) removeQuietly(keysPath(path));
    throw e;
  } finally {
    key.fill(0);
  }
}

/** Whose secret unlocks: an account (its id as the accounts give it) or the printed recovery code. */
export type UnlockSlot = { account: string } | 'recovery';

const slotId = (slot: UnlockSlot) => (slot === 'recovery' ? RECOVERY_SLOT : accountSlot(slot.account));

/**
 * The slot a user name typed at unlock stands for: the account slot labelled with that user name (ignoring
 * case; the accounts keep their slot under the account's id and label it with the user name), else the
 * name itself as the slot's account (a slot made by \`ledger encrypt --user\` before accounts existed).
 */
export function accountSlotFor(path: string, typed: string): UnlockSlot {
  const name = typed.trim().toLowerCase();
  const slot = readKeyring(keysPath(path)).slots.find((s) => s.kind === 'account' && s.label.toLowerCase() === name);
  return { account: slot ? slot.id.slice(accountSlot('').length) : typed.trim() };
}

/**
 * The data key of an encrypted ledger from a password or the recovery code, proved on the file (a
 * read-only connection; nothing is written). Throws a Chinese message for a wrong secret, a damaged or
 * changed keyring, or a keyring that is not this ledger's. Give the key to `openLedger(path, { key })`.
 */
export async function unlockLedger(path: string, slot: UnlockSlot, secret: string): Promise<Buffer> {
  const keyring = readKeyring(keysPath(path));
  const key = await unwrapKey(keyring, slotId(slot), secret);
  connect(path, { readonly: true, fileMustExist: true, key }).close();
  return key;
}

/**
 * A slot set to a new secret (a password change, a new account, a new recovery code), the rest of the
 * keyring as it was; the ledger file is not touched. `key` is the unlocked data key.
 */
export async function setUnlockSecret(
  path: string,
  key: Buffer,
  slot: UnlockSlot,
  secret: string,
  options: KeyOptions & { label?: string } = {},
): Promise<void> {
  const keyring = readKeyring(keysPath(path));
  const kind = slot === 'recovery' ? 'recovery' : 'account';
  const label = options.label ?? (slot === 'recovery' ? '恢复码' : slot.account);
  writeKeyring(keysPath(path), await setSlot(keyring, key, { id: slotId(slot), kind, label, secret }, { kdf: options.kdf }));
}

/** A new recovery code (the old one stops working); returned once, to be printed. */
export async function renewRecoveryCode(path: string, key: Buffer, options: KeyOptions = {}): Promise<string> {
  const code = newRecoveryCode();
  await setUnlockSecret(path, key, 'recovery', code, options);
  return code;
}
