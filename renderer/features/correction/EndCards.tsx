/**
 * A correction file's 考核奖惩 (with the next step its record suggests) and its end: 期满鉴定, 解除 or 终止, and the
 * end's facts with 撤销 once it has ended (REVIEW §5.4, REVIEW §5.5). A later module's hand-over (转入安置帮教) is
 * offered here through the registry and takes the place of the plain 解除.
 */
import { Alert, Badge, Button, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { SANCTION_KIND_LABELS } from '../../../shared/domain/correction-sanctions';
import type { CorrectionFileView } from '../../../shared/schemas/correction';
import type { CorrectionEndView, SanctionView } from '../../../shared/schemas/correction-end';
import { Basis } from '../../components/Basis';
import { confirmDelete } from '../../components/ConfirmDelete';
import { Facts } from '../../components/Facts';
import { useHandOvers } from '../../components/modules';
import { RowActions } from '../../components/RowActions';
import { AppraisalModal, ReleaseModal, SanctionModal, TerminationModal, UndoEndModal, type SanctionDraft } from './EndModals';
import { useDeleteSanction } from './mutations';
import { useCorrectionEnd } from './queries';

const SEVERE = new Set(['revoke_probation', 'revoke_parole', 'imprison', 'penalty']);

function SanctionsCard({ v }: { v: CorrectionEndView }) {
  const [editing, setEditing] = useState<{ sanction?: SanctionView; draft?: SanctionDraft } | null>(null);
  const del = useDeleteSanction();
  const active = v.status === 'active';
  const remove = async (s: SanctionView) => {
    if (!(await confirmDelete('删除奖惩记录', `确定删除 ${s.checkDate} 的${SANCTION_KIND_LABELS[s.kind]}记录吗？删除将记入操作记录。`)))
      return;
    await del.run(s.id, '奖惩记录已删除');
  };
  return (
    <Card withBorder data-testid="sanctions">
      <Group justify="space-between" mb="xs">
        <Title order={5}>
          <Basis source={v.sanctionSource}>考核奖惩</Basis>
        </Title>
        {active && (
          <Button size="xs" variant="light" onClick={() => setEditing({})}>
            记录奖惩
          </Button>
        )}
      </Group>
      <Stack gap="xs">
        {v.suggestions.map((s) => (
          <Alert key={s.kind} color={SEVERE.has(s.kind) ? 'red' : 'orange'} variant="light" py="xs" data-testid="sanction-suggestion">
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  建议：{SANCTION_KIND_LABELS[s.kind]}
                </Text>
                <Text size="sm">适用条件：{s.condition}</Text>
                <Text size="xs" c="dimmed">
                  本档案情况：{s.facts}。仅为提示，是否给予由司法所调查核实、县级社区矫正机构决定。
                </Text>
              </Stack>
              <Button size="xs" variant="white" onClick={() => setEditing({ draft: { kind: s.kind, reason: s.reason, facts: s.facts } })}>
                按建议记录
              </Button>
            </Group>
          </Alert>
        ))}
        {v.sanctions.length === 0 ? (
          <Text size="sm" c="dimmed">
            尚无奖惩记录。
          </Text>
        ) : (
          <Table withTableBorder verticalSpacing={4} data-testid="sanction-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={100}>核实日期</Table.Th>
                <Table.Th w={130}>种类</Table.Th>
                <Table.Th>事由与事实</Table.Th>
                <Table.Th w={200}>决定</Table.Th>
                {active && <Table.Th w={110} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {v.sanctions.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>{s.checkDate}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color={s.kind === 'commend' ? 'green' : SEVERE.has(s.kind) ? 'red' : 'orange'}>
                      {SANCTION_KIND_LABELS[s.kind]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{s.reasonText}</Text>
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                      {s.checkFacts}
                    </Text>
                  </Table.Td>
                  <Table.Td>{s.decisionDate ? `${s.decisionDate} ${s.decisionNumber ?? ''}` : '待决定'}</Table.Td>
                  {active && (
                    <Table.Td>
                      <RowActions onEdit={() => setEditing({ sanction: s })} onDelete={() => void remove(s)} />
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
      {editing && <SanctionModal v={v} sanction={editing.sanction} draft={editing.draft} onClose={() => setEditing(null)} />}
    </Card>
  );
}

type Dialog = 'appraisal' | 'release' | 'terminate' | 'undo' | null;

function EndCard({ f, v }: { f: CorrectionFileView; v: CorrectionEndView }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const handOvers = useHandOvers('correction');
  const close = () => setDialog(null);
  const active = v.status === 'active' && !f.deletedAt;
  const e = v.end;
  return (
    <Card withBorder data-testid="correction-end">
      <Group justify="space-between" mb="xs">
        <Title order={5}>期满与解除、终止</Title>
        <Group gap={6}>
          {active && (
            <>
              <Button size="xs" variant="light" onClick={() => setDialog('appraisal')}>
                {v.appraisal ? '修改期满鉴定' : '记录期满鉴定'}
              </Button>
              {handOvers.map((h) => (
                <h.Action key={h.from} record={f} open={active} />
              ))}
              {handOvers.length === 0 && (
                <Button size="xs" variant="light" onClick={() => setDialog('release')}>
                  解除
                </Button>
              )}
              <Button size="xs" variant="light" color="red" onClick={() => setDialog('terminate')}>
                终止
              </Button>
            </>
          )}
          {!active && e && !f.deletedAt && (
            <Button size="xs" variant="subtle" color="red" onClick={() => setDialog('undo')}>
              {e.kind === 'release' ? '撤销解除' : '撤销终止'}
            </Button>
          )}
        </Group>
      </Group>
      <Facts
        rows={[
          ['期满鉴定应完成', v.appraisalDue],
          ['个人总结', v.appraisal?.summaryDate ?? (v.appraisal ? '未填写日期' : '尚未提交')],
          ['期满鉴定', v.appraisal ? `${v.appraisal.appraisalDate}：${v.appraisal.opinion}` : '尚未鉴定'],
        ]}
      />
      {e && (
        <Alert color={e.kind === 'release' ? 'teal' : 'gray'} variant="light" mt="sm" data-testid="end-facts">
          <Text size="sm" fw={600} mb={4}>
            <Basis source={e.kind === 'release' ? v.releaseSource : v.terminationSource}>
              {e.kind === 'release' ? '已解除' : '已终止'}：{e.reasonLabel}，{e.date}
            </Basis>
          </Text>
          <Facts
            rows={
              e.kind === 'release'
                ? [
                    ['解除社区矫正证明书', e.documentNumber],
                    [
                      '解矫宣告',
                      e.declarationDate ? `${e.declarationDate}，主持人：${e.declarationHost ?? ''}；宣告${e.words ?? ''}` : '未记录',
                    ],
                    ['参加人员', e.declarationAttendees],
                    ['通知决定机关', e.noticeOrganDate],
                    ['通知检察院', e.noticeProcuratorateDate],
                    ['通知公安机关', e.noticePoliceDate],
                    ['备注', e.notes],
                  ]
                : [
                    ['文书', e.documentNumber],
                    ['备注', e.notes],
                  ]
            }
          />
          <Text size="xs" c="dimmed" mt={4}>
            档案已结案，只能查看；如系误操作，可{e.kind === 'release' ? '撤销解除' : '撤销终止'}并写明理由。
          </Text>
        </Alert>
      )}
      {handOvers.map((h) => (
        <h.Status key={h.from} record={f} />
      ))}
      {dialog === 'appraisal' && <AppraisalModal v={v} onClose={close} />}
      {dialog === 'release' && <ReleaseModal v={v} onClose={close} />}
      {dialog === 'terminate' && <TerminationModal v={v} onClose={close} />}
      {dialog === 'undo' && <UndoEndModal v={v} onClose={close} />}
    </Card>
  );
}

/** Both cards of one file, from their own query. */
export function CorrectionEndCards({ f }: { f: CorrectionFileView }) {
  const q = useCorrectionEnd(f.id);
  if (!q.data) return null;
  return (
    <Stack>
      <SanctionsCard v={q.data} />
      <EndCard f={f} v={q.data} />
    </Stack>
  );
}
