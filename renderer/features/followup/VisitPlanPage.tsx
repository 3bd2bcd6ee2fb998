/**
 * 重点人员走访计划表: for one month, each active file's planned visits (and those already overdue),
 * grouped by responsible person (包保责任人); exported to .xlsx, or printed one sheet per person with
 * the actual date and the visitor's signature left blank for the pen.
 */
import { Anchor, Badge, Box, Button, Grid, Group, Modal, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { Fragment, useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Input } from '../../../shared/contract';
import { buildVisitPlanDocument, monthText } from '../../../shared/documents/followup-visit-plan';
import { errorMessage } from '../../api/client';
import { DaysLeft } from '../../components/DaysLeft';
import { DocumentView, PrintHost } from '../../components/DocumentView';
import { FilterSelect } from '../../components/FilterSelect';
import { EmptyState } from '../../components/EmptyState';
import { useSavePdf } from '../../components/useDownload';
import { useSettings, useStaffNames, useVillages, villageOptions } from '../reference/queries';
import { todayLocal } from '../../components/today';
import { LevelBadge } from './labels';
import { useVisitPlanFile } from './mutations';
import { useVisitPlan } from './queries';

type PlanInput = Input<'followup.visitPlan'>;

/** 'YYYY-MM' moved by n months. */
function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

export function VisitPlanPage() {
  const villages = useVillages();
  const staff = useStaffNames();
  const settings = useSettings();
  const [month, setMonth] = useState(() => todayLocal().slice(0, 7));
  const [staffId, setStaffId] = useState<string | null>(null);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  const input: PlanInput = { month, responsibleStaffId: staffId ?? undefined, villageId: villageId ?? undefined };
  const plan = useVisitPlan(input);
  const data = plan.data;
  const today = todayLocal();

  const staffName = staffId ? staff.name(staffId) || null : null;
  const villageName = villageId ? (villages.data?.find((v) => v.id === villageId)?.name ?? null) : null;
  const model = useMemo(
    () => (data ? buildVisitPlanDocument(data, { townshipName: settings.data?.townshipName ?? '', staffName, villageName }) : null),
    [data, settings.data, staffName, villageName],
  );
  const total = data?.byStaff.reduce((n, s) => n + s.count, 0) ?? 0;

  const pdf = useSavePdf();
  const download = useVisitPlanFile();
  const exportPlan = () => download.run(input);

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Anchor component={Link} to="/followup" size="sm">
            ← 重点人员台账
          </Anchor>
          <Title order={3}>重点人员走访计划表</Title>
        </Group>
        <Group>
          <Button variant="default" onClick={exportPlan} loading={download.busy} disabled={!data}>
            导出Excel
          </Button>
          <Button onClick={() => setPrinting(true)} disabled={!model}>
            打印
          </Button>
        </Group>
      </Group>
      <Grid gap="xs" mb="sm" align="flex-end">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Group gap={4} align="flex-end" wrap="nowrap">
            <Button variant="default" px="xs" aria-label="上个月" onClick={() => setMonth(shiftMonth(month, -1))}>
              ‹
            </Button>
            <MonthPickerInput
              label="月份"
              valueFormat="YYYY年M月"
              value={`${month}-01`}
              onChange={(v) => v && setMonth(String(v).slice(0, 7))}
              popoverProps={{ withinPortal: true }}
              style={{ flex: 1 }}
            />
            <Button variant="default" px="xs" aria-label="下个月" onClick={() => setMonth(shiftMonth(month, 1))}>
              ›
            </Button>
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <FilterSelect label="包保责任人" searchable data={staff.options(() => true)} value={staffId} onChange={setStaffId} />
        </Grid.Col>
        <Grid.Col span={{ base: 6, md: 3 }}>
          <FilterSelect label="村（社区）" searchable data={villageOptions(villages.data)} value={villageId} onChange={setVillageId} />
        </Grid.Col>
      </Grid>
      {plan.error && <Text c="red">{errorMessage(plan.error)}</Text>}
      <Text size="sm" c="dimmed" mb={4} data-testid="plan-summary">
        {monthText(month)}：{data?.rows.length ?? 0} 人，计划走访 {total} 次
        {data && data.byStaff.length > 1 ? `（${data.byStaff.map((s) => `${s.name} ${s.subjects}人${s.count}次`).join('，')}）` : ''}
        。逾期未走访的事项一并列出，走访后自动移除。
      </Text>
      <Table.ScrollContainer minWidth={1000}>
        <Table withTableBorder stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>姓名</Table.Th>
              <Table.Th>公民身份号码</Table.Th>
              <Table.Th>类别</Table.Th>
              <Table.Th>等级</Table.Th>
              <Table.Th>村（社区）</Table.Th>
              <Table.Th>上次走访</Table.Th>
              <Table.Th>计划走访日期</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data?.byStaff.map((s) => (
              <Fragment key={s.staffId}>
                <Table.Tr bg="gray.1" data-testid="plan-staff">
                  <Table.Td colSpan={7}>
                    <Group gap="xs">
                      <Text fw={600}>包保责任人：{s.name}</Text>
                      <Badge variant="light">{s.subjects} 人</Badge>
                      <Badge variant="light" color="grape">
                        {s.count} 次
                      </Badge>
                    </Group>
                  </Table.Td>
                </Table.Tr>
                {data.rows
                  .filter((r) => r.responsibleStaffId === s.staffId)
                  .map((r) => (
                    <Table.Tr key={r.subjectId} data-testid="plan-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/followup/${r.subjectId}`}>
                          {r.personName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{r.idNumberMasked ?? ''}</Table.Td>
                      <Table.Td>{r.groupLabel}</Table.Td>
                      <Table.Td>
                        <LevelBadge level={r.level} />
                      </Table.Td>
                      <Table.Td>{r.villageName ?? ''}</Table.Td>
                      <Table.Td>{r.lastVisit ?? '—'}</Table.Td>
                      <Table.Td>
                        <Stack gap={2}>
                          {r.due.map((d) => (
                            <Group key={`${d.ruleId}@${d.date}`} gap={6} wrap="nowrap" data-testid="plan-due">
                              <Text size="sm" c={d.overdue ? 'red' : undefined} fw={d.overdue ? 600 : undefined}>
                                {d.date}
                              </Text>
                              <Text size="xs" c="dimmed">
                                {d.label}
                              </Text>
                              {d.overdue && <DaysLeft today={today} due={d.date} />}
                            </Group>
                          ))}
                        </Stack>
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Fragment>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {data && data.rows.length === 0 && <EmptyState title="本月没有需要走访的重点人员">可换一个月份或放宽筛选条件。</EmptyState>}

      <Modal
        opened={printing && !!model}
        onClose={() => setPrinting(false)}
        fullScreen
        title="打印预览 — 重点人员走访计划表"
        scrollAreaComponent={ScrollArea.Autosize}
      >
        <Stack>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              每位包保责任人一页；实际走访日期和走访人签名留空，走访时手填。打印时在打印对话框中选择纸张 A4、边距“默认”。
            </Text>
            <Group>
              {pdf.available && model && (
                <Button variant="default" onClick={() => pdf.save(model.name)} loading={pdf.busy}>
                  保存为PDF
                </Button>
              )}
              <Button onClick={() => window.print()}>打印</Button>
            </Group>
          </Group>
          <Box bg="gray.2" p="md" style={{ overflowX: 'auto' }} data-testid="doc-preview">
            {model && <DocumentView model={model} />}
          </Box>
        </Stack>
        {printing && model && <PrintHost model={model} />}
      </Modal>
    </>
  );
}
