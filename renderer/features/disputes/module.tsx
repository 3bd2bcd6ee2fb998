/** What the dispute register lends the screens that span modules (renderer/components/modules.tsx). */
import { RISK_LEVEL_LABELS } from '../../../shared/dictionaries';
import { DISPUTE_STATUS_LABELS } from '../../../shared/domain/disputes';
import { DISPUTE_FIELD_LABELS, type Dispute } from '../../../shared/schemas/disputes';
import { ledgerLink } from '../../components/linkedFilters';
import { lazyPage } from '../../components/lazyPage';
import type { UiModule } from '../../components/modules';

declare module '../../components/modules' {
  /** A registration's page takes hand-overs from later modules (into people's mediation). */
  interface ModuleRecords {
    disputes: Dispute;
  }
}

/** One form for a new record and for editing one. */
const formPage = lazyPage(() => import('./DisputeForm'), 'DisputeFormPage');

export const disputesUi: UiModule<'disputes'> = {
  routes: [
    { path: '', element: lazyPage(() => import('./DisputeListPage'), 'DisputeListPage') },
    { path: 'new', element: formPage },
    { path: 'stats', element: lazyPage(() => import('./DisputeStatsPage'), 'DisputeStatsPage') },
    { path: 'screening', element: lazyPage(() => import('./ScreeningPage'), 'ScreeningPage') },
    { path: ':id', element: lazyPage(() => import('./DisputeDetailPage'), 'DisputeDetailPage') },
    { path: ':id/edit', element: formPage },
  ],
  navOrder: 1,
  color: 'blue',
  due: {
    overdue: (n) => `矛盾纠纷 ${n} 件超过办理期限仍未办结（超期），请尽快调处、化解或依法转办。`,
    note: '每件纠纷列其办理期限（期限末日为休息日的顺延至下一个工作日）；状态改为化解、未化解、转办、办结或不予受理后即从这里消除。',
    unit: '件',
    // The ledger's 仅看超期 or 仅看7日内到期: a dispute's only item is its deadline, so the rows are the items.
    ledger: (due, { staffId, villageId }) =>
      ledgerLink('/disputes', { [due === 'overdue' ? 'overdue' : 'due7']: true, staffId, villageId }),
  },
  audit: { fields: DISPUTE_FIELD_LABELS, values: { status: DISPUTE_STATUS_LABELS, riskLevel: RISK_LEVEL_LABELS } },
  settings: [],
  handOvers: {},
};
