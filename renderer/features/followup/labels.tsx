import { Badge, Text } from '@mantine/core';
import { FOLLOWUP_GROUPS, FOLLOWUP_GROUP_LABELS, type FollowupGroup } from '../../../shared/domain/followup-rules';
import {
  FOLLOWUP_STATUS_LABELS,
  levelLabel,
  levelsFor,
  MH_LEVEL_MEANINGS,
  type FollowupLevel,
  type FollowupStatus,
} from '../../../shared/schemas/followup';

export const groupOptions = FOLLOWUP_GROUPS.map((g) => ({ value: g, label: FOLLOWUP_GROUP_LABELS[g] }));

/** The levels a group uses, for a Select. */
export function levelOptions(group: FollowupGroup | '' | null) {
  return group ? levelsFor(group).map((l) => ({ value: l, label: levelLabel(l) })) : [];
}

/** A level option with the standard's meaning underneath (mental health; the colours need none). */
export function LevelOption({ label, level }: { label: string; level: string }) {
  return (
    <div>
      <Text size="sm">{label}</Text>
      {MH_LEVEL_MEANINGS[level] && (
        <Text size="xs" c="dimmed">
          {MH_LEVEL_MEANINGS[level]}
        </Text>
      )}
    </div>
  );
}

const LEVEL_COLORS: Record<FollowupLevel, string> = {
  '0': 'green',
  '1': 'yellow',
  '2': 'yellow',
  '3': 'orange',
  '4': 'red',
  '5': 'red',
  red: 'red',
  yellow: 'yellow',
  green: 'green',
};

export function LevelBadge({ level }: { level: FollowupLevel }) {
  return (
    <Badge color={LEVEL_COLORS[level]} variant="filled" size="sm">
      {levelLabel(level)}
    </Badge>
  );
}

const STATUS_COLORS: Record<FollowupStatus, string> = {
  active: 'blue',
  released: 'teal',
  moved: 'grape',
  deceased: 'dark',
  terminated: 'red',
};

export function FollowupStatusBadge({ status }: { status: FollowupStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {FOLLOWUP_STATUS_LABELS[status]}
    </Badge>
  );
}
