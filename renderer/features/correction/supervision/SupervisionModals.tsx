/** The forms of a file's supervision records (REVIEW §5.1, REVIEW §5.2), each refused as the host refuses it. */
import { Button, Checkbox, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  APPROVAL_KIND_LABELS,
  APPROVER_LEVEL_LABELS,
  approverLevel,
  ASSESS_RESULT_LABELS,
  ASSESS_RESULTS,
  INCIDENT_KIND_LABELS,
  INCIDENT_KINDS,
  latestMonitorEnd,
  latestTripEnd,
  MEMBER_ROLES,
  MONITOR_GROUND_LABELS,
  MONITOR_GROUNDS,
  monitorEnd,
  RELOCATE_RESULTS,
  tripDays,
  type ApprovalKind,
  type AssessResult,
  type IncidentKind,
  type MonitorGround,
} from '../../../../shared/domain/correction-supervision';
import { isValidDate } from '../../../../shared/dates';
import {
  approvalInputWith,
  assessmentInputFor,
  ExitReportInputAsOf,
  IncidentInput,
  MonitorInputAsOf,
  PlanInputAsOf,
  TeamInputAsOf,
  type CorrectionApproval,
  type CorrectionIncident,
  type CorrectionMonitor,
  type CorrectionPlan,
  type SupervisionView,
} from '../../../../shared/schemas/correction-supervision';
import { DateField } from '../../../components/DateField';
import { MemberRow } from '../../../components/MemberRow';
import { FormModal } from '../../../components/GuardedForm';
import { ModalActions } from '../../../components/ModalActions';
import { todayLocal } from '../../../components/today';
import { useZodForm } from '../../../components/useZodForm';
import {
  useSaveApproval,
  useSaveAssessment,
  useSaveExitReport,
  useSaveIncident,
  useSaveMonitor,
  useSavePlan,
  useSaveTeam,
} from './mutations';

interface Props {
  s: SupervisionView;
  onClose: () => void;
}

const SEX_OPTIONS = [
  { value: 'M', label: '男' },
  { value: 'F', label: '女' },
];

/** The 矫正小组 (replaced as a whole) and the 矫正责任书. */
export function TeamModal({ s, onClose, staffName }: Props & { staffName: string }) {
  const form = useZodForm({
    schema: TeamInputAsOf,
    initialValues: {
      pledgeDate: s.team.pledgeDate ?? '',
      members: s.team.members.length
        ? s.team.members.map((m) => ({
            name: m.name,
            role: m.role as string,
            sex: m.sex ?? '',
            phone: m.phone ?? '',
            knowsMinors: m.knowsMinors,
          }))
        : [{ name: staffName, role: '司法所工作人员', sex: '', phone: '', knowsMinors: false }],
    },
    toInput: (v) => ({ fileId: s.fileId, ...v }),
  });
  const { run, saving } = useSaveTeam(form);
  const members = form.getValues().members;
  const submit = form.onSubmit(async (values) => {
    if (await run({ fileId: s.fileId, ...values } as never, '矫正小组已保存')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="矫正小组" size="xl">
      <Stack>
        {members.map((_, i) => (
          <MemberRow
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            key={i}
            first={i === 0}
            roles={MEMBER_ROLES}
            input={(field) => form.getInputProps(`members.${i}.${field}`)}
            onRemove={() => form.removeListItem('members', i)}
          >
            <Select
              label={i === 0 ? '性别' : undefined}
              aria-label="成员性别"
              w={80}
              data={SEX_OPTIONS}
              {...form.getInputProps(`members.${i}.sex`)}
              value={members[i]?.sex || null}
              onChange={(x) => form.setFieldValue(`members.${i}.sex`, x ?? '')}
            />
            <Checkbox
              mt={i === 0 ? 32 : 8}
              label="熟悉未成年人工作"
              aria-label="熟悉未成年人工作"
              {...form.getInputProps(`members.${i}.knowsMinors`, { type: 'checkbox' })}
            />
          </MemberRow>
        ))}
        <Button
          variant="light"
          size="xs"
          w={120}
          onClick={() => form.insertListItem('members', { name: '', role: '村/居委会', sex: '', phone: '', knowsMinors: false })}
        >
          添加成员
        </Button>
        <DateField label="矫正责任书签订日期" {...form.getInputProps('pledgeDate')} />
        <Text size="xs" c="dimmed">
          矫正小组由司法所工作人员和村(居)委会人员、监护人或家庭成员、所在单位或学校人员、社会工作者、志愿者等组成；矫正对象为女性的，应当有女性成员（社区矫正法第二十五条）。
        </Text>
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** A version of the 矫正方案 (new or a correction of one). */
export function PlanModal({ s, plan, onClose }: Props & { plan?: CorrectionPlan }) {
  const form = useZodForm({
    schema: PlanInputAsOf,
    initialValues: { date: plan?.date ?? todayLocal(), content: plan?.content ?? '', reason: plan?.reason ?? '' },
    toInput: (v) => ({ id: plan?.id ?? null, fileId: s.fileId, ...v }),
  });
  const { run, saving } = useSavePlan(form);
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: plan?.id ?? null, fileId: s.fileId, ...values }, '矫正方案已保存')) onClose();
  });
  const adjusting = s.plans.some((p) => p.id !== plan?.id);
  return (
    <FormModal
      form={form}
      onSubmit={submit}
      onClose={onClose}
      title={plan ? '修改矫正方案' : adjusting ? '调整矫正方案' : '制定矫正方案'}
      size="lg"
    >
      <Stack>
        <DateField label="方案日期" withAsterisk {...form.getInputProps('date')} />
        <Textarea label="方案内容" withAsterisk autosize minRows={4} maxLength={4000} {...form.getInputProps('content')} />
        <TextInput
          label="调整原因"
          withAsterisk={adjusting}
          placeholder={adjusting ? '如：管理等级调整、就业变化' : '首次制定的可不填'}
          maxLength={500}
          {...form.getInputProps('reason')}
        />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

const PLACE_WORDS: Record<ApprovalKind, string> = {
  leave: '外出目的地',
  frequent: '活动地点（市、县）',
  visitor: '会见对象',
  place: '区域/场所',
  relocate: '新执行地',
};

/** One 审批: the fields its kind needs, refused under the office's limits as the host does. */
export function ApprovalModal({ s, approval, kind, onClose }: Props & { approval?: CorrectionApproval; kind?: ApprovalKind }) {
  const form = useZodForm({
    schema: approvalInputWith(s.limits),
    initialValues: {
      kind: (approval?.kind ?? kind ?? 'leave') as ApprovalKind,
      applyDate: approval?.applyDate ?? '',
      startDate: approval?.startDate ?? '',
      endDate: approval?.endDate ?? '',
      destination: approval?.destination ?? '',
      reason: approval?.reason ?? '',
      papers: approval?.papers ?? '',
      approver: approval?.approver ?? '',
      approvalDate: approval?.approvalDate ?? '',
      returnDate: approval?.returnDate ?? '',
      result: approval?.result ?? '',
      reportedDate: approval?.reportedDate ?? '',
      note: approval?.note ?? '',
    },
    toInput: (v) => ({ id: approval?.id ?? null, fileId: s.fileId, ...v }),
  });
  const { run, saving } = useSaveApproval(form);
  const v = form.getValues();
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: approval?.id ?? null, fileId: s.fileId, ...values }, `${APPROVAL_KIND_LABELS[values.kind]}审批已记录`)) onClose();
  });
  const period = v.kind === 'leave' || v.kind === 'frequent';
  const dated = isValidDate(v.startDate) && isValidDate(v.endDate) && v.endDate >= v.startDate;
  return (
    <FormModal
      form={form}
      onSubmit={submit}
      onClose={onClose}
      title={`${approval ? '修改' : '记录'}${APPROVAL_KIND_LABELS[v.kind]}审批`}
      size="lg"
    >
      <Stack>
        {!approval && (
          <SegmentedControl
            aria-label="审批事项"
            data={(Object.keys(APPROVAL_KIND_LABELS) as ApprovalKind[]).map((k) => ({ value: k, label: APPROVAL_KIND_LABELS[k] }))}
            {...form.getInputProps('kind')}
          />
        )}
        <Group grow align="flex-start">
          <DateField label="申请日期" withAsterisk={v.kind === 'relocate'} {...form.getInputProps('applyDate')} />
          {v.kind !== 'relocate' && <DateField label={period ? '起始日期' : '日期'} withAsterisk {...form.getInputProps('startDate')} />}
          {v.kind !== 'relocate' && (
            <DateField label={period ? '截止日期' : '截止日期（可不填）'} withAsterisk={period} {...form.getInputProps('endDate')} />
          )}
        </Group>
        {v.kind === 'leave' && (
          <Text size="sm" c="dimmed" data-testid="leave-limits">
            {dated
              ? `外出${tripDays(v.startDate, v.endDate)}日，由${APPROVER_LEVEL_LABELS[approverLevel(v.startDate, v.endDate, s.limits)]}批准；`
              : ''}
            {`${s.limits.leaveStationDays}日以内由司法所批准，超过的由县级社区矫正机构批准；每次不超过${s.limits.leaveMaxMonths}个月${
              isValidDate(v.startDate) ? `（最迟${latestTripEnd(v.startDate, s.limits)}）` : ''
            }。`}
          </Text>
        )}
        {v.kind === 'frequent' && (
          <Text size="sm" c="dimmed">
            一次批准的有效期不超过{s.limits.frequentMonths}个月。
          </Text>
        )}
        <TextInput
          label={PLACE_WORDS[v.kind]}
          withAsterisk={v.kind === 'leave' || v.kind === 'relocate'}
          maxLength={200}
          {...form.getInputProps('destination')}
        />
        <TextInput label="事由" maxLength={500} {...form.getInputProps('reason')} />
        {v.kind !== 'relocate' && (
          <TextInput label="证明材料" placeholder="如：医院证明、劳动合同" maxLength={300} {...form.getInputProps('papers')} />
        )}
        <Group grow align="flex-start">
          <TextInput label="批准人" maxLength={50} {...form.getInputProps('approver')} />
          <DateField label={v.kind === 'relocate' ? '决定日期' : '批准日期'} {...form.getInputProps('approvalDate')} />
        </Group>
        {v.kind === 'leave' && <DateField label="销假日期" description="返回后报告销假" {...form.getInputProps('returnDate')} />}
        {v.kind === 'relocate' && (
          <Group grow align="flex-start">
            <Select
              label="两地协商结果"
              data={[...RELOCATE_RESULTS]}
              {...form.getInputProps('result')}
              value={v.result || null}
              onChange={(x) => form.setFieldValue('result', x ?? '')}
            />
            <DateField label="到新执行地报到日期" {...form.getInputProps('reportedDate')} />
          </Group>
        )}
        <TextInput label="备注" maxLength={500} {...form.getInputProps('note')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** 电子定位: one of the five grounds, approved by the county head, at most three months (社区矫正法 art. 29). */
export function MonitorModal({ s, monitor, onClose }: Props & { monitor?: CorrectionMonitor }) {
  const form = useZodForm({
    schema: MonitorInputAsOf,
    initialValues: {
      ground: (monitor?.ground ?? '') as MonitorGround | '',
      approver: monitor?.approver ?? '',
      approvalDate: monitor?.approvalDate ?? '',
      documentNumber: monitor?.documentNumber ?? '',
      startDate: monitor?.startDate ?? '',
      endDate: monitor?.endDate ?? '',
      removalDate: monitor?.removalDate ?? '',
    },
    toInput: (v) => ({ id: monitor?.id ?? null, fileId: s.fileId, ...v }),
  });
  const { run, saving } = useSaveMonitor(form);
  const v = form.getValues();
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: monitor?.id ?? null, fileId: s.fileId, ...values } as never, '电子定位已记录')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={monitor ? '修改电子定位' : '使用电子定位装置'} size="lg">
      <Stack>
        <Select
          label="情形（社区矫正法第二十九条）"
          withAsterisk
          data={MONITOR_GROUNDS.map((g) => ({ value: g, label: MONITOR_GROUND_LABELS[g] }))}
          {...form.getInputProps('ground')}
          value={v.ground || null}
          onChange={(x) => form.setFieldValue('ground', (x ?? '') as MonitorGround | '')}
        />
        <Group grow align="flex-start">
          <TextInput label="批准人（县级司法行政部门负责人）" withAsterisk maxLength={50} {...form.getInputProps('approver')} />
          <DateField label="批准日期" withAsterisk {...form.getInputProps('approvalDate')} />
          <TextInput label="批准文号" maxLength={60} {...form.getInputProps('documentNumber')} />
        </Group>
        <Group grow align="flex-start">
          <DateField label="起始日期" withAsterisk {...form.getInputProps('startDate')} />
          <DateField
            label="截止日期"
            withAsterisk
            description={isValidDate(v.startDate) ? `不超过三个月，最迟${latestMonitorEnd(v.startDate)}` : '不超过三个月'}
            {...form.getInputProps('endDate')}
          />
          <DateField label="解除日期" {...form.getInputProps('removalDate')} />
        </Group>
        <Text size="xs" c="dimmed">
          电子定位的数据只能用于社区矫正工作，应当保密。
        </Text>
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** An extension assessment of 电子定位: extended by at most three months, or not. */
export function AssessmentModal({ monitor, onClose }: { monitor: CorrectionMonitor; onClose: () => void }) {
  const end = monitorEnd(monitor);
  const form = useZodForm({
    schema: assessmentInputFor(monitor),
    initialValues: { date: todayLocal(), result: 'extend' as AssessResult, newEnd: '', approver: '', documentNumber: '' },
    toInput: (v) => ({ monitorId: monitor.id, ...v }),
  });
  const { run, saving } = useSaveAssessment(form);
  const v = form.getValues();
  const submit = form.onSubmit(async (values) => {
    if (await run({ monitorId: monitor.id, ...values }, '延长评估已记录')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="电子定位延长评估" size="lg">
      <Stack>
        <Text size="sm">当前截止日期：{end}</Text>
        <Group grow align="flex-start">
          <DateField label="评估日期" withAsterisk {...form.getInputProps('date')} />
          <Select
            label="评估结论"
            allowDeselect={false}
            data={ASSESS_RESULTS.map((r) => ({ value: r, label: ASSESS_RESULT_LABELS[r] }))}
            {...form.getInputProps('result')}
          />
        </Group>
        {v.result === 'extend' && (
          <Group grow align="flex-start">
            <DateField
              label="延长至"
              withAsterisk
              description={`每次不超过三个月，最迟${latestMonitorEnd(end)}`}
              {...form.getInputProps('newEnd')}
            />
            <TextInput label="批准人" maxLength={50} {...form.getInputProps('approver')} />
            <TextInput label="批准文号" maxLength={60} {...form.getInputProps('documentNumber')} />
          </Group>
        )}
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** An incident: 失联 (with the search and when found), 正在违法, 被拘留… (社区矫正法 arts. 30–32). */
export function IncidentModal({ s, incident, onClose }: Props & { incident?: CorrectionIncident }) {
  // Only a 失联 has its search and the time found; their fields are hidden for the other kinds.
  const toInput = (v: { kind: IncidentKind; at: string; content: string; actions: string; resolvedAt: string }) => ({
    id: incident?.id ?? null,
    fileId: s.fileId,
    ...v,
    ...(v.kind === 'missing' ? {} : { actions: '', resolvedAt: '' }),
  });
  const form = useZodForm({
    schema: IncidentInput,
    initialValues: {
      kind: (incident?.kind ?? 'missing') as IncidentKind,
      at: incident?.at ?? todayLocal(),
      content: incident?.content ?? '',
      actions: incident?.actions ?? '',
      resolvedAt: incident?.resolvedAt ?? '',
    },
    toInput,
  });
  const { run, saving } = useSaveIncident(form);
  const v = form.getValues();
  const submit = form.onSubmit(async (values) => {
    if (await run(toInput(values), values.kind === 'missing' ? '失联情况已记录' : '突发情况已记录')) onClose();
  });
  const missing = v.kind === 'missing';
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title={incident ? '修改突发情况' : '记录突发情况'} size="lg">
      <Stack>
        <Select
          label="情形"
          allowDeselect={false}
          data={INCIDENT_KINDS.map((k) => ({ value: k, label: INCIDENT_KIND_LABELS[k] }))}
          {...form.getInputProps('kind')}
        />
        <TextInput
          label={missing ? '发现失联时间' : '时间'}
          withAsterisk
          placeholder="年-月-日 时:分，如 2024-05-01 08:30"
          maxLength={16}
          {...form.getInputProps('at')}
        />
        <Textarea label="情况" withAsterisk autosize minRows={2} maxLength={2000} {...form.getInputProps('content')} />
        {missing && (
          <>
            <Textarea
              label="查找措施"
              placeholder="如：电话联系家属、通报派出所、实地查找"
              autosize
              minRows={2}
              maxLength={2000}
              {...form.getInputProps('actions')}
            />
            <TextInput label="找到（恢复联系）时间" placeholder="年-月-日 时:分" maxLength={16} {...form.getInputProps('resolvedAt')} />
          </>
        )}
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** 出境报备 and its 撤销. */
export function ExitReportModal({ s, onClose }: Props) {
  const form = useZodForm({
    schema: ExitReportInputAsOf,
    initialValues: { exitReportDate: s.exitReportDate ?? '', exitRevokeDate: s.exitRevokeDate ?? '' },
    toInput: (v) => ({ fileId: s.fileId, ...v }),
  });
  const { run, saving } = useSaveExitReport(form);
  const submit = form.onSubmit(async (values) => {
    if (await run({ fileId: s.fileId, ...values }, '出境报备已保存')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="出境报备（法定不准出境人员）">
      <Stack>
        <DateField label="报备日期" {...form.getInputProps('exitReportDate')} />
        <DateField label="撤销报备日期" description="解除或终止矫正后撤销" {...form.getInputProps('exitRevokeDate')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}
