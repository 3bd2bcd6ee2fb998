import { Badge, Switch, TextInput } from '@mantine/core';
import type { Input } from '../../../shared/contract';
import {
  AGREEMENT_FORM_LABELS,
  CASE_OPEN_LABEL,
  CASE_ORIGIN_LABELS,
  CASE_OUTCOMES,
  CASE_OUTCOME_LABELS,
  CONFIRMATION_LABELS,
  MEDIATING_BODIES,
  MEDIATING_BODY_LABELS,
  AGREEMENT_PERFORMANCES,
  AGREEMENT_PERFORMANCE_LABELS,
  guidanceText,
  TERMINATION_REASON_LABELS,
} from '../../../shared/domain/mediation';
import type { MediationColumn, MediationRow } from '../../../shared/schemas/mediation';
import { FilterSelect } from '../../components/FilterSelect';
import { DateField, reversedRange } from '../../components/DateField';
import { printSubtitle } from '../../components/PrintLedger';
import { LedgerList, ResetFilters, useLedger, type LedgerColumn } from '../../components/LedgerList';
import { useLinkedFilters } from '../../components/linkedFilters';
import { staffOptions, useDicts, useStaff } from '../reference/queries';
import { OutcomeBadge, PerformanceBadge } from './labels';
import { useMediationLedgerFile } from './mutations';
import { fetchMediationPage, useMediationList } from './queries';

type ListInput = Input<'mediation.list'>;
type Filters = Omit<ListInput, 'page' | 'pageSize' | 'q'> & { q: string };
const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

/** The filters a link may set (the dashboard's counts: 仅看有逾期事项 or 仅看7日内到期, of the cases one person leads). */
const LINKED = { overdue: false, due7: false, leadMediatorId: null as string | null };

/** What 列设置 offers before the operator chooses: the ledger as it has always looked. */
const DEFAULT_COLUMNS: readonly MediationColumn[] = [
  'caseNo',
  'acceptedDate',
  'origin',
  'category',
  'parties',
  'mediators',
  'body',
  'outcome',
  'agreementForm',
  'performance',
  'confirmation',
];

const money = (yuan: number | null) => (yuan === null ? '' : yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2 }));

/** 人民调解案件台账. */
export function MediationListPage() {
  const dicts = useDicts();
  const staff = useStaff(true);
  const ledger = useLedger<Filters>({ q: '' });
  useLinkedFilters(LINKED, ({ leadMediatorId, ...p }) => ledger.patch({ ...p, ...(leadMediatorId ? { leadMediatorId } : {}) }));
  const { filters: f, patch: set } = ledger;
  const filter: Omit<ListInput, 'page' | 'pageSize'> = { ...f, q: ledger.q || undefined };
  const list = useMediationList({ ...filter, page: ledger.page, pageSize: 50 });
  const download = useMediationLedgerFile();
  const none = (v: string | null) => v ?? undefined;

  // The case number, the parties and the outcome stay in view on a narrow window.
  const columns: { [K in MediationColumn]: LedgerColumn<MediationRow> } = {
    caseNo: { header: '卷宗号', width: 230, keep: true, link: true, cell: (r) => r.caseNo },
    acceptedDate: { header: '受理日期', width: 100, cell: (r) => r.acceptedDate },
    origin: { header: '来源', width: 110, cell: (r) => CASE_ORIGIN_LABELS[r.origin] },
    category: { header: '类型', width: 110, cell: (r) => dicts.label('dispute_category', r.category) },
    parties: { header: '当事人', width: 140, keep: true, cell: (r) => r.parties },
    idNumber: { header: '身份证号（首位当事人）', width: 180, cell: (r) => r.idNumberMasked ?? '' },
    body: { header: '调解组织', width: 110, cell: (r) => MEDIATING_BODY_LABELS[r.mediatingBody] },
    mediators: { header: '调解员', width: 150, cell: (r) => r.mediators },
    outcome: {
      header: '结果',
      width: 170,
      keep: true,
      cell: (r) => (
        <>
          <OutcomeBadge outcome={r.outcome} />
          {r.overdue && (
            <Badge color="red" size="sm" ml={4} title="有期限已过的事项（调解期限、回访、履行或申请司法确认），在案件页查看">
              期限已过
            </Badge>
          )}
        </>
      ),
    },
    closedDate: { header: '结案日期', width: 100, cell: (r) => r.closedDate ?? '' },
    agreementForm: { header: '协议', width: 70, cell: (r) => (r.agreementForm ? AGREEMENT_FORM_LABELS[r.agreementForm] : '') },
    performance: {
      header: '履行',
      width: 130,
      cell: (r) => (
        <>
          <PerformanceBadge state={r.performance} />{' '}
          {r.performanceOverdue && (
            <Badge color="red" size="sm">
              逾期
            </Badge>
          )}
        </>
      ),
    },
    performedDate: { header: '履行完毕日期', width: 110, cell: (r) => r.performedDate ?? '' },
    confirmation: { header: '司法确认', width: 90, cell: (r) => (r.agreementForm ? CONFIRMATION_LABELS[r.confirmation] : '') },
    amount: { header: '涉及金额（元）', width: 120, style: { textAlign: 'right' }, cell: (r) => money(r.amountYuan) },
    agreed: { header: '协议金额（元）', width: 120, style: { textAlign: 'right' }, cell: (r) => money(r.agreedAmountYuan) },
    terminationReason: {
      header: '终止情形',
      width: 150,
      cell: (r) => (r.terminationReason ? TERMINATION_REASON_LABELS[r.terminationReason] : ''),
    },
    reason: { header: '调解不成或终止原因', width: 180, cell: (r) => r.reason ?? '' },
    guidance: { header: '告知途径', width: 120, cell: (r) => guidanceText(r.guidance) },
  };
  // Filters behind 更多筛选 that are set, for its badge.
  const moreSet = [
    f.dateFrom,
    f.dateTo,
    f.category,
    f.mediatingBody,
    f.mediatorId,
    f.leadMediatorId,
    f.performance,
    f.confirmation,
    f.overdue,
    f.due7,
  ].filter(Boolean).length;

  return (
    <LedgerList
      module="mediation"
      title="人民调解案件台账"
      links={[{ label: '统计', path: 'stats' }]}
      print={{
        fetchPage: (page, pageSize) => fetchMediationPage(filter, page, pageSize),
        subtitle: printSubtitle('受理日期', f.dateFrom, f.dateTo, ledger.filtered),
      }}
      // The ledger with exactly the filters and columns on screen, every page of it.
      exportFile={{ busy: download.busy, run: (chosen) => void download.run({ ...filter, columns: chosen }) }}
      create="新建调解案件"
      filters={{
        main: (
          <>
            <TextInput
              label="查找"
              placeholder="卷宗号、当事人或案情"
              w={240}
              value={f.q}
              onChange={(e) => set({ q: e.currentTarget.value })}
            />
            <FilterSelect
              label="调解结果"
              w={150}
              data={[{ value: 'open', label: CASE_OPEN_LABEL }, ...opts(CASE_OUTCOMES, CASE_OUTCOME_LABELS)]}
              value={f.outcome ?? null}
              onChange={(v) => set({ outcome: none(v) as ListInput['outcome'] })}
            />
            <ResetFilters ledger={ledger} label="清除筛选" />
          </>
        ),
        more: (
          <>
            <DateField label="受理日期从" w={140} value={f.dateFrom ?? ''} onChange={(v) => set({ dateFrom: v || undefined })} />
            <DateField
              label="至"
              w={140}
              value={f.dateTo ?? ''}
              onChange={(v) => set({ dateTo: v || undefined })}
              error={reversedRange(f.dateFrom, f.dateTo)}
            />
            <FilterSelect
              label="纠纷类型"
              w={150}
              searchable
              data={dicts.options('dispute_category')}
              value={f.category ?? null}
              onChange={(v) => set({ category: none(v) })}
            />
            <FilterSelect
              label="调解组织"
              w={170}
              data={opts(MEDIATING_BODIES, MEDIATING_BODY_LABELS)}
              value={f.mediatingBody ?? null}
              onChange={(v) => set({ mediatingBody: none(v) as ListInput['mediatingBody'] })}
            />
            <FilterSelect
              label="调解员"
              w={150}
              searchable
              data={staffOptions(staff.data)}
              value={f.mediatorId ?? null}
              onChange={(v) => set({ mediatorId: none(v) })}
            />
            <FilterSelect
              label="承办调解员（第一调解员）"
              w={200}
              searchable
              data={staffOptions(staff.data)}
              value={f.leadMediatorId ?? null}
              onChange={(v) => set({ leadMediatorId: none(v) })}
            />
            <FilterSelect
              label="履行情况"
              w={150}
              data={opts(AGREEMENT_PERFORMANCES, AGREEMENT_PERFORMANCE_LABELS)}
              value={f.performance ?? null}
              onChange={(v) => set({ performance: none(v) as ListInput['performance'] })}
            />
            <FilterSelect
              label="司法确认"
              w={130}
              data={opts(['none', 'applied', 'granted'] as const, CONFIRMATION_LABELS)}
              value={f.confirmation ?? null}
              onChange={(v) => set({ confirmation: none(v) as ListInput['confirmation'] })}
            />
            <Switch
              label="仅看有逾期事项"
              mb={8}
              checked={!!f.overdue}
              onChange={(e) => set({ overdue: e.currentTarget.checked || undefined })}
            />
            <Switch label="仅看7日内到期" mb={8} checked={!!f.due7} onChange={(e) => set({ due7: e.currentTarget.checked || undefined })} />
          </>
        ),
        moreSet,
      }}
      list={list}
      unit="件"
      columns={columns}
      defaultColumns={DEFAULT_COLUMNS}
      ledger={ledger}
      empty={{
        title: '没有符合条件的调解案件',
        children: '在纠纷登记详情页点“转入人民调解”，或点右上角“新建调解案件”。',
      }}
    />
  );
}
