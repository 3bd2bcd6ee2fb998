import { Button, Group, Paper, Stack, Title } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { useNavigate, useParams } from 'react-router';
import type { Person } from '../../../shared/schemas/persons';
import { PersonFields } from './PersonFields';
import { usePerson } from './queries';
import { usePersonForm } from './usePersonForm';
import { PageForm } from '../../components/GuardedForm';

function PersonEditor({ existing }: { existing?: Person }) {
  const navigate = useNavigate();
  const { form, save, saving, takenBy } = usePersonForm(existing);
  const submit = form.onSubmit(async (values) => {
    const saved = await save(values, (p) => `${p.name} 的信息已保存`);
    if (saved) navigate(`/persons/${saved.id}`);
  });
  return (
    <Paper withBorder p="lg" maw={900}>
      <PageForm form={form} onSubmit={submit} onLeave={() => navigate(-1)}>
        <Stack>
          <Title order={3}>{existing ? `编辑人员：${existing.name}` : '新建人员'}</Title>
          <PersonFields form={form} takenBy={takenBy} />
          <Group>
            <Button type="submit" loading={saving}>
              保存
            </Button>
            <Button variant="default" onClick={() => navigate(-1)}>
              取消
            </Button>
          </Group>
        </Stack>
      </PageForm>
    </Paper>
  );
}

export function PersonFormPage() {
  const { id } = useParams();
  const person = usePerson(id);
  if (id && !person.data) return <Loading center>正在加载人员信息…</Loading>;
  return <PersonEditor key={id ?? 'new'} existing={person.data?.person} />;
}
