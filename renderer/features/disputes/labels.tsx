import { Badge } from '@mantine/core';
import { RISK_LEVEL_COLORS, RISK_LEVEL_LABELS, type RiskLevel } from '../../../shared/dictionaries';
import { DISPUTE_STATUS_LABELS, type DisputeStatus } from '../../../shared/domain/disputes';

export const STATUS_COLORS: Record<DisputeStatus, string> = {
  registered: 'gray',
  accepted: 'blue',
  rejected: 'dark',
  mediating: 'indigo',
  resolved: 'green',
  unresolved: 'orange',
  transferred: 'grape',
  closed: 'teal',
};

export function StatusBadge({ status }: { status: DisputeStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {DISPUTE_STATUS_LABELS[status]}
    </Badge>
  );
}

export function RiskBadge({ level }: { level: RiskLevel | null }) {
  if (!level) return null;
  return (
    <Badge color={RISK_LEVEL_COLORS[level]} variant="filled" size="sm">
      {RISK_LEVEL_LABELS[level]}
    </Badge>
  );
}
