import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { addDays } from '../../../shared/dates';
import {
  handlingDeadline,
  LABOUR_CATEGORY,
  LABOUR_NOTICE_DAYS,
  LABOUR_LIMITATION_TEXT,
  LAND_LIMITATION_TEXT,
  LAND_WRITTEN_TEXT,
} from '../../../shared/domain/mediation';
import { isOpen, type DueItem } from '../../../shared/domain/obligations';
import type { MediationCase } from '../../../shared/schemas/mediation';
import { Basis } from '../../components/Basis';
import { DaysLeft } from '../../components/DaysLeft';
import { todayLocal } from '../../components/today';
import { DueStateBadge } from '../obligations/DueStateBadge';

/** One due item as the engine judges it: its date (moved past rest days, extended), its state, when it was met. */
function ItemLine({ item, first, testId }: { item: DueItem; first: string; testId: string }) {
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600} data-testid={testId}>
        {item.dueDate}
      </Text>
      {isOpen(item) && <DaysLeft today={todayLocal()} due={item.dueDate} />}
      {item.originalDueDate && (
        <Text size="xs" c="dimmed">
          （原期限 {item.originalDueDate}）
        </Text>
      )}
      {!item.originalDueDate && item.dueDate !== first && (
        <Text size="xs" c="dimmed">
          <Basis size="xs" source={item.source}>
            （{first} 遇休息日顺延）
          </Basis>
        </Text>
      )}
      <DueStateBadge state={item.state} />
      {item.satisfiedOn && item.state === 'done' && (
        <Text size="xs" c={item.late ? 'orange' : 'dimmed'}>
          {item.late ? `超期完成（${item.satisfiedOn}）` : `${item.satisfiedOn} 完成`}
        </Text>
      )}
    </Group>
  );
}

/**
 * The case's own deadlines (REVIEW rows 7, 8, 17): its 调解期限 — one calendar month from acceptance,
 * extended with the parties' consent — and, for a labour dispute, the 15-day point and the one-year
 * arbitration limitation; for a land-contract dispute, the written agreement and the two-year limitation.
 */
export function CaseDeadlines({
  c,
  onExtend,
  onArbitrationNotice,
}: {
  c: MediationCase;
  onExtend: () => void;
  onArbitrationNotice: () => void;
}) {
  const h = c.handling;
  const l = c.labourNotice;
  const open = !c.outcome && !c.deletedAt;
  return (
    <Card withBorder data-testid="case-deadlines">
      <Group justify="space-between" mb="xs">
        <Title order={5}>调解期限</Title>
        {open && h && (
          <Button size="xs" variant="light" onClick={onExtend}>
            延长调解期限
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        {h && (
          <div>
            <Text size="xs" c="dimmed">
              <Basis size="xs" source={h.source}>
                受理之日起一个月内调结，经双方当事人同意可以延长
              </Basis>
            </Text>
            <ItemLine item={h} first={handlingDeadline(c.acceptedDate)} testId="handling-due" />
          </div>
        )}
        {c.extensions.length > 0 && (
          <Table data-testid="extensions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>当事人同意日期</Table.Th>
                <Table.Th>原期限</Table.Th>
                <Table.Th>延长至</Table.Th>
                <Table.Th>理由</Table.Th>
                <Table.Th>当事人同意</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.extensions.map((x) => (
                <Table.Tr key={x.id}>
                  <Table.Td>{x.date}</Table.Td>
                  <Table.Td>{x.previousDate}</Table.Td>
                  <Table.Td>{x.newDate}</Table.Td>
                  <Table.Td>{x.reason}</Table.Td>
                  <Table.Td>
                    <Badge color="green" variant="light" size="sm">
                      双方同意
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {c.category === LABOUR_CATEGORY && (
          <>
            {l && (
              <div>
                <Group gap="xs">
                  <Text size="xs" c="dimmed">
                    <Basis size="xs" source={l.source}>
                      {l.label}
                    </Basis>
                  </Text>
                  {c.arbitrationToldDate && <Text size="xs">已于 {c.arbitrationToldDate} 告知当事人</Text>}
                  {!c.deletedAt && isOpen(l) && (
                    <Button size="compact-xs" variant="light" onClick={onArbitrationNotice}>
                      登记已告知
                    </Button>
                  )}
                </Group>
                <ItemLine item={l} first={addDays(c.acceptedDate, LABOUR_NOTICE_DAYS)} testId="labour-due" />
              </div>
            )}
            <Alert color="yellow" variant="light" title="劳动争议仲裁时效一年" data-testid="labour-limitation">
              {LABOUR_LIMITATION_TEXT}
            </Alert>
          </>
        )}
        {c.landContract && (
          <Alert color="yellow" variant="light" title="土地承包经营纠纷" data-testid="land-contract">
            {LAND_WRITTEN_TEXT}
            <br />
            {LAND_LIMITATION_TEXT}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}
