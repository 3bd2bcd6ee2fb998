/** What special-group follow-up lends the screens that span modules (renderer/components/modules.tsx). */
import { CONTROL_LABELS, FOLLOWUP_FIELD_LABELS, FOLLOWUP_STATUS_LABELS, levelLabel } from '../../../shared/schemas/followup';
import type { UiModule } from '../../components/modules';
import { CadenceSettings } from './CadenceSettings';
import { FollowupDetailPage } from './FollowupDetailPage';
import { FollowupFormPage } from './FollowupFormPage';
import { FollowupListPage } from './FollowupListPage';
import { FollowupStatsPage } from './FollowupStatsPage';
import { VisitPlanPage } from './VisitPlanPage';

export const followupUi: UiModule<'followup'> = {
  routes: [
    { path: '', element: <FollowupListPage /> },
    { path: 'new', element: <FollowupFormPage /> },
    { path: 'plan', element: <VisitPlanPage /> },
    { path: 'stats', element: <FollowupStatsPage /> },
    { path: ':id', element: <FollowupDetailPage /> },
    { path: ':id/edit', element: <FollowupFormPage /> },
  ],
  navOrder: 3,
  color: 'grape',
  audit: { fields: FOLLOWUP_FIELD_LABELS, values: { status: FOLLOWUP_STATUS_LABELS, level: levelLabel, control: CONTROL_LABELS } },
  settings: [{ key: 'cadences', label: '走访频次', element: <CadenceSettings /> }],
  handOvers: {},
};
