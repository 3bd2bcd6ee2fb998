import { Alert, Button, Grid, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import type { Input } from '../../../shared/contract';
import { ASSISTANCE_LEVELS, isKeyLevel, periodEnd, RELEASE_TYPES, type ReleaseType } from '../../../shared/domain/assistance-rules';
import { isValidDate } from '../../../shared/dates';
import {
  ASSISTANCE_LEVEL_LABELS,
  AssistanceCreateInputAsOf,
  RELEASE_TYPE_LABELS,
  type AssistanceFileView,
} from '../../../shared/schemas/assistance';
import { Basis } from '../../components/Basis';
import { DateField } from '../../components/DateField';
import { PageForm } from '../../components/GuardedForm';
import { Loading } from '../../components/Loading';
import { todayLocal } from '../../components/today';
import { selectProps, useZodForm } from '../../components/useZodForm';
import { PersonPicker, type PickedPerson } from '../persons/PersonPicker';
import { useSetupStatus, useStaffNames, useVillages } from '../reference/queries';
import { useSaveAssistance } from './mutations';
import { useAssistanceFile, useAssistanceSchedule } from './queries';

interface Values {
  person: PickedPerson | null;
  crime: string;
  sentence: string;
  prison: string;
  sentenceStart: string;
  sentenceEnd: string;
  releaseType: ReleaseType | '';
  releaseDate: string;
  certificateNumber: string;
  noticeDate: string;
  villageId: string;
  phone: string;
  responsibleStaffId: string;
  level: string;
  notes: string;
}

function toValues(f: AssistanceFileView | undefined, operatorId: string | null): Values {
  return {
    person: f ? { id: f.person.id, name: f.person.name } : null,
    crime: f?.crime ?? '',
    sentence: f?.sentence ?? '',
    prison: f?.prison ?? '',
    sentenceStart: f?.sentenceStart ?? '',
    sentenceEnd: f?.sentenceEnd ?? '',
    releaseType: f?.releaseType ?? '',
    releaseDate: f?.releaseDate ?? '',
    certificateNumber: f?.certificateNumber ?? '',
    noticeDate: f?.noticeDate ?? '',
    villageId: f?.villageId ?? '',
    phone: f?.phone ?? '',
    // The operator is responsible for a new file unless another is chosen.
    responsibleStaffId: f?.responsibleStaffId ?? operatorId ?? '',
    level: f?.level ?? 'normal',
    notes: f?.notes ?? '',
  };
}

const toInput = ({ person, ...v }: Values) => ({ ...v, personId: person?.id ?? '' });
const toFormPath = (path: string) => (path === 'personId' ? 'person' : path);

function AssistanceEditor({ existing, operatorId }: { existing?: AssistanceFileView; operatorId: string | null }) {
  const navigate = useNavigate();
  const staff = useStaffNames();
  const villages = useVillages();
  const schedule = useAssistanceSchedule();
  const form = useZodForm<Values>({
    schema: AssistanceCreateInputAsOf,
    initialValues: toValues(existing, operatorId),
    toInput,
    toFormPath,
  });
  const { run, saving } = useSaveAssistance(form, toFormPath);
  const v = form.getValues();
  const select = (field: keyof Values) => selectProps(form, field);
  const s = schedule.data;
  const end =
    v.releaseType && isValidDate(v.releaseDate) && s
      ? periodEnd(v.releaseType, v.releaseDate, { years: s.years, correctionYears: s.correctionYears })
      : null;
  const preRelease = isValidDate(v.releaseDate) && v.releaseDate > todayLocal();

  const submit = form.onSubmit(async (values) => {
    const saved = await run(
      { id: existing?.id ?? null, input: toInput(values) as Input<'assistance.create'> },
      existing ? '档案已修改' : `已为 ${values.person?.name ?? ''} 建立安置帮教档案`,
    );
    if (saved) navigate(`/assistance/${saved.id}`);
  });

  return (
    <Paper withBorder p="lg" maw={1040}>
      <PageForm form={form} onSubmit={submit} onLeave={() => navigate(-1)}>
        <Stack>
          <Title order={3}>{existing ? `修改安置帮教档案：${existing.person.name}` : '新建安置帮教档案'}</Title>
          {existing ? (
            <Text size="sm">人员：{existing.person.name}（建档后人员不能更改）</Text>
          ) : (
            <PersonPicker
              label="安置帮教对象"
              value={v.person}
              onChange={(p) => {
                form.setFieldValue('person', p);
                if (p?.villageId && !v.villageId) form.setFieldValue('villageId', p.villageId);
              }}
              error={form.errors.person && !v.person ? '请从人员库选择或新建人员' : (form.errors.person as string | undefined)}
            />
          )}

          <Title order={5}>原判与服刑</Title>
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label="罪名" withAsterisk maxLength={100} {...form.getInputProps('crime')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label="原判刑罚" withAsterisk placeholder="如：有期徒刑三年" maxLength={50} {...form.getInputProps('sentence')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="服刑场所" placeholder="如：某省某监狱" maxLength={100} {...form.getInputProps('prison')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="刑期起" {...form.getInputProps('sentenceStart')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="刑期止" {...form.getInputProps('sentenceEnd')} />
            </Grid.Col>
          </Grid>

          <Title order={5}>释放</Title>
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="释放类型"
                withAsterisk
                data={RELEASE_TYPES.map((t) => ({ value: t, label: RELEASE_TYPE_LABELS[t] }))}
                {...select('releaseType')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField
                label={v.releaseType === 'correction_end' ? '解除矫正日期' : '释放日期'}
                withAsterisk
                description={preRelease ? '尚未释放：按预释放登记' : '尚未释放的，填写预计释放日期'}
                {...form.getInputProps('releaseDate')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="《刑满释放人员通知书》收到日期" {...form.getInputProps('noticeDate')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label="刑满释放证明书编号" maxLength={60} {...form.getInputProps('certificateNumber')} />
            </Grid.Col>
            <Grid.Col span={12}>
              <Text size="sm" data-testid="period-end">
                帮教期满：
                {end ? (
                  <Basis source={s?.periodSource}>{`${end.date}（释放之日起${end.years}年，按本所设置计算，不在此修改）`}</Basis>
                ) : (
                  '填写释放类型和日期后计算'
                )}
              </Text>
            </Grid.Col>
          </Grid>

          <Title order={5}>帮教</Title>
          <Grid gap="sm" align="flex-end">
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
              <TextInput label="联系电话" maxLength={30} {...form.getInputProps('phone')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="责任人"
                withAsterisk
                searchable
                data={staff.options()}
                {...select('responsibleStaffId')}
                error={form.errors.responsibleStaffId && !v.responsibleStaffId ? '请选择责任人' : form.errors.responsibleStaffId}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="帮教对象类别"
                allowDeselect={false}
                description={existing ? '在此修改自今天起生效' : '重点帮教对象按风险分高、中、低'}
                data={ASSISTANCE_LEVELS.map((l) => ({ value: l, label: ASSISTANCE_LEVEL_LABELS[l] }))}
                {...select('level')}
              />
            </Grid.Col>
          </Grid>
          {isKeyLevel(v.level as never) && (
            <Alert color="red" variant="light" py="xs">
              重点帮教对象须必接必送：释放时由司法所会同有关方面到监所接回，衔接方式只能登记为“必接必送”。
            </Alert>
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

/** New file (/assistance/new) or edit (/assistance/:id/edit). */
export function AssistanceFormPage() {
  const { id } = useParams();
  const f = useAssistanceFile(id);
  const status = useSetupStatus();
  if ((id && !f.data) || !status.data) return <Loading center>正在加载安置帮教档案…</Loading>;
  return <AssistanceEditor key={id ?? 'new'} existing={f.data} operatorId={status.data.operator?.id ?? null} />;
}
