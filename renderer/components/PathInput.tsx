/**
 * A path on this PC (a folder to write into, a backup to restore from, a package to receive): typed, or in
 * the desktop app picked with the system's dialog (选择…). The host checks it again like any typed path.
 */
import { Button, Group, TextInput, type TextInputProps } from '@mantine/core';
import type { PathKind } from '../../shared/bridge';

export function PathInput({
  kind,
  value,
  onChange,
  ...text
}: Omit<TextInputProps, 'value' | 'onChange'> & { kind: PathKind; value?: string; onChange: (value: string) => void }) {
  const choose = window.ledger?.choosePath;
  const pick = async () => {
    const r = await choose?.(kind);
    if (r?.ok && r.value) onChange(r.value);
  };
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput {...text} value={value ?? ''} onChange={(e) => onChange(e.currentTarget.value)} />
      {choose && (
        <Button variant="default" onClick={() => void pick()}>
          选择…
        </Button>
      )}
    </Group>
  );
}
