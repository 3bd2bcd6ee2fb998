import { Badge } from '@mantine/core';
import { DUE_STATE_LABELS, type DueState } from '../../../shared/domain/obligations';

const DUE_STATE_COLORS: Record<DueState, string> = {
  overdue: 'red',
  due_soon: 'orange',
  upcoming: 'gray',
  done: 'green',
  waived: 'gray',
  missed: 'red',
};

/** A due item's state as the due-date engine judges it, for any module's items. */
export function DueStateBadge({ state }: { state: DueState }) {
  return (
    <Badge color={DUE_STATE_COLORS[state]} variant={state === 'overdue' ? 'filled' : state === 'missed' ? 'outline' : 'light'} size="sm">
      {DUE_STATE_LABELS[state]}
    </Badge>
  );
}
