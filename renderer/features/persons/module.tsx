/** What the person registry lends the screens that span modules (renderer/components/modules.tsx). */
import { SEX_LABELS } from '../../../shared/dictionaries';
import { PERSON_FIELD_LABELS } from '../../../shared/schemas/persons';
import { lazyPage } from '../../components/lazyPage';
import type { UiModule } from '../../components/modules';

/** One form for a new record and for editing one. */
const formPage = lazyPage(() => import('./PersonForm'), 'PersonFormPage');

export const personsUi: UiModule<'persons'> = {
  routes: [
    { path: '', element: lazyPage(() => import('./PersonListPage'), 'PersonListPage') },
    { path: 'new', element: formPage },
    { path: ':id', element: lazyPage(() => import('./PersonDetailPage'), 'PersonDetailPage') },
    { path: ':id/edit', element: formPage },
  ],
  navOrder: 4,
  color: null,
  due: null,
  audit: { fields: PERSON_FIELD_LABELS, values: { sex: SEX_LABELS } },
  settings: [],
  handOvers: {},
};
