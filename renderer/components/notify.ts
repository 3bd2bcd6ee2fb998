import { notifications } from '@mantine/notifications';
import { ApiError, errorMessage } from '../api/client';

export function notifySaved(message: string, title = '已保存'): void {
  notifications.show({ color: 'green', title, message, autoClose: 3000 });
}

/** Done, but with something the user should look at (stays longer than a plain 已保存). */
export function notifyWarning(message: string, title: string): void {
  notifications.show({ color: 'yellow', title, message, autoClose: 12000 });
}

export function notifyError(e: unknown, title = '操作未完成'): void {
  // 取消 was the user's own choice: said plainly, not as a failure.
  if (e instanceof ApiError && e.wire.code === 'CANCELLED') {
    notifications.show({ color: 'gray', title: '已取消', message: e.wire.message, autoClose: 5000 });
    return;
  }
  notifications.show({ color: 'red', title, message: errorMessage(e), autoClose: 8000 });
}
