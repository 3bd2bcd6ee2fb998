import { useForm } from '@mantine/form';
import { useState } from 'react';
import type { Person } from '../../../shared/schemas/persons';
import { PersonInput } from '../../../shared/schemas/persons';
import { api, ApiError } from '../../api/client';
import { applyServerErrors, zodErrors } from '../../components/form-errors';
import { notifyError } from '../../components/notify';
import { emptyPerson, type PersonValues } from './PersonFields';
import { useInvalidatePersons } from './queries';

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
  };
}

/** A person form validated with the shared schema; `save` creates or updates and maps host errors to fields. */
export function usePersonForm(existing?: Person, initial?: Partial<PersonValues>) {
  const invalidate = useInvalidatePersons();
  const [takenBy, setTakenBy] = useState<{ id: string; name: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const form = useForm<PersonValues>({
    initialValues: existing ? toValues(existing) : { ...emptyPerson, ...initial },
    validate: (v) => zodErrors(PersonInput, v),
  });

  async function save(values: PersonValues): Promise<Person | null> {
    setSaving(true);
    setTakenBy(null);
    try {
      const saved = existing ? await api.persons.update({ id: existing.id, ...values }) : await api.persons.create(values);
      await invalidate();
      return saved;
    } catch (e) {
      if (e instanceof ApiError && e.wire.code === 'ID_NUMBER_TAKEN' && e.wire.details?.personId) {
        setTakenBy({ id: e.wire.details.personId, name: e.wire.details.name ?? '' });
      }
      if (!applyServerErrors(form, e)) notifyError(e);
      return null;
    } finally {
      setSaving(false);
    }
  }

  return { form, save, saving, takenBy };
}
