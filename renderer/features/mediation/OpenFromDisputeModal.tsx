import { Modal, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import { MEDIATING_BODIES, MEDIATING_BODY_LABELS, type MediatingBody } from '../../../shared/domain/mediation';
import type { Dispute } from '../../../shared/schemas/disputes';
import { MediationFromDisputeInput } from '../../../shared/schemas/mediation';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { staffOptions, useSettings, useStaff } from '../reference/queries';
import { todayLocal } from '../../components/today';
import { useOpenFromDispute } from './mutations';
import { ModalActions } from '../../components/ModalActions';

/** 受理: the registered dispute becomes a people's-mediation case; the two stay linked. */
export function OpenFromDisputeModal({ dispute, onClose }: { dispute: Dispute; onClose: () => void }) {
  const navigate = useNavigate();
  const staff = useStaff();
  const settings = useSettings();
  const form = useZodForm({
    schema: MediationFromDisputeInput,
    initialValues: {
      acceptedDate: todayLocal(),
      mediatingBody: 'township' as MediatingBody,
      committeeName: '',
      mediatorIds: dispute.responsibleStaffId ? [dispute.responsibleStaffId] : ([] as string[]),
    },
    toInput: (v) => ({ disputeId: dispute.id, ...v }),
  });
  const { run, saving } = useOpenFromDispute(form);
  const submit = form.onSubmit(async (v) => {
    const c = await run({ disputeId: dispute.id, ...v }, '已转入人民调解');
    if (c) navigate(`/mediation/${c.id}`);
  });
  return (
    <Modal opened onClose={onClose} title="转入人民调解（受理）">
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm" c="dimmed">
            当事人、纠纷类型和简要情况从纠纷登记 {dispute.caseNo} 带入；纠纷状态将改为“调处中”。
          </Text>
          <DateField label="受理日期" withAsterisk {...form.getInputProps('acceptedDate')} />
          <Select
            label="调解组织类型"
            withAsterisk
            allowDeselect={false}
            data={MEDIATING_BODIES.map((b) => ({ value: b, label: MEDIATING_BODY_LABELS[b] }))}
            {...form.getInputProps('mediatingBody')}
          />
          <TextInput
            label="调解组织名称"
            placeholder={settings.data?.committeeName}
            maxLength={50}
            {...form.getInputProps('committeeName')}
          />
          <MultiSelect label="调解员" withAsterisk searchable data={staffOptions(staff.data)} {...form.getInputProps('mediatorIds')} />
          <ModalActions onCancel={onClose} submit="受理" loading={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
