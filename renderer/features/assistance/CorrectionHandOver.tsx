/**
 * 解除并转入安置帮教, offered on a correction file's page through the module registry (REVIEW §5.5): the button while
 * the file is 在矫, and once handed over, the link to the assistance file.
 */
import { Alert, Anchor, Button } from '@mantine/core';
import { Suspense, useState } from 'react';
import { Link } from 'react-router';
import { recordPath } from '../../../shared/modules';
import type { CorrectionFileView } from '../../../shared/schemas/correction';
import { lazyComponent } from '../../components/lazyPage';
import { Loading } from '../../components/Loading';
import { useCorrectionHandOver } from './queries';

// The registry that lists this button loads with the window; the form behind it, only when asked for.
const ReleaseFromCorrectionModal = lazyComponent(() => import('./ReleaseFromCorrectionModal'), 'ReleaseFromCorrectionModal');

export function CorrectionHandOverAction({ record, open }: { record: CorrectionFileView; open: boolean }) {
  const [opening, setOpening] = useState(false);
  if (!open) return null;
  return (
    <>
      <Button size="xs" variant="light" color="teal" onClick={() => setOpening(true)}>
        解除
      </Button>
      {opening && (
        <Suspense fallback={<Loading small>正在打开解除…</Loading>}>
          <ReleaseFromCorrectionModal file={record} onClose={() => setOpening(false)} />
        </Suspense>
      )}
    </>
  );
}

export function CorrectionHandOverStatus({ record }: { record: CorrectionFileView }) {
  const q = useCorrectionHandOver(record.id);
  if (!q.data?.linked) return null;
  if (record.status === 'active' && q.data.linked.status === 'active')
    return (
      <Alert color="orange" variant="light" py="xs" mt="sm" data-testid="handed-over">
        本档案的解除已撤销，但解除时转入的
        <Anchor component={Link} to={recordPath('assistance', q.data.linked.id)}>
          安置帮教档案
        </Anchor>
        仍在册，请核实后在该档案中结束帮教或删除。
      </Alert>
    );
  return (
    <Alert color="teal" variant="light" py="xs" mt="sm" data-testid="handed-over">
      已转入安置帮教：
      <Anchor component={Link} to={recordPath('assistance', q.data.linked.id)}>
        查看安置帮教档案
      </Anchor>
      （帮教期至 {q.data.linked.periodEnd}）
    </Alert>
  );
}
