/**
 * 延期 (a later due date, with the reason; the original date stays on the item) or 免除 (excused, with
 * the reason; a cadence counts on from it) of one due item of any module's record, in the module's words.
 */
import { Stack, Text, Textarea } from '@mantine/core';
import type { QueryKey } from '@tanstack/react-query';
import type { DueItem } from '../../../shared/domain/obligations';
import type { DueModule } from '../../../shared/modules';
import { ITEM_ACTION_LABELS, ItemActionInput, type ItemActionKind } from '../../../shared/schemas/obligations';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/GuardedForm';
import { ModalActions } from '../../components/ModalActions';
import { useZodForm } from '../../components/useZodForm';
import { useActOnItem } from './mutations';

/** What a module says of a 免除 and gives as examples of reasons. */
export interface ItemActionWords {
  /** The notification once excused (已免除，走访频次自此继续计算). */
  waived: string;
  /** What an excused item means for the record. */
  waiveNote: string;
  extendExample: string;
  waiveExample: string;
}

export function ItemActionModal({
  module,
  ownerId,
  item,
  kind,
  touches,
  words,
  onClose,
}: {
  module: DueModule;
  ownerId: string;
  item: DueItem;
  kind: ItemActionKind;
  /** The module's queries that show the record's items (its page, its ledger). */
  touches: readonly QueryKey[];
  words: ItemActionWords;
  onClose: () => void;
}) {
  const ref = { module, ownerId, kind, ruleId: item.ruleId, itemKey: item.key };
  const form = useZodForm({
    schema: ItemActionInput,
    initialValues: { newDate: '', reason: '' },
    toInput: (v) => ({ ...ref, ...v }),
  });
  const { run, saving } = useActOnItem(touches, form);
  const submit = form.onSubmit(async (values) => {
    if (await run({ ...ref, ...values }, kind === 'extend' ? `已延期至 ${values.newDate}` : words.waived)) onClose();
  });
  const extend = kind === 'extend';
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`${ITEM_ACTION_LABELS[kind]}：${item.label}`}>
      <Stack>
        <Text size="sm">
          当前到期日 {item.dueDate}
          {item.originalDueDate ? `（原到期日 ${item.originalDueDate}）` : ''}。
          {extend ? '延期只能推后，不能缩短；原到期日会保留在档案中。' : words.waiveNote}
        </Text>
        {extend && <DateField label="延期至" withAsterisk {...form.getInputProps('newDate')} />}
        <Textarea
          label={extend ? '延期理由' : '免除理由'}
          withAsterisk
          autosize
          minRows={2}
          maxLength={200}
          placeholder={extend ? words.extendExample : words.waiveExample}
          {...form.getInputProps('reason')}
        />
        <ModalActions onCancel={onClose} submit={<>确定{ITEM_ACTION_LABELS[kind]}</>} loading={saving} />
      </Stack>
    </FormModal>
  );
}
