import { Button, Grid, Group, Loader, NumberInput, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useNavigate, useParams } from 'react-router';
import { RISK_LEVELS, RISK_LEVEL_LABELS, type RiskLevel } from '../../../shared/dictionaries';
import { DisputeInput, type Dispute } from '../../../shared/schemas/disputes';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { useDicts, useStaff, useVillages } from '../reference/queries';
import { todayLocal } from '../../components/today';
import { newParty, PartyRows, toPartyInput, type PartyValue } from '../persons/PartyRows';
import { useSaveDispute } from './mutations';
import { useDispute, useNextCaseNumber } from './queries';

interface DisputeValues {
  intakeDate: string;
  source: string;
  category: string;
  villageId: string;
  gridId: string;
  parties: PartyValue[];
  summary: string;
  peopleCount: number | string;
  amountYuan: number | string;
  riskLevel: '' | RiskLevel;
  responsibleStaffId: string;
  deadline: string;
}

function toValues(d?: Dispute): DisputeValues {
  if (!d) {
    return {
      intakeDate: todayLocal(),
      source: '',
      category: '',
      villageId: '',
      gridId: '',
      parties: [newParty('applicant'), newParty('respondent')],
      summary: '',
      peopleCount: '',
      amountYuan: '',
      riskLevel: '',
      responsibleStaffId: '',
      deadline: '',
    };
  }
  return {
    intakeDate: d.intakeDate,
    source: d.source,
    category: d.category,
    villageId: d.villageId ?? '',
    gridId: d.gridId ?? '',
    parties: d.parties.map((p) => newParty(p.role, { id: p.personId, name: p.name })),
    summary: d.summary,
    peopleCount: d.peopleCount ?? '',
    amountYuan: d.amountYuan ?? '',
    riskLevel: d.riskLevel ?? '',
    responsibleStaffId: d.responsibleStaffId ?? '',
    deadline: d.deadline ?? '',
  };
}

/** What the host expects: empty parties rows dropped, numbers or null. */
function toInput(v: DisputeValues) {
  return {
    intakeDate: v.intakeDate,
    source: v.source,
    category: v.category,
    villageId: v.villageId,
    gridId: v.gridId,
    parties: toPartyInput(v.parties),
    summary: v.summary,
    peopleCount: v.peopleCount === '' ? null : Number(v.peopleCount),
    amountYuan: v.amountYuan === '' ? null : Number(v.amountYuan),
    riskLevel: v.riskLevel,
    responsibleStaffId: v.responsibleStaffId,
    deadline: v.deadline,
  };
}

function DisputeEditor({ existing }: { existing?: Dispute }) {
  const navigate = useNavigate();
  const dicts = useDicts();
  const villages = useVillages();
  const staff = useStaff();
  const form = useZodForm<DisputeValues>({ schema: DisputeInput, initialValues: toValues(existing), toInput });
  const mutation = useSaveDispute(form);
  const v = form.getValues();
  const preview = useNextCaseNumber(v.intakeDate, !existing);
  const grids = villages.data?.find((x) => x.id === v.villageId)?.grids ?? [];
  const select = (field: 'source' | 'category' | 'villageId' | 'gridId' | 'riskLevel' | 'responsibleStaffId') => ({
    ...form.getInputProps(field),
    value: v[field] || null,
    onChange: (x: string | null) => form.setFieldValue(field, (x ?? '') as never),
  });

  const submit = form.onSubmit(async (values) => {
    const saved = await mutation.run({ id: existing?.id ?? null, input: toInput(values) }, (d) =>
      existing ? `${d.caseNo} 已修改` : `已登记，案号 ${d.caseNo}`,
    );
    if (saved) navigate(`/disputes/${saved.id}`);
  });

  return (
    <Paper withBorder p="lg" maw={1000}>
      <form onSubmit={submit}>
        <Stack>
          <Group justify="space-between">
            <Title order={3}>{existing ? `编辑纠纷登记：${existing.caseNo}` : '登记矛盾纠纷'}</Title>
            {!existing && preview.data && (
              <Text c="dimmed" size="sm">
                案号（保存时确定）：{preview.data.caseNo}
              </Text>
            )}
          </Group>
          <Grid gap="sm">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="登记日期" withAsterisk {...form.getInputProps('intakeDate')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select label="纠纷来源" withAsterisk data={dicts.options('dispute_source')} {...select('source')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select label="纠纷类型" withAsterisk searchable data={dicts.options('dispute_category')} {...select('category')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="风险等级"
                clearable
                data={RISK_LEVELS.map((r) => ({ value: r, label: RISK_LEVEL_LABELS[r] }))}
                {...select('riskLevel')}
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
                onChange={(x) => {
                  form.setFieldValue('villageId', x ?? '');
                  form.setFieldValue('gridId', '');
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="网格"
                clearable
                disabled={!v.villageId}
                data={grids.map((g) => ({ value: g.id, label: g.name }))}
                {...select('gridId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="承办人"
                clearable
                data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
                {...select('responsibleStaffId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="办理期限" description="留空则按设置的天数自动计算" {...form.getInputProps('deadline')} />
            </Grid.Col>
          </Grid>

          <PartyRows value={v.parties} onChange={(rows) => form.setFieldValue('parties', rows)} error={form.errors.parties} />

          <Textarea label="纠纷简要情况" withAsterisk autosize minRows={3} maxLength={2000} {...form.getInputProps('summary')} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <NumberInput label="涉及人数" min={1} max={100000} allowDecimal={false} {...form.getInputProps('peopleCount')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <NumberInput label="涉及金额（元）" min={0} decimalScale={2} thousandSeparator="," {...form.getInputProps('amountYuan')} />
            </Grid.Col>
          </Grid>
          <Group>
            <Button type="submit" loading={mutation.saving}>
              {existing ? '保存修改' : '登记'}
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

export function DisputeFormPage() {
  const { id } = useParams();
  const d = useDispute(id);
  if (id && !d.data) return <Loader />;
  return <DisputeEditor key={id ?? 'new'} existing={d.data} />;
}
