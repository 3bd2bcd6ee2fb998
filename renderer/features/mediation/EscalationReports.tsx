/**
 * 纠纷激化报告 (人民调解法 art. 25, REVIEW §2.1): a dispute that may escalate, or turn into a public-order
 * or criminal case, reported to the local police station or another department — the day, the unit,
 * who received it, what was reported and the preventive steps taken. Added and removed on the case page,
 * each change in the case's history.
 */
import { useState } from 'react';
import { Button, Card, Group, SegmentedControl, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { REPORT_UNIT_KIND_LABELS, REPORT_UNIT_KINDS, type ReportUnitKind } from '../../../shared/domain/mediation';
import { EscalationReportInput, type EscalationReport, type MediationCase } from '../../../shared/schemas/mediation';
import { ESCALATION_DUTY_TEXT } from '../../../shared/schemas/reference';
import { confirmDelete } from '../../components/ConfirmDelete';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/GuardedForm';
import { ModalActions } from '../../components/ModalActions';
import { todayLocal } from '../../components/today';
import { useZodForm } from '../../components/useZodForm';
import { useDeleteReport, useSaveReport } from './mutations';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;
/** The two things the duty asks to write down: what was reported, and what was done to prevent it. */
const TEXTS = [
  { field: 'content', label: '报告内容', placeholder: '纠纷可能激化的情况，可能引起的治安案件、刑事案件' },
  { field: 'measures', label: '采取的预防措施', placeholder: '如：分别做双方工作、通知村干部和家属看护、约定不得私下接触' },
] as const;
const UNIT_PLACEHOLDERS: Record<ReportUnitKind, string> = { police: '如：高寨派出所', other: '如：乡综治中心、县信访局' };

export function EscalationReportsCard({ c }: { c: MediationCase }) {
  const [adding, setAdding] = useState(false);
  const del = useDeleteReport();
  const remove = async (r: EscalationReport) => {
    const what = `${r.date} 向${r.unit}的报告记录`;
    if (!(await confirmDelete('删除报告记录', `确定删除${what}吗？删除后不能恢复，原内容保留在修改记录中。`))) return;
    await del.run(r.id, `已删除${what}`);
  };
  return (
    <Card withBorder data-testid="escalation-reports">
      <Group justify="space-between" mb="xs">
        <Title order={5}>纠纷激化报告</Title>
        {!c.deletedAt && (
          <Button size="xs" variant="light" color="red" onClick={() => setAdding(true)}>
            登记报告
          </Button>
        )}
      </Group>
      <Text size="xs" c="dimmed" mb="xs">
        {ESCALATION_DUTY_TEXT}
      </Text>
      {c.reports.length === 0 ? (
        <Text size="sm" c="dimmed">
          暂无报告记录。
        </Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>报告日期</Table.Th>
              <Table.Th>报告对象</Table.Th>
              <Table.Th>接收人</Table.Th>
              <Table.Th>报告内容</Table.Th>
              <Table.Th>采取的预防措施</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {c.reports.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td style={NO_WRAP}>{r.date}</Table.Td>
                <Table.Td style={NO_WRAP}>
                  {REPORT_UNIT_KIND_LABELS[r.unitKind]}：{r.unit}
                </Table.Td>
                <Table.Td style={NO_WRAP}>{r.receiver}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.content}</Table.Td>
                <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{r.measures}</Table.Td>
                <Table.Td>
                  {!c.deletedAt && (
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => void remove(r)}>
                      删除
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && <ReportModal c={c} onClose={() => setAdding(false)} />}
    </Card>
  );
}

function ReportModal({ c, onClose }: { c: MediationCase; onClose: () => void }) {
  const form = useZodForm({
    schema: EscalationReportInput,
    initialValues: {
      date: todayLocal(),
      unitKind: 'police' as ReportUnitKind,
      unit: '',
      receiver: '',
      content: '',
      measures: '',
    },
    toInput: (v) => ({ caseId: c.id, ...v }),
  });
  const { run, saving } = useSaveReport(form);
  const kind = form.getValues().unitKind;
  const submit = form.onSubmit(async (v) => {
    if (await run({ caseId: c.id, ...v }, `已登记向${v.unit}的报告`)) onClose();
  });
  return (
    <FormModal form={form} onSubmit={submit} onClose={onClose} title="登记纠纷激化报告" size="lg">
      <Stack>
        <Group grow align="flex-start">
          <DateField label="报告日期" withAsterisk {...form.getInputProps('date')} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              报告对象
            </Text>
            <SegmentedControl
              aria-label="报告对象"
              data={REPORT_UNIT_KINDS.map((k) => ({ value: k, label: REPORT_UNIT_KIND_LABELS[k] }))}
              {...form.getInputProps('unitKind')}
            />
          </Stack>
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label="接收单位名称"
            withAsterisk
            placeholder={UNIT_PLACEHOLDERS[kind]}
            maxLength={50}
            {...form.getInputProps('unit')}
          />
          <TextInput label="接收人" withAsterisk maxLength={20} {...form.getInputProps('receiver')} />
        </Group>
        {TEXTS.map((f) => (
          <Textarea
            key={f.field}
            label={f.label}
            withAsterisk
            autosize
            minRows={3}
            maxLength={1000}
            placeholder={f.placeholder}
            {...form.getInputProps(f.field)}
          />
        ))}
        <ModalActions onCancel={onClose} submit="保存" loading={saving} />
      </Stack>
    </FormModal>
  );
}
