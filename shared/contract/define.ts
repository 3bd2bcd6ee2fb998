import type { z } from 'zod';

/** A method of the API: its input schema (validated on the host) and, as a type only, its output. */
export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /**
   * The input schema as of a day, for inputs whose dates cannot lie after today (shared/schemas/common.ts,
   * `asOf`): the host validates with its clock's today, the form with the window's.
   */
  asOf?: (today: string) => I;
  /**
   * A long job (exports, backups): the caller may add `jobId` (an id of its own) beside the input to follow
   * it with jobs.progress and stop it with jobs.cancel (shared/schemas/jobs.ts).
   */
  job?: true;
  /** Phantom: never set, carries the output type. */
  readonly output?: O;
}

export const method =
  <O>() =>
  <I extends z.ZodType>(input: I, asOf?: (today: string) => I): MethodDef<I, O> =>
    asOf ? { input, asOf } : { input };

/** A method that runs as a long job (MethodDef.job). */
export const job =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input, job: true });
