/** 设置 → 账户 (administrators): the accounts with their roles and states, a new account, a reset password, and the login rules. */
import {
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  NumberInput,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { z } from 'zod';
import { chinaTime, ROLE_LABELS, ROLES, type Role, type SecuritySettings } from '../../../shared/domain/accounts';
import { formatInstant } from '../../../shared/instants';
import { AUDIT_ACTION_LABELS } from '../../../shared/schemas/reference';
import {
  ACCOUNT_EVENTS_SHOWN,
  Confirm,
  newPasswordRule,
  Password,
  SecurityInput,
  Username,
  type AccountRow,
} from '../../../shared/schemas/accounts';
import { OptId, optText } from '../../../shared/schemas/common';
import { FormModal, PageForm } from '../../components/GuardedForm';
import { Loading } from '../../components/Loading';
import { ModalActions } from '../../components/ModalActions';
import { selectProps, useZodForm } from '../../components/useZodForm';
import { useStaff } from '../reference/queries';
import { FormError, NewPassword } from './LoginGate';
import { useCreateAccount, useDisableAccount, useEncryptLedger, useResetPassword, useUpdateAccount, useUpdateSecurity } from './mutations';
import { useAccountEvents, useAccounts, useEncryption, useSecurity, useSessionStatus } from './queries';

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

function state(a: AccountRow): { label: string; color: string } {
  if (a.disabled) return { label: '已停用', color: 'gray' };
  if (a.lockedUntil) return { label: `锁定至 ${chinaTime(a.lockedUntil)}`, color: 'red' };
  if (!a.hasPassword) return { label: '未设密码', color: 'yellow' };
  if (a.mustChange) return { label: '待本人改密码', color: 'yellow' };
  return { label: '正常', color: 'green' };
}

function CreateAccount({ policy, onClose }: { policy: SecuritySettings; onClose: () => void }) {
  const staff = useStaff();
  const accounts = useAccounts();
  const taken = new Set((accounts.data ?? []).map((a) => a.staffId));
  const options = (staff.data ?? [])
    .filter((s) => s.active && s.kind === 'staff' && !taken.has(s.id))
    .map((s) => ({ value: s.id, label: s.name }));
  const schema = z
    .strictObject({
      staffId: OptId,
      name: optText('姓名', 20),
      post: optText('职务', 30),
      username: Username,
      role: z.enum(ROLES),
      password: Password,
      confirm: Confirm,
    })
    .superRefine(newPasswordRule(policy))
    .refine((v) => v.staffId || v.name, { path: ['name'], message: '请选择工作人员或填写姓名' });
  const form = useZodForm({
    schema,
    initialValues: { staffId: '', name: '', post: '', username: '', role: 'staff' as Role, password: '', confirm: '' },
    toInput: (v) => ({ ...v, staffId: v.staffId || undefined }),
  });
  const create = useCreateAccount(form);
  const submit = form.onSubmit(
    ({ confirm: _, staffId, ...v }) =>
      void create
        .run({ ...v, staffId: staffId || undefined }, (a) => `已为${a.name}新建账户，初次登录须修改密码`)
        .then((r) => r && onClose()),
  );
  const v = form.getValues();
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="新建账户">
      <Stack>
        <Select label="工作人员" placeholder="从工作人员中选择" clearable data={options} data-autofocus {...selectProps(form, 'staffId')} />
        {!v.staffId && (
          <Group grow>
            <TextInput label="或新人员姓名" description="如只查阅的分管领导" {...form.getInputProps('name')} />
            <TextInput label="职务" {...form.getInputProps('post')} />
          </Group>
        )}
        <TextInput label="用户名" withAsterisk autoComplete="off" {...form.getInputProps('username')} />
        <Select label="角色" data={roleOptions} allowDeselect={false} withAsterisk {...form.getInputProps('role')} />
        <NewPassword form={form} policy={policy} label="初始密码" />
        <ModalActions onCancel={onClose} loading={create.saving} submit="新建" />
      </Stack>
    </FormModal>
  );
}

function ResetPassword({ account, policy, onClose }: { account: AccountRow; policy: SecuritySettings; onClose: () => void }) {
  const schema = z.strictObject({ username: z.string(), password: Password, confirm: Confirm }).superRefine(newPasswordRule(policy));
  const form = useZodForm({ schema, initialValues: { username: account.username, password: '', confirm: '' } });
  const reset = useResetPassword(form);
  const submit = form.onSubmit(
    (v) => void reset.run({ id: account.id, password: v.password }, `已重设${account.name}的密码，并解除锁定`).then((r) => r && onClose()),
  );
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`重设密码：${account.name}（${account.username}）`}>
      <Stack>
        <Text size="sm" c="dimmed">
          重设后账户即解除锁定；本人下次登录时须改为自己的密码。
        </Text>
        <NewPassword form={form} policy={policy} label="新的初始密码" />
        <ModalActions onCancel={onClose} loading={reset.saving} submit="重设密码" />
      </Stack>
    </FormModal>
  );
}

/** The recovery code, shown once: copied or printed and sealed in the office's safe before it is closed. */
function RecoveryCode({ code, backupPath, onClose }: { code: string; backupPath: string; onClose: () => void }) {
  const [kept, setKept] = useState(false);
  return (
    <Modal
      opened
      onClose={() => kept && onClose()}
      title="账本已加密：请保存恢复码"
      size="lg"
      closeOnClickOutside={false}
      withCloseButton={kept}
    >
      <Stack>
        <Text size="sm">
          忘记密码或管理员离职时，只有这个恢复码能打开账本。它只显示这一次，程序不保存它：请抄写或打印，签字后封存于单位保险柜。
        </Text>
        <Code block fz="xl" ta="center" data-testid="recovery-code">
          {code}
        </Code>
        <Text size="sm" c="dimmed">
          加密前的明文备份：{backupPath}。确认加密后的账本能正常打开后，请按单位规定妥善保管或删除它。
        </Text>
        <Group justify="space-between">
          <Button variant="default" onClick={() => window.print()}>
            打印
          </Button>
          <Group>
            <Checkbox label="我已抄写或打印并封存恢复码" checked={kept} onChange={(e) => setKept(e.currentTarget.checked)} />
            <Button disabled={!kept} onClick={onClose}>
              完成
            </Button>
          </Group>
        </Group>
      </Stack>
    </Modal>
  );
}

/** 账本加密: the state, and 加密账本 after the administrator's password (its recovery code shown once). */
function Encryption() {
  const state = useEncryption();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState<{ recoveryCode: string; backupPath: string } | null>(null);
  const form = useZodForm({
    schema: z.strictObject({ password: z.string().min(1, '请输入您的登录密码') }),
    initialValues: { password: '' },
  });
  const encrypt = useEncryptLedger(form);
  const submit = form.onSubmit(
    (v) =>
      void encrypt.run(v).then((r) => {
        if (!r) return;
        setAsking(false);
        setDone(r);
      }),
  );
  if (!state.data) return null;
  return (
    <Stack gap="xs">
      <Title order={4}>账本加密</Title>
      {state.data.encrypted ? (
        <Text size="sm">
          账本已加密：账本文件、写前日志和每个备份都须用账户的登录密码或恢复码才能打开。各账户设置或修改密码后，即可用自己的密码解锁。
        </Text>
      ) : (
        <Group justify="space-between" align="flex-start">
          <Text size="sm" c="dimmed" maw={720}>
            账本尚未加密：文件被拷走即可读取。加密前先做一次明文备份并校验；较大的账本需要几分钟。加密后只显示一次恢复码，请打印后封存于保险柜。
          </Text>
          <Button onClick={() => setAsking(true)}>加密账本…</Button>
        </Group>
      )}
      {asking && (
        <FormModal form={form} onSubmit={submit} onClose={() => setAsking(false)} title="加密账本">
          <Stack>
            <Text size="sm">请输入您（管理员）的登录密码：它将用于解锁加密后的账本。</Text>
            <PasswordInput label="登录密码" data-autofocus {...form.getInputProps('password')} />
            <FormError error={form.errors._form} />
            <ModalActions onCancel={() => setAsking(false)} loading={encrypt.saving} submit="加密" />
          </Stack>
        </FormModal>
      )}
      {done && <RecoveryCode code={done.recoveryCode} backupPath={done.backupPath} onClose={() => setDone(null)} />}
    </Stack>
  );
}

function SecurityForm({ security }: { security: SecuritySettings }) {
  const form = useZodForm({ schema: SecurityInput, initialValues: security });
  const update = useUpdateSecurity(form);
  const submit = form.onSubmit((v) => void update.run(v, '登录与密码规则已保存'));
  const maxAge = form.getValues().passwordMaxAgeDays;
  return (
    <PageForm form={form} onSubmit={submit} autoFocus={false}>
      <Stack maw={560} gap="sm">
        <Title order={4}>登录与密码规则</Title>
        <Text size="xs" c="dimmed">
          默认以长度为先（至少10个字符，不强制字符种类和定期更换）；如等级保护测评要求，可开启字符种类和更换周期。
        </Text>
        <NumberInput
          label="密码最短长度（字符）"
          min={8}
          max={64}
          allowDecimal={false}
          w={240}
          {...form.getInputProps('passwordMinLength')}
        />
        <Switch label="须包含大写字母、小写字母、数字、符号中的至少三类" {...form.getInputProps('passwordClasses', { type: 'checkbox' })} />
        <Group align="flex-end">
          <Switch
            label="定期更换密码"
            checked={maxAge !== null}
            onChange={(e) => form.setFieldValue('passwordMaxAgeDays', e.currentTarget.checked ? 90 : null)}
          />
          {maxAge !== null && (
            <NumberInput
              label="更换周期（天）"
              min={1}
              max={3650}
              allowDecimal={false}
              w={160}
              {...form.getInputProps('passwordMaxAgeDays')}
            />
          )}
        </Group>
        <Group>
          <NumberInput
            label="连续输错几次后锁定"
            min={1}
            max={20}
            allowDecimal={false}
            w={200}
            {...form.getInputProps('lockoutThreshold')}
          />
          <NumberInput label="锁定时长（分钟）" min={1} max={1440} allowDecimal={false} w={200} {...form.getInputProps('lockoutMinutes')} />
        </Group>
        <NumberInput label="无操作自动锁定（分钟）" min={1} max={240} allowDecimal={false} w={240} {...form.getInputProps('idleMinutes')} />
        <Button type="submit" w={120} loading={update.saving}>
          保存
        </Button>
      </Stack>
    </PageForm>
  );
}

/** The header row of the page's two tables (each column named once; '' for the actions column). */
function Head({ columns }: { columns: string[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c) => (
          <Table.Th key={c}>{c}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}

/** A value of an event's row as said on screen: a lock's end in China's time, a role by its name. */
function shown(key: string, v: unknown): string {
  if (key === '锁定至' && typeof v === 'string') return chinaTime(v);
  if (key === '角色' && typeof v === 'string' && v in ROLE_LABELS) return ROLE_LABELS[v as Role];
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** What an event's audit row says besides, in one line (用户名：admin；连续失败：3). */
function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .map(([k, v]) => `${k}：${shown(k, v)}`)
    .join('；');
}

/** 登录与账户记录: every login, failure, lock, logout and account change (等保: each attempt with its time, user and result). */
function AccountEvents() {
  const events = useAccountEvents();
  if (!events.data) return <Loading>正在读取登录记录…</Loading>;
  return (
    <Stack gap="xs">
      <Title order={4}>登录与账户记录</Title>
      <Text size="xs" c="dimmed">
        最近 {ACCOUNT_EVENTS_SHOWN} 条，最新的在前；全部记录在审计记录中，随账本和备份保存。
      </Text>
      <Table striped withTableBorder aria-label="登录与账户记录">
        <Head columns={['时间', '人员', '事件', '详情']} />
        <Table.Tbody>
          {events.data.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>{formatInstant(e.at)}</Table.Td>
              <Table.Td>{e.actorName}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={e.action === 'login-failed' || e.action === 'lockout' ? 'red' : 'gray'}>
                  {AUDIT_ACTION_LABELS[e.action] ?? e.action}
                </Badge>
              </Table.Td>
              <Table.Td>{detailText(e.detail)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function AccountSettings() {
  const accounts = useAccounts();
  const security = useSecurity();
  const me = useSessionStatus().data?.user;
  const update = useUpdateAccount();
  const disable = useDisableAccount();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AccountRow | null>(null);
  if (!accounts.data || !security.data) return <Loading>正在读取账户…</Loading>;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          管理员：设置、账户、备份与恢复；工作人员：登记和办理台账；查阅：只能查看和导出，不能修改。
        </Text>
        <Button onClick={() => setCreating(true)}>新建账户</Button>
      </Group>
      <Table striped withTableBorder aria-label="账户">
        <Head columns={['姓名', '用户名', '角色', '状态', '上次登录', '']} />
        <Table.Tbody>
          {accounts.data.map((a) => {
            const st = state(a);
            return (
              <Table.Tr key={a.id}>
                <Table.Td>
                  {a.name}
                  {a.staffId === me?.staffId && (
                    <Text span size="xs" c="dimmed" ml={4}>
                      （本人）
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{a.username}</Table.Td>
                <Table.Td>
                  <Select
                    aria-label={`${a.name}的角色`}
                    size="xs"
                    w={110}
                    data={roleOptions}
                    value={a.role}
                    allowDeselect={false}
                    onChange={(r) => {
                      if (r && r !== a.role)
                        void update.run({ id: a.id, role: r as Role }, `${a.name}的角色已改为${ROLE_LABELS[r as Role]}`);
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Badge color={st.color} variant="light">
                    {st.label}
                  </Badge>
                </Table.Td>
                <Table.Td>{a.lastLoginAt ? formatInstant(a.lastLoginAt) : '—'}</Table.Td>
                <Table.Td>
                  <Group gap={4} justify="flex-end">
                    <Button size="compact-xs" variant="light" onClick={() => setResetting(a)}>
                      重设密码
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color={a.disabled ? 'blue' : 'red'}
                      onClick={() =>
                        void disable.run(
                          { id: a.id, disabled: !a.disabled },
                          a.disabled ? `已启用${a.name}的账户` : `已停用${a.name}的账户`,
                        )
                      }
                    >
                      {a.disabled ? '启用' : '停用'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <SecurityForm security={security.data} />
      <Encryption />
      <AccountEvents />
      {creating && <CreateAccount policy={security.data} onClose={() => setCreating(false)} />}
      {resetting && <ResetPassword account={resetting} policy={security.data} onClose={() => setResetting(null)} />}
    </Stack>
  );
}
