/**
 * 导入旧台账 in a worker thread (RELIABILITY G7): checking or importing 10,000 rows takes seconds of
 * synchronous SQLite work, which on the main thread would freeze the window and every other call. The
 * worker opens a connection of its own, runs the same service (db/services/imports.ts) with the host's
 * clock and operator, takes the backup on that connection before a real import, and hands back the
 * report, or the LedgerError as it was thrown.
 */
import { LedgerError, type ErrorCode, type FieldErrors } from '../../shared/errors';
import type { ImportProgress, ImportReport, ImportResult } from '../../shared/schemas/import';
import type { ImportCheckInput, ImportRunInput } from '../../shared/schemas/import';
import type { z } from 'zod';
import type { Actor } from '../context';
import { spawnWorker } from './spawn';
import type { JobHandle } from '../services/jobs';

export type ImportJobData = { path: string; today: string; now: string; user: Actor } & (
  | { kind: 'check'; input: z.output<typeof ImportCheckInput> }
  | { kind: 'run'; input: z.output<typeof ImportRunInput> }
);

export type ImportJobMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: ImportReport | ImportResult }
  | { type: 'error'; code: ErrorCode | null; message: string; fields?: FieldErrors; details?: Record<string, string> };

/** The job running now, and how far it is (the window asks while it waits: import.progress). */
export interface ImportJobs {
  running: ImportProgress | null;
}

export function runImportJob(
  jobs: ImportJobs,
  data: ImportJobData & { kind: 'check' },
  handle?: JobHandle,
  committed?: () => number,
): Promise<ImportReport>;
export function runImportJob(
  jobs: ImportJobs,
  data: ImportJobData & { kind: 'run' },
  handle?: JobHandle,
  committed?: () => number,
): Promise<ImportResult>;
/**
 * `handle`: the caller's job (db/services/jobs.ts), told each step and stopped by ending the worker: a check
 * writes nothing, an import not yet committed is rolled back with its connection. `committed` counts the
 * import batches in the ledger, so that an import that committed just before it was stopped says so.
 */
export function runImportJob(
  jobs: ImportJobs,
  data: ImportJobData,
  handle?: JobHandle,
  committed?: () => number,
): Promise<ImportReport | ImportResult> {
  if (jobs.running) throw new LedgerError('CONFLICT', '上一次导入或检查还没有完成，请稍候再试。');
  jobs.running = { kind: data.kind, done: 0, total: data.input.rows.length };
  const verb = data.kind === 'check' ? '检查' : data.input.dryRun ? '试导入' : '导入';
  const batchesBefore = committed?.() ?? 0;
  const job = new Promise<ImportReport | ImportResult>((resolve, reject) => {
    const worker = spawnWorker('import-worker', data);
    let settled = false;
    let cancelled = false;
    handle?.signal.addEventListener(
      'abort',
      () => {
        cancelled = true;
        void worker.terminate();
      },
      { once: true },
    );
    worker.on('message', (m: ImportJobMessage) => {
      if (m.type === 'progress') {
        jobs.running = { kind: data.kind, done: m.done, total: m.total };
        handle?.report(`正在${verb}第 ${m.done.toLocaleString('zh-CN')} 行，共 ${m.total.toLocaleString('zh-CN')} 行`, m.done, m.total);
        return;
      }
      settled = true;
      if (m.type === 'done') resolve(m.result);
      else if (m.code) reject(new LedgerError(m.code, m.message, { fields: m.fields, details: m.details }));
      else reject(new Error(m.message));
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', (code) => {
      if (settled) return;
      if (!cancelled) reject(new Error(`导入的工作线程意外退出（${code}）`));
      else if (data.kind === 'run' && !data.input.dryRun && (committed?.() ?? 0) > batchesBefore)
        reject(new LedgerError('CONFLICT', '取消时导入已经完成，记录已写入；如不需要，可在“导入记录”中撤销导入。'));
      else reject(new LedgerError('CANCELLED', `已取消${verb}，没有导入任何记录，账本未作任何改动。`));
    });
  });
  return job.finally(() => {
    jobs.running = null;
  });
}
