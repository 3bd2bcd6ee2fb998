/**
 * 转入人民调解, offered on a dispute's page through the module registry: the button while the
 * dispute is still open and not yet handed over, and once it is, the link to its case.
 */
import { Alert, Anchor, Button } from '@mantine/core';
import { Suspense, useState } from 'react';
import { Link } from 'react-router';
import { recordPath } from '../../../shared/modules';
import type { Dispute } from '../../../shared/schemas/disputes';
import { lazyComponent } from '../../components/lazyPage';
import { Loading } from '../../components/Loading';
import { useCaseOfDispute } from './queries';

// The registry that lists this button loads with the window; the form behind it, only when asked for.
const OpenFromDisputeModal = lazyComponent(() => import('./OpenFromDisputeModal'), 'OpenFromDisputeModal');

export function DisputeHandOverAction({ record, open }: { record: Dispute; open: boolean }) {
  const handedOver = useCaseOfDispute(record.id);
  const [opening, setOpening] = useState(false);
  return (
    <>
      {open && handedOver.data === null && (
        <Button size="xs" onClick={() => setOpening(true)}>
          转入人民调解
        </Button>
      )}
      {opening && (
        <Suspense fallback={<Loading small>正在打开转入人民调解…</Loading>}>
          <OpenFromDisputeModal dispute={record} onClose={() => setOpening(false)} />
        </Suspense>
      )}
    </>
  );
}

export function DisputeHandOverStatus({ record }: { record: Dispute }) {
  const handedOver = useCaseOfDispute(record.id);
  if (!handedOver.data) return null;
  return (
    <Alert color="blue" variant="light" py="xs">
      已转入人民调解：
      <Anchor component={Link} to={recordPath('mediation', handedOver.data.id)}>
        {handedOver.data.caseNo}
      </Anchor>
    </Alert>
  );
}
