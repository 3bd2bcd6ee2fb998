import { notifications } from '@mantine/notifications';
import { errorMessage } from '../api/client';

export function notifySaved(message: string, title = '已保存'): void {
  notifications.show({ color: 'green', title, message, autoClose: 3000 });
}

export function notifyError(e: unknown, title = '操作未完成'): void {
  notifications.show({ color: 'red', title, message: errorMessage(e), autoClose: 8000 });
}
