/**
 * 上报包 work in a worker thread (package-worker.ts), on a connection of its own (RELIABILITY G7): making a
 * package (every ledger exported and read back, the key derived with scrypt, the folder verified) and
 * receiving one (verified in full, then many thousand rows written) take seconds on a large ledger, and
 * the window answers meanwhile.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '../context';
import { type ErrorCode, LedgerError } from '../../shared/errors';
import type { z } from 'zod';
import type { ReceiveResult, ReportPackageInput, ReportPackageResult } from '../../shared/schemas/county';
import { spawnWorker } from './spawn';
import type { JobHandle } from '../services/jobs';

/** What a package write of this process stopped mid-way left in the destination (`*.tmp-<pid>`). */
function removeOwnTemps(folder: string): void {
  try {
    for (const name of readdirSync(folder))
      if (name.endsWith(`.tmp-${process.pid}`)) rmSync(join(folder, name), { recursive: true, force: true });
  } catch {
    /* the stick was pulled: nothing left to remove there */
  }
}

export type PackageJobData = { path: string; today: string; now: string; user: Actor } & (
  | { kind: 'make'; input: z.output<typeof ReportPackageInput> }
  | { kind: 'receive'; input: { folder: string; password: string } }
);

export type PackageJobMessage =
  | { type: 'done'; result: ReportPackageResult | ReceiveResult }
  /** How far it has got (the window's progress bar: db/services/jobs.ts). */
  | { type: 'step'; phase: string; done: number; total: number | null }
  | { type: 'error'; code: ErrorCode; message: string; fields?: Record<string, string> };

export function runPackageJob(data: PackageJobData & { kind: 'make' }, handle?: JobHandle): Promise<ReportPackageResult>;
export function runPackageJob(data: PackageJobData & { kind: 'receive' }, handle?: JobHandle): Promise<ReceiveResult>;
export function runPackageJob(data: PackageJobData, handle?: JobHandle): Promise<ReportPackageResult | ReceiveResult> {
  const worker = spawnWorker('package-worker', data);
  let cancelled = false;
  // 取消: the worker stopped where it is. A package half written is only a temporary folder (removed below);
  // a package half received is a transaction never committed.
  handle?.signal.addEventListener(
    'abort',
    () => {
      cancelled = true;
      void worker.terminate();
    },
    { once: true },
  );
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: PackageJobMessage) => {
      if (m.type === 'step') return handle?.report(m.phase, m.done, m.total);
      settled = true;
      if (m.type === 'done') resolve(m.result);
      else reject(new LedgerError(m.code, m.message, m.fields ? { fields: m.fields } : {}));
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', () => {
      if (settled) return;
      if (data.kind === 'make') removeOwnTemps(data.input.folder);
      if (cancelled)
        reject(
          new LedgerError(
            'CANCELLED',
            data.kind === 'make' ? '已取消，没有写出上报包，账本未作任何改动。' : '已取消，上报包未接收，未写入任何内容。',
          ),
        );
      else
        reject(new LedgerError('WRITE_FAILED', data.kind === 'make' ? '上报包未写成：已中止。' : '上报包未接收：已中止，未写入任何内容。'));
    });
  });
}
