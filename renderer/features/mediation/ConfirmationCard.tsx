import { Badge, Button, Card, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { CONFIRMATION_RESULT_LABELS } from '../../../shared/domain/mediation';
import { ConfirmationInput, type MediationCase } from '../../../shared/schemas/mediation';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { useSaveConfirmation } from './mutations';

/** 司法确认: the 30-day window from the effective date as a countdown, then application and ruling. */
export function ConfirmationCard({ c }: { c: MediationCase }) {
  const a = c.agreement!;
  const conf = a.confirmation;
  const form = useZodForm({
    schema: ConfirmationInput,
    initialValues: {
      intent: conf.intent === null ? '' : conf.intent ? 'yes' : 'no',
      appliedDate: conf.appliedDate ?? '',
      court: conf.court ?? '',
      rulingNo: conf.rulingNo ?? '',
      result: conf.result ?? '',
      resultDate: conf.resultDate ?? '',
    },
    toInput: (v) => toInput(c.id, v),
  });
  const { run, saving } = useSaveConfirmation(form);
  const submit = form.onSubmit(async (v) => {
    await run(toInput(c.id, v), '司法确认情况已保存');
  });
  const w = conf.window;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>司法确认</Title>
        {w && !conf.appliedDate && (
          <Badge color={w.open ? (w.daysLeft <= 7 ? 'orange' : 'blue') : 'gray'} size="lg" variant="light">
            {w.open ? `申请期限至 ${w.lastDay}，剩 ${w.daysLeft} 天` : `申请期限已于 ${w.lastDay} 届满`}
          </Badge>
        )}
      </Group>
      {a.form !== 'written' || !a.effectiveDate ? (
        <Text size="sm" c="dimmed">
          书面调解协议生效后，双方当事人可自生效之日起三十日内共同向人民法院申请司法确认。
        </Text>
      ) : (
        <form onSubmit={submit}>
          <Stack gap="xs">
            <Group grow align="flex-start">
              <Select
                label="当事人是否申请"
                data={[
                  { value: 'yes', label: '拟申请' },
                  { value: 'no', label: '不申请' },
                ]}
                clearable
                {...form.getInputProps('intent')}
              />
              <DateField label="申请日期" {...form.getInputProps('appliedDate')} />
              <TextInput label="受理法院" maxLength={100} {...form.getInputProps('court')} />
            </Group>
            <Group grow align="flex-start">
              <TextInput label="裁定书文号" placeholder="如：（2024）某0102民特12号" maxLength={60} {...form.getInputProps('rulingNo')} />
              <Select
                label="结果"
                clearable
                data={(['granted', 'rejected'] as const).map((r) => ({ value: r, label: CONFIRMATION_RESULT_LABELS[r] }))}
                {...form.getInputProps('result')}
              />
              <DateField label="裁定日期" {...form.getInputProps('resultDate')} />
            </Group>
            <Group>
              <Button type="submit" size="xs" loading={saving}>
                保存司法确认情况
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Card>
  );
}

function toInput(
  caseId: string,
  v: { intent: string | null; appliedDate: string; court: string; rulingNo: string; result: string | null; resultDate: string },
) {
  return {
    caseId,
    intent: v.intent === 'yes' ? true : v.intent === 'no' ? false : null,
    appliedDate: v.appliedDate,
    court: v.court,
    rulingNo: v.rulingNo,
    result: (v.result || '') as '' | 'granted' | 'rejected',
    resultDate: v.resultDate,
  };
}
