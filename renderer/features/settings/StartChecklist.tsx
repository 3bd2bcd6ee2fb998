/**
 * 开始使用: the first week's checklist on the dashboard after setup — villages and grids, colleagues and
 * mediators, the case-number formats (shown with a live example, kept with one click or changed in the
 * settings). Each step says whether it is done; the card is gone once all are.
 */
import { Badge, Button, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Link } from 'react-router';
import { formatCaseNumber } from '../../../shared/domain/case-number';
import type { ChecklistStep } from '../../../shared/schemas/reference';
import { useConfirmNumbers } from '../reference/mutations';
import { useChecklist, useSettings } from '../reference/queries';

const STEPS: Record<ChecklistStep, { title: string; todo: string; tab: string }> = {
  villages: { title: '录入村（社区）和网格', todo: '可把村（社区）名单一次粘贴进来，再为各村添加网格', tab: 'villages' },
  staff: { title: '添加同事和人民调解员', todo: '承办人、包保责任人和调解员从这里选', tab: 'staff' },
  numbers: { title: '确认案号格式', todo: '', tab: 'township' },
};

export function StartChecklist() {
  const checklist = useChecklist();
  const settings = useSettings();
  const confirm = useConfirmNumbers();
  const steps = checklist.data?.steps ?? [];
  if (steps.length === 0 || steps.every((s) => s.done)) return null;
  const s = settings.data;
  const year = new Date().getFullYear();
  const examples = s && [
    `矛盾纠纷登记：${formatCaseNumber(s.disputeNumberPattern, { township: s.townshipShort, year, seq: 1 })}、${formatCaseNumber(s.disputeNumberPattern, { township: s.townshipShort, year, seq: 2 })}……`,
    `人民调解卷宗：${formatCaseNumber(s.mediationNumberPattern, { township: s.townshipShort, year, seq: 1 })}`,
  ];
  return (
    <Card withBorder padding="md" aria-label="开始使用">
      <Group justify="space-between" mb="xs">
        <Title order={5}>开始使用</Title>
        <Text size="sm" c="dimmed">
          完成 {steps.filter((x) => x.done).length}/{steps.length} 项，全部完成后本栏不再显示
        </Text>
      </Group>
      <List spacing="sm" center>
        {steps.map((step) => {
          const info = STEPS[step.key];
          return (
            <List.Item
              key={step.key}
              icon={
                <ThemeIcon size={20} radius="xl" color={step.done ? 'green' : 'gray'} variant={step.done ? 'filled' : 'light'}>
                  {step.done ? '✓' : '·'}
                </ThemeIcon>
              }
            >
              <Stack gap={2}>
                <Group gap="xs">
                  <Text fw={500}>{info.title}</Text>
                  <Badge size="sm" variant="light" color={step.done ? 'green' : 'gray'}>
                    {step.done ? '已完成' : '未完成'}
                  </Badge>
                </Group>
                {!step.done && step.key !== 'numbers' && (
                  <Group gap="xs">
                    <Text size="sm" c="dimmed">
                      {info.todo}
                    </Text>
                    <Button size="compact-sm" variant="light" component={Link} to={`/settings?tab=${info.tab}`}>
                      去设置
                    </Button>
                  </Group>
                )}
                {!step.done && step.key === 'numbers' && examples && (
                  <Stack gap={4}>
                    <Text size="sm" c="dimmed">
                      按现在的格式，今年的编号将是：
                    </Text>
                    {examples.map((e) => (
                      <Text key={e} size="sm">
                        {e}
                      </Text>
                    ))}
                    <Group gap="xs">
                      <Button size="compact-sm" loading={confirm.saving} onClick={() => void confirm.run(undefined, '案号格式已确认')}>
                        就用这个格式
                      </Button>
                      <Button size="compact-sm" variant="light" component={Link} to={`/settings?tab=${info.tab}`}>
                        去修改
                      </Button>
                    </Group>
                  </Stack>
                )}
              </Stack>
            </List.Item>
          );
        })}
      </List>
    </Card>
  );
}
