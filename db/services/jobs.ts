/**
 * Long jobs the window follows (shared/schemas/jobs.ts): the router gives a call its caller named a
 * handle in its context (`ctx.job`); the work reports how far it has got and checks, between steps,
 * whether it was asked to stop. Stopping is always at a step where nothing has been written yet, or
 * where what was written is removed, so a cancelled job leaves the ledger and the disk as they were.
 */
import { LedgerError } from '../../shared/errors';
import type { JobProgress } from '../../shared/schemas/jobs';
import type { ServiceContext } from '../context';

export interface JobHandle {
  readonly signal: AbortSignal;
  report(phase: string, done?: number, total?: number | null): void;
}

interface Running {
  controller: AbortController;
  progress: JobProgress;
}

/** The host's running jobs, by the id their callers gave them. */
export class Jobs {
  private readonly running = new Map<string, Running>();

  start(id: string): JobHandle {
    if (this.running.has(id)) throw new LedgerError('CONFLICT', '该操作已在进行中。');
    const entry: Running = {
      controller: new AbortController(),
      progress: { id, phase: '正在准备', done: 0, total: null, cancelling: false },
    };
    this.running.set(id, entry);
    return {
      signal: entry.controller.signal,
      report(phase, done = 0, total = null) {
        entry.progress = { ...entry.progress, phase, done, total };
      },
    };
  }

  end(id: string): void {
    this.running.delete(id);
  }

  progress(id: string): JobProgress | null {
    return this.running.get(id)?.progress ?? null;
  }

  cancel(id: string): boolean {
    const entry = this.running.get(id);
    if (!entry) return false;
    entry.progress = { ...entry.progress, cancelling: true };
    entry.controller.abort();
    return true;
  }
}

/** Between two steps of a long job: stops it if its caller cancelled it. */
export function checkCancelled(ctx: Pick<ServiceContext, 'job'>): void {
  if (ctx.job?.signal.aborted) throw new LedgerError('CANCELLED');
}
