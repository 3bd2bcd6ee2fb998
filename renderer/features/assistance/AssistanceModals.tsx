import { Alert, Button, Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  AID_TYPES,
  ASSISTANCE_LEVELS,
  ASSISTANCE_VISIT_METHODS,
  END_REASONS,
  HANDOVER_METHODS,
  PLACEMENTS,
  RECORD_KIND_LABELS,
  REOFFENCE_TYPES,
  TEAM_ROLES,
  type AssistanceRecordKind,
} from '../../../shared/domain/assistance-rules';
import {
  ASSISTANCE_LEVEL_LABELS,
  AssistanceLevelInputAsOf,
  AssistanceRecordInputAsOf,
  END_REASON_LABELS,
  EndInputAsOf,
  ESCORT_REQUIRED,
  HANDOVER_METHOD_LABELS,
  HANDOVER_STATE_LABELS,
  HandoverInputAsOf,
  PLACEMENT_LABELS,
  PlacementInputAsOf,
  TeamInputAsOf,
  type AssistanceFileView,
  type AssistanceRecord,
} from '../../../shared/schemas/assistance';
import { DateField } from '../../components/DateField';
import { MemberRow } from '../../components/MemberRow';
import { FormModal } from '../../components/GuardedForm';
import { ModalActions } from '../../components/ModalActions';
import { todayLocal } from '../../components/today';
import { useZodForm } from '../../components/useZodForm';
import { useEndAssistance, useSaveHandover, useSavePlacement, useSaveRecord, useSaveTeam, useSetAssistanceLevel } from './mutations';

const options = <T extends string>(codes: readonly T[], labels: Record<T, string>) => codes.map((c) => ({ value: c, label: labels[c] }));

/** 衔接 (REVIEW §6.2): 必接必送 for a 重点帮教对象. */
export function HandoverModal({ f, onClose }: { f: AssistanceFileView; onClose: () => void }) {
  const h = f.handover;
  const form = useZodForm({
    schema: HandoverInputAsOf,
    initialValues: {
      state: f.released && h.state === 'pending' ? 'done' : h.state,
      method: h.method ?? (f.key ? 'escort' : ''),
      familyContactDate: h.familyContactDate ?? '',
      returnDate: h.returnDate ?? '',
      receiver: h.receiver ?? '',
      policeReportDate: h.policeReportDate ?? '',
      registerDate: h.registerDate ?? '',
      missingSince: h.missingSince ?? '',
      note: h.note ?? '',
    },
    toInput: (v) => ({ id: f.id, key: f.key, ...v }),
  });
  const { run, saving } = useSaveHandover(form);
  const v = form.getValues();
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: f.id, key: f.key, ...values } as never, `衔接情况已记录：${HANDOVER_STATE_LABELS[values.state as 'done']}`))
      onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="衔接登记" size="lg">
      <Stack>
        {f.key && (
          <Alert color="red" variant="light" py="xs">
            {ESCORT_REQUIRED}。
          </Alert>
        )}
        <DateField label="联系家属日期" description="释放前联系家属、准备衔接" {...form.getInputProps('familyContactDate')} />
        <SegmentedControl
          aria-label="衔接状态"
          data={options(['pending', 'done', 'missing'] as const, HANDOVER_STATE_LABELS)}
          {...form.getInputProps('state')}
        />
        {v.state === 'done' && (
          <>
            <Group grow align="flex-start">
              <Select
                label="衔接方式"
                withAsterisk
                data={options(HANDOVER_METHODS, HANDOVER_METHOD_LABELS)}
                {...form.getInputProps('method')}
                value={v.method || null}
                onChange={(x) => form.setFieldValue('method', x ?? '')}
              />
              <DateField label="接回（返回）日期" withAsterisk {...form.getInputProps('returnDate')} />
              <TextInput label="接回人" maxLength={50} {...form.getInputProps('receiver')} />
            </Group>
            <Group grow align="flex-start">
              <DateField label="派出所报到日期" {...form.getInputProps('policeReportDate')} />
              <DateField label="司法所登记日期" {...form.getInputProps('registerDate')} />
            </Group>
          </>
        )}
        {v.state === 'missing' && <DateField label="查找登记日期" withAsterisk {...form.getInputProps('missingSince')} />}
        <Textarea label="衔接情况" autosize minRows={2} maxLength={500} {...form.getInputProps('note')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** The 1+n 帮教小组 and its 帮教协议. */
export function TeamModal({ f, onClose }: { f: AssistanceFileView; onClose: () => void }) {
  const form = useZodForm({
    schema: TeamInputAsOf,
    initialValues: {
      agreementDate: f.team.agreementDate ?? '',
      members: f.team.members.length
        ? f.team.members.map((m) => ({ name: m.name, role: m.role as string, phone: m.phone ?? '' }))
        : [{ name: f.responsibleName, role: '司法所工作人员', phone: '' }],
    },
    toInput: (v) => ({ id: f.id, ...v }),
  });
  const { run, saving } = useSaveTeam(form);
  const members = form.getValues().members;
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: f.id, ...values } as never, '帮教小组已保存')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="帮教小组（1+n）" size="xl">
      <Stack>
        {members.map((_, i) => (
          <MemberRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            key={i}
            first={i === 0}
            roles={TEAM_ROLES}
            input={(field) => form.getInputProps(`members.${i}.${field}`)}
            onRemove={() => form.removeListItem('members', i)}
          />
        ))}
        <Button variant="light" size="xs" w={120} onClick={() => form.insertListItem('members', { name: '', role: '网格员', phone: '' })}>
          添加成员
        </Button>
        <DateField label="帮教协议签订日期" {...form.getInputProps('agreementDate')} />
        <Text size="xs" c="dimmed">
          帮教小组应有司法所工作人员和至少一名其他成员（网格员、村(社区)干部、镇干部、亲属等），并签订帮教协议。
        </Text>
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

export function PlacementModal({ f, onClose }: { f: AssistanceFileView; onClose: () => void }) {
  const form = useZodForm({
    schema: PlacementInputAsOf,
    initialValues: { placement: f.placement ?? '', placementDate: f.placementDate ?? todayLocal(), placementNote: f.placementNote ?? '' },
    toInput: (v) => ({ id: f.id, ...v }),
  });
  const { run, saving } = useSavePlacement(form);
  const v = form.getValues();
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: f.id, ...values } as never, '安置情况已保存')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="安置情况">
      <Stack>
        <Select
          label="安置情况"
          withAsterisk
          data={options(PLACEMENTS, PLACEMENT_LABELS)}
          {...form.getInputProps('placement')}
          value={v.placement || null}
          onChange={(x) => form.setFieldValue('placement', x ?? '')}
        />
        <DateField label="安置日期" {...form.getInputProps('placementDate')} />
        <Textarea
          label={v.placement === 'none' ? '未安置原因' : '说明'}
          withAsterisk={v.placement === 'none'}
          placeholder={v.placement === 'employed' ? '如：某公司，操作工' : undefined}
          autosize
          minRows={2}
          maxLength={300}
          {...form.getInputProps('placementNote')}
        />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** 走访/谈话, 帮扶 (临时救助 with its amount), 重新违法犯罪. */
export function RecordModal({
  f,
  record,
  kind,
  onClose,
}: {
  f: AssistanceFileView;
  record?: AssistanceRecord;
  kind?: AssistanceRecordKind;
  onClose: () => void;
}) {
  const initial = record?.kind ?? kind ?? 'visit';
  const form = useZodForm({
    schema: AssistanceRecordInputAsOf,
    initialValues: {
      kind: initial,
      date: record?.date ?? todayLocal(),
      method: record?.method ?? (initial === 'visit' ? '走访' : ''),
      aidType: record?.aidType ?? '',
      amount: (record?.amount ?? '') as number | '',
      offenceType: record?.offenceType ?? '',
      crime: record?.crime ?? '',
      content: record?.content ?? '',
      staff: record?.staff ?? f.responsibleName,
    },
    toInput: (v) => ({ ...v, id: record?.id ?? null, fileId: f.id, amount: v.amount === '' ? null : Number(v.amount) }),
  });
  const { run, saving } = useSaveRecord(form);
  const v = form.getValues();
  const submit = form.onSubmit(async (values) => {
    const input = { ...values, id: record?.id ?? null, fileId: f.id, amount: values.amount === '' ? null : Number(values.amount) };
    if (await run(input as never, `${RECORD_KIND_LABELS[values.kind]}已记录`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`${record ? '修改' : '记录'}${RECORD_KIND_LABELS[v.kind]}`} size="lg">
      <Stack>
        <Group grow align="flex-start">
          <DateField label="日期" withAsterisk {...form.getInputProps('date')} />
          {v.kind === 'visit' && (
            <Select
              label="方式"
              withAsterisk
              data={[...ASSISTANCE_VISIT_METHODS]}
              {...form.getInputProps('method')}
              value={v.method || null}
              onChange={(x) => form.setFieldValue('method', x ?? '')}
            />
          )}
          {v.kind === 'aid' && (
            <Select
              label="帮扶种类"
              withAsterisk
              data={[...AID_TYPES]}
              {...form.getInputProps('aidType')}
              value={v.aidType || null}
              onChange={(x) => {
                form.setFieldValue('aidType', x ?? '');
                if (x !== '临时救助') form.setFieldValue('amount', '');
              }}
            />
          )}
          {v.kind === 'aid' && v.aidType === '临时救助' && (
            <NumberInput label="金额（元）" withAsterisk min={0.01} decimalScale={2} {...form.getInputProps('amount')} />
          )}
          {v.kind === 'reoffence' && (
            <Select
              label="类型"
              withAsterisk
              data={[...REOFFENCE_TYPES]}
              {...form.getInputProps('offenceType')}
              value={v.offenceType || null}
              onChange={(x) => form.setFieldValue('offenceType', x ?? '')}
            />
          )}
          {v.kind === 'reoffence' && <TextInput label="罪名（违法行为）" maxLength={100} {...form.getInputProps('crime')} />}
        </Group>
        <Textarea label="内容" withAsterisk autosize minRows={3} maxLength={2000} {...form.getInputProps('content')} />
        <TextInput label="经办人" maxLength={50} {...form.getInputProps('staff')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

export function EndModal({ f, onClose }: { f: AssistanceFileView; onClose: () => void }) {
  const expired = todayLocal() >= f.period.end;
  const form = useZodForm({
    schema: EndInputAsOf,
    initialValues: { endReason: expired ? 'expired' : '', endDate: expired ? f.period.end : todayLocal(), endNote: '' },
    toInput: (v) => ({ id: f.id, ...v }),
  });
  const { run, saving } = useEndAssistance(form);
  const v = form.getValues();
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: f.id, ...values } as never, '帮教已结束')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="结束帮教">
      <Stack>
        <Select
          label="结束原因"
          withAsterisk
          data={options(END_REASONS, END_REASON_LABELS)}
          {...form.getInputProps('endReason')}
          value={v.endReason || null}
          onChange={(x) => form.setFieldValue('endReason', x ?? '')}
        />
        <DateField label="结束日期" withAsterisk description={`帮教期至 ${f.period.end}`} {...form.getInputProps('endDate')} />
        <Textarea label="说明" autosize minRows={2} maxLength={300} {...form.getInputProps('endNote')} />
        <Text size="xs" c="dimmed">
          结束后不再产生待办事项，档案不能再修改。
        </Text>
        <ModalActions onCancel={onClose} submit="结束帮教" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** A change of 一般/重点 and the risk level from a day on. */
export function LevelModal({ f, onClose }: { f: AssistanceFileView; onClose: () => void }) {
  const form = useZodForm({
    schema: AssistanceLevelInputAsOf,
    initialValues: { level: f.level, date: todayLocal() },
    toInput: (v) => ({ id: f.id, ...v }),
  });
  const { run, saving } = useSetAssistanceLevel(form);
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: f.id, ...values }, `已调整为${ASSISTANCE_LEVEL_LABELS[values.level]}`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="调整帮教对象类别">
      <Stack>
        <Select
          label="帮教对象类别"
          allowDeselect={false}
          data={options(ASSISTANCE_LEVELS, ASSISTANCE_LEVEL_LABELS)}
          {...form.getInputProps('level')}
        />
        <DateField label="调整日期" withAsterisk description="走访频次自此日起按新类别计算" {...form.getInputProps('date')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}
