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
          {disputes.isLoading && (
            <Center py="xl">
              <Loader aria-label="正在加载" />
            </Center>
          )}
          {disputes.data?.rows.length === 0 ? (
            <EmptyState title="没有已删除的纠纷登记" />
          ) : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>案号</Table.Th>
                  <Table.Th>类型</Table.Th>
                  <Table.Th>当事人</Table.Th>
                  <Table.Th>删除时间</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {disputes.data?.rows.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Td>{d.caseNo}</Table.Td>
                    <Table.Td>{dicts.label('dispute_category', d.category)}</Table.Td>
                    <Table.Td>{d.parties}</Table.Td>
                    <Table.Td>{when(d.deletedAt)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => restore(d.caseNo, () => restoreDispute.mutateAsync(d.id))}>
                        恢复
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="persons" pt="sm">
          {persons.isLoading && (
            <Center py="xl">
              <Loader aria-label="正在加载" />
            </Center>
          )}
          {persons.data?.rows.length === 0 ? (
            <EmptyState title="没有已删除的人员" />
          ) : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>姓名</Table.Th>
                  <Table.Th>村（社区）</Table.Th>
                  <Table.Th>删除时间</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {persons.data?.rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>{p.name}</Table.Td>
                    <Table.Td>{p.villageName ?? ''}</Table.Td>
                    <Table.Td>{when(p.deletedAt)}</Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="light" onClick={() => restore(p.name, () => restorePerson.mutateAsync(p.id))}>
                        恢复
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="mediation" pt="sm">
          {cases.data?.rows.length === 0 ? (
            <EmptyState title="没有已删除的调解案件" />
          ) : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>卷宗号</Table.Th>
                  <Table.Th>当事人</Table.Th>
                  <Table.Th>删除时间</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {cases.data?.rows.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>{c.caseNo}</Table.Td>
                    <Table.Td>{c.parties}</Table.Td>
                    <Table.Td>{when(c.deletedAt)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() =>
                          restore(c.caseNo, async () => {
                            await api.mediation.restore({ id: c.id });
                            await qc.invalidateQueries();
                          })
                        }
                      >
                        恢复
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="followup" pt="sm">
          {followups.data?.rows.length === 0 ? (
            <EmptyState title="没有已删除的重点人员档案" />
          ) : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>姓名</Table.Th>
                  <Table.Th>类别</Table.Th>
                  <Table.Th>建档日期</Table.Th>
                  <Table.Th>删除时间</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {followups.data?.rows.map((f) => (
                  <Table.Tr key={f.id}>
                    <Table.Td>{f.personName}</Table.Td>
                    <Table.Td>{groupText(f.group, f.groupName)}</Table.Td>
                    <Table.Td>{f.startDate}</Table.Td>
                    <Table.Td>{when(f.deletedAt)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() =>
                          restore(`${f.personName}的档案`, async () => {
                            await api.followup.restore({ id: f.id });
                            await invalidateFollowup();
                          })
                        }
                      >
                        恢复
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="attachments" pt="sm">
          {attachments.data?.length === 0 ? (
            <EmptyState title="没有已删除的附件" />
          ) : (
            <Table striped withTableBorder>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>名称</Table.Th>
                  <Table.Th>类别</Table.Th>
                  <Table.Th>所属</Table.Th>
                  <Table.Th>删除时间</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {attachments.data?.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td style={{ wordBreak: 'break-all' }}>{a.fileName}</Table.Td>
                    <Table.Td>{ATTACHMENT_KIND_LABELS[a.kind]}</Table.Td>
                    <Table.Td>
                      {ATTACHMENT_OWNER_LABELS[a.ownerType]} {a.ownerLabel}
                    </Table.Td>
                    <Table.Td>{when(a.deletedAt)}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() =>
                          restore(a.fileName, async () => {
                            await api.attachments.restore({ id: a.id });
                            await qc.invalidateQueries({ queryKey: attachmentKeys.all });
                          })
                        }
                      >
                        恢复
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
