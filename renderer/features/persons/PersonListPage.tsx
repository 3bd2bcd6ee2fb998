import { Text, TextInput } from '@mantine/core';
import { SEX_LABELS } from '../../../shared/dictionaries';
import { maskIdNumber } from '../../../shared/domain/id-number';
import { PERSON_COLUMN_KEYS, type PersonColumn, type PersonHit } from '../../../shared/schemas/persons';
import { LedgerList, useLedger, type LedgerColumn } from '../../components/LedgerList';
import { usePersonsLedgerFile } from './mutations';
import { usePersonList } from './queries';

/** The name and the ID number stay in view on a narrow window. */
const COLUMNS: { [K in PersonColumn]: LedgerColumn<PersonHit> } = {
  name: { header: '姓名', width: 120, keep: true, link: true, cell: (p) => p.name },
  sex: { header: '性别', width: 60, cell: (p) => (p.sex ? SEX_LABELS[p.sex] : '') },
  idNumber: {
    header: '公民身份号码',
    width: 190,
    keep: true,
    cell: (p) => (p.idNumber ? maskIdNumber(p.idNumber) : ''),
    style: { fontFamily: 'var(--mantine-font-family-monospace)' },
  },
  birthDate: { header: '出生日期', width: 100, cell: (p) => p.birthDate ?? '' },
  phone: { header: '联系电话', width: 140, cell: (p) => p.phone ?? '' },
  village: { header: '村（社区）', width: 120, cell: (p) => p.villageName ?? '' },
};

export function PersonListPage() {
  const ledger = useLedger({ q: '' }, 250);
  const list = usePersonList({ q: ledger.q || undefined, page: ledger.page, pageSize: 50 });
  const download = usePersonsLedgerFile();

  return (
    <LedgerList
      module="persons"
      title="人员库"
      // The registry with the search and columns on screen, every page of it.
      exportFile={{ busy: download.busy, run: (chosen) => void download.run({ q: ledger.q || undefined, columns: chosen }) }}
      create="新建人员"
      filters={{
        main: (
          <TextInput
            aria-label="搜索人员"
            placeholder="姓名、拼音或首字母（如 zsf）、身份证号或电话的一部分"
            value={ledger.filters.q}
            onChange={(e) => ledger.set('q', e.currentTarget.value)}
            w={520}
            maw="100%"
            autoFocus
          />
        ),
      }}
      list={list}
      unit="人"
      cappedText="超过100人，请再输入几个字或身份证号"
      columns={COLUMNS}
      defaultColumns={PERSON_COLUMN_KEYS}
      ledger={ledger}
      empty={{
        title: ledger.q ? '没有找到符合条件的人员' : '人员库还是空的',
        children: !ledger.q && <Text size="sm">登记纠纷时添加的当事人也会出现在这里。</Text>,
      }}
    />
  );
}
