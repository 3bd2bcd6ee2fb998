/**
 * A long call followed in a notice at the corner (exports, backups): what it is doing, a progress bar
 * (striped while the step cannot be counted) and 取消. Shown only when the call takes longer than a
 * moment, and gone when it ends; a cancelled call says so in a plain notice, not as an error.
 */
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCancelJob } from '../features/jobs/mutations';
import { useJobProgress } from '../features/jobs/queries';

function JobNotice({ id }: { id: string }) {
  const { data } = useJobProgress(id);
  const cancel = useCancelJob();
  const percent = data?.total ? Math.min(100, Math.round((data.done / data.total) * 100)) : null;
  const cancelling = data?.cancelling || cancel.saving;
  return (
    <Stack gap={6} data-testid="job-progress">
      <Text size="sm">{cancelling ? '正在取消…' : (data?.phase ?? '正在准备')}</Text>
      <Progress
        value={percent ?? 100}
        striped={percent === null}
        animated={percent === null}
        aria-label={percent === null ? '进行中' : `已完成 ${percent}%`}
      />
      <Group justify="flex-end">
        <Button size="compact-xs" variant="default" disabled={cancelling} onClick={() => void cancel.run({ id })}>
          取消
        </Button>
      </Group>
    </Stack>
  );
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** An id in the ledger's id format (a ULID's shape) for one call of the window. */
function newJobId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(26));
  return Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
}

/** How long a call may take before its notice appears (a small export ends before anyone would read it). */
const SHOW_AFTER_MS = 400;

/** Runs a long call named by a new id, with its notice shown while it takes longer than a moment. */
export async function trackJob<T>(title: string, run: (jobId: string) => Promise<T>): Promise<T> {
  const id = newJobId();
  const timer = setTimeout(
    () => notifications.show({ id, title, message: <JobNotice id={id} />, autoClose: false, withCloseButton: false }),
    SHOW_AFTER_MS,
  );
  try {
    return await run(id);
  } finally {
    clearTimeout(timer);
    notifications.hide(id);
  }
}
