/**
 * 导入旧台账 in the app (db/jobs/import-job.ts): the check and the import run in a worker thread while the
 * host keeps answering, say how far they are (import.progress), hand back the report, and a second one
 * is refused while one runs; an error thrown in the worker comes back as the same LedgerError.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../db/context';
import { openLedger } from '../../../../db/open';
import { closeHost, createHost, dispatch, dispatchAsync } from '../../../../db/router';
import type { Input } from '../../../../shared/contract';
import type { ImportProgress, ImportResult, ImportTable } from '../../../../shared/schemas/import';
import { openTestLedger } from '../../../helpers/test-db';
import { newId } from '../../../../db/ids';
import type { JobProgress } from '../../../../shared/schemas/jobs';

function ledgerFile(): string {
  const t = openTestLedger();
  t.ledger.close();
  return t.path;
}

const ROWS = 600;
const csv = ['序号,登记日期,纠纷类型,申请人,被申请人,调处结果,办结日期']
  .concat(
    Array.from(
      { length: ROWS },
      (_, i) => `${i + 1},2020-03-${String(1 + (i % 28)).padStart(2, '0')},邻里纠纷,甲${i},乙${i},化解,2020-04-01`,
    ),
  )
  .join('\n');

describe('import in a worker thread', () => {
  it('runs the check and the import beside the host, with their progress, and refuses a second meanwhile', async () => {
    const host = createHost(openLedger(ledgerFile()), { clock: fixedClock('2024-06-15'), log: () => {}, background: true });
    try {
      const read = await dispatchAsync(host, 'import.read', {
        module: 'disputes',
        fileName: '旧.csv',
        base64: Buffer.from(csv).toString('base64'),
      });
      if (!read.ok) throw new Error(read.error.message);
      const table = read.value as ImportTable;
      const input: Input<'import.run'> = {
        module: 'disputes',
        fileName: table.fileName,
        headers: table.headers,
        mapping: table.mapping,
        rows: table.rows,
      };

      const seen: (ImportProgress | null)[] = [];
      const poll = setInterval(() => {
        const p = dispatch(host, 'import.progress', {});
        if (p.ok) seen.push(p.value as ImportProgress | null);
      }, 20);
      const running = dispatchAsync(host, 'import.run', input);
      // While it runs, the host answers, and a second import is refused.
      const second = await dispatchAsync(host, 'import.check', input);
      expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      const done = await running;
      clearInterval(poll);
      if (!done.ok) throw new Error(done.error.message);
      expect((done.value as ImportResult).imported).toBe(ROWS);
      expect(seen.some((p) => p !== null && p.kind === 'run' && p.total === ROWS)).toBe(true);
      expect(dispatch(host, 'import.progress', {})).toMatchObject({ ok: true, value: null });
      expect(dispatch(host, 'disputes.list', {})).toMatchObject({ ok: true, value: { total: ROWS } });

      // The same file again: every row is already there; an import of it with a row in error is refused as on the main thread.
      const again = await dispatchAsync(host, 'import.run', {
        ...input,
        rows: [{ row: 9999, cells: ['x', '不是日期', '邻里纠纷', '甲', '乙', '', ''] }],
      });
      expect(again).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('有错误') } });
    } finally {
      await closeHost(host);
    }
  });

  it('follows an import as a long job: its rows counted, and 取消 leaves nothing imported', async () => {
    const host = createHost(openLedger(ledgerFile()), { clock: fixedClock('2024-06-15'), log: () => {}, background: true });
    try {
      const read = await dispatchAsync(host, 'import.read', {
        module: 'disputes',
        fileName: '旧.csv',
        base64: Buffer.from(csv).toString('base64'),
      });
      if (!read.ok) throw new Error(read.error.message);
      const table = read.value as ImportTable;
      const input = { module: 'disputes', fileName: table.fileName, headers: table.headers, mapping: table.mapping, rows: table.rows };

      const id = newId();
      const checking = dispatchAsync(host, 'import.check', { ...input, jobId: id });
      const phases = new Set<string>();
      for (let p = dispatch(host, 'jobs.progress', { id }); p.ok && p.value; p = dispatch(host, 'jobs.progress', { id })) {
        phases.add((p.value as JobProgress).phase);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(await checking).toMatchObject({ ok: true });
      expect([...phases].some((p) => /^正在检查第 [\d,]+ 行，共 600 行$/.test(p))).toBe(true);

      const cancelled = newId();
      const importing = dispatchAsync(host, 'import.run', { ...input, jobId: cancelled });
      expect(dispatch(host, 'jobs.cancel', { id: cancelled })).toMatchObject({ ok: true, value: true });
      expect(await importing).toMatchObject({
        ok: false,
        error: { code: 'CANCELLED', message: '已取消导入，没有导入任何记录，账本未作任何改动。' },
      });
      expect(dispatch(host, 'disputes.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
      expect(dispatch(host, 'import.batches', {})).toMatchObject({ ok: true, value: [] });
    } finally {
      await closeHost(host);
    }
  });
});
