import { Button, Container, Divider, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { BackupPreview } from '../../shared/schemas/backups';
import { RestoreFromFile, RestoreModal } from '../features/backups/BackupSettings';
import { SetupInput } from '../../shared/schemas/reference';
import { useZodForm } from '../components/useZodForm';
import { useSetup } from '../features/reference/mutations';
import { PageForm } from '../components/GuardedForm';

/**
 * First run: the township and the person who will operate the ledger — or, on a new PC, the office's
 * ledger restored from a backup brought on a USB stick (the empty ledger is replaced; 撤销恢复 stays offered).
 */
export function FirstRun({ dbPath }: { dbPath: string }) {
  const form = useZodForm({
    schema: SetupInput,
    initialValues: { townshipName: '', townshipShort: '', county: '', operatorName: '', operatorPost: '' },
  });

  const setup = useSetup(form);
  const submit = form.onSubmit((values) => void setup.run(values));
  const [restoring, setRestoring] = useState<BackupPreview | null>(null);

  return (
    <Container size={520} py={60}>
      <Paper withBorder p="xl" radius="md" shadow="sm">
        <PageForm form={form} onSubmit={submit}>
          <Stack>
            <div>
              <Title order={2}>乡镇司法台账 · 首次设置</Title>
              <Text c="dimmed" size="sm" mt={4}>
                填写本乡镇的基本信息。纠纷类型、纠纷来源等字典将按全国通行口径自动建立，之后可在“设置”中调整。
              </Text>
            </div>
            <TextInput
              label="乡镇名称"
              placeholder="如：高寨乡"
              withAsterisk
              data-autofocus
              autoFocus
              {...form.getInputProps('townshipName')}
            />
            <TextInput label="简称（用于案号）" placeholder="留空则使用乡镇名称" {...form.getInputProps('townshipShort')} />
            <TextInput label="所属县（市、区）" placeholder="如：某某县" withAsterisk {...form.getInputProps('county')} />
            <TextInput
              label="您的姓名"
              description="将作为当前操作人记入每一条修改记录"
              withAsterisk
              {...form.getInputProps('operatorName')}
            />
            <TextInput label="职务" placeholder="如：调委会主任" {...form.getInputProps('operatorPost')} />
            <Text size="xs" c="dimmed">
              账本文件：{dbPath}
            </Text>
            <Button type="submit" loading={setup.saving}>
              完成设置，开始使用
            </Button>
          </Stack>
        </PageForm>
        <Divider my="lg" label="或者" />
        <Stack gap="xs">
          <Text size="sm" c="dimmed">
            已有本乡镇的账本备份（如从原来的电脑用U盘带来）？可以直接用它恢复，不必重新设置。
          </Text>
          <RestoreFromFile onPreview={setRestoring} />
        </Stack>
        {restoring && <RestoreModal preview={restoring} onClose={() => setRestoring(null)} />}
      </Paper>
    </Container>
  );
}
