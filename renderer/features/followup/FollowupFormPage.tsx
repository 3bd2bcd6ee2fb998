import {
  ActionIcon,
  Alert,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Loading } from '../../components/Loading';
import { useNavigate, useParams } from 'react-router';
import type { Input } from '../../../shared/contract';
import {
  controlStatusesFor,
  controlText,
  DRUG_TYPE_LABELS,
  DRUG_TYPES,
  drugTermEnd,
  FOLLOWUP_GROUP_LABELS,
  isVisitGroup,
  type ControlStatus,
  type DrugType,
  type FollowupGroup,
} from '../../../shared/domain/followup-rules';
import {
  CULT_STATUSES,
  MH_DIAGNOSES,
  MH_LEVEL_MEANINGS,
  MH_TEAM_ROLES,
  TREATMENTS,
  levelName,
  levelsFor,
  type FollowupSubject,
  FollowupCreateInputAsOf,
} from '../../../shared/schemas/followup';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { useStaffNames, useVillages } from '../reference/queries';
import { todayLocal } from '../../components/today';
import { PersonPicker, type PickedPerson } from '../persons/PersonPicker';
import { groupOptions, LevelOption, levelOptions } from './labels';
import { useSaveFollowup } from './mutations';
import { useFollowupSubject } from './queries';
import { PageForm } from '../../components/GuardedForm';

interface TeamRow {
  key: string;
  role: string;
  name: string;
  phone: string;
}

/** Every group's facts live in the form at once; only the chosen group's are sent. */
interface FactValues {
  diagnosis: string;
  guardianName: string;
  guardianRelation: string;
  guardianPhone: string;
  treatment: string;
  medication: string;
  incidentHistory: string;
  drugType: '' | DrugType;
  decisionDate: string;
  reportDate: string;
  termEnd: string;
  agreementDate: string;
  leaveTimes: number | string;
  leaveDays: number | string;
  transformStatus: string;
}

interface Values {
  person: PickedPerson | null;
  group: FollowupGroup | '';
  groupName: string;
  level: string;
  control: ControlStatus;
  responsibleStaffId: string;
  villageId: string;
  startDate: string;
  team: TeamRow[];
  facts: FactValues;
  notes: string;
}

let rowKey = 0;
const newRow = (role = '', name = '', phone = ''): TeamRow => ({ key: `t${++rowKey}`, role, name, phone });
const mhTeam = () => MH_TEAM_ROLES.map((r) => newRow(r));

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const numOrBlank = (v: unknown): number | string => (typeof v === 'number' ? v : '');

function toValues(s?: FollowupSubject): Values {
  const f = s?.facts ?? {};
  return {
    person: s ? { id: s.person.id, name: s.person.name } : null,
    group: s?.group ?? '',
    groupName: s?.groupName ?? '',
    level: s?.level ?? '',
    control: s?.control ?? 'controlled',
    responsibleStaffId: s?.responsibleStaffId ?? '',
    villageId: s?.villageId ?? '',
    startDate: s?.startDate ?? todayLocal(),
    // The "四个一" roles still missing come back as blank rows, ready to be filled in.
    team: s ? [...s.team.map((m) => newRow(m.role, m.name, m.phone ?? '')), ...s.teamMissing.map((r) => newRow(r))] : [],
    facts: {
      diagnosis: str(f.diagnosis),
      guardianName: str(f.guardianName),
      guardianRelation: str(f.guardianRelation),
      guardianPhone: str(f.guardianPhone),
      treatment: str(f.treatment) || TREATMENTS[0],
      medication: str(f.medication),
      incidentHistory: str(f.incidentHistory),
      drugType: (str(f.drugType) as DrugType) || '',
      decisionDate: str(f.decisionDate),
      reportDate: str(f.reportDate),
      termEnd: str(f.termEnd),
      agreementDate: str(f.agreementDate),
      leaveTimes: numOrBlank(f.leaveTimes),
      leaveDays: numOrBlank(f.leaveDays),
      transformStatus: str(f.transformStatus) || CULT_STATUSES[0],
    },
    notes: s?.notes ?? '',
  };
}

/** A team row counts when anything but its (pre-filled) role is written in. */
const filled = (r: TeamRow) => !!(r.name.trim() || r.phone.trim());

function factsFor(group: FollowupGroup | '', f: FactValues): Record<string, unknown> {
  const count = (v: number | string) => (v === '' ? undefined : Number(v));
  switch (group) {
    case 'mental_health':
      return {
        diagnosis: f.diagnosis,
        guardianName: f.guardianName,
        guardianRelation: f.guardianRelation,
        guardianPhone: f.guardianPhone,
        treatment: f.treatment,
        medication: f.medication,
        incidentHistory: f.incidentHistory,
      };
    case 'drug':
      return {
        drugType: f.drugType,
        decisionDate: f.decisionDate,
        reportDate: f.reportDate,
        termEnd: f.termEnd,
        agreementDate: f.agreementDate,
        leaveTimes: count(f.leaveTimes),
        leaveDays: count(f.leaveDays),
      };
    case 'cult':
      return { transformStatus: f.transformStatus };
    default:
      return {};
  }
}

function toInput(v: Values) {
  return {
    personId: v.person?.id ?? '',
    group: v.group,
    groupName: v.group === 'other' ? v.groupName : '',
    level: v.level,
    control: v.control,
    responsibleStaffId: v.responsibleStaffId,
    villageId: v.villageId,
    startDate: v.startDate,
    team: v.team.filter(filled).map(({ role, name, phone }) => ({ role, name, phone })),
    facts: factsFor(v.group, v.facts),
    notes: v.notes,
  };
}

/** Input paths back to form fields: personId is the picker, and team row n is the n-th filled row. */
function toFormPath(path: string, v: Values): string {
  if (path === 'personId') return 'person';
  const m = /^team\.(\d+)(\..*)?$/.exec(path);
  if (!m) return path;
  const rows = v.team.map((r, i) => [r, i] as const).filter(([r]) => filled(r));
  const formIndex = rows[Number(m[1])]?.[1];
  return formIndex === undefined ? 'team' : `team.${formIndex}${m[2] ?? ''}`;
}

function FollowupEditor({ existing }: { existing?: FollowupSubject }) {
  const navigate = useNavigate();
  const staff = useStaffNames();
  const villages = useVillages();
  const form = useZodForm<Values>({ schema: FollowupCreateInputAsOf, initialValues: toValues(existing), toInput, toFormPath });
  const { run, saving } = useSaveFollowup(form, toFormPath);
  const v = form.getValues();
  const mh = v.group === 'mental_health';
  const missing = mh ? MH_TEAM_ROLES.filter((r) => !v.team.some((m) => filled(m) && m.role.trim() === r)) : [];

  // An id left blank fails the schema as a malformed id; to the user it is a choice not yet made.
  const unpicked = (error: unknown, picked: unknown, message: string) => (error && !picked ? message : (error as string | undefined));
  const select = (field: 'responsibleStaffId' | 'villageId' | 'level') => ({
    ...form.getInputProps(field),
    value: v[field] || null,
    onChange: (x: string | null) => form.setFieldValue(field, x ?? ''),
  });
  const fact = (field: keyof FactValues) => form.getInputProps(`facts.${field}`);
  const factSelect = (field: 'diagnosis' | 'treatment' | 'transformStatus' | 'drugType') => ({
    ...fact(field),
    value: v.facts[field] || null,
    onChange: (x: string | null) => form.setFieldValue(`facts.${field}`, x ?? ''),
  });

  const onGroup = (g: string | null) => {
    const group = (g ?? '') as FollowupGroup | '';
    form.setFieldValue('group', group);
    // The level scales differ (0–5级 against red/yellow/green): a level of the other scale is cleared.
    if (group && !(levelsFor(group) as readonly string[]).includes(v.level)) form.setFieldValue('level', '');
    // 管控状态: only the visit groups choose one; 待转化 is for 邪教人员 alone.
    if (group && !controlStatusesFor(group).includes(v.control)) form.setFieldValue('control', 'controlled');
    // Mental-health files need the "四个一" team: offer its four roles to fill in.
    if (group === 'mental_health' && !v.team.some(filled)) form.setFieldValue('team', mhTeam());
  };

  const submit = form.onSubmit(async (values) => {
    // The form was validated by the schema before submit, so the blanks the form allows are filled.
    const input = toInput(values) as Input<'followup.create'>;
    const saved = await run({ id: existing?.id ?? null, input }, existing ? '档案已修改' : `已为 ${values.person?.name ?? ''} 建立档案`);
    if (saved) navigate(`/followup/${saved.id}`);
  });

  return (
    <Paper withBorder p="lg" maw={1000}>
      <PageForm form={form} onSubmit={submit} onLeave={() => navigate(-1)}>
        <Stack>
          <Title order={3}>{existing ? `修改档案：${existing.person.name}` : '新建重点人员档案'}</Title>
          {existing ? (
            <Text size="sm">
              人员：{existing.person.name}　类别：{FOLLOWUP_GROUP_LABELS[existing.group]}
              <Text span size="xs" c="dimmed">
                （建档后人员和类别不能更改；如需转类，请解除本档案后新建）
              </Text>
            </Text>
          ) : (
            <Grid gap="sm">
              <Grid.Col span={{ base: 12, sm: 8 }}>
                <PersonPicker
                  label="人员"
                  value={v.person}
                  onChange={(p) => form.setFieldValue('person', p)}
                  error={unpicked(form.errors.person, v.person, '请选择人员')}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 4 }}>
                <Select
                  label="人员类别"
                  withAsterisk
                  data={groupOptions}
                  {...form.getInputProps('group')}
                  value={v.group || null}
                  onChange={onGroup}
                />
              </Grid.Col>
            </Grid>
          )}
          <Grid gap="sm" align="flex-end">
            {v.group === 'other' && (
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <TextInput label="类别名称" withAsterisk placeholder="如：独居老人" maxLength={20} {...form.getInputProps('groupName')} />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 12, sm: mh ? 6 : 3 }}>
              <Select
                label={levelName(v.group)}
                withAsterisk
                disabled={!v.group}
                placeholder={v.group ? '请选择' : '请先选择人员类别'}
                data={levelOptions(v.group)}
                renderOption={({ option }) => <LevelOption label={option.label} level={option.value} />}
                description={mh && v.level ? MH_LEVEL_MEANINGS[v.level] : undefined}
                {...select('level')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="包保责任人"
                withAsterisk
                searchable
                data={staff.options()}
                {...select('responsibleStaffId')}
                error={unpicked(form.errors.responsibleStaffId, v.responsibleStaffId, '请选择包保责任人')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="村（社区）"
                clearable
                searchable
                data={(villages.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                nothingFoundMessage="请先在“设置”中添加村（社区）"
                {...select('villageId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="建档日期" withAsterisk description="走访频次自此日起计算" {...form.getInputProps('startDate')} />
            </Grid.Col>
          </Grid>

          {v.group && isVisitGroup(v.group) && (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                管控状态
              </Text>
              <SegmentedControl
                aria-label="管控状态"
                w="fit-content"
                data={controlStatusesFor(v.group).map((c) => ({ value: c, label: controlText(v.group as FollowupGroup, c) }))}
                {...form.getInputProps('control')}
              />
              <Text size="xs" c="dimmed">
                {v.group === 'left_behind_child' ? '需关爱帮扶的' : '列为管控对象（需管控'}
                {v.group === 'cult' ? '、待转化）的' : v.group === 'left_behind_child' ? '' : '）的'}
                按等级定期走访；仅在册的不安排定期走访（本所在“设置—走访频次”中另设频次的除外）。
                {existing ? '修改后自今天起按新状态计算，此前应访的月份不变。' : ''}
              </Text>
              {form.errors.control && (
                <Text c="red" size="xs">
                  {form.errors.control}
                </Text>
              )}
            </Stack>
          )}

          {mh && (
            <Stack gap="xs">
              <Title order={5}>患者情况</Title>
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <Select label="诊断" withAsterisk data={[...MH_DIAGNOSES]} {...factSelect('diagnosis')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <Select label="治疗情况" allowDeselect={false} data={[...TREATMENTS]} {...factSelect('treatment')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <TextInput label="监护人姓名" withAsterisk maxLength={20} {...fact('guardianName')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <TextInput label="与患者关系" withAsterisk placeholder="如：母亲、配偶" maxLength={10} {...fact('guardianRelation')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <TextInput label="监护人电话" maxLength={30} {...fact('guardianPhone')} />
                </Grid.Col>
                <Grid.Col span={12}>
                  <TextInput label="用药情况" maxLength={200} {...fact('medication')} />
                </Grid.Col>
                <Grid.Col span={12}>
                  <Textarea label="肇事肇祸史" autosize minRows={2} maxLength={500} {...fact('incidentHistory')} />
                </Grid.Col>
              </Grid>
            </Stack>
          )}

          {v.group === 'drug' && (
            <Stack gap="xs">
              <Title order={5}>社区戒毒/社区康复</Title>
              <Grid gap="sm" align="flex-end">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <Select
                    label="类型"
                    withAsterisk
                    data={DRUG_TYPES.map((t) => ({ value: t, label: DRUG_TYPE_LABELS[t] }))}
                    {...factSelect('drugType')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <DateField label="收到决定书日期" withAsterisk description="15日内报到" {...fact('decisionDate')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <DateField label="报到日期" description="期限3年，自报到之日起算" {...fact('reportDate')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <DateField
                    label={`${DRUG_TYPE_LABELS[v.facts.drugType || 'detox']}协议签订日期`}
                    description="报到后及时签订（戒毒条例第十六条、第三十八条）"
                    {...fact('agreementDate')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <DateField
                    label="期满日期（以决定书为准）"
                    description={
                      v.facts.reportDate && !v.facts.termEnd
                        ? `决定书未载明的留空，按报到之日起3年计（${drugTermEnd(v.facts.reportDate)}）`
                        : '决定书载明期满日期的填写，不超过3年'
                    }
                    {...fact('termEnd')}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <NumberInput label="擅自离开县（市、区）次数" min={0} max={999} allowDecimal={false} {...fact('leaveTimes')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 4 }}>
                  <NumberInput label="擅自离开累计天数" min={0} max={9999} allowDecimal={false} {...fact('leaveDays')} />
                </Grid.Col>
              </Grid>
            </Stack>
          )}

          {v.group === 'cult' && (
            <Select label="转化情况" w={240} allowDeselect={false} data={[...CULT_STATUSES]} {...factSelect('transformStatus')} />
          )}

          {v.group && (
            <Stack gap="xs">
              <Title order={5}>{mh ? '帮扶小组（“四个一”）' : '帮扶人员'}</Title>
              {mh && (
                <Alert color={missing.length ? 'yellow' : 'green'} variant="light" py="xs">
                  {missing.length
                    ? `“四个一”尚缺：${missing.join('、')}。每名患者应有村（社区）干部、医生、民警、监护人各一名。`
                    : '“四个一”已齐全。'}
                </Alert>
              )}
              {v.team.map((r, i) => (
                <Group key={r.key} gap="xs" align="flex-start" wrap="nowrap">
                  <TextInput
                    aria-label={`第${i + 1}位帮扶人员角色`}
                    placeholder="角色"
                    w={170}
                    maxLength={20}
                    {...form.getInputProps(`team.${i}.role`)}
                  />
                  <TextInput
                    aria-label={`第${i + 1}位帮扶人员姓名`}
                    placeholder="姓名"
                    w={160}
                    maxLength={20}
                    {...form.getInputProps(`team.${i}.name`)}
                  />
                  <TextInput
                    aria-label={`第${i + 1}位帮扶人员电话`}
                    placeholder="电话"
                    w={180}
                    maxLength={30}
                    {...form.getInputProps(`team.${i}.phone`)}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={`移除第${i + 1}位帮扶人员`}
                    onClick={() =>
                      form.setFieldValue(
                        'team',
                        v.team.filter((_, j) => j !== i),
                      )
                    }
                  >
                    ✕
                  </ActionIcon>
                </Group>
              ))}
              {form.errors.team && (
                <Text c="red" size="xs">
                  {form.errors.team}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                未填姓名和电话的行不保存。
              </Text>
              <Button
                variant="subtle"
                size="xs"
                w={140}
                disabled={v.team.length >= 12}
                onClick={() => form.setFieldValue('team', [...v.team, newRow()])}
              >
                + 添加帮扶人员
              </Button>
            </Stack>
          )}

          <Textarea label="备注" autosize minRows={2} maxLength={1000} {...form.getInputProps('notes')} />
          <Group>
            <Button type="submit" loading={saving}>
              {existing ? '保存修改' : '建立档案'}
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

/** New file (/followup/new) or edit (/followup/:id/edit). */
export function FollowupFormPage() {
  const { id } = useParams();
  const s = useFollowupSubject(id);
  if (id && !s.data) return <Loading center>正在加载重点人员档案…</Loading>;
  return <FollowupEditor key={id ?? 'new'} existing={s.data} />;
}
