/**
 * Long jobs the window follows (exports, backups, verification): the caller names the call with an id of
 * its own (`jobId` beside the method's input, for methods the contract marks `job`), asks how far it
 * has got while it waits, and may cancel it. A cancelled job leaves the ledger as it was.
 */
import { z } from 'zod';
import { Id } from './common';

export const JobInput = z.strictObject({ id: Id });

export interface JobProgress {
  id: string;
  /** What it is doing now, in words (正在读取第 3,000 行 …). */
  phase: string;
  /** Steps done of `total`; total null when the step cannot be counted (a VACUUM INTO). */
  done: number;
  total: number | null;
  /** 取消 was asked for and the job has not stopped yet. */
  cancelling: boolean;
}
