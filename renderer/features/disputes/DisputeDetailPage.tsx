import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Timeline, Title } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PARTY_ROLE_LABELS } from '../../../shared/dictionaries';
import {
  allowedTransitions,
  DISPUTE_STATUS_LABELS,
  HANDLING_LEVEL_LABELS,
  OPEN_STATUSES,
  type DisputeStatus,
} from '../../../shared/domain/disputes';
import type { Dispute } from '../../../shared/schemas/disputes';
import { errorMessage } from '../../api/client';
import { AuditHistory } from '../../components/AuditHistory';
import { Basis } from '../../components/Basis';
import { DaysLeft } from '../../components/DaysLeft';
import { todayLocal } from '../../components/today';
import { isOpen } from '../../../shared/domain/obligations';
import { confirmDelete } from '../../components/ConfirmDelete';
import { useHandOvers } from '../../components/modules';
import { useDicts, useStaffNames } from '../reference/queries';
import { DueStateBadge } from '../obligations/DueStateBadge';
import { RiskBadge, StatusBadge } from './labels';
import { useDeleteDispute } from './mutations';
import { useDispute } from './queries';
import { StatusChangeModal } from './StatusChangeModal';

/** The deadline as the due-date engine judges it: moved past rest days, due soon, overdue, or met late. */
function DeadlineText({ d }: { d: Dispute }) {
  const item = d.deadlineItem;
  if (!d.deadline || !item) return <>{d.deadline}</>;
  return (
    <Group gap={6} wrap="nowrap">
      <span>{d.deadline}</span>
      {item.dueDate !== d.deadline && (
        <Text size="xs" c="dimmed">
          <Basis size="xs" source={item.source}>
            遇休息日顺延至 {item.dueDate}
          </Basis>
        </Text>
      )}
      {isOpen(item) && <DaysLeft today={todayLocal()} due={item.dueDate} />}
      {item.state === 'due_soon' && <DueStateBadge state="due_soon" />}
      {item.late && (
        <Badge color="orange" variant="light" size="sm">
          超期处理（{item.satisfiedOn}）
        </Badge>
      )}
    </Group>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Grid.Col span={{ base: 6, md: 3 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children || '—'}
      </Text>
    </Grid.Col>
  );
}

export function DisputeDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const q = useDispute(id);
  // What later modules offer here (转入人民调解), from the module registry.
  const handOvers = useHandOvers('disputes');
  const dicts = useDicts();
  const staff = useStaffNames();
  const del = useDeleteDispute();
  const [target, setTarget] = useState<DisputeStatus | null>(null);
  if (q.isLoading) return <Loading center>正在加载纠纷登记…</Loading>;
  if (!q.data) return <Alert color="red">{errorMessage(q.error)}</Alert>;
  const d = q.data;
  const open = !d.deletedAt && OPEN_STATUSES.includes(d.status);

  const remove = async () => {
    if (!(await confirmDelete('删除纠纷登记', `确定删除 ${d.caseNo} 吗？删除后可在回收站恢复。`))) return;
    if (await del.run(d.id, `${d.caseNo} 已移入回收站`)) navigate('/disputes');
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={3}>{d.caseNo}</Title>
          <StatusBadge status={d.status} />
          {d.overdue && <Badge color="red">超期</Badge>}
          {d.deletedAt && <Badge color="gray">已删除</Badge>}
        </Group>
        {!d.deletedAt && (
          <Group>
            <Button variant="default" component={Link} to={`/disputes/${d.id}/edit`}>
              编辑
            </Button>
            <Button color="red" variant="light" onClick={remove} loading={del.saving}>
              删除
            </Button>
          </Group>
        )}
      </Group>
      {!d.deletedAt && allowedTransitions(d.status).length > 0 && (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            办理：
          </Text>
          {allowedTransitions(d.status).map((s) => (
            <Button key={s} size="xs" variant="light" onClick={() => setTarget(s)}>
              {DISPUTE_STATUS_LABELS[s]}
            </Button>
          ))}
          {handOvers.map((h) => (
            <h.Action key={h.from} record={d} open={open} />
          ))}
        </Group>
      )}
      {handOvers.map((h) => (
        <h.Status key={h.from} record={d} />
      ))}
      <Card withBorder>
        <Grid gap="sm">
          <Field label="登记日期">{d.intakeDate}</Field>
          <Field label="纠纷来源">{dicts.label('dispute_source', d.source)}</Field>
          <Field label="纠纷类型">{dicts.label('dispute_category', d.category)}</Field>
          <Field label="风险等级">
            <RiskBadge level={d.riskLevel} />
          </Field>
          <Field label="村（社区）/网格">{[d.villageName, d.gridName].filter(Boolean).join(' / ')}</Field>
          <Field label="承办人">{staff.name(d.responsibleStaffId, d.staffName)}</Field>
          <Field label="办理期限">
            <DeadlineText d={d} />
          </Field>
          <Field label="涉及人数">{d.peopleCount === null ? '' : String(d.peopleCount)}</Field>
          <Field label="涉及金额（元）">{d.amountYuan === null ? '' : d.amountYuan.toLocaleString('zh-CN')}</Field>
          {d.transferUnit && <Field label="接收单位">{d.transferUnit}</Field>}
          {d.handlingLevel && <Field label="调处主体">{HANDLING_LEVEL_LABELS[d.handlingLevel]}</Field>}
          {(d.ticketNo || d.ticketUnit) && (
            <Field label="工单号 / 转办单位">{[d.ticketNo, d.ticketUnit].filter(Boolean).join(' / ')}</Field>
          )}
          {d.ticketDeadline && <Field label="工单办理时限">{d.ticketDeadline}</Field>}
          {d.feedbackDate && (
            <Field label="反馈日期 / 满意度">
              {d.feedbackDate}
              {d.ticketDeadline && d.feedbackDate > d.ticketDeadline && (
                <Badge color="orange" size="sm" ml={4}>
                  超时反馈
                </Badge>
              )}
              {d.satisfaction && ` / ${d.satisfaction}`}
            </Field>
          )}
          {d.preventedCriminalPersons !== null && <Field label="防止民转刑">{`${d.preventedCriminalPersons} 人`}</Field>}
          {d.preventedMassPersons !== null && <Field label="防止群体性事件">{`${d.preventedMassPersons} 人`}</Field>}
          <Grid.Col span={12}>
            <Text size="xs" c="dimmed">
              纠纷简要情况
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {d.summary}
            </Text>
          </Grid.Col>
        </Grid>
      </Card>
      <Card withBorder>
        <Title order={5} mb="xs">
          当事人
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>身份</Table.Th>
              <Table.Th>姓名</Table.Th>
              <Table.Th>公民身份号码</Table.Th>
              <Table.Th>联系电话</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.parties.map((p) => (
              <Table.Tr key={p.personId}>
                <Table.Td>{PARTY_ROLE_LABELS[p.role]}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/persons/${p.personId}`}>
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{p.idNumber ?? ''}</Table.Td>
                <Table.Td>{p.phone ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>
      <Grid>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Card withBorder>
            <Title order={5} mb="sm">
              办理经过
            </Title>
            <Timeline active={d.history.length - 1} bulletSize={14} lineWidth={2}>
              {d.history.map((h) => (
                <Timeline.Item key={h.id} title={`${h.date}　${DISPUTE_STATUS_LABELS[h.to]}`}>
                  <Text size="xs" c="dimmed">
                    {h.actorName}
                    {h.transferUnit ? `　接收单位：${h.transferUnit}` : ''}
                  </Text>
                  {h.note && <Text size="sm">{h.note}</Text>}
                </Timeline.Item>
              ))}
            </Timeline>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <AuditHistory entity="dispute" id={d.id} />
        </Grid.Col>
      </Grid>
      {target && <StatusChangeModal disputeId={d.id} to={target} onClose={() => setTarget(null)} />}
    </Stack>
  );
}
