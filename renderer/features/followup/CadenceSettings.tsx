/**
 * 走访频次: the special-group visit cadences with the article or practice each comes from, the
 * mental-health scheme the office follows, and its opening grace (建档当期宽限). A change of cadence
 * applies from the chosen date on and needs a reason; every change is kept in the audit trail.
 */
import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { PERIOD_WORDS } from '../../../shared/domain/obligations';
import {
  CadenceInput,
  DrugSettingsInput,
  MH_SCHEME_LABELS,
  MH_SCHEMES,
  OpeningGraceInput,
  type CadenceSetting,
  type FollowupSchedule,
  type MhScheme,
} from '../../../shared/schemas/followup';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { todayLocal } from '../../components/today';
import { ModalActions } from '../../components/ModalActions';
import { useSaveCadence, useSetDrugSettings, useSetOpeningGrace, useSetScheme } from './mutations';
import { useFollowupSchedule } from './queries';

type Unit = 'days' | 'months' | 'month' | 'quarter';
const UNIT_FIELDS = new Set(['days', 'months', 'period', 'minCount']);
const toFormPath = (path: string) => (UNIT_FIELDS.has(path) ? 'n' : path);

/** Interval cadences take a number of days or months; calendar duties a number of times per month or quarter. */
function cadenceInput(key: string, v: { unit: Unit; n: number | ''; since: string; reason: string }) {
  const n = v.n === '' ? null : Number(v.n);
  return {
    key,
    days: v.unit === 'days' ? n : null,
    months: v.unit === 'months' ? n : null,
    period: v.unit === 'month' || v.unit === 'quarter' ? v.unit : null,
    minCount: v.unit === 'month' || v.unit === 'quarter' ? n : null,
    since: v.since,
    reason: v.reason,
  };
}

function CadenceModal({ c, onClose }: { c: CadenceSetting; onClose: () => void }) {
  const form = useZodForm({
    schema: CadenceInput,
    initialValues: { unit: (c.interval ? 'days' : 'month') as Unit, n: '' as number | '', since: todayLocal(), reason: '' },
    toInput: (v) => cadenceInput(c.key, v),
    toFormPath,
  });
  const save = useSaveCadence(form, toFormPath);
  const submit = form.onSubmit(async (v) => {
    if (await save.run(cadenceInput(c.key, v), `“${c.label}”已调整，自 ${v.since} 起按新频次计算`)) onClose();
  });
  return (
    <Modal opened onClose={onClose} title={`调整走访频次：${c.label}`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">现行：{c.text}</Text>
          <Text size="xs" c="dimmed">
            {c.source}
          </Text>
          {c.interval ? (
            <Group align="flex-end">
              <NumberInput label="间隔" withAsterisk min={1} max={366} w={120} data-autofocus {...form.getInputProps('n')} />
              <SegmentedControl
                data={[
                  { value: 'days', label: '天' },
                  { value: 'months', label: '个月' },
                ]}
                {...form.getInputProps('unit')}
              />
            </Group>
          ) : (
            <Group align="flex-end">
              <SegmentedControl
                data={(['month', 'quarter'] as const).map((p) => ({ value: p, label: PERIOD_WORDS[p] }))}
                {...form.getInputProps('unit')}
              />
              <NumberInput label="至少次数" withAsterisk min={1} max={31} w={120} data-autofocus {...form.getInputProps('n')} />
            </Group>
          )}
          <DateField label="生效日期" withAsterisk {...form.getInputProps('since')} />
          <TextInput label="调整理由" withAsterisk placeholder="如：县卫健局通知要求加密随访" {...form.getInputProps('reason')} />
          <Text size="xs" c="dimmed">
            调整自生效日期起适用，此前的到期事项不变；调整记录写入修改记录。
          </Text>
          <ModalActions onCancel={onClose} submit="保存调整" />
        </Stack>
      </form>
    </Modal>
  );
}

/** 建档当期宽限: the last N days of a month (quarter, year) in which a file may be opened without owing that period. */
function OpeningGrace({ grace }: { grace: FollowupSchedule['openingGrace'] }) {
  const form = useZodForm({ schema: OpeningGraceInput, initialValues: { days: grace.days as number | '' } });
  const save = useSetOpeningGrace(form);
  const submit = form.onSubmit(async (v) => {
    const days = Number(v.days);
    await save.run({ days }, days ? `建档当月最后${days}天内建档的，当月不计走访` : '建档当月一律计走访');
  });
  return (
    <form onSubmit={submit} data-testid="opening-grace">
      <Stack gap={4}>
        <Group align="flex-end" gap="xs">
          <Text size="sm" pb={6}>
            建档日期在当月（季度、年度）最后
          </Text>
          <NumberInput label="建档当期宽限天数" min={0} max={15} w={150} {...form.getInputProps('days')} />
          <Text size="sm" pb={6}>
            天内的，当期不计走访（建档后当期内已走访的照常计入）。
          </Text>
          <Button type="submit" variant="light" loading={save.saving}>
            保存
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          <Badge size="xs" variant="outline" mr={4}>
            本所做法
          </Badge>
          {grace.source}（默认{grace.defaultDays}天）。调整后对所有在管档案的建档当期重新计算。
        </Text>
      </Stack>
    </form>
  );
}

/**
 * Drug files (REVIEW rows 2 and 13): how many working days "及时" gives (报告公安机关, 签订协议), and
 * whether a 中止 pushes the term end back. No text the review found fixes either: each shows its source.
 */
function DrugSettings({ drug }: { drug: FollowupSchedule['drug'] }) {
  const form = useZodForm({
    schema: DrugSettingsInput,
    initialValues: { promptDays: drug.promptDays as number | '', suspensionExtendsTerm: drug.suspensionExtendsTerm },
    toInput: (v) => ({ ...v, promptDays: v.promptDays === '' ? undefined : v.promptDays }),
  });
  const save = useSetDrugSettings(form);
  const submit = form.onSubmit(async (v) => {
    await save.run({ promptDays: Number(v.promptDays), suspensionExtendsTerm: v.suspensionExtendsTerm }, '社区戒毒（康复）设置已保存');
  });
  return (
    <Card withBorder data-testid="drug-settings">
      <form onSubmit={submit}>
        <Stack gap="xs">
          <Title order={5}>社区戒毒（康复）</Title>
          <Group align="flex-end">
            <NumberInput
              label="“及时”报告公安机关、签订协议的期限（工作日）"
              min={0}
              max={10}
              allowDecimal={false}
              w={320}
              {...form.getInputProps('promptDays')}
            />
            <Badge variant="outline">本所设定</Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {drug.promptSource}
          </Text>
          <Switch label="中止期间顺延期满日期" {...form.getInputProps('suspensionExtendsTerm', { type: 'checkbox' })} />
          <Text size="xs" c="dimmed">
            {drug.suspensionSource}
          </Text>
          <Group>
            <Button type="submit" size="xs" loading={save.saving}>
              保存
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

export function CadenceSettings() {
  const q = useFollowupSchedule();
  const scheme = useSetScheme();
  const [editing, setEditing] = useState<CadenceSetting | null>(null);
  if (!q.data) return null;
  const setScheme = (m: string) => void scheme.run({ scheme: m as MhScheme }, '严重精神障碍患者的走访方案已切换');
  return (
    <Stack>
      <Group>
        <Text size="sm">严重精神障碍患者按</Text>
        <SegmentedControl
          aria-label="精神障碍患者走访方案"
          value={q.data.scheme}
          onChange={setScheme}
          data={MH_SCHEMES.map((m) => ({ value: m, label: MH_SCHEME_LABELS[m] }))}
        />
      </Group>
      <OpeningGrace key={q.data.openingGrace.days} grace={q.data.openingGrace} />
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>事项</Table.Th>
            <Table.Th>频次</Table.Th>
            <Table.Th>依据</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {q.data.cadences.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Td>{c.label}</Table.Td>
              <Table.Td>
                {c.text}
                {c.override && (
                  <Badge ml="xs" size="xs" variant="light">
                    本所调整
                  </Badge>
                )}
              </Table.Td>
              <Table.Td maw={520}>
                <Text size="xs">
                  <Badge size="xs" variant="outline" mr={4}>
                    {c.basis}
                  </Badge>
                  {c.source}
                </Text>
              </Table.Td>
              <Table.Td>
                {c.adjustable && (
                  <Button size="xs" variant="subtle" onClick={() => setEditing(c)}>
                    调整
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <CadenceModal c={editing} onClose={() => setEditing(null)} />}
      <DrugSettings drug={q.data.drug} />
    </Stack>
  );
}
