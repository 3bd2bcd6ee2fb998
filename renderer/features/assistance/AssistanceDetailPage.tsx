import { recordPath } from '../../../shared/modules';
import { Anchor, Badge, Button, Card, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { RECORD_KIND_LABELS, type AssistanceRecordKind } from '../../../shared/domain/assistance-rules';
import {
  ASSISTANCE_LEVEL_LABELS,
  END_REASON_LABELS,
  HANDOVER_METHOD_LABELS,
  HANDOVER_STATE_LABELS,
  PLACEMENT_LABELS,
  RELEASE_TYPE_LABELS,
  type AssistanceFileView,
  type AssistanceRecord,
} from '../../../shared/schemas/assistance';
import { LEVEL_SOURCE_LABELS } from '../../../shared/schemas/obligations';
import { AuditHistory } from '../../components/AuditHistory';
import { Basis } from '../../components/Basis';
import { confirmDelete } from '../../components/ConfirmDelete';
import { EmptyState } from '../../components/EmptyState';
import { Facts } from '../../components/Facts';
import { RecordLoader } from '../../components/RecordLoader';
import { RowActions } from '../../components/RowActions';
import { AttachmentsCard } from '../attachments/AttachmentsCard';
import { AssistanceDocuments } from './AssistanceDocuments';
import { DueItemsCard } from '../obligations/DueItemsCard';
import type { ItemActionWords } from '../obligations/ItemActionModal';
import { EndModal, HandoverModal, LevelModal, PlacementModal, RecordModal, TeamModal } from './AssistanceModals';
import { ASSISTANCE_TOUCHES, useDeleteAssistance, useDeleteRecord } from './mutations';
import { useAssistanceFile } from './queries';

/** An assistance file's words for 延期/免除 of one item. */
const ACTION_WORDS: ItemActionWords = {
  waived: '已免除，走访频次自此继续计算',
  waiveNote: '免除的事项不计为逾期，之后的走访从免除之日起按频次计算。',
  extendExample: '如：本人外出务工，返乡后走访',
  waiveExample: '如：住院治疗期间，已电话联系家属',
};

const HANDOVER_COLOR = { pending: 'orange', done: 'green', missing: 'red' } as const;

function HandoverCard({ f, onEdit }: { f: AssistanceFileView; onEdit: () => void }) {
  const h = f.handover;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={5}>衔接</Title>
          <Badge variant="light" color={HANDOVER_COLOR[h.state]} data-testid="handover-state">
            {HANDOVER_STATE_LABELS[h.state]}
          </Badge>
        </Group>
        {f.status === 'active' && (
          <Button size="xs" variant="light" onClick={onEdit}>
            登记衔接
          </Button>
        )}
      </Group>
      <Facts
        rows={[
          ['通知书收到', f.noticeDate],
          ['联系家属', h.familyContactDate],
          ['衔接方式', h.method ? HANDOVER_METHOD_LABELS[h.method] : null],
          ['接回日期', h.returnDate],
          ['接回人', h.receiver],
          ['派出所报到', h.policeReportDate],
          ['司法所登记', h.registerDate],
          ['查找登记', h.missingSince],
          ['衔接情况', h.note],
        ]}
      />
    </Card>
  );
}

function TeamCard({ f, onEdit }: { f: AssistanceFileView; onEdit: () => void }) {
  const t = f.team;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Group gap="xs">
          <Title order={5}>帮教小组</Title>
          <Badge variant="light" color={t.check.complete ? 'green' : 'orange'} data-testid="team-check">
            {t.check.complete ? '已落实' : '未落实'}
          </Badge>
        </Group>
        {f.status === 'active' && (
          <Button size="xs" variant="light" onClick={onEdit}>
            编辑小组
          </Button>
        )}
      </Group>
      {t.members.length === 0 ? (
        <Text size="sm" c="dimmed">
          尚未组建帮教小组（1+n：司法所工作人员加网格员、村(社区)干部、镇干部、亲属等）。
        </Text>
      ) : (
        <Text size="sm">{t.members.map((m) => `${m.name}（${m.role}${m.phone ? `，${m.phone}` : ''}）`).join('；')}</Text>
      )}
      <Text size="sm" mt={4}>
        帮教协议：{t.agreementDate ? `${t.agreementDate} 签订` : '未签订'}
      </Text>
      {!t.check.complete && (
        <List size="xs" c="orange" mt={4}>
          {t.check.missing.map((m) => (
            <List.Item key={m}>{m}</List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

function PlacementCard({ f, onEdit }: { f: AssistanceFileView; onEdit: () => void }) {
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>安置情况</Title>
        {f.status === 'active' && (
          <Button size="xs" variant="light" onClick={onEdit}>
            登记安置
          </Button>
        )}
      </Group>
      <Text size="sm" data-testid="placement">
        {f.placement ? `${PLACEMENT_LABELS[f.placement]}${f.placementDate ? `（${f.placementDate}）` : ''}` : '尚未登记'}
        {f.placementNote ? `：${f.placementNote}` : ''}
      </Text>
    </Card>
  );
}

const recordDetail = (r: AssistanceRecord) =>
  [r.method, r.aidType, r.offenceType, r.crime].filter(Boolean).join('，') + (r.amount != null ? ` ${r.amount}元` : '');

function RecordsCard({
  f,
  onAdd,
  onEdit,
}: {
  f: AssistanceFileView;
  onAdd: (k: AssistanceRecordKind) => void;
  onEdit: (r: AssistanceRecord) => void;
}) {
  const del = useDeleteRecord();
  const active = f.status === 'active';
  const remove = async (r: AssistanceRecord) => {
    if (!(await confirmDelete('删除记录', `确定删除 ${r.date} 的${RECORD_KIND_LABELS[r.kind]}记录吗？删除后相应事项重新计算。`))) return;
    await del.run(r.id, '记录已删除');
  };
  return (
    <Card withBorder>
      <Group justify="space-between" mb="xs">
        <Title order={5}>
          走访与帮扶记录
          {f.aidTotal > 0 && (
            <Text span size="sm" c="dimmed" ml={8}>
              临时救助合计 {f.aidTotal} 元
            </Text>
          )}
        </Title>
        {active && (
          <Group gap={6}>
            <Button size="xs" variant="light" onClick={() => onAdd('visit')}>
              记录走访/谈话
            </Button>
            <Button size="xs" variant="light" onClick={() => onAdd('aid')}>
              记录帮扶
            </Button>
            <Button size="xs" variant="light" color="red" onClick={() => onAdd('reoffence')}>
              重新违法犯罪
            </Button>
          </Group>
        )}
      </Group>
      {f.records.length === 0 ? (
        <EmptyState title="还没有记录">走访、谈话和技能培训、就业指导、临时救助等帮扶按日期记录在这里，到期事项随之更新。</EmptyState>
      ) : (
        <Table withTableBorder verticalSpacing={4} data-testid="records">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={100}>日期</Table.Th>
              <Table.Th w={110}>种类</Table.Th>
              <Table.Th w={170}>方式/项目</Table.Th>
              <Table.Th>内容</Table.Th>
              <Table.Th w={90}>经办人</Table.Th>
              {active && <Table.Th w={110} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {f.records.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{r.date}</Table.Td>
                <Table.Td>{RECORD_KIND_LABELS[r.kind]}</Table.Td>
                <Table.Td>{recordDetail(r)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.content}</Table.Td>
                <Table.Td>{r.staff}</Table.Td>
                {active && (
                  <Table.Td>
                    <RowActions onEdit={() => onEdit(r)} onDelete={() => void remove(r)} />
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
  | { kind: 'handover' | 'team' | 'placement' | 'end' | 'level' | 'documents' }
  | { kind: 'record'; record?: AssistanceRecord; recordKind?: AssistanceRecordKind }
  | null;

function AssistanceFilePage({ f }: { f: AssistanceFileView }) {
  const navigate = useNavigate();
  const del = useDeleteAssistance();
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const active = f.status === 'active';
  const remove = async () => {
    if (!(await confirmDelete('删除档案', `确定删除 ${f.person.name} 的安置帮教档案吗？删除后可在回收站恢复。`))) return;
    if (await del.run(f.id, `${f.person.name} 的档案已移入回收站`)) navigate('/assistance');
  };
  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Group gap="sm">
          <Title order={3}>{f.person.name}</Title>
          <Badge variant="light">{RELEASE_TYPE_LABELS[f.releaseType]}</Badge>
          {!f.released && (
            <Badge variant="light" color="cyan">
              预释放
            </Badge>
          )}
          {f.key && (
            <Badge variant="filled" color="red">
              {ASSISTANCE_LEVEL_LABELS[f.level]}
            </Badge>
          )}
          <Badge variant="light" color={active ? 'green' : 'gray'}>
            {active ? '在册' : `已结束：${f.endReason ? END_REASON_LABELS[f.endReason] : ''} ${f.endDate ?? ''}`}
          </Badge>
          {f.correctionFileId && (
            <Anchor component={Link} to={recordPath('correction', f.correctionFileId)} size="sm" data-testid="from-correction">
              由社区矫正转入
            </Anchor>
          )}
          <Anchor component={Link} to={`/persons/${f.person.id}`} size="sm">
            人员信息
          </Anchor>
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={() => setDialog({ kind: 'documents' })}>
            文书与打印
          </Button>
          <Button variant="default" component={Link} to={`/assistance/${f.id}/edit`} disabled={!active}>
            修改
          </Button>
          {active && (
            <Button variant="default" onClick={() => setDialog({ kind: 'level' })}>
              调整类别
            </Button>
          )}
          {active && (
            <Button variant="default" onClick={() => setDialog({ kind: 'end' })}>
              结束帮教
            </Button>
          )}
          <Button variant="subtle" color="red" onClick={() => void remove()}>
            删除
          </Button>
        </Group>
      </Group>
      <Card withBorder>
        <Title order={5} mb="xs">
          基本情况
        </Title>
        <Facts
          rows={[
            ['罪名', f.crime],
            ['原判刑罚', f.sentence],
            ['服刑场所', f.prison],
            ['刑期', f.sentenceStart ? `${f.sentenceStart} 至 ${f.sentenceEnd ?? ''}` : null],
            [f.releaseType === 'correction_end' ? '解除矫正日期' : '释放日期', f.releaseDate],
            ['释放证明书编号', f.certificateNumber],
            [
              '帮教期满',
              <Basis key="end" source={f.period.source}>
                {`${f.period.end}（${f.period.years}年）`}
              </Basis>,
            ],
            [
              '帮教对象类别',
              `${ASSISTANCE_LEVEL_LABELS[f.level]}，自 ${f.levelSince}${
                f.levels.length > 1
                  ? `（${f.levels.map((l) => `${l.date} ${LEVEL_SOURCE_LABELS[l.source]}${ASSISTANCE_LEVEL_LABELS[l.level]}`).join(' → ')}）`
                  : ''
              }`,
            ],
            ['村（社区）', f.villageName],
            ['责任人', f.responsibleName],
            ['联系电话', f.phone],
            ['备注', f.notes],
          ]}
        />
      </Card>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <HandoverCard f={f} onEdit={() => setDialog({ kind: 'handover' })} />
        <DueItemsCard
          module="assistance"
          ownerId={f.id}
          items={f.dueItems}
          actions={f.itemActions}
          active={active}
          touches={ASSISTANCE_TOUCHES}
          words={ACTION_WORDS}
        />
        <TeamCard f={f} onEdit={() => setDialog({ kind: 'team' })} />
        <PlacementCard f={f} onEdit={() => setDialog({ kind: 'placement' })} />
      </SimpleGrid>
      <RecordsCard
        f={f}
        onAdd={(recordKind) => setDialog({ kind: 'record', recordKind })}
        onEdit={(record) => setDialog({ kind: 'record', record })}
      />
      <AttachmentsCard ownerType="assistance_file" ownerId={f.id} readOnly={!!f.deletedAt} defaultKind="document" />
      <AuditHistory entity="assistance" id={f.id} />
      {dialog?.kind === 'handover' && <HandoverModal f={f} onClose={close} />}
      {dialog?.kind === 'team' && <TeamModal f={f} onClose={close} />}
      {dialog?.kind === 'placement' && <PlacementModal f={f} onClose={close} />}
      {dialog?.kind === 'end' && <EndModal f={f} onClose={close} />}
      {dialog?.kind === 'level' && <LevelModal f={f} onClose={close} />}
      {dialog?.kind === 'documents' && <AssistanceDocuments f={f} onClose={close} />}
      {dialog?.kind === 'record' && <RecordModal f={f} record={dialog.record} kind={dialog.recordKind} onClose={close} />}
    </Stack>
  );
}

/** One file (/assistance/:id). */
export function AssistanceDetailPage() {
  const { id } = useParams();
  return (
    <RecordLoader query={useAssistanceFile(id)} loading="正在加载安置帮教档案…">
      {(f) => <AssistanceFilePage f={f} />}
    </RecordLoader>
  );
}
