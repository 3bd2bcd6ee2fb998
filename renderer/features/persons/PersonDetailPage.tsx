import { Alert, Anchor, Badge, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { MODULE_INFO, recordPath } from '../../../shared/modules';
import { Link, useNavigate, useParams } from 'react-router';
import { SEX_LABELS } from '../../../shared/dictionaries';
import { PERSON_KIND_LABELS } from '../../../shared/schemas/persons';
import { errorMessage } from '../../api/client';
import { AuditHistory } from '../../components/AuditHistory';
import { confirmDelete } from '../../components/ConfirmDelete';
import { useDeletePerson } from './mutations';
import { usePerson } from './queries';

function Field({ label, value }: { label: string; value: string | null | undefined }) {
  return (
    <Grid.Col span={{ base: 6, md: 4 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </Grid.Col>
  );
}

export function PersonDetailPage() {
  const { id } = useParams();
  const navigate = useNavigate();
  const q = usePerson(id);
  const del = useDeletePerson();
  if (q.isLoading) return <Loading center>正在加载人员信息…</Loading>;
  if (!q.data) return <Alert color="red">{errorMessage(q.error)}</Alert>;
  const { person: p, records, warnings } = q.data;

  const remove = async () => {
    if (!(await confirmDelete('删除人员', `确定删除“${p.name}”吗？删除后可在回收站恢复。`))) return;
    if (await del.run(p.id, `“${p.name}”已移入回收站`)) navigate('/persons');
  };

  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <Title order={3}>{p.name}</Title>
          {p.deletedAt && <Badge color="gray">已删除</Badge>}
        </Group>
        {!p.deletedAt && (
          <Group>
            <Button variant="default" component={Link} to={`/persons/${p.id}/edit`}>
              编辑
            </Button>
            <Button color="red" variant="light" onClick={remove}>
              删除
            </Button>
          </Group>
        )}
      </Group>
      {warnings.length > 0 && (
        <Alert color="yellow" title="请核对">
          {warnings.join('；')}
        </Alert>
      )}
      <Card withBorder>
        <Grid gap="sm">
          {p.kind === 'organisation' ? (
            <>
              <Field label="类别" value={PERSON_KIND_LABELS.organisation} />
              <Field label="统一社会信用代码" value={p.creditCode} />
              <Field label="法定代表人（负责人）" value={p.legalRep} />
              <Field label="联系电话" value={p.phone} />
              <Field label="住所" value={p.residenceAddress} />
            </>
          ) : (
            <>
              <Field label="性别" value={p.sex ? SEX_LABELS[p.sex] : null} />
              <Field label="公民身份号码" value={p.idNumber} />
              <Field label="出生日期" value={p.birthDate} />
              <Field label="民族" value={p.ethnicity} />
              <Field label="联系电话" value={p.phone} />
              <Field label="职业或职务" value={p.occupation} />
              <Field label="工作单位" value={p.workUnit} />
              <Field label="村（社区）/网格" value={[p.villageName, p.gridName].filter(Boolean).join(' / ')} />
              <Field label="户籍地址" value={p.householdAddress} />
              <Field label="居住地址" value={p.residenceAddress} />
            </>
          )}
          <Field label="备注" value={p.notes} />
        </Grid>
      </Card>
      <Card withBorder>
        <Title order={5} mb="xs">
          相关记录
        </Title>
        {records.length === 0 ? (
          <Text c="dimmed" size="sm">
            台账中还没有记录涉及此人。
          </Text>
        ) : (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>类别</Table.Th>
                <Table.Th>记录</Table.Th>
                <Table.Th>身份</Table.Th>
                <Table.Th>日期</Table.Th>
                <Table.Th>状态</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((r) => (
                <Table.Tr key={`${r.module}-${r.id}`}>
                  <Table.Td>{MODULE_INFO[r.module].label}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={recordPath(r.module, r.id)}>
                      {r.title}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{r.role}</Table.Td>
                  <Table.Td>{r.date}</Table.Td>
                  <Table.Td>{r.status}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Card>
      <AuditHistory entity="person" id={p.id} />
    </Stack>
  );
}
