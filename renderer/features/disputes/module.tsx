/** What the dispute register lends the screens that span modules (renderer/components/modules.tsx). */
import { RISK_LEVEL_LABELS } from '../../../shared/dictionaries';
import { DISPUTE_STATUS_LABELS } from '../../../shared/domain/disputes';
import { DISPUTE_FIELD_LABELS, type Dispute } from '../../../shared/schemas/disputes';
import type { UiModule } from '../../components/modules';
import { DisputeDetailPage } from './DisputeDetailPage';
import { DisputeFormPage } from './DisputeForm';
import { DisputeListPage } from './DisputeListPage';
import { DisputeStatsPage } from './DisputeStatsPage';
import { ScreeningPage } from './ScreeningPage';

declare module '../../components/modules' {
  /** A registration's page takes hand-overs from later modules (into people's mediation). */
  interface ModuleRecords {
    disputes: Dispute;
  }
}

export const disputesUi: UiModule<'disputes'> = {
  routes: [
    { path: '', element: <DisputeListPage /> },
    { path: 'new', element: <DisputeFormPage /> },
    { path: 'stats', element: <DisputeStatsPage /> },
    { path: 'screening', element: <ScreeningPage /> },
    { path: ':id', element: <DisputeDetailPage /> },
    { path: ':id/edit', element: <DisputeFormPage /> },
  ],
  navOrder: 1,
  color: 'blue',
  audit: { fields: DISPUTE_FIELD_LABELS, values: { status: DISPUTE_STATUS_LABELS, riskLevel: RISK_LEVEL_LABELS } },
  settings: [],
  handOvers: {},
};
