import {
  Button,
  Checkbox,
  Group,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import {
  STABILITY_CLASSES,
  STABILITY_LABELS,
  SUSPENSION_REASON_LABELS,
  SUSPENSION_REASONS,
  type StabilityClass,
  type SuspensionReason,
} from '../../../shared/domain/followup-rules';
import { waiveDate, type DueItem } from '../../../shared/domain/obligations';
import {
  END_STATUSES,
  EXCUSE_EXAMPLES,
  FOLLOWUP_STATUS_LABELS,
  FollowupEndInputAsOf,
  FollowupVisitInputAsOf,
  PoliceReportInputAsOf,
  REWARD_RESULTS,
  REWARD_SOURCE,
  SuspensionInputAsOf,
  YearRecordInputAsOf,
  TERMINATION_REASONS,
  TEST_RESULTS,
  VISIT_KIND_LABELS,
  VISIT_METHODS,
  type EndStatus,
  type FollowupLevel,
  type FollowupReport,
  type FollowupSubject,
  type FollowupSuspension,
  type FollowupVisit,
  type FollowupYear,
  type RewardResult,
  type VisitKind,
} from '../../../shared/schemas/followup';
import { WaiveItemsInput } from '../../../shared/schemas/obligations';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { todayLocal } from '../../components/today';
import { LevelOption, levelOptions } from './labels';
import { useWaiveItems } from '../obligations/mutations';
import { FOLLOWUP_TOUCHES, useEndFollowup, useSaveReport, useSaveSuspension, useSaveVisit, useSaveYear } from './mutations';
import { ModalActions } from '../../components/ModalActions';
import { FormModal } from '../../components/GuardedForm';

type VisitValues = {
  kind: VisitKind;
  date: string;
  method: (typeof VISIT_METHODS)[number];
  visitors: string;
  findings: string;
  levelAfter: FollowupLevel | '';
  testResult: (typeof TEST_RESULTS)[number] | '';
  excuse: string;
  stability: StabilityClass | '';
};

/** Only what the record kind and result use is sent: a reason with 未到, a stability class with a mental-health visit. */
function visitInput(s: FollowupSubject, id: string | null, v: VisitValues) {
  const test = v.kind === 'test';
  return {
    subjectId: s.id,
    id,
    ...v,
    excuse: test && v.testResult === '未到' ? v.excuse : '',
    stability: !test && s.group === 'mental_health' ? v.stability : '',
  };
}

/**
 * 记录走访 (and, for drug files, 检测): what was found and, when the risk was reassessed, the new
 * level — which sets the cadence from the visit's date on. A 未到 may give its proper reason (not then a
 * refusal, REVIEW row 14); a visit to a basically stable patient records the stability found (REVIEW row 5).
 */
export function VisitModal({ s, visit, onClose }: { s: FollowupSubject; visit?: FollowupVisit; onClose: () => void }) {
  const form = useZodForm<VisitValues>({
    schema: FollowupVisitInputAsOf,
    initialValues: {
      kind: visit?.kind ?? 'visit',
      date: visit?.date ?? todayLocal(),
      method: (visit?.method ?? '上门') as (typeof VISIT_METHODS)[number],
      visitors: visit?.visitors ?? s.responsibleName,
      findings: visit?.findings ?? '',
      levelAfter: visit?.levelAfter ?? '',
      testResult: (visit?.testResult ?? '') as (typeof TEST_RESULTS)[number] | '',
      excuse: visit?.excuse ?? '',
      stability: visit?.stability ?? '',
    },
    toInput: (v) => visitInput(s, visit?.id ?? null, v),
  });
  const { run, saving } = useSaveVisit(form);
  const v = form.getValues();
  const test = v.kind === 'test';
  const mh = s.group === 'mental_health';
  // 基本稳定 (1–2级): the 2-week visit's finding decides the next interval.
  const basic = mh && !test && (s.level === '1' || s.level === '2' || !!visit?.stability);
  // A mental-health patient's visit is a 随访 or a 走访（关爱帮扶） by the office's scheme (REVIEW row 23).
  const word = (kind: VisitKind) => (kind === 'visit' ? s.visitWord : VISIT_KIND_LABELS[kind]);
  const submit = form.onSubmit(async (values) => {
    const saved = await run(visitInput(s, visit?.id ?? null, values), `${word(values.kind)}已记录`);
    if (saved) onClose();
  });
  const title = `${visit ? '修改' : '记录'}${s.group === 'drug' ? '走访或检测' : s.visitWord}`;
  const short = s.visitWord.replace(/（.*）$/, '');
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={title} size="lg">
      <Stack>
        {s.group === 'drug' && (
          <SegmentedControl
            aria-label="记录类型"
            data={(['visit', 'test'] as const).map((k) => ({ value: k, label: VISIT_KIND_LABELS[k] }))}
            {...form.getInputProps('kind')}
          />
        )}
        <Group grow align="flex-start">
          <DateField label={test ? '检测日期' : `${short}日期`} withAsterisk {...form.getInputProps('date')} />
          <Select
            label={test ? '检测方式' : `${short}方式`}
            withAsterisk
            allowDeselect={false}
            data={[...VISIT_METHODS]}
            {...form.getInputProps('method')}
          />
          {test && (
            <Select
              label="检测结果"
              withAsterisk
              data={[...TEST_RESULTS]}
              {...form.getInputProps('testResult')}
              value={v.testResult || null}
            />
          )}
        </Group>
        {test && v.testResult === '未到' && (
          <TextInput
            label="正当理由"
            description={`${EXCUSE_EXAMPLES}有正当理由未到的，填写理由，不计入“逃避或拒绝检测”次数（戒毒条例第二十条）；无正当理由的留空`}
            maxLength={200}
            {...form.getInputProps('excuse')}
          />
        )}
        <TextInput label={`${short}人员`} withAsterisk maxLength={100} {...form.getInputProps('visitors')} />
        <Textarea
          label={`${short}情况`}
          withAsterisk
          autosize
          minRows={3}
          maxLength={2000}
          placeholder={mh ? '服药、病情、监护落实情况等' : undefined}
          {...form.getInputProps('findings')}
        />
        {basic && (
          <Select
            label="病情稳定情况"
            description="基本稳定（1–2级）患者2周时随访后：评估为稳定的3个月后随访，仍基本稳定或未评估的1个月后随访，不稳定的2周内随访（国家基本公共卫生服务规范第三版）"
            placeholder="未评估"
            clearable
            data={STABILITY_CLASSES.map((c) => ({ value: c, label: STABILITY_LABELS[c] }))}
            {...form.getInputProps('stability')}
            value={v.stability || null}
            onChange={(x) => form.setFieldValue('stability', (x ?? '') as StabilityClass | '')}
          />
        )}
        <Select
          label={s.group === 'left_behind_child' ? '关爱等级重新评估' : '风险等级重新评估'}
          description={`当前：${levelOptions(s.group).find((o) => o.value === s.level)?.label ?? s.level}。等级有变化时选择，走访频次自本次走访之日起按新等级计算；无变化留空`}
          placeholder="不调整"
          clearable
          data={levelOptions(s.group)}
          renderOption={({ option }) => <LevelOption label={option.label} level={option.value} />}
          {...form.getInputProps('levelAfter')}
          value={v.levelAfter || null}
          onChange={(x) => form.setFieldValue('levelAfter', (x ?? '') as typeof v.levelAfter)}
        />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/**
 * 解除管理: released, moved away or deceased, with the date and the reason; a drug file may also be
 * 终止 (imprisoned, a compulsory education measure, compulsory isolated detox: REVIEW row 13).
 */
export function EndModal({ s, onClose }: { s: FollowupSubject; onClose: () => void }) {
  const form = useZodForm({
    schema: FollowupEndInputAsOf,
    initialValues: { status: 'released' as EndStatus, endDate: todayLocal(), endReason: '' },
    toInput: (v) => ({ id: s.id, ...v }),
  });
  const { run, saving } = useEndFollowup(form);
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: s.id, ...values }, `已${FOLLOWUP_STATUS_LABELS[values.status]}，不再安排走访`)) onClose();
  });
  const statuses = END_STATUSES.filter((x) => x !== 'terminated' || s.group === 'drug');
  const v = form.getValues();
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="解除管理">
      <Stack>
        <SegmentedControl
          aria-label="解除类型"
          data={statuses.map((x) => ({ value: x, label: FOLLOWUP_STATUS_LABELS[x] }))}
          {...form.getInputProps('status')}
        />
        {v.status === 'terminated' && (
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              终止原因（戒毒条例第二十四条、禁毒法第三十八条）：
            </Text>
            {TERMINATION_REASONS.map((r) => (
              <Button key={r} size="compact-xs" variant="light" onClick={() => form.setFieldValue('endReason', r)}>
                {r}
              </Button>
            ))}
          </Group>
        )}
        <DateField label="日期" withAsterisk {...form.getInputProps('endDate')} />
        <Textarea label="原因" withAsterisk autosize minRows={2} maxLength={500} {...form.getInputProps('endReason')} />
        <ModalActions onCancel={onClose} submit="确定解除" loading={saving} color="red" />
      </Stack>
    </FormModal>
  );
}

/**
 * 批量免除: the ticked items excused with one reason, all or none (a patient in hospital: the visits
 * falling due meanwhile). Each counts as excused on its due date, or today when that is earlier, as a
 * single 免除 does; the list says which day each will carry before it is confirmed.
 */
export function WaiveItemsModal({
  s,
  items,
  onClose,
  onWaived,
}: {
  s: FollowupSubject;
  items: readonly DueItem[];
  onClose: () => void;
  onWaived: () => void;
}) {
  const refs = items.map((i) => ({ module: 'followup' as const, ownerId: s.id, ruleId: i.ruleId, itemKey: i.key }));
  const form = useZodForm({
    schema: WaiveItemsInput,
    initialValues: { reason: '' },
    toInput: (v) => ({ module: 'followup', items: refs, ...v }),
  });
  const { run, saving } = useWaiveItems(FOLLOWUP_TOUCHES, form);
  const today = todayLocal();
  const submit = form.onSubmit(async (values) => {
    if (await run({ module: 'followup', items: refs, ...values }, (r) => `已免除 ${r.count} 项，走访频次自免除之日起继续计算`)) onWaived();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={`批量免除：${items.length} 项`} size="lg">
      <Stack>
        <Table withTableBorder verticalSpacing={4} data-testid="waive-items">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>事项</Table.Th>
              <Table.Th>到期日</Table.Th>
              <Table.Th>免除日期</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((i) => (
              <Table.Tr key={i.key}>
                <Table.Td>{i.label}</Table.Td>
                <Table.Td>{i.dueDate}</Table.Td>
                <Table.Td>{waiveDate(i, today)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {form.errors.items && (
          <Text size="sm" c="red" role="alert">
            {form.errors.items}
          </Text>
        )}
        <Text size="sm">
          以上各项使用同一理由免除，全部成功或全部不免除。免除的事项不计为漏访，免除日期为到期日（未到期的为今天），之后的走访从免除日期起按频次计算；每项分别记入修改记录，误填的可逐项撤销。
        </Text>
        <Textarea
          label="免除理由"
          withAsterisk
          autosize
          minRows={2}
          maxLength={200}
          placeholder="如：4月至5月住院治疗，出院后走访"
          {...form.getInputProps('reason')}
        />
        <ModalActions onCancel={onClose} submit={`确定免除 ${items.length} 项`} loading={saving} />
      </Stack>
    </FormModal>
  );
}

/**
 * 报告公安机关 (REVIEW row 2): the day, the police unit, who received it and what was reported; the open
 * 报告公安 duties it answers are ticked (all of them for a new report), and each is closed by it.
 */
export function ReportModal({ s, report, onClose }: { s: FollowupSubject; report?: FollowupReport; onClose: () => void }) {
  const open = (s.drug?.police ?? []).filter((d) => d.state !== 'done' && d.state !== 'waived');
  const choices = [
    ...(report?.matters.map((m) => ({ value: m.id, label: m.label })) ?? []),
    ...open
      .filter((d) => !report?.matters.some((m) => m.id === d.ruleId))
      .map((d) => ({ value: d.ruleId, label: `${d.label}，${d.dueDate}前` })),
  ];
  const form = useZodForm({
    schema: PoliceReportInputAsOf,
    initialValues: {
      date: report?.date ?? todayLocal(),
      policeUnit: report?.policeUnit ?? '',
      receiver: report?.receiver ?? '',
      note: report?.note ?? '',
      matters: report ? report.matters.map((m) => m.id) : open.map((d) => d.ruleId),
    },
    toInput: (v) => ({ subjectId: s.id, id: report?.id ?? null, ...v }),
  });
  const { run, saving } = useSaveReport(form);
  const submit = form.onSubmit(async (values) => {
    if (await run({ subjectId: s.id, id: report?.id ?? null, ...values }, '报告记录已保存')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={report ? '修改报告记录' : '记录报告公安机关'} size="lg">
      <Stack>
        <Text size="xs" c="dimmed">
          戒毒条例第二十一条：检测阳性（又吸食、注射毒品）、拒绝接受社区戒毒（含无正当理由逾期不报到）、严重违反协议的，应当及时向当地公安机关报告。
        </Text>
        {choices.length > 0 ? (
          <Checkbox.Group label="报告事由（保存后对应待办事项即办结）" {...form.getInputProps('matters')}>
            <Stack gap={4} mt={4}>
              {choices.map((c) => (
                <Checkbox key={c.value} value={c.value} label={c.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : (
          <Text size="sm">目前没有待报告的事项；如另行报告，可直接记录。</Text>
        )}
        <Group grow align="flex-start">
          <DateField label="报告日期" withAsterisk {...form.getInputProps('date')} />
          <TextInput
            label="公安机关（派出所）"
            withAsterisk
            maxLength={50}
            placeholder="如：某某派出所"
            {...form.getInputProps('policeUnit')}
          />
          <TextInput label="接收人" withAsterisk maxLength={20} {...form.getInputProps('receiver')} />
        </Group>
        <Textarea
          label="报告内容"
          autosize
          minRows={2}
          maxLength={500}
          placeholder="如：电话报告检测结果，派出所已登记"
          {...form.getInputProps('note')}
        />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/**
 * 中止 (REVIEW row 13): detained or arrested from a day; the day of release is recorded when it comes.
 * While it lasts no test falls due; a test that fell due during it is excused on release.
 */
export function SuspensionModal({ s, suspension, onClose }: { s: FollowupSubject; suspension?: FollowupSuspension; onClose: () => void }) {
  const form = useZodForm({
    schema: SuspensionInputAsOf,
    initialValues: {
      reason: (suspension?.reason ?? 'detention') as SuspensionReason,
      startDate: suspension?.startDate ?? todayLocal(),
      endDate: suspension?.endDate ?? '',
      note: suspension?.note ?? '',
    },
    toInput: (v) => ({ subjectId: s.id, id: suspension?.id ?? null, ...v }),
  });
  const { run, saving } = useSaveSuspension(form);
  const submit = form.onSubmit(async (values) => {
    const done = await run(
      { subjectId: s.id, id: suspension?.id ?? null, ...values },
      values.endDate ? '中止记录已保存，释放后继续执行' : '已记录中止，期间不再安排检测',
    );
    if (done) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={suspension ? '修改中止记录' : '记录中止'}>
      <Stack>
        <Text size="xs" c="dimmed">
          戒毒条例第二十四条：被依法拘留、逮捕的，社区戒毒中止，释放后继续接受社区戒毒。中止期间不安排检测；释放后自释放之日起继续计算。
        </Text>
        <SegmentedControl
          aria-label="中止原因"
          data={SUSPENSION_REASONS.map((r) => ({ value: r, label: SUSPENSION_REASON_LABELS[r] }))}
          {...form.getInputProps('reason')}
        />
        <Group grow align="flex-start">
          <DateField label="中止日期" withAsterisk description="被拘留、逮捕之日" {...form.getInputProps('startDate')} />
          <DateField label="释放日期" description="尚未释放的留空" {...form.getInputProps('endDate')} />
        </Group>
        <TextInput label="说明" maxLength={200} placeholder="如：某某看守所" {...form.getInputProps('note')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

type YearValues = {
  year: number | '';
  rewardResult: RewardResult | '';
  paid: boolean;
  amountYuan: number | '';
  paidDate: string;
  guardianName: string;
  freeMedication: boolean;
  freeTreatment: boolean;
  note: string;
};

/** Only a 合格 year is paid, and only a paid one has a day of payment: what does not apply is not sent. */
function yearInput(s: FollowupSubject, id: string | null, v: YearValues) {
  const rewarded = v.rewardResult === '合格';
  const paid = rewarded && v.paid;
  return {
    subjectId: s.id,
    id,
    year: v.year === '' ? undefined : v.year,
    rewardResult: v.rewardResult || undefined,
    paid,
    amountYuan: rewarded && v.amountYuan !== '' ? v.amountYuan : null,
    paidDate: paid ? v.paidDate : '',
    guardianName: v.guardianName,
    freeMedication: v.freeMedication,
    freeTreatment: v.freeTreatment,
    note: v.note,
  };
}

/**
 * A severe-mental-disorder file's year (REVIEW row 12): the guardian's 以奖代补 考核结果, the amount, whether
 * and when it was paid and to whom, and whether the patient had 免费服药 and 免费救治 that year.
 */
export function YearModal({ s, record, onClose }: { s: FollowupSubject; record?: FollowupYear; onClose: () => void }) {
  const thisYear = Number(todayLocal().slice(0, 4));
  const taken = new Set(s.years.map((y) => y.year));
  const guardian = typeof s.facts.guardianName === 'string' ? s.facts.guardianName : '';
  const form = useZodForm<YearValues>({
    schema: YearRecordInputAsOf,
    initialValues: {
      year: record?.year ?? (taken.has(thisYear) ? '' : thisYear),
      rewardResult: record?.rewardResult ?? '',
      paid: record?.paid ?? false,
      amountYuan: record?.amountYuan ?? '',
      paidDate: record?.paidDate ?? '',
      guardianName: record?.guardianName ?? guardian,
      freeMedication: record?.freeMedication ?? false,
      freeTreatment: record?.freeTreatment ?? false,
      note: record?.note ?? '',
    },
    toInput: (v) => yearInput(s, record?.id ?? null, v),
  });
  const { run, saving } = useSaveYear(form);
  const v = form.getValues();
  const rewarded = v.rewardResult === '合格';
  const submit = form.onSubmit(async (values) => {
    const input = yearInput(s, record?.id ?? null, values) as Parameters<typeof run>[0];
    if (await run(input, `${values.year}年记录已保存`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={record ? `修改${record.year}年记录` : '添加年度记录'} size="lg">
      <Stack>
        <Text size="xs" c="dimmed">
          {REWARD_SOURCE}。每年一条记录：监护人履行监护责任的年度考核结果及奖励发放，患者当年是否享受免费服药、免费救治。
        </Text>
        <Group grow align="flex-start">
          <NumberInput label="年度" withAsterisk min={2016} max={thisYear} allowDecimal={false} {...form.getInputProps('year')} />
          <Select
            label="以奖代补考核结果"
            withAsterisk
            data={[...REWARD_RESULTS]}
            {...form.getInputProps('rewardResult')}
            value={v.rewardResult || null}
            onChange={(x) => form.setFieldValue('rewardResult', (x ?? '') as RewardResult | '')}
          />
          <TextInput label="监护人" withAsterisk={rewarded} maxLength={20} {...form.getInputProps('guardianName')} />
        </Group>
        {rewarded && (
          <Group grow align="flex-end">
            <NumberInput label="奖励金额（元）" min={0} max={1000000} decimalScale={2} {...form.getInputProps('amountYuan')} />
            <Switch label="已发放" mb={8} {...form.getInputProps('paid', { type: 'checkbox' })} />
            <DateField label="发放日期" disabled={!v.paid} {...form.getInputProps('paidDate')} />
          </Group>
        )}
        <Group>
          <Checkbox label="当年享受免费服药" {...form.getInputProps('freeMedication', { type: 'checkbox' })} />
          <Checkbox label="当年享受免费救治" {...form.getInputProps('freeTreatment', { type: 'checkbox' })} />
        </Group>
        <TextInput label="说明" maxLength={200} {...form.getInputProps('note')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}
