import { Button, Grid, Group, MultiSelect, NumberInput, Paper, Select, Stack, Textarea, TextInput, Title } from '@mantine/core';
import { useNavigate } from 'react-router';
import {
  CASE_ORIGINS,
  CASE_ORIGIN_LABELS,
  ENTRUSTED_ORIGINS,
  MEDIATING_BODIES,
  MEDIATING_BODY_LABELS,
  type CaseOrigin,
  type MediatingBody,
} from '../../../shared/domain/mediation';
import { MediationCreateInput } from '../../../shared/schemas/mediation';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { staffOptions, useDicts, useSettings, useStaff } from '../reference/queries';
import { todayLocal } from '../../components/today';
import { newParty, PartyRows, toPartyInput, type PartyValue } from '../persons/PartyRows';
import { useCreateCase } from './mutations';

type DirectOrigin = Exclude<CaseOrigin, 'dispute'>;

interface Values {
  origin: DirectOrigin;
  senderUnit: string;
  acceptedDate: string;
  mediatingBody: MediatingBody;
  committeeName: string;
  category: string;
  summary: string;
  amountYuan: number | string;
  parties: PartyValue[];
  mediatorIds: string[];
}

const toInput = (v: Values) => ({ ...v, amountYuan: v.amountYuan === '' ? null : Number(v.amountYuan), parties: toPartyInput(v.parties) });

/** A case opened directly: on a party's application, on the committee's initiative, or entrusted. */
export function MediationCreatePage() {
  const navigate = useNavigate();
  const dicts = useDicts();
  const staff = useStaff();
  const settings = useSettings();
  const form = useZodForm<Values>({
    schema: MediationCreateInput,
    initialValues: {
      origin: 'application',
      senderUnit: '',
      acceptedDate: todayLocal(),
      mediatingBody: 'township',
      committeeName: '',
      category: '',
      summary: '',
      amountYuan: '',
      parties: [newParty('applicant'), newParty('respondent')],
      mediatorIds: [],
    },
    toInput,
  });
  const v = form.getValues();
  const { run, saving } = useCreateCase(form);
  const submit = form.onSubmit(async (values) => {
    const c = await run(toInput(values), '调解案件已受理');
    if (c) navigate(`/mediation/${c.id}`);
  });
  return (
    <Paper withBorder p="lg" maw={1000}>
      <form onSubmit={submit}>
        <Stack>
          <Title order={3}>受理人民调解案件</Title>
          <Grid gap="sm">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="案件来源"
                withAsterisk
                allowDeselect={false}
                data={CASE_ORIGINS.filter((o) => o !== 'dispute').map((o) => ({ value: o, label: CASE_ORIGIN_LABELS[o] }))}
                {...form.getInputProps('origin')}
              />
            </Grid.Col>
            {ENTRUSTED_ORIGINS.includes(v.origin) && (
              <Grid.Col span={{ base: 6, sm: 3 }}>
                <TextInput label="委托/移交/指定单位" withAsterisk maxLength={100} {...form.getInputProps('senderUnit')} />
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
                maxLength={50}
                {...form.getInputProps('committeeName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MultiSelect label="调解员" withAsterisk searchable data={staffOptions(staff.data)} {...form.getInputProps('mediatorIds')} />
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
              受理
            </Button>
            <Button variant="default" onClick={() => navigate(-1)}>
              取消
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
