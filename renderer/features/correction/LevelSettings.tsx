/**
 * 设置 → 社区矫正: the level × duty table (分类管理: each level's 报告 and 走访 cadence and its monthly 教育学习 and
 * 公益活动 hours) and the term-end reminder, each shown beside its default and its source (REVIEW §5.1: the
 * law sets no names nor figures, so these are the office's). A change applies to every file from the next
 * rebuild of the to-do table; it is kept in the audit trail.
 */
import { Badge, Button, Card, Group, NumberInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { CORRECTION_LEVELS, type CorrectionLevel } from '../../../shared/domain/correction-rules';
import type { Interval } from '../../../shared/domain/obligations';
import { CorrectionSettingsInput, type CorrectionSchedule } from '../../../shared/schemas/correction';
import { Basis } from '../../components/Basis';
import { PageForm } from '../../components/GuardedForm';
import { Loading } from '../../components/Loading';
import { useZodForm } from '../../components/useZodForm';
import { useSaveCorrectionSchedule } from './mutations';
import { useCorrectionSchedule } from './queries';

type Unit = 'days' | 'months';
interface Row {
  name: string;
  reportN: number | '';
  reportUnit: Unit;
  visitN: number | '';
  visitUnit: Unit;
  educationHours: number | '';
  publicHours: number | '';
}
interface Values {
  levels: Record<CorrectionLevel, Row>;
  termRemindDays: number | '';
}

const unitOf = (iv: Interval): Unit => (iv.days ? 'days' : 'months');
const countOf = (iv: Interval): number => iv.days ?? iv.months ?? 1;
const num = (v: number | '') => (v === '' ? Number.NaN : Number(v));
const interval = (n: number | '', unit: Unit) => ({ [unit]: num(n) });

function toValues(s: CorrectionSchedule): Values {
  const levels = Object.fromEntries(
    s.levels.map((l) => [
      l.level,
      {
        name: l.name,
        reportN: countOf(l.report),
        reportUnit: unitOf(l.report),
        visitN: countOf(l.visit),
        visitUnit: unitOf(l.visit),
        educationHours: l.educationHours,
        publicHours: l.publicHours,
      },
    ]),
  ) as Record<CorrectionLevel, Row>;
  return { levels, termRemindDays: s.termRemindDays };
}

function toInput(v: Values) {
  const levels = Object.fromEntries(
    CORRECTION_LEVELS.map((l) => {
      const r = v.levels[l];
      return [
        l,
        {
          name: r.name,
          report: interval(r.reportN, r.reportUnit),
          visit: interval(r.visitN, r.visitUnit),
          educationHours: num(r.educationHours),
          publicHours: num(r.publicHours),
        },
      ];
    }),
  );
  return { levels, termRemindDays: num(v.termRemindDays) };
}

const UNITS = [
  { value: 'days', label: '天' },
  { value: 'months', label: '个月' },
];

function ScheduleForm({ s }: { s: CorrectionSchedule }) {
  const form = useZodForm<Values>({ schema: CorrectionSettingsInput, initialValues: toValues(s), toInput });
  const { run, saving } = useSaveCorrectionSchedule(form);
  const submit = form.onSubmit(async (values) => {
    const saved = await run(toInput(values) as never, '社区矫正设置已保存，待办事项将按新设置重新计算');
    if (saved) form.resetDirty(toValues(saved));
  });
  const cadence = (l: CorrectionLevel, n: 'reportN' | 'visitN', u: 'reportUnit' | 'visitUnit', label: string) => (
    <Group gap={4} wrap="nowrap">
      <Text size="sm">每</Text>
      <NumberInput aria-label={label} w={70} min={1} max={366} allowDecimal={false} {...form.getInputProps(`levels.${l}.${n}`)} />
      <Select aria-label={`${label}单位`} w={90} allowDeselect={false} data={UNITS} {...form.getInputProps(`levels.${l}.${u}`)} />
    </Group>
  );
  const defaults = Object.fromEntries(s.defaults.map((d) => [d.level, d]));
  return (
    <PageForm form={form} onSubmit={submit} autoFocus={false} data-testid="correction-settings">
      <Stack>
        <Text size="sm">
          <Basis source={s.levelSource}>分类管理等级及其报告、走访频次和每月教育学习、公益活动时数</Basis>
          ：法律未规定，以下为本所设置；标“默认”的为程序默认值（地方做法或未经核实，请按本地规定调整）。
        </Text>
        <Table withTableBorder verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>等级名称</Table.Th>
              <Table.Th>定期报告</Table.Th>
              <Table.Th>走访核查</Table.Th>
              <Table.Th w={120}>教育学习（小时/月）</Table.Th>
              <Table.Th w={120}>公益活动（小时/月）</Table.Th>
              <Table.Th>默认值</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {CORRECTION_LEVELS.map((l) => {
              const d = defaults[l]!;
              const changed = s.levels.find((x) => x.level === l)?.changed;
              return (
                <Table.Tr key={l}>
                  <Table.Td>
                    <TextInput aria-label="等级名称" maxLength={10} {...form.getInputProps(`levels.${l}.name`)} />
                  </Table.Td>
                  <Table.Td>{cadence(l, 'reportN', 'reportUnit', `${d.name}报告间隔`)}</Table.Td>
                  <Table.Td>{cadence(l, 'visitN', 'visitUnit', `${d.name}走访间隔`)}</Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${d.name}教育学习时数`}
                      min={0}
                      max={100}
                      step={0.5}
                      {...form.getInputProps(`levels.${l}.educationHours`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${d.name}公益活动时数`}
                      min={0}
                      max={100}
                      step={0.5}
                      {...form.getInputProps(`levels.${l}.publicHours`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {d.name}：报告{d.reportText}，走访{d.visitText}，{d.educationHours}/{d.publicHours}小时
                    </Text>
                    <Badge size="xs" variant="light" color={changed ? 'blue' : 'gray'}>
                      {changed ? '本所设定' : '默认'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
        <Group align="flex-end">
          <NumberInput
            label="期满提醒（期满前天数）"
            w={200}
            min={1}
            max={180}
            allowDecimal={false}
            {...form.getInputProps('termRemindDays')}
          />
          <Text size="xs" c="dimmed" mb={8}>
            <Basis source={s.termRemindSource} size="xs">
              默认 {s.termRemindDefault} 天（地方做法，未经核实）
            </Basis>
          </Text>
        </Group>
        {form.errors.levels && (
          <Text c="red" size="xs">
            {form.errors.levels}
          </Text>
        )}
        <Group>
          <Button type="submit" loading={saving}>
            保存
          </Button>
        </Group>
      </Stack>
    </PageForm>
  );
}

export function CorrectionSettings() {
  const s = useCorrectionSchedule();
  return (
    <Card withBorder maw={1100}>
      <Title order={4} mb="sm">
        社区矫正：分类管理与期满提醒
      </Title>
      {s.data ? <ScheduleForm s={s.data} /> : <Loading>正在加载…</Loading>}
    </Card>
  );
}
