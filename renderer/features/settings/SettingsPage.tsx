import {
  ActionIcon,
  Badge,
  Button,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Suspense, useState } from 'react';
import { useSearchParams } from 'react-router';
import { BackupSettings } from '../backups/BackupSettings';
import { ReportPackagePanel } from '../county/ReportPackagePanel';
import { AuditSettings } from '../audit/AuditSettings';
import { AccountSettings } from '../accounts/AccountSettings';
import { useSessionStatus } from '../accounts/queries';
import { HandOverModal } from './HandOverModal';
import { VillageSettings } from './VillageSettings';
import { DICT_KIND_LABELS, type DictKind } from '../../../shared/dictionaries';
import { formatCaseNumber } from '../../../shared/domain/case-number';
import {
  DEADLINE_UNIT_LABELS,
  DEADLINE_UNITS,
  FAILURE_VISIT_SOURCE,
  SettingsInput,
  STAFF_KIND_LABELS,
  STAFF_KINDS,
  StaffInput,
  staffLabels,
  type Settings,
  type Staff,
} from '../../../shared/schemas/reference';
import { FormModal, PageForm, useConfirmLeave } from '../../components/GuardedForm';
import { useZodForm, zodErrors } from '../../components/useZodForm';
import { HolidaySettings } from '../schedule/HolidaySettings';
import { useAddDict, useSaveStaff, useSetDictActive, useUpdateSettings } from '../reference/mutations';
import { useDicts, useSettings, useSetupStatus, useStaff } from '../reference/queries';
import { ModalActions } from '../../components/ModalActions';
import { Loading } from '../../components/Loading';
import { useUiModules } from '../../components/modules';
import { MODULES } from '../../../shared/modules';

function TownshipSettings({ settings }: { settings: Settings }) {
  const status = useSetupStatus();
  const form = useZodForm({ schema: SettingsInput, initialValues: settings });
  const update = useUpdateSettings(form);
  const v = form.getValues();
  const sample = zodErrors(SettingsInput, v).disputeNumberPattern
    ? ''
    : formatCaseNumber(v.disputeNumberPattern, { township: v.townshipShort, year: 2024, seq: 12 });
  const submit = form.onSubmit((values) => void update.run(values, '乡镇信息已保存'));
  return (
    <PageForm form={form} onSubmit={submit}>
      <Stack maw={560}>
        <TextInput label="乡镇名称" withAsterisk {...form.getInputProps('townshipName')} />
        <TextInput label="简称（用于案号）" withAsterisk {...form.getInputProps('townshipShort')} />
        <TextInput label="所属县（市、区）" withAsterisk {...form.getInputProps('county')} />
        <TextInput
          label="纠纷登记案号格式"
          description="{township} 简称，{year} 年份，{seq} 序号（{seq:3} 补足3位）；序号每年从1开始"
          withAsterisk
          {...form.getInputProps('disputeNumberPattern')}
        />
        {sample && (
          <Text size="sm" c="dimmed">
            示例：{sample}
          </Text>
        )}
        <Group align="flex-end" gap="xs">
          <NumberInput
            label="纠纷默认办理期限"
            description="自登记之日起计算；按月计的，到期日为次月同日（无同日的为月末）"
            min={1}
            max={365}
            allowDecimal={false}
            withAsterisk
            w={300}
            {...form.getInputProps('disputeDeadline.count')}
          />
          <SegmentedControl
            aria-label="期限单位"
            data={DEADLINE_UNITS.map((u) => ({ value: u, label: DEADLINE_UNIT_LABELS[u] }))}
            {...form.getInputProps('disputeDeadline.unit')}
          />
        </Group>
        <CategoryDeadlines
          value={v.categoryDeadlineDays}
          onChange={(next) => form.setFieldValue('categoryDeadlineDays', next)}
          error={form.errors.categoryDeadlineDays}
        />
        <TextInput
          label="人民调解委员会名称"
          description="印在调解文书上"
          withAsterisk
          maxLength={50}
          {...form.getInputProps('committeeName')}
        />
        <TextInput
          label="人民调解卷宗号格式"
          description="如：（{year}）{township}人调字第{seq}号。{township} 为调委会简称：本调委会用乡镇简称，村（社区）等调委会用其名称去掉“人民调解委员会”；各调委会分别编号"
          withAsterisk
          {...form.getInputProps('mediationNumberPattern')}
        />
        <NumberInput
          label="协议生效后回访间隔（天）"
          min={1}
          max={365}
          allowDecimal={false}
          withAsterisk
          {...form.getInputProps('returnVisitDays')}
        />
        <Stack gap={4} data-testid="failure-visit-setting">
          <Group align="flex-end" gap="xs">
            <Switch
              label="调解不成、终止调解后安排回访（了解纠纷是否激化）"
              pb={8}
              {...form.getInputProps('failureVisitEnabled', { type: 'checkbox' })}
            />
            <NumberInput
              label="结案后回访间隔（天）"
              min={1}
              max={365}
              allowDecimal={false}
              w={180}
              disabled={!v.failureVisitEnabled}
              {...form.getInputProps('failureVisitDays')}
            />
          </Group>
          <Text size="xs" c="dimmed">
            <Badge size="xs" variant="outline" mr={4}>
              本所设定
            </Badge>
            {FAILURE_VISIT_SOURCE}
          </Text>
        </Stack>
        <Text size="xs" c="dimmed">
          账本文件：{status.data?.dbPath}
        </Text>
        <Button type="submit" w={120}>
          保存
        </Button>
      </Stack>
    </PageForm>
  );
}

/**
 * Categories with a deadline of their own, in days (劳动争议纠纷 15 days by default: 劳动争议调解仲裁法第十四条,
 * after which a party may apply for arbitration).
 */
function CategoryDeadlines({
  value,
  onChange,
  error,
}: {
  value: Record<string, number>;
  onChange: (next: Record<string, number>) => void;
  error?: unknown;
}) {
  const dicts = useDicts();
  const [adding, setAdding] = useState<string | null>(null);
  const options = dicts.options('dispute_category').filter((o) => !(o.value in value));
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        按纠纷类型的办理期限
      </Text>
      <Text size="xs" c="dimmed">
        所列类型按此天数计算默认期限（劳动争议纠纷默认15日：《劳动争议调解仲裁法》第十四条，自申请调解之日起15日内未达成协议的，当事人可以申请仲裁）。
      </Text>
      {Object.entries(value).map(([code, days]) => (
        <Group key={code} gap="xs">
          <Text size="sm" w={180}>
            {dicts.label('dispute_category', code)}
          </Text>
          <NumberInput
            aria-label={`${dicts.label('dispute_category', code)}办理期限（天）`}
            min={1}
            max={365}
            allowDecimal={false}
            w={100}
            value={days}
            onChange={(n) => onChange({ ...value, [code]: typeof n === 'number' ? n : Number.NaN })}
          />
          <Text size="sm">天</Text>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`删除${dicts.label('dispute_category', code)}的期限`}
            onClick={() => onChange(Object.fromEntries(Object.entries(value).filter(([c]) => c !== code)))}
          >
            ✕
          </ActionIcon>
        </Group>
      ))}
      <Group gap="xs">
        <Select
          placeholder="添加纠纷类型"
          searchable
          data={options}
          value={adding}
          onChange={setAdding}
          w={180}
          aria-label="添加按类型的期限"
        />
        <Button
          size="xs"
          variant="light"
          disabled={!adding}
          onClick={() => {
            if (adding) onChange({ ...value, [adding]: 30 });
            setAdding(null);
          }}
        >
          添加
        </Button>
      </Group>
      {typeof error === 'string' && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
    </Stack>
  );
}

/** 改名: a village or community renamed (records that name it show the new name; the change is audited). */
const KIND_OPTIONS = STAFF_KINDS.map((k) => ({ value: k, label: STAFF_KIND_LABELS[k] }));

/** Edits one staff member's or mediator's details (active is the switch in the table). */
function StaffEditModal({ staff, onClose }: { staff: Staff; onClose: () => void }) {
  const form = useZodForm({
    schema: StaffInput,
    initialValues: {
      name: staff.name,
      post: staff.post ?? '',
      phone: staff.phone ?? '',
      kind: staff.kind,
      committee: staff.committee ?? '',
    },
    toInput: (v) => ({ id: staff.id, active: staff.active, ...v }),
  });
  const save = useSaveStaff(form);
  const submit = form.onSubmit(async (v) => {
    if (await save.run({ id: staff.id, active: staff.active, ...v }, (saved) => `“${saved.name}”的信息已保存`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`修改${STAFF_KIND_LABELS[staff.kind]}：${staff.name}`}>
      <Stack>
        <TextInput label="姓名" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <TextInput label="职务" {...form.getInputProps('post')} />
        <TextInput label="电话" {...form.getInputProps('phone')} />
        <Select label="类别" data={KIND_OPTIONS} allowDeselect={false} {...form.getInputProps('kind')} />
        {form.values.kind === 'mediator' && (
          <TextInput label="所属调解组织" withAsterisk placeholder="如：东村人民调解委员会" {...form.getInputProps('committee')} />
        )}
        <ModalActions onCancel={onClose} submit="保存" />
      </Stack>
    </FormModal>
  );
}

function StaffSettings() {
  const [editing, setEditing] = useState<Staff | null>(null);
  const [handingOver, setHandingOver] = useState<Staff | null>(null);
  const staff = useStaff(true);
  const form = useZodForm({
    schema: StaffInput,
    initialValues: { name: '', post: '', phone: '', kind: 'staff' as Staff['kind'], committee: '' },
    toInput: (v) => ({ id: null, ...v }),
  });
  const save = useSaveStaff(form);
  const toggleActive = useSaveStaff();
  const submit = form.onSubmit(async (v) => {
    await save.run(
      { id: null, ...v, active: true },
      (saved) => `已添加${STAFF_KIND_LABELS[saved.kind]}“${saved.name}”`,
      () => form.reset(),
    );
  });
  const toggle = (s: Staff) => void toggleActive.run({ ...s, active: !s.active });
  // How each is named in pickers and lists; said here for those who share a name with someone.
  const labels = staffLabels(staff.data ?? []);
  const shared = (s: Staff) => (staff.data ?? []).some((o) => o.id !== s.id && o.name === s.name);
  return (
    <Stack>
      <PageForm form={form} onSubmit={submit}>
        <Group align="flex-start">
          <TextInput aria-label="工作人员姓名" placeholder="姓名" {...form.getInputProps('name')} />
          <TextInput aria-label="职务" placeholder="职务，如：专职调解员" {...form.getInputProps('post')} />
          <TextInput aria-label="电话" placeholder="电话" {...form.getInputProps('phone')} />
          <Select aria-label="类别" data={KIND_OPTIONS} allowDeselect={false} w={130} {...form.getInputProps('kind')} />
          {form.values.kind === 'mediator' && (
            <TextInput
              aria-label="所属调解组织"
              placeholder="所属调解组织，如：东村人民调解委员会"
              w={260}
              {...form.getInputProps('committee')}
            />
          )}
          <Button type="submit">{form.values.kind === 'mediator' ? '添加调解员' : '添加工作人员'}</Button>
        </Group>
      </PageForm>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>姓名</Table.Th>
            <Table.Th>职务</Table.Th>
            <Table.Th>电话</Table.Th>
            <Table.Th>类别</Table.Th>
            <Table.Th>所属调解组织</Table.Th>
            <Table.Th>在岗</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {staff.data?.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                {s.name}
                {shared(s) && (
                  <Text size="xs" c="dimmed">
                    同名，各处显示为“{labels.get(s.id)}”
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{s.post ?? ''}</Table.Td>
              <Table.Td>{s.phone ?? ''}</Table.Td>
              <Table.Td>{STAFF_KIND_LABELS[s.kind]}</Table.Td>
              <Table.Td>{s.committee ?? ''}</Table.Td>
              <Table.Td>
                <Switch aria-label={`${s.name}在岗`} checked={s.active} onChange={() => toggle(s)} />
              </Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" onClick={() => setEditing(s)}>
                  修改
                </Button>
                {s.kind === 'staff' && (
                  <Button size="xs" variant="subtle" onClick={() => setHandingOver(s)}>
                    移交工作
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing && <StaffEditModal staff={editing} onClose={() => setEditing(null)} />}
      {handingOver && <HandOverModal staff={handingOver} onClose={() => setHandingOver(null)} />}
    </Stack>
  );
}

function DictSettings() {
  const dicts = useDicts();
  const addDict = useAddDict();
  const setActive = useSetDictActive();
  const [kind, setKind] = useState<DictKind>('dispute_category');
  const [label, setLabel] = useState('');
  const add = async () => {
    await addDict.run(
      { kind, label },
      (saved) => `已添加“${saved.label}”`,
      () => setLabel(''),
    );
  };
  return (
    <Stack>
      <Group>
        <Select
          aria-label="字典类别"
          data={Object.entries(DICT_KIND_LABELS).map(([value, l]) => ({ value, label: l }))}
          value={kind}
          allowDeselect={false}
          onChange={(x) => setKind((x ?? 'dispute_category') as DictKind)}
          w={160}
        />
        <TextInput
          aria-label="新条目名称"
          placeholder="新增本地条目，如：土地承包纠纷"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
        />
        <Button onClick={add}>添加</Button>
      </Group>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>代码</Table.Th>
            <Table.Th>名称</Table.Th>
            <Table.Th>来源</Table.Th>
            <Table.Th>启用</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {dicts.items
            .filter((d) => d.kind === kind)
            .map((d) => (
              <Table.Tr key={d.code}>
                <Table.Td ff="monospace">{d.code}</Table.Td>
                <Table.Td>{d.label}</Table.Td>
                <Table.Td>{d.builtin ? '通用' : '本地'}</Table.Td>
                <Table.Td>
                  <Switch
                    aria-label={`启用${d.label}`}
                    checked={d.active}
                    onChange={() => void setActive.run({ kind, code: d.code, active: !d.active })}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function SettingsPage() {
  const settings = useSettings();
  // What the modules add (followup's visit cadences), between the reference data and the calendar.
  const modules = useUiModules();
  const sections = MODULES.flatMap((m) => modules[m].settings);
  // Another tab unmounts this one's forms: what was typed in them is asked about first.
  // The start checklist links to a tab (#/settings?tab=staff).
  const [params] = useSearchParams();
  const [tab, setTab] = useState<string | null>(params.get('tab') ?? 'villages');
  const confirmLeave = useConfirmLeave();
  const admin = useSessionStatus().data?.user?.role === 'admin';
  return (
    <Stack>
      <Title order={3}>设置</Title>
      <Tabs value={tab} onChange={(next) => void confirmLeave().then((go) => go && setTab(next))} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="villages">村（社区）与网格</Tabs.Tab>
          <Tabs.Tab value="staff">工作人员与调解员</Tabs.Tab>
          <Tabs.Tab value="dicts">字典</Tabs.Tab>
          <Tabs.Tab value="audit">审计日志</Tabs.Tab>
          {sections.map((s) => (
            <Tabs.Tab key={s.key} value={s.key}>
              {s.label}
            </Tabs.Tab>
          ))}
          <Tabs.Tab value="holidays">节假日</Tabs.Tab>
          <Tabs.Tab value="township">乡镇信息</Tabs.Tab>
          <Tabs.Tab value="backups">备份与恢复</Tabs.Tab>
          <Tabs.Tab value="package">上报包</Tabs.Tab>
          {admin && <Tabs.Tab value="accounts">账户</Tabs.Tab>}
        </Tabs.List>
        {admin && (
          <Tabs.Panel value="accounts" pt="md">
            <AccountSettings />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="villages" pt="md">
          <VillageSettings />
        </Tabs.Panel>
        <Tabs.Panel value="staff" pt="md">
          <StaffSettings />
        </Tabs.Panel>
        <Tabs.Panel value="dicts" pt="md">
          <DictSettings />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditSettings />
        </Tabs.Panel>
        {sections.map((s) => (
          <Tabs.Panel key={s.key} value={s.key} pt="md">
            <Suspense fallback={<Loading center>正在加载{s.label}…</Loading>}>{s.element}</Suspense>
          </Tabs.Panel>
        ))}
        <Tabs.Panel value="holidays" pt="md">
          <HolidaySettings />
        </Tabs.Panel>
        <Tabs.Panel value="township" pt="md">
          {settings.data && <TownshipSettings settings={settings.data} />}
        </Tabs.Panel>
        <Tabs.Panel value="backups" pt="md">
          <BackupSettings />
        </Tabs.Panel>
        <Tabs.Panel value="package" pt="md">
          <ReportPackagePanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
