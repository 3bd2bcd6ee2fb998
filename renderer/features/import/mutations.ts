/**
 * 导入旧台账's steps: reading the file (sent as base64, as attachments are), checking the rows (nothing
 * stays), importing (a backup first; every list may change) and 撤销导入.
 */
import type { Input } from '../../../shared/contract';
import type { ModuleName } from '../../../shared/modules';
import { api, ApiError, withJob } from '../../api/client';
import { trackJob } from '../../components/JobNotice';
import { readBase64 } from '../../components/readBase64';
import { useWrite } from '../../components/useWrite';

export function useReadImport() {
  return useWrite(
    async ({ module, file, sheet }: { module: ModuleName; file: File; sheet?: string }) =>
      api.import.read({ module, fileName: file.name, base64: await readBase64(file), sheet }),
    { touches: [], errorTitle: '未能读取文件' },
  );
}

export function useCheckImport() {
  return useWrite((input: Input<'import.check'>) => trackJob('正在检查', (jobId) => api.import.check(withJob(input, jobId))), {
    touches: [],
    errorTitle: '未能检查',
  });
}

/** The real import changes every list, the dashboard and the recycle bin (试导入 changes nothing, but is asked the same way). */
export function useRunImport() {
  return useWrite(
    (input: Input<'import.run'>) => trackJob(input.dryRun ? '正在试导入' : '正在导入', (jobId) => api.import.run(withJob(input, jobId))),
    { touches: 'everything', errorTitle: '未能导入' },
  );
}

/** `onEdited` hears how many of the batch's records were changed since the import (the screen then asks again). */
export function useUndoImport(onEdited: (id: string, edited: number) => void) {
  return useWrite((input: Input<'import.undo'>) => api.import.undo(input), {
    touches: 'everything',
    successTitle: '已撤销导入',
    errorTitle: '未能撤销导入',
    onError: (e) => {
      if (e instanceof ApiError && e.wire.code === 'CONFLICT' && e.wire.details?.edited && e.wire.details.id) {
        onEdited(e.wire.details.id, Number(e.wire.details.edited));
      }
    },
  });
}
