/** What community correction lends the screens that span modules (renderer/components/modules.tsx). */
import {
  CORRECTION_CATEGORY_LABELS,
  CORRECTION_FIELD_LABELS,
  CORRECTION_STATUS_LABELS,
  OUTSIDE_GROUND_LABELS,
  PRIOR_RECORD_LABELS,
} from '../../../shared/schemas/correction';
import { SUPERVISION_FIELD_LABELS } from '../../../shared/schemas/correction-supervision';
import { DEFAULT_LEVEL_TABLE, type CorrectionLevel } from '../../../shared/domain/correction-rules';
import { CORRECTION_END_FIELD_LABELS } from '../../../shared/schemas/correction-end';
import type { CorrectionFileView } from '../../../shared/schemas/correction';
import { lazyPage } from '../../components/lazyPage';
import { ledgerLink } from '../../components/linkedFilters';
import type { UiModule } from '../../components/modules';

declare module '../../components/modules' {
  /** A file's page takes hand-overs from later modules (into 安置帮教 at 解除). */
  interface ModuleRecords {
    correction: CorrectionFileView;
  }
}

/** One form for a new file and for editing one. */
const formPage = lazyPage(() => import('./CorrectionFormPage'), 'CorrectionFormPage');

export const correctionUi: UiModule<'correction'> = {
  routes: [
    { path: '', element: lazyPage(() => import('./CorrectionListPage'), 'CorrectionListPage') },
    { path: 'new', element: formPage },
    { path: 'stats', element: lazyPage(() => import('./CorrectionStatsPage'), 'CorrectionStatsPage') },
    { path: ':id', element: lazyPage(() => import('./CorrectionDetailPage'), 'CorrectionDetailPage') },
    { path: ':id/edit', element: formPage },
  ],
  // Before 重点人员: the 司法所's own statutory work comes first.
  navOrder: 2.5,
  color: 'indigo',
  due: {
    overdue: (n) =>
      `社区矫正 ${n} 项逾期：逾期未报到、未报告或未走访核查的，可能构成脱管、漏管，请尽快核实并在档案中记录；确有正当理由的，可延期或免除并写明理由。`,
    note: '报到期限、定期报告、走访核查、病情报告与复查、每月教育学习和公益活动时数、矫正期满，按档案的类别和管理等级计算；外出到期未销假、变更执行地的协商结果和到新执行地报到、电子定位期满及其延长评估，按审批和电子定位记录计算；在档案中记录后即从这里消除。未成年人的档案不公开，其事项只列在其责任人的工作台上。',
    unit: '人',
    ledger: (due, { staffId, villageId }) =>
      ledgerLink('/correction', { [due === 'overdue' ? 'overdue' : 'due7']: true, responsibleStaffId: staffId, villageId }),
  },
  audit: {
    fields: { ...CORRECTION_FIELD_LABELS, ...CORRECTION_END_FIELD_LABELS, ...SUPERVISION_FIELD_LABELS },
    values: {
      category: CORRECTION_CATEGORY_LABELS,
      ground: OUTSIDE_GROUND_LABELS,
      status: CORRECTION_STATUS_LABELS,
      priorRecord: PRIOR_RECORD_LABELS,
      minor: { true: '是', false: '否' },
      level: (code: string) => DEFAULT_LEVEL_TABLE[code as CorrectionLevel]?.name ?? code,
    },
  },
  settings: [
    { key: 'correction', label: '社区矫正', element: lazyPage(() => import('./LevelSettings'), 'CorrectionSettings') },
    {
      key: 'correction-supervision',
      label: '矫正审批期限',
      element: lazyPage(() => import('./supervision/SupervisionSettings'), 'SupervisionSettings'),
    },
    { key: 'correction-sanctions', label: '考核奖惩', element: lazyPage(() => import('./SanctionSettings'), 'SanctionSettings') },
  ],
  handOvers: {},
};
