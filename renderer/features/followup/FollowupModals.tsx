import { Group, Modal, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { DueItem } from '../../../shared/domain/obligations';
import {
  FOLLOWUP_STATUS_LABELS,
  FollowupEndInput,
  FollowupVisitInput,
  TEST_RESULTS,
  VISIT_KIND_LABELS,
  VISIT_METHODS,
  type FollowupLevel,
  type FollowupSubject,
  type FollowupVisit,
  type VisitKind,
} from '../../../shared/schemas/followup';
import { ITEM_ACTION_LABELS, ItemActionInput, type ItemActionKind } from '../../../shared/schemas/obligations';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { todayLocal } from '../../components/today';
import { LevelOption, levelOptions } from './labels';
import { useActOnItem } from '../obligations/mutations';
import { FOLLOWUP_TOUCHES, useEndFollowup, useSaveVisit } from './mutations';
import { ModalActions } from '../../components/ModalActions';

/**
 * 记录走访 (and, for drug files, 检测): what was found and, when the risk was reassessed, the new
 * level — which sets the cadence from the visit's date on.
 */
export function VisitModal({ s, visit, onClose }: { s: FollowupSubject; visit?: FollowupVisit; onClose: () => void }) {
  const form = useZodForm({
    schema: FollowupVisitInput,
    initialValues: {
      kind: visit?.kind ?? ('visit' as VisitKind),
      date: visit?.date ?? todayLocal(),
      method: (visit?.method ?? '上门') as (typeof VISIT_METHODS)[number],
      visitors: visit?.visitors ?? s.responsibleName,
      findings: visit?.findings ?? '',
      levelAfter: (visit?.levelAfter ?? '') as FollowupLevel | '',
      testResult: (visit?.testResult ?? '') as (typeof TEST_RESULTS)[number] | '',
    },
    toInput: (v) => ({ subjectId: s.id, id: visit?.id ?? null, ...v }),
  });
  const { run, saving } = useSaveVisit(form);
  const v = form.getValues();
  const test = v.kind === 'test';
  const mh = s.group === 'mental_health';
  const submit = form.onSubmit(async (values) => {
    const saved = await run({ subjectId: s.id, id: visit?.id ?? null, ...values }, `${VISIT_KIND_LABELS[values.kind]}已记录`);
    if (saved) onClose();
  });
  const title = `${visit ? '修改' : '记录'}${s.group === 'drug' ? '走访或检测' : '走访'}`;
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit}>
        <Stack>
          {s.group === 'drug' && (
            <SegmentedControl
              aria-label="记录类型"
              data={(['visit', 'test'] as const).map((k) => ({ value: k, label: VISIT_KIND_LABELS[k] }))}
              {...form.getInputProps('kind')}
            />
          )}
          <Group grow align="flex-start">
            <DateField label={test ? '检测日期' : '走访日期'} withAsterisk {...form.getInputProps('date')} />
            <Select
              label={test ? '检测方式' : '走访方式'}
              withAsterisk
              allowDeselect={false}
              data={[...VISIT_METHODS]}
              {...form.getInputProps('method')}
            />
            {test && (
              <Select
                label="检测结果"
                withAsterisk
                data={[...TEST_RESULTS]}
                {...form.getInputProps('testResult')}
                value={v.testResult || null}
              />
            )}
          </Group>
          <TextInput label="走访人员" withAsterisk maxLength={100} {...form.getInputProps('visitors')} />
          <Textarea
            label="走访情况"
            withAsterisk
            autosize
            minRows={3}
            maxLength={2000}
            placeholder={mh ? '服药、病情、监护落实情况等' : undefined}
            {...form.getInputProps('findings')}
          />
          <Select
            label="风险等级重新评估"
            description={`当前：${levelOptions(s.group).find((o) => o.value === s.level)?.label ?? s.level}。等级有变化时选择，走访频次自本次走访之日起按新等级计算；无变化留空`}
            placeholder="不调整"
            clearable
            data={levelOptions(s.group)}
            renderOption={({ option }) => <LevelOption label={option.label} level={option.value} />}
            {...form.getInputProps('levelAfter')}
            value={v.levelAfter || null}
            onChange={(x) => form.setFieldValue('levelAfter', (x ?? '') as typeof v.levelAfter)}
          />
          <ModalActions onCancel={onClose} submit="保存" loading={saving} />
        </Stack>
      </form>
    </Modal>
  );
}

/** 解除管理: released, moved away or deceased, with the date and the reason. */
export function EndModal({ s, onClose }: { s: FollowupSubject; onClose: () => void }) {
  const form = useZodForm({
    schema: FollowupEndInput,
    initialValues: { status: 'released' as 'released' | 'moved' | 'deceased', endDate: todayLocal(), endReason: '' },
    toInput: (v) => ({ id: s.id, ...v }),
  });
  const { run, saving } = useEndFollowup(form);
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: s.id, ...values }, `已${FOLLOWUP_STATUS_LABELS[values.status]}，不再安排走访`)) onClose();
  });
  return (
    <Modal opened onClose={onClose} title="解除管理">
      <form onSubmit={submit}>
        <Stack>
          <SegmentedControl
            aria-label="解除类型"
            data={(['released', 'moved', 'deceased'] as const).map((x) => ({ value: x, label: FOLLOWUP_STATUS_LABELS[x] }))}
            {...form.getInputProps('status')}
          />
          <DateField label="日期" withAsterisk {...form.getInputProps('endDate')} />
          <Textarea label="原因" withAsterisk autosize minRows={2} maxLength={500} {...form.getInputProps('endReason')} />
          <ModalActions onCancel={onClose} submit="确定解除" loading={saving} color="red" />
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * 延期 (a later due date, with the reason; the original date stays on the item) or 免除 (excused, with
 * the reason; the cadence counts on from it) of one due item.
 */
export function ItemActionModal({
  s,
  item,
  kind,
  onClose,
}: {
  s: FollowupSubject;
  item: DueItem;
  kind: ItemActionKind;
  onClose: () => void;
}) {
  const form = useZodForm({
    schema: ItemActionInput,
    initialValues: { newDate: '', reason: '' },
    toInput: (v) => ({ module: 'followup', ownerId: s.id, kind, ruleId: item.ruleId, itemKey: item.key, ...v }),
  });
  const { run, saving } = useActOnItem(FOLLOWUP_TOUCHES, form);
  const submit = form.onSubmit(async (values) => {
    const done = await run(
      { module: 'followup', ownerId: s.id, kind, ruleId: item.ruleId, itemKey: item.key, ...values },
      kind === 'extend' ? `已延期至 ${values.newDate}` : '已免除，走访频次自此继续计算',
    );
    if (done) onClose();
  });
  const extend = kind === 'extend';
  return (
    <Modal opened onClose={onClose} title={`${ITEM_ACTION_LABELS[kind]}：${item.label}`}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            当前到期日 {item.dueDate}
            {item.originalDueDate ? `（原到期日 ${item.originalDueDate}）` : ''}。
            {extend ? '延期只能推后，不能缩短；原到期日会保留在档案中。' : '免除的事项不计为漏访，之后的走访从免除之日起按频次计算。'}
          </Text>
          {extend && <DateField label="延期至" withAsterisk {...form.getInputProps('newDate')} />}
          <Textarea
            label={extend ? '延期理由' : '免除理由'}
            withAsterisk
            autosize
            minRows={2}
            maxLength={200}
            placeholder={extend ? '如：住院治疗，出院后随访' : '如：羁押期间、外出务工已电话联系监护人'}
            {...form.getInputProps('reason')}
          />
          <ModalActions onCancel={onClose} submit={<>确定{ITEM_ACTION_LABELS[kind]}</>} loading={saving} />
        </Stack>
      </form>
    </Modal>
  );
}
