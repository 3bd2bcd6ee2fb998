/**
 * 设置 → 安置帮教: the 帮教期 (after a release, after a correction), the local windows (family contact after the
 * notice, the first home visit) and the visit cadence of each level, each beside its default and source
 * (REVIEW §6.1, REVIEW §6.2: no national rule sets them). A change applies to every file from the next rebuild
 * of the to-do table (帮教期满 at once); it is kept in the audit trail.
 */
import { Button, Card, Group, NumberInput, Stack, Table, Text, Title } from '@mantine/core';
import { ASSISTANCE_LEVELS, ASSISTANCE_LEVEL_LABELS, DEFAULT_ASSISTANCE } from '../../../shared/domain/assistance-rules';
import { AssistanceSettingsInput, type AssistanceSchedule } from '../../../shared/schemas/assistance';
import { Basis } from '../../components/Basis';
import { PageForm } from '../../components/GuardedForm';
import { Loading } from '../../components/Loading';
import { useZodForm } from '../../components/useZodForm';
import { useSaveAssistanceSchedule } from './mutations';
import { useAssistanceSchedule } from './queries';

type N = number | '';
interface Values {
  years: N;
  correctionYears: N;
  familyDays: N;
  firstVisitDays: N;
  remindDays: N;
  visitMonths: Record<(typeof ASSISTANCE_LEVELS)[number], N>;
}

const num = (v: N) => (v === '' ? Number.NaN : Number(v));

function toValues(s: AssistanceSchedule): Values {
  return {
    years: s.years,
    correctionYears: s.correctionYears,
    familyDays: s.familyDays,
    firstVisitDays: s.firstVisitDays,
    remindDays: s.remindDays,
    visitMonths: Object.fromEntries(s.visits.map((v) => [v.level, v.interval.months ?? 1])) as Values['visitMonths'],
  };
}

function toInput(v: Values) {
  return {
    years: num(v.years),
    correctionYears: num(v.correctionYears),
    familyDays: num(v.familyDays),
    firstVisitDays: num(v.firstVisitDays),
    remindDays: num(v.remindDays),
    visitMonths: Object.fromEntries(ASSISTANCE_LEVELS.map((l) => [l, num(v.visitMonths[l])])),
  };
}

function ScheduleForm({ s }: { s: AssistanceSchedule }) {
  const form = useZodForm<Values>({ schema: AssistanceSettingsInput, initialValues: toValues(s), toInput });
  const { run, saving } = useSaveAssistanceSchedule(form);
  const submit = form.onSubmit(async (values) => {
    const saved = await run(toInput(values) as never, '安置帮教设置已保存，待办事项将按新设置重新计算');
    if (saved) form.resetDirty(toValues(saved));
  });
  const field = (
    key: 'years' | 'correctionYears' | 'familyDays' | 'firstVisitDays' | 'remindDays',
    label: string,
    unit: string,
    source: string,
  ) => (
    <Table.Tr key={key}>
      <Table.Td>
        <Basis source={source}>{label}</Basis>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <NumberInput aria-label={label} w={80} min={1} allowDecimal={false} {...form.getInputProps(key)} />
          <Text size="sm">{unit}</Text>
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          默认 {s.defaults[key]}
          {unit}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
  return (
    <PageForm form={form} onSubmit={submit} autoFocus={false} data-testid="assistance-settings">
      <Stack>
        <Text size="sm">
          安置帮教没有全国统一的法律规定，以下为本所设置；默认值来自地方做法或未经核实（见各项依据），请按本地规定调整。
        </Text>
        <Table withTableBorder verticalSpacing={6}>
          <Table.Tbody>
            {field('years', '帮教期（刑满释放等）', '年', s.periodSource)}
            {field('correctionYears', '帮教期（社区矫正期满）', '年', s.periodSource)}
            {field('familyDays', '收到通知书后联系家属', '日内', s.familySource)}
            {field('firstVisitDays', '回归后首次家访', '日内', s.familySource)}
            {field('remindDays', '帮教期满提前提醒', '日', s.remindSource)}
          </Table.Tbody>
        </Table>
        <Text size="sm">
          <Basis source={s.visitSource}>走访频次</Basis>（每几个月走访一次）
        </Text>
        <Table withTableBorder verticalSpacing={6}>
          <Table.Tbody>
            {ASSISTANCE_LEVELS.map((l) => (
              <Table.Tr key={l}>
                <Table.Td w={200}>{ASSISTANCE_LEVEL_LABELS[l]}</Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Text size="sm">每</Text>
                    <NumberInput
                      aria-label={`${ASSISTANCE_LEVEL_LABELS[l]}走访间隔`}
                      w={70}
                      min={1}
                      max={12}
                      allowDecimal={false}
                      {...form.getInputProps(`visitMonths.${l}`)}
                    />
                    <Text size="sm">个月</Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    默认每{DEFAULT_ASSISTANCE.visits[l].months}个月
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Group>
          <Button type="submit" loading={saving}>
            保存
          </Button>
        </Group>
      </Stack>
    </PageForm>
  );
}

export function AssistanceSettings() {
  const s = useAssistanceSchedule();
  if (!s.data) return <Loading>正在加载安置帮教设置…</Loading>;
  return (
    <Card withBorder maw={900}>
      <Title order={4} mb="sm">
        安置帮教
      </Title>
      <ScheduleForm s={s.data} />
    </Card>
  );
}
