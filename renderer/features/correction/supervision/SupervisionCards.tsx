/**
 * The supervision records on a correction file's page (REVIEW §5.1, REVIEW §5.2): 矫正小组, 矫正方案, 审批,
 * 电子定位, incidents and 出境报备, each a card with its forms; an open 失联 is shown at the top of the file.
 */
import { Alert, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import {
  APPROVAL_KIND_LABELS,
  APPROVER_LEVEL_LABELS,
  ASSESS_RESULT_LABELS,
  INCIDENT_KIND_LABELS,
  INCIDENT_SOURCES,
  MONITOR_GROUND_LABELS,
  MONITOR_SOURCE,
  type ApprovalKind,
} from '../../../../shared/domain/correction-supervision';
import type { CorrectionFileView } from '../../../../shared/schemas/correction';
import type {
  CorrectionApproval,
  CorrectionIncident,
  CorrectionMonitor,
  CorrectionPlan,
  SupervisionView,
} from '../../../../shared/schemas/correction-supervision';
import { Basis } from '../../../components/Basis';
import { confirmDelete } from '../../../components/ConfirmDelete';
import { DaysLeft } from '../../../components/DaysLeft';
import { EmptyState } from '../../../components/EmptyState';
import { RowActions } from '../../../components/RowActions';
import { todayLocal } from '../../../components/today';
import { useDeleteApproval, useDeleteIncident, useDeleteMonitor, useDeletePlan } from './mutations';
import { useSupervision } from './queries';
import { ApprovalModal, AssessmentModal, ExitReportModal, IncidentModal, MonitorModal, PlanModal, TeamModal } from './SupervisionModals';

const SEX = { M: '男', F: '女' } as const;

/** An open 失联, shown at the top of the file (社区矫正法 art. 30: search at once). */
export function MissingAlert({ fileId }: { fileId: string }) {
  const s = useSupervision(fileId).data;
  const m = s?.openMissing;
  if (!m) return null;
  return (
    <Alert color="red" variant="filled" title="失联" data-testid="open-missing">
      {m.at} 发现失联：{m.content}。应当立即组织查找（社区矫正法第三十条）；找到或恢复联系后，在“突发情况”中记录时间。
    </Alert>
  );
}

function CardHead({ title, badge, children }: { title: string; badge?: ReactNode; children?: ReactNode }) {
  return (
    <Group justify="space-between" mb="xs">
      <Group gap="xs">
        <Title order={5}>{title}</Title>
        {badge}
      </Group>
      <Group gap={6}>{children}</Group>
    </Group>
  );
}

function TeamCard({ s, onEdit }: { s: SupervisionView; onEdit: () => void }) {
  const t = s.team;
  return (
    <Card withBorder data-testid="team">
      <CardHead
        title="矫正小组"
        badge={
          <Badge variant="light" color={t.check.complete ? 'green' : 'orange'} data-testid="team-check">
            {t.check.complete ? '已落实' : '未落实'}
          </Badge>
        }
      >
        {s.active && (
          <Button size="xs" variant="light" onClick={onEdit}>
            编辑小组
          </Button>
        )}
      </CardHead>
      {t.members.length === 0 ? (
        <Text size="sm" c="dimmed">
          还没有成员：矫正小组由司法所工作人员和村(居)委会人员、家庭成员、单位或学校人员、社会工作者、志愿者等组成。
        </Text>
      ) : (
        <Text size="sm">
          {t.members
            .map(
              (m) =>
                `${m.name}（${m.role}${m.sex ? `，${SEX[m.sex]}` : ''}${m.phone ? `，${m.phone}` : ''}${m.knowsMinors ? '，熟悉未成年人工作' : ''}）`,
            )
            .join('；')}
        </Text>
      )}
      <Text size="sm" mt={4}>
        矫正责任书：{t.pledgeDate ? `${t.pledgeDate} 签订` : '未签订'}
      </Text>
      {!t.check.complete && (
        <List size="xs" c="orange" mt={4} data-testid="team-warnings">
          {t.check.missing.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function PlanCard({ s, onAdd, onEdit }: { s: SupervisionView; onAdd: () => void; onEdit: (p: CorrectionPlan) => void }) {
  const del = useDeletePlan();
  const remove = async (p: CorrectionPlan) => {
    if (!(await confirmDelete('删除矫正方案', `确定删除 ${p.date} 的矫正方案吗？`))) return;
    await del.run(p.id, '矫正方案已删除');
  };
  return (
    <Card withBorder data-testid="plans">
      <CardHead title="矫正方案">
        {s.active && (
          <Button size="xs" variant="light" onClick={onAdd}>
            {s.plans.length ? '调整方案' : '制定方案'}
          </Button>
        )}
      </CardHead>
      {s.plans.length === 0 ? (
        <Text size="sm" c="dimmed">
          尚未制定矫正方案（社区矫正法第二十四条：根据裁判内容和对象情况制定，并根据表现等情况相应调整）。
        </Text>
      ) : (
        <Stack gap={6}>
          {s.plans.map((p, i) => (
            <div key={p.id}>
              <Group justify="space-between" wrap="nowrap">
                <Text size="sm" fw={500}>
                  {p.date}
                  {i === 0 ? '（现行）' : ''}
                  {p.reason ? ` 调整原因：${p.reason}` : ''}
                </Text>
                {s.active && <RowActions onEdit={() => onEdit(p)} onDelete={() => void remove(p)} />}
              </Group>
              <Text size="sm" c={i === 0 ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
                {p.content}
              </Text>
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function approvalWhen(a: CorrectionApproval): string {
  if (a.kind === 'relocate') return a.applyDate ? `${a.applyDate} 申请` : '';
  return `${a.startDate ?? ''}${a.endDate ? ` 至 ${a.endDate}` : ''}`;
}

function ApprovalState({ a }: { a: CorrectionApproval }) {
  if (a.kind === 'leave') {
    if (a.returnDate) return <Badge variant="light" color="green">{`${a.returnDate} 销假`}</Badge>;
    if (a.overdue)
      return (
        <Badge variant="light" color="red">
          逾期未销假
        </Badge>
      );
    return (
      <Badge variant="light" color="gray">
        未销假
      </Badge>
    );
  }
  if (a.kind === 'relocate')
    return (
      <Text size="sm">
        {a.result ?? '待协商'}
        {a.reportedDate ? `，${a.reportedDate} 到新执行地报到` : ''}
      </Text>
    );
  return null;
}

function ApprovalsCard({
  s,
  onAdd,
  onEdit,
}: {
  s: SupervisionView;
  onAdd: (k: ApprovalKind) => void;
  onEdit: (a: CorrectionApproval) => void;
}) {
  const del = useDeleteApproval();
  const remove = async (a: CorrectionApproval) => {
    if (!(await confirmDelete('删除审批记录', `确定删除这条${APPROVAL_KIND_LABELS[a.kind]}审批记录吗？相应事项随之重新计算。`))) return;
    await del.run(a.id, '审批记录已删除');
  };
  const limit = (key: string) => s.settings.find((x) => x.key === key);
  const station = limit('leaveStationDays');
  return (
    <Card withBorder>
      <CardHead title="审批事项">
        {s.active && (
          <>
            <Button size="xs" variant="light" onClick={() => onAdd('leave')}>
              记录外出
            </Button>
            <Button size="xs" variant="light" onClick={() => onAdd('frequent')}>
              经常性跨市县
            </Button>
            <Button size="xs" variant="light" onClick={() => onAdd('visitor')}>
              会客/场所
            </Button>
            <Button size="xs" variant="light" onClick={() => onAdd('relocate')}>
              变更执行地
            </Button>
          </>
        )}
      </CardHead>
      <Text size="xs" c="dimmed" mb={6}>
        <Basis source={station?.source} size="xs">
          外出{s.limits.leaveStationDays}日以内由司法所批准，超过的由县级批准
        </Basis>
        ；
        <Basis source={limit('leaveMaxMonths')?.source} size="xs">
          每次不超过{s.limits.leaveMaxMonths}个月
        </Basis>
        ；
        <Basis source={limit('frequentMonths')?.source} size="xs">
          经常性跨市县活动一次批准有效{s.limits.frequentMonths}个月
        </Basis>
        （均为本所设置，可在“设置—矫正审批期限”中调整）
      </Text>
      {s.approvals.length === 0 ? (
        <EmptyState title="还没有审批记录">
          外出、经常性跨市县活动、会客、进入特定区域/场所和变更执行地的审批记录在这里；外出到期未销假的列入待办。
        </EmptyState>
      ) : (
        <Table withTableBorder verticalSpacing={4} data-testid="approvals">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={130}>事项</Table.Th>
              <Table.Th w={190}>日期</Table.Th>
              <Table.Th>地点（对象）与事由</Table.Th>
              <Table.Th w={170}>批准</Table.Th>
              <Table.Th w={150}>情况</Table.Th>
              {s.active && <Table.Th w={110} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.approvals.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{APPROVAL_KIND_LABELS[a.kind]}</Table.Td>
                <Table.Td>{approvalWhen(a)}</Table.Td>
                <Table.Td>{[a.destination, a.reason, a.papers && `材料：${a.papers}`].filter(Boolean).join('；')}</Table.Td>
                <Table.Td>
                  {[a.approverLevel && APPROVER_LEVEL_LABELS[a.approverLevel], a.approver, a.approvalDate].filter(Boolean).join(' ')}
                </Table.Td>
                <Table.Td>
                  <ApprovalState a={a} />
                </Table.Td>
                {s.active && (
                  <Table.Td>
                    <RowActions onEdit={() => onEdit(a)} onDelete={() => void remove(a)} />
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

function MonitorCard({
  s,
  onAdd,
  onEdit,
  onAssess,
}: {
  s: SupervisionView;
  onAdd: () => void;
  onEdit: (m: CorrectionMonitor) => void;
  onAssess: (m: CorrectionMonitor) => void;
}) {
  const del = useDeleteMonitor();
  const today = todayLocal();
  const remove = async (m: CorrectionMonitor) => {
    if (!(await confirmDelete('删除电子定位记录', `确定删除 ${m.startDate} 起的电子定位记录吗？`))) return;
    await del.run(m.id, '电子定位记录已删除');
  };
  return (
    <Card withBorder data-testid="monitors">
      <CardHead title="电子定位">
        {s.active && (
          <Button size="xs" variant="light" onClick={onAdd}>
            使用电子定位
          </Button>
        )}
      </CardHead>
      {s.monitors.length === 0 ? (
        <Text size="sm" c="dimmed">
          <Basis source={MONITOR_SOURCE}>
            未使用电子定位装置。只有法定五种情形之一，经县级司法行政部门负责人批准，才可使用，每次不超过三个月。
          </Basis>
        </Text>
      ) : (
        <Stack gap="sm">
          {s.monitors.map((m) => (
            <Stack key={m.id} gap={2}>
              <Group justify="space-between" wrap="nowrap">
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {m.startDate} 至 <span data-testid="monitor-end">{m.currentEnd}</span>
                  </Text>
                  {m.removalDate ? (
                    <Badge variant="light" color="gray">{`${m.removalDate} 解除`}</Badge>
                  ) : (
                    <DaysLeft today={today} due={m.currentEnd} />
                  )}
                </Group>
                {s.active && (
                  <Group gap={4} wrap="nowrap">
                    {!m.removalDate && (
                      <Button size="compact-xs" variant="subtle" onClick={() => onAssess(m)}>
                        延长评估
                      </Button>
                    )}
                    <RowActions onEdit={() => onEdit(m)} onDelete={() => void remove(m)} />
                  </Group>
                )}
              </Group>
              <Text size="sm">情形：{MONITOR_GROUND_LABELS[m.ground]}</Text>
              <Text size="sm">
                批准：{m.approver}，{m.approvalDate}
                {m.documentNumber ? `，${m.documentNumber}` : ''}
              </Text>
              {m.assessments.map((a) => (
                <Text key={a.id} size="xs" c="dimmed">
                  {a.date} 延长评估：{ASSESS_RESULT_LABELS[a.result]}
                  {a.newEnd ? `，延长至 ${a.newEnd}` : ''}
                  {a.approver ? `（${a.approver}${a.documentNumber ? ` ${a.documentNumber}` : ''}）` : ''}
                </Text>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function IncidentsCard({ s, onAdd, onEdit }: { s: SupervisionView; onAdd: () => void; onEdit: (i: CorrectionIncident) => void }) {
  const del = useDeleteIncident();
  const remove = async (i: CorrectionIncident) => {
    if (!(await confirmDelete('删除记录', `确定删除 ${i.at} 的${INCIDENT_KIND_LABELS[i.kind]}记录吗？`))) return;
    await del.run(i.id, '记录已删除');
  };
  return (
    <Card withBorder data-testid="incidents">
      <CardHead title="突发情况">
        {s.active && (
          <Button size="xs" variant="light" color="red" onClick={onAdd}>
            记录失联等情况
          </Button>
        )}
      </CardHead>
      {s.incidents.length === 0 ? (
        <Text size="sm" c="dimmed">
          无失联、正在违法或被拘留等情况的记录。
        </Text>
      ) : (
        <Stack gap={6}>
          {s.incidents.map((i) => (
            <div key={i.id}>
              <Group justify="space-between" wrap="nowrap">
                <Group gap={6}>
                  <Text size="sm" fw={500}>
                    {i.at} <Basis source={INCIDENT_SOURCES[i.kind]}>{INCIDENT_KIND_LABELS[i.kind]}</Basis>
                  </Text>
                  {i.kind === 'missing' && (
                    <Badge variant="light" color={i.resolvedAt ? 'green' : 'red'}>
                      {i.resolvedAt ? `${i.resolvedAt} 找到` : '未找到'}
                    </Badge>
                  )}
                </Group>
                {s.active && <RowActions onEdit={() => onEdit(i)} onDelete={() => void remove(i)} />}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {i.content}
              </Text>
              {i.actions && (
                <Text size="xs" c="dimmed">
                  查找措施：{i.actions}
                </Text>
              )}
            </div>
          ))}
        </Stack>
      )}
    </Card>
  );
}

function ExitCard({ s, onEdit }: { s: SupervisionView; onEdit: () => void }) {
  return (
    <Card withBorder>
      <CardHead title="出境报备">
        {s.active && (
          <Button size="xs" variant="light" onClick={onEdit}>
            登记
          </Button>
        )}
      </CardHead>
      <Text size="sm">
        {s.exitReportDate ? `${s.exitReportDate} 报备为法定不准出境人员` : '尚未报备'}
        {s.exitRevokeDate ? `，${s.exitRevokeDate} 撤销报备` : ''}
      </Text>
    </Card>
  );
}

type Dialog =
  | { kind: 'team' | 'exit' | 'monitor-new' | 'plan-new' | 'incident-new' }
  | { kind: 'plan'; plan: CorrectionPlan }
  | { kind: 'approval'; approval?: CorrectionApproval; approvalKind?: ApprovalKind }
  | { kind: 'monitor'; monitor: CorrectionMonitor }
  | { kind: 'assess'; monitor: CorrectionMonitor }
  | { kind: 'incident'; incident: CorrectionIncident }
  | null;

/** The supervision cards of one file. */
export function SupervisionCards({ f }: { f: CorrectionFileView }) {
  const q = useSupervision(f.id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const s = q.data;
  if (!s) return q.isError ? <Alert color="red">监督管理记录加载失败，请刷新重试。</Alert> : null;
  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <Stack>
          <TeamCard s={s} onEdit={() => setDialog({ kind: 'team' })} />
          <ExitCard s={s} onEdit={() => setDialog({ kind: 'exit' })} />
        </Stack>
        <PlanCard s={s} onAdd={() => setDialog({ kind: 'plan-new' })} onEdit={(plan) => setDialog({ kind: 'plan', plan })} />
      </SimpleGrid>
      <ApprovalsCard
        s={s}
        onAdd={(approvalKind) => setDialog({ kind: 'approval', approvalKind })}
        onEdit={(approval) => setDialog({ kind: 'approval', approval })}
      />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <MonitorCard
          s={s}
          onAdd={() => setDialog({ kind: 'monitor-new' })}
          onEdit={(monitor) => setDialog({ kind: 'monitor', monitor })}
          onAssess={(monitor) => setDialog({ kind: 'assess', monitor })}
        />
        <IncidentsCard
          s={s}
          onAdd={() => setDialog({ kind: 'incident-new' })}
          onEdit={(incident) => setDialog({ kind: 'incident', incident })}
        />
      </SimpleGrid>
      {dialog?.kind === 'team' && <TeamModal s={s} staffName={f.responsibleName} onClose={close} />}
      {dialog?.kind === 'exit' && <ExitReportModal s={s} onClose={close} />}
      {dialog?.kind === 'plan-new' && <PlanModal s={s} onClose={close} />}
      {dialog?.kind === 'plan' && <PlanModal s={s} plan={dialog.plan} onClose={close} />}
      {dialog?.kind === 'approval' && <ApprovalModal s={s} approval={dialog.approval} kind={dialog.approvalKind} onClose={close} />}
      {dialog?.kind === 'monitor-new' && <MonitorModal s={s} onClose={close} />}
      {dialog?.kind === 'monitor' && <MonitorModal s={s} monitor={dialog.monitor} onClose={close} />}
      {dialog?.kind === 'assess' && <AssessmentModal monitor={dialog.monitor} onClose={close} />}
      {dialog?.kind === 'incident-new' && <IncidentModal s={s} onClose={close} />}
      {dialog?.kind === 'incident' && <IncidentModal s={s} incident={dialog.incident} onClose={close} />}
    </Stack>
  );
}
