/** What people's mediation lends the screens that span modules (renderer/components/modules.tsx). */
import {
  AGREEMENT_FORM_FULL_LABELS,
  AGREEMENT_PERFORMANCE_LABELS,
  CASE_ORIGIN_LABELS,
  CASE_OUTCOME_LABELS,
  CONFIRMATION_RESULT_LABELS,
  COURT_BASIS_LABELS,
  GUIDANCE_ROUTE_LABELS,
  MEDIATING_BODY_LABELS,
  PERFORMANCE_STATE_LABELS,
  REPORT_UNIT_KIND_LABELS,
  TERMINATION_REASON_LABELS,
} from '../../../shared/domain/mediation';
import { MEDIATION_FIELD_LABELS, RECORD_KIND_LABELS } from '../../../shared/schemas/mediation';
import { lazyPage } from '../../components/lazyPage';
import { ledgerLink } from '../../components/linkedFilters';
import type { UiModule } from '../../components/modules';
import { DisputeHandOverAction, DisputeHandOverStatus } from './DisputeHandOver';

/** One form for a new record and for editing one. */
const formPage = lazyPage(() => import('./MediationFormPage'), 'MediationFormPage');

export const mediationUi: UiModule<'mediation'> = {
  routes: [
    { path: '', element: lazyPage(() => import('./MediationListPage'), 'MediationListPage') },
    { path: 'new', element: formPage },
    { path: 'stats', element: lazyPage(() => import('./MediationStatsPage'), 'MediationStatsPage') },
    { path: ':id', element: lazyPage(() => import('./MediationDetailPage'), 'MediationDetailPage') },
    { path: ':id/edit', element: formPage },
  ],
  navOrder: 2,
  color: 'teal',
  due: {
    overdue: (n) =>
      `人民调解 ${n} 项期限已过（调解期限、劳动争议15日告知、回访、协议履行或申请司法确认），请尽快办理；延长调解期限须经双方当事人同意，在案件页登记。`,
    note: '每项列的是一件调解案件的一个期限：调解期限、劳动争议15日告知、回访、协议约定的履行期限和申请司法确认的30日；办理后在案件页记录即从这里消除。',
    unit: '件',
    // The ledger's 仅看有逾期事项 or 仅看7日内到期, of the cases one person leads (their first mediator, whom
    // the items name). Cases have no village: a village's counts of them are always 0 and open nothing.
    ledger: (due, { staffId }) => ledgerLink('/mediation', { [due === 'overdue' ? 'overdue' : 'due7']: true, leadMediatorId: staffId }),
  },
  audit: {
    fields: MEDIATION_FIELD_LABELS,
    values: {
      outcome: CASE_OUTCOME_LABELS,
      origin: CASE_ORIGIN_LABELS,
      mediatingBody: MEDIATING_BODY_LABELS,
      terminationReason: TERMINATION_REASON_LABELS,
      guidance: GUIDANCE_ROUTE_LABELS,
    },
    // Inside a record, an agreement, a performance item, a ruling (its court's basis and result) or a report (to whom).
    codes: {
      ...PERFORMANCE_STATE_LABELS,
      ...AGREEMENT_PERFORMANCE_LABELS,
      ...RECORD_KIND_LABELS,
      ...AGREEMENT_FORM_FULL_LABELS,
      ...COURT_BASIS_LABELS,
      ...CONFIRMATION_RESULT_LABELS,
      ...REPORT_UNIT_KIND_LABELS,
    },
  },
  settings: [],
  // 受理: a registered dispute becomes a case (the dispute page shows the button, then the link).
  handOvers: { disputes: { Action: DisputeHandOverAction, Status: DisputeHandOverStatus } },
};
