import { ActionIcon, Group, Select, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';

type Field = 'name' | 'role' | 'phone';

/**
 * One member of a team in a form (帮教小组, 矫正小组): name, role and phone, the team's own fields after them,
 * and its removal. The first row carries the labels; `input` gives a field's props from the form.
 */
export function MemberRow({
  first,
  roles,
  input,
  onRemove,
  children,
}: {
  first: boolean;
  roles: readonly string[];
  // biome-ignore lint/suspicious/noExplicitAny: a Mantine form's input props, whatever the form's values
  input: (field: Field) => any;
  onRemove: () => void;
  children?: ReactNode;
}) {
  return (
    <Group align="flex-start" wrap="nowrap" gap="xs">
      <TextInput label={first ? '姓名' : undefined} aria-label="成员姓名" w={120} maxLength={30} {...input('name')} />
      <Select label={first ? '身份' : undefined} aria-label="成员身份" w={170} allowDeselect={false} data={[...roles]} {...input('role')} />
      <TextInput label={first ? '电话' : undefined} aria-label="成员电话" w={140} maxLength={30} {...input('phone')} />
      {children}
      <ActionIcon mt={first ? 28 : 4} variant="subtle" color="red" aria-label="删除成员" onClick={onRemove}>
        ×
      </ActionIcon>
    </Group>
  );
}
