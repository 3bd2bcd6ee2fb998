/**
 * The ledger's keyring (RELIABILITY G8): the ledger file is encrypted with a random 256-bit data
 * key that never changes and is never written anywhere in the clear. The keyring, a small JSON file beside
 * the ledger (`<ledger>.keys`), holds that key wrapped (AES-256-GCM) once per slot: one slot per account
 * (wrapped under a key derived from its password) and one for the recovery code printed at setup. Changing
 * a password rewraps that one slot; the ledger file is not touched.
 *
 * Each slot's key-encryption key comes from scrypt with its parameters stored in the slot (published, so
 * a tester can check them; `KDF_DEFAULT` costs about 0.4 s and 128 MiB on the development machine, within
 * the 0.3–1.5 s a deliberate unlock may take). The slot's id, kind, parameters and salt are the GCM
 * associated data, so a changed field fails the unwrap. The whole file carries a SHA-256 `checksum` (a
 * damaged or hand-edited file is refused before any password is tried) and an HMAC under the data key
 * (`mac`, checked after an unwrap), so a slot added or changed by anyone without the key is noticed.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { LedgerError } from '../../shared/errors';

export const KEYRING_FORMAT = 'tjlg-keys';
export const KEYRING_VERSION = 1;
export const DATA_KEY_BYTES = 32;

export interface KdfParams {
  name: 'scrypt';
  /** CPU/memory cost, a power of two. */
  N: number;
  r: number;
  p: number;
}

/** N=2^17, r=8, p=1: 128 MiB and about 0.4 s per unwrap on the development machine (RFC 7914's interactive+). */
export const KDF_DEFAULT: KdfParams = { name: 'scrypt', N: 2 ** 17, r: 8, p: 1 };

/** What a keyring may ask for: below, a file lowered by someone to ease guessing; above, one that would exhaust memory. */
const KDF_BOUNDS = { minN: 2 ** 10, maxN: 2 ** 20, maxR: 16, maxP: 4 };

export type SlotKind = 'account' | 'recovery';

/** The recovery code's slot id; an account's slot is its id as the accounts give it (`accountSlot`). */
export const RECOVERY_SLOT = 'recovery';
export const accountSlot = (account: string) => `account:${account}`;

export interface KeySlot {
  id: string;
  kind: SlotKind;
  /** Shown to people (an account's name); not secret. */
  label: string;
  kdf: KdfParams;
  salt: string;
  iv: string;
  wrapped: string;
  tag: string;
  createdAt: string;
}

export interface Keyring {
  format: typeof KEYRING_FORMAT;
  version: number;
  /** The page cipher of the ledger file (db/crypto/cipher.ts). */
  cipher: string;
  slots: KeySlot[];
  /** HMAC-SHA256 under the data key of everything above. */
  mac: string;
  /** SHA-256 of everything above and `mac`: a damaged or hand-edited file. */
  checksum: string;
}

const b64 = z.string().regex(/^[A-Za-z0-9+/]+={0,2}$/);
const Slot = z.object({
  id: z.string().min(1).max(200),
  kind: z.enum(['account', 'recovery']),
  label: z.string().max(200),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(KDF_BOUNDS.minN)
      .max(KDF_BOUNDS.maxN)
      .refine((n) => (n & (n - 1)) === 0),
    r: z.number().int().min(1).max(KDF_BOUNDS.maxR),
    p: z.number().int().min(1).max(KDF_BOUNDS.maxP),
  }),
  salt: b64,
  iv: b64,
  wrapped: b64,
  tag: b64,
  createdAt: z.string(),
});
const File = z.object({
  format: z.literal(KEYRING_FORMAT),
  version: z.number().int(),
  cipher: z.string(),
  slots: z.array(Slot).min(1),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
  checksum: z.string().regex(/^[0-9a-f]{64}$/),
});

export const TAMPERED =
  '账本的密钥文件已损坏或被改动，账本未作任何改动。请用备份中的密钥文件（备份旁的 .keys 文件）替换它，或联系技术支持。';

const tampered = (why?: string) => new LedgerError('DB_CORRUPT', why ? `${TAMPERED}（${why}）` : TAMPERED);

/** The fields each hash covers, in a fixed order (the file's own order may differ after a hand edit). */
function canonicalSlot(s: KeySlot): unknown[] {
  return [s.id, s.kind, s.label, s.kdf.name, s.kdf.N, s.kdf.r, s.kdf.p, s.salt, s.iv, s.wrapped, s.tag, s.createdAt];
}
function macBody(k: Pick<Keyring, 'format' | 'version' | 'cipher' | 'slots'>): string {
  return JSON.stringify([k.format, k.version, k.cipher, k.slots.map(canonicalSlot)]);
}
const macOf = (dataKey: Buffer, k: Pick<Keyring, 'format' | 'version' | 'cipher' | 'slots'>) =>
  createHmac('sha256', dataKey).update(`${KEYRING_FORMAT}/mac|`).update(macBody(k)).digest('hex');
const checksumOf = (k: Omit<Keyring, 'checksum'>) => createHash('sha256').update(macBody(k)).update(`|${k.mac}`).digest('hex');

/** The associated data of a slot's wrap: what it is and how its key is derived. */
function slotAad(s: Pick<KeySlot, 'id' | 'kind' | 'kdf' | 'salt'>): Buffer {
  return Buffer.from(JSON.stringify([KEYRING_FORMAT, KEYRING_VERSION, s.id, s.kind, s.kdf.N, s.kdf.r, s.kdf.p, s.salt]));
}

function deriveKek(secret: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  const maxmem = 128 * kdf.N * kdf.r * kdf.p + 32 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, 32, { N: kdf.N, r: kdf.r, p: kdf.p, maxmem }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

export function newDataKey(): Buffer {
  return randomBytes(DATA_KEY_BYTES);
}

async function wrapSlot(
  dataKey: Buffer,
  slot: { id: string; kind: SlotKind; label: string },
  secret: string,
  kdf: KdfParams,
  now: string,
): Promise<KeySlot> {
  const salt = randomBytes(16).toString('base64');
  const iv = randomBytes(12);
  const kek = await deriveKek(secret, Buffer.from(salt, 'base64'), kdf);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(slotAad({ ...slot, kdf, salt }));
  const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  return {
    ...slot,
    kdf: { ...kdf },
    salt,
    iv: iv.toString('base64'),
    wrapped: wrapped.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    createdAt: now,
  };
}

function seal(cipher: string, slots: KeySlot[], dataKey: Buffer): Keyring {
  const body = { format: KEYRING_FORMAT, version: KEYRING_VERSION, cipher, slots } as const;
  const withMac = { ...body, mac: macOf(dataKey, body) };
  return { ...withMac, checksum: checksumOf(withMac) };
}

export interface SlotSecret {
  id: string;
  kind: SlotKind;
  label?: string;
  secret: string;
}

/** A new keyring for a data key, with one slot per secret (an account's password, the recovery code). */
export async function createKeyring(
  dataKey: Buffer,
  cipher: string,
  slots: readonly SlotSecret[],
  options: { kdf?: KdfParams; now?: string } = {},
): Promise<Keyring> {
  const now = options.now ?? new Date().toISOString();
  const wrapped: KeySlot[] = [];
  for (const s of slots)
    wrapped.push(await wrapSlot(dataKey, { id: s.id, kind: s.kind, label: s.label ?? '' }, s.secret, options.kdf ?? KDF_DEFAULT, now));
  return seal(cipher, wrapped, dataKey);
}

/** The keyring with a slot added or rewrapped under a new secret (a password change); the other slots as they were. */
export async function setSlot(
  keyring: Keyring,
  dataKey: Buffer,
  slot: SlotSecret,
  options: { kdf?: KdfParams; now?: string } = {},
): Promise<Keyring> {
  verifyMac(keyring, dataKey);
  const next = await wrapSlot(
    dataKey,
    { id: slot.id, kind: slot.kind, label: slot.label ?? '' },
    slot.secret,
    options.kdf ?? KDF_DEFAULT,
    options.now ?? new Date().toISOString(),
  );
  const slots = keyring.slots.some((s) => s.id === slot.id)
    ? keyring.slots.map((s) => (s.id === slot.id ? next : s))
    : [...keyring.slots, next];
  return seal(keyring.cipher, slots, dataKey);
}

/** The keyring without a slot (an account removed); the recovery slot and the last slot stay. */
export function removeSlot(keyring: Keyring, dataKey: Buffer, id: string): Keyring {
  verifyMac(keyring, dataKey);
  if (id === RECOVERY_SLOT) throw new LedgerError('VALIDATION', '恢复码的密钥槽不能删除（可以重新生成恢复码）。');
  const slots = keyring.slots.filter((s) => s.id !== id);
  if (slots.length === 0) throw new LedgerError('VALIDATION', '不能删除最后一个能解锁账本的密钥槽。');
  return seal(keyring.cipher, slots, dataKey);
}

function verifyMac(keyring: Keyring, dataKey: Buffer): void {
  const expected = Buffer.from(macOf(dataKey, keyring), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(keyring.mac, 'hex'))) throw tampered('校验码与密钥不符');
}

export const WRONG_PASSWORD = '密码不正确，账本未解锁，也未作任何改动。';
export const WRONG_RECOVERY_CODE = '恢复码不正确，账本未解锁，也未作任何改动。请核对打印的恢复码（字母不分大小写，短横线可以不写）。';

/**
 * The data key, unwrapped from a slot with its secret (for the recovery slot: the code, in any form
 * `normalizeRecoveryCode` takes). Throws a Chinese message for a wrong secret, a missing slot or a
 * keyring changed by anyone without the key.
 */
export async function unwrapKey(keyring: Keyring, slotId: string, secret: string): Promise<Buffer> {
  const slot = keyring.slots.find((s) => s.id === slotId);
  if (!slot)
    throw new LedgerError(
      'UNAUTHORIZED',
      slotId === RECOVERY_SLOT ? '该账本没有恢复码的密钥槽。' : '该账户还不能解锁账本（它没有密钥槽）。请用管理员账户或恢复码解锁。',
    );
  const given = slot.kind === 'recovery' ? normalizeRecoveryCode(secret) : secret;
  const kek = await deriveKek(given, Buffer.from(slot.salt, 'base64'), slot.kdf);
  let dataKey: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(slotAad(slot));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    dataKey = Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()]);
  } catch {
    throw new LedgerError('UNAUTHORIZED', slot.kind === 'recovery' ? WRONG_RECOVERY_CODE : WRONG_PASSWORD);
  }
  if (dataKey.length !== DATA_KEY_BYTES) throw tampered('密钥长度不对');
  verifyMac(keyring, dataKey);
  return dataKey;
}

/** A keyring as read from its file; throws the Chinese refusal for anything that is not one, unchanged. */
export function parseKeyring(text: string): Keyring {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw tampered('不是有效的密钥文件');
  }
  const version = (json as { version?: unknown })?.version;
  if (typeof version === 'number' && version > KEYRING_VERSION)
    throw new LedgerError('DB_NEWER_THAN_APP', '账本的密钥文件由更高版本的程序写出，本程序不能用它解锁。请先升级程序。');
  const parsed = File.safeParse(json);
  if (!parsed.success) throw tampered(`内容不完整或取值不对：${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  const k = parsed.data as Keyring;
  if (k.version !== KEYRING_VERSION) throw tampered('版本不对');
  if (new Set(k.slots.map((s) => s.id)).size !== k.slots.length) throw tampered('有重复的密钥槽');
  if (checksumOf(k) !== k.checksum) throw tampered('校验值不符');
  return k;
}

/** `ledger.db` → `ledger.db.keys`. */
export const keysPath = (ledgerPath: string) => `${ledgerPath}.keys`;

export function readKeyring(file: string): Keyring {
  if (!existsSync(file))
    throw new LedgerError('NOT_FOUND', `找不到账本的密钥文件：${file}。没有它无法解锁加密的账本；请从备份旁找回同名的 .keys 文件。`);
  return parseKeyring(readFileSync(file, 'utf8'));
}

/** Written whole: temporary name, flushed, renamed, the folder flushed (a password change never leaves half a file). */
export function writeKeyring(file: string, keyring: Keyring): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, `${JSON.stringify(keyring, null, 2)}\n`, { flush: true });
    parseKeyring(readFileSync(tmp, 'utf8'));
    renameSync(tmp, file);
    try {
      const fd = openSync(dirname(file), 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      /* a folder cannot be flushed on every system */
    }
  } catch (e) {
    try {
      if (existsSync(tmp)) unlinkSync(tmp);
    } catch {
      /* the original error matters more */
    }
    if (e instanceof LedgerError) throw e;
    throw new LedgerError(
      'WRITE_FAILED',
      `未能写入密钥文件 ${file}（${(e as { code?: string }).code ?? (e as Error).message}），原来的密钥文件未作改动。`,
    );
  }
}

/** Crockford's base32: no I, L, O, U, so that a printed code is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_CHARS = 24;

/** 24 characters (120 random bits) in six groups of four: `7K2M-…`. Shown and printed once, never stored. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(RECOVERY_CODE_CHARS);
  const chars = [...bytes].map((b) => ALPHABET[b & 31]);
  return chars.join('').replace(/(.{4})(?!$)/g, '$1-');
}

/** A typed code as the slot was made with it: case, spaces and dashes ignored, I/L read as 1 and O as 0. */
export function normalizeRecoveryCode(typed: string): string {
  const s = typed
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (s.length !== RECOVERY_CODE_CHARS || [...s].some((c) => !ALPHABET.includes(c)))
    throw new LedgerError(
      'UNAUTHORIZED',
      `恢复码应为 ${RECOVERY_CODE_CHARS} 个字母或数字（如打印的那样分成六组），请核对后再输入。账本未作任何改动。`,
    );
  return s.replace(/(.{4})(?!$)/g, '$1-');
}
