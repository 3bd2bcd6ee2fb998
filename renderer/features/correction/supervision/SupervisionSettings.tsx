/**
 * 设置 → 社区矫正审批: the limits of the 审批 (外出 approved by the 司法所 up to N days, each trip at most N months,
 * one approval of 经常性跨市县活动 valid N months) and how early the 电子定位 extension assessment is listed, each
 * beside its default and its source (REVIEW §5.2: the figures are not confirmed in the 2020 rules).
 */
import { Badge, Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import type { SupervisionLimits } from '../../../../shared/domain/correction-supervision';
import { SupervisionSettingsInput, type SupervisionSettingView } from '../../../../shared/schemas/correction-supervision';
import { Basis } from '../../../components/Basis';
import { PageForm } from '../../../components/GuardedForm';
import { Loading } from '../../../components/Loading';
import { useZodForm } from '../../../components/useZodForm';
import { useSaveSupervisionSettings } from './mutations';
import { useSupervisionSettings } from './queries';

type Values = Record<keyof SupervisionLimits, number | ''>;

const toValues = (rows: readonly SupervisionSettingView[]) => Object.fromEntries(rows.map((r) => [r.key, r.value])) as Values;
const toInput = (v: Values) => Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x === '' ? Number.NaN : Number(x)]));

function LimitsForm({ rows }: { rows: SupervisionSettingView[] }) {
  const form = useZodForm<Values>({ schema: SupervisionSettingsInput, initialValues: toValues(rows), toInput });
  const { run, saving } = useSaveSupervisionSettings(form);
  const submit = form.onSubmit(async (values) => {
    const saved = await run(toInput(values) as never, '审批期限已保存，待办事项将按新设置重新计算');
    if (saved) form.resetDirty(toValues(saved));
  });
  return (
    <PageForm form={form} onSubmit={submit} autoFocus={false} data-testid="supervision-settings">
      <Stack>
        <Table withTableBorder verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>期限</Table.Th>
              <Table.Th w={130}>本所设置</Table.Th>
              <Table.Th w={170}>默认值与依据</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Td>{r.label}</Table.Td>
                <Table.Td>
                  <NumberInput aria-label={r.label} min={1} allowDecimal={false} {...form.getInputProps(r.key)} />
                </Table.Td>
                <Table.Td>
                  <Group gap={6}>
                    <Basis source={r.source} size="xs">
                      默认 {r.defaultValue}
                    </Basis>
                    <Badge size="xs" variant="light" color={r.value === r.defaultValue ? 'gray' : 'blue'}>
                      {r.value === r.defaultValue ? '默认' : '本所设定'}
                    </Badge>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed">
          外出的审批层级和期限、经常性跨市县活动的有效期出自2012年《社区矫正实施办法》等，2020年《社区矫正法实施办法》的规定未经核实，请按本地规定调整。电子定位每次不超过三个月是社区矫正法第二十九条的规定，不可调整。
        </Text>
        <Group>
          <Button type="submit" loading={saving}>
            保存
          </Button>
        </Group>
      </Stack>
    </PageForm>
  );
}

export function SupervisionSettings() {
  const s = useSupervisionSettings();
  return (
    <Card withBorder maw={900}>
      <Title order={4} mb="sm">
        社区矫正：审批期限
      </Title>
      {s.data ? <LimitsForm rows={s.data} /> : <Loading>正在加载…</Loading>}
    </Card>
  );
}
