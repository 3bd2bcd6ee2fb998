import { useQuery } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';
import { moduleKey } from '../../components/modules';
import { useLedgerRows } from '../../components/useLedgerRows';

export const personKeys = {
  all: moduleKey('persons'),
  list: (f: Input<'persons.list'>) => ['persons', 'list', f] as const,
  detail: (id: string) => ['persons', 'detail', id] as const,
  search: (q: string) => ['persons', 'search', q] as const,
};

export function usePersonList(f: Input<'persons.list'>) {
  return useLedgerRows(personKeys.list, api.persons.list, f);
}

export function usePerson(id: string | undefined) {
  return useQuery({ queryKey: personKeys.detail(id ?? ''), queryFn: () => api.persons.get({ id: id! }), enabled: !!id });
}

/** Name fragment, pinyin (full or initials), ID-number or phone fragment. */
export function usePersonSearch(q: string) {
  return useQuery({
    queryKey: personKeys.search(q),
    queryFn: () => api.persons.search({ q, limit: 12 }),
    enabled: q.trim().length > 0,
    placeholderData: (prev) => prev,
  });
}
