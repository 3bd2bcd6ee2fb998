import { Group, Stack, Textarea, TextInput } from '@mantine/core';
import { RecordInputAsOf, RECORD_KIND_LABELS, type MediationRecord, type RecordKind } from '../../../shared/schemas/mediation';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { todayLocal } from '../../components/today';
import { useSaveRecord } from './mutations';
import { ModalActions } from '../../components/ModalActions';
import { FormModal } from '../../components/GuardedForm';

/** 调查记录 / 调解记录: date, place, who took part, what was said and found, the next step. */
export function RecordModal({
  caseId,
  kind,
  existing,
  onClose,
}: {
  caseId: string;
  kind: RecordKind;
  existing?: MediationRecord;
  onClose: () => void;
}) {
  const form = useZodForm({
    schema: RecordInputAsOf,
    initialValues: {
      date: existing?.date ?? todayLocal(),
      place: existing?.place ?? '',
      participants: existing?.participants ?? '',
      content: existing?.content ?? '',
      nextStep: existing?.nextStep ?? '',
    },
    toInput: (v) => ({ caseId, kind, id: existing?.id ?? null, ...v }),
  });
  const { run, saving } = useSaveRecord(form);
  const submit = form.onSubmit(async (v) => {
    const saved = await run({ caseId, kind, id: existing?.id ?? null, ...v }, `${RECORD_KIND_LABELS[kind]}已保存`);
    if (saved) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`${existing ? '修改' : '新增'}${RECORD_KIND_LABELS[kind]}`} size="lg">
      <Stack>
        <Group grow>
          <DateField label="日期" withAsterisk {...form.getInputProps('date')} />
          <TextInput label="地点" placeholder="如：乡调解室、当事人家中" maxLength={100} {...form.getInputProps('place')} />
        </Group>
        <TextInput
          label="参加人员"
          withAsterisk
          placeholder="调解员、当事人及其他参加人"
          maxLength={300}
          {...form.getInputProps('participants')}
        />
        <Textarea
          label={kind === 'investigation' ? '调查内容及查明的情况' : '调解经过（各方陈述、调解员意见）'}
          withAsterisk
          autosize
          minRows={5}
          maxLength={10000}
          {...form.getInputProps('content')}
        />
        <TextInput label="下一步" maxLength={500} {...form.getInputProps('nextStep')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}
