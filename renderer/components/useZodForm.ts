/**
 * A Mantine form validated by the same zod schema the host uses (shared/schemas), so a message
 * shown at a field is the one the host would give; a schema whose dates cannot lie after today is
 * given as of the window's today (its `…AsOf`), so a future date shows with the other errors at once.
 * `toInput` turns the form's values into the
 * schema's input (e.g. '' → null for numbers, dropping empty rows); issue paths are mapped to
 * form paths as-is ('parties.0.personId' stays nested), or through `toFormPath` when `toInput`
 * reshapes lists (drops empty rows, so input row 1 may be form row 3). `applyServerErrors` puts the
 * host's per-field messages (ApiError.wire.fields) back on the same fields.
 */
import { useForm, type UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';
import { ApiError } from '../api/client';
import { todayLocal } from './today';

export function zodErrors(schema: z.ZodType, values: unknown): Record<string, string> {
  const r = schema.safeParse(values);
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const issue of r.error.issues) {
    const key = issue.path.map(String).join('.') || '_form';
    out[key] ??= issue.message;
  }
  return out;
}

/** Puts the host's field messages on the form; returns true when at least one field was named. */
export function applyServerErrors<T>(form: UseFormReturnType<T>, e: unknown, toFormPath?: (path: string, values: T) => string): boolean {
  if (!(e instanceof ApiError) || !e.wire.fields) return false;
  const fields = e.wire.fields;
  if (Object.keys(fields).length === 0) return false;
  const values = form.getValues();
  form.setErrors(toFormPath ? Object.fromEntries(Object.entries(fields).map(([k, m]) => [toFormPath(k, values), m])) : fields);
  return true;
}

export interface ZodFormOptions<V> {
  /** The input's schema, or the schema as of a day (shared/schemas/common.ts, `asOf`). */
  schema: z.ZodType | ((today: string) => z.ZodType);
  initialValues: V;
  /** From form values to what the schema (and the API) takes; identity when omitted. */
  toInput?: (values: V) => unknown;
  /** From an input issue path back to the form field it came from; identity when omitted. */
  toFormPath?: (path: string, values: V) => string;
}

// biome-ignore lint/suspicious/noExplicitAny: the constraint is Mantine's own (useForm<Values extends Record<string, any>>).
export function useZodForm<V extends Record<string, any>>({
  schema,
  initialValues,
  toInput,
  toFormPath,
}: ZodFormOptions<V>): UseFormReturnType<V> {
  return useForm<V>({
    initialValues,
    validate: (v) => {
      const errors = zodErrors(typeof schema === 'function' ? schema(todayLocal()) : schema, toInput ? toInput(v) : v);
      return toFormPath ? Object.fromEntries(Object.entries(errors).map(([k, m]) => [toFormPath(k, v), m])) : errors;
    },
  });
}

/** A Select's props for a text field of a form, '' standing for nothing chosen (Mantine's Select speaks null). */
// biome-ignore lint/suspicious/noExplicitAny: the same bound as useZodForm's values
export function selectProps<V extends Record<string, any>>(form: UseFormReturnType<V>, field: keyof V & string) {
  return {
    ...form.getInputProps(field),
    value: (form.getValues()[field] as string) || null,
    onChange: (x: string | null) => form.setFieldValue(field, (x ?? '') as never),
  };
}
