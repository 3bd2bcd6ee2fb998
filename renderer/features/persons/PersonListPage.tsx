import { Anchor, Button, Center, Group, Loader, Pagination, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { SEX_LABELS } from '../../../shared/dictionaries';
import { maskIdNumber } from '../../../shared/domain/id-number';
import { errorMessage } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { usePersonList } from './queries';

export function PersonListPage() {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(q.trim(), 250);
  const list = usePersonList({ q: debounced || undefined, page, pageSize: 50 });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Title order={3}>人员库</Title>
        <Button component={Link} to="/persons/new">
          新建人员
        </Button>
      </Group>
      <TextInput
        aria-label="搜索人员"
        placeholder="姓名、拼音或首字母（如 zsf）、身份证号或电话的一部分"
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        mb="sm"
        maw={520}
        autoFocus
      />
      <Text size="sm" c="dimmed" mb={4}>
        共 {data?.total ?? 0} 人
      </Text>
      <Table striped highlightOnHover withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>姓名</Table.Th>
            <Table.Th>性别</Table.Th>
            <Table.Th>公民身份号码</Table.Th>
            <Table.Th>出生日期</Table.Th>
            <Table.Th>联系电话</Table.Th>
            <Table.Th>村（社区）</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data?.rows.map((p) => (
            <Table.Tr key={p.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/persons/${p.id}`)}>
              <Table.Td>
                <Anchor component={Link} to={`/persons/${p.id}`} onClick={(e) => e.stopPropagation()}>
                  {p.name}
                </Anchor>
              </Table.Td>
              <Table.Td>{p.sex ? SEX_LABELS[p.sex] : ''}</Table.Td>
              <Table.Td ff="monospace">{p.idNumber ? maskIdNumber(p.idNumber) : ''}</Table.Td>
              <Table.Td>{p.birthDate ?? ''}</Table.Td>
              <Table.Td>{p.phone ?? ''}</Table.Td>
              <Table.Td>{p.villageName ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {list.isLoading && (
        <Center py="xl">
          <Loader aria-label="正在加载" />
        </Center>
      )}
      {list.error && <Text c="red">{errorMessage(list.error)}</Text>}
      {data && data.rows.length === 0 && (
        <EmptyState title={debounced ? '没有找到符合条件的人员' : '人员库还是空的'}>
          {!debounced && <Text size="sm">登记纠纷时添加的当事人也会出现在这里。</Text>}
        </EmptyState>
      )}
      {pages > 1 && <Pagination mt="md" total={pages} value={page} onChange={setPage} />}
    </>
  );
}
