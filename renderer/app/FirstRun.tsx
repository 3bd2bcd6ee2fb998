import { Button, Container, Divider, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { DEFAULT_SECURITY } from '../../shared/domain/accounts';
import { Confirm, newPasswordRule, Password, Username } from '../../shared/schemas/accounts';
import { NewPassword } from '../features/accounts/LoginGate';
import { useState } from 'react';
import type { BackupPreview } from '../../shared/schemas/backups';
import { RestoreFromFile, RestoreModal } from '../features/backups/BackupSettings';
import { SetupInput } from '../../shared/schemas/reference';
import { useZodForm } from '../components/useZodForm';
import { useSetup } from '../features/reference/mutations';
import { PageForm } from '../components/GuardedForm';

/** The form's fields: the administrator's username and password are required here (the host takes setup without them, as after an upgrade). */
const SetupForm = SetupInput.extend({ username: Username, password: Password, confirm: Confirm }).superRefine(
  newPasswordRule(DEFAULT_SECURITY),
);

/**
 * First run: the township and its administrator, who logs in with the username and password set here — or, on a new PC, the office's
 * ledger restored from a backup brought on a USB stick (the empty ledger is replaced; 撤销恢复 stays offered).
 */
export function FirstRun({ dbPath }: { dbPath: string }) {
  const form = useZodForm({
    schema: SetupForm,
    initialValues: {
      townshipName: '',
      townshipShort: '',
      county: '',
      operatorName: '',
      operatorPost: '',
      username: '',
      password: '',
      confirm: '',
    },
  });

  const setup = useSetup(form);
  const submit = form.onSubmit(({ confirm: _, ...values }) => void setup.run(values));
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
              description="您将是本账本的管理员；每一条修改记录都记在登录者名下"
              withAsterisk
              {...form.getInputProps('operatorName')}
            />
            <TextInput label="职务" placeholder="如：调委会主任" {...form.getInputProps('operatorPost')} />
            <TextInput
              label="管理员用户名"
              description="登录时使用，可以是您的姓名或拼音"
              autoComplete="username"
              withAsterisk
              {...form.getInputProps('username')}
            />
            <NewPassword form={form} policy={DEFAULT_SECURITY} label="管理员密码" />
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
