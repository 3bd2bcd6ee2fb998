import { Badge, Button, Group, Progress, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { auditEntityLabel, groupDigits, verdictText } from '../../../shared/domain/audit-verdict';
import { formatInstant } from '../../../shared/instants';
import type { AuditStatus } from '../../../shared/schemas/audit';
import { AUDIT_ACTION_LABELS } from '../../../shared/schemas/reference';
import { Facts } from '../../components/Facts';
import { Loading } from '../../components/Loading';
import { useStaffNames } from '../reference/queries';
import { useVerifyAudit } from './mutations';
import { useAuditPeopleSearch, useAuditStatus, useViewLog } from './queries';

/** The chain's state: rows, head, the last check and its result in words; 立即校验 with its progress. */
function ChainState({ status }: { status: AuditStatus }) {
  const verify = useVerifyAudit();
  const { last, running, head } = status;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={5}>审计记录链</Title>
        <Button size="xs" onClick={verify.run} loading={verify.saving} disabled={running !== null}>
          立即校验
        </Button>
      </Group>
      <Facts
        rows={[
          ['记录条数', groupDigits(head.rows)],
          [
            '链头',
            <Text key="head" size="xs" ff="monospace" title={head.hash}>
              {head.hash ? `${head.hash.slice(0, 16)}…` : '（空）'}
            </Text>,
          ],
          ['上次校验', last ? `${formatInstant(last.checkedAt)}（${groupDigits(last.rows)} 条，用时 ${last.ms} 毫秒）` : '尚未校验'],
          [
            '校验结果',
            last ? (
              <Badge key="r" color={last.ok ? 'green' : 'red'} variant="light">
                {last.ok ? '完整' : '发现问题'}
              </Badge>
            ) : null,
          ],
        ]}
      />
      {running && (
        <Stack gap={4} data-testid="audit-progress">
          <Text size="sm" c="dimmed">
            正在校验：{groupDigits(running.done)} / {groupDigits(running.total)} 条，可照常使用
          </Text>
          <Progress value={running.total ? (running.done / running.total) * 100 : 0} />
        </Stack>
      )}
      {last && (
        <Text size="sm" c={last.ok ? undefined : 'red'} data-testid="audit-verdict">
          {verdictText(last)}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        每条记录的校验值都包含前一条的校验值：改动、删除、插入或调换任何一条，都会在此处报出第一处断开的位置。
        末尾记录被删除、或整条记录链被改写后重新计算，只有与此前校验时（或备份中）记下的链头比对才能发现。
      </Text>
    </Stack>
  );
}

/** Finds a person to filter by (name, initials, ID or phone fragment), as the registry's search does. */
function PersonFilter({ value, onChange }: { value: string | null; onChange: (id: string | null) => void }) {
  const [search, setSearch] = useState('');
  const [picked, setPicked] = useState<{ value: string; label: string } | null>(null);
  const [q] = useDebouncedValue(search.trim() === picked?.label ? '' : search.trim().slice(0, 50), 200);
  const hits = useAuditPeopleSearch(q);
  const data = useMemo(() => {
    const opts = q ? (hits.data ?? []).map((h) => ({ value: h.id, label: h.name })) : [];
    if (picked && value === picked.value && !opts.some((o) => o.value === picked.value)) opts.unshift(picked);
    return opts;
  }, [q, hits.data, picked, value]);
  return (
    <Select
      label="人员"
      placeholder="输入姓名、拼音首字母或身份证号"
      searchable
      clearable
      w={260}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={q ? '没有找到' : undefined}
      filter={({ options }) => options}
      onChange={(id, option) => {
        setPicked(id ? option : null);
        onChange(id);
      }}
    />
  );
}

/** 查阅与导出记录: who opened whose file and who exported what, newest first, by staff member and by person. */
function ViewLog() {
  const staff = useStaffNames();
  const [staffId, setStaffId] = useState<string | null>(null);
  const [personId, setPersonId] = useState<string | null>(null);
  const [page, setPage] = useState(0);
  const log = useViewLog({ staffId, personId, page });
  const filter = (set: (id: string | null) => void) => (id: string | null) => {
    set(id);
    setPage(0);
  };
  return (
    <Stack gap="sm">
      <Title order={5}>查阅与导出记录</Title>
      <Group align="flex-end">
        <Select
          label="工作人员"
          placeholder="全部"
          clearable
          w={200}
          data={staff.options((s) => s.kind === 'staff')}
          value={staffId}
          onChange={filter(setStaffId)}
        />
        <PersonFilter value={personId} onChange={filter(setPersonId)} />
      </Group>
      {!log.data ? (
        <Loading>正在读取查阅记录…</Loading>
      ) : log.data.rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {page === 0 ? '没有符合条件的查阅或导出记录。' : '没有更多记录。'}
        </Text>
      ) : (
        <Table striped withTableBorder fz="sm" aria-label="查阅与导出记录">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>时间</Table.Th>
              <Table.Th w={110}>工作人员</Table.Th>
              <Table.Th w={70}>操作</Table.Th>
              <Table.Th w={140}>对象</Table.Th>
              <Table.Th w={110}>人员</Table.Th>
              <Table.Th>内容</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {log.data.rows.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>{formatInstant(r.at)}</Table.Td>
                <Table.Td>{r.actorName}</Table.Td>
                <Table.Td>{AUDIT_ACTION_LABELS[r.action] ?? r.action}</Table.Td>
                <Table.Td>{auditEntityLabel(r.entity)}</Table.Td>
                <Table.Td>{r.personName ?? '—'}</Table.Td>
                <Table.Td>{r.what ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group gap="xs">
        <Button size="xs" variant="default" disabled={page === 0} onClick={() => setPage((p) => p - 1)}>
          上一页
        </Button>
        <Text size="sm">第 {page + 1} 页</Text>
        <Button size="xs" variant="default" disabled={!log.data?.hasMore} onClick={() => setPage((p) => p + 1)}>
          下一页
        </Button>
      </Group>
    </Stack>
  );
}

/** Settings → 审计日志: the administrator's place to see that the audit trail is whole, and who read what. */
export function AuditSettings() {
  const status = useAuditStatus();
  if (!status.data) return <Loading>正在读取审计记录…</Loading>;
  return (
    <Stack maw={1000} gap="xl">
      <ChainState status={status.data} />
      <ViewLog />
    </Stack>
  );
}
