import { Alert, Anchor, Badge, Button, Card, Checkbox, Grid, Group, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { SEX_LABELS } from '../../../shared/dictionaries';
import {
  controlText,
  DRUG_TYPE_LABELS,
  type DrugType,
  groupText,
  isVisitGroup,
  POLICE_SOURCE,
  SERIOUS_BREACH_SOURCE,
  STABILITY_LABELS,
  SUSPENSION_REASON_LABELS,
} from '../../../shared/domain/followup-rules';
import { maskIdNumber } from '../../../shared/domain/id-number';
import { isOpen, mayWaive, type DueItem } from '../../../shared/domain/obligations';
import {
  FOLLOWUP_STATUS_LABELS,
  levelLabel,
  levelName,
  REWARD_SOURCE,
  VISIT_KIND_LABELS,
  type FollowupReport,
  type FollowupSubject,
  type FollowupSuspension,
  type FollowupVisit,
  type FollowupYear,
} from '../../../shared/schemas/followup';
import { ITEM_ACTION_LABELS, LEVEL_SOURCE_LABELS, type ItemAction, type ItemActionKind } from '../../../shared/schemas/obligations';
import { errorMessage } from '../../api/client';
import { AuditHistory } from '../../components/AuditHistory';
import { Basis } from '../../components/Basis';
import { DaysLeft } from '../../components/DaysLeft';
import { todayLocal } from '../../components/today';
import { AttachmentsCard } from '../attachments/AttachmentsCard';
import { confirmDelete } from '../../components/ConfirmDelete';
import { EndModal, ReportModal, SuspensionModal, VisitModal, WaiveItemsModal, YearModal } from './FollowupModals';
import { DueStateBadge } from '../obligations/DueStateBadge';
import { ItemActionModal, type ItemActionWords } from '../obligations/ItemActionModal';
import { ControlBadge, FollowupStatusBadge, LevelBadge } from './labels';
import { useUndoItemAction } from '../obligations/mutations';
import { FOLLOWUP_TOUCHES, useDeleteFollowup, useDeleteReport, useDeleteSuspension, useDeleteVisit, useDeleteYear } from './mutations';
import { useFollowupSubject } from './queries';
import { useStaffNames } from '../reference/queries';

/** A follow-up file's words for 延期/免除 of one item. */
const ACTION_WORDS: ItemActionWords = {
  waived: '已免除，走访频次自此继续计算',
  waiveNote: '免除的事项不计为漏访，之后的走访从免除之日起按频次计算。',
  extendExample: '如：住院治疗，出院后随访',
  waiveExample: '如：羁押期间、外出务工已电话联系监护人',
};

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

/** Shown masked (PIPL: the patient's identity is confidential) until asked for. */
function IdNumber({ value }: { value: string | null }) {
  const [shown, setShown] = useState(false);
  if (!value) return null;
  return (
    <Group gap={6} wrap="nowrap">
      <span>{shown ? value : maskIdNumber(value)}</span>
      <Button size="compact-xs" variant="subtle" onClick={() => setShown(!shown)}>
        {shown ? '隐藏' : '显示'}
      </Button>
    </Group>
  );
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The facts of the file's group (CONTRIBUTING.md, DOMAIN §4): what each group's ledger records. */
function FactsCard({ s }: { s: FollowupSubject }) {
  const f = s.facts;
  if (s.group === 'mental_health') {
    return (
      <Card withBorder>
        <Title order={5} mb="xs">
          患者情况
        </Title>
        <Grid gap="sm">
          <Field label="诊断">{str(f.diagnosis)}</Field>
          <Field label="治疗情况">{str(f.treatment)}</Field>
          <Field label="用药情况">{str(f.medication)}</Field>
          <Field label="监护人">{[str(f.guardianName), str(f.guardianRelation) && `（${str(f.guardianRelation)}）`].join('')}</Field>
          <Field label="监护人电话">{str(f.guardianPhone)}</Field>
          <Field label="肇事肇祸史" span={6}>
            {str(f.incidentHistory)}
          </Field>
        </Grid>
      </Card>
    );
  }
  if (s.group === 'drug') {
    const report = str(f.reportDate);
    const agreement = str(f.agreementDate);
    const term = s.drug?.term;
    const type = DRUG_TYPE_LABELS[f.drugType as DrugType] ?? '社区戒毒/社区康复';
    return (
      <Card withBorder data-testid="drug-facts">
        <Group gap="xs" mb="xs">
          <Title order={5}>{type}</Title>
          {s.drug?.suspended && (
            <Badge color="orange" variant="light">
              中止中
            </Badge>
          )}
        </Group>
        <Grid gap="sm">
          <Field label="收到决定书日期">{str(f.decisionDate)}</Field>
          <Field label="报到日期">
            {report || (
              <Text c="orange" size="sm">
                尚未报到
              </Text>
            )}
          </Field>
          <Field label={`${type}协议签订日期`}>
            {agreement ||
              (report ? (
                <Text c="orange" size="sm">
                  尚未签订
                </Text>
              ) : (
                ''
              ))}
          </Field>
          <Field label="期满日期">
            {term && (
              <>
                {term.end}
                <Text size="xs" c="dimmed">
                  {term.stated ? '决定书载明' : '报到之日起3年'}
                </Text>
                {term.extendedBy > 0 && (
                  <Text size="xs" c="orange.8">
                    因中止顺延{term.extendedBy}日（原{term.base}）
                  </Text>
                )}
              </>
            )}
          </Field>
          <Field label="擅自离开县（市、区）">{`${Number(f.leaveTimes ?? 0)}次，累计${Number(f.leaveDays ?? 0)}日`}</Field>
        </Grid>
      </Card>
    );
  }
  if (s.group === 'cult') {
    // 曹回 counts 在册 / 需管控 / 待转化 beside the 转化 state (REVIEW row 11).
    return (
      <Card withBorder data-testid="cult-facts">
        <Grid gap="sm">
          <Field label="管控状态">{`${controlText(s.group, s.control)}（${s.controlSince}起）`}</Field>
          <Field label="转化情况">{str(f.transformStatus)}</Field>
        </Grid>
      </Card>
    );
  }
  return null;
}

const yesNo = (v: boolean) => (v ? '是' : '否');

/**
 * 以奖代补 and free care by year (REVIEW row 12): each year's 考核结果, the amount, whether and when it
 * was paid and to which guardian, 免费服药 and 免费救治.
 */
function YearsCard({ s, onEdit }: { s: FollowupSubject; onEdit: (y?: FollowupYear) => void }) {
  const deleteYear = useDeleteYear();
  const editable = s.status === 'active' && !s.deletedAt;
  const remove = async (y: FollowupYear) => {
    if (!(await confirmDelete('删除年度记录', `确定删除${y.year}年的以奖代补记录吗？删除后该年度不计入有奖监护率。`))) return;
    await deleteYear.run(y.id, `${y.year}年记录已删除`);
  };
  return (
    <Card withBorder data-testid="years-card">
      <Group justify="space-between" mb="xs">
        <Title order={5}>以奖代补、免费服药和免费救治（按年度）</Title>
        {editable && (
          <Button size="xs" variant="light" onClick={() => onEdit()}>
            添加年度记录
          </Button>
        )}
      </Group>
      {s.years.length === 0 ? (
        <Text size="sm" c="dimmed">
          还没有年度记录。
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>年度</Table.Th>
              <Table.Th>以奖代补考核</Table.Th>
              <Table.Th>奖励金额（元）</Table.Th>
              <Table.Th>发放</Table.Th>
              <Table.Th>监护人</Table.Th>
              <Table.Th>免费服药</Table.Th>
              <Table.Th>免费救治</Table.Th>
              <Table.Th>说明</Table.Th>
              {editable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.years.map((y) => (
              <Table.Tr key={y.id} data-testid="year-record">
                <Table.Td>{y.year}</Table.Td>
                <Table.Td>
                  <Badge color={y.rewardResult === '合格' ? 'teal' : 'gray'} variant="light">
                    {y.rewardResult}
                  </Badge>
                </Table.Td>
                <Table.Td>{y.amountYuan ?? ''}</Table.Td>
                <Table.Td>
                  {y.paid ? `已发放${y.paidDate ? `（${y.paidDate}）` : ''}` : y.rewardResult === '合格' ? '未发放' : '—'}
                </Table.Td>
                <Table.Td>{y.guardianName ?? ''}</Table.Td>
                <Table.Td>{yesNo(y.freeMedication)}</Table.Td>
                <Table.Td>{yesNo(y.freeTreatment)}</Table.Td>
                <Table.Td>{y.note ?? ''}</Table.Td>
                {editable && <RowActions onEdit={() => onEdit(y)} onDelete={() => void remove(y)} />}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        依据：{REWARD_SOURCE}
      </Text>
    </Card>
  );
}

function BreachCard({ breach }: { breach: NonNullable<FollowupSubject['breach']> }) {
  const excused = breach.excused ? `；另有${breach.excused}次有正当理由未到，不计入` : '';
  return (
    <Alert color={breach.serious ? 'red' : 'gray'} variant="light" title={breach.serious ? '严重违反协议' : '协议遵守情况'}>
      {breach.serious ? (
        <Text size="sm">
          {breach.reasons.join('；')}
          {excused}。应及时报告公安机关。
        </Text>
      ) : (
        <Text size="sm">
          未达到严重违反协议的情形（逃避或拒绝检测{breach.refusals}次{excused}）。
        </Text>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {SERIOUS_BREACH_SOURCE}
      </Text>
    </Alert>
  );
}

/**
 * 漏访: the periods of a calendar duty that were not visited and that a later visit has passed by, per
 * duty (漏访：2024年4月、2024年7月). They are no longer owed, but they count as not done in the rates;
 * one with a proper reason can still be excused in the list below.
 */
function MissedPeriods({ s }: { s: FollowupSubject }) {
  if (s.missed.length === 0) return null;
  return (
    <Alert color="red" variant="light" py="xs" mb="xs" data-testid="missed-periods">
      <Stack gap={2}>
        {s.missed.map((m) => (
          <Text key={m.duty} size="sm">
            <Text span fw={600}>
              漏访：{m.periods.join('、')}
            </Text>
            （{m.duty}，共{m.periods.length}期）
          </Text>
        ))}
        <Text size="xs" c="dimmed">
          该期未走访、其后已有走访记录的记为漏访：不再列为待办，计入走访完成率（应访未访）。确有正当理由的，可在“显示已完成、漏访”中免除并写明理由。
        </Text>
      </Stack>
    </Alert>
  );
}

/**
 * What falls due, from the engine: open items first; what was done or missed is one switch away. Open
 * and missed items can be excused, open ones extended, with the reason — one at a time, or several
 * ticked and excused together with one reason (批量免除).
 */
function DueItemsCard({ s }: { s: FollowupSubject }) {
  const [showDone, setShowDone] = useState(false);
  const [acting, setActing] = useState<{ item: DueItem; kind: ItemActionKind } | null>(null);
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const [waiving, setWaiving] = useState(false);
  const open = s.dueItems.filter(isOpen);
  const items = showDone ? s.dueItems : open;
  const doneCount = s.dueItems.length - open.length;
  const editable = s.status === 'active' && !s.deletedAt;
  const today = todayLocal();
  // What may be ticked is what is listed and may still be excused; a tick on anything else is dropped.
  const waivable = items.filter(mayWaive);
  const chosen = waivable.filter((i) => ticked.has(i.key));
  const tick = (key: string, on: boolean) => {
    const next = new Set(ticked);
    if (on) next.add(key);
    else next.delete(key);
    setTicked(next);
  };
  const all = waivable.length > 0 && chosen.length === waivable.length;
  return (
    <Card withBorder data-testid="due-items">
      <Group justify="space-between" mb="xs">
        <Title order={5}>待办事项</Title>
        <Group gap="sm">
          {editable && chosen.length > 0 && (
            <>
              <Text size="sm" c="dimmed">
                已选 {chosen.length} 项
              </Text>
              <Button size="xs" variant="light" color="gray" onClick={() => setWaiving(true)}>
                批量免除
              </Button>
            </>
          )}
          {doneCount > 0 && (
            <Switch
              size="xs"
              label={`显示已完成、漏访（${doneCount}）`}
              checked={showDone}
              onChange={(e) => setShowDone(e.currentTarget.checked)}
            />
          )}
        </Group>
      </Group>
      <MissedPeriods s={s} />
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {s.status === 'active' ? '暂无待办事项。' : '已解除管理，不再安排走访。'}
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              {editable && (
                <Table.Th w={36}>
                  {waivable.length > 1 && (
                    <Checkbox
                      size="xs"
                      aria-label="全选可免除的事项"
                      checked={all}
                      indeterminate={chosen.length > 0 && !all}
                      onChange={() => setTicked(new Set(all ? [] : waivable.map((i) => i.key)))}
                    />
                  )}
                </Table.Th>
              )}
              <Table.Th>事项</Table.Th>
              <Table.Th>到期日</Table.Th>
              <Table.Th>状态</Table.Th>
              <Table.Th>完成情况</Table.Th>
              {editable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => {
              const owed = isOpen(i);
              return (
                <Table.Tr key={i.key} data-testid="due-item">
                  {editable && (
                    <Table.Td>
                      {mayWaive(i) && (
                        <Checkbox
                          size="xs"
                          aria-label={`选择：${i.label}`}
                          checked={ticked.has(i.key)}
                          onChange={(e) => tick(i.key, e.currentTarget.checked)}
                        />
                      )}
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Basis source={i.source}>{i.label}</Basis>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" c={i.state === 'overdue' ? 'red' : undefined} fw={i.state === 'overdue' ? 600 : undefined}>
                        {i.dueDate}
                      </Text>
                      {owed && <DaysLeft today={today} due={i.dueDate} />}
                    </Group>
                    {i.originalDueDate && (
                      <Text size="xs" c="dimmed">
                        原到期日 {i.originalDueDate}
                        {i.extensionReason ? `（延期：${i.extensionReason}）` : ''}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      <DueStateBadge state={i.state} />
                      {i.late && (
                        <Badge color="orange" variant="outline" size="sm">
                          逾期完成
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {[
                        i.progress ? `${i.progress.done}/${i.progress.required} 次` : '',
                        i.satisfiedOn && !i.waivedReason ? `${i.satisfiedOn} 完成` : '',
                        i.waivedReason ? `免除：${i.waivedReason}` : '',
                      ]
                        .filter(Boolean)
                        .join('，')}
                    </Text>
                  </Table.Td>
                  {editable && (
                    <Table.Td>
                      {mayWaive(i) && (
                        <Group gap={2} wrap="nowrap">
                          {owed && i.kind !== 'termEnd' && (
                            <Button size="compact-xs" variant="subtle" onClick={() => setActing({ item: i, kind: 'extend' })}>
                              延期
                            </Button>
                          )}
                          <Button size="compact-xs" variant="subtle" color="gray" onClick={() => setActing({ item: i, kind: 'waive' })}>
                            免除
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {s.itemActions.length > 0 && <ItemActionsList s={s} editable={editable} />}
      {acting && (
        <ItemActionModal
          module="followup"
          ownerId={s.id}
          item={acting.item}
          kind={acting.kind}
          touches={FOLLOWUP_TOUCHES}
          words={ACTION_WORDS}
          onClose={() => setActing(null)}
        />
      )}
      {waiving && (
        <WaiveItemsModal
          s={s}
          items={chosen}
          onClose={() => setWaiving(false)}
          onWaived={() => {
            setWaiving(false);
            setTicked(new Set());
          }}
        />
      )}
    </Card>
  );
}

/** The 延期/免除 decisions on record, each with its reason; one entered by mistake can be taken back. */
function ItemActionsList({ s, editable }: { s: FollowupSubject; editable: boolean }) {
  const undoAction = useUndoItemAction(FOLLOWUP_TOUCHES);
  const undo = async (a: ItemAction) => {
    const what = ITEM_ACTION_LABELS[a.kind];
    if (
      !(await confirmDelete(
        `撤销${what}`,
        `确定撤销“${a.label}”的${what}吗？撤销后该事项按原到期日计算，撤销记录保留在修改记录中。`,
        `撤销${what}`,
      ))
    )
      return;
    await undoAction.run(a.id, `已撤销${what}`);
  };
  return (
    <Stack gap={4} mt="sm" data-testid="item-actions">
      <Text size="xs" c="dimmed">
        延期与免除记录
      </Text>
      {s.itemActions.map((a) => (
        <Group key={a.id} gap="xs" wrap="nowrap">
          <Badge size="sm" variant="light" color={a.kind === 'extend' ? 'blue' : 'gray'}>
            {ITEM_ACTION_LABELS[a.kind]}
          </Badge>
          <Text size="sm">
            {a.label}：{a.kind === 'extend' ? `延至 ${a.newDate}` : `${a.date} 免除`}（{a.reason}）
          </Text>
          {editable && (
            <Button size="compact-xs" variant="subtle" color="red" onClick={() => void undo(a)}>
              撤销
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}

/** The last cell of a record's row: change it, or delete it (after asking). */
function RowActions({ edit = '修改', onEdit, onDelete }: { edit?: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <Table.Td>
      <Group gap={4} wrap="nowrap">
        <Button size="compact-xs" variant="subtle" onClick={onEdit}>
          {edit}
        </Button>
        <Button size="compact-xs" variant="subtle" color="red" onClick={onDelete}>
          删除
        </Button>
      </Group>
    </Table.Td>
  );
}

/**
 * 报告公安机关 (REVIEW row 2): the duties that arose (a positive test, a late or missing report, a serious
 * breach) with their state, and the dated reports that closed them.
 */
function PoliceCard({ s, onEdit }: { s: FollowupSubject; onEdit: (r?: FollowupReport) => void }) {
  const deleteReport = useDeleteReport();
  const editable = s.status === 'active' && !s.deletedAt;
  const duties = s.drug?.police ?? [];
  const remove = async (r: FollowupReport) => {
    if (!(await confirmDelete('删除报告记录', `确定删除 ${r.date} 向${r.policeUnit}的报告记录吗？删除后对应事项重新列为待报告。`))) return;
    await deleteReport.run(r.id, '报告记录已删除');
  };
  return (
    <Card withBorder data-testid="police-card">
      <Group justify="space-between" mb="xs">
        <Title order={5}>报告公安机关</Title>
        {editable && (
          <Button size="xs" variant="light" color="red" onClick={() => onEdit()}>
            记录报告
          </Button>
        )}
      </Group>
      {duties.length === 0 ? (
        <Text size="sm" c="dimmed">
          暂无须报告的情形（检测阳性、逾期不报到、严重违反协议时自动列出）。
        </Text>
      ) : (
        <Stack gap={4} mb="xs">
          {duties.map((d) => (
            <Group key={d.ruleId} gap="xs" data-testid="police-duty">
              <DueStateBadge state={d.state} />
              <Text size="sm">
                {d.label}：{d.dueDate}前报告
                {d.satisfiedOn && !d.waivedReason ? `，${d.satisfiedOn} 已报告` : ''}
                {d.waivedReason ? `，免除：${d.waivedReason}` : ''}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
      {s.reports.length > 0 && (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>报告日期</Table.Th>
              <Table.Th>公安机关（派出所）</Table.Th>
              <Table.Th>接收人</Table.Th>
              <Table.Th>报告事由</Table.Th>
              <Table.Th>报告内容</Table.Th>
              {editable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.reports.map((r) => (
              <Table.Tr key={r.id} data-testid="police-report">
                <Table.Td>{r.date}</Table.Td>
                <Table.Td>{r.policeUnit}</Table.Td>
                <Table.Td>{r.receiver}</Table.Td>
                <Table.Td>{r.matters.map((m) => m.label).join('、') || '—'}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.note ?? ''}</Table.Td>
                {editable && <RowActions onEdit={() => onEdit(r)} onDelete={() => void remove(r)} />}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        <Basis size="xs" source={POLICE_SOURCE}>
          检测阳性、逾期不报到或严重违反协议的，须及时报告公安机关；“及时”的天数可在设置中调整
        </Basis>
      </Text>
    </Card>
  );
}

/** 中止 periods (REVIEW row 13): detained or arrested, released; while one lasts no test falls due. */
function SuspensionsCard({ s, onEdit }: { s: FollowupSubject; onEdit: (u?: FollowupSuspension) => void }) {
  const deleteSuspension = useDeleteSuspension();
  const editable = s.status === 'active' && !s.deletedAt;
  const lasting = s.suspensions.some((u) => u.endDate === null);
  const remove = async (u: FollowupSuspension) => {
    if (!(await confirmDelete('删除中止记录', `确定删除 ${u.startDate} 起的中止记录吗？删除后该期间的检测重新计算。`))) return;
    await deleteSuspension.run(u.id, '中止记录已删除');
  };
  return (
    <Card withBorder data-testid="suspensions-card">
      <Group justify="space-between" mb="xs">
        <Title order={5}>中止（拘留、逮捕）</Title>
        {editable && !lasting && (
          <Button size="xs" variant="light" onClick={() => onEdit()}>
            记录中止
          </Button>
        )}
      </Group>
      {s.suspensions.length === 0 ? (
        <Text size="sm" c="dimmed">
          无中止记录。
        </Text>
      ) : (
        <Table>
          <Table.Tbody>
            {s.suspensions.map((u) => (
              <Table.Tr key={u.id} data-testid="suspension">
                <Table.Td>{SUSPENSION_REASON_LABELS[u.reason]}</Table.Td>
                <Table.Td>
                  {u.startDate} 至 {u.endDate ?? '今（尚未释放）'}
                </Table.Td>
                <Table.Td>{u.note ?? ''}</Table.Td>
                {editable && <RowActions edit={u.endDate ? '修改' : '记录释放'} onEdit={() => onEdit(u)} onDelete={() => void remove(u)} />}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="xs" c="dimmed" mt={4}>
        {s.drug?.term?.source}
      </Text>
    </Card>
  );
}

function VisitsCard({ s, onEdit }: { s: FollowupSubject; onEdit: (v?: FollowupVisit) => void }) {
  const deleteVisit = useDeleteVisit();
  const editable = s.status === 'active' && !s.deletedAt;
  const remove = async (v: FollowupVisit) => {
    if (
      !(await confirmDelete(
        `删除${VISIT_KIND_LABELS[v.kind]}记录`,
        `确定删除 ${v.date} 的${VISIT_KIND_LABELS[v.kind]}记录吗？删除后不再计入走访频次，下次走访日期将重新计算。`,
      ))
    )
      return;
    await deleteVisit.run(v.id, `${VISIT_KIND_LABELS[v.kind]}记录已删除`);
  };
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>{s.group === 'drug' ? '走访和检测记录' : `${s.visitWord}记录`}</Title>
        {editable && (
          <Button size="xs" variant="light" onClick={() => onEdit()}>
            {s.group === 'drug' ? '记录走访或检测' : `记录${s.visitWord}`}
          </Button>
        )}
      </Group>
      {s.visits.length === 0 ? (
        <Text size="sm" c="dimmed">
          还没有{s.group === 'drug' ? '走访或检测' : s.visitWord}记录。
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>日期</Table.Th>
              <Table.Th>类型</Table.Th>
              <Table.Th>方式</Table.Th>
              <Table.Th>{s.visitWord.replace(/（.*）$/, '')}人员</Table.Th>
              <Table.Th>情况</Table.Th>
              <Table.Th>评估</Table.Th>
              {editable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.visits.map((v) => (
              <Table.Tr key={v.id} data-testid="followup-visit">
                <Table.Td>{v.date}</Table.Td>
                <Table.Td>
                  {v.kind === 'visit' ? s.visitWord : VISIT_KIND_LABELS[v.kind]}
                  {v.testResult ? `（${v.testResult}）` : ''}
                  {v.excuse && (
                    <Text size="xs" c="dimmed">
                      有正当理由：{v.excuse}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{v.method}</Table.Td>
                <Table.Td>{v.visitors}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{v.findings}</Table.Td>
                <Table.Td>
                  {[
                    v.levelAfter ? `调整为${levelLabel(v.levelAfter, s.group)}` : '',
                    v.stability ? `病情${STABILITY_LABELS[v.stability]}` : '',
                  ]
                    .filter(Boolean)
                    .join('，')}
                </Table.Td>
                {editable && <RowActions onEdit={() => onEdit(v)} onDelete={() => void remove(v)} />}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
}

type Dialog =
  | { kind: 'visit'; visit?: FollowupVisit }
  | { kind: 'end' }
  | { kind: 'report'; report?: FollowupReport }
  | { kind: 'suspension'; suspension?: FollowupSuspension }
  | { kind: 'year'; year?: FollowupYear }
  | null;

/** 一人一档: the person, the team, what the rules require and when, and every visit. */
export function FollowupDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const q = useFollowupSubject(id);
  const staff = useStaffNames();
  const del = useDeleteFollowup();
  const [dialog, setDialog] = useState<Dialog>(null);
  if (q.isLoading) return <Loading center>正在加载重点人员档案…</Loading>;
  if (!q.data) return <Alert color="red">{errorMessage(q.error)}</Alert>;
  const s = q.data;
  const active = s.status === 'active' && !s.deletedAt;
  const p = s.person;

  const remove = async () => {
    if (!(await confirmDelete('删除档案', `确定删除 ${p.name} 的${groupText(s.group, s.groupName)}档案吗？删除后可在回收站恢复。`))) return;
    if (await del.run(s.id, `${p.name} 的档案已移入回收站`)) navigate('/followup');
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Group gap="xs">
          <Title order={3}>{p.name}</Title>
          <Badge variant="light" color="indigo">
            {groupText(s.group, s.groupName)}
          </Badge>
          <LevelBadge level={s.level} group={s.group} />
          <ControlBadge group={s.group} control={s.control} />
          <FollowupStatusBadge status={s.status} />
          {s.deletedAt && <Badge color="gray">已删除</Badge>}
        </Group>
        {!s.deletedAt && (
          <Group>
            {active && (
              <>
                <Button onClick={() => setDialog({ kind: 'visit' })}>{s.group === 'drug' ? '记录走访或检测' : `记录${s.visitWord}`}</Button>
                <Button variant="default" component={Link} to={`/followup/${s.id}/edit`}>
                  编辑
                </Button>
                <Button variant="default" onClick={() => setDialog({ kind: 'end' })}>
                  解除管理
                </Button>
              </>
            )}
            <Button color="red" variant="light" onClick={remove}>
              删除
            </Button>
          </Group>
        )}
      </Group>

      <Card withBorder>
        <Grid gap="sm">
          <Field label="姓名">
            <Anchor component={Link} to={`/persons/${p.id}`}>
              {p.name}
            </Anchor>
            {p.sex ? `（${SEX_LABELS[p.sex]}）` : ''}
          </Field>
          <Field label="公民身份号码">
            <IdNumber value={p.idNumber} />
          </Field>
          <Field label="联系电话">{p.phone}</Field>
          <Field label="住址">{p.address}</Field>
          <Field label={levelName(s.group)}>
            {`${levelLabel(s.level, s.group)}（${s.levelSince}起）`}
            {s.levels.length > 1 && (
              <Text size="xs" c="dimmed" data-testid="level-history">
                {s.levels.map((l) => `${l.date} ${LEVEL_SOURCE_LABELS[l.source]}${levelLabel(l.level, s.group)}`).join(' → ')}
              </Text>
            )}
          </Field>
          {isVisitGroup(s.group) && s.group !== 'cult' && (
            <Field label="管控状态">{`${controlText(s.group, s.control)}（${s.controlSince}起）`}</Field>
          )}
          <Field label="包保责任人">{staff.name(s.responsibleStaffId, s.responsibleName)}</Field>
          <Field label="村（社区）">{s.villageName}</Field>
          <Field label="建档日期">{s.startDate}</Field>
          {s.endDate && (
            <Field label={`${FOLLOWUP_STATUS_LABELS[s.status]}日期`} span={12}>
              {`${s.endDate}　${s.endReason ?? ''}`}
            </Field>
          )}
          {s.notes && (
            <Field label="备注" span={12}>
              {s.notes}
            </Field>
          )}
        </Grid>
      </Card>

      {s.breach && <BreachCard breach={s.breach} />}

      <FactsCard s={s} />

      {s.group === 'mental_health' && <YearsCard s={s} onEdit={(year) => setDialog({ kind: 'year', year })} />}

      {s.group === 'drug' && (
        <>
          <PoliceCard s={s} onEdit={(report) => setDialog({ kind: 'report', report })} />
          <SuspensionsCard s={s} onEdit={(suspension) => setDialog({ kind: 'suspension', suspension })} />
        </>
      )}

      <Card withBorder>
        <Title order={5} mb="xs">
          {s.group === 'mental_health' ? '帮扶小组（“四个一”）' : '帮扶人员'}
        </Title>
        {s.teamMissing.length > 0 && (
          <Alert color="yellow" variant="light" py="xs" mb="xs">
            尚缺：{s.teamMissing.join('、')}
          </Alert>
        )}
        {s.team.length === 0 ? (
          <Text size="sm" c="dimmed">
            未登记帮扶人员。
          </Text>
        ) : (
          <Table>
            <Table.Tbody>
              {s.team.map((m, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a read-only list in its stored order; two members may share role and name.
                <Table.Tr key={i}>
                  <Table.Td w={180}>{m.role}</Table.Td>
                  <Table.Td>{m.name}</Table.Td>
                  <Table.Td>{m.phone ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>

      <Card withBorder>
        <Title order={5} mb="xs">
          走访频次
        </Title>
        {s.cadence.length === 0 ? (
          <Text size="sm" c="dimmed">
            已解除管理，不再安排走访。
          </Text>
        ) : (
          <Stack gap="xs">
            {s.cadence.map((c) => (
              <div key={c.ruleId} data-testid="cadence">
                <Text size="sm">
                  <Text span fw={600}>
                    {c.label}
                  </Text>
                  ：<Basis source={c.source}>{c.plain}</Basis>
                </Text>
                {/\d{4}-\d{2}-\d{2}/.test(c.text) && (
                  <Text size="xs" c="dimmed">
                    {c.text}
                  </Text>
                )}
              </div>
            ))}
          </Stack>
        )}
      </Card>

      <DueItemsCard s={s} />

      <VisitsCard s={s} onEdit={(visit) => setDialog({ kind: 'visit', visit })} />

      <AttachmentsCard ownerType="followup_subject" ownerId={s.id} readOnly={!!s.deletedAt} defaultKind="visit_photo" />

      <AuditHistory entity="followup" id={s.id} />

      {dialog?.kind === 'visit' && <VisitModal s={s} visit={dialog.visit} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'end' && <EndModal s={s} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'report' && <ReportModal s={s} report={dialog.report} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'suspension' && <SuspensionModal s={s} suspension={dialog.suspension} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'year' && <YearModal s={s} record={dialog.year} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
