/**
 * 设置 → 考核奖惩: the thresholds at which 提请撤销假释 / 提请收监执行 is suggested (REVIEW §5.4 leaves their conditions
 * unconfirmed; the defaults are the 缓刑 figures), each beside its default and source. Kept in the audit trail.
 */
import { Button, Card, Group, NumberInput, Stack, Text, Title } from '@mantine/core';
import { SanctionSettingsInput, type SanctionSchedule } from '../../../shared/schemas/correction-end';
import { Basis } from '../../components/Basis';
import { PageForm } from '../../components/GuardedForm';
import { Loading } from '../../components/Loading';
import { useZodForm } from '../../components/useZodForm';
import { useSaveSanctionSchedule } from './mutations';
import { useSanctionSchedule } from './queries';

type Values = { otherWarnings: number | ''; otherAbsentMonths: number | '' };
const toValues = (s: SanctionSchedule): Values => ({ otherWarnings: s.otherWarnings, otherAbsentMonths: s.otherAbsentMonths });
const toInput = (v: Values) => ({ otherWarnings: Number(v.otherWarnings), otherAbsentMonths: Number(v.otherAbsentMonths) });

function SanctionForm({ s }: { s: SanctionSchedule }) {
  const form = useZodForm<Values>({ schema: SanctionSettingsInput, initialValues: toValues(s), toInput });
  const { run, saving } = useSaveSanctionSchedule(form);
  const submit = form.onSubmit(async (values) => {
    const saved = await run(toInput(values), '考核奖惩设置已保存');
    if (saved) form.resetDirty(toValues(saved));
  });
  return (
    <PageForm form={form} onSubmit={submit} autoFocus={false}>
      <Stack>
        <Text size="sm">
          <Basis source={s.source}>假释、暂予监外执行对象提示“提请撤销假释/收监执行”的条件</Basis>
          （缓刑的条件由规定确定，不在此设置）：
        </Text>
        <Group align="flex-end">
          <NumberInput label="受到警告次数" w={180} min={1} max={5} allowDecimal={false} {...form.getInputProps('otherWarnings')} />
          <NumberInput
            label="脱离监管超过（月）"
            w={180}
            min={1}
            max={6}
            allowDecimal={false}
            {...form.getInputProps('otherAbsentMonths')}
          />
          <Text size="xs" c="dimmed" mb={8}>
            默认 {s.defaults.otherWarnings} 次、{s.defaults.otherAbsentMonths} 个月（参照缓刑，未经核实）
          </Text>
        </Group>
        <Group>
          <Button type="submit" loading={saving}>
            保存
          </Button>
        </Group>
      </Stack>
    </PageForm>
  );
}

export function SanctionSettings() {
  const q = useSanctionSchedule();
  return (
    <Card withBorder>
      <Title order={5} mb="sm">
        考核奖惩提示
      </Title>
      {q.data ? <SanctionForm s={q.data} /> : <Loading>正在加载…</Loading>}
    </Card>
  );
}
