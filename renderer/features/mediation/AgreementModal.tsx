import { ActionIcon, Button, Divider, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  AGREEMENT_FORM_FULL_LABELS,
  AGREEMENT_PERFORMANCES,
  AGREEMENT_PERFORMANCE_LABELS,
  LAND_WRITTEN_TEXT,
  PERFORMANCE_STATES,
  PERFORMANCE_STATE_LABELS,
  type AgreementPerformance,
  type PerformanceState,
} from '../../../shared/domain/mediation';
import { AGREEMENT_FORMS, AgreementInputAsOf, type AgreementForm, type MediationCase } from '../../../shared/schemas/mediation';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { useSaveAgreement } from './mutations';
import { ModalActions } from '../../components/ModalActions';
import { FormModal } from '../../components/GuardedForm';

interface ItemValue {
  id: string | null;
  description: string;
  deadline: string;
  state: PerformanceState;
  performedDate: string;
  note: string;
}

/** The agreement: written (人民调解法第二十九条 contents and signatures) or oral (第三十条), with performance items. */
export function AgreementModal({ c, onClose }: { c: MediationCase; onClose: () => void }) {
  const a = c.agreement;
  const signed = (personId: string) => a?.partySignatures.find((s) => s.personId === personId)?.date ?? '';
  const form = useZodForm({
    schema: AgreementInputAsOf,
    initialValues: {
      form: (a?.form ?? 'written') as AgreementForm,
      facts: a?.facts ?? '',
      matters: a?.matters ?? '',
      responsibility: a?.responsibility ?? '',
      content: a?.content ?? '',
      performanceMethod: a?.performanceMethod ?? '',
      performanceDeadline: a?.performanceDeadline ?? '',
      performancePlace: a?.performancePlace ?? '',
      signatures: c.parties.map((p) => ({ personId: p.personId, name: p.name, date: signed(p.personId) })),
      mediatorSignedDate: a?.mediatorSignedDate ?? '',
      sealDate: a?.sealDate ?? '',
      oralDate: a?.form === 'oral' ? (a.effectiveDate ?? '') : '',
      items: (a?.items ?? []).map((i) => ({
        id: i.id,
        description: i.description,
        deadline: i.deadline ?? '',
        state: i.state,
        performedDate: i.performedDate ?? '',
        note: i.note ?? '',
      })) as ItemValue[],
      agreedAmountYuan: (a?.agreedAmountYuan ?? '') as number | string,
      performance: (a && !a.performanceDerived ? a.performance : 'unperformed') as AgreementPerformance,
      performedDate: a?.performanceDerived ? '' : (a?.performedDate ?? ''),
    },
    toInput: (v) => toInput(c.id, v),
    toFormPath,
  });
  const v = form.getValues();
  const { run, saving } = useSaveAgreement(form, toFormPath);
  const submit = form.onSubmit(async (values) => {
    if (await run(toInput(c.id, values), '调解协议已保存')) onClose();
  });
  const written = v.form === 'written';

  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={a ? '修改调解协议' : '登记调解协议'} size="xl">
      <Stack>
        <SegmentedControl
          data={AGREEMENT_FORMS.map((f) => ({
            value: f,
            label: AGREEMENT_FORM_FULL_LABELS[f],
            // 农村土地承包经营纠纷调解仲裁法第十条: a land-contract dispute is settled in writing (REVIEW row 17).
            disabled: f === 'oral' && c.landContract && v.form !== 'oral',
          }))}
          {...form.getInputProps('form')}
        />
        {c.landContract && (
          <Text size="sm" c={v.form === 'oral' ? 'red' : 'dimmed'}>
            {LAND_WRITTEN_TEXT}
          </Text>
        )}
        {form.errors.form && (
          <Text size="sm" c="red">
            {form.errors.form}
          </Text>
        )}
        {written && (
          <>
            <Textarea label="纠纷的主要事实" withAsterisk autosize minRows={3} maxLength={5000} {...form.getInputProps('facts')} />
            <Textarea label="争议事项" withAsterisk autosize minRows={2} maxLength={2000} {...form.getInputProps('matters')} />
            <Textarea label="各方当事人的责任" autosize minRows={2} maxLength={2000} {...form.getInputProps('responsibility')} />
          </>
        )}
        <Textarea
          label={written ? '协议内容' : '口头协议内容'}
          withAsterisk
          autosize
          minRows={3}
          maxLength={10000}
          {...form.getInputProps('content')}
        />
        <Group grow>
          <TextInput label="履行方式" maxLength={500} {...form.getInputProps('performanceMethod')} />
          <DateField label="履行期限" {...form.getInputProps('performanceDeadline')} />
          <TextInput label="履行地点" maxLength={200} {...form.getInputProps('performancePlace')} />
        </Group>
        {written ? (
          <>
            <Divider label="签署（全部签署后协议生效，生效日为最后一项签署日期）" labelPosition="left" />
            {v.signatures.map((s, i) => (
              <DateField key={s.personId} label={`当事人 ${s.name} 签名（按印）日期`} {...form.getInputProps(`signatures.${i}.date`)} />
            ))}
            <Group grow>
              <DateField label="调解员签名日期" {...form.getInputProps('mediatorSignedDate')} />
              <DateField label="调委会盖章日期" {...form.getInputProps('sealDate')} />
            </Group>
          </>
        ) : (
          <DateField label="达成日期（口头协议自达成之日起生效）" withAsterisk {...form.getInputProps('oralDate')} />
        )}
        <NumberInput
          label="协议金额（元）"
          description="协议约定给付的金额合计；与受理时登记的争议金额分开统计"
          min={0}
          decimalScale={2}
          thousandSeparator=","
          w={260}
          {...form.getInputProps('agreedAmountYuan')}
        />
        <Divider label="履行事项" labelPosition="left" />
        {v.items.length === 0 && (
          <>
            <Text size="sm" c="dimmed">
              有分期、分项给付的，逐项添加履行事项，履行情况按事项汇总；没有需要跟踪的事项时，直接登记协议的履行情况。
            </Text>
            <Group grow>
              <Select
                label="协议履行情况"
                allowDeselect={false}
                data={AGREEMENT_PERFORMANCES.map((p) => ({ value: p, label: AGREEMENT_PERFORMANCE_LABELS[p] }))}
                {...form.getInputProps('performance')}
              />
              {v.performance === 'performed' ? (
                <DateField label="履行完毕日期" withAsterisk {...form.getInputProps('performedDate')} />
              ) : (
                <div />
              )}
            </Group>
          </>
        )}
        {v.items.map((_item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: controlled inputs read their values from the form by position, so a row's key is its place.
          <Group key={i} align="flex-end" wrap="nowrap" gap="xs">
            <TextInput
              label={i === 0 ? '事项' : undefined}
              aria-label={`履行事项${i + 1}`}
              placeholder="如：张三于5月31日前赔偿李四2000元"
              style={{ flex: 1 }}
              maxLength={500}
              {...form.getInputProps(`items.${i}.description`)}
            />
            <DateField
              label={i === 0 ? '期限' : undefined}
              aria-label={`履行事项${i + 1}期限`}
              w={160}
              {...form.getInputProps(`items.${i}.deadline`)}
            />
            <Select
              label={i === 0 ? '履行情况' : undefined}
              aria-label={`履行事项${i + 1}履行情况`}
              w={120}
              allowDeselect={false}
              data={PERFORMANCE_STATES.map((s) => ({ value: s, label: PERFORMANCE_STATE_LABELS[s] }))}
              {...form.getInputProps(`items.${i}.state`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              aria-label={`删除履行事项${i + 1}`}
              onClick={() => form.removeListItem('items', i)}
            >
              ✕
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="subtle"
          size="xs"
          w={140}
          onClick={() =>
            form.insertListItem('items', {
              id: null,
              description: '',
              deadline: v.performanceDeadline,
              state: 'unperformed',
              performedDate: '',
              note: '',
            } satisfies ItemValue)
          }
        >
          + 添加履行事项
        </Button>
        <ModalActions onCancel={onClose} submit="保存协议" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** The parties' signatures are the form's `signatures` rows, one a party in the same order. */
const toFormPath = (path: string) => path.replace(/^partySignatures\./, 'signatures.');

function toInput(
  caseId: string,
  v: {
    form: AgreementForm;
    facts: string;
    matters: string;
    responsibility: string;
    content: string;
    performanceMethod: string;
    performanceDeadline: string;
    performancePlace: string;
    signatures: { personId: string; date: string }[];
    mediatorSignedDate: string;
    sealDate: string;
    oralDate: string;
    items: ItemValue[];
    agreedAmountYuan: number | string;
    performance: AgreementPerformance;
    performedDate: string;
  },
) {
  return {
    caseId,
    form: v.form,
    facts: v.facts,
    matters: v.matters,
    responsibility: v.responsibility,
    content: v.content,
    performanceMethod: v.performanceMethod,
    performanceDeadline: v.performanceDeadline,
    performancePlace: v.performancePlace,
    partySignatures: v.form === 'written' ? v.signatures.map((s) => ({ personId: s.personId, date: s.date })) : [],
    mediatorSignedDate: v.form === 'written' ? v.mediatorSignedDate : '',
    sealDate: v.form === 'written' ? v.sealDate : '',
    oralDate: v.form === 'oral' ? v.oralDate : '',
    items: v.items.map((i) => ({
      id: i.id,
      description: i.description,
      deadline: i.deadline,
      state: i.state,
      // The day an item was performed is kept while it stays performed; the host dates a newly performed one.
      performedDate: i.state === 'performed' ? i.performedDate : '',
      note: i.note,
    })),
    agreedAmountYuan: v.agreedAmountYuan === '' ? null : Number(v.agreedAmountYuan),
    performance: v.performance,
    performedDate: v.items.length === 0 && v.performance === 'performed' ? v.performedDate : '',
  };
}
