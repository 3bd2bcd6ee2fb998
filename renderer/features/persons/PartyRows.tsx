import { ActionIcon, Button, Group, Select, Stack, Text } from '@mantine/core';
import { PARTY_ROLES, PARTY_ROLE_LABELS, type PartyRole } from '../../../shared/dictionaries';
import { PersonPicker, type PickedPerson } from './PersonPicker';

export interface PartyValue {
  key: string;
  person: PickedPerson | null;
  role: PartyRole;
}

let partyKey = 0;
export const newParty = (role: PartyRole, person: PickedPerson | null = null): PartyValue => ({ key: `p${++partyKey}`, person, role });

/** What the host expects: rows without a person are dropped. */
export const toPartyInput = (rows: PartyValue[]) => rows.filter((p) => p.person).map((p) => ({ personId: p.person!.id, role: p.role }));

/** The parties of a dispute or case: role plus a person from the registry (or created inline). */
export function PartyRows({
  value,
  onChange,
  error,
}: {
  value: PartyValue[];
  onChange: (rows: PartyValue[]) => void;
  error?: React.ReactNode;
}) {
  const set = (i: number, patch: Partial<PartyValue>) => onChange(value.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        当事人{' '}
        <Text span c="red">
          *
        </Text>
      </Text>
      {value.map((p, i) => (
        <Group key={p.key} align="flex-end" gap="xs" wrap="nowrap">
          <Select
            aria-label={`第${i + 1}位当事人身份`}
            label={i === 0 ? '身份' : undefined}
            w={120}
            data={PARTY_ROLES.map((r) => ({ value: r, label: PARTY_ROLE_LABELS[r] }))}
            value={p.role}
            allowDeselect={false}
            onChange={(x) => set(i, { role: (x ?? 'applicant') as PartyRole })}
          />
          <PersonPicker label={`第${i + 1}位当事人`} value={p.person} onChange={(person) => set(i, { person })} />
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            aria-label={`移除第${i + 1}位当事人`}
            disabled={value.length <= 1}
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text c="red" size="xs">
          {error}
        </Text>
      )}
      <Button
        variant="subtle"
        size="xs"
        w={140}
        onClick={() => onChange([...value, newParty('third_party')])}
        disabled={value.length >= 50}
      >
        + 添加当事人
      </Button>
    </Stack>
  );
}
