import { Group, NumberInput, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  CORRECTION_LEVELS,
  EVENT_KIND_LABELS,
  REPORT_METHODS,
  VISIT_METHODS,
  type CorrectionEventKind,
} from '../../../shared/domain/correction-rules';
import {
  CorrectionEventInputAsOf,
  LevelInputAsOf,
  ReceptionInputAsOf,
  type CorrectionEvent,
  type CorrectionFileView,
} from '../../../shared/schemas/correction';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/GuardedForm';
import { ModalActions } from '../../components/ModalActions';
import { todayLocal } from '../../components/today';
import { useZodForm } from '../../components/useZodForm';
import { useSaveEvent, useSaveReception, useSetLevel } from './mutations';
import { useCorrectionSchedule } from './queries';

/** 报到 and 入矫宣告 (REVIEW §5.1). */
export function ReceptionModal({ f, onClose }: { f: CorrectionFileView; onClose: () => void }) {
  const r = f.reception;
  const form = useZodForm({
    schema: ReceptionInputAsOf,
    initialValues: {
      reportDate: r.reportDate ?? '',
      reportNote: r.reportNote ?? '',
      declarationDate: r.declarationDate ?? '',
      declarationHost: r.declarationHost ?? '',
      declarationAttendees: r.declarationAttendees ?? '',
    },
    toInput: (v) => ({ id: f.id, ...v }),
  });
  const { run, saving } = useSaveReception(form);
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: f.id, ...values }, '报到和入矫宣告已记录')) onClose();
  });
  const outside = f.category === 'outside';
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="报到与入矫宣告" size="lg">
      <Stack>
        <Text size="sm">
          {outside ? '交付接收期限' : '报到期限'}：{r.deadline ?? '（填写法律文书收到日期后计算）'}
        </Text>
        <Group grow align="flex-start">
          <DateField label={outside ? '交付接收日期' : '报到日期'} {...form.getInputProps('reportDate')} />
          <TextInput label="报到情况" placeholder="如：本人持判决书报到" maxLength={500} {...form.getInputProps('reportNote')} />
        </Group>
        <Text fw={500} size="sm">
          入矫宣告（宣告犯罪事实、矫正期限和应遵守的规定）
        </Text>
        <Group grow align="flex-start">
          <DateField label="宣告日期" {...form.getInputProps('declarationDate')} />
          <TextInput label="宣告主持人" maxLength={50} {...form.getInputProps('declarationHost')} />
        </Group>
        <TextInput label="参加人员" placeholder="如：村委会主任、家属" maxLength={300} {...form.getInputProps('declarationAttendees')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** The kinds a file records: a health report only for 暂予监外执行, a re-examination only for 保外就医. */
function kindsFor(f: CorrectionFileView): CorrectionEventKind[] {
  return (['report', 'health', 'recheck', 'visit', 'education', 'public'] as const).filter(
    (k) => (k !== 'health' || f.category === 'outside') && (k !== 'recheck' || f.ground === 'medical'),
  );
}

const METHODS: Partial<Record<CorrectionEventKind, readonly string[]>> = { report: REPORT_METHODS, visit: VISIT_METHODS };

/** One dated record (REVIEW §5.2): new, or a change of one. */
export function EventModal({
  f,
  event,
  kind,
  onClose,
}: {
  f: CorrectionFileView;
  event?: CorrectionEvent;
  kind?: CorrectionEventKind;
  onClose: () => void;
}) {
  const initial = event?.kind ?? kind ?? 'report';
  const form = useZodForm({
    schema: CorrectionEventInputAsOf,
    initialValues: {
      kind: initial,
      date: event?.date ?? todayLocal(),
      method: event?.method ?? (initial === 'visit' ? '走访' : ''),
      hours: (event?.hours ?? '') as number | '',
      content: event?.content ?? '',
      staff: event?.staff ?? f.responsibleName,
    },
    toInput: (v) => ({ ...v, id: event?.id ?? null, fileId: f.id, hours: v.hours === '' ? null : Number(v.hours) }),
  });
  const { run, saving } = useSaveEvent(form);
  const v = form.getValues();
  const hours = v.kind === 'education' || v.kind === 'public';
  const methods = METHODS[v.kind];
  const submit = form.onSubmit(async (values) => {
    const input = { ...values, id: event?.id ?? null, fileId: f.id, hours: values.hours === '' ? null : Number(values.hours) };
    if (await run(input, `${EVENT_KIND_LABELS[values.kind]}已记录`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`${event ? '修改' : '记录'}${EVENT_KIND_LABELS[v.kind]}`} size="lg">
      <Stack>
        <SegmentedControl
          aria-label="记录种类"
          data={kindsFor(f).map((k) => ({ value: k, label: EVENT_KIND_LABELS[k] }))}
          {...form.getInputProps('kind')}
          onChange={(k) => {
            form.setFieldValue('kind', k as CorrectionEventKind);
            form.setFieldValue('method', k === 'visit' ? '走访' : '');
            if (k !== 'education' && k !== 'public') form.setFieldValue('hours', '');
          }}
        />
        <Group grow align="flex-start">
          <DateField label="日期" withAsterisk {...form.getInputProps('date')} />
          {methods && (
            <Select
              label={v.kind === 'visit' ? '核查方式' : '报告方式'}
              withAsterisk={v.kind === 'visit'}
              data={[...methods]}
              {...form.getInputProps('method')}
              value={v.method || null}
              onChange={(x) => form.setFieldValue('method', x ?? '')}
            />
          )}
          {hours && (
            <NumberInput
              label="时数（小时）"
              withAsterisk
              min={0.5}
              max={24}
              step={0.5}
              decimalScale={1}
              {...form.getInputProps('hours')}
            />
          )}
        </Group>
        {v.kind === 'visit' && (
          <Text size="xs" c="dimmed">
            实地查访应保护社区矫正对象的身份信息和个人隐私（社区矫正法第二十六条第二款）。
          </Text>
        )}
        <Textarea label="内容" withAsterisk autosize minRows={3} maxLength={2000} {...form.getInputProps('content')} />
        <TextInput label="经办人" maxLength={50} {...form.getInputProps('staff')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** A change of the 管理等级 from a day on. */
export function LevelModal({ f, onClose }: { f: CorrectionFileView; onClose: () => void }) {
  const schedule = useCorrectionSchedule();
  const form = useZodForm({
    schema: LevelInputAsOf,
    initialValues: { level: f.level, date: todayLocal() },
    toInput: (v) => ({ id: f.id, ...v }),
  });
  const { run, saving } = useSetLevel(form);
  const names = Object.fromEntries((schedule.data?.levels ?? []).map((l) => [l.level, l.name]));
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: f.id, ...values }, `管理等级已调整为${names[values.level] ?? ''}`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="调整管理等级">
      <Stack>
        <Select
          label="管理等级"
          allowDeselect={false}
          data={CORRECTION_LEVELS.map((l) => ({ value: l, label: names[l] ?? l }))}
          {...form.getInputProps('level')}
        />
        <DateField label="调整日期" withAsterisk description="报告、走访频次自此日起按新等级计算" {...form.getInputProps('date')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}
