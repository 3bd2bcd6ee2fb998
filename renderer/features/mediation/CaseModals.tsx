import { Checkbox, Group, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import {
  AGENT_AUTHORITIES,
  AGENT_AUTHORITY_LABELS,
  AGREEMENT_PERFORMANCES,
  AGREEMENT_PERFORMANCE_LABELS,
  CASE_OUTCOME_LABELS,
  GUIDANCE_ROUTES,
  GUIDANCE_ROUTE_LABELS,
  PERFORMANCE_STATES,
  PERFORMANCE_STATE_LABELS,
  routesRequired,
  TERMINATION_REASONS,
  TERMINATION_REASON_LABELS,
  MAX_AGENTS_PER_PARTY,
  VISIT_PURPOSE_LABELS,
  type AgentAuthority,
  type AgreementPerformance,
  type CaseOutcome,
  type GuidanceRoute,
  type PerformanceState,
  type TerminationReason,
} from '../../../shared/domain/mediation';
import {
  AgentInput,
  AgreementPerformanceInputAsOf,
  ArbitrationNoticeInputAsOf,
  CloseInputAsOf,
  ExtensionInputAsOf,
  VISIT_METHODS,
  VisitInputAsOf,
  type MediationCase,
  type ReturnVisit,
} from '../../../shared/schemas/mediation';
import { PARTY_ROLE_LABELS, SATISFACTION } from '../../../shared/dictionaries';
import { DateField } from '../../components/DateField';
import { useZodForm } from '../../components/useZodForm';
import { useSetupStatus, useStaffNames } from '../reference/queries';
import { todayLocal } from '../../components/today';
import {
  useCloseCase,
  useExtendDeadline,
  useRecordArbitrationNotice,
  useSaveAgent,
  useSaveCaseVisit,
  useSetAgreementPerformance,
} from './mutations';
import { ModalActions } from '../../components/ModalActions';
import { FormModal } from '../../components/GuardedForm';

/**
 * 结案: 调解成功 (needs an agreement in force), 调解不成 (reason and the routes told), 终止调解 (why,
 * and the routes told unless the parties settled themselves or withdrew: 人民调解法 art. 26, REVIEW row 15).
 */
export function CloseCaseModal({ c, onClose }: { c: MediationCase; onClose: () => void }) {
  const form = useZodForm({
    schema: CloseInputAsOf,
    initialValues: {
      outcome: (c.agreement?.effectiveDate ? 'success' : 'failure') as CaseOutcome,
      closedDate: todayLocal(),
      terminationReason: null as TerminationReason | null,
      reason: '',
      guidance: [] as GuidanceRoute[],
    },
    toInput: (v) => ({ id: c.id, ...v }),
  });
  const { run, saving } = useCloseCase(form);
  const v = form.getValues();
  const submit = form.onSubmit(async (values) => {
    if (await run({ id: c.id, ...values }, `已结案：${CASE_OUTCOME_LABELS[values.outcome]}`)) onClose();
  });
  const needsRoutes = routesRequired(v.outcome, v.terminationReason);
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="结案">
      <Stack>
        <SegmentedControl
          data={(['success', 'failure', 'terminated'] as const).map((o) => ({ value: o, label: CASE_OUTCOME_LABELS[o] }))}
          {...form.getInputProps('outcome')}
        />
        {form.errors.outcome && <div style={{ color: 'var(--mantine-color-red-6)', fontSize: 13 }}>{form.errors.outcome}</div>}
        <DateField label="结案日期" withAsterisk {...form.getInputProps('closedDate')} />
        {v.outcome === 'terminated' && (
          <Select
            label="终止原因"
            withAsterisk
            data={TERMINATION_REASONS.map((r) => ({ value: r, label: TERMINATION_REASON_LABELS[r] }))}
            {...form.getInputProps('terminationReason')}
          />
        )}
        {v.outcome !== 'success' && (
          <Textarea
            label={v.outcome === 'failure' ? '调解不成的原因' : '终止调解的情况说明'}
            withAsterisk
            autosize
            minRows={2}
            maxLength={1000}
            {...form.getInputProps('reason')}
          />
        )}
        {v.outcome !== 'success' && (needsRoutes || v.guidance.length > 0) && (
          <Checkbox.Group
            label="已告知当事人可选择的途径"
            description="人民调解法第二十六条：调解不成的，应当终止调解，并告知当事人可以依法通过仲裁、行政、司法等途径维护自己的权利"
            withAsterisk={needsRoutes}
            {...form.getInputProps('guidance')}
          >
            <Group mt={6}>
              {GUIDANCE_ROUTES.map((r) => (
                <Checkbox key={r} value={r} label={GUIDANCE_ROUTE_LABELS[r]} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        <ModalActions onCancel={onClose} submit="确定结案" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/**
 * 延长调解期限 (REVIEW row 8): beyond the month only with both parties' consent — a box the worker must
 * tick — the reason and the new date.
 */
export function ExtendDeadlineModal({ c, onClose }: { c: MediationCase; onClose: () => void }) {
  const form = useZodForm({
    schema: ExtensionInputAsOf,
    initialValues: { date: todayLocal(), newDate: '', reason: '', consent: false },
    toInput: (v) => ({ caseId: c.id, ...v }),
  });
  const { run, saving } = useExtendDeadline(form);
  const submit = form.onSubmit(async (values) => {
    if (await run({ caseId: c.id, ...values, consent: values.consent as true }, `调解期限已延长至 ${values.newDate}`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="延长调解期限">
      <Stack>
        <Text size="sm" c="dimmed">
          当前调解期限：{c.handling?.dueDate ?? '—'}。人民调解委员会调解纠纷一般在一个月内调结；确需延长的，应经双方当事人同意。
        </Text>
        <Group grow align="flex-start">
          <DateField label="当事人同意日期" withAsterisk {...form.getInputProps('date')} />
          <DateField label="延长至" withAsterisk {...form.getInputProps('newDate')} />
        </Group>
        <Textarea label="延长理由" withAsterisk autosize minRows={2} maxLength={500} {...form.getInputProps('reason')} />
        <Checkbox label="双方当事人均同意延长调解期限" {...form.getInputProps('consent', { type: 'checkbox' })} />
        <ModalActions onCancel={onClose} submit="延长" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** 劳动争议: the parties told they may apply for arbitration (劳动争议调解仲裁法 art. 14, REVIEW row 7). */
export function ArbitrationNoticeModal({ c, onClose }: { c: MediationCase; onClose: () => void }) {
  const form = useZodForm({
    schema: ArbitrationNoticeInputAsOf,
    initialValues: { date: todayLocal() },
    toInput: (v) => ({ caseId: c.id, ...v }),
  });
  const { run, saving } = useRecordArbitrationNotice(form);
  const submit = form.onSubmit(async (values) => {
    if (await run({ caseId: c.id, ...values }, '已登记告知可申请劳动仲裁')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="登记告知可申请劳动仲裁">
      <Stack>
        <Text size="sm" c="dimmed">
          《劳动争议调解仲裁法》第十四条：自收到调解申请之日起十五日内未达成调解协议的，当事人可以依法申请仲裁。
        </Text>
        <DateField label="告知日期" withAsterisk {...form.getInputProps('date')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/**
 * 回访记录: fills the proposed visit when there is one. A visit after 调解不成 or 终止调解 asks whether the
 * dispute is escalating (REVIEW row 19); there is no agreement to find performed.
 */
export function VisitModal({ c, visit, onClose }: { c: MediationCase; visit?: ReturnVisit; onClose: () => void }) {
  const staff = useStaffNames();
  const status = useSetupStatus();
  const next = visit ?? c.visits.find((v) => !v.visitDate);
  const escalation = next ? next.purpose === 'escalation' : !!c.outcome && c.outcome !== 'success';
  const form = useZodForm({
    schema: VisitInputAsOf,
    initialValues: {
      visitDate: todayLocal(),
      visitorStaffId: status.data?.operator?.id ?? '',
      method: '上门回访' as (typeof VISIT_METHODS)[number],
      performanceFound: c.agreement ? FINDING_OF[c.agreement.performance] : ('not_applicable' as PerformanceState),
      satisfaction: '满意' as (typeof SATISFACTION)[number],
      notes: '',
    },
    toInput: (v) => ({ caseId: c.id, id: visit?.id ?? null, ...v }),
  });
  const { run, saving } = useSaveCaseVisit(form);
  const submit = form.onSubmit(async (v) => {
    if (await run({ caseId: c.id, id: visit?.id ?? null, ...v }, '回访已记录')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="记录回访" size="lg">
      <Stack>
        <Group grow>
          <DateField label="回访日期" withAsterisk {...form.getInputProps('visitDate')} />
          <Select label="回访人" withAsterisk data={staff.options()} {...form.getInputProps('visitorStaffId')} />
        </Group>
        <Group grow>
          <Select label="回访方式" withAsterisk allowDeselect={false} data={[...VISIT_METHODS]} {...form.getInputProps('method')} />
          <Select
            label="协议履行情况"
            withAsterisk
            allowDeselect={false}
            data={PERFORMANCE_STATES.map((s) => ({ value: s, label: PERFORMANCE_STATE_LABELS[s] }))}
            {...form.getInputProps('performanceFound')}
          />
          <Select
            label="当事人满意度"
            withAsterisk
            allowDeselect={false}
            data={[...SATISFACTION]}
            {...form.getInputProps('satisfaction')}
          />
        </Group>
        {escalation && (
          <Text size="sm" c="dimmed">
            {VISIT_PURPOSE_LABELS.escalation}
            ：了解纠纷是否有激化迹象。发现可能激化的，应当采取预防措施；可能引起治安案件、刑事案件的，应当及时报告并在“纠纷激化报告”中登记（人民调解法第二十五条）。
          </Text>
        )}
        <Textarea
          label={escalation ? '回访情况（纠纷有无激化迹象、采取的措施）' : '回访情况'}
          autosize
          minRows={3}
          maxLength={2000}
          {...form.getInputProps('notes')}
        />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** The visit's finding that matches what the agreement shows now (a visit records on the items' scale). */
const FINDING_OF: Record<AgreementPerformance, PerformanceState> = {
  performed: 'performed',
  on_the_spot: 'performed',
  partial: 'partial',
  unperformed: 'unperformed',
  no_payment: 'not_applicable',
};

/**
 * 履行情况 of an agreement without items (人民调解法第三十一条: the committee supervises every
 * agreement): 当场履行 takes the day it took effect, 已履行 asks for the day it was completed.
 */
export function AgreementPerformanceModal({ c, onClose }: { c: MediationCase; onClose: () => void }) {
  const a = c.agreement!;
  const form = useZodForm({
    schema: AgreementPerformanceInputAsOf,
    initialValues: { state: a.performance, date: a.performance === 'performed' ? (a.performedDate ?? '') : todayLocal() },
    toInput: (v) => ({ caseId: c.id, state: v.state, date: v.state === 'performed' ? v.date : '' }),
  });
  const { run, saving } = useSetAgreementPerformance(form);
  const v = form.getValues();
  const submit = form.onSubmit(async (values) => {
    const input = { caseId: c.id, state: values.state, date: values.state === 'performed' ? values.date : '' };
    if (await run(input, '履行情况已更新')) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="登记协议履行情况">
      <Stack>
        <Select
          label="履行情况"
          withAsterisk
          allowDeselect={false}
          data={AGREEMENT_PERFORMANCES.map((s) => ({ value: s, label: AGREEMENT_PERFORMANCE_LABELS[s] }))}
          {...form.getInputProps('state')}
        />
        {v.state === 'performed' && <DateField label="履行完毕日期" withAsterisk {...form.getInputProps('date')} />}
        {v.state === 'on_the_spot' && (
          <Text size="sm" c="dimmed">
            当场履行的，履行完毕日期为协议生效日期（{a.effectiveDate ?? '协议尚未生效'}）。
          </Text>
        )}
        {v.state === 'no_payment' && (
          <Text size="sm" c="dimmed">
            协议不含给付内容（如仅确认事实、赔礼道歉已当面完成）的，计入协议履行率的履行完毕件数。
          </Text>
        )}
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}

/** 委托代理人 of a party: name, the authority the 授权委托书 gives, a phone (REVIEW row 10). */
export function AgentModal({ c, onClose }: { c: MediationCase; onClose: () => void }) {
  const first = c.parties.find((p) => p.agents.length < MAX_AGENTS_PER_PARTY);
  const form = useZodForm({
    schema: AgentInput,
    initialValues: { personId: first?.personId ?? '', name: '', authority: 'general' as AgentAuthority, phone: '' },
    toInput: (v) => ({ caseId: c.id, ...v }),
  });
  const { run, saving } = useSaveAgent(form);
  const submit = form.onSubmit(async (v) => {
    if (await run({ caseId: c.id, ...v }, `已登记委托代理人：${v.name}`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="登记委托代理人">
      <Stack>
        <Select
          label="被代理人"
          withAsterisk
          allowDeselect={false}
          data={c.parties.map((p) => ({ value: p.personId, label: `${p.name}（${PARTY_ROLE_LABELS[p.role]}）` }))}
          {...form.getInputProps('personId')}
        />
        <TextInput label="委托代理人姓名" withAsterisk maxLength={50} {...form.getInputProps('name')} />
        <SegmentedControl
          aria-label="代理权限"
          data={AGENT_AUTHORITIES.map((a) => ({ value: a, label: AGENT_AUTHORITY_LABELS[a] }))}
          {...form.getInputProps('authority')}
        />
        <Text size="xs" c="dimmed">
          特别授权可代为承认、放弃、变更调解请求，进行和解；一般授权仅代为陈述、提供材料等。授权委托书可作为附件上传，卷内目录会列出。
        </Text>
        <TextInput label="联系电话" maxLength={30} {...form.getInputProps('phone')} />
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}
