/**
 * 节假日: the working-day calendar every due date is counted on, edited each year when the State
 * Council's notice comes out; kept in the audit trail, applied from then on.
 */
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { defaultYearsMissing, HOLIDAY_KIND_LABELS, withDefaultYears } from '../../../shared/domain/holidays';
import type { ScheduleSettings } from '../../../shared/schemas/schedule';
import { DateField } from '../../components/DateField';
import { useLeaveGuard } from '../../components/GuardedForm';
import { notifyError } from '../../components/notify';
import { useSaveHolidays } from './mutations';
import { useSchedule } from './queries';

type Entry = ScheduleSettings['holidays'][number];

export function HolidaySettings() {
  const q = useSchedule();
  const saveHolidays = useSaveHolidays();
  const [draft, setDraft] = useState<Entry[] | null>(null);
  const [row, setRow] = useState<Entry>({ date: '', kind: 'holiday', name: '' });
  useLeaveGuard(() => draft !== null);
  if (!q.data) return null;
  const entries = draft ?? q.data.holidays;
  const missing = q.data.holidaysCustom ? defaultYearsMissing(entries) : [];
  const add = () => {
    if (!row.date || !row.name.trim()) return notifyError(new Error('请填写日期和名称'));
    if (entries.some((e) => e.date === row.date)) return notifyError(new Error(`${row.date} 已在表中`));
    setDraft([...entries, { ...row, name: row.name.trim() }].sort((a, b) => a.date.localeCompare(b.date)));
    setRow({ date: '', kind: row.kind, name: row.name });
  };
  const save = () => void saveHolidays.run({ entries }, '节假日表已保存，按工作日计算的期限随之更新', () => setDraft(null));
  return (
    <Stack>
      <Alert color="blue" variant="light">
        按工作日计算的期限会跳过周末和下表中的放假日，并把调休上班的周末算作工作日。每年国务院办公厅公布下一年节假日安排后，请在此补充。
        {q.data.holidaySources.map((s) => (
          <Text key={s.year} size="xs" mt={4}>
            {s.year}年默认：{s.source}
          </Text>
        ))}
      </Alert>
      {missing.length > 0 && (
        <Alert color="yellow" variant="light" title={`本单位的节假日表中没有${missing.join('、')}年`}>
          <Group justify="space-between">
            <Text size="sm">可先补入默认安排（随后按通知修改），否则这些年份只按周末计算工作日。</Text>
            <Button size="xs" variant="light" onClick={() => setDraft(withDefaultYears(entries, missing))}>
              补入{missing.join('、')}年默认安排
            </Button>
          </Group>
        </Alert>
      )}
      <Group align="flex-end">
        <DateField label="日期" value={row.date} onChange={(date) => setRow({ ...row, date })} w={150} />
        <Select
          label="类别"
          data={Object.entries(HOLIDAY_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          value={row.kind}
          onChange={(k) => setRow({ ...row, kind: (k as Entry['kind']) ?? 'holiday' })}
          allowDeselect={false}
          w={130}
        />
        <TextInput
          label="名称"
          placeholder="如：春节"
          value={row.name}
          onChange={(e) => setRow({ ...row, name: e.currentTarget.value })}
          w={180}
        />
        <Button variant="light" onClick={add}>
          加入
        </Button>
        <Button onClick={save} disabled={!draft}>
          保存节假日表
        </Button>
        {draft && (
          <Button variant="default" onClick={() => setDraft(null)}>
            放弃修改
          </Button>
        )}
      </Group>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>日期</Table.Th>
            <Table.Th>类别</Table.Th>
            <Table.Th>名称</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.date}>
              <Table.Td>{e.date}</Table.Td>
              <Table.Td>{HOLIDAY_KIND_LABELS[e.kind]}</Table.Td>
              <Table.Td>{e.name}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" color="red" onClick={() => setDraft(entries.filter((x) => x.date !== e.date))}>
                  移除
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
