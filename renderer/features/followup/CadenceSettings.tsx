/**
 * 走访频次: the special-group visit cadences, each said plainly (每月走访1次，可在设置中调整) with the
 * article or practice it comes from in a tooltip — the
 * mental-health and drug schemes as a list, the other groups as a table, group × level, with a column
 * for persons merely 在册 (REVIEW row 11) — the mental-health scheme the office follows (卫健随访 or the
 * 司法所's 走访（关爱帮扶）, REVIEW row 23), and its opening grace (建档当期宽限). A change of cadence
 * applies from the chosen date on and needs a reason; every change is kept in the audit trail.
 */
import { Badge, Button, Card, Group, NumberInput, SegmentedControl, Stack, Switch, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { PERIOD_WORDS } from '../../../shared/domain/obligations';
import {
  CadenceInput,
  DrugSettingsInput,
  MH_SCHEME_LABELS,
  MH_SCHEMES,
  OpeningGraceInput,
  COLOR_LEVEL_SHORT_LABELS,
  COLOR_LEVELS,
  type CadenceSetting,
  type FollowupSchedule,
  type MhScheme,
  type VisitCadenceRow,
} from '../../../shared/schemas/followup';
import { Basis } from '../../components/Basis';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { todayLocal } from '../../components/today';
import { ModalActions } from '../../components/ModalActions';
import { useSaveCadence, useSetDrugSettings, useSetOpeningGrace, useSetScheme } from './mutations';
import { useFollowupSchedule } from './queries';
import { FormModal, PageForm } from '../../components/GuardedForm';

type Unit = 'days' | 'months' | 'month' | 'quarter' | 'year' | 'off';
const CALENDAR = new Set<Unit>(['month', 'quarter', 'year']);
const UNIT_FIELDS = new Set(['days', 'months', 'period', 'minCount']);
const toFormPath = (path: string) => (UNIT_FIELDS.has(path) ? 'n' : path);

/** Interval cadences take a number of days or months; calendar duties a number of times per month or quarter. */
function cadenceInput(key: string, v: { unit: Unit; n: number | ''; since: string; reason: string }) {
  const n = v.n === '' ? null : Number(v.n);
  const calendar = CALENDAR.has(v.unit);
  return {
    key,
    days: v.unit === 'days' ? n : null,
    months: v.unit === 'months' ? n : null,
    period: calendar ? (v.unit as 'month' | 'quarter' | 'year') : null,
    minCount: calendar ? n : null,
    off: v.unit === 'off' ? true : null,
    since: v.since,
    reason: v.reason,
  };
}

function CadenceModal({ c, onClose }: { c: CadenceSetting; onClose: () => void }) {
  const form = useZodForm({
    schema: CadenceInput,
    initialValues: {
      unit: (c.interval ? 'days' : 'month') as Unit,
      n: (c.interval ? '' : 1) as number | '',
      since: todayLocal(),
      reason: '',
    },
    toInput: (v) => cadenceInput(c.key, v),
    toFormPath,
  });
  const save = useSaveCadence(form, toFormPath);
  const unit = form.getValues().unit;
  const submit = form.onSubmit(async (v) => {
    if (await save.run(cadenceInput(c.key, v), `“${c.label}”已调整，自 ${v.since} 起按新频次计算`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`调整走访频次：${c.label}`}>
      <Stack>
        <Text size="sm">
          现行：<Basis source={`${c.basis}：${c.source}`}>{c.plain}</Basis>
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
              aria-label="走访周期"
              data={[
                ...(['month', 'quarter', 'year'] as const).map((p) => ({ value: p, label: PERIOD_WORDS[p] })),
                ...(c.mayBeOff ? [{ value: 'off', label: '不安排走访' }] : []),
              ]}
              {...form.getInputProps('unit')}
            />
            {unit !== 'off' && (
              <NumberInput label="至少次数" withAsterisk min={1} max={31} w={120} data-autofocus {...form.getInputProps('n')} />
            )}
          </Group>
        )}
        <DateField label="生效日期" withAsterisk {...form.getInputProps('since')} />
        <TextInput label="调整理由" withAsterisk placeholder="如：县卫健局通知要求加密随访" {...form.getInputProps('reason')} />
        <Text size="xs" c="dimmed">
          调整自生效日期起适用，此前的到期事项不变；调整记录写入修改记录。
        </Text>
        <ModalActions onCancel={onClose} submit="保存调整" />
      </Stack>
    </FormModal>
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
    <PageForm form={form} onSubmit={submit} autoFocus={false} data-testid="opening-grace">
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
          <Basis size="xs" source={grace.source}>
            未见规定（待核实）；默认{grace.defaultDays}
            天，避免月末建档、次月初即逾期；设为0则建档当月一律计走访。调整后对所有在管档案的建档当期重新计算。
          </Basis>
        </Text>
      </Stack>
    </PageForm>
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
      <PageForm form={form} onSubmit={submit} autoFocus={false}>
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
            <Basis size="xs" source={drug.promptSource}>
              法规只要求“及时”，未规定天数；默认下一个工作日内，设为0即当日，遇休息日顺延至其后第一个工作日
            </Basis>
          </Text>
          <Switch label="中止期间顺延期满日期" {...form.getInputProps('suspensionExtendsTerm', { type: 'checkbox' })} />
          <Text size="xs" c="dimmed">
            <Basis size="xs" source={drug.suspensionSource}>
              被拘留、逮捕期间社区戒毒中止；是否因此顺延期满日期，条例未规定（未经核实），默认不顺延，可在此改为按中止天数顺延
            </Basis>
          </Text>
          <Group>
            <Button type="submit" size="xs" loading={save.saving}>
              保存
            </Button>
          </Group>
        </Stack>
      </PageForm>
    </Card>
  );
}

/** One cell of the table: the cadence in force, whether the office changed it (and from when), and the button to change it. */
function TableCell({ c, onEdit }: { c: CadenceSetting; onEdit: (c: CadenceSetting) => void }) {
  return (
    <Table.Td data-testid={`cadence-${c.key}`}>
      <Group gap={4} wrap="nowrap">
        <Text size="sm" c={c.off ? 'dimmed' : undefined} style={{ whiteSpace: 'nowrap' }}>
          <Basis source={`${c.basis}：${c.source}`}>{c.text}</Basis>
        </Text>
        <Button size="compact-xs" variant="subtle" onClick={() => onEdit(c)} aria-label={`调整${c.label}`}>
          调整
        </Button>
      </Group>
      {c.override && (
        <Text size="xs" c="blue.8">
          本所调整（{c.override.since}起）：{c.override.reason}
        </Text>
      )}
    </Table.Td>
  );
}

/**
 * The other groups' visits (REVIEW row 11): a cadence per group and level for the persons the office
 * controls (需管控; 邪教人员 待转化 too), and one for those merely 在册 — by default none. 留守儿童 are
 * minors: their levels are 关爱 levels, not control colours.
 */
function VisitTable({ rows, onEdit }: { rows: VisitCadenceRow[]; onEdit: (c: CadenceSetting) => void }) {
  // The defaults in a line each (需管控 …, 仅在册 …), with every source they rest on behind it.
  const defaults = new Map<string, { basis: string; words: string; sources: Set<string> }>();
  for (const c of rows.flatMap((r) => [...r.levels.map((l) => l.cadence), r.registered]).filter((x) => !x.override)) {
    const words = `${c.mayBeOff ? '仅在册' : '需管控'}：${c.plain}`;
    const line = defaults.get(c.basis + words) ?? { basis: c.basis, words, sources: new Set<string>() };
    defaults.set(c.basis + words, line.sources.add(c.source) && line);
  }
  return (
    <Card withBorder data-testid="cadence-table">
      <Title order={5} mb={4}>
        其他类别：按类别、等级的走访频次
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        列为管控对象（需管控；邪教人员含待转化）的按其等级走访；仅在册、未列为管控对象的默认不安排走访。留守儿童按关爱等级（重点、一般、日常关爱）。
      </Text>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>类别</Table.Th>
            {COLOR_LEVELS.map((l) => (
              <Table.Th key={l}>需管控·{COLOR_LEVEL_SHORT_LABELS[l]}</Table.Th>
            ))}
            <Table.Th>仅在册</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.group} data-testid={`cadence-row-${r.group}`}>
              <Table.Td>
                {r.groupLabel}
                <Text size="xs" c="dimmed">
                  {r.levelName}：{r.levels.map((l) => l.label).join('、')}
                </Text>
              </Table.Td>
              {r.levels.map((l) => (
                <TableCell key={l.level} c={l.cadence} onEdit={onEdit} />
              ))}
              <TableCell c={r.registered} onEdit={onEdit} />
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap={2} mt="xs">
        {[...defaults.values()].map((d) => (
          <Text key={d.basis + d.words} size="xs">
            <Badge size="xs" variant="outline" mr={4}>
              {d.basis}
            </Badge>
            <Basis size="xs" source={[...d.sources].join('\n')}>
              {d.words}
            </Basis>
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          指向下划虚线的文字可查看依据。
        </Text>
      </Stack>
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
      <Stack gap={2}>
        <Group>
          <Text size="sm">严重精神障碍患者按</Text>
          <SegmentedControl
            aria-label="精神障碍患者走访方案"
            value={q.data.scheme}
            onChange={setScheme}
            data={MH_SCHEMES.map((m) => ({ value: m, label: MH_SCHEME_LABELS[m] }))}
          />
        </Group>
        <Text size="xs" c="dimmed">
          <Basis size="xs" source="《精神卫生法》第五十五条">
            随访是乡镇卫生院、村卫生室的职责
          </Basis>
          ：本所录入医生随访的，选“卫健随访”，统计显示随访率；本所与关爱帮扶小组自行上门的，选“司法所走访（关爱帮扶）”，记为走访，计入走访完成率。两种方案均保留，可随时切换。
        </Text>
      </Stack>
      <OpeningGrace key={q.data.openingGrace.days} grace={q.data.openingGrace} />
      <VisitTable rows={q.data.table} onEdit={setEditing} />
      <Title order={5}>严重精神障碍患者、社区戒毒（康复）人员</Title>
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
                  <Basis size="xs" source={c.source}>
                    {c.plain}
                  </Basis>
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
