import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The foot of a form in a dialog: 取消 closes it; the submit button (its label, colour and busy
 * state) sends the form, so Enter in a field does the same.
 */
export function ModalActions({
  onCancel,
  submit,
  loading,
  color,
}: {
  onCancel: () => void;
  submit: ReactNode;
  loading?: boolean;
  color?: string;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel}>
        取消
      </Button>
      <Button type="submit" loading={loading} color={color}>
        {submit}
      </Button>
    </Group>
  );
}
