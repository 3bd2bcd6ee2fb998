import type { z } from 'zod';

/** A method of the API: its input schema (validated on the host) and, as a type only, its output. */
export interface MethodDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: never set, carries the output type. */
  readonly output?: O;
}

export const method =
  <O>() =>
  <I extends z.ZodType>(input: I): MethodDef<I, O> => ({ input });
