/**
 * 上报包: one folder on the stick that a township hands to the county. People open its .xlsx files
 * directly (each chosen ledger, and the period's statistics sheet); the county's program reads the sealed
 * copy of the same records (format.ts, subset.ts) and trusts nothing until everything checks out
 * (RELIABILITY G5). `manifest.json` names the township, the period, the counts, the app and schema
 * versions, the audit chain's head and the SHA-256 of every file, and is signed with the password's key.
 *
 * Written safely (ARCHITECTURE rule 8, RELIABILITY G3): every file goes into a temporary folder beside
 * the final one (`<name>.tmp-<pid>`), flushed; the folder is read back and verified as the county will
 * verify it, and only then renamed to its final name (a new name each time: an earlier package on the
 * stick is never touched). On any failure the temporary folder is removed and the message says in Chinese
 * what happened.
 */
import type Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { packageBaseName, type ReportPeriod } from '../../shared/domain/report-period';
import { LedgerError } from '../../shared/errors';
import type { AuditHead } from '../../shared/schemas/audit';
import { fileErrorMessage } from '../safe-file';
import {
  deriveKeys,
  DEFAULT_KDF,
  newHeader,
  open,
  readHeader,
  REFUSED,
  seal,
  sign,
  signatureMatches,
  type KdfParams,
  type PackageKeys,
} from './format';
import { buildSubset, openSubset, PACKAGE_SCHEMA_VERSION, type PackageFigure, type PackageLedger } from './subset';

export const MANIFEST = 'manifest.json';
export const DATA_FILE = '数据.tjpkg';
export const MANIFEST_KIND = 'tjlg-report-package';
const MAX_MANIFEST_BYTES = 1 << 20;
/** A package's files are few and named by us; anything else in the folder is ignored, never read. */
const MAX_FILES = 32;

export interface PackageFileEntry {
  name: string;
  role: 'data' | 'ledger' | 'statistics';
  size: number;
  sha256: string;
}

export interface PackageManifestBody {
  format: 1;
  kind: typeof MANIFEST_KIND;
  township: string;
  period: ReportPeriod;
  createdAt: string;
  appVersion: string;
  /** The ledger's schema version (migrations applied) and the package records' own. */
  schemaVersion: number;
  packageSchemaVersion: number;
  /** The audit chain's head when the package was made (db/services/audit-verify.ts). */
  auditHead: AuditHead;
  /**
   * The chain's hash now at the heads of this township's earlier packages: the county holds those heads,
   * and a history rewritten since one of them no longer has its hash at its position.
   */
  auditPrior: AuditHead[];
  /**
   * The township's own walk of its chain when the package was made: whole, or the number of rows that do
   * not link (edited or deleted without their hashes recomputed).
   */
  auditBroken: number;
  ledgers: { module: string; title: string; rows: number; file: string }[];
  figures: number;
  files: PackageFileEntry[];
}

export interface PackageManifest extends PackageManifestBody {
  /** HMAC-SHA256 of the rest, with the key derived from the password (format.ts). */
  mac: string;
}

/** The file system calls a package is written with: the one seam the failure tests replace (RELIABILITY T5). */
export interface PackageIo {
  writeFile(path: string, bytes: Uint8Array): void;
  rename(from: string, to: string): void;
}

export const fsIo: PackageIo = {
  writeFile(path, bytes) {
    const fd = openSync(path, 'wx');
    try {
      let at = 0;
      while (at < bytes.byteLength) at += writeSync(fd, bytes, at, bytes.byteLength - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  },
  rename: (from, to) => renameSync(from, to),
};

export interface PackageContent {
  township: string;
  period: ReportPeriod;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  auditHead: AuditHead;
  auditPrior: AuditHead[];
  auditBroken: number;
  ledgers: readonly (PackageLedger & { file: { fileName: string; bytes: Buffer } })[];
  statistics: { fileName: string; bytes: Buffer };
  figures: readonly PackageFigure[];
}

export interface WritePackageOptions {
  folder: string;
  password: string;
  /** The name's time stamp, e.g. 20240615-080000. */
  stamp: string;
  kdf?: KdfParams;
  io?: PackageIo;
}

export const MIN_PASSWORD = 8;

export function checkPassword(password: string): void {
  if (typeof password !== 'string' || [...password].length < MIN_PASSWORD)
    throw new LedgerError('VALIDATION', `上报包密码至少 ${MIN_PASSWORD} 个字符。密码不会保存在任何地方，请另行告知县级接收人。`, {
      fields: { password: `至少 ${MIN_PASSWORD} 个字符` },
    });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A name a package folder may hold: ours, with no way out of the folder (RELIABILITY T12). */
function safeName(name: unknown): name is string {
  return (
    typeof name === 'string' &&
    name.length > 0 &&
    name.length <= 120 &&
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the pattern exists to find.
    !/[\\/:*?"<>|\u0000-\u001F]/.test(name) &&
    !/^\.|[. ]$/.test(name) &&
    !/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name) &&
    (name === DATA_FILE || name.endsWith('.xlsx'))
  );
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* not supported on every system (Windows); the files themselves are flushed */
  }
}

/** Temporary package folders left by a write that was killed (its process gone): never a package, removed. */
function removeStaleFolders(parent: string): void {
  for (const name of readdirSync(parent)) {
    const m = /^上报包_.*\.tmp-(\d+)$/.exec(name);
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') rmSync(join(parent, name), { recursive: true, force: true });
    }
  }
}

function freeFolder(parent: string, base: string): string {
  for (let n = 1; ; n++) {
    const path = join(parent, n === 1 ? base : `${base}-${n}`);
    if (!existsSync(path) && !existsSync(`${path}.tmp-${process.pid}`)) return path;
  }
}

/**
 * Writes a package into `options.folder`; returns its folder and manifest. Throws LedgerError('WRITE_FAILED')
 * with the cause in Chinese, leaving nothing under a final name.
 */
export function writePackage(content: PackageContent, options: WritePackageOptions): { path: string; manifest: PackageManifest } {
  checkPassword(options.password);
  const io = options.io ?? fsIo;
  const header = newHeader(options.kdf ?? DEFAULT_KDF);
  const keys = deriveKeys(options.password, Buffer.from(header.salt, 'base64'), header.kdf);
  const meta = {
    township: content.township,
    period: content.period.key,
    createdAt: content.createdAt,
    appVersion: content.appVersion,
    schemaVersion: String(content.schemaVersion),
    auditHead: JSON.stringify(content.auditHead),
  };
  const data = seal(buildSubset(meta, content.ledgers, content.figures), keys, header);
  const files: { name: string; role: PackageFileEntry['role']; bytes: Uint8Array }[] = [
    { name: DATA_FILE, role: 'data', bytes: data },
    { name: content.statistics.fileName, role: 'statistics', bytes: content.statistics.bytes },
    ...content.ledgers.map((l) => ({ name: l.file.fileName, role: 'ledger' as const, bytes: l.file.bytes })),
  ];
  const body: PackageManifestBody = {
    format: 1,
    kind: MANIFEST_KIND,
    township: content.township,
    period: content.period,
    createdAt: content.createdAt,
    appVersion: content.appVersion,
    schemaVersion: content.schemaVersion,
    packageSchemaVersion: PACKAGE_SCHEMA_VERSION,
    auditHead: content.auditHead,
    auditPrior: content.auditPrior,
    auditBroken: content.auditBroken,
    ledgers: content.ledgers.map((l) => ({ module: l.module, title: l.title, rows: l.rows.length, file: l.file.fileName })),
    figures: content.figures.length,
    files: files.map((f) => ({ name: f.name, role: f.role, size: f.bytes.byteLength, sha256: sha256(f.bytes) })),
  };
  const manifest: PackageManifest = { ...body, mac: sign(body, keys) };

  let target = options.folder;
  let tmp = '';
  try {
    if (!existsSync(options.folder)) throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    if (!statSync(options.folder).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    removeStaleFolders(options.folder);
    target = freeFolder(options.folder, packageBaseName(content.township, content.period, options.stamp));
    tmp = `${target}.tmp-${process.pid}`;
    mkdirSync(tmp);
    for (const f of files) io.writeFile(join(tmp, f.name), f.bytes);
    io.writeFile(join(tmp, MANIFEST), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
    fsyncDir(tmp);
    // Read back from the stick as the county will read it (the key is reused: no second derivation).
    verifyPackage(tmp, options.password, keys).db.close();
    io.rename(tmp, target);
    fsyncDir(options.folder);
    return { path: target, manifest };
  } catch (e) {
    if (tmp) {
      try {
        rmSync(tmp, { recursive: true, force: true });
      } catch {
        /* the original error matters more */
      }
    }
    if (e instanceof LedgerError && e.code === 'DB_CORRUPT')
      throw new LedgerError('WRITE_FAILED', `上报包未写成：写出后读回校验未通过（${e.message}），请换一个U盘或文件夹再试。`);
    if (e instanceof LedgerError) throw e;
    throw new LedgerError('WRITE_FAILED', `上报包未写成：${fileErrorMessage(e, target)}U盘上原有的文件未受影响。`);
  }
}

export interface VerifiedPackage {
  manifest: PackageManifest;
  /** The package's records, read-only, in memory; the caller closes it. */
  db: Database.Database;
}

function readManifestFile(folder: string): unknown {
  const path = join(folder, MANIFEST);
  if (!existsSync(path)) throw REFUSED('文件夹中没有 manifest.json，这不是上报包，或上报包不完整。');
  const st = lstatSync(path);
  if (!st.isFile()) throw REFUSED('manifest.json 不是普通文件。');
  if (st.size > MAX_MANIFEST_BYTES) throw REFUSED('manifest.json 过大，不是本程序写的。');
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    throw REFUSED('manifest.json 已损坏（不是有效的 JSON）。');
  }
}

function shapeOk(m: Partial<PackageManifest>): m is PackageManifest {
  return (
    m?.kind === MANIFEST_KIND &&
    typeof m.township === 'string' &&
    typeof m.period?.key === 'string' &&
    typeof m.createdAt === 'string' &&
    typeof m.schemaVersion === 'number' &&
    typeof m.auditHead?.rows === 'number' &&
    typeof m.auditHead?.hash === 'string' &&
    Array.isArray(m.auditPrior) &&
    typeof m.auditBroken === 'number' &&
    m.auditPrior.every((h) => typeof h?.rows === 'number' && typeof h?.hash === 'string') &&
    Array.isArray(m.ledgers) &&
    Array.isArray(m.files) &&
    m.files.length <= MAX_FILES &&
    typeof m.mac === 'string'
  );
}

/**
 * Verifies a package folder before anything in it is used, in this order: the manifest's shape, the
 * sealed data's tag (the password), the manifest's signature, the SHA-256 and size of every file, then
 * the records' own checks (subset.ts). Returns the manifest and the records, or throws the reason
 * (LedgerError 'DB_CORRUPT', in Chinese). `keys`: the writer's own, for its read-back.
 */
export function verifyPackage(folder: string, password: string, keys?: PackageKeys): VerifiedPackage {
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new LedgerError('NOT_FOUND', `找不到上报包文件夹：${folder}`);
  const raw = readManifestFile(folder) as Partial<PackageManifest>;
  if (raw?.format !== 1 && raw?.kind === MANIFEST_KIND) throw REFUSED('上报包的格式版本不是本程序能读的（可能由更高版本的程序写出）。');
  if (!shapeOk(raw)) throw REFUSED('manifest.json 不是本程序写的上报包说明。');
  const manifest = raw;
  const names = new Set<string>();
  for (const f of manifest.files) {
    if (!safeName(f?.name) || names.has(f.name) || typeof f.sha256 !== 'string' || typeof f.size !== 'number')
      throw REFUSED('manifest.json 中列出的文件名不合规（可能被改动过）。');
    names.add(f.name);
  }
  const dataEntry = manifest.files.find((f) => f.name === DATA_FILE && f.role === 'data');
  if (!dataEntry) throw REFUSED('manifest.json 中没有数据文件。');
  const fileAt = (name: string) => {
    const path = join(folder, name);
    if (!existsSync(path)) throw REFUSED(`缺少文件“${name}”，上报包不完整。`);
    if (!lstatSync(path).isFile()) throw REFUSED(`“${name}”不是普通文件。`);
    return path;
  };
  const sealed = readFileSync(fileAt(DATA_FILE));
  const { header, aadLength } = readHeader(sealed);
  const k = keys ?? deriveKeys(password, Buffer.from(header.salt, 'base64'), header.kdf);
  const plain = open(sealed, k, header, aadLength);
  const { mac, ...body } = manifest;
  if (!signatureMatches(body, mac, k)) throw REFUSED('manifest.json 被改动过（签名不符），或它不属于这个数据文件。');
  for (const f of manifest.files) {
    const bytes = f.name === DATA_FILE ? sealed : readFileSync(fileAt(f.name));
    if (bytes.byteLength !== f.size) throw REFUSED(`文件“${f.name}”的大小与上报时不同，可能不完整。`);
    if (sha256(bytes) !== f.sha256) throw REFUSED(`文件“${f.name}”的内容与上报时记录的校验值（SHA-256）不符，可能已损坏或被改动。`);
  }
  const db = openSubset(plain, REFUSED);
  try {
    const meta = new Map(
      (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
    );
    const ledgers = db.prepare('SELECT module, rows FROM ledger ORDER BY module').all() as { module: string; rows: number }[];
    const counted = db.prepare('SELECT module, count(*) AS n FROM record GROUP BY module ORDER BY module').all() as {
      module: string;
      n: number;
    }[];
    const listed = [...manifest.ledgers].map((l) => `${l.module}:${l.rows}`).sort();
    const agrees =
      meta.get('township') === manifest.township &&
      meta.get('period') === manifest.period.key &&
      meta.get('auditHead') === JSON.stringify(manifest.auditHead) &&
      JSON.stringify(ledgers.map((l) => `${l.module}:${l.rows}`).sort()) === JSON.stringify(listed) &&
      ledgers.every((l) => (counted.find((c) => c.module === l.module)?.n ?? 0) === l.rows);
    if (!agrees) throw REFUSED('数据与 manifest.json 所记的乡镇、期间或条数不一致。');
    return { manifest, db };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Leftover temporary package folders of this kind (a write killed mid-way) are not packages: never listed. */
export function isPackageFolder(folder: string): boolean {
  return !/\.tmp-\d+$/.test(folder) && existsSync(join(folder, MANIFEST));
}

/** Package folders directly inside a folder (a stick's root), by name. */
export function findPackages(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((n) => n.startsWith('上报包_'))
    .map((n) => join(folder, n))
    .filter((p) => {
      try {
        return lstatSync(p).isDirectory() && isPackageFolder(p);
      } catch {
        return false;
      }
    })
    .sort();
}
