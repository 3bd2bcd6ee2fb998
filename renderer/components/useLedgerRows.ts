/**
 * One page of a ledger from the host (the four ledgers' list queries). A new page, order or filter
 * shows at once where it was chosen (the pager, the field); the rows it asks for follow as a
 * deferred update, which React draws without holding up the window. While they load, the rows on
 * screen stay (dimmed by LedgerList); once a page is in, the next one is fetched behind it, so that
 * 下一页 shows its rows without a round to the host.
 */
import { keepPreviousData, useQuery, type QueryKey } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import type { Paged } from '../../shared/schemas/common';

export function useLedgerRows<F extends { page?: number }, R>(key: (f: F) => QueryKey, fetch: (f: F) => Promise<Paged<R>>, f: F) {
  // Deferred by its text: the filters are a new object at every drawing.
  const asked = JSON.stringify(f);
  const deferred = useDeferredValue(asked);
  const input = deferred === asked ? f : (JSON.parse(deferred) as F);
  const list = useQuery({ queryKey: key(input), queryFn: () => fetch(input), placeholderData: keepPreviousData });
  const shown = list.isPlaceholderData ? undefined : list.data;
  const next = shown && shown.page * shown.pageSize < shown.total ? { ...input, page: shown.page + 1 } : null;
  // Fetched into the cache only: its arrival redraws nothing.
  useQuery({ queryKey: key(next ?? input), queryFn: () => fetch(next ?? input), enabled: next !== null, notifyOnChangeProps: [] });
  return list;
}
