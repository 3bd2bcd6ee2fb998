import { Button, Group, Select, Stack } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { maskIdNumber } from '../../../shared/domain/id-number';
import type { PersonHit } from '../../../shared/schemas/persons';
import { PersonFields } from './PersonFields';
import { usePersonSearch } from './queries';
import { usePersonForm } from './usePersonForm';
import { ModalActions } from '../../components/ModalActions';
import { FormModal } from '../../components/GuardedForm';

export interface PickedPerson {
  id: string;
  name: string;
  /** The person's village, when the registry has it (a dispute offers it as its own). */
  villageId?: string | null;
}

function describeHit(h: PersonHit): string {
  const extra = [h.idNumber ? maskIdNumber(h.idNumber) : null, h.phone, h.villageName].filter(Boolean).join('，');
  return extra ? `${h.name}（${extra}）` : h.name;
}

function NewPersonModal({
  opened,
  onClose,
  onCreated,
  name,
}: {
  opened: boolean;
  onClose: () => void;
  onCreated: (p: PickedPerson) => void;
  name: string;
}) {
  const { form, save, saving, takenBy } = usePersonForm(undefined, { name });
  const submit = form.onSubmit(async (values) => {
    const saved = await save(values);
    if (saved) {
      onCreated({ id: saved.id, name: saved.name, villageId: saved.villageId });
      form.reset();
      onClose();
    }
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} opened={opened} title="新建人员" size="xl">
      <Stack>
        <PersonFields form={form} takenBy={takenBy} />
        <ModalActions onCancel={onClose} submit="保存并选用" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** Finds a person by name fragment, pinyin initials, ID or phone fragment; or creates one inline. */
export function PersonPicker({
  value,
  onChange,
  label,
  error,
}: {
  value: PickedPerson | null;
  onChange: (p: PickedPerson | null) => void;
  label: string;
  error?: string;
}) {
  const [search, setSearch] = useState('');
  // After a pick the box shows the option's label; that text is not a new search.
  const [pickedLabel, setPickedLabel] = useState<string | null>(value?.name ?? null);
  const typed = search.trim() === pickedLabel ? '' : search.trim().slice(0, 50);
  const [debounced] = useDebouncedValue(typed, 200);
  const [opened, modal] = useDisclosure(false);
  const results = usePersonSearch(debounced);
  const data = useMemo(() => {
    const opts = debounced ? (results.data ?? []).map((h) => ({ value: h.id, label: describeHit(h) })) : [];
    if (value && !opts.some((o) => o.value === value.id)) opts.unshift({ value: value.id, label: pickedLabel ?? value.name });
    return opts;
  }, [debounced, results.data, value, pickedLabel]);

  return (
    <Group align="flex-end" gap="xs" wrap="nowrap" style={{ flex: 1 }}>
      <Select
        label={label}
        placeholder="输入姓名、拼音首字母、身份证号或电话查找"
        searchable
        clearable
        // A search box: its list opens as the user types or clicks, not when a form starts in it.
        openOnFocus={false}
        data={data}
        value={value?.id ?? null}
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        nothingFoundMessage={debounced ? '人员库中没有找到，可点“新建人员”' : '请输入查找内容'}
        onChange={(id, option) => {
          if (!id) {
            setPickedLabel(null);
            return onChange(null);
          }
          const hit = results.data?.find((h) => h.id === id);
          setPickedLabel(option?.label ?? null);
          onChange({ id, name: hit?.name ?? value?.name ?? '', villageId: hit?.villageId ?? null });
        }}
        error={error}
        style={{ flex: 1 }}
      />
      <Button variant="light" onClick={modal.open} aria-label={`新建人员（${label}）`}>
        新建人员
      </Button>
      {opened && (
        <NewPersonModal
          opened={opened}
          onClose={modal.close}
          onCreated={(p) => {
            setPickedLabel(p.name);
            setSearch(p.name);
            onChange(p);
          }}
          name={/^[a-z0-9]/i.test(search) ? '' : search.replace(/（.*$/, '')}
        />
      )}
    </Group>
  );
}
