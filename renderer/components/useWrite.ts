/**
 * The one way the window writes. Every feature's mutations.ts builds its hooks on useWrite: it runs
 * the contract call, puts the result in the cache where a page shows it, refreshes every query the
 * write can change (and waits for them, so that what the user sees next is current), shows the
 * success notice and takes the form's values as saved (leaving it no longer asks: GuardedForm.tsx),
 * and on failure puts the host's field messages on the form (applyServerErrors, through
 * `toFormPath` when the form reshapes its rows) or shows the message. Components call the
 * features' hooks; only queries.ts and mutations.ts files call the API (biome.jsonc).
 */
import type { UseFormReturnType } from '@mantine/form';
import { useMutation, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { notifyError, notifySaved } from './notify';
import { applyServerErrors } from './useZodForm';

/** What a write can change: query-key prefixes, a function of what it wrote, or everything (setup, settings, a restore). */
export type Touches<I, R> = readonly QueryKey[] | ((result: R, input: I) => readonly QueryKey[]) | 'everything';

export interface WriteOptions<I, R> {
  touches: Touches<I, R>;
  /** Puts the result in the cache before the refresh (a record's page shows it at once). */
  put?: (qc: QueryClient, result: R, input: I) => void;
  /** The title of the success notice (已保存 when omitted). */
  successTitle?: string;
  /** The title of the failure notice (操作未完成 when omitted). */
  errorTitle?: string | ((input: I) => string);
  /** Sees a failure first (to remember who holds an ID number, say); the usual handling follows. */
  onError?: (e: unknown) => void;
}

/** The words of the success notice, or a function of the result (null: no notice). */
export type Notice<R> = string | ((result: R) => string | null);

export interface Write<I, R> {
  /**
   * Runs the write; the result, or null when it failed (already shown on the form or as a notice).
   * `saved` runs as soon as the host has saved, before the refresh (to empty an entry field at once).
   */
  run: (input: I, notice?: Notice<R>, saved?: (result: R) => void) => Promise<R | null>;
  saving: boolean;
}

async function refresh<I, R>(qc: QueryClient, touches: Touches<I, R>, result: R, input: I): Promise<void> {
  if (touches === 'everything') return qc.invalidateQueries();
  const keys = typeof touches === 'function' ? touches(result, input) : touches;
  await Promise.all(keys.map((queryKey) => qc.invalidateQueries({ queryKey })));
}

export function useWrite<I, R, F = unknown>(
  call: (input: I) => Promise<R>,
  options: WriteOptions<I, R>,
  form?: UseFormReturnType<F>,
  toFormPath?: (path: string, values: F) => string,
): Write<I, R> {
  const qc = useQueryClient();
  const mutation = useMutation({
    mutationFn: async ({ input, saved }: { input: I; saved?: (result: R) => void }) => {
      const result = await call(input);
      options.put?.(qc, result, input);
      saved?.(result);
      await refresh(qc, options.touches, result, input);
      return result;
    },
  });
  const run = async (input: I, notice?: Notice<R>, saved?: (result: R) => void): Promise<R | null> => {
    try {
      const result = await mutation.mutateAsync({ input, saved });
      form?.resetDirty();
      const text = typeof notice === 'function' ? notice(result) : notice;
      if (text) notifySaved(text, options.successTitle);
      return result;
    } catch (e) {
      options.onError?.(e);
      if (!form || !applyServerErrors(form, e, toFormPath)) {
        notifyError(e, typeof options.errorTitle === 'function' ? options.errorTitle(input) : options.errorTitle);
      }
      return null;
    }
  };
  return { run, saving: mutation.isPending };
}
