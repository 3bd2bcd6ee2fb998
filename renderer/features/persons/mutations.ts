/** Every person write; each refreshes person lists and details, audit panels, and disputes (party names). */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { api } from '../../api/client';
import { personKeys } from './queries';

function useInvalidatePersons() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: personKeys.all }),
      qc.invalidateQueries({ queryKey: ['disputes'] }),
      qc.invalidateQueries({ queryKey: ['audit'] }),
    ]);
}

export function useSavePerson() {
  const invalidate = useInvalidatePersons();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: Input<'persons.create'> }) =>
      id ? api.persons.update({ id, ...input }) : api.persons.create(input),
    onSuccess: invalidate,
  });
}

export function useDeletePerson() {
  const invalidate = useInvalidatePersons();
  return useMutation({ mutationFn: (id: string) => api.persons.delete({ id }), onSuccess: invalidate });
}
