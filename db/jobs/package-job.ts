/**
 * 上报包 work in a worker thread (package-worker.ts), on a connection of its own (RELIABILITY G7): making a
 * package (every ledger exported and read back, the key derived with scrypt, the folder verified) and
 * receiving one (verified in full, then many thousand rows written) take seconds on a large ledger, and
 * the window answers meanwhile.
 */
import type { Actor } from '../context';
import { type ErrorCode, LedgerError } from '../../shared/errors';
import type { z } from 'zod';
import type { ReceiveResult, ReportPackageInput, ReportPackageResult } from '../../shared/schemas/county';
import { spawnWorker } from './spawn';

export type PackageJobData = { path: string; today: string; now: string; user: Actor } & (
  | { kind: 'make'; input: z.output<typeof ReportPackageInput> }
  | { kind: 'receive'; input: { folder: string; password: string } }
);

export type PackageJobMessage =
  | { type: 'done'; result: ReportPackageResult | ReceiveResult }
  | { type: 'error'; code: ErrorCode; message: string; fields?: Record<string, string> };

export function runPackageJob(data: PackageJobData & { kind: 'make' }): Promise<ReportPackageResult>;
export function runPackageJob(data: PackageJobData & { kind: 'receive' }): Promise<ReceiveResult>;
export function runPackageJob(data: PackageJobData): Promise<ReportPackageResult | ReceiveResult> {
  const worker = spawnWorker('package-worker', data);
  return new Promise((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: PackageJobMessage) => {
      settled = true;
      if (m.type === 'done') resolve(m.result);
      else reject(new LedgerError(m.code, m.message, m.fields ? { fields: m.fields } : {}));
    });
    worker.on('error', (e) => {
      settled = true;
      reject(e);
    });
    worker.on('exit', () => {
      if (!settled)
        reject(new LedgerError('WRITE_FAILED', data.kind === 'make' ? '上报包未写成：已中止。' : '上报包未接收：已中止，未写入任何内容。'));
    });
  });
}
