import { Text, TextInput } from '@mantine/core';
import { SEX_LABELS } from '../../../shared/dictionaries';
import { maskIdNumber } from '../../../shared/domain/id-number';
import type { PersonHit } from '../../../shared/schemas/persons';
import { LedgerList, useLedger, type LedgerColumn } from '../../components/LedgerList';
import { usePersonList } from './queries';

const COLUMNS: LedgerColumn<PersonHit>[] = [
  { header: '姓名', link: true, cell: (p) => p.name },
  { header: '性别', cell: (p) => (p.sex ? SEX_LABELS[p.sex] : '') },
  { header: '公民身份号码', cell: (p) => (p.idNumber ? maskIdNumber(p.idNumber) : ''), td: { ff: 'monospace' } },
  { header: '出生日期', cell: (p) => p.birthDate ?? '' },
  { header: '联系电话', cell: (p) => p.phone ?? '' },
  { header: '村（社区）', cell: (p) => p.villageName ?? '' },
];

export function PersonListPage() {
  const ledger = useLedger({ q: '' }, 250);
  const list = usePersonList({ q: ledger.q || undefined, page: ledger.page, pageSize: 50 });

  return (
    <LedgerList
      module="persons"
      title="人员库"
      create="新建人员"
      filters={
        <TextInput
          aria-label="搜索人员"
          placeholder="姓名、拼音或首字母（如 zsf）、身份证号或电话的一部分"
          value={ledger.filters.q}
          onChange={(e) => ledger.set('q', e.currentTarget.value)}
          mb="sm"
          maw={520}
          autoFocus
        />
      }
      list={list}
      unit="人"
      cappedText="超过100人，请再输入几个字或身份证号"
      columns={COLUMNS}
      ledger={ledger}
      empty={{
        title: ledger.q ? '没有找到符合条件的人员' : '人员库还是空的',
        children: !ledger.q && <Text size="sm">登记纠纷时添加的当事人也会出现在这里。</Text>,
      }}
    />
  );
}
