/**
 * The login in front of the whole window: the administrator's first password after an upgrade, the login
 * (and the same form as the lock screen after idle time), the forced change of a first password, and the
 * idle watch. While nobody is logged in, or the session is locked, nothing of the ledger stays in the page:
 * the app is unmounted and every cached answer but the session's is dropped.
 */
import { Alert, Button, Center, Container, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import { describePolicy, ROLE_LABELS, type SecuritySettings } from '../../../shared/domain/accounts';
import { Confirm, LoginInput, newPasswordRule, type SessionStatus } from '../../../shared/schemas/accounts';
import { errorMessage } from '../../api/client';
import { FormModal, PageForm } from '../../components/GuardedForm';
import { Loading } from '../../components/Loading';
import { ModalActions } from '../../components/ModalActions';
import { useZodForm } from '../../components/useZodForm';
import { z } from 'zod';
import { useChangePassword, useLock, useLogin, useSetupAdmin } from './mutations';
import { refKeys } from '../reference/queries';
import { accountKeys, useSessionLost, useSessionStatus } from './queries';

function Frame({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Container size={440} py={80}>
      <Paper withBorder p="xl" radius="md" shadow="sm">
        <Stack>
          <Title order={2}>{title}</Title>
          {children}
        </Stack>
      </Paper>
    </Container>
  );
}

/** The form's own message (a refused login: the host names no field), shown above the button. */
export function FormError({ error }: { error: ReactNode }) {
  return error ? (
    <Alert color="red" role="alert" data-testid="form-error">
      {error}
    </Alert>
  ) : null;
}

function LoginScreen({ status }: { status: SessionStatus }) {
  const lockedAs = status.locked ? status.user : null;
  const form = useZodForm({ schema: LoginInput, initialValues: { username: lockedAs?.username ?? '', password: '' } });
  const login = useLogin(form);
  const submit = form.onSubmit((values) => {
    void login.run(values).then((r) => {
      if (!r) form.setFieldValue('password', '');
    });
  });
  return (
    <Frame title={lockedAs ? '乡镇司法台账 · 已锁定' : '乡镇司法台账 · 登录'}>
      <Text c="dimmed" size="sm">
        {lockedAs
          ? `${lockedAs.name}（${ROLE_LABELS[lockedAs.role]}）的会话已锁定，请重新输入密码。也可以换另一个账户登录。`
          : '请输入您的用户名和密码。'}
      </Text>
      <PageForm form={form} onSubmit={submit} autoFocus={false}>
        <Stack>
          <TextInput label="用户名" autoComplete="username" autoFocus={!lockedAs} data-autofocus {...form.getInputProps('username')} />
          <PasswordInput label="密码" autoComplete="current-password" autoFocus={!!lockedAs} {...form.getInputProps('password')} />
          <FormError error={form.errors._form} />
          <Button type="submit" loading={login.saving}>
            登录
          </Button>
        </Stack>
      </PageForm>
    </Frame>
  );
}

/** A new password, twice, with the policy said beside it and checked as it is typed. */
function NewPassword({
  form,
  policy,
  field = 'password',
  label = '密码',
}: {
  // biome-ignore lint/suspicious/noExplicitAny: any form with the field and `confirm`
  form: ReturnType<typeof useZodForm<any>>;
  policy: SecuritySettings;
  field?: string;
  label?: string;
}) {
  return (
    <>
      <PasswordInput
        label={label}
        description={describePolicy(policy)}
        autoComplete="new-password"
        withAsterisk
        {...form.getInputProps(field)}
        onChange={(e) => {
          form.setFieldValue(field, e.currentTarget.value);
          form.validateField(field);
        }}
      />
      <PasswordInput label={`再次输入${label}`} autoComplete="new-password" withAsterisk {...form.getInputProps('confirm')} />
    </>
  );
}

export { NewPassword };

function AdminPasswordScreen({ status }: { status: SessionStatus }) {
  const admin = status.needsAdminPassword!;
  const schema = z
    .strictObject({ username: z.string(), password: z.string(), confirm: Confirm })
    .superRefine(newPasswordRule(status.policy));
  const form = useZodForm({ schema, initialValues: { username: admin.username, password: '', confirm: '' } });
  const setup = useSetupAdmin(form);
  const submit = form.onSubmit((v) => void setup.run({ password: v.password }, '管理员密码已设置'));
  return (
    <Frame title="设置管理员密码">
      <Text size="sm">
        本账本已升级为按账户登录。每位在岗工作人员都已有账户（用户名为其姓名），但还没有密码。请先为管理员
        <b>
          {admin.name}（用户名：{admin.username}）
        </b>
        设置密码；之后由管理员在“设置 → 账户”中为其他同事设置初始密码。
      </Text>
      <PageForm form={form} onSubmit={submit}>
        <Stack>
          <NewPassword form={form} policy={status.policy} />
          <Button type="submit" loading={setup.saving}>
            设置密码并登录
          </Button>
        </Stack>
      </PageForm>
    </Frame>
  );
}

function changeSchema(status: SessionStatus) {
  return z
    .strictObject({ username: z.string(), current: z.string().min(1, '请输入原密码'), next: z.string(), confirm: Confirm })
    .superRefine(newPasswordRule(status.policy, 'next'))
    .refine((v) => v.next !== v.current, { path: ['next'], message: '新密码不能与原密码相同' });
}

function ChangePasswordFields({ form, status }: { form: ReturnType<typeof useZodForm<ChangeValues>>; status: SessionStatus }) {
  return (
    <>
      <PasswordInput label="原密码" autoComplete="current-password" withAsterisk data-autofocus {...form.getInputProps('current')} />
      <NewPassword form={form} policy={status.policy} field="next" label="新密码" />
    </>
  );
}

type ChangeValues = { username: string; current: string; next: string; confirm: string };

function useChangeForm(status: SessionStatus) {
  const form = useZodForm<ChangeValues>({
    schema: changeSchema(status),
    initialValues: { username: status.user?.username ?? '', current: '', next: '', confirm: '' },
  });
  return { form, change: useChangePassword(form) };
}

/** Forced: a first password given by the administrator, or one past the change interval. */
function ForcedChange({ status }: { status: SessionStatus }) {
  const { form, change } = useChangeForm(status);
  const submit = form.onSubmit((v) => void change.run({ current: v.current, next: v.next }, '密码已修改'));
  return (
    <Frame title="修改密码">
      <Text size="sm">{status.user?.name}，您的密码是初始密码或已到更换期限，请先设置您自己的新密码。</Text>
      <PageForm form={form} onSubmit={submit}>
        <Stack>
          <ChangePasswordFields form={form} status={status} />
          <Button type="submit" loading={change.saving}>
            修改密码并继续
          </Button>
        </Stack>
      </PageForm>
    </Frame>
  );
}

/** 修改密码 from the header. */
export function ChangePasswordModal({ onClose }: { onClose: () => void }) {
  const status = useSessionStatus();
  if (!status.data) return null;
  return <ChangePasswordDialog status={status.data} onClose={onClose} />;
}

function ChangePasswordDialog({ status, onClose }: { status: SessionStatus; onClose: () => void }) {
  const { form, change } = useChangeForm(status);
  const submit = form.onSubmit((v) => void change.run({ current: v.current, next: v.next }, '密码已修改').then((r) => r && onClose()));
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="修改密码">
      <Stack>
        <ChangePasswordFields form={form} status={status} />
        <ModalActions onCancel={onClose} loading={change.saving} submit="修改密码" />
      </Stack>
    </FormModal>
  );
}

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'mousemove', 'touchstart'] as const;

/** Locks the session after the idle minutes without a key or the mouse (the host locks it too, by its own clock). */
function IdleWatcher({ minutes }: { minutes: number }) {
  const lock = useLock();
  const last = useRef(Date.now());
  const run = useRef(lock.run);
  run.current = lock.run;
  useEffect(() => {
    const touch = () => {
      last.current = Date.now();
    };
    for (const e of ACTIVITY) window.addEventListener(e, touch, { passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - last.current >= minutes * 60_000) {
        last.current = Date.now();
        void run.current({ idle: true });
      }
    }, 15_000);
    return () => {
      for (const e of ACTIVITY) window.removeEventListener(e, touch);
      window.clearInterval(timer);
    };
  }, [minutes]);
  return null;
}

/** What the login screens themselves read: the session and whether the ledger is set up. */
const KEPT = new Set([JSON.stringify(accountKeys.session), JSON.stringify(refKeys.status)]);

/** Shows the app only to a logged-in, unlocked account that needs no new password. */
export function LoginGate({ children }: { children: ReactNode }) {
  useSessionLost();
  const status = useSessionStatus();
  const qc = useQueryClient();
  const open = !!status.data?.user && !status.data.locked && !status.data.mustChange;
  useEffect(() => {
    // Out of the session: nothing read while logged in stays in the window's memory.
    if (status.data && !open) qc.removeQueries({ predicate: (q) => !KEPT.has(JSON.stringify(q.queryKey)) });
  }, [status.data, open, qc]);
  if (status.isLoading) {
    return (
      <Center h="100vh">
        <Loading>正在打开账本…</Loading>
      </Center>
    );
  }
  if (!status.data) {
    return (
      <Center h="100vh">
        <Text c="red">{errorMessage(status.error)}</Text>
      </Center>
    );
  }
  const s = status.data;
  if (s.needsAdminPassword) return <AdminPasswordScreen status={s} />;
  if (!s.user || s.locked) return <LoginScreen key={`${s.user?.accountId}-${s.locked}`} status={s} />;
  if (s.mustChange) return <ForcedChange status={s} />;
  return (
    <>
      <IdleWatcher minutes={s.policy.idleMinutes} />
      {children}
    </>
  );
}
