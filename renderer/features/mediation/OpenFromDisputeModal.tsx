import { Checkbox, MultiSelect, Select, Stack, Text, TextInput } from '@mantine/core';
import { useNavigate } from 'react-router';
import {
  ENTRUSTED_ORIGINS,
  LAND_CATEGORY,
  MEDIATING_BODIES,
  MEDIATING_BODY_LABELS,
  originOfDisputeSource,
  SENDER_OF_DISPUTE_SOURCE,
  type CaseOrigin,
  type MediatingBody,
} from '../../../shared/domain/mediation';
import type { Dispute } from '../../../shared/schemas/disputes';
import { MediationFromDisputeInputAsOf } from '../../../shared/schemas/mediation';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { useDicts, useSettings, useStaffNames } from '../reference/queries';
import { todayLocal } from '../../components/today';
import { useOpenFromDispute } from './mutations';
import { ModalActions } from '../../components/ModalActions';
import { originOptions } from './labels';
import { FormModal } from '../../components/GuardedForm';

/**
 * 受理: the registered dispute becomes a people's-mediation case; the two stay linked. The case's own
 * source (当事人申请, 主动调解 or 委托移送) is asked, proposed from how the dispute came in (REVIEW row 9).
 */
export function OpenFromDisputeModal({ dispute, onClose }: { dispute: Dispute; onClose: () => void }) {
  const navigate = useNavigate();
  const staff = useStaffNames();
  const settings = useSettings();
  const dicts = useDicts();
  const proposed = originOfDisputeSource(dispute.source);
  const form = useZodForm({
    schema: MediationFromDisputeInputAsOf,
    initialValues: {
      acceptedDate: todayLocal(),
      origin: proposed as CaseOrigin,
      senderUnit: ENTRUSTED_ORIGINS.includes(proposed) ? (dispute.ticketUnit ?? SENDER_OF_DISPUTE_SOURCE[dispute.source] ?? '') : '',
      mediatingBody: 'township' as MediatingBody,
      committeeName: '',
      mediatorIds: dispute.responsibleStaffId ? [dispute.responsibleStaffId] : ([] as string[]),
      landContract: false,
    },
    toInput: (v) => ({ disputeId: dispute.id, ...v }),
  });
  const v = form.getValues();
  const { run, saving } = useOpenFromDispute(form);
  const submit = form.onSubmit(async (values) => {
    const c = await run({ disputeId: dispute.id, ...values }, '已转入人民调解');
    if (c) navigate(`/mediation/${c.id}`);
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="转入人民调解（受理）">
      <Stack>
        <Text size="sm" c="dimmed">
          当事人、纠纷类型和简要情况从纠纷登记 {dispute.caseNo} 带入；纠纷状态将改为“调处中”。
        </Text>
        <DateField label="受理日期" withAsterisk {...form.getInputProps('acceptedDate')} />
        <Select
          label="案件来源"
          description={`按纠纷来源“${dicts.label('dispute_source', dispute.source)}”预选，请按实际情况确认`}
          withAsterisk
          allowDeselect={false}
          data={originOptions()}
          {...form.getInputProps('origin')}
        />
        {ENTRUSTED_ORIGINS.includes(v.origin) && (
          <TextInput label="移送/委托单位" withAsterisk maxLength={100} {...form.getInputProps('senderUnit')} />
        )}
        {dispute.category === LAND_CATEGORY && (
          <Checkbox label="土地承包经营纠纷（须制作书面调解协议书）" {...form.getInputProps('landContract', { type: 'checkbox' })} />
        )}
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
          description="村（社区）调委会受理的，填写其名称；卷宗号按各调委会分别编号"
          maxLength={50}
          {...form.getInputProps('committeeName')}
        />
        <MultiSelect label="调解员" withAsterisk searchable data={staff.options()} {...form.getInputProps('mediatorIds')} />
        <ModalActions onCancel={onClose} submit="受理" loading={saving} />
      </Stack>
    </FormModal>
  );
}
