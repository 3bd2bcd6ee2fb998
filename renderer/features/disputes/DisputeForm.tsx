import {
  Anchor,
  Button,
  Checkbox,
  Divider,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { Loading } from '../../components/Loading';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { RISK_LEVELS, RISK_LEVEL_LABELS, SATISFACTION, type RiskLevel, type Satisfaction } from '../../../shared/dictionaries';
import { HANDLING_LEVELS, HANDLING_LEVEL_LABELS, TICKET_SOURCES, type HandlingLevel } from '../../../shared/domain/disputes';
import { type Dispute, DisputeInputAsOf } from '../../../shared/schemas/disputes';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { useDicts, useSetupStatus, useStaffNames, useVillages } from '../reference/queries';
import { todayLocal } from '../../components/today';
import { newParty, PartyRows, toPartyInput, type PartyValue } from '../persons/PartyRows';
import { useSaveDispute } from './mutations';
import { useDispute, useNextCaseNumber } from './queries';
import { PageForm } from '../../components/GuardedForm';

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
  handlingLevel: '' | HandlingLevel;
  ticketNo: string;
  ticketUnit: string;
  ticketDeadline: string;
  feedbackDate: string;
  satisfaction: '' | Satisfaction;
  preventedCriminal: boolean;
  preventedCriminalPersons: number | string;
  preventedMass: boolean;
  preventedMassPersons: number | string;
}

const NO_MORE = {
  handlingLevel: '',
  ticketNo: '',
  ticketUnit: '',
  ticketDeadline: '',
  feedbackDate: '',
  satisfaction: '',
  preventedCriminal: false,
  preventedCriminalPersons: '',
  preventedMass: false,
  preventedMassPersons: '',
} as const;

/** A new registration is handled by whoever registers it unless they choose a colleague (承办人 = the operator). */
function toValues(d: Dispute | undefined, operatorId: string | null): DisputeValues {
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
      responsibleStaffId: operatorId ?? '',
      deadline: '',
      ...NO_MORE,
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
    handlingLevel: d.handlingLevel ?? '',
    ticketNo: d.ticketNo ?? '',
    ticketUnit: d.ticketUnit ?? '',
    ticketDeadline: d.ticketDeadline ?? '',
    feedbackDate: d.feedbackDate ?? '',
    satisfaction: d.satisfaction ?? '',
    preventedCriminal: d.preventedCriminalPersons !== null,
    preventedCriminalPersons: d.preventedCriminalPersons ?? '',
    preventedMass: d.preventedMassPersons !== null,
    preventedMassPersons: d.preventedMassPersons ?? '',
  };
}

const count = (checked: boolean, n: number | string) => (!checked ? null : n === '' ? Number.NaN : Number(n));

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
    handlingLevel: v.handlingLevel,
    // A work order's particulars are kept only for the sources that send one.
    ...(TICKET_SOURCES.includes(v.source)
      ? {
          ticketNo: v.ticketNo,
          ticketUnit: v.ticketUnit,
          ticketDeadline: v.ticketDeadline,
          feedbackDate: v.feedbackDate,
          satisfaction: v.satisfaction,
        }
      : ({ ticketNo: '', ticketUnit: '', ticketDeadline: '', feedbackDate: '', satisfaction: '' } as const)),
    preventedCriminalPersons: count(v.preventedCriminal, v.preventedCriminalPersons),
    preventedMassPersons: count(v.preventedMass, v.preventedMassPersons),
  };
}

function DisputeEditor({ existing }: { existing?: Dispute }) {
  const navigate = useNavigate();
  const dicts = useDicts();
  const villages = useVillages();
  const staff = useStaffNames();
  const status = useSetupStatus();
  const form = useZodForm<DisputeValues>({
    schema: DisputeInputAsOf,
    initialValues: toValues(existing, status.data?.operator?.id ?? null),
    toInput,
  });
  // A party's village offered for the dispute: taken at once when the dispute has none yet.
  const [villageOffer, setVillageOffer] = useState<{ villageId: string; party: string } | null>(null);
  const mutation = useSaveDispute(form);
  const v = form.getValues();
  const preview = useNextCaseNumber(v.intakeDate, !existing);
  const grids = villages.data?.find((x) => x.id === v.villageId)?.grids ?? [];
  const select = (
    field: 'source' | 'category' | 'villageId' | 'gridId' | 'riskLevel' | 'responsibleStaffId' | 'handlingLevel' | 'satisfaction',
  ) => ({
    ...form.getInputProps(field),
    value: v[field] || null,
    onChange: (x: string | null) => form.setFieldValue(field, (x ?? '') as never),
  });

  const setVillage = (id: string) => {
    form.setFieldValue('villageId', id);
    form.setFieldValue('gridId', '');
    setVillageOffer(null);
  };
  const onParties = (rows: PartyValue[]) => {
    const before = new Set(v.parties.map((p) => p.person?.id));
    form.setFieldValue('parties', rows);
    const picked = rows.find((p) => p.person?.villageId && !before.has(p.person.id))?.person;
    if (!picked?.villageId) return;
    if (!v.villageId) setVillage(picked.villageId);
    else if (picked.villageId !== v.villageId) setVillageOffer({ villageId: picked.villageId, party: picked.name });
  };
  const offeredVillage =
    villageOffer && villageOffer.villageId !== v.villageId && villages.data?.find((x) => x.id === villageOffer.villageId);

  const submit = form.onSubmit(async (values) => {
    const saved = await mutation.run({ id: existing?.id ?? null, input: toInput(values) }, (d) =>
      existing ? `${d.caseNo} 已修改` : `已登记，案号 ${d.caseNo}`,
    );
    if (saved) navigate(`/disputes/${saved.id}`);
  });

  return (
    <Paper withBorder p="lg" maw={1000}>
      <PageForm form={form} onSubmit={submit} onLeave={() => navigate(-1)}>
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
                onChange={(x) => setVillage(x ?? '')}
              />
              {offeredVillage && (
                <Text size="xs" mt={4} data-testid="village-offer">
                  当事人{villageOffer.party}住{offeredVillage.name}，
                  <Anchor component="button" type="button" size="xs" onClick={() => setVillage(offeredVillage.id)}>
                    改为{offeredVillage.name}
                  </Anchor>
                </Text>
              )}
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
              <Select label="承办人" clearable data={staff.options()} {...select('responsibleStaffId')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <DateField label="办理期限" description="留空则按设置的期限自动计算" {...form.getInputProps('deadline')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Select
                label="调处主体"
                clearable
                data={HANDLING_LEVELS.map((l) => ({ value: l, label: HANDLING_LEVEL_LABELS[l] }))}
                {...select('handlingLevel')}
              />
            </Grid.Col>
          </Grid>

          {TICKET_SOURCES.includes(v.source) && (
            <>
              <Divider label={v.source === 'petition' ? '信访转办单' : '12345工单'} labelPosition="left" />
              <Grid gap="sm">
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput label="工单号（转办单号）" maxLength={50} {...form.getInputProps('ticketNo')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput label="转办单位" maxLength={100} placeholder="如：县12345热线中心" {...form.getInputProps('ticketUnit')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 2 }}>
                  <DateField label="办理时限" {...form.getInputProps('ticketDeadline')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 2 }}>
                  <DateField label="反馈日期" {...form.getInputProps('feedbackDate')} />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 2 }}>
                  <Select label="满意度" clearable data={[...SATISFACTION]} {...select('satisfaction')} />
                </Grid.Col>
              </Grid>
            </>
          )}

          <PartyRows value={v.parties} onChange={onParties} error={form.errors.parties} />

          <Textarea label="纠纷简要情况" withAsterisk autosize minRows={3} maxLength={2000} {...form.getInputProps('summary')} />
          <Grid gap="sm">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <NumberInput label="涉及人数" min={1} max={100000} allowDecimal={false} {...form.getInputProps('peopleCount')} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <NumberInput label="涉及金额（元）" min={0} decimalScale={2} thousandSeparator="," {...form.getInputProps('amountYuan')} />
            </Grid.Col>
          </Grid>
          <Divider label="防范成效" labelPosition="left" />
          <Grid gap="sm" align="flex-end">
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Checkbox label="防止民转刑" {...form.getInputProps('preventedCriminal', { type: 'checkbox' })} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              {v.preventedCriminal && (
                <NumberInput
                  label="防止民转刑涉及人数"
                  withAsterisk
                  min={1}
                  allowDecimal={false}
                  {...form.getInputProps('preventedCriminalPersons')}
                />
              )}
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              <Checkbox label="防止群体性事件" {...form.getInputProps('preventedMass', { type: 'checkbox' })} />
            </Grid.Col>
            <Grid.Col span={{ base: 6, sm: 3 }}>
              {v.preventedMass && (
                <NumberInput
                  label="防止群体性事件涉及人数"
                  withAsterisk
                  min={1}
                  allowDecimal={false}
                  {...form.getInputProps('preventedMassPersons')}
                />
              )}
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
      </PageForm>
    </Paper>
  );
}

export function DisputeFormPage() {
  const { id } = useParams();
  const d = useDispute(id);
  if (id && !d.data) return <Loading center>正在加载纠纷登记…</Loading>;
  return <DisputeEditor key={id ?? 'new'} existing={d.data} />;
}
