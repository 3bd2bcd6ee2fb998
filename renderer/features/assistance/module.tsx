/** What 安置帮教 lends the screens that span modules (renderer/components/modules.tsx). */
import {
  ASSISTANCE_FIELD_LABELS,
  ASSISTANCE_LEVEL_LABELS,
  ASSISTANCE_STATUS_LABELS,
  END_REASON_LABELS,
  HANDOVER_METHOD_LABELS,
  HANDOVER_STATE_LABELS,
  PLACEMENT_LABELS,
  RELEASE_TYPE_LABELS,
} from '../../../shared/schemas/assistance';
import { lazyPage } from '../../components/lazyPage';
import { ledgerLink } from '../../components/linkedFilters';
import type { UiModule } from '../../components/modules';
import { CorrectionHandOverAction, CorrectionHandOverStatus } from './CorrectionHandOver';

/** One form for a new file and for editing one. */
const formPage = lazyPage(() => import('./AssistanceFormPage'), 'AssistanceFormPage');

export const assistanceUi: UiModule<'assistance'> = {
  routes: [
    { path: '', element: lazyPage(() => import('./AssistanceListPage'), 'AssistanceListPage') },
    { path: 'new', element: formPage },
    { path: 'stats', element: lazyPage(() => import('./AssistanceStatsPage'), 'AssistanceStatsPage') },
    { path: ':id', element: lazyPage(() => import('./AssistanceDetailPage'), 'AssistanceDetailPage') },
    { path: ':id/edit', element: formPage },
  ],
  // Right after 社区矫正: the 司法所's statutory work first, then the released persons.
  navOrder: 2.7,
  color: 'teal',
  due: {
    overdue: (n) =>
      `安置帮教 ${n} 项逾期：已释放未衔接的，请尽快联系家属和派出所落实衔接，查找不到的登记“下落不明”；重点帮教对象须必接必送。`,
    note: '释放前联系家属、未衔接、回归后首次家访、按类别走访、帮教期满，按档案和本所设置计算；在档案中记录后即从这里消除。',
    unit: '人',
    ledger: (due, { staffId, villageId }) =>
      ledgerLink('/assistance', { [due === 'overdue' ? 'overdue' : 'due7']: true, responsibleStaffId: staffId, villageId }),
  },
  audit: {
    fields: ASSISTANCE_FIELD_LABELS,
    values: {
      releaseType: RELEASE_TYPE_LABELS,
      level: ASSISTANCE_LEVEL_LABELS,
      handoverState: HANDOVER_STATE_LABELS,
      handoverMethod: HANDOVER_METHOD_LABELS,
      placement: PLACEMENT_LABELS,
      status: ASSISTANCE_STATUS_LABELS,
      endReason: END_REASON_LABELS,
    },
  },
  settings: [{ key: 'assistance', label: '安置帮教', element: lazyPage(() => import('./AssistanceSettings'), 'AssistanceSettings') }],
  handOvers: { correction: { Action: CorrectionHandOverAction, Status: CorrectionHandOverStatus } },
};
