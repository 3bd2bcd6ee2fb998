/**
 * 排查活动: the month's screening visits village by village, which villages have not reported yet,
 * and the form to record one — a visit that found nothing is recorded too (零报告).
 */
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Card,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { type Screening, ScreeningInputAsOf } from '../../../shared/schemas/disputes';
import { confirmDelete } from '../../components/ConfirmDelete';
import { DateField } from '../../components/DateField';
import { ModalActions } from '../../components/ModalActions';
import { todayLocal } from '../../components/today';
import { useZodForm } from '../../components/useZodForm';
import { useVillages } from '../reference/queries';
import { useDeleteScreening, useSaveScreening } from './mutations';
import { useScreenings } from './queries';
import { FormModal } from '../../components/GuardedForm';

/** 'YYYY-MM' moved by `by` months. */
function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}
const monthLabel = (month: string) => `${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`;
const num = (v: number | string) => (v === '' ? null : Number(v));

function ScreeningModal({ existing, month, onClose }: { existing?: Screening; month: string; onClose: () => void }) {
  const villages = useVillages();
  const today = todayLocal();
  const form = useZodForm({
    schema: ScreeningInputAsOf,
    initialValues: {
      date: existing?.date ?? (today.startsWith(month) ? today : `${month}-01`),
      villageId: existing?.villageId ?? '',
      participants: existing?.participants ?? '',
      households: (existing?.households ?? '') as number | string,
      persons: (existing?.persons ?? '') as number | string,
      disputesFound: (existing?.disputesFound ?? 0) as number | string,
      note: existing?.note ?? '',
    },
    toInput: (v) => ({
      ...v,
      id: existing?.id ?? null,
      households: num(v.households),
      persons: num(v.persons),
      disputesFound: num(v.disputesFound) ?? Number.NaN,
    }),
  });
  const { run, saving } = useSaveScreening(form);
  const v = form.getValues();
  const submit = form.onSubmit(async (values) => {
    const input = {
      ...values,
      id: existing?.id ?? null,
      households: num(values.households),
      persons: num(values.persons),
      disputesFound: num(values.disputesFound) ?? Number.NaN,
    };
    if (await run(input, Number(values.disputesFound) === 0 ? '已登记（零报告）' : '排查记录已保存')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={existing ? '修改排查记录' : '登记排查活动'} size="lg">
      <Stack>
        <Group grow>
          <DateField label="排查日期" withAsterisk {...form.getInputProps('date')} />
          <Select
            label="村（社区）"
            withAsterisk
            searchable
            data={(villages.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            nothingFoundMessage="请先在“设置”中添加村（社区）"
            {...form.getInputProps('villageId')}
            value={v.villageId || null}
            onChange={(x) => form.setFieldValue('villageId', x ?? '')}
          />
        </Group>
        <TextInput
          label="参加人员"
          withAsterisk
          placeholder="如：村调委会主任、网格员"
          maxLength={200}
          {...form.getInputProps('participants')}
        />
        <Group grow>
          <NumberInput label="走访户数" min={0} allowDecimal={false} {...form.getInputProps('households')} />
          <NumberInput label="走访人数" min={0} allowDecimal={false} {...form.getInputProps('persons')} />
          <NumberInput
            label="发现纠纷（件）"
            withAsterisk
            min={0}
            allowDecimal={false}
            description="未发现纠纷的填 0（零报告）"
            {...form.getInputProps('disputesFound')}
          />
        </Group>
        <Textarea label="备注" autosize minRows={2} maxLength={1000} {...form.getInputProps('note')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

export function ScreeningPage() {
  const [month, setMonth] = useState(todayLocal().slice(0, 7));
  const [dialog, setDialog] = useState<{ existing?: Screening } | null>(null);
  const q = useScreenings(month);
  const del = useDeleteScreening();
  const data = q.data;
  const missing = data?.villages.filter((x) => x.reports === 0) ?? [];
  const remove = async (s: Screening) => {
    if (!(await confirmDelete('删除排查记录', `确定删除 ${s.date} ${s.villageName} 的排查记录吗？`))) return;
    await del.run(s.id, '排查记录已删除');
  };
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={3}>排查活动</Title>
          <Group gap={4}>
            <ActionIcon variant="default" aria-label="上个月" onClick={() => setMonth(shiftMonth(month, -1))}>
              ‹
            </ActionIcon>
            <Text fw={600} w={96} ta="center" data-testid="screening-month">
              {monthLabel(month)}
            </Text>
            <ActionIcon variant="default" aria-label="下个月" onClick={() => setMonth(shiftMonth(month, 1))}>
              ›
            </ActionIcon>
          </Group>
        </Group>
        <Button onClick={() => setDialog({})}>登记排查</Button>
      </Group>
      {data && data.villages.length === 0 && <Alert color="yellow">请先在“设置”中添加村（社区），再登记排查活动。</Alert>}
      {data && data.villages.length > 0 && (
        <Card withBorder data-testid="screening-missing">
          {missing.length === 0 ? (
            <Text size="sm" c="green">
              {monthLabel(month)}全部 {data.villages.length} 个村（社区）均已报告。
            </Text>
          ) : (
            <Group gap="xs">
              <Text size="sm">
                {monthLabel(month)}尚未报告（{missing.length}/{data.villages.length}）：
              </Text>
              {missing.map((x) => (
                <Badge key={x.id} color="orange" variant="light">
                  {x.name}
                </Badge>
              ))}
            </Group>
          )}
        </Card>
      )}
      <Table striped withTableBorder data-testid="screening-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>排查日期</Table.Th>
            <Table.Th>村（社区）</Table.Th>
            <Table.Th>参加人员</Table.Th>
            <Table.Th>走访户数</Table.Th>
            <Table.Th>走访人数</Table.Th>
            <Table.Th>发现纠纷</Table.Th>
            <Table.Th>备注</Table.Th>
            <Table.Th w={110} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data?.rows.length === 0 && (
            <Table.Tr>
              <Table.Td colSpan={8}>
                <Text size="sm" c="dimmed" ta="center" py="md">
                  {monthLabel(month)}还没有排查记录。
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {data?.rows.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.date}</Table.Td>
              <Table.Td>{s.villageName}</Table.Td>
              <Table.Td>{s.participants}</Table.Td>
              <Table.Td>{s.households ?? ''}</Table.Td>
              <Table.Td>{s.persons ?? ''}</Table.Td>
              <Table.Td>{s.disputesFound === 0 ? <Badge variant="light">零报告</Badge> : `${s.disputesFound} 件`}</Table.Td>
              <Table.Td>{s.note ?? ''}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Button size="compact-xs" variant="subtle" onClick={() => setDialog({ existing: s })}>
                    修改
                  </Button>
                  <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(s)}>
                    删除
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {dialog && <ScreeningModal existing={dialog.existing} month={month} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
