import { Badge } from '@mantine/core';
import {
  CASE_OPEN_LABEL,
  CASE_OUTCOME_LABELS,
  PERFORMANCE_STATE_LABELS,
  type CaseOutcome,
  type PerformanceState,
} from '../../../shared/domain/mediation';

export const OUTCOME_COLORS: Record<CaseOutcome, string> = { success: 'green', failure: 'orange', terminated: 'gray' };
const PERFORMANCE_COLORS: Record<PerformanceState, string> = {
  performed: 'green',
  partial: 'yellow',
  unperformed: 'red',
  not_applicable: 'gray',
};

export function OutcomeBadge({ outcome }: { outcome: CaseOutcome | null }) {
  if (!outcome) return <Badge variant="light">{CASE_OPEN_LABEL}</Badge>;
  return (
    <Badge color={OUTCOME_COLORS[outcome]} variant="light">
      {CASE_OUTCOME_LABELS[outcome]}
    </Badge>
  );
}

export function PerformanceBadge({ state }: { state: PerformanceState | null }) {
  if (!state) return null;
  return (
    <Badge color={PERFORMANCE_COLORS[state]} variant="light" size="sm">
      {PERFORMANCE_STATE_LABELS[state]}
    </Badge>
  );
}
