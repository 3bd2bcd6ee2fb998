import { Button, Checkbox, Grid, Group, MultiSelect, NumberInput, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { Loading } from '../../components/Loading';
import { useNavigate, useParams } from 'react-router';
import {
  ENTRUSTED_ORIGINS,
  LAND_CATEGORY,
  MEDIATING_BODIES,
  MEDIATING_BODY_LABELS,
  type CaseOrigin,
  type MediatingBody,
} from '../../../shared/domain/mediation';
import { MediationCreateInputAsOf, MediationUpdateInputAsOf, type MediationCase } from '../../../shared/schemas/mediation';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { useDicts, useSettings, useStaffNames } from '../reference/queries';
import { todayLocal } from '../../components/today';
import { newParty, PartyRows, toPartyInput, type PartyValue } from '../persons/PartyRows';
import { originOptions } from './labels';
import { useCreateCase, useUpdateCase } from './mutations';
import { useMediationCase } from './queries';
import { PageForm } from '../../components/GuardedForm';

interface Values {
  origin: CaseOrigin;
  senderUnit: string;
  acceptedDate: string;
  mediatingBody: MediatingBody;
  committeeName: string;
  category: string;
  landContract: boolean;
  summary: string;
  amountYuan: number | string;
  parties: PartyValue[];
  mediatorIds: string[];
}

/** The form's values as the contract takes them (a new case and a corrected one alike). */
const toInput = (v: Values) => ({
  ...v,
  landContract: v.category === LAND_CATEGORY && v.landContract,
  amountYuan: v.amountYuan === '' ? null : Number(v.amountYuan),
  parties: toPartyInput(v.parties),
});

function toValues(c?: MediationCase): Values {
  if (!c) {
    return {
      origin: 'application',
      senderUnit: '',
      acceptedDate: todayLocal(),
      mediatingBody: 'township',
      committeeName: '',
      category: '',
      landContract: false,
      summary: '',
      amountYuan: '',
      parties: [newParty('applicant'), newParty('respondent')],
      mediatorIds: [],
    };
  }
  return {
    origin: c.origin,
    senderUnit: c.senderUnit ?? '',
    acceptedDate: c.acceptedDate,
    mediatingBody: c.mediatingBody,
    committeeName: c.committeeName,
    category: c.category,
    landContract: c.landContract,
    summary: c.summary,
    amountYuan: c.amountYuan ?? '',
    parties: c.parties.map((p) => newParty(p.role, { id: p.personId, name: p.name })),
    mediatorIds: c.mediators.map((m) => m.staffId),
  };
}

/**
 * A case opened directly (on a party's application, on the committee's initiative, or entrusted),
 * or an existing case's particulars corrected — its source too (a case carried across from the
 * register was given a proposed one, REVIEW row 9).
 */
function CaseEditor({ existing }: { existing?: MediationCase }) {
  const navigate = useNavigate();
  const dicts = useDicts();
  const staff = useStaffNames();
  const settings = useSettings();
  const form = useZodForm<Values>({
    schema: existing ? MediationUpdateInputAsOf : MediationCreateInputAsOf,
    initialValues: toValues(existing),
    toInput: (v) => (existing ? { id: existing.id, ...toInput(v) } : toInput(v)),
  });
  const v = form.getValues();
  const create = useCreateCase(form);
  const update = useUpdateCase(form);
  const saving = create.saving || update.saving;
  const submit = form.onSubmit(async (values) => {
    const c = existing
      ? await update.run({ id: existing.id, ...toInput(values) }, '案件信息已保存')
      : await create.run(toInput(values), '调解案件已受理');
    if (c) navigate(`/mediation/${c.id}`);
  });
  return (
    <Paper withBorder p="lg" maw={1000}>
      <PageForm form={form} onSubmit={submit} onLeave={() => navigate(-1)}>
        <Stack>
          <Title order={3}>{existing ? `编辑案件信息　${existing.caseNo}` : '受理人民调解案件'}</Title>
          <Grid gap="sm">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select label="案件来源" withAsterisk allowDeselect={false} data={originOptions()} {...form.getInputProps('origin')} />
            </Grid.Col>
            {ENTRUSTED_ORIGINS.includes(v.origin) && (
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <TextInput label="移送/委托单位" withAsterisk maxLength={100} {...form.getInputProps('senderUnit')} />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="受理日期" withAsterisk {...form.getInputProps('acceptedDate')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="纠纷类型"
                withAsterisk
                searchable
                data={dicts.options('dispute_category')}
                {...form.getInputProps('category')}
              />
            </Grid.Col>
            {v.category === LAND_CATEGORY && (
              <Grid.Col span={{ base: 6, sm: 3 }} pt={30}>
                <Checkbox label="土地承包经营纠纷" {...form.getInputProps('landContract', { type: 'checkbox' })} />
              </Grid.Col>
            )}
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="调解组织类型"
                withAsterisk
                allowDeselect={false}
                data={MEDIATING_BODIES.map((b) => ({ value: b, label: MEDIATING_BODY_LABELS[b] }))}
                {...form.getInputProps('mediatingBody')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <TextInput
                label="调解组织名称"
                placeholder={settings.data?.committeeName}
                description="卷宗号按各调委会分别编号"
                maxLength={50}
                {...form.getInputProps('committeeName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MultiSelect label="调解员" withAsterisk searchable data={staff.options()} {...form.getInputProps('mediatorIds')} />
            </Grid.Col>
          </Grid>
          <PartyRows value={v.parties} onChange={(rows) => form.setFieldValue('parties', rows)} error={form.errors.parties} />
          <Textarea label="纠纷简要情况" withAsterisk autosize minRows={3} maxLength={2000} {...form.getInputProps('summary')} />
          <NumberInput
            label="涉及金额（元）"
            w={240}
            min={0}
            decimalScale={2}
            thousandSeparator=","
            {...form.getInputProps('amountYuan')}
          />
          <Group>
            <Button type="submit" loading={saving}>
              {existing ? '保存' : '受理'}
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

/** 受理 (no id in the path) or 编辑 of one case ('/mediation/:id/edit'). */
export function MediationFormPage() {
  const { id } = useParams();
  const c = useMediationCase(id);
  if (id && !c.data) return <Loading center>正在加载调解案件…</Loading>;
  return <CaseEditor key={id ?? 'new'} existing={c.data} />;
}
