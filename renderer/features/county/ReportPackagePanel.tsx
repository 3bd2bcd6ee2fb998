/**
 * 上报包 (设置 → 上报包): pick the period and the ledgers, pick where to write (the removable drives first),
 * give the password the county will use, and write one verified package. The password is sent to the
 * host for this one package and kept nowhere.
 */
import { PathInput } from '../../components/PathInput';
import { Alert, Button, Checkbox, Group, PasswordInput, Radio, Select, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { REPORT_PERIOD_KIND_LABELS, REPORT_PERIOD_KINDS } from '../../../shared/domain/report-period';
import { formatSize } from '../../../shared/schemas/attachments';
import { ReportPackageInput, type ReportPackageResult } from '../../../shared/schemas/county';
import type { ModuleName } from '../../../shared/modules';
import { errorMessage } from '../../api/client';
import { PageForm } from '../../components/GuardedForm';
import { Loading } from '../../components/Loading';
import { useZodForm } from '../../components/useZodForm';
import { useMakePackage } from './mutations';
import { useReportPackageOptions } from './queries';

const OTHER = '';

interface Values {
  period: string;
  modules: ModuleName[];
  destination: string;
  other: string;
  password: string;
  confirm: string;
}

export function ReportPackagePanel() {
  const options = useReportPackageOptions();
  if (options.isLoading) return <Loading center>正在读取…</Loading>;
  if (options.error || !options.data) return <Text c="red">{errorMessage(options.error)}</Text>;
  return <PackageForm options={options.data} />;
}

function PackageForm({ options }: { options: NonNullable<ReturnType<typeof useReportPackageOptions>['data']> }) {
  const periods = options.periods;
  const first = options.destinations[0]?.path ?? OTHER;
  const toInput = (v: Values) => ({
    period: v.period,
    modules: v.modules,
    folder: v.destination === OTHER ? v.other.trim() : v.destination,
    password: v.password,
  });
  const form = useZodForm<Values>({
    schema: ReportPackageInput,
    initialValues: {
      period: periods.month[0]!.key,
      modules: options.modules.map((m) => m.module),
      destination: first,
      other: '',
      password: '',
      confirm: '',
    },
    toInput,
    toFormPath: (path, v) => (path === 'folder' ? (v.destination === OTHER ? 'other' : 'destination') : path),
  });
  const make = useMakePackage(form);
  const [done, setDone] = useState<ReportPackageResult | null>(null);

  const submit = form.onSubmit(async (v) => {
    if (v.password !== v.confirm) {
      form.setFieldError('confirm', '两次输入的密码不一致');
      return;
    }
    setDone(null);
    const r = await make.run(toInput(v), (x) => `已写到 ${x.path}`);
    if (r) {
      setDone(r);
      form.setValues({ password: '', confirm: '' });
      form.resetDirty();
    }
  });

  return (
    <PageForm form={form} onSubmit={submit} autoFocus={false} data-testid="report-package-form">
      <Stack maw={760}>
        <Text size="sm" c="dimmed">
          上报包写在一个文件夹里：所选台账和本期统计表（.xlsx，可直接用 Excel/WPS
          打开），以及供县级程序读取的加密数据和说明文件（manifest.json，记有乡镇、期间、条数、每个文件的 SHA-256
          和审计记录链头）。写完后会读回校验，确认无误才改为正式名称；U盘上原有的上报包不受影响。
        </Text>
        <Select
          label="上报期间"
          w={320}
          allowDeselect={false}
          data={REPORT_PERIOD_KINDS.map((k) => ({
            group: REPORT_PERIOD_KIND_LABELS[k],
            items: periods[k].map((p) => ({ value: p.key, label: p.label })),
          }))}
          {...form.getInputProps('period')}
        />
        <Checkbox.Group label="台账" {...form.getInputProps('modules')}>
          <Group mt={6}>
            {options.modules.map((m) => (
              <Checkbox key={m.module} value={m.module} label={m.figures ? `${m.label}（含统计）` : m.label} />
            ))}
          </Group>
        </Checkbox.Group>
        <Radio.Group
          label="保存到"
          description={
            options.destinations.some((d) => d.removable)
              ? '先列出插在本机上的U盘'
              : '没有发现插在本机上的U盘；插上后重新打开本页，或选其他文件夹'
          }
          {...form.getInputProps('destination')}
        >
          <Stack gap={6} mt={6}>
            {options.destinations.map((d) => (
              <Radio key={d.path} value={d.path} label={d.label} />
            ))}
            <Radio value={OTHER} label="其他文件夹" />
          </Stack>
        </Radio.Group>
        {form.values.destination === OTHER && (
          <PathInput kind="folder" label="文件夹" placeholder="E:\上报" w={460} {...form.getInputProps('other')} />
        )}
        <Stack gap={4}>
          <Group align="flex-start">
            <PasswordInput label="密码" w={300} {...form.getInputProps('password')} />
            <PasswordInput label="再输一次" w={300} {...form.getInputProps('confirm')} />
          </Group>
          <Text size="xs" c="dimmed">
            至少 8 个字符。密码不会保存在任何地方，请另行告知县级接收人；没有密码，谁也打不开其中的数据。
          </Text>
        </Stack>
        <Group>
          <Button type="submit" loading={make.saving}>
            生成上报包
          </Button>
        </Group>
        {done && (
          <Alert color="green" title="上报包已写成并校验" data-testid="package-done">
            <Stack gap="xs">
              <Text size="sm" style={{ wordBreak: 'break-all' }}>
                {done.path}
              </Text>
              <Table withTableBorder>
                <Table.Tbody>
                  {done.files.map((f) => (
                    <Table.Tr key={f.name}>
                      <Table.Td>{f.name}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatSize(f.size)}</Table.Td>
                      <Table.Td>
                        <Text size="xs" ff="monospace" c="dimmed">
                          {f.sha256.slice(0, 16)}…
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Stack>
          </Alert>
        )}
      </Stack>
    </PageForm>
  );
}
