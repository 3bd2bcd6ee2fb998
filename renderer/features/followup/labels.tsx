import { Badge, Text } from '@mantine/core';
import {
  controlText,
  FOLLOWUP_GROUPS,
  FOLLOWUP_GROUP_LABELS,
  type ControlStatus,
  type FollowupGroup,
} from '../../../shared/domain/followup-rules';
import {
  FOLLOWUP_STATUS_LABELS,
  levelLabel,
  levelsFor,
  MH_LEVEL_MEANINGS,
  type FollowupLevel,
  type FollowupStatus,
} from '../../../shared/schemas/followup';

export const groupOptions = FOLLOWUP_GROUPS.map((g) => ({ value: g, label: FOLLOWUP_GROUP_LABELS[g] }));

/** The levels a group uses, for a Select (留守儿童: 关爱 levels). */
export function levelOptions(group: FollowupGroup | '' | null) {
  return group ? levelsFor(group).map((l) => ({ value: l, label: levelLabel(l, group) })) : [];
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

/** Left-behind children are minors: their 关爱 level is never shown in red/yellow/green control colours (REVIEW row 11). */
const CARE_COLORS: Partial<Record<FollowupLevel, string>> = { red: 'grape', yellow: 'indigo', green: 'cyan' };

export function LevelBadge({ level, group }: { level: FollowupLevel; group?: FollowupGroup }) {
  const care = group === 'left_behind_child';
  return (
    <Badge color={(care && CARE_COLORS[level]) || LEVEL_COLORS[level]} variant={care ? 'light' : 'filled'} size="sm">
      {levelLabel(level, group)}
    </Badge>
  );
}

/** 管控对象 (REVIEW row 11): shown only when a file is not simply controlled (仅在册, 待转化). */
export function ControlBadge({ group, control }: { group: FollowupGroup; control: ControlStatus }) {
  if (control === 'controlled') return null;
  return (
    <Badge color={control === 'registered' ? 'gray' : 'orange'} variant="outline" size="sm">
      {controlText(group, control)}
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
