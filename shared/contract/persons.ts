import { z } from 'zod';
import { Id } from '../schemas/common';
import {
  PersonInput,
  PersonInputAsOf,
  PersonListInput,
  PersonSearchInput,
  PersonUpdateInput,
  PersonUpdateInputAsOf,
  type Person,
  type PersonDetail,
  type PersonHit,
} from '../schemas/persons';
import type { Paged } from '../schemas/common';
import { method } from './define';

export const personsContract = {
  'persons.search': method<PersonHit[]>()(PersonSearchInput),
  'persons.list': method<Paged<PersonHit & { deletedAt: string | null }>>()(PersonListInput),
  'persons.get': method<PersonDetail>()(z.strictObject({ id: Id })),
  'persons.create': method<Person>()(PersonInput, PersonInputAsOf),
  'persons.update': method<Person>()(PersonUpdateInput, PersonUpdateInputAsOf),
  'persons.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
};
