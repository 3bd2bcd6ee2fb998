import { Button, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { useEffect, useState } from 'react';
import { RECYCLE_COLUMNS, recycleLabel, recycleRecord, type RecycleBinSection, type RecycleRow } from '../../../shared/schemas/recycle';
import { errorMessage } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { useRestore } from './mutations';
import { useRecycleBin } from './queries';
import { formatInstant } from '../../../shared/instants';

const when = (iso: string | null) => (iso ? formatInstant(iso) : '');

/** One tab of the bin: the record's own columns, when it was deleted, and 恢复. */
function DeletedTable({ section, onRestore }: { section: RecycleBinSection; onRestore: (row: RecycleRow) => void }) {
  if (!section.rows.length) return <EmptyState title={`没有已删除的${recycleRecord(section.section)}`} />;
  return (
    <Table striped withTableBorder>
      <Table.Thead>
        <Table.Tr>
          {RECYCLE_COLUMNS[section.section].map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
          <Table.Th>删除时间</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {section.rows.map((r) => (
          <Table.Tr key={r.id}>
            {r.cells.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the row's columns, always the same number in the same order.
              <Table.Td key={i} style={{ wordBreak: 'break-all' }}>
                {c}
              </Table.Td>
            ))}
            <Table.Td>{when(r.deletedAt)}</Table.Td>
            <Table.Td>
              <Button size="xs" variant="light" onClick={() => onRestore(r)}>
                恢复
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/**
 * Deleted records of every module (shared/modules.ts) and deleted attachments stay in the ledger
 * and can be restored; nothing here is purged.
 */
export function RecycleBinPage() {
  const bin = useRecycleBin();
  const [tab, setTab] = useState<string | null>(null);
  const restore = useRestore();

  const sections = bin.data ?? [];
  // Opens on the first section with something in it, and stays there (a restore empties it).
  useEffect(() => {
    if (tab === null && bin.data) setTab(bin.data.find((s) => s.total > 0)?.section ?? bin.data[0]?.section ?? null);
  }, [bin.data, tab]);
  const current = tab;
  return (
    <Stack>
      <Title order={3}>回收站</Title>
      <Text size="sm" c="dimmed">
        删除的记录保存在这里，可随时恢复；所有删除和恢复都记入修改记录。
      </Text>
      {bin.isLoading ? (
        <Loading center>正在加载回收站…</Loading>
      ) : bin.error ? (
        <Text c="red">{errorMessage(bin.error)}</Text>
      ) : (
        <Tabs value={current} onChange={setTab}>
          <Tabs.List>
            {sections.map((s) => (
              <Tabs.Tab key={s.section} value={s.section}>
                {recycleLabel(s.section)}（{s.total}）
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {sections.map((s) => (
            <Tabs.Panel key={s.section} value={s.section} pt="sm">
              <DeletedTable section={s} onRestore={(row) => void restore.run({ section: s.section, id: row.id }, `${row.name} 已恢复`)} />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
