/** Long calls the window follows: progress while they run, 取消 that leaves the ledger and the disk as they were. */
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFolder } from '../../../../db/backup/backup';
import { newId } from '../../../../db/ids';
import { dispatchAsync } from '../../../../db/router';
import type { JobProgress } from '../../../../shared/schemas/jobs';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
const N = 2_345;

beforeEach(() => {
  t = openTestLedger();
  t.ledger.db
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO dispute (id, case_no, case_year, case_seq, intake_date, source, category, summary, status, parties_text, created_at, updated_at)
       SELECT printf('bulk%022d', i), printf('批量%d', i), 2024, i, '2024-06-01', 'visit', '02', '批量', 'registered', '', '', '' FROM n`,
    )
    .run(N);
});
afterEach(() => t.close());

const exports = () => t.ledger.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get() as { n: number };
const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('a long call named by its caller', () => {
  it('reports how far it has got while it runs, and is forgotten when it ends', async () => {
    const id = newId();
    const running = dispatchAsync(t.host, 'disputes.exportLedger', { jobId: id });
    const seen: JobProgress[] = [];
    for (let p = t.call('jobs.progress', { id }); p; p = t.call('jobs.progress', { id })) {
      seen.push(p);
      await turn();
    }
    expect(await running).toMatchObject({ ok: true });
    const counted = seen.filter((p) => p.total === N);
    expect(counted.length).toBeGreaterThan(1);
    expect(counted.map((p) => p.done)).toEqual([...counted.map((p) => p.done)].sort((a, b) => a - b));
    expect(counted.at(-1)!.phase).toMatch(/^正在写出第 [\d,]+ 行，共 2,345 行$/);
    expect(t.call('jobs.progress', { id })).toBeNull();
    expect(t.call('jobs.cancel', { id })).toBe(false);
  });

  it('stops an export when cancelled: CANCELLED, no file, no audit line of an export', async () => {
    const id = newId();
    const before = exports().n;
    const running = dispatchAsync(t.host, 'disputes.exportLedger', { jobId: id });
    expect(t.call('jobs.cancel', { id })).toBe(true);
    expect(t.call('jobs.progress', { id })).toMatchObject({ cancelling: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: '已取消，账本未作任何改动。' } });
    expect(exports().n).toBe(before);
    expect(t.call('jobs.progress', { id })).toBeNull();
  });

  it('stops 立即备份 when cancelled and leaves no file behind, finished or not', async () => {
    const id = newId();
    const running = dispatchAsync(t.host, 'backups.create', { jobId: id });
    expect(t.call('jobs.cancel', { id })).toBe(true);
    const r = await running;
    // The worker may have finished before it was stopped; then the backup is whole and listed.
    if (r.ok) expect(t.call('backups.list', {}).backups).toHaveLength(1);
    else {
      expect(r.error).toMatchObject({ code: 'CANCELLED' });
      const folder = backupFolder(t.path);
      expect(existsSync(folder) ? readdirSync(folder) : []).toEqual([]);
    }
  });

  it('refuses a malformed job id, and a job id on a method that is no long job', async () => {
    expect(await dispatchAsync(t.host, 'disputes.exportLedger', { jobId: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await dispatchAsync(t.host, 'disputes.list', { jobId: newId() })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const id = newId();
    const first = dispatchAsync(t.host, 'disputes.exportLedger', { jobId: id });
    expect(await dispatchAsync(t.host, 'disputes.exportLedger', { jobId: id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await first).toMatchObject({ ok: true });
  });
});
