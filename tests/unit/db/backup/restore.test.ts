/**
 * Restore and 撤销恢复 through the host (RELIABILITY T6, T19): the open ledger swapped in place after a
 * safety backup, and back; a refused backup leaves the live file as it was (its hash unchanged). Also the
 * day's first backup in the background, the backup on exit, and pruning by the saved rules.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder, writeBackup } from '../../../../db/backup/backup';
import { pruneBackups } from '../../../../db/backup/store';
import { fixedClock } from '../../../../db/context';
import { openLedger } from '../../../../db/open';
import { newId } from '../../../../db/ids';
import { closeHost, createHost, dispatchAsync, invoke, invokeAsync, type Host } from '../../../../db/router';
import type { JobProgress } from '../../../../shared/schemas/jobs';
import type { Input, Method, Output } from '../../../../shared/contract';
import { addDays } from '../../../../shared/dates';
import { openTestLedger, previousVersionMigrations, tempDir, TODAY, type TestLedger } from '../../../helpers/test-db';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const hosts: Host[] = [];
afterEach(async () => {
  while (hosts.length) await closeHost(hosts.pop()!);
});

async function call<M extends Method>(host: Host, method: M, input: Input<M>): Promise<Output<M>> {
  const r = await invokeAsync(host, method, input);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

function ledger(): TestLedger {
  const t = openTestLedger();
  hosts.push(t.host);
  t.call('persons.create', { name: '张三' });
  return t;
}

const names = (host: Host) =>
  (host.ledger.db.prepare('SELECT name FROM person WHERE deleted_at IS NULL ORDER BY name').all() as { name: string }[]).map((r) => r.name);

describe('restore', () => {
  it('restores a backup (the record added since is gone), and 撤销恢复 brings it back', async () => {
    const t = ledger();
    const backup = await call(t.host, 'backups.create', {});
    expect(backup.check.state).toBe('ok');
    t.call('persons.create', { name: '李四' });
    expect(names(t.host)).toEqual(['张三', '李四'].sort());

    const preview = t.call('backups.preview', { path: backup.path });
    expect(preview.counts.find((c) => c.label === '人员')?.count).toBe(1);
    expect(preview).toMatchObject({ reason: 'manual', createdAt: `${TODAY}T08:00:00.000Z` });

    const restored = await call(t.host, 'backups.restore', { path: backup.path });
    expect(restored.path).toBe(backup.path);
    expect(names(t.host)).toEqual(['张三']);
    // The same host answers on the new file, and writes to it.
    expect(t.call('persons.list', {}).total).toBe(1);
    const list = t.call('backups.list', {});
    expect(list.undo).toMatchObject({ restoredFrom: backup.path });
    expect(list.backups.some((b) => b.path === list.undo!.safetyBackup && b.manifest?.reason === 'before-restore')).toBe(true);

    await call(t.host, 'backups.undoRestore', {});
    expect(names(t.host)).toEqual(['张三', '李四'].sort());
    expect(t.call('backups.list', {}).undo).toBeNull();
    // Nothing is left beside the ledger but the ledger, its lock and the backup folder.
    expect(readdirSync(t.dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('refuses a damaged or foreign backup before anything is written: the live file is unchanged', async () => {
    const t = ledger();
    const backup = await call(t.host, 'backups.create', {});
    const bytes = readFileSync(backup.path);
    bytes[bytes.length - 100]! ^= 0x01;
    writeFileSync(backup.path, bytes);
    t.host.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha(t.path);
    const backupsBefore = readdirSync(backupFolder(t.path)).sort();

    const r = await invokeAsync(t.host, 'backups.restore', { path: backup.path });
    expect(r).toMatchObject({ ok: false, error: { code: 'DB_CORRUPT', message: expect.stringMatching(/校验值（SHA-256）不符/) } });
    const foreign = join(t.dir, 'other.txt');
    writeFileSync(foreign, 'hello');
    expect(await invokeAsync(t.host, 'backups.restore', { path: foreign })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/这不是账本备份文件/) },
    });
    expect(await invokeAsync(t.host, 'backups.restore', { path: join(t.dir, 'none.db') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(sha(t.path)).toBe(before);
    // No safety backup either: nothing was started.
    expect(readdirSync(backupFolder(t.path)).sort()).toEqual(backupsBefore);
    expect(names(t.host)).toEqual(['张三']);
    expect(t.call('backups.list', {}).undo).toBeNull();
  });

  it('clears what a killed restore or upgrade left beside the ledger, and nothing of anyone else’s', async () => {
    const t = ledger();
    const backup = await call(t.host, 'backups.create', {});
    const leftovers = [`${t.path}.restore.tmp-999999999`, `${t.path}.before-migrate-20240101000000.bak.tmp-999999999`];
    const foreign = join(t.dir, 'report.xlsx.tmp-999999999');
    for (const f of [...leftovers, foreign]) writeFileSync(f, 'partial');
    await call(t.host, 'backups.restore', { path: backup.path });
    expect(leftovers.filter((f) => existsSync(f))).toEqual([]);
    expect(existsSync(foreign)).toBe(true);
  });

  it('says there is nothing to undo', async () => {
    const t = ledger();
    expect(await invokeAsync(t.host, 'backups.undoRestore', {})).toMatchObject({ ok: false, error: { message: '没有可以撤销的恢复。' } });
  });

  it('re-verifies a listed backup on demand and marks a damaged one', async () => {
    const t = ledger();
    const b = await call(t.host, 'backups.create', {});
    expect(t.call('backups.list', {}).backups[0]).toMatchObject({ path: b.path, check: { state: 'unchecked' } });
    expect((await call(t.host, 'backups.verify', { path: b.path })).check).toEqual({ state: 'ok', message: null });
    writeFileSync(b.path, readFileSync(b.path).subarray(0, 2048));
    expect((await call(t.host, 'backups.verify', { path: b.path })).check).toMatchObject({ state: 'damaged' });
  });

  it('writes to a folder the user names in a worker thread, refuses a missing one, and validates the path in Chinese', async () => {
    const t = ledger();
    const out = join(t.dir, 'U盘');
    expect(await invokeAsync(t.host, 'backups.create', { folder: out })).toMatchObject({
      ok: false,
      error: { code: 'WRITE_FAILED', message: expect.stringMatching(/目标位置不存在/) },
    });
    mkdirSync(out);
    const written = await call(t.host, 'backups.create', { folder: out });
    expect(written.path.startsWith(out)).toBe(true);
    expect(readdirSync(out)).toEqual([written.fileName, `${written.fileName}.json`]);
    // Never pruned: only the ledger's own folder is.
    t.call('backups.saveRules', { today: 1, days: 0, weeks: 0, months: 0, migrationDays: 0 });
    expect(existsSync(written.path)).toBe(true);
    expect(t.raw('backups.create', { folder: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringMatching(/请填写文件路径/) },
    });
  });
});

describe('a restore followed by the window (a long job)', () => {
  const turn = () => new Promise((resolve) => setImmediate(resolve));

  it('shows its three steps; a save made while the safety copy is written is in the safety copy 撤销恢复 brings back', async () => {
    const t = ledger();
    const backup = await call(t.host, 'backups.create', {});
    const id = newId();
    const restoring = dispatchAsync(t.host, 'backups.restore', { path: backup.path, jobId: id });
    const seen: JobProgress[] = [];
    let saved = false;
    for (let p = t.call('jobs.progress', { id }); p; p = t.call('jobs.progress', { id })) {
      if (seen.at(-1)?.phase !== p.phase) seen.push(p);
      // The user saves something while the current ledger is being copied.
      if (p.done === 1 && !saved) {
        t.call('persons.create', { name: '王五' });
        saved = true;
      }
      await turn();
    }
    expect(await restoring).toMatchObject({ ok: true });
    expect(saved).toBe(true);
    // The safety copy's own steps, counted as the second of three.
    expect(seen.filter((p) => p.done === 1 && p.total === 3).length).toBeGreaterThan(1);
    expect(names(t.host)).toEqual(['张三']);
    // One safety copy only (the first, written before the save, was replaced).
    const safety = t.call('backups.list', {}).backups.filter((b) => b.manifest?.reason === 'before-restore');
    expect(safety).toHaveLength(1);
    await call(t.host, 'backups.undoRestore', {});
    expect(names(t.host)).toEqual(['张三', '王五'].sort());
  });

  it('cancelled while the backup is checked: the ledger and the backup folder are as they were', async () => {
    const t = ledger();
    const backup = await call(t.host, 'backups.create', {});
    t.call('persons.create', { name: '李四' });
    const files = () => readdirSync(backupFolder(t.path)).sort();
    const before = files();
    const id = newId();
    const restoring = dispatchAsync(t.host, 'backups.restore', { path: backup.path, jobId: id });
    expect(t.call('jobs.cancel', { id })).toBe(true);
    expect(await restoring).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(names(t.host)).toEqual(['张三', '李四'].sort());
    expect(files()).toEqual(before);
    expect(t.call('backups.list', {}).undo).toBeNull();
  });
});

describe('automatic backups', () => {
  it('writes the day’s first backup in the background, once a day', async () => {
    const t = openTestLedger();
    const host = createHost(t.host.ledger, { clock: fixedClock(TODAY), log: () => {}, dailyBackup: true });
    await host.dailyBackup!.whenDone();
    expect(host.dailyBackup!.result).toMatchObject({ type: 'done' });
    const daily = readdirSync(backupFolder(t.path)).filter((f) => f.endsWith('-daily.db'));
    expect(daily).toHaveLength(1);
    const again = createHost(t.host.ledger, { clock: fixedClock(TODAY, '15:00:00'), log: () => {}, dailyBackup: true });
    await again.dailyBackup!.whenDone();
    expect(again.dailyBackup!.result).toBeNull();
    const tomorrow = createHost(t.host.ledger, { clock: fixedClock('2024-06-16'), log: () => {}, dailyBackup: true });
    await tomorrow.dailyBackup!.whenDone();
    expect(readdirSync(backupFolder(t.path)).filter((f) => f.endsWith('-daily.db'))).toHaveLength(2);
    t.ledger.close();
  });

  it('backs up on exit when the session changed something, not when it only read', async () => {
    const t = openTestLedger();
    const path = t.path;
    await closeHost(t.host, { exitBackup: true });
    // openTestLedger's first-run setup is a change.
    expect(readdirSync(backupFolder(path)).filter((f) => f.endsWith('-exit.db'))).toHaveLength(1);
    const reader = createHost(openLedger(path), { clock: fixedClock(TODAY), log: () => {} });
    invoke(reader, 'persons.list', {});
    await closeHost(reader, { exitBackup: true });
    expect(readdirSync(backupFolder(path)).filter((f) => f.endsWith('-exit.db'))).toHaveLength(1);
  });

  it('prunes the ledger’s folder by the saved rules, keeping the newest', () => {
    const t = ledger();
    for (let i = 0; i < 4; i++) writeBackup(t.host.ledger.db, { dbPath: t.path, reason: 'exit', clock: fixedClock(TODAY, `0${i}:00:00`) });
    expect(t.call('backups.list', {}).backups).toHaveLength(4);
    const rules = { today: 2, days: 14, weeks: 8, months: 12, migrationDays: 365 };
    expect(t.call('backups.saveRules', rules)).toEqual(rules);
    const left = t.call('backups.list', {});
    expect(left.rules).toEqual(rules);
    expect(left.backups.map((b) => b.manifest?.createdAt)).toEqual([`${TODAY}T03:00:00.000Z`, `${TODAY}T02:00:00.000Z`]);
    expect(existsSync(join(backupFolder(t.path), 'retention.json'))).toBe(true);
    expect(t.raw('backups.saveRules', { ...rules, today: 0 })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/当天保留份数至少为 1/) },
    });
  });
});

describe('a rotation and restore drill (RELIABILITY T19)', () => {
  it('keeps exactly what the rule says over 40 days of daily backups, and restores the 10th newest with its counts', async () => {
    const t = openTestLedger();
    hosts.push(t.host);
    const folder = backupFolder(t.path);
    let day = '2024-05-01';
    const kept: { day: string; persons: number }[] = [];
    for (let i = 0; i < 40; i++) {
      t.call('persons.create', { name: `人员${String(i).padStart(2, '0')}` });
      writeBackup(t.host.ledger.db, { dbPath: t.path, reason: 'daily', clock: fixedClock(day) });
      pruneBackups(folder, day);
      kept.push({ day, persons: i + 1 });
      day = addDays(day, 1);
    }
    const today = addDays(day, -1); // 2024-06-09, a Sunday
    const listed = t.call('backups.list', {}).backups;
    // Days 2024-05-26 … 06-09 (today and the 14 before it), then the newest of each earlier week (of Mondays 05-20, 05-13, 05-06 and 04-29).
    const expected = [
      '2024-05-05',
      '2024-05-12',
      '2024-05-19',
      '2024-05-25',
      ...Array.from({ length: 15 }, (_, i) => addDays('2024-05-26', i)),
    ].reverse();
    expect(today).toBe('2024-06-09');
    expect(listed.map((b) => b.manifest!.day)).toEqual(expected);

    const tenth = listed[9]!;
    const persons = kept.find((k) => k.day === tenth.manifest!.day)!.persons;
    expect(tenth.manifest!.counts.find((c) => c.label === '人员')!.count).toBe(persons);
    await call(t.host, 'backups.restore', { path: tenth.path });
    expect(t.call('persons.list', {}).total).toBe(persons);
    expect(t.host.ledger.db.pragma('integrity_check', { simple: true })).toBe('ok');
    // The ledger as it was is kept as the 恢复前 backup.
    const safety = t.call('backups.list', {}).undo!.safetyBackup;
    expect(t.call('backups.preview', { path: safety }).counts.find((c) => c.label === '人员')!.count).toBe(40);
  });
});

describe('the paths the page sends', () => {
  it('takes a full path only (a drive, a share or /), with the reason in Chinese', () => {
    const t = ledger();
    for (const path of ['台账备份', './x', '..\\x'])
      expect(t.raw('backups.verify', { path })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(/请填写完整的路径/) },
      });
    for (const path of ['E:\\台账备份\\a.db', 'e:/a.db', '\\\\server\\share\\a.db', '/media/u/a.db'])
      expect(t.raw('backups.verify', { path })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('a restore that cannot finish', () => {
  it.skipIf(process.getuid?.() !== 0)(
    '(a full disk while the backup is copied in) leaves the ledger as it was, open, with nothing half-written',
    async () => {
      // The ledger on a 2 MB file system of its own; the backup, elsewhere, larger than what is left there.
      const dir = join(tempDir(), 'small');
      mkdirSync(dir);
      try {
        execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
      } catch {
        return; // cannot mount here
      }
      try {
        const big = openTestLedger();
        big.host.ledger.db.prepare("INSERT INTO setting (key, value) VALUES ('ballast', ?)").run(JSON.stringify('x'.repeat(3_000_000)));
        const backup = writeBackup(big.host.ledger.db, { dbPath: big.path, reason: 'manual', clock: fixedClock(TODAY) });
        big.ledger.close();

        const path = join(dir, 'ledger.db');
        const host = createHost(openLedger(path), { clock: fixedClock(TODAY), log: () => {} });
        hosts.push(host);
        invoke(host, 'setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
        invoke(host, 'persons.create', { name: '张三' });
        const r = await invokeAsync(host, 'backups.restore', { path: backup.path });
        expect(r).toMatchObject({ ok: false, error: { code: 'WRITE_FAILED', message: expect.stringMatching(/恢复未完成：磁盘空间不足/) } });
        expect(names(host)).toEqual(['张三']);
        expect(host.ledger.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(readdirSync(dir).filter((f) => f.includes('tmp'))).toEqual([]);
        expect(invoke(host, 'persons.create', { name: '李四' })).toMatchObject({ ok: true });
        await closeHost(hosts.pop()!);
      } finally {
        execFileSync('umount', [dir]);
      }
    },
  );
});

describe('backups of other versions', () => {
  it('restores a backup written by the previous version: upgraded on reopening, after a backup of its own', async () => {
    const old = openTestLedger();
    const dir = join(old.dir, 'old');
    mkdirSync(dir);
    const oldPath = join(dir, 'ledger.db');
    const previous = openLedger(oldPath, { migrationsFolder: previousVersionMigrations(old.dir) });
    previous.db.prepare("INSERT INTO setting (key, value) VALUES ('probe', '\"kept\"')").run();
    const backup = writeBackup(previous.db, { dbPath: oldPath, reason: 'manual', clock: fixedClock(TODAY) });
    previous.close();
    old.ledger.close();

    const t = ledger();
    await call(t.host, 'backups.restore', { path: backup.path });
    expect(t.host.ledger.migration.applied).toBe(1);
    expect(t.host.ledger.db.prepare("SELECT value FROM setting WHERE key = 'probe'").get()).toEqual({ value: '"kept"' });
    expect(t.call('backups.list', {}).backups.some((b) => b.manifest?.reason === 'before-migration')).toBe(true);
  });

  it('refuses a backup written by a newer version, and changes nothing', async () => {
    const t = ledger();
    const backup = await call(t.host, 'backups.create', {});
    const newer = join(t.dir, 'newer.db');
    copyFileSync(backup.path, newer);
    const db = new Database(newer);
    db.prepare("INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 99999999999999)").run();
    db.close();
    t.host.ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    const before = sha(t.path);
    expect(await invokeAsync(t.host, 'backups.restore', { path: newer })).toMatchObject({
      ok: false,
      error: { code: 'DB_NEWER_THAN_APP', message: expect.stringMatching(/更高版本/) },
    });
    expect(sha(t.path)).toBe(before);
  });
});
