import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';

/**
 * Asks before a destructive act; resolves true when the user confirmed. The confirm button is red
 * and labelled with the act (default 删除); Esc or the other button (default 取消, which has the
 * focus) resolves false.
 */
export function confirmDelete(title: string, body: string, confirmLabel = '删除', cancelLabel = '取消'): Promise<boolean> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (v: boolean) => {
      if (settled) return;
      settled = true;
      resolve(v);
    };
    modals.openConfirmModal({
      title,
      children: <Text size="sm">{body}</Text>,
      labels: { confirm: confirmLabel, cancel: cancelLabel },
      confirmProps: { color: 'red' },
      // Focus on the safe answer: Enter keeps what is there.
      cancelProps: { 'data-autofocus': true },
      onConfirm: () => done(true),
      onCancel: () => done(false),
      onClose: () => done(false),
    });
  });
}
