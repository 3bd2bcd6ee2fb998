import { useState } from 'react';
import type { Person } from '../../../shared/schemas/persons';
import { PersonInputAsOf } from '../../../shared/schemas/persons';
import { ApiError } from '../../api/client';
import type { Notice } from '../../components/useWrite';
import { useZodForm } from '../../components/useZodForm';
import { useSavePerson } from './mutations';
import { emptyPerson, type PersonValues } from './PersonFields';

export function toValues(p: Person): PersonValues {
  return {
    name: p.name,
    sex: p.sex ?? '',
    idNumber: p.idNumber ?? '',
    birthDate: p.birthDate ?? '',
    ethnicity: p.ethnicity ?? '',
    phone: p.phone ?? '',
    householdAddress: p.householdAddress ?? '',
    residenceAddress: p.residenceAddress ?? '',
    villageId: p.villageId ?? '',
    gridId: p.gridId ?? '',
    notes: p.notes ?? '',
    kind: p.kind,
    occupation: p.occupation ?? '',
    workUnit: p.workUnit ?? '',
    creditCode: p.creditCode ?? '',
    legalRep: p.legalRep ?? '',
  };
}

/**
 * A person form validated with the shared schema; `save` creates or updates, puts the host's field
 * messages on the fields, and on ID_NUMBER_TAKEN remembers who holds the number (for a link).
 */
export function usePersonForm(existing?: Person, initial?: Partial<PersonValues>) {
  const [takenBy, setTakenBy] = useState<{ id: string; name: string } | null>(null);
  const form = useZodForm<PersonValues>({
    schema: PersonInputAsOf,
    initialValues: existing ? toValues(existing) : { ...emptyPerson, ...initial },
  });
  const mutation = useSavePerson(form, (e) => {
    if (e instanceof ApiError && e.wire.code === 'ID_NUMBER_TAKEN' && e.wire.details?.personId) {
      setTakenBy({ id: String(e.wire.details.personId), name: String(e.wire.details.name ?? '') });
    }
  });

  function save(values: PersonValues, notice?: Notice<Person>): Promise<Person | null> {
    setTakenBy(null);
    return mutation.run({ id: existing?.id ?? null, input: values }, notice);
  }

  return { form, save, saving: mutation.saving, takenBy };
}
