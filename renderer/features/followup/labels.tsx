import { Badge, Text } from '@mantine/core';
import { FOLLOWUP_GROUPS, FOLLOWUP_GROUP_LABELS, type FollowupGroup } from '../../../shared/domain/followup-rules';
import { DUE_STATE_LABELS, type DueState } from '../../../shared/domain/obligations';
import { FOLLOWUP_STATUS_LABELS, levelLabel, levelsFor, type FollowupLevel, type FollowupStatus } from '../../../shared/schemas/followup';

/**
 * 危险性评估 0–5级 as the public-health standard words them (国家基本公共卫生服务规范（第三版）,
 * CONTRIBUTING.md, DOMAIN §4.1): shown where a level is chosen, so that the level is assessed, not guessed.
 */
export const MH_LEVEL_MEANINGS: Record<string, string> = {
  '0': '无符合以下1–5级中的任何行为',
  '1': '口头威胁，喊叫，但没有打砸行为',
  '2': '打砸行为，局限在家里，针对财物，能被劝说制止',
  '3': '明显打砸行为，不分场合，针对财物，不能接受劝说而停止',
  '4': '持续的打砸行为，不分场合，针对财物或人，不能接受劝说而停止（包括自伤、自杀）',
  '5': '持械针对人的任何暴力行为，或者纵火、爆炸等行为，无论在家里还是公共场合',
};

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

const STATUS_COLORS: Record<FollowupStatus, string> = { active: 'blue', released: 'teal', moved: 'grape', deceased: 'dark' };

export function FollowupStatusBadge({ status }: { status: FollowupStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light">
      {FOLLOWUP_STATUS_LABELS[status]}
    </Badge>
  );
}

const DUE_STATE_COLORS: Record<DueState, string> = { overdue: 'red', due_soon: 'orange', upcoming: 'gray', done: 'green', waived: 'gray' };

export function DueStateBadge({ state }: { state: DueState }) {
  return (
    <Badge color={DUE_STATE_COLORS[state]} variant={state === 'overdue' ? 'filled' : 'light'} size="sm">
      {DUE_STATE_LABELS[state]}
    </Badge>
  );
}
