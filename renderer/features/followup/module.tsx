/** What special-group follow-up lends the screens that span modules (renderer/components/modules.tsx). */
import { CONTROL_LABELS, FOLLOWUP_FIELD_LABELS, FOLLOWUP_STATUS_LABELS, levelLabel } from '../../../shared/schemas/followup';
import { ledgerLink } from '../../components/linkedFilters';
import { lazyPage } from '../../components/lazyPage';
import type { UiModule } from '../../components/modules';

/** One form for a new record and for editing one. */
const formPage = lazyPage(() => import('./FollowupFormPage'), 'FollowupFormPage');

export const followupUi: UiModule<'followup'> = {
  routes: [
    { path: '', element: lazyPage(() => import('./FollowupListPage'), 'FollowupListPage') },
    { path: 'new', element: formPage },
    { path: 'plan', element: lazyPage(() => import('./VisitPlanPage'), 'VisitPlanPage') },
    { path: 'stats', element: lazyPage(() => import('./FollowupStatsPage'), 'FollowupStatsPage') },
    { path: ':id', element: lazyPage(() => import('./FollowupDetailPage'), 'FollowupDetailPage') },
    { path: ':id/edit', element: formPage },
  ],
  navOrder: 3,
  color: 'grape',
  due: {
    overdue: (n) =>
      `重点人员 ${n} 项逾期：逾期未走访即为脱管、漏管，请尽快走访并在档案中记录；确有正当理由未能办理的，可在档案中延期或免除并写明理由。`,
    note: '每项列的是该事项最早未办的一期，办理后在对应档案中记录即从这里消除：走访计入走访日期所在的月（季、年）；其前未走访的各期记为“漏访”，不再列为待办，但在档案中列明并计入走访完成率。',
    unit: '人',
    // The ledger's 仅看逾期 or 仅看7日内到期: the files in management with anything overdue (a file may owe two items), or due within 7 days.
    ledger: (due, { staffId, villageId }) =>
      ledgerLink('/followup', { [due === 'overdue' ? 'overdue' : 'due7']: true, responsibleStaffId: staffId, villageId }),
  },
  audit: { fields: FOLLOWUP_FIELD_LABELS, values: { status: FOLLOWUP_STATUS_LABELS, level: levelLabel, control: CONTROL_LABELS } },
  settings: [{ key: 'cadences', label: '走访频次', element: lazyPage(() => import('./CadenceSettings'), 'CadenceSettings') }],
  handOvers: {},
};
