/**
 * The forms of 考核奖惩, 期满鉴定, 解除, 终止 and their undoing (REVIEW §5.4, REVIEW §5.5). The release's fields are
 * exported for the hand-over to 安置帮教, which adds its own part to the same form.
 */
import { Checkbox, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  RELEASE_REASON_LABELS,
  RELEASE_REASONS,
  RELEASE_WORDS,
  TERMINATION_REASON_LABELS,
  type ReleaseReason,
} from '../../../shared/domain/correction-end';
import { OTHER_REASON, SANCTION_KIND_LABELS, SANCTION_REASONS, type SanctionKind } from '../../../shared/domain/correction-sanctions';
import {
  AppraisalInputAsOf,
  ReleaseInputAsOf,
  SanctionInputAsOf,
  TerminationInputAsOf,
  UndoEndInput,
  type CorrectionEndView,
  type SanctionView,
} from '../../../shared/schemas/correction-end';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/GuardedForm';
import { ModalActions } from '../../components/ModalActions';
import { todayLocal } from '../../components/today';
import { selectProps, useZodForm } from '../../components/useZodForm';
import { useRelease, useSaveAppraisal, useSaveSanction, useTerminate, useUndoEnd } from './mutations';

/** A step to record, as a suggestion gives it (kind and condition). */
export interface SanctionDraft {
  kind: SanctionKind;
  reason: string;
  facts?: string;
}

export function SanctionModal({
  v,
  sanction,
  draft,
  onClose,
}: {
  v: CorrectionEndView;
  sanction?: SanctionView;
  draft?: SanctionDraft;
  onClose: () => void;
}) {
  const kind = sanction?.kind ?? draft?.kind ?? 'reprimand';
  const form = useZodForm({
    schema: SanctionInputAsOf,
    initialValues: {
      kind,
      reason: sanction?.reason ?? draft?.reason ?? '',
      reasonOther: sanction?.reasonOther ?? '',
      checkDate: sanction?.checkDate ?? todayLocal(),
      checkFacts: sanction?.checkFacts ?? draft?.facts ?? '',
      decisionDate: sanction?.decisionDate ?? '',
      decisionNumber: sanction?.decisionNumber ?? '',
      notes: sanction?.notes ?? '',
    },
    toInput: (x) => ({ ...x, id: sanction?.id ?? null, fileId: v.fileId }),
  });
  const { run, saving } = useSaveSanction(form);
  const values = form.getValues();
  const reasons = [
    ...SANCTION_REASONS[values.kind].map((r) => ({ value: r.code, label: r.text })),
    { value: OTHER_REASON, label: '其他（写明事由）' },
  ];
  const submit = form.onSubmit(async (x) => {
    if (await run({ ...x, id: sanction?.id ?? null, fileId: v.fileId }, `${SANCTION_KIND_LABELS[x.kind]}已记录`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`${sanction ? '修改' : '记录'}考核奖惩`} size="lg">
      <Stack>
        <Select
          label="种类"
          data={v.kinds.map((k) => ({ value: k, label: SANCTION_KIND_LABELS[k] }))}
          allowDeselect={false}
          {...selectProps(form, 'kind')}
          onChange={(k) => {
            form.setFieldValue('kind', (k ?? 'reprimand') as SanctionKind);
            form.setFieldValue('reason', '');
          }}
        />
        <Select label="事由（适用条件）" data={reasons} {...selectProps(form, 'reason')} />
        {values.reason === OTHER_REASON && <TextInput label="其他事由" maxLength={300} {...form.getInputProps('reasonOther')} />}
        <Text fw={500} size="sm">
          司法所调查核实
        </Text>
        <DateField label="调查核实日期" {...form.getInputProps('checkDate')} />
        <Textarea label="调查核实的事实和材料" autosize minRows={2} maxLength={2000} {...form.getInputProps('checkFacts')} />
        <Text fw={500} size="sm">
          县级社区矫正机构决定
        </Text>
        <Group grow align="flex-start">
          <DateField label="决定日期" {...form.getInputProps('decisionDate')} />
          <TextInput label="决定文书号" maxLength={60} {...form.getInputProps('decisionNumber')} />
        </Group>
        <TextInput label="备注" maxLength={500} {...form.getInputProps('notes')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

export function AppraisalModal({ v, onClose }: { v: CorrectionEndView; onClose: () => void }) {
  const a = v.appraisal;
  const form = useZodForm({
    schema: AppraisalInputAsOf,
    initialValues: { summaryDate: a?.summaryDate ?? '', appraisalDate: a?.appraisalDate ?? todayLocal(), opinion: a?.opinion ?? '' },
    toInput: (x) => ({ ...x, fileId: v.fileId }),
  });
  const { run, saving } = useSaveAppraisal(form);
  const submit = form.onSubmit(async (x) => {
    if (await run({ ...x, fileId: v.fileId }, '期满鉴定已记录')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="个人总结与期满鉴定" size="lg">
      <Stack>
        <Text size="sm" c="dimmed">
          矫正期满日 {v.termEnd}，期满鉴定应于 {v.appraisalDue} 前完成。
        </Text>
        <Group grow align="flex-start">
          <DateField label="个人总结日期" {...form.getInputProps('summaryDate')} />
          <DateField label="鉴定日期" {...form.getInputProps('appraisalDate')} />
        </Group>
        <Textarea label="鉴定意见" autosize minRows={3} maxLength={2000} {...form.getInputProps('opinion')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

export interface ReleaseValues {
  reason: ReleaseReason;
  date: string;
  certificateNumber: string;
  declarationDate: string;
  declarationHost: string;
  declarationAttendees: string;
  noticeOrganDate: string;
  noticeProcuratorateDate: string;
  noticePoliceDate: string;
  notes: string;
}

export function releaseInitial(v: Pick<CorrectionEndView, 'termEnd'>): ReleaseValues {
  const today = todayLocal();
  const date = [v.termEnd, today].sort()[0]!;
  return {
    reason: 'expiry',
    date,
    certificateNumber: '',
    declarationDate: date,
    declarationHost: '',
    declarationAttendees: '',
    noticeOrganDate: '',
    noticeProcuratorateDate: '',
    noticePoliceDate: '',
    notes: '',
  };
}

/** 解除's fields: the date and reason, the 证明书, the 解矫宣告 and the three notices (社区矫正法 art. 44). */
export function ReleaseFields<V extends ReleaseValues>({ form, v }: { form: UseFormReturnType<V>; v: CorrectionEndView }) {
  return (
    <>
      <Text size="sm" c="dimmed">
        矫正期满日 {v.termEnd}；期满前只能因特赦解除。解矫宣告应宣告：{RELEASE_WORDS[v.category]}。
      </Text>
      <Group grow align="flex-start">
        <Select
          label="解除原因"
          data={RELEASE_REASONS.map((r) => ({ value: r, label: RELEASE_REASON_LABELS[r] }))}
          allowDeselect={false}
          {...selectProps(form, 'reason')}
        />
        <DateField label="解除日期" {...form.getInputProps('date')} />
      </Group>
      <TextInput label="解除社区矫正证明书编号" maxLength={60} {...form.getInputProps('certificateNumber')} />
      <Group grow align="flex-start">
        <DateField label="解矫宣告日期" {...form.getInputProps('declarationDate')} />
        <TextInput label="宣告主持人" maxLength={50} {...form.getInputProps('declarationHost')} />
      </Group>
      <TextInput label="参加人员" maxLength={300} {...form.getInputProps('declarationAttendees')} />
      <Group grow align="flex-start">
        <DateField label="通知决定机关" {...form.getInputProps('noticeOrganDate')} />
        <DateField label="通知检察院" {...form.getInputProps('noticeProcuratorateDate')} />
        <DateField label="通知公安机关" {...form.getInputProps('noticePoliceDate')} />
      </Group>
      <TextInput label="备注" maxLength={500} {...form.getInputProps('notes')} />
    </>
  );
}

/** 解除 on its own (when no later module offers a hand-over with it). */
export function ReleaseModal({ v, onClose }: { v: CorrectionEndView; onClose: () => void }) {
  const form = useZodForm({ schema: ReleaseInputAsOf, initialValues: releaseInitial(v), toInput: (x) => ({ ...x, fileId: v.fileId }) });
  const { run, saving } = useRelease(form);
  const submit = form.onSubmit(async (x) => {
    if (await run({ ...x, fileId: v.fileId }, '已解除社区矫正')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="解除社区矫正" size="lg">
      <Stack>
        <ReleaseFields form={form} v={v} />
        <ModalActions onCancel={onClose} submit="解除" loading={saving} />
      </Stack>
    </FormModal>
  );
}

export function TerminationModal({ v, onClose }: { v: CorrectionEndView; onClose: () => void }) {
  const form = useZodForm({
    schema: TerminationInputAsOf,
    initialValues: { reason: v.terminationReasons[0]!, date: todayLocal(), documentNumber: '', notes: '', newCrime: false },
    // A 死亡 hides the new-crime box: what it held is not sent.
    toInput: (x) => ({ ...x, fileId: v.fileId, newCrime: x.reason !== 'death' && x.newCrime }),
  });
  const { run, saving } = useTerminate(form);
  const submit = form.onSubmit(async (x) => {
    if (await run({ ...x, fileId: v.fileId, newCrime: x.reason !== 'death' && x.newCrime }, '社区矫正已终止')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="终止社区矫正" size="lg">
      <Stack>
        <Group grow align="flex-start">
          <Select
            label="终止原因"
            data={v.terminationReasons.map((r) => ({ value: r, label: TERMINATION_REASON_LABELS[r] }))}
            allowDeselect={false}
            {...selectProps(form, 'reason')}
          />
          <DateField label="终止日期" {...form.getInputProps('date')} />
        </Group>
        <TextInput label="裁定书、决定书文号或死亡证明" maxLength={60} {...form.getInputProps('documentNumber')} />
        {form.values.reason !== 'death' && (
          <Checkbox
            label="因犯新罪（或发现判决宣告前还有其他罪没有判决）被撤销、收监"
            description="勾选的计入统计中的“重新犯罪”"
            {...form.getInputProps('newCrime', { type: 'checkbox' })}
          />
        )}
        <TextInput label="备注" maxLength={500} {...form.getInputProps('notes')} />
        <ModalActions onCancel={onClose} submit="终止" color="red" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** 撤销解除 / 撤销终止 recorded by mistake, with the reason. */
export function UndoEndModal({ v, onClose }: { v: CorrectionEndView; onClose: () => void }) {
  const word = v.end?.kind === 'release' ? '撤销解除' : '撤销终止';
  const form = useZodForm({ schema: UndoEndInput, initialValues: { reason: '' }, toInput: (x) => ({ ...x, fileId: v.fileId }) });
  const { run, saving } = useUndoEnd(form);
  const submit = form.onSubmit(async (x) => {
    if (await run({ ...x, fileId: v.fileId }, `已${word}，档案恢复在矫`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={word}>
      <Stack>
        <Text size="sm">
          {word}后档案恢复为“在矫”，到期事项重新计算。已转入安置帮教的档案不会随之删除，如需删除请到安置帮教档案中处理。
        </Text>
        <Textarea label="撤销理由" autosize minRows={2} maxLength={300} {...form.getInputProps('reason')} />
        <ModalActions onCancel={onClose} submit={word} color="red" loading={saving} />
      </Stack>
    </FormModal>
  );
}
