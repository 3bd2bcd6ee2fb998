import { Alert, Anchor, Badge, Button, Card, Grid, Group, Select, Stack, Table, Text, Title } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { PARTY_ROLE_LABELS, SEX_LABELS } from '../../../shared/dictionaries';
import {
  AGENT_AUTHORITY_LABELS,
  AGREEMENT_FORM_FULL_LABELS,
  CASE_ORIGIN_LABELS,
  ENTRUSTED_ORIGINS,
  GUIDANCE_ROUTE_LABELS,
  LABOUR_CATEGORY,
  LABOUR_PAYMENT_ORDER_TEXT,
  MEDIATING_BODY_LABELS,
  PERFORMANCE_STATES,
  PERFORMANCE_STATE_LABELS,
  TERMINATION_REASON_LABELS,
  VISIT_PURPOSE_LABELS,
  type PerformanceState,
} from '../../../shared/domain/mediation';
import { RECORD_KIND_LABELS, type MediationRecord, type RecordKind, type ReturnVisit } from '../../../shared/schemas/mediation';
import { errorMessage } from '../../api/client';
import { AuditHistory } from '../../components/AuditHistory';
import { confirmDelete } from '../../components/ConfirmDelete';
import { useDicts, useStaffNames } from '../reference/queries';
import { AttachmentsCard } from '../attachments/AttachmentsCard';
import { AgreementModal } from './AgreementModal';
import {
  AgentModal,
  AgreementPerformanceModal,
  ArbitrationNoticeModal,
  CloseCaseModal,
  ExtendDeadlineModal,
  VisitModal,
} from './CaseModals';
import { CaseDeadlines } from './CaseDeadlines';
import { ConfirmationCard } from './ConfirmationCard';
import { DocumentsModal } from './DocumentsModal';
import { EscalationReportsCard } from './EscalationReports';
import { OutcomeBadge, PerformanceBadge } from './labels';
import { useDeleteAgent, useDeleteCase, useDeleteRecord, useSetPerformance } from './mutations';
import { useMediationCase } from './queries';
import { RecordModal } from './RecordModal';

function Field({ label, children, span = 3 }: { label: string; children: React.ReactNode; span?: number }) {
  return (
    <Grid.Col span={{ base: 6, md: span }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap' }}>
        {children || '—'}
      </Text>
    </Grid.Col>
  );
}

type Dialog =
  | { kind: 'record'; recordKind: RecordKind; existing?: MediationRecord }
  | { kind: 'agreement' }
  | { kind: 'performance' }
  | { kind: 'agent' }
  | { kind: 'close' }
  | { kind: 'visit'; visit?: ReturnVisit }
  | { kind: 'extend' }
  | { kind: 'arbitrationNotice' }
  | null;

/** One case file (卷宗) with everything that happens to it, in the order the work is done. */
export function MediationDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const q = useMediationCase(id);
  const dicts = useDicts();
  const staff = useStaffNames();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [docsOpen, setDocsOpen] = useState(false);
  const setPerformance = useSetPerformance();
  const deleteAgent = useDeleteAgent();
  const del = useDeleteCase();
  const delRecord = useDeleteRecord();
  if (q.isLoading) return <Loading center>正在加载调解案件…</Loading>;
  if (!q.data) return <Alert color="red">{errorMessage(q.error)}</Alert>;
  const c = q.data;
  const a = c.agreement;
  const open = !c.outcome && !c.deletedAt;

  const remove = async () => {
    if (!(await confirmDelete('删除调解案件', `确定删除 ${c.caseNo} 吗？删除后可在回收站恢复。`))) return;
    if (await del.run(c.id, `${c.caseNo} 已移入回收站`)) navigate('/mediation');
  };

  const removeRecord = async (r: MediationRecord) => {
    const what = `${r.date}的${RECORD_KIND_LABELS[r.kind]}`;
    if (!(await confirmDelete(`删除${RECORD_KIND_LABELS[r.kind]}`, `确定删除${what}吗？删除后不能恢复，原内容保留在修改记录中。`))) return;
    await delRecord.run(r.id, `已删除${what}`);
  };

  return (
    <Stack>
      {docsOpen && <DocumentsModal c={c} opened onClose={() => setDocsOpen(false)} />}
      <Group justify="space-between">
        <Group>
          <Title order={3}>{c.caseNo}</Title>
          <OutcomeBadge outcome={c.outcome} />
          {c.deletedAt && <Badge color="gray">已删除</Badge>}
        </Group>
        {!c.deletedAt && (
          <Group>
            <Button variant="default" onClick={() => setDocsOpen(true)}>
              文书与打印
            </Button>
            <Button variant="default" component={Link} to={`/mediation/${c.id}/edit`}>
              编辑
            </Button>
            {open && <Button onClick={() => setDialog({ kind: 'close' })}>结案</Button>}
            <Button color="red" variant="light" onClick={remove}>
              删除
            </Button>
          </Group>
        )}
      </Group>

      <Card withBorder>
        <Grid gap="sm">
          <Field label="受理日期">{c.acceptedDate}</Field>
          <Field label="案件来源">
            {CASE_ORIGIN_LABELS[c.origin]}
            {ENTRUSTED_ORIGINS.includes(c.origin) && c.senderUnit ? `（${c.senderUnit}）` : ''}
          </Field>
          <Field label="调解组织">
            {c.committeeName}（{MEDIATING_BODY_LABELS[c.mediatingBody]}）
          </Field>
          <Field label="调解员">{c.mediators.map((m) => staff.name(m.staffId, m.name)).join('、')}</Field>
          <Field label="纠纷类型">
            {dicts.label('dispute_category', c.category)}
            {c.landContract ? '（土地承包经营纠纷）' : ''}
          </Field>
          <Field label="涉及金额（元）">{c.amountYuan === null ? '' : c.amountYuan.toLocaleString('zh-CN')}</Field>
          <Field label="纠纷登记">
            {c.disputeId ? (
              <Anchor component={Link} to={`/disputes/${c.disputeId}`}>
                {c.disputeCaseNo}
              </Anchor>
            ) : (
              ''
            )}
          </Field>
          <Field label="结案">
            {c.closedDate
              ? [
                  c.closedDate,
                  c.terminationReason ? `终止原因：${TERMINATION_REASON_LABELS[c.terminationReason]}` : null,
                  c.outcomeReason,
                  c.guidance.length ? `已告知：${c.guidance.map((g) => GUIDANCE_ROUTE_LABELS[g]).join('、')}` : null,
                ]
                  .filter(Boolean)
                  .join('　')
              : ''}
          </Field>
          <Field label="纠纷简要情况" span={12}>
            {c.summary}
          </Field>
        </Grid>
      </Card>

      {!c.deletedAt && (
        <CaseDeadlines
          c={c}
          onExtend={() => setDialog({ kind: 'extend' })}
          onArbitrationNotice={() => setDialog({ kind: 'arbitrationNotice' })}
        />
      )}

      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={5}>当事人</Title>
          {!c.deletedAt && (
            <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'agent' })}>
              登记委托代理人
            </Button>
          )}
        </Group>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>身份</Table.Th>
              <Table.Th>姓名</Table.Th>
              <Table.Th>性别</Table.Th>
              <Table.Th>公民身份号码</Table.Th>
              <Table.Th>联系电话</Table.Th>
              <Table.Th>住址</Table.Th>
              <Table.Th>委托代理人</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.parties.map((p) => (
              <Table.Tr key={p.personId}>
                <Table.Td>{PARTY_ROLE_LABELS[p.role]}</Table.Td>
                <Table.Td>
                  <Anchor component={Link} to={`/persons/${p.personId}`}>
                    {p.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{p.sex ? SEX_LABELS[p.sex] : ''}</Table.Td>
                <Table.Td>{p.idNumber ?? ''}</Table.Td>
                <Table.Td>{p.phone ?? ''}</Table.Td>
                <Table.Td>{p.address ?? ''}</Table.Td>
                <Table.Td>
                  {p.agents.map((a) => (
                    <Group key={a.id} gap={4} wrap="nowrap">
                      <Text size="sm">
                        {a.name}（{AGENT_AUTHORITY_LABELS[a.authority]}）
                      </Text>
                      {!c.deletedAt && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          aria-label={`删除委托代理人${a.name}`}
                          onClick={() => void deleteAgent.run(a.id, '委托代理人已删除')}
                        >
                          删除
                        </Button>
                      )}
                    </Group>
                  ))}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Card>

      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Title order={5}>调查与调解记录</Title>
          {!c.deletedAt && (
            <Group gap="xs">
              <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'record', recordKind: 'investigation' })}>
                新增调查记录
              </Button>
              <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'record', recordKind: 'session' })}>
                新增调解记录
              </Button>
            </Group>
          )}
        </Group>
        {c.records.length === 0 ? (
          <Text size="sm" c="dimmed">
            还没有记录。
          </Text>
        ) : (
          <Stack gap="sm">
            {c.records.map((r) => (
              <Card key={r.id} withBorder padding="sm" data-testid="mediation-record">
                <Group justify="space-between">
                  <Group gap="xs">
                    <Badge variant="light" color={r.kind === 'session' ? 'indigo' : 'cyan'}>
                      {RECORD_KIND_LABELS[r.kind]}
                    </Badge>
                    <Text size="sm" fw={600}>
                      {r.date}
                    </Text>
                    <Text size="sm" c="dimmed">
                      {r.place ?? ''}
                    </Text>
                  </Group>
                  {!c.deletedAt && (
                    <Group gap={4}>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        onClick={() => setDialog({ kind: 'record', recordKind: r.kind, existing: r })}
                      >
                        修改
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => removeRecord(r)}>
                        删除
                      </Button>
                    </Group>
                  )}
                </Group>
                <Text size="xs" c="dimmed" mt={4}>
                  参加人员：{r.participants}
                </Text>
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap' }}>
                  {r.content}
                </Text>
                {r.nextStep && (
                  <Text size="xs" mt={4}>
                    下一步：{r.nextStep}
                  </Text>
                )}
              </Card>
            ))}
          </Stack>
        )}
      </Card>

      <EscalationReportsCard c={c} />

      <Card withBorder>
        <Group justify="space-between" mb="xs">
          <Group gap="xs">
            <Title order={5}>调解协议</Title>
            {a && <Badge variant="light">{AGREEMENT_FORM_FULL_LABELS[a.form]}</Badge>}
            {a &&
              (a.effectiveDate ? (
                <Badge color="green" variant="light">{`${a.effectiveDate} 生效`}</Badge>
              ) : (
                <Badge color="orange" variant="light">
                  尚未全部签署
                </Badge>
              ))}
          </Group>
          {!c.deletedAt && c.outcome !== 'failure' && c.outcome !== 'terminated' && (
            <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'agreement' })}>
              {a ? '修改协议' : '登记调解协议'}
            </Button>
          )}
        </Group>
        {!a ? (
          <Text size="sm" c="dimmed">
            达成协议后在此登记。
          </Text>
        ) : (
          <Stack gap="xs">
            {a.facts && <Text size="sm">纠纷主要事实：{a.facts}</Text>}
            {a.matters && <Text size="sm">争议事项：{a.matters}</Text>}
            {a.responsibility && <Text size="sm">各方责任：{a.responsibility}</Text>}
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              协议内容：{a.content}
            </Text>
            <Text size="sm" c="dimmed">
              履行方式：{a.performanceMethod ?? '—'}　履行期限：{a.performanceDeadline ?? '—'}　履行地点：{a.performancePlace ?? '—'}
            </Text>
            {a.items.length > 0 && (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>履行事项</Table.Th>
                    <Table.Th>期限</Table.Th>
                    <Table.Th w={160}>履行情况</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.items.map((item, i) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>{item.description}</Table.Td>
                      <Table.Td>
                        {item.deadline ?? ''}{' '}
                        {item.overdue && (
                          <Badge color="red" size="sm">
                            逾期
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Select
                          size="xs"
                          aria-label={`履行事项${i + 1}的履行情况`}
                          allowDeselect={false}
                          disabled={!!c.deletedAt}
                          data={PERFORMANCE_STATES.map((s) => ({ value: s, label: PERFORMANCE_STATE_LABELS[s] }))}
                          value={item.state}
                          onChange={(s) =>
                            s &&
                            void setPerformance.run({ itemId: item.id, state: s as PerformanceState, note: item.note }, '履行情况已更新')
                          }
                        />
                        {item.performedDate && (
                          <Text size="xs" c="dimmed" mt={2}>
                            {item.performedDate} 履行完毕
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Group gap="xs">
              <Text size="sm">总体履行情况：</Text>
              <PerformanceBadge state={a.performance} />
              {a.performedDate && (
                <Text size="sm" c="dimmed">
                  履行完毕日期：{a.performedDate}
                </Text>
              )}
              {a.performanceDerived ? (
                <Text size="xs" c="dimmed">
                  （按各履行事项汇总）
                </Text>
              ) : (
                !c.deletedAt && (
                  <Button size="compact-xs" variant="light" onClick={() => setDialog({ kind: 'performance' })}>
                    登记履行情况
                  </Button>
                )
              )}
            </Group>
            {a.agreedAmountYuan !== null && <Text size="sm">协议金额：{a.agreedAmountYuan.toLocaleString('zh-CN')} 元</Text>}
            {c.category === LABOUR_CATEGORY && a.form === 'written' && (
              <Text size="xs" c="dimmed">
                {LABOUR_PAYMENT_ORDER_TEXT}（协议书上已印明）
              </Text>
            )}
          </Stack>
        )}
      </Card>

      {a && <ConfirmationCard key={a.id} c={c} />}

      <Card withBorder data-testid="visits">
        <Group justify="space-between" mb="xs">
          <Title order={5}>回访</Title>
          {!c.deletedAt && (
            <Button size="xs" variant="light" onClick={() => setDialog({ kind: 'visit' })}>
              记录回访
            </Button>
          )}
        </Group>
        {c.visits.length === 0 ? (
          <Text size="sm" c="dimmed">
            协议生效后，或调解不成、终止调解后，将按设置的间隔自动安排回访。
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>计划日期</Table.Th>
                <Table.Th>事由</Table.Th>
                <Table.Th>回访日期</Table.Th>
                <Table.Th>回访人</Table.Th>
                <Table.Th>方式</Table.Th>
                <Table.Th>履行情况</Table.Th>
                <Table.Th>满意度</Table.Th>
                <Table.Th>情况</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {c.visits.map((v) => (
                <Table.Tr key={v.id}>
                  <Table.Td>
                    {v.plannedDate ?? ''}{' '}
                    {v.due && (
                      <Badge color="orange" size="sm">
                        待回访
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{VISIT_PURPOSE_LABELS[v.purpose]}</Table.Td>
                  <Table.Td>{v.visitDate ?? ''}</Table.Td>
                  <Table.Td>{staff.name(v.visitorStaffId, v.visitorName)}</Table.Td>
                  <Table.Td>{v.method ?? ''}</Table.Td>
                  <Table.Td>
                    <PerformanceBadge state={v.performanceFound} />
                  </Table.Td>
                  <Table.Td>{v.satisfaction ?? ''}</Table.Td>
                  <Table.Td>{v.notes ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <AttachmentsCard ownerType="mediation_case" ownerId={c.id} readOnly={!!c.deletedAt} />

      <AuditHistory entity="mediation" id={c.id} />

      {dialog?.kind === 'record' && (
        <RecordModal caseId={c.id} kind={dialog.recordKind} existing={dialog.existing} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'agreement' && <AgreementModal c={c} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'performance' && <AgreementPerformanceModal c={c} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'agent' && <AgentModal c={c} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'close' && <CloseCaseModal c={c} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'visit' && <VisitModal c={c} visit={dialog.visit} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'extend' && <ExtendDeadlineModal c={c} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'arbitrationNotice' && <ArbitrationNoticeModal c={c} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
