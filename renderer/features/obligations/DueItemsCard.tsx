import { Button, Card, Group, Table, Text, Title } from '@mantine/core';
import type { QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import type { DueModule } from '../../../shared/modules';
import { isOpen, type DueItem } from '../../../shared/domain/obligations';
import { ITEM_ACTION_LABELS, type ItemAction, type ItemActionKind } from '../../../shared/schemas/obligations';
import { Basis } from '../../components/Basis';
import { DaysLeft } from '../../components/DaysLeft';
import { todayLocal } from '../../components/today';
import { DueStateBadge } from './DueStateBadge';
import { ItemActionModal, type ItemActionWords } from './ItemActionModal';
import { useUndoItemAction } from './mutations';

/**
 * A record's due items on its page, soonest first, each with 延期/免除 in the module's words, and the
 * decisions recorded with their 撤销 (every module with due items uses it).
 */
export function DueItemsCard({
  module,
  ownerId,
  items,
  actions,
  active,
  touches,
  words,
}: {
  module: DueModule;
  ownerId: string;
  items: readonly DueItem[];
  actions: readonly ItemAction[];
  /** The record may still change (not ended, not deleted). */
  active: boolean;
  touches: readonly QueryKey[];
  words: ItemActionWords;
}) {
  const today = todayLocal();
  const open = items.filter(isOpen);
  const [acting, setActing] = useState<{ item: DueItem; kind: ItemActionKind } | null>(null);
  const undo = useUndoItemAction(touches);
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        到期事项
      </Title>
      {open.length === 0 ? (
        <Text size="sm" c="dimmed">
          {active ? '目前没有待办事项。' : '档案已结束，不再产生待办事项。'}
        </Text>
      ) : (
        <Table withTableBorder verticalSpacing={4} data-testid="due-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>事项</Table.Th>
              <Table.Th w={190}>到期日</Table.Th>
              <Table.Th w={80}>状态</Table.Th>
              {active && <Table.Th w={100} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {open.slice(0, 12).map((i) => (
              <Table.Tr key={`${i.ruleId}:${i.key}`}>
                <Table.Td>
                  <Basis source={i.source}>{i.label}</Basis>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {i.dueDate}
                    <DaysLeft today={today} due={i.dueDate} />
                  </Group>
                </Table.Td>
                <Table.Td>
                  <DueStateBadge state={i.state} />
                </Table.Td>
                {active && (
                  <Table.Td>
                    <Group gap={2} wrap="nowrap">
                      {i.kind !== 'termEnd' && (
                        <Button size="compact-xs" variant="subtle" onClick={() => setActing({ item: i, kind: 'extend' })}>
                          延期
                        </Button>
                      )}
                      <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setActing({ item: i, kind: 'waive' })}>
                        免除
                      </Button>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {actions.map((a) => (
        <Group key={a.id} gap={6} mt={6}>
          <Text size="xs" c="dimmed">
            {a.label}：{ITEM_ACTION_LABELS[a.kind]}
            {a.newDate ? `至 ${a.newDate}` : ''}（{a.reason}）
          </Text>
          {active && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              onClick={() => void undo.run(a.id, `已撤销${ITEM_ACTION_LABELS[a.kind]}`)}
            >
              撤销
            </Button>
          )}
        </Group>
      ))}
      {acting && (
        <ItemActionModal
          module={module}
          ownerId={ownerId}
          item={acting.item}
          kind={acting.kind}
          touches={touches}
          words={words}
          onClose={() => setActing(null)}
        />
      )}
    </Card>
  );
}
