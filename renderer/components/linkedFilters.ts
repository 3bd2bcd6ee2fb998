/**
 * A ledger's filters carried by a link: the dashboard's counts open the dispute ledger on one
 * person's overdue disputes as `/disputes?overdue=1&staffId=…`. A switch is 1, a choice its value.
 * The page takes them into its own filters once, on arrival, before anything is asked of the host;
 * the link stays in the address, so that Back from a record returns to the same filtered ledger.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';

type Linkable = string | boolean | null;

/** The path of a ledger with the filters given (the empty and false ones left out). */
export function ledgerLink(route: string, filters: Record<string, Linkable>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, value === true ? '1' : value);
  const query = params.toString();
  return query ? `${route}?${query}` : route;
}

/**
 * Takes into the page's filters, through `patch`, those a link names among the keys of `defaults`
 * whose values are a switch, a choice or a text (never a list). Call it right after useLedger.
 */
export function useLinkedFilters<F extends object>(defaults: F, patch: (p: Partial<F>) => void): void {
  const [params] = useSearchParams();
  const link = params.toString();
  const [taken, setTaken] = useState('');
  if (link === taken) return;
  // While rendering, so that the first question to the host already has them (React renders again at once).
  setTaken(link);
  const linked: Partial<F> = {};
  for (const key of Object.keys(defaults) as (keyof F & string)[]) {
    const value = params.get(key);
    const kind = defaults[key] === null ? 'string' : typeof defaults[key];
    if (value === null || (kind !== 'boolean' && kind !== 'string')) continue;
    linked[key] = (kind === 'boolean' ? value === '1' : value) as F[typeof key];
  }
  if (Object.keys(linked).length > 0) patch(linked);
}
