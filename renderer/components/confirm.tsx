import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';

/** Asks before a destructive act; resolves true when the user confirmed. */
export function confirmDanger(title: string, body: string, confirmLabel = '删除'): Promise<boolean> {
  return new Promise((resolve) => {
    modals.openConfirmModal({
      title,
      children: <Text size="sm">{body}</Text>,
      labels: { confirm: confirmLabel, cancel: '取消' },
      confirmProps: { color: 'red' },
      onConfirm: () => resolve(true),
      onCancel: () => resolve(false),
      onClose: () => resolve(false),
    });
  });
}
