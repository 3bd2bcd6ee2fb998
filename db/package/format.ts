/**
 * The sealed part of a report package (上报包): the SQLite copy of its records, encrypted and
 * authenticated with AES-256-GCM under a key derived from the operator's password with scrypt (memory-hard).
 * The password is never stored; what is stored is the header below, which the GCM tag covers as associated
 * data, so a changed parameter, salt or nonce fails the tag like a changed byte of the records.
 *
 *   "TJPKG\0\0\1" (8 bytes) · header length (u32 BE) · header JSON · ciphertext · tag (16 bytes)
 *
 * The same key material also signs the manifest (HMAC-SHA256), so a manifest changed on the stick, or
 * one moved onto another package's records, is refused before anything in it is believed (RELIABILITY G5).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { LedgerError } from '../../shared/errors';

export const MAGIC = Buffer.from('TJPKG\u0000\u0000\u0001', 'latin1');
export const FORMAT_VERSION = 1;

/** scrypt's published interactive-plus parameters: 128 MiB, about half a second. */
export const DEFAULT_KDF: KdfParams = { name: 'scrypt', logN: 17, r: 8, p: 1 };
/** What a reader accepts: enough to derive our own, and not so much that a forged header can exhaust memory. */
const MIN_LOG_N = 14;
const MAX_LOG_N = 20;

export interface KdfParams {
  name: 'scrypt';
  logN: number;
  r: number;
  p: number;
}

export interface SealHeader {
  format: number;
  kdf: KdfParams;
  /** base64 */
  salt: string;
  /** base64, 12 bytes */
  nonce: string;
}

export interface PackageKeys {
  enc: Buffer;
  mac: Buffer;
}

export const REFUSED = (why: string) => new LedgerError('DB_CORRUPT', `上报包不能接收：${why}`);

export const WRONG_PASSWORD = '密码错误，或数据文件已损坏、被改动（校验标签不符）。未读取其中任何内容。';

function checkKdf(kdf: KdfParams): void {
  if (kdf?.name !== 'scrypt' || !Number.isInteger(kdf.logN) || kdf.logN < MIN_LOG_N || kdf.logN > MAX_LOG_N || kdf.r !== 8 || kdf.p !== 1)
    throw REFUSED('数据文件的密钥参数不是本程序写的。');
}

export function deriveKeys(password: string, salt: Buffer, kdf: KdfParams): PackageKeys {
  checkKdf(kdf);
  const N = 2 ** kdf.logN;
  const out = scryptSync(password.normalize('NFC'), salt, 64, { N, r: kdf.r, p: kdf.p, maxmem: 256 * N * kdf.r });
  return { enc: out.subarray(0, 32), mac: out.subarray(32) };
}

export function newHeader(kdf: KdfParams = DEFAULT_KDF): SealHeader {
  return { format: FORMAT_VERSION, kdf, salt: randomBytes(16).toString('base64'), nonce: randomBytes(12).toString('base64') };
}

function headerBytes(header: SealHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(json.length);
  return Buffer.concat([MAGIC, len, json]);
}

/** The sealed file's bytes: the header (as associated data), the ciphertext, the tag. */
export function seal(plain: Buffer, keys: PackageKeys, header: SealHeader): Buffer {
  const aad = headerBytes(header);
  const cipher = createCipheriv('aes-256-gcm', keys.enc, Buffer.from(header.nonce, 'base64'));
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([aad, body, cipher.getAuthTag()]);
}

/** The header of a sealed file, checked for shape only (the tag checks it for real). */
export function readHeader(sealed: Buffer): { header: SealHeader; aadLength: number } {
  if (sealed.length < MAGIC.length + 4 + 16 || !sealed.subarray(0, MAGIC.length).equals(MAGIC))
    throw REFUSED('数据文件不是本程序的上报包（文件头不对，可能已损坏或不完整）。');
  const len = sealed.readUInt32BE(MAGIC.length);
  const aadLength = MAGIC.length + 4 + len;
  if (len > 4096 || aadLength + 16 > sealed.length) throw REFUSED('数据文件不完整或已损坏。');
  let header: SealHeader;
  try {
    header = JSON.parse(sealed.subarray(MAGIC.length + 4, aadLength).toString('utf8')) as SealHeader;
  } catch {
    throw REFUSED('数据文件的文件头已损坏。');
  }
  if (header?.format !== FORMAT_VERSION) throw REFUSED('数据文件的格式版本不是本程序能读的（可能由更高版本的程序写出）。');
  checkKdf(header.kdf);
  if (typeof header.salt !== 'string' || Buffer.from(header.salt, 'base64').length !== 16) throw REFUSED('数据文件的文件头已损坏。');
  if (typeof header.nonce !== 'string' || Buffer.from(header.nonce, 'base64').length !== 12) throw REFUSED('数据文件的文件头已损坏。');
  return { header, aadLength };
}

/** The plaintext, or a refusal when the tag does not match (a wrong password, or any changed byte). */
export function open(sealed: Buffer, keys: PackageKeys, header: SealHeader, aadLength: number): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', keys.enc, Buffer.from(header.nonce, 'base64'));
  decipher.setAAD(sealed.subarray(0, aadLength));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(aadLength, sealed.length - 16)), decipher.final()]);
  } catch {
    throw REFUSED(WRONG_PASSWORD);
  }
}

/** A stable serialisation (keys sorted at every level) for signing. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

export function sign(body: unknown, keys: PackageKeys): string {
  return createHmac('sha256', keys.mac).update(canonical(body)).digest('hex');
}

export function signatureMatches(body: unknown, mac: string, keys: PackageKeys): boolean {
  const want = Buffer.from(sign(body, keys), 'hex');
  const got = Buffer.from(typeof mac === 'string' ? mac : '', 'hex');
  return got.length === want.length && timingSafeEqual(got, want);
}
