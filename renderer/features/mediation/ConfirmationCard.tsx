import { Alert, Badge, Button, Card, Checkbox, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import {
  CONFIRMATION_RESULTS,
  CONFIRMATION_RESULT_LABELS,
  COURT_BASES,
  COURT_BASIS_LABELS,
  LATE_CONFIRMATION_WARNING,
  lateConfirmation,
  NON_JOINT_CONFIRMATION_WARNING,
  nonJointConfirmation,
  type ConfirmationResult,
  type CourtBasis,
} from '../../../shared/domain/mediation';
import { COURT_CASE_NO_HINT, ConfirmationInputAsOf, type MediationCase } from '../../../shared/schemas/mediation';
import { daysLeftWords } from '../../../shared/domain/days-left';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { useSaveConfirmation } from './mutations';
import { PageForm } from '../../components/GuardedForm';

interface Values {
  intent: string | null;
  appliedDate: string;
  joint: boolean;
  courtBasis: string | null;
  court: string;
  acceptedDate: string;
  rulingNo: string;
  result: string | null;
  resultDate: string;
}

/**
 * 司法确认 (REVIEW row 6): the 30-day window from the effective date as a countdown; the application —
 * made by both parties together, as 民诉法 art. 205 asks (ticked unless the worker says otherwise) — to
 * the court chosen under art. 205 (its basis and its name); the court's 受理日期 and 案号; and how it
 * ended. An application after the window, or by one party only, is saved as made and warned of here.
 */
export function ConfirmationCard({ c }: { c: MediationCase }) {
  const a = c.agreement!;
  const conf = a.confirmation;
  const entrustedByCourt = c.origin === 'court';
  const form = useZodForm<Values>({
    schema: ConfirmationInputAsOf,
    initialValues: {
      intent: conf.intent === null ? '' : conf.intent ? 'yes' : 'no',
      appliedDate: conf.appliedDate ?? '',
      joint: conf.joint ?? true,
      courtBasis: conf.courtBasis ?? (entrustedByCourt ? 'inviting_court' : null),
      court: conf.court ?? (entrustedByCourt ? (c.senderUnit ?? '') : ''),
      acceptedDate: conf.acceptedDate ?? '',
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
  const v = form.getValues();
  const w = conf.window;
  // Warned while typing, and on the saved record (the form's date may not be saved yet).
  const lateTyped = lateConfirmation(v.appliedDate || null, w);
  const nonJointTyped = nonJointConfirmation(v.appliedDate || null, v.joint);
  return (
    <Card withBorder data-testid="confirmation-card">
      <Group justify="space-between" mb="xs">
        <Title order={5}>司法确认</Title>
        {w && !conf.appliedDate && (
          <Badge color={w.open ? (w.daysLeft <= 7 ? 'orange' : 'blue') : 'gray'} size="lg" variant="light">
            {w.open ? `申请期限至 ${w.lastDay}，${daysLeftWords(w.daysLeft)}` : `申请期限已于 ${w.lastDay} 届满`}
          </Badge>
        )}
      </Group>
      {a.form !== 'written' || !a.effectiveDate ? (
        <Text size="sm" c="dimmed">
          书面调解协议生效后，双方当事人可自生效之日起三十日内共同向人民法院申请司法确认。
        </Text>
      ) : (
        <PageForm form={form} onSubmit={submit} autoFocus={false}>
          <Stack gap="xs">
            {w && (conf.late || lateTyped) && (
              <Alert color="orange" variant="light" title="逾期申请" data-testid="late-confirmation">
                {LATE_CONFIRMATION_WARNING(w.lastDay)}
                {conf.late ? '已按实际申请日期登记。' : ''}
              </Alert>
            )}
            {(conf.nonJoint || nonJointTyped) && (
              <Alert color="orange" variant="light" title="非双方当事人共同申请" data-testid="non-joint-confirmation">
                {NON_JOINT_CONFIRMATION_WARNING}
                {conf.nonJoint ? '已按实际申请情况登记。' : ''}
              </Alert>
            )}
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
              <Select
                label="申请法院（民事诉讼法第二百零五条）"
                clearable
                data={COURT_BASES.map((b) => ({ value: b, label: COURT_BASIS_LABELS[b] }))}
                {...form.getInputProps('courtBasis')}
              />
              <TextInput label="法院名称" placeholder="如：某某县人民法院" maxLength={100} {...form.getInputProps('court')} />
            </Group>
            <Checkbox
              label="双方当事人共同申请"
              description="民事诉讼法第二百零五条、人民调解法第三十三条：司法确认由双方当事人共同申请；仅一方申请的，请取消勾选"
              {...form.getInputProps('joint', { type: 'checkbox' })}
            />
            <Group grow align="flex-start">
              <DateField label="法院受理日期" {...form.getInputProps('acceptedDate')} />
              <TextInput
                label="案号"
                placeholder="如：（2024）豫0102民特12号"
                title={COURT_CASE_NO_HINT}
                maxLength={60}
                {...form.getInputProps('rulingNo')}
              />
              <Select
                label="结果"
                clearable
                data={CONFIRMATION_RESULTS.map((r) => ({ value: r, label: CONFIRMATION_RESULT_LABELS[r] }))}
                {...form.getInputProps('result')}
              />
              <DateField label={v.result === 'withdrawn' ? '撤回日期' : '裁定日期'} {...form.getInputProps('resultDate')} />
            </Group>
            <Text size="xs" c="dimmed">
              人民法院审理司法确认案件，一般应当自立案之日起三十日内审结（民事诉讼法第一百八十七条）。
            </Text>
            <Group>
              <Button type="submit" size="xs" loading={saving}>
                保存司法确认情况
              </Button>
            </Group>
          </Stack>
        </PageForm>
      )}
    </Card>
  );
}

function toInput(caseId: string, v: Values) {
  return {
    caseId,
    intent: v.intent === 'yes' ? true : v.intent === 'no' ? false : null,
    appliedDate: v.appliedDate,
    // Asked with an application only; without one there is nothing to say (the box keeps its default).
    joint: v.appliedDate ? v.joint : null,
    courtBasis: (v.courtBasis || '') as '' | CourtBasis,
    court: v.court,
    acceptedDate: v.acceptedDate,
    rulingNo: v.rulingNo,
    result: (v.result || '') as '' | ConfirmationResult,
    resultDate: v.resultDate,
  };
}
