import { Badge, Grid, TextInput } from '@mantine/core';
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
} from '../../../shared/domain/mediation';
import type { MediationRow } from '../../../shared/schemas/mediation';
import { FilterSelect } from '../../components/FilterSelect';
import { DateField, reversedRange } from '../../components/DateField';
import { printSubtitle } from '../../components/PrintLedger';
import { LedgerList, useLedger, type LedgerColumn } from '../../components/LedgerList';
import { staffOptions, useDicts, useStaff } from '../reference/queries';
import { OutcomeBadge, PerformanceBadge } from './labels';
import { useMediationLedgerFile } from './mutations';
import { fetchMediationPage, useMediationList } from './queries';

type ListInput = Input<'mediation.list'>;
type Filters = Omit<ListInput, 'page' | 'pageSize' | 'q'> & { q: string };
const opts = <K extends string>(keys: readonly K[], labels: Record<K, string>) => keys.map((k) => ({ value: k, label: labels[k] }));

/** 人民调解案件台账. */
export function MediationListPage() {
  const dicts = useDicts();
  const staff = useStaff(true);
  const ledger = useLedger<Filters>({ q: '' });
  const { filters: f, patch: set } = ledger;
  const filter: Omit<ListInput, 'page' | 'pageSize'> = { ...f, q: ledger.q || undefined };
  const list = useMediationList({ ...filter, page: ledger.page, pageSize: 50 });
  const download = useMediationLedgerFile();
  const none = (v: string | null) => v ?? undefined;

  const columns: LedgerColumn<MediationRow>[] = [
    { header: '卷宗号', link: true, cell: (r) => r.caseNo },
    { header: '受理日期', cell: (r) => r.acceptedDate },
    { header: '来源', cell: (r) => CASE_ORIGIN_LABELS[r.origin] },
    { header: '类型', cell: (r) => dicts.label('dispute_category', r.category) },
    { header: '当事人', cell: (r) => r.parties },
    { header: '调解员', cell: (r) => r.mediators },
    { header: '调解组织', cell: (r) => MEDIATING_BODY_LABELS[r.mediatingBody] },
    { header: '结果', cell: (r) => <OutcomeBadge outcome={r.outcome} /> },
    { header: '协议', cell: (r) => (r.agreementForm ? AGREEMENT_FORM_LABELS[r.agreementForm] : '') },
    {
      header: '履行',
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
    { header: '司法确认', cell: (r) => (r.agreementForm ? CONFIRMATION_LABELS[r.confirmation] : '') },
  ];

  return (
    <LedgerList
      module="mediation"
      title="人民调解案件台账"
      links={[{ label: '统计', path: 'stats' }]}
      print={{
        fetchPage: (page, pageSize) => fetchMediationPage(filter, page, pageSize),
        subtitle: printSubtitle('受理日期', f.dateFrom, f.dateTo, ledger.filtered),
      }}
      // The ledger with exactly the filters on screen, every page of it.
      exportFile={{ busy: download.busy, run: () => void download.run(filter) }}
      create="新建调解案件"
      filters={
        <Grid gap="xs" mb="sm">
          <Grid.Col span={{ base: 12, md: 3 }}>
            <TextInput label="查找" placeholder="卷宗号、当事人或案情" value={f.q} onChange={(e) => set({ q: e.currentTarget.value })} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <DateField label="受理日期从" value={f.dateFrom ?? ''} onChange={(v) => set({ dateFrom: v || undefined })} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <DateField
              label="至"
              value={f.dateTo ?? ''}
              onChange={(v) => set({ dateTo: v || undefined })}
              error={reversedRange(f.dateFrom, f.dateTo)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 2 }}>
            <FilterSelect
              label="纠纷类型"
              searchable
              data={dicts.options('dispute_category')}
              value={f.category ?? null}
              onChange={(v) => set({ category: none(v) })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <FilterSelect
              label="调解组织"
              data={opts(MEDIATING_BODIES, MEDIATING_BODY_LABELS)}
              value={f.mediatingBody ?? null}
              onChange={(v) => set({ mediatingBody: none(v) as ListInput['mediatingBody'] })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <FilterSelect
              label="调解员"
              searchable
              data={staffOptions(staff.data)}
              value={f.mediatorId ?? null}
              onChange={(v) => set({ mediatorId: none(v) })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <FilterSelect
              label="调解结果"
              data={[{ value: 'open', label: CASE_OPEN_LABEL }, ...opts(CASE_OUTCOMES, CASE_OUTCOME_LABELS)]}
              value={f.outcome ?? null}
              onChange={(v) => set({ outcome: none(v) as ListInput['outcome'] })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <FilterSelect
              label="履行情况"
              data={opts(AGREEMENT_PERFORMANCES, AGREEMENT_PERFORMANCE_LABELS)}
              value={f.performance ?? null}
              onChange={(v) => set({ performance: none(v) as ListInput['performance'] })}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 3 }}>
            <FilterSelect
              label="司法确认"
              data={opts(['none', 'applied', 'granted'] as const, CONFIRMATION_LABELS)}
              value={f.confirmation ?? null}
              onChange={(v) => set({ confirmation: none(v) as ListInput['confirmation'] })}
            />
          </Grid.Col>
        </Grid>
      }
      list={list}
      unit="件"
      columns={columns}
      ledger={ledger}
      empty={{
        title: '没有符合条件的调解案件',
        children: '在纠纷登记详情页点“转入人民调解”，或点右上角“新建调解案件”。',
      }}
      minWidth={1150}
    />
  );
}
