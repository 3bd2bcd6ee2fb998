import type { UseFormReturnType } from '@mantine/form';
import type { Input } from '../../../shared/contract';
import { api, withJob } from '../../api/client';
import { trackJob } from '../../components/JobNotice';
import { useWrite } from '../../components/useWrite';
import { backupKeys } from './queries';

export function useBackupNow() {
  return useWrite((input: Input<'backups.create'>) => trackJob('正在备份', (jobId) => api.backups.create(withJob(input, jobId))), {
    touches: [backupKeys.all],
    successTitle: '已备份',
    errorTitle: '备份未完成',
  });
}

/** Re-reads one backup (SHA-256, integrity, counts): its state is shown where it is listed. */
export function useVerifyBackup() {
  return useWrite((input: Input<'backups.verify'>) => trackJob('正在校验备份', (jobId) => api.backups.verify(withJob(input, jobId))), {
    touches: [],
    errorTitle: '未能校验',
  });
}

/** What a backup holds, before the confirmation; a damaged or foreign file is refused with the reason. */
export function usePreviewBackup() {
  return useWrite((input: Input<'backups.preview'>) => api.backups.preview(input), { touches: [], errorTitle: '该备份不能用于恢复' });
}

/** The whole ledger is another after a restore (or its undo): everything is read again. */
export function useRestoreBackup() {
  return useWrite((input: Input<'backups.restore'>) => trackJob('正在恢复', (jobId) => api.backups.restore(withJob(input, jobId))), {
    touches: 'everything',
    successTitle: '已恢复',
    errorTitle: '未能恢复',
  });
}

export function useUndoRestore() {
  return useWrite(
    (input: Input<'backups.undoRestore'>) => trackJob('正在撤销恢复', (jobId) => api.backups.undoRestore(withJob(input, jobId))),
    {
      touches: 'everything',
      errorTitle: '未能撤销恢复',
    },
  );
}

export function useSaveRetention<F>(form?: UseFormReturnType<F>) {
  return useWrite((input: Input<'backups.saveRules'>) => api.backups.saveRules(input), { touches: [backupKeys.all] }, form);
}
