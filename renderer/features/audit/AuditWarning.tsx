import { Alert, Anchor } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { warningText } from '../../../shared/domain/audit-verdict';
import { useAuditStatus } from './queries';

/**
 * Above every page when the last check of the audit chain found it broken (after opening, or on
 * 立即校验): what was found, and that the administrator should compare with the backups.
 */
export function AuditWarning() {
  const last = useAuditStatus().data?.last;
  // On the settings page the tab 审计日志 is at hand (the page keeps the tab it opened with).
  const onSettings = useLocation().pathname === '/settings';
  if (!last || last.ok) return null;
  return (
    <Alert color="red" title="审计记录可能被篡改" mb="md" data-testid="audit-warning">
      {warningText(last)}{' '}
      {!onSettings && (
        <Anchor component={Link} to="/settings?tab=audit" size="sm">
          查看审计日志
        </Anchor>
      )}
    </Alert>
  );
}
