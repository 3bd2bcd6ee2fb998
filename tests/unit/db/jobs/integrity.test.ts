/**
 * A large ledger opens before its quick_check, which then runs in a real worker thread on the real file:
 * a sound file reports ok; a damaged one stops every save with a Chinese message while it can still be
 * read, and says so in the setup status every screen reads. A file that needs an upgrade is always
 * checked before anything is written.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../db/context';
import { generate } from '../../../../db/demo';
import { DAMAGED_MESSAGE } from '../../../../db/jobs/integrity';
import { openLedger } from '../../../../db/open';
import { closeHost, contextFor, createHost, dispatch } from '../../../../db/router';
import { openTestLedger, previousVersionMigrations, tempDir } from '../../../helpers/test-db';

/** A set-up ledger with a few hundred persons, closed; its path. */
function ledgerFile(): string {
  const t = openTestLedger();
  generate(t.ctx(), { persons: 600, disputes: 20, seed: 3 });
  t.ledger.close(); // the file stays (t.close() would remove its folder)
  return t.path;
}

/** Overwrites one leaf page of the persons' name-piece index with noise, as a failing disk might. */
function damage(path: string): void {
  const db = new Database(path, { readonly: true });
  const { pageno, pgsize } = db
    .prepare("SELECT pageno, pgsize FROM dbstat WHERE name = 'person_gram' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1")
    .get() as { pageno: number; pgsize: number };
  db.close();
  const fd = openSync(path, 'r+');
  writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (pageno - 1) * pgsize);
  closeSync(fd);
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const open = (path: string) => openLedger(path, { deferCheckAbove: 0 });

describe('the background check of a large ledger', () => {
  it('is only for a file at this version above the size; a smaller one, or one the app must upgrade, is checked first', () => {
    const path = ledgerFile();
    const small = openLedger(path, { deferCheckAbove: 1024 * 1024 * 1024 });
    expect(small.checkDeferred).toBe(false);
    small.close();
    const large = open(path);
    expect(large.checkDeferred).toBe(true);
    large.close();
    const plain = openLedger(path);
    expect(plain.checkDeferred).toBe(false);
    plain.close();
    // A file of the version before: checked before the upgrade writes anything
    const dir = tempDir();
    const older = join(dir, 'older.db');
    openLedger(older, { migrationsFolder: previousVersionMigrations(dir) }).close();
    const old = open(older);
    expect([old.checkDeferred, old.migration.applied]).toEqual([false, 1]);
    old.close();
  });

  it('reports a sound file as checked, and the window meanwhile answers', async () => {
    const path = ledgerFile();
    const host = createHost(open(path), { clock: fixedClock('2024-06-15'), log: () => {} });
    expect(dispatch(host, 'persons.search', { q: '王', limit: 20 })).toMatchObject({ ok: true });
    await host.integrity!.whenDone();
    expect(dispatch(host, 'setup.status', {})).toMatchObject({ ok: true, value: { integrity: { state: 'ok', message: null } } });
    expect(dispatch(host, 'villages.save', { name: '新村' })).toMatchObject({ ok: true });
    await closeHost(host);
  });

  it('stops every save of a damaged file with a Chinese message, keeps it readable, and leaves the file as it was', async () => {
    const path = ledgerFile();
    damage(path);
    const before = sha(path);
    expect(() => openLedger(path)).toThrow(/损坏/);
    const logged: string[] = [];
    const host = createHost(open(path), { clock: fixedClock('2024-06-15'), log: (l) => logged.push(l) });
    await host.integrity!.whenDone();
    expect(dispatch(host, 'setup.status', {})).toMatchObject({
      ok: true,
      value: { initialized: true, integrity: { state: 'damaged', message: DAMAGED_MESSAGE } },
    });
    expect(logged.join('\n')).toContain('账本文件后台检查发现损坏');
    const villages = (dispatch(host, 'villages.list', {}) as { ok: true; value: unknown[] }).value.length;
    expect(dispatch(host, 'villages.save', { name: '新村' })).toEqual({
      ok: false,
      error: { code: 'DB_CORRUPT', message: DAMAGED_MESSAGE },
    });
    expect((dispatch(host, 'villages.list', {}) as { ok: true; value: unknown[] }).value).toHaveLength(villages);
    expect(contextFor(host).db.pragma('query_only', { simple: true })).toBe(1);
    await closeHost(host);
    expect(sha(path)).toBe(before);
  });

  it('reports a check that could not run as not done, never as passed', async () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    openLedger(path).close();
    const ledger = open(path);
    // The file the worker would check is gone from under it (e.g. a removed USB stick)
    const host = createHost({ ...ledger, path: join(dir, 'missing.db') }, { clock: fixedClock('2024-06-15'), log: () => {} });
    await host.integrity!.whenDone();
    expect(dispatch(host, 'setup.status', {})).toMatchObject({ ok: true, value: { integrity: { state: 'not_checked' } } });
    await closeHost(host);
  });
});
