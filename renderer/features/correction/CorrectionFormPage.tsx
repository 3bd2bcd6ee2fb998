import { Alert, Button, Checkbox, Grid, Group, Paper, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import type { Input } from '../../../shared/contract';
import {
  CORRECTION_CATEGORIES,
  CORRECTION_LEVELS,
  OUTSIDE_GROUNDS,
  reportingDeadline,
  type CorrectionCategory,
} from '../../../shared/domain/correction-rules';
import {
  CORRECTION_CATEGORY_LABELS,
  CorrectionCreateInputAsOf,
  DOCUMENT_TYPES,
  EDUCATION_LEVELS,
  MARITAL_STATUSES,
  OUTSIDE_GROUND_LABELS,
  PRIOR_RECORDS,
  PRIOR_RECORD_LABELS,
  type CorrectionFileView,
} from '../../../shared/schemas/correction';
import { DateField } from '../../components/DateField';
import { PageForm } from '../../components/GuardedForm';
import { Loading } from '../../components/Loading';
import { selectProps, useZodForm } from '../../components/useZodForm';
import { PersonPicker, type PickedPerson } from '../persons/PersonPicker';
import { useSetupStatus, useStaffNames, useVillages } from '../reference/queries';
import { useSaveCorrection } from './mutations';
import { useCorrectionFile, useCorrectionSchedule } from './queries';

interface Values {
  person: PickedPerson | null;
  category: CorrectionCategory | '';
  ground: string;
  crime: string;
  penaltyType: string;
  penaltyTerm: string;
  additionalPenalty: string;
  prohibition: string;
  prohibitionStart: string;
  prohibitionEnd: string;
  decisionOrgan: string;
  documentType: string;
  documentNumber: string;
  effectiveDate: string;
  noticeDate: string;
  receivedDate: string;
  termStart: string;
  termEnd: string;
  villageId: string;
  priorRecord: string;
  formerName: string;
  education: string;
  marital: string;
  employment: string;
  phone: string;
  minor: boolean;
  responsibleStaffId: string;
  level: string;
  notes: string;
}

function toValues(f: CorrectionFileView | undefined, operatorId: string | null): Values {
  return {
    person: f ? { id: f.person.id, name: f.person.name } : null,
    category: f?.category ?? '',
    ground: f?.ground ?? '',
    crime: f?.crime ?? '',
    penaltyType: f?.penaltyType ?? '',
    penaltyTerm: f?.penaltyTerm ?? '',
    additionalPenalty: f?.additionalPenalty ?? '',
    prohibition: f?.prohibition ?? '',
    prohibitionStart: f?.prohibitionStart ?? '',
    prohibitionEnd: f?.prohibitionEnd ?? '',
    decisionOrgan: f?.decisionOrgan ?? '',
    documentType: f?.documentType ?? '判决书',
    documentNumber: f?.documentNumber ?? '',
    effectiveDate: f?.effectiveDate ?? '',
    noticeDate: f?.noticeDate ?? '',
    receivedDate: f?.receivedDate ?? '',
    termStart: f?.termStart ?? '',
    termEnd: f?.termEnd ?? '',
    villageId: f?.villageId ?? '',
    priorRecord: f?.priorRecord ?? 'none',
    formerName: f?.formerName ?? '',
    education: f?.education ?? '',
    marital: f?.marital ?? '',
    employment: f?.employment ?? '',
    phone: f?.phone ?? '',
    minor: f?.minor ?? false,
    // The operator is responsible for a new file unless another is chosen.
    responsibleStaffId: f?.responsibleStaffId ?? operatorId ?? '',
    level: f?.level ?? 'normal',
    notes: f?.notes ?? '',
  };
}

function toInput({ person, ...v }: Values) {
  return { ...v, personId: person?.id ?? '', ground: v.category === 'outside' ? v.ground : '' };
}

const toFormPath = (path: string) => (path === 'personId' ? 'person' : path);

function CorrectionEditor({ existing, operatorId }: { existing?: CorrectionFileView; operatorId: string | null }) {
  const navigate = useNavigate();
  const staff = useStaffNames();
  const villages = useVillages();
  const schedule = useCorrectionSchedule();
  const form = useZodForm<Values>({
    schema: CorrectionCreateInputAsOf,
    initialValues: toValues(existing, operatorId),
    toInput,
    toFormPath,
  });
  const { run, saving } = useSaveCorrection(form, toFormPath);
  const v = form.getValues();
  const select = (field: keyof Values) => selectProps(form, field);
  const outside = v.category === 'outside';
  const deadline =
    v.category && /^\d{4}-\d{2}-\d{2}$/.test(outside ? v.receivedDate : v.effectiveDate)
      ? reportingDeadline({ category: v.category, effectiveDate: v.effectiveDate, receivedDate: v.receivedDate || null, reportDate: null })
      : null;
  const levelNames = Object.fromEntries((schedule.data?.levels ?? []).map((l) => [l.level, l.name]));

  const submit = form.onSubmit(async (values) => {
    const saved = await run(
      { id: existing?.id ?? null, input: toInput(values) as Input<'correction.create'> },
      existing ? '档案已修改' : `已为 ${values.person?.name ?? ''} 建立社区矫正档案`,
    );
    if (saved) navigate(`/correction/${saved.id}`);
  });

  return (
    <Paper withBorder p="lg" maw={1040}>
      <PageForm form={form} onSubmit={submit} onLeave={() => navigate(-1)}>
        <Stack>
          <Title order={3}>{existing ? `修改社区矫正档案：${existing.person.name}` : '新建社区矫正档案'}</Title>
          {existing ? (
            <Text size="sm">人员：{existing.person.name}（建档后人员不能更改）</Text>
          ) : (
            <PersonPicker
              label="社区矫正对象"
              value={v.person}
              onChange={(p) => {
                form.setFieldValue('person', p);
                if (p?.villageId && !v.villageId) form.setFieldValue('villageId', p.villageId);
              }}
              error={form.errors.person && !v.person ? '请从人员库选择或新建人员' : (form.errors.person as string | undefined)}
            />
          )}

          <Title order={5}>案件情况</Title>
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="矫正类别"
                withAsterisk
                data={CORRECTION_CATEGORIES.map((c) => ({ value: c, label: CORRECTION_CATEGORY_LABELS[c] }))}
                {...select('category')}
              />
            </Grid.Col>
            {outside && (
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <Select
                  label="暂予监外执行情形"
                  withAsterisk
                  data={OUTSIDE_GROUNDS.map((g) => ({ value: g, label: OUTSIDE_GROUND_LABELS[g] }))}
                  {...select('ground')}
                />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label="罪名" withAsterisk maxLength={100} {...form.getInputProps('crime')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput
                label="刑种"
                withAsterisk
                placeholder="如：有期徒刑、拘役、管制"
                maxLength={20}
                {...form.getInputProps('penaltyType')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label="刑期" placeholder="如：一年六个月" maxLength={50} {...form.getInputProps('penaltyTerm')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label="附加刑" placeholder="如：罚金人民币五千元" maxLength={100} {...form.getInputProps('additionalPenalty')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="前科/累犯"
                allowDeselect={false}
                data={PRIOR_RECORDS.map((p) => ({ value: p, label: PRIOR_RECORD_LABELS[p] }))}
                {...select('priorRecord')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="禁止令内容" placeholder="无禁止令的留空" maxLength={500} {...form.getInputProps('prohibition')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="禁止令起" {...form.getInputProps('prohibitionStart')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="禁止令止" {...form.getInputProps('prohibitionEnd')} />
            </Grid.Col>
          </Grid>

          <Title order={5}>法律文书</Title>
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput
                label="决定机关"
                withAsterisk
                placeholder="如：某县人民法院"
                maxLength={100}
                {...form.getInputProps('decisionOrgan')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select label="文书种类" withAsterisk allowDeselect={false} data={[...DOCUMENT_TYPES]} {...select('documentType')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="文书文号" withAsterisk maxLength={60} {...form.getInputProps('documentNumber')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="生效日期" withAsterisk {...form.getInputProps('effectiveDate')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="执行通知书日期" {...form.getInputProps('noticeDate')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField
                label="法律文书收到日期"
                description={outside ? '交付接收期限自此日起算' : '决定机关五日内通知、十日内送达'}
                {...form.getInputProps('receivedDate')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Text size="xs" c="dimmed">
                {outside ? '交付接收期限' : '报到期限'}
              </Text>
              <Text size="sm">{deadline ? `${deadline.date}（${outside ? '收到决定' : '生效'}之日起10日内）` : '填写日期后显示'}</Text>
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="矫正期限起" withAsterisk description="照抄法律文书，不自动推算" {...form.getInputProps('termStart')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="矫正期限止" withAsterisk description="照抄法律文书，不自动推算" {...form.getInputProps('termEnd')} />
            </Grid.Col>
          </Grid>

          <Title order={5}>个人情况</Title>
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="执行地（村、社区）"
                clearable
                searchable
                data={(villages.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
                nothingFoundMessage="请先在“设置”中添加村（社区）"
                {...select('villageId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label="曾用名" maxLength={30} {...form.getInputProps('formerName')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select label="文化程度" clearable data={[...EDUCATION_LEVELS]} {...select('education')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select label="婚姻状况" clearable data={[...MARITAL_STATUSES]} {...select('marital')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput label="就业情况" placeholder="如：务农、个体、无业" maxLength={100} {...form.getInputProps('employment')} />
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
                label="管理等级"
                allowDeselect={false}
                description={existing ? '在此修改自今天起生效；按日期调整请用档案页的“调整等级”' : '自矫正期限起日起'}
                data={CORRECTION_LEVELS.map((l) => ({ value: l, label: levelNames[l] ?? l }))}
                {...select('level')}
              />
            </Grid.Col>
          </Grid>
          <Checkbox label="未成年社区矫正对象" {...form.getInputProps('minor', { type: 'checkbox' })} />
          {v.minor && (
            <Alert color="grape" variant="light" py="xs">
              未成年人的社区矫正档案依法不公开（社区矫正法第五十四条）：台账、首页和人员页只向其责任人显示，其他工作人员看不到。
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

/** New file (/correction/new) or edit (/correction/:id/edit). */
export function CorrectionFormPage() {
  const { id } = useParams();
  const f = useCorrectionFile(id);
  const status = useSetupStatus();
  if ((id && !f.data) || !status.data) return <Loading center>正在加载社区矫正档案…</Loading>;
  return <CorrectionEditor key={id ?? 'new'} existing={f.data} operatorId={status.data.operator?.id ?? null} />;
}
