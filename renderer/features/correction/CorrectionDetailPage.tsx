import { Alert, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { EVENT_KIND_LABELS, HOURS_KINDS, type CorrectionEventKind } from '../../../shared/domain/correction-rules';
import {
  CORRECTION_CATEGORY_LABELS,
  CORRECTION_STATUS_LABELS,
  OUTSIDE_GROUND_LABELS,
  PRIOR_RECORD_LABELS,
  type CorrectionEvent,
  type CorrectionFileView,
} from '../../../shared/schemas/correction';
import { LEVEL_SOURCE_LABELS } from '../../../shared/schemas/obligations';
import { AuditHistory } from '../../components/AuditHistory';
import { Basis } from '../../components/Basis';
import { confirmDelete } from '../../components/ConfirmDelete';
import { DaysLeft } from '../../components/DaysLeft';
import { EmptyState } from '../../components/EmptyState';
import { RecordLoader } from '../../components/RecordLoader';
import { RowActions } from '../../components/RowActions';
import { todayLocal } from '../../components/today';
import { DueItemsCard } from '../obligations/DueItemsCard';
import type { ItemActionWords } from '../obligations/ItemActionModal';
import { Facts } from '../../components/Facts';
import { AttachmentsCard } from '../attachments/AttachmentsCard';
import { CorrectionDocumentsButton } from './CorrectionDocuments';
import { EventModal, LevelModal, ReceptionModal } from './CorrectionModals';
import { CorrectionEndCards } from './EndCards';
import { CORRECTION_TOUCHES, useDeleteCorrection, useDeleteEvent } from './mutations';
import { useCorrectionFile, useCorrectionSchedule } from './queries';
import { MissingAlert, SupervisionCards } from './supervision/SupervisionCards';

function ReceptionCard({ f, onEdit }: { f: CorrectionFileView; onEdit: () => void }) {
  const r = f.reception;
  const today = todayLocal();
  const outside = f.category === 'outside';
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>接收与报到</Title>
        {f.status === 'active' && (
          <Button size="xs" variant="light" onClick={onEdit}>
            登记报到/入矫宣告
          </Button>
        )}
      </Group>
      <Facts
        rows={[
          ['法律文书收到', f.receivedDate],
          [
            outside ? '交付接收期限' : '报到期限',
            r.deadline ? (
              <Group key="deadline" gap={6}>
                <Basis source={r.deadlineSource}>{r.deadline}</Basis>
                {!r.reportDate && <DaysLeft today={today} due={r.deadline} />}
              </Group>
            ) : (
              '填写法律文书收到日期后计算'
            ),
          ],
          [
            outside ? '交付接收日期' : '报到日期',
            r.reportDate ? (
              <Group key="report" gap={6}>
                {r.reportDate}
                <Badge color={r.reportState === '按时报到' ? 'green' : 'red'} variant="light" data-testid="report-state">
                  {r.reportState}
                </Badge>
              </Group>
            ) : (
              <Text key="report" span c="orange" size="sm">
                尚未报到
              </Text>
            ),
          ],
          ['报到情况', r.reportNote],
          ['入矫宣告', r.declarationDate ? `${r.declarationDate}，主持人：${r.declarationHost ?? ''}` : '尚未宣告'],
          ['参加人员', r.declarationAttendees],
        ]}
      />
    </Card>
  );
}

function LevelCard({ f, onChange }: { f: CorrectionFileView; onChange: () => void }) {
  const schedule = useCorrectionSchedule();
  const names = Object.fromEntries((schedule.data?.levels ?? []).map((l) => [l.level, l.name]));
  const d = f.duty;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>
          管理等级：{f.levelName}
          <Text span size="sm" c="dimmed" ml={8}>
            自 {f.levelSince}
          </Text>
        </Title>
        {f.status === 'active' && (
          <Button size="xs" variant="light" onClick={onChange}>
            调整等级
          </Button>
        )}
      </Group>
      <Text size="sm">
        <Basis source={schedule.data?.levelSource}>
          报告{d.reportText}1次，走访核查{d.visitText}1次，教育学习每月{d.educationHours}小时，公益活动每月{d.publicHours}小时
        </Basis>
        {d.changed ? '（本所设定）' : '（默认值，可在“设置—社区矫正”中调整）'}
      </Text>
      <Text size="xs" c="dimmed" mt={6}>
        等级变化：
        {f.levels.map((l) => `${l.date} ${LEVEL_SOURCE_LABELS[l.source]}${names[l.level] ?? l.level}`).join(' → ')}
      </Text>
    </Card>
  );
}

/** A correction file's words for 延期/免除 of one item. */
const ACTION_WORDS: ItemActionWords = {
  waived: '已免除，报告、走访频次自此继续计算',
  waiveNote: '免除的事项不计为逾期，之后的报告、走访从免除之日起按频次计算。',
  extendExample: '如：经批准外出就医，返回后报告',
  waiveExample: '如：住院治疗期间，已电话核实',
};

const HOURS_TITLE = { education: '教育学习', public: '公益活动' } as const;

function HoursCard({ f }: { f: CorrectionFileView }) {
  return (
    <Card withBorder>
      <Title order={5} mb="xs">
        每月时数
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {HOURS_KINDS.map((kind) => {
          const months = f.hours.find((h) => h.kind === kind)?.months ?? [];
          return (
            <Stack key={kind} gap={4} data-testid={`hours-${kind}`}>
              <Text fw={500} size="sm">
                {HOURS_TITLE[kind]}
              </Text>
              {months.length === 0 ? (
                <Text size="sm" c="dimmed">
                  尚无记录。
                </Text>
              ) : (
                <Table withTableBorder verticalSpacing={2}>
                  <Table.Tbody>
                    {months.slice(0, 6).map((m) => (
                      <Table.Tr key={m.month}>
                        <Table.Td>{`${m.month.slice(0, 4)}年${Number(m.month.slice(5))}月`}</Table.Td>
                        <Table.Td>
                          {m.hours} / {m.target} 小时
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={m.reachedOn ? 'green' : 'orange'}>
                            {m.reachedOn ? '已达标' : `差${Math.max(0, m.target - m.hours)}小时`}
                          </Badge>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </Stack>
          );
        })}
      </SimpleGrid>
    </Card>
  );
}

function EventsCard({
  f,
  onAdd,
  onEdit,
}: {
  f: CorrectionFileView;
  onAdd: (k: CorrectionEventKind) => void;
  onEdit: (e: CorrectionEvent) => void;
}) {
  const del = useDeleteEvent();
  const active = f.status === 'active';
  const remove = async (e: CorrectionEvent) => {
    if (!(await confirmDelete('删除记录', `确定删除 ${e.date} 的${EVENT_KIND_LABELS[e.kind]}记录吗？删除后相应事项重新计算。`))) return;
    await del.run(e.id, '记录已删除');
  };
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>监督管理与教育记录</Title>
        {active && (
          <Group gap={6}>
            <Button size="xs" variant="light" onClick={() => onAdd('report')}>
              记录报告
            </Button>
            <Button size="xs" variant="light" onClick={() => onAdd('visit')}>
              记录走访核查
            </Button>
            <Button size="xs" variant="light" onClick={() => onAdd('education')}>
              记录教育学习
            </Button>
            <Button size="xs" variant="light" onClick={() => onAdd('public')}>
              记录公益活动
            </Button>
          </Group>
        )}
      </Group>
      {f.events.length === 0 ? (
        <EmptyState title="还没有记录">定期报告、走访核查、教育学习和公益活动按日期记录在这里，到期事项随之更新。</EmptyState>
      ) : (
        <Table withTableBorder verticalSpacing={4} data-testid="events">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>日期</Table.Th>
              <Table.Th w={150}>种类</Table.Th>
              <Table.Th>内容</Table.Th>
              <Table.Th w={90}>经办人</Table.Th>
              {active && <Table.Th w={110} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.events.map((e) => (
              <Table.Tr key={e.id}>
                <Table.Td>{e.date}</Table.Td>
                <Table.Td>
                  {EVENT_KIND_LABELS[e.kind]}
                  {e.method ? `（${e.method}）` : ''}
                  {e.hours ? ` ${e.hours}小时` : ''}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{e.content}</Table.Td>
                <Table.Td>{e.staff}</Table.Td>
                {active && (
                  <Table.Td>
                    <RowActions onEdit={() => onEdit(e)} onDelete={() => void remove(e)} />
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

type Dialog =
  | { kind: 'reception' }
  | { kind: 'level' }
  | { kind: 'event'; event?: CorrectionEvent; eventKind?: CorrectionEventKind }
  | null;

function CorrectionFilePage({ f }: { f: CorrectionFileView }) {
  const navigate = useNavigate();
  const del = useDeleteCorrection();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const remove = async () => {
    if (!(await confirmDelete('删除档案', `确定删除 ${f.person.name} 的社区矫正档案吗？删除后可在回收站恢复。`))) return;
    if (await del.run(f.id, `${f.person.name} 的档案已移入回收站`)) navigate('/correction');
  };
  const ground = f.ground ? `（${OUTSIDE_GROUND_LABELS[f.ground]}）` : '';
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3}>{f.person.name}</Title>
          <Badge variant="light">{CORRECTION_CATEGORY_LABELS[f.category]}</Badge>
          <Badge variant="light" color={f.status === 'active' ? 'green' : 'gray'}>
            {CORRECTION_STATUS_LABELS[f.status]}
          </Badge>
          {f.minor && (
            <Badge color="grape" variant="filled">
              未成年人 · 档案不公开
            </Badge>
          )}
          <Anchor component={Link} to={`/persons/${f.person.id}`} size="sm">
            人员信息
          </Anchor>
        </Group>
        <Group gap="xs">
          <CorrectionDocumentsButton f={f} />
          <Button variant="default" component={Link} to={`/correction/${f.id}/edit`} disabled={f.status !== 'active'}>
            修改
          </Button>
          <Button variant="subtle" color="red" onClick={() => void remove()}>
            删除
          </Button>
        </Group>
      </Group>
      {f.minor && (
        <Alert color="grape" variant="light" py="xs">
          本档案为未成年社区矫正对象档案，依法不公开（社区矫正法第五十四条），只向责任人 {f.responsibleName} 显示，请勿向无关人员透露。
        </Alert>
      )}
      <MissingAlert fileId={f.id} />
      <Card withBorder>
        <Title order={5} mb="xs">
          基本情况
        </Title>
        <Facts
          rows={[
            ['矫正类别', `${CORRECTION_CATEGORY_LABELS[f.category]}${ground}`],
            ['矫正期限', `${f.termStart} 至 ${f.termEnd}`],
            ['罪名', f.crime],
            ['原判刑罚', [f.penaltyType, f.penaltyTerm].filter(Boolean).join(' ')],
            ['附加刑', f.additionalPenalty],
            [
              '禁止令',
              f.prohibition
                ? `${f.prohibition}${f.prohibitionStart ? `（${f.prohibitionStart} 至 ${f.prohibitionEnd ?? ''}）` : ''}`
                : '无',
            ],
            ['决定机关', f.decisionOrgan],
            ['文书', `${f.documentType} ${f.documentNumber}，${f.effectiveDate}生效`],
            ['执行通知书', f.noticeDate],
            ['前科/累犯', PRIOR_RECORD_LABELS[f.priorRecord]],
            ['执行地', f.villageName],
            ['责任人', f.responsibleName],
            ['曾用名', f.formerName],
            ['文化程度', f.education],
            ['婚姻状况', f.marital],
            ['就业情况', f.employment],
            ['联系电话', f.phone],
            ['备注', f.notes],
          ]}
        />
      </Card>
      <ReceptionCard f={f} onEdit={() => setDialog({ kind: 'reception' })} />
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <DueItemsCard
          module="correction"
          ownerId={f.id}
          items={f.dueItems}
          actions={f.itemActions}
          active={f.status === 'active'}
          touches={CORRECTION_TOUCHES}
          words={ACTION_WORDS}
        />
        <Stack>
          <LevelCard f={f} onChange={() => setDialog({ kind: 'level' })} />
          <HoursCard f={f} />
        </Stack>
      </SimpleGrid>
      <EventsCard
        f={f}
        onAdd={(eventKind) => setDialog({ kind: 'event', eventKind })}
        onEdit={(event) => setDialog({ kind: 'event', event })}
      />
      <SupervisionCards f={f} />
      <CorrectionEndCards f={f} />
      <AttachmentsCard ownerType="correction_file" ownerId={f.id} readOnly={!!f.deletedAt} defaultKind="document" />
      <AuditHistory entity="correction" id={f.id} />
      {dialog?.kind === 'reception' && <ReceptionModal f={f} onClose={close} />}
      {dialog?.kind === 'level' && <LevelModal f={f} onClose={close} />}
      {dialog?.kind === 'event' && <EventModal f={f} event={dialog.event} kind={dialog.eventKind} onClose={close} />}
    </Stack>
  );
}

/** One file (/correction/:id); a minor's file tells any other operator that it is closed. */
export function CorrectionDetailPage() {
  const { id } = useParams();
  return (
    <RecordLoader query={useCorrectionFile(id)} loading="正在加载社区矫正档案…">
      {(f) => <CorrectionFilePage f={f} />}
    </RecordLoader>
  );
}
