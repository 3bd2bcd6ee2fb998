import { z } from 'zod';
import { Id } from '../schemas/common';
import {
  PersonInput,
  PersonInputAsOf,
  PersonExportInput,
  PersonListInput,
  PersonSearchInput,
  PersonUpdateInput,
  PersonUpdateInputAsOf,
  type Person,
  type PersonDetail,
  type PersonHit,
} from '../schemas/persons';
import type { FileResult, Paged } from '../schemas/common';
import { job, method } from './define';

export const personsContract = {
  'persons.search': method<PersonHit[]>()(PersonSearchInput),
  'persons.list': method<Paged<PersonHit & { deletedAt: string | null }>>()(PersonListInput),
  /** The registry as .xlsx with the filter and columns on screen. */
  'persons.exportLedger': job<FileResult>()(PersonExportInput),
  'persons.get': method<PersonDetail>()(z.strictObject({ id: Id })),
  'persons.create': method<Person>()(PersonInput, PersonInputAsOf),
  'persons.update': method<Person>()(PersonUpdateInput, PersonUpdateInputAsOf),
  'persons.delete': method<{ ok: true }>()(z.strictObject({ id: Id })),
};
