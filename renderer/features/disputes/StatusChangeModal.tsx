import { Stack, Textarea, TextInput } from '@mantine/core';
import { DISPUTE_STATUS_LABELS, type DisputeStatus } from '../../../shared/domain/disputes';
import { DisputeStatusInputAsOf } from '../../../shared/schemas/disputes';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { todayLocal } from '../../components/today';
import { useChangeStatus } from './mutations';
import { ModalActions } from '../../components/ModalActions';
import { FormModal } from '../../components/GuardedForm';

/** Records one step of the workflow with its date, a note and, for 转办, the receiving unit. */
export function StatusChangeModal({ disputeId, to, onClose }: { disputeId: string; to: DisputeStatus; onClose: () => void }) {
  const form = useZodForm({
    schema: DisputeStatusInputAsOf,
    initialValues: { date: todayLocal(), note: '', transferUnit: '' },
    toInput: (v) => ({ id: disputeId, to, ...v }),
  });
  const mutation = useChangeStatus(form);
  const submit = form.onSubmit(async (v) => {
    if (await mutation.run({ id: disputeId, to, ...v }, `状态已改为“${DISPUTE_STATUS_LABELS[to]}”`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`改为“${DISPUTE_STATUS_LABELS[to]}”`}>
      <Stack>
        <DateField label="日期" withAsterisk {...form.getInputProps('date')} />
        {to === 'transferred' && (
          <TextInput
            label="接收单位"
            withAsterisk
            data-autofocus
            placeholder="如：县信访局"
            maxLength={100}
            {...form.getInputProps('transferUnit')}
          />
        )}
        <Textarea
          label="说明"
          data-autofocus={to !== 'transferred' || undefined}
          autosize
          minRows={2}
          maxLength={1000}
          {...form.getInputProps('note')}
        />
        <ModalActions onCancel={onClose} submit="确定" loading={mutation.saving} />
      </Stack>
    </FormModal>
  );
}
