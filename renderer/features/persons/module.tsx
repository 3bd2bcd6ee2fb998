/** What the person registry lends the screens that span modules (renderer/components/modules.tsx). */
import { SEX_LABELS } from '../../../shared/dictionaries';
import { PERSON_FIELD_LABELS } from '../../../shared/schemas/persons';
import type { UiModule } from '../../components/modules';
import { PersonDetailPage } from './PersonDetailPage';
import { PersonFormPage } from './PersonForm';
import { PersonListPage } from './PersonListPage';

export const personsUi: UiModule<'persons'> = {
  routes: [
    { path: '', element: <PersonListPage /> },
    { path: 'new', element: <PersonFormPage /> },
    { path: ':id', element: <PersonDetailPage /> },
    { path: ':id/edit', element: <PersonFormPage /> },
  ],
  navOrder: 4,
  color: null,
  due: null,
  audit: { fields: PERSON_FIELD_LABELS, values: { sex: SEX_LABELS } },
  settings: [],
  handOvers: {},
};
