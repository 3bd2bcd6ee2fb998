/**
 * 上报包 on real files (RELIABILITY G3, G5, T3, T4, T5, T6): a package is written into a temporary folder,
 * read back and verified, then renamed; every tampered variant (a flipped bit, a truncation, a changed
 * manifest, a wrong password, a missing or swapped file) is refused with a Chinese reason; a write that
 * fails at any byte, or at the rename, leaves nothing under a final name and an earlier package intact.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { reportParts } from '../../../../db/modules';
import {
  DATA_FILE,
  findPackages,
  fsIo,
  MANIFEST,
  verifyPackage,
  writePackage,
  type PackageContent,
  type PackageIo,
} from '../../../../db/package/package';
import { packageContent } from '../../../../db/services/report-package';
import { auditHead } from '../../../../db/services/audit-verify';
import { readLedgerWorkbook } from '../../../../db/engines/xlsx';
import { parsePeriodKey } from '../../../../shared/domain/report-period';
import { openTestLedger, tempDir, withADispute, type TestLedger } from '../../../helpers/test-db';

const KDF = { name: 'scrypt', logN: 14, r: 8, p: 1 } as const;
const PASSWORD = '县里给的密码2024';
const period = parsePeriodKey('2024-06')!;

let t: TestLedger;
let content: PackageContent;
beforeAll(async () => {
  t = openTestLedger();
  withADispute(t);
  content = await packageContent(t.ctx(), reportParts, { period, modules: ['persons', 'disputes', 'mediation'] });
  return () => t.close();
});

const mounted: string[] = [];
afterEach(() => {
  while (mounted.length) execFileSync('umount', [mounted.pop()!]);
});

function write(folder: string, io?: PackageIo, stamp = '20240615-080000') {
  return writePackage(content, { folder, password: PASSWORD, stamp, kdf: KDF, io });
}

function refusedWith(folder: string, password = PASSWORD): string {
  try {
    verifyPackage(folder, password).db.close();
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
}

describe('writing a package', () => {
  it('holds the ledgers, the statistics sheet, the sealed records and a manifest naming them all', async () => {
    const dir = tempDir();
    const { path, manifest } = write(dir);
    expect(readdirSync(dir)).toEqual([path.split('/').at(-1)]);
    expect(path).toContain('上报包_高寨乡_2024-06_20240615-080000');
    expect(manifest.township).toBe('高寨乡');
    expect(manifest.period.key).toBe('2024-06');
    expect(manifest.auditHead).toEqual(content.auditHead);
    expect(manifest.auditHead.rows).toBeGreaterThan(0);
    expect(manifest.ledgers.map((l) => [l.module, l.rows])).toEqual([
      ['persons', 2],
      ['disputes', 1],
      ['mediation', 0],
    ]);
    const names = readdirSync(path).sort();
    expect(names).toEqual([...manifest.files.map((f) => f.name), MANIFEST].sort());
    expect(manifest.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
    // The password is nowhere in the package.
    for (const n of names) expect(readFileSync(join(path, n)).includes(Buffer.from(PASSWORD))).toBe(false);
    // The records are not readable without it: not even the township's name in the sealed file.
    expect(readFileSync(join(path, DATA_FILE)).includes(Buffer.from('排水沟'))).toBe(false);
    const stats = await readLedgerWorkbook(readFileSync(join(path, manifest.files.find((f) => f.role === 'statistics')!.name)));
    expect(stats.title).toBe('高寨乡2024年6月司法工作统计表');
    expect(stats.columns).toEqual(['序号', '业务', '指标', '数值', '金额（元）', '比率', '口径']);
    expect(stats.rows.find((r) => r[2] === '登记件数')?.[3]).toBe(1);
    expect(stats.rows.find((r) => r[2] === '化解率')?.[5]).toBe('0.00%');
    const { db } = verifyPackage(path, PASSWORD);
    const cells = db.prepare("SELECT cells FROM record WHERE module = 'disputes'").pluck().all() as string[];
    db.close();
    expect(cells[0]).toContain('排水沟纠纷');
  });

  it('takes the audit head after its own export rows', () => {
    expect(content.auditHead).toEqual(auditHead(t.ctx()));
  });

  it('refuses a short password before anything is written', () => {
    const dir = tempDir();
    expect(() => writePackage(content, { folder: dir, password: 'short', stamp: 'x', kdf: KDF })).toThrow(/至少 8 个字符/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('a tampered package is refused before anything is read (RELIABILITY T6)', () => {
  let good: string;
  beforeAll(() => {
    good = write(tempDir()).path;
  });
  const variant = () => {
    const dir = join(tempDir(), 'p');
    cpSync(good, dir, { recursive: true });
    return dir;
  };

  it('accepts the untouched package', () => {
    expect(refusedWith(variant())).toBe('accepted');
  });

  it('refuses a wrong password', () => {
    expect(refusedWith(variant(), '别的密码12345678')).toMatch(/密码错误/);
  });

  it('refuses one flipped bit anywhere in the sealed records', () => {
    const size = readFileSync(join(good, DATA_FILE)).length;
    for (let i = 0; i < 60; i++) {
      const dir = variant();
      const file = join(dir, DATA_FILE);
      const bytes = readFileSync(file);
      const at = Math.floor((i / 60) * size + ((i * 7919) % 97)) % size;
      bytes[at]! ^= 1 << (i % 8);
      writeFileSync(file, bytes);
      expect(refusedWith(dir), `bit at ${at}`).toMatch(/^上报包不能接收：/);
      rmSync(dir, { recursive: true });
    }
  });

  it('refuses the sealed records truncated at any length', () => {
    const size = readFileSync(join(good, DATA_FILE)).length;
    for (const n of [0, 1, 7, 12, 40, Math.floor(size / 3), size - 17, size - 1]) {
      const dir = variant();
      truncateSync(join(dir, DATA_FILE), n);
      expect(refusedWith(dir), `truncated to ${n}`).toMatch(/^上报包不能接收：/);
    }
  });

  it('refuses the sealed records with a 4 KB page zeroed', () => {
    const size = readFileSync(join(good, DATA_FILE)).length;
    for (const at of [0, 4096, Math.max(0, size - 4096)]) {
      const dir = variant();
      const bytes = readFileSync(join(dir, DATA_FILE));
      bytes.fill(0, at, Math.min(size, at + 4096));
      writeFileSync(join(dir, DATA_FILE), bytes);
      expect(refusedWith(dir), `zeroed at ${at}`).toMatch(/^上报包不能接收：/);
    }
  });

  it('refuses a flipped bit or a truncation in a spreadsheet', () => {
    const dir = variant();
    const xlsx = readdirSync(dir).find((n) => n.endsWith('.xlsx'))!;
    const bytes = readFileSync(join(dir, xlsx));
    bytes[100]! ^= 4;
    writeFileSync(join(dir, xlsx), bytes);
    expect(refusedWith(dir)).toMatch(/SHA-256/);
    const cut = variant();
    truncateSync(join(cut, xlsx), 500);
    expect(refusedWith(cut)).toMatch(/大小/);
  });

  it('refuses a changed manifest: a township, a count, an audit head, a byte of JSON', () => {
    const edits: ((m: Record<string, unknown>) => void)[] = [
      (m) => {
        m.township = '别的乡';
      },
      (m) => {
        (m.ledgers as { rows: number }[])[0]!.rows += 1;
      },
      (m) => {
        (m.auditHead as { rows: number }).rows -= 1;
      },
      (m) => {
        (m.period as { key: string }).key = '2024-05';
      },
    ];
    for (const edit of edits) {
      const dir = variant();
      const m = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
      edit(m);
      writeFileSync(join(dir, MANIFEST), JSON.stringify(m));
      expect(refusedWith(dir)).toMatch(/manifest\.json 被改动过/);
    }
    const dir = variant();
    const raw = readFileSync(join(dir, MANIFEST));
    raw[10]! ^= 0x20;
    writeFileSync(join(dir, MANIFEST), raw);
    expect(refusedWith(dir)).toMatch(/^上报包不能接收：/);
  });

  it('refuses a missing file, an escaping file name and records swapped from another package', () => {
    const missing = variant();
    rmSync(join(missing, readdirSync(missing).find((n) => n.endsWith('.xlsx'))!));
    expect(refusedWith(missing)).toMatch(/缺少文件/);

    const escaping = variant();
    const m = JSON.parse(readFileSync(join(escaping, MANIFEST), 'utf8'));
    m.files[1].name = '../../etc/passwd.xlsx';
    writeFileSync(join(escaping, MANIFEST), JSON.stringify(m));
    expect(refusedWith(escaping)).toMatch(/文件名不合规/);

    const other = write(tempDir(), undefined, '20240615-090000').path;
    const swapped = variant();
    cpSync(join(other, DATA_FILE), join(swapped, DATA_FILE));
    expect(refusedWith(swapped)).toMatch(/manifest\.json 被改动过|SHA-256/);
  });

  it('refuses a folder that is no package', () => {
    expect(refusedWith(tempDir())).toMatch(/没有 manifest\.json/);
  });
});

/** An io that fails with EIO once `limit` bytes have gone to the stick (a stick pulled mid-write). */
function failingAt(limit: number): PackageIo & { written: number } {
  const io = {
    written: 0,
    writeFile(path: string, bytes: Uint8Array) {
      const room = limit - io.written;
      if (room < bytes.byteLength) {
        writeFileSync(path, bytes.subarray(0, Math.max(0, room)));
        io.written = limit;
        throw Object.assign(new Error('I/O error'), { code: 'EIO' });
      }
      fsIo.writeFile(path, bytes);
      io.written += bytes.byteLength;
    },
    rename: fsIo.rename,
  };
  return io;
}

describe('a failed write leaves nothing that looks complete (RELIABILITY T3, T4, T5)', () => {
  it('at every byte N swept across the package, and at the rename, the earlier package stays whole', () => {
    const stick = tempDir();
    const earlier = write(stick, undefined, '20240601-080000').path;
    const before = readdirSync(stick);
    const total = (() => {
      const io = failingAt(Number.POSITIVE_INFINITY);
      write(tempDir(), io);
      return io.written;
    })();
    const steps = 40;
    for (let i = 0; i <= steps; i++) {
      const n = Math.floor((total * i) / steps) - (i === steps ? 1 : 0);
      expect(() => write(stick, failingAt(n)), `failing at byte ${n}`).toThrow(/上报包未写成：写入 .* 时设备出错/);
      expect(readdirSync(stick)).toEqual(before);
    }
    const renameFails: PackageIo = {
      writeFile: fsIo.writeFile,
      rename: () => {
        throw Object.assign(new Error('gone'), { code: 'ENOENT' });
      },
    };
    expect(() => write(stick, renameFails)).toThrow(/U盘是否已拔出/);
    expect(readdirSync(stick)).toEqual(before);
    expect(refusedWith(earlier)).toBe('accepted');
  });

  it('clears a temporary folder a killed write left behind, and never lists it as a package', () => {
    const stick = tempDir();
    const dead = join(stick, '上报包_高寨乡_2024-06_x.tmp-999999999');
    mkdirSync(dead);
    writeFileSync(join(dead, MANIFEST), '{}');
    expect(findPackages(stick)).toEqual([]);
    const { path } = write(stick);
    expect(readdirSync(stick)).toEqual([path.split('/').at(-1)]);
  });

  it('says the stick is read-only and writes nothing', () => {
    const dir = mount('ro');
    if (!dir) return;
    expect(() => write(dir)).toThrow(/只读/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says the disk is full, and leaves no folder behind', () => {
    const dir = mount('size=64k');
    if (!dir) return;
    expect(() => write(dir)).toThrow(/磁盘空间不足/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

/** A small file system of its own (root only); null where it cannot be mounted. */
function mount(options: string): string | null {
  if (process.getuid?.() !== 0) return null;
  const dir = join(tempDir(), 'mnt');
  mkdirSync(dir);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    return null;
  }
  mounted.push(dir);
  return dir;
}
