/**
 * The same zod schema validates a form here and the input again on the host. These helpers turn
 * zod issues, and the host's per-field messages, into Mantine form errors.
 */
import type { UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { ApiError } from '../api/client';

export function zodErrors(schema: z.ZodType, values: unknown): Record<string, string> {
  const r = schema.safeParse(values);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.join('.') || '_';
    out[key] ??= issue.message;
  }
  return out;
}

/** Puts the host's field messages on the form; returns true when at least one field was named. */
export function applyServerErrors<T>(form: UseFormReturnType<T>, e: unknown): boolean {
  if (!(e instanceof ApiError) || !e.wire.fields) return false;
  form.setErrors(e.wire.fields);
  return Object.keys(e.wire.fields).length > 0;
}

/** Blank strings become undefined, numbers typed as '' become null: what the schemas expect. */
export function blankToNull<T extends Record<string, unknown>>(values: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = v === '' ? null : v;
  return out as T;
}
