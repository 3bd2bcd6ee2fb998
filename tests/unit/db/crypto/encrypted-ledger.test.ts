/**
 * An encrypted ledger on real files (RELIABILITY G8): the file, its write-ahead log, its backups (taken on the
 * connection and in the backup worker) hold no plaintext and give SQLITE_NOTADB (and the sqlite3 command
 * line "file is not a database") without the key; the integrity worker and an export's snapshot open it
 * with the key carried in workerData / remembered by the process; a plain ledger is converted with a
 * verified backup first, and a failure at any step leaves it byte for byte as it was; a wrong password or
 * recovery code is refused in Chinese and nothing is touched.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackupFiles, backupFolder, verifyEntry, writeBackup } from '../../../../db/backup/backup';
import { restoreLedger, restoreUnopenable } from '../../../../db/backup/restore';
import { fixedClock } from '../../../../db/context';
import { forgetKey, isEncryptedFile, needsUnlock, rememberKey } from '../../../../db/crypto/cipher';
import { createEncryptedLedger, encryptLedger, setUnlockSecret, unlockLedger } from '../../../../db/crypto/encrypt';
import { keysPath, WRONG_PASSWORD, WRONG_RECOVERY_CODE } from '../../../../db/crypto/keyring';
import { BackupJob } from '../../../../db/jobs/daily-backup';
import { runPackageJob } from '../../../../db/jobs/package-job';
import { DATA_FILE } from '../../../../db/package/package';
import type { ModuleName } from '../../../../shared/modules';
import { IntegrityCheck } from '../../../../db/jobs/integrity';
import { encryptOpenLedger, removeAccountSecret, renewHostRecoveryCode, setAccountSecret } from '../../../../db/crypto/host';
import { type Ledger, openLedger } from '../../../../db/open';
import { closeHost, contextFor, createHost, invoke, invokeAsync } from '../../../../db/router';
import { makeIdNumber, previousVersionMigrations, tempDir, type TestLedger, TODAY, withADispute } from '../../../helpers/test-db';
import type { Method } from '../../../../shared/contract';

const FAST = { kdf: { name: 'scrypt' as const, N: 2 ** 10, r: 8, p: 1 } };
const ADMIN = { account: 'admin', label: '管理员', password: '管理员的密码 2024' };
const NAME = '欧阳明月';
const ID = makeIdNumber('110101', '1980-05-17', '123');
const clock = fixedClock(TODAY);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** No byte run of the plaintext anywhere in the file (UTF-8 name, ID number, SQLite's header). */
function expectNoPlaintext(path: string): void {
  const bytes = readFileSync(path);
  expect(bytes.length).toBeGreaterThan(0);
  for (const known of [NAME, ID, 'SQLite format 3', 'CREATE TABLE'])
    expect(bytes.includes(Buffer.from(known)), `${path} contains ${known}`).toBe(false);
}

function expectNotADatabase(path: string): void {
  const db = new Database(path, { readonly: true });
  try {
    expect(() => db.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/file is not a database/);
  } finally {
    db.close();
  }
  if (existsSync('/usr/bin/sqlite3')) {
    let said = '';
    try {
      said = execFileSync('/usr/bin/sqlite3', [path, 'SELECT count(*) FROM sqlite_master;'], { encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      said = String((e as { stderr?: string }).stderr);
    }
    expect(said).toMatch(/file is not a database/);
  }
}

/** A set-up ledger holding one person with a name and an ID number, and a dispute between two others. */
function fill(ledger: Ledger): void {
  const host = createHost(ledger, { clock, log: () => {} });
  const call = ((method: Method, input: unknown) => {
    const r = invoke(host, method, input as never);
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }) as TestLedger['call'];
  call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解', operatorPost: '调委会主任' });
  call('persons.create', { name: NAME, idNumber: ID });
  withADispute({ call });
}

async function encryptedLedger(): Promise<{ path: string; ledger: Ledger; recoveryCode: string }> {
  const path = join(tempDir(), 'ledger.db');
  const { ledger, recoveryCode } = await createEncryptedLedger(path, { admin: ADMIN, ...FAST, open: { clock } });
  fill(ledger);
  return { path, ledger, recoveryCode };
}

describe('an encrypted ledger', () => {
  it('keeps its file and write-ahead log unreadable; unlocks with the password or the recovery code', async () => {
    const { path, ledger, recoveryCode } = await encryptedLedger();
    expect(ledger.encrypted).toBe(true);
    // Rows just written are in the write-ahead log, which must be as unreadable as the file.
    expect(readFileSync(`${path}-wal`).length).toBeGreaterThan(0);
    expectNoPlaintext(`${path}-wal`);
    ledger.close();
    expect(existsSync(`${path}-wal`) ? readFileSync(`${path}-wal`).length : 0).toBe(0);
    expectNoPlaintext(path);
    expectNotADatabase(path);
    expect(needsUnlock(path)).toBe(true);
    expect(() => openLedger(path)).toThrow(/已加密，请先输入密码或恢复码解锁/);

    const before = sha(path);
    await expect(unlockLedger(path, { account: 'admin' }, '不对的密码')).rejects.toThrow(WRONG_PASSWORD);
    await expect(unlockLedger(path, 'recovery', 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA')).rejects.toThrow(WRONG_RECOVERY_CODE);
    expect(() => openLedger(path, { key: Buffer.alloc(32, 7) })).toThrow(/密钥不对/);
    expect(sha(path)).toBe(before);
    expect(readKeyringText(path)).not.toContain(recoveryCode);

    for (const key of [
      await unlockLedger(path, { account: 'admin' }, ADMIN.password),
      await unlockLedger(path, 'recovery', recoveryCode),
    ]) {
      const again = openLedger(path, { key });
      expect(again.db.prepare('SELECT name FROM person WHERE id_number = ?').get(ID)).toEqual({ name: NAME });
      again.close();
    }
  });

  it('changes a password by rewrapping its slot: the ledger file is not written', async () => {
    const { path, ledger } = await encryptedLedger();
    ledger.close();
    const before = sha(path);
    const key = await unlockLedger(path, { account: 'admin' }, ADMIN.password);
    await setUnlockSecret(path, key, { account: 'admin' }, '新密码 2025', FAST);
    await setUnlockSecret(path, key, { account: 'li' }, '李四的密码', { ...FAST, label: '李四' });
    expect(sha(path)).toBe(before);
    await expect(unlockLedger(path, { account: 'admin' }, ADMIN.password)).rejects.toThrow(WRONG_PASSWORD);
    expect(await unlockLedger(path, { account: 'admin' }, '新密码 2025')).toEqual(key);
    expect(await unlockLedger(path, { account: 'li' }, '李四的密码')).toEqual(key);
  });

  it('writes encrypted backups, on its connection and in the backup worker, that verify and restore with the key', async () => {
    const { path, ledger } = await encryptedLedger();
    const own = writeBackup(ledger.db, { dbPath: path, reason: 'manual', clock });
    expectNoPlaintext(own.path);
    expectNotADatabase(own.path);
    expect(existsSync(keysPath(own.path))).toBe(true);
    const viaWorker = await new BackupJob({ path, today: TODAY, now: clock.now(), reason: 'manual', folder: tempDir() }).done;
    expectNoPlaintext(viaWorker.path);
    expect(viaWorker.manifest!.counts.find((c) => c.label === '纠纷')?.count ?? 1).toBeGreaterThan(0);
    expect(verifyEntry(viaWorker.path).check).toEqual({ state: 'ok', message: null });
    const verified = await new BackupJob({
      path,
      today: TODAY,
      now: clock.now(),
      reason: 'manual',
      verify: { file: own.path, knownMigrations: 999 },
    }).done;
    expect(verified.check.state).toBe('ok');
    // No backup leaves a plaintext temporary or journal behind.
    for (const dir of [backupFolder(path)]) for (const f of readdirSync(dir)) expect(f).not.toMatch(/tmp|journal/);

    let current = ledger;
    restoreLedger(current, viaWorker.path, { clock, adopt: (l) => (current = l) });
    expect(current.encrypted).toBe(true);
    expect(current.db.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 3 });
    current.close();
    expectNoPlaintext(path);
  });

  it('is restored from the window as a long job (verified and backed up in the backup worker), and stays encrypted', async () => {
    const { path, ledger } = await encryptedLedger();
    const backup = writeBackup(ledger.db, { dbPath: path, reason: 'manual', clock });
    const host = createHost(ledger, { clock, log: () => {} });
    expect(invoke(host, 'persons.create', { name: '王五' }).ok).toBe(true);
    const r = await invokeAsync(host, 'backups.restore', { path: backup.path });
    expect(r.ok).toBe(true);
    expect(host.ledger.encrypted).toBe(true);
    expect(host.ledger.db.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 3 });
    await closeHost(host);
    expectNoPlaintext(path);
    for (const f of readdirSync(backupFolder(path)).filter((n) => n.endsWith('.db'))) expectNoPlaintext(join(backupFolder(path), f));
  });

  it('is restored, keyring and all, from a backup carried away when its own keyring is lost', async () => {
    const { path, ledger, recoveryCode } = await encryptedLedger();
    const backup = writeBackup(ledger.db, { dbPath: path, reason: 'manual', clock });
    ledger.close();
    rmSync(keysPath(path));
    expect(() => openLedger(path)).toThrow(/旁边没有它的密钥文件/);
    // `ledger restore` unlocks the backup with its own keyring (electron/cli-crypto.ts), then restores.
    rememberKey(backup.path, await unlockLedger(backup.path, 'recovery', recoveryCode));
    const done = restoreUnopenable(path, backup.path, { clock });
    expect(done.ledger.encrypted).toBe(true);
    expect(done.ledger.db.prepare('SELECT name FROM person WHERE id_number = ?').get(ID)).toEqual({ name: NAME });
    done.ledger.close();
    forgetKey(backup.path);
    expect(await unlockLedger(path, { account: 'admin' }, ADMIN.password)).toHaveLength(32);
  });

  it('is upgraded by a newer app after an encrypted backup', async () => {
    const path = join(tempDir(), 'ledger.db');
    const older = previousVersionMigrations(tempDir());
    const made = await createEncryptedLedger(path, { admin: ADMIN, ...FAST, open: { clock, migrationsFolder: older } });
    made.ledger.close();
    const key = await unlockLedger(path, { account: 'admin' }, ADMIN.password);
    const upgraded = openLedger(path, { key, clock });
    expect(upgraded.migration.applied).toBeGreaterThan(0);
    upgraded.close();
    const before = upgraded.migration.backupPath!;
    expect(isEncryptedFile(before)).toBe(true);
    expectNotADatabase(before);
  });

  it('runs the background integrity check and an export snapshot on the encrypted file', async () => {
    const { path, ledger } = await encryptedLedger();
    const check = new IntegrityCheck(path, ledger.db, () => {});
    await check.whenDone();
    expect(check.current).toEqual({ state: 'ok', message: null });
    const host = createHost(ledger, { clock, log: () => {} });
    const r = await invokeAsync(host, 'disputes.exportLedger', {});
    expect(r.ok && r.value.fileName).toMatch(/xlsx$/);
    expect(contextFor(host).db.pragma('temp_store', { simple: true })).toBe(2);
    ledger.close();
  });
});

describe('the report package of an encrypted ledger', () => {
  it('is made in the package worker from the encrypted file, and leaves no temporary file beside the ledger or in the package', async () => {
    const { path, ledger } = await encryptedLedger();
    const folder = tempDir('stick-');
    const input = { period: '2024-06', modules: ['persons', 'disputes'] as ModuleName[], folder, password: '县里给的密码2024' };
    const made = await runPackageJob({ kind: 'make', path, today: TODAY, now: clock.now(), user: { id: null, name: '王调解' }, input });
    expect(made.path.startsWith(folder)).toBe(true);
    // The sealed records hold no plaintext name; only the .xlsx files people open are readable, by design.
    expectNoPlaintext(join(made.path, DATA_FILE));
    expect(readdirSync(folder).filter((f) => f.includes('tmp'))).toEqual([]);
    expect(readdirSync(join(path, '..')).filter((f) => f.includes('tmp'))).toEqual([]);
    ledger.close();
  });
});

describe('the host seam for first-run setup, the accounts and 设置', () => {
  it('encrypts the open ledger of a host that goes on answering, and keeps the keyring in step with the accounts', async () => {
    const path = join(tempDir(), 'ledger.db');
    const host = createHost(openLedger(path, { clock }), { clock, log: () => {}, background: true });
    fill(host.ledger);
    const { recoveryCode } = await encryptOpenLedger(host, ADMIN, FAST);
    expect(host.ledger.encrypted).toBe(true);
    const listed = invoke(host, 'persons.search', { q: NAME.slice(0, 2), limit: 5 });
    expect(listed.ok && listed.value.length).toBeGreaterThan(0);

    await setAccountSecret(host, 'li', '李四的密码', { ...FAST, label: '李四' });
    const key = await unlockLedger(path, { account: 'li' }, '李四的密码');
    removeAccountSecret(host, 'li');
    await expect(unlockLedger(path, { account: 'li' }, '李四的密码')).rejects.toThrow(/没有密钥槽/);
    const renewed = await renewHostRecoveryCode(host, FAST);
    await expect(unlockLedger(path, 'recovery', recoveryCode)).rejects.toThrow(WRONG_RECOVERY_CODE);
    expect(await unlockLedger(path, 'recovery', renewed!)).toEqual(key);
    await closeHost(host);
  });
});

function readKeyringText(path: string): string {
  return readFileSync(keysPath(path), 'utf8');
}

describe('converting a plain ledger', () => {
  async function plain(): Promise<{ path: string; ledger: Ledger }> {
    const path = join(tempDir(), 'ledger.db');
    const ledger = openLedger(path, { clock });
    fill(ledger);
    return { path, ledger };
  }

  it('takes a verified plain backup, then swaps in an encrypted copy that holds the same records', async () => {
    const { path, ledger } = await plain();
    let current = ledger;
    const steps: string[] = [];
    const done = await encryptLedger(ledger, { clock, admin: ADMIN, ...FAST, adopt: (l) => (current = l), onStep: (s) => steps.push(s) });
    expect(steps).toEqual(['正在备份（加密前的明文备份）', '正在写出加密的副本', '正在校验加密的副本', '正在替换账本文件']);
    expect(done.backup.manifest!.reason).toBe('before-encrypt');
    expect(isEncryptedFile(done.backup.path)).toBe(false);
    expect(current.encrypted).toBe(true);
    expect(current.db.prepare('SELECT name FROM person WHERE id_number = ?').get(ID)).toEqual({ name: NAME });
    current.close();
    expectNoPlaintext(path);
    expectNotADatabase(path);
    expect(readdirSync(join(path, '..')).filter((f) => f.includes('tmp'))).toEqual([]);
    const key = await unlockLedger(path, 'recovery', done.recoveryCode);
    const again = openLedger(path, { key });
    expect(again.db.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 3 });
    // The plain backup taken first restores into the encrypted ledger encrypted.
    let restored = again;
    restoreLedger(again, done.backup.path, { clock, adopt: (l) => (restored = l) });
    expect(restored.encrypted).toBe(true);
    restored.close();
    expectNoPlaintext(path);
  });

  for (const failAt of ['正在写出加密的副本', '正在校验加密的副本', '正在替换账本文件']) {
    it(`leaves the plain ledger as it was when it fails at “${failAt}”`, async () => {
      const { path, ledger } = await plain();
      ledger.close();
      const before = sha(path);
      let current = openLedger(path, { clock });
      await expect(
        encryptLedger(current, {
          clock,
          admin: ADMIN,
          ...FAST,
          adopt: (l) => (current = l),
          onStep: (s) => {
            if (s === failAt) throw new Error('磁盘出错（测试）');
          },
        }),
      ).rejects.toThrow(/磁盘出错（测试）/);
      expect(current.encrypted).toBe(false);
      expect(current.db.prepare('SELECT count(*) AS n FROM person').get()).toEqual({ n: 3 });
      current.close();
      expect(sha(path)).toBe(before);
      expect(isEncryptedFile(path)).toBe(false);
      expect(existsSync(keysPath(path))).toBe(false);
      expect(readdirSync(join(path, '..')).filter((f) => f.includes('tmp'))).toEqual([]);
      // The verified plain backup taken first is kept (by the backup rules).
      expect(listBackupFiles(backupFolder(path)).map((b) => b.manifest?.reason)).toContain('before-encrypt');
    });
  }

  it('refuses an encrypted ledger, and forgets a key that did not open the file', async () => {
    const { path, ledger } = await encryptedLedger();
    await expect(encryptLedger(ledger, { clock, admin: ADMIN, ...FAST, adopt: () => {} })).rejects.toThrow(/账本已经加密/);
    ledger.close();
    forgetKey(path);
    expect(() => openLedger(path, { key: Buffer.alloc(32, 1) })).toThrow(/密钥不对/);
    expect(() => openLedger(path)).toThrow(/请先输入密码或恢复码解锁/);
  });
});
