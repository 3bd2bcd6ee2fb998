import { Button, Center, Loader, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ATTACHMENT_KIND_LABELS, ATTACHMENT_OWNER_LABELS } from '../../../shared/schemas/attachments';
import { api } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { notifyError, notifySaved } from '../../components/notify';
import { useDicts } from '../../hooks/useReference';
import { attachmentKeys } from '../attachments/AttachmentsCard';
import { useRestoreDispute } from '../disputes/mutations';
import { useDeletedDisputes } from '../disputes/queries';
import { groupText } from '../followup/labels';
import { useDeletedFollowups, useInvalidateFollowup } from '../followup/queries';
import { useRestorePerson } from '../persons/mutations';
import { useDeletedPersons } from '../persons/queries';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '');

interface DeletedRow {
  id: string;
  cells: string[];
  deletedAt: string | null;
  onRestore: () => void;
}

/** One tab of the bin: the record's own columns, when it was deleted, and 恢复. */
function DeletedTable({
  loading,
  empty,
  headers,
  rows,
}: {
  loading: boolean;
  empty: string;
  headers: string[];
  rows: DeletedRow[] | undefined;
}) {
  if (loading) {
    return (
      <Center py="xl">
        <Loader aria-label="正在加载" />
      </Center>
    );
  }
  if (!rows?.length) return <EmptyState title={empty} />;
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          {headers.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
          <Table.Th>删除时间</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.id}>
            {r.cells.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the row's columns, always the same number in the same order.
              <Table.Td key={i} style={{ wordBreak: 'break-all' }}>
                {c}
              </Table.Td>
            ))}
            <Table.Td>{when(r.deletedAt)}</Table.Td>
            <Table.Td>
              <Button size="xs" variant="light" onClick={r.onRestore}>
                恢复
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Deleted records stay in the ledger and can be restored; nothing here is purged. */
export function RecycleBinPage() {
  const dicts = useDicts();
  const disputes = useDeletedDisputes();
  const persons = useDeletedPersons();
  const restoreDispute = useRestoreDispute();
  const restorePerson = useRestorePerson();
  const qc = useQueryClient();
  const cases = useQuery({ queryKey: ['mediation', 'deleted'], queryFn: () => api.mediation.list({ deleted: true, pageSize: 200 }) });
  const attachments = useQuery({ queryKey: attachmentKeys.deleted, queryFn: () => api.attachments.deleted({}) });
  const followups = useDeletedFollowups();
  const invalidateFollowup = useInvalidateFollowup();

  const restore = async (what: string, run: () => Promise<unknown>) => {
    try {
      await run();
      notifySaved(`${what} 已恢复`);
    } catch (e) {
      notifyError(e, '未能恢复');
    }
  };

  return (
    <Stack>
      <Title order={3}>回收站</Title>
      <Text size="sm" c="dimmed">
        删除的记录保存在这里，可随时恢复；所有删除和恢复都记入修改记录。
      </Text>
      <Tabs defaultValue="disputes">
        <Tabs.List>
          <Tabs.Tab value="disputes">矛盾纠纷（{disputes.data?.total ?? 0}）</Tabs.Tab>
          <Tabs.Tab value="persons">人员（{persons.data?.total ?? 0}）</Tabs.Tab>
          <Tabs.Tab value="mediation">调解案件（{cases.data?.total ?? 0}）</Tabs.Tab>
          <Tabs.Tab value="followup">重点人员档案（{followups.data?.total ?? 0}）</Tabs.Tab>
          <Tabs.Tab value="attachments">附件（{attachments.data?.length ?? 0}）</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="disputes" pt="sm">
          <DeletedTable
            loading={disputes.isLoading}
            empty="没有已删除的纠纷登记"
            headers={['案号', '类型', '当事人']}
            rows={disputes.data?.rows.map((d) => ({
              id: d.id,
              cells: [d.caseNo, dicts.label('dispute_category', d.category), d.parties],
              deletedAt: d.deletedAt,
              onRestore: () => restore(d.caseNo, () => restoreDispute.mutateAsync(d.id)),
            }))}
          />
        </Tabs.Panel>
        <Tabs.Panel value="persons" pt="sm">
          <DeletedTable
            loading={persons.isLoading}
            empty="没有已删除的人员"
            headers={['姓名', '村（社区）']}
            rows={persons.data?.rows.map((p) => ({
              id: p.id,
              cells: [p.name, p.villageName ?? ''],
              deletedAt: p.deletedAt,
              onRestore: () => restore(p.name, () => restorePerson.mutateAsync(p.id)),
            }))}
          />
        </Tabs.Panel>
        <Tabs.Panel value="mediation" pt="sm">
          <DeletedTable
            loading={cases.isLoading}
            empty="没有已删除的调解案件"
            headers={['卷宗号', '当事人']}
            rows={cases.data?.rows.map((c) => ({
              id: c.id,
              cells: [c.caseNo, c.parties],
              deletedAt: c.deletedAt,
              onRestore: () =>
                restore(c.caseNo, async () => {
                  await api.mediation.restore({ id: c.id });
                  await qc.invalidateQueries();
                }),
            }))}
          />
        </Tabs.Panel>
        <Tabs.Panel value="followup" pt="sm">
          <DeletedTable
            loading={followups.isLoading}
            empty="没有已删除的重点人员档案"
            headers={['姓名', '类别', '建档日期']}
            rows={followups.data?.rows.map((f) => ({
              id: f.id,
              cells: [f.personName, groupText(f.group, f.groupName), f.startDate],
              deletedAt: f.deletedAt,
              onRestore: () =>
                restore(`${f.personName}的档案`, async () => {
                  await api.followup.restore({ id: f.id });
                  await invalidateFollowup();
                }),
            }))}
          />
        </Tabs.Panel>
        <Tabs.Panel value="attachments" pt="sm">
          <DeletedTable
            loading={attachments.isLoading}
            empty="没有已删除的附件"
            headers={['名称', '类别', '所属']}
            rows={attachments.data?.map((a) => ({
              id: a.id,
              cells: [a.fileName, ATTACHMENT_KIND_LABELS[a.kind], `${ATTACHMENT_OWNER_LABELS[a.ownerType]} ${a.ownerLabel}`],
              deletedAt: a.deletedAt,
              onRestore: () =>
                restore(a.fileName, async () => {
                  await api.attachments.restore({ id: a.id });
                  await qc.invalidateQueries({ queryKey: attachmentKeys.all });
                }),
            }))}
          />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
