import { Anchor, Badge, Button, Group, SegmentedControl, SimpleGrid, Table, Text } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  ASSISTANCE_STAT_DEFINITIONS,
  REOFFENCE_BASE_LABELS,
  REOFFENCE_BASES,
  type Ratio,
  type ReoffenceBase,
} from '../../../shared/domain/assistance-stats';
import { ASSISTANCE_LEVELS, END_REASONS, PLACEMENTS } from '../../../shared/domain/assistance-rules';
import { formatRate } from '../../../shared/domain/rates';
import { ASSISTANCE_LEVEL_LABELS, END_REASON_LABELS, PLACEMENT_LABELS } from '../../../shared/schemas/assistance';
import { Figure } from '../../components/Figure';
import { usePeriod } from '../../components/PeriodPicker';
import { AsOfNote, Definitions, SectionCard, StatsFrame } from '../../components/StatsFrame';
import { todayLocal } from '../../components/today';
import { useUnlinkedListFile } from './mutations';
import { useAssistanceStats } from './queries';

const share = (r: Ratio, done: string, due: string) => `${done} ${r.done} / ${due} ${r.due}`;
const yuan = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: 2 });

/** 未衔接人员月报: the month whose last day the list is read at, as .xlsx. */
function UnlinkedMonthly() {
  const today = todayLocal();
  const [month, setMonth] = useState(today.slice(0, 7));
  const file = useUnlinkedListFile();
  return (
    <Group align="flex-end" gap="xs">
      <MonthPickerInput
        label="月报月份"
        valueFormat="YYYY年M月"
        value={`${month}-01`}
        maxDate={today}
        onChange={(v) => v && setMonth(String(v).slice(0, 7))}
        popoverProps={{ withinPortal: true }}
        w={140}
      />
      <Button variant="light" loading={file.busy} onClick={() => void file.run({ month })}>
        导出未衔接人员月报
      </Button>
    </Group>
  );
}

/** 安置帮教统计: figures for any period, the persons not yet 衔接 by name, and the definition of each figure. */
export function AssistanceStatsPage() {
  const period = usePeriod();
  const [base, setBase] = useState<ReoffenceBase>('registered');
  const stats = useAssistanceStats({ dateFrom: period.from, dateTo: period.to, reoffenceBase: base }, period.valid);
  const s = stats.data;
  const own = new Set(['unlinked']);
  const definitions = Object.entries(ASSISTANCE_STAT_DEFINITIONS).filter(([k]) => !own.has(k));
  return (
    <StatsFrame title="安置帮教统计" back="/assistance" period={period} error={stats.error} loading={s ? null : '正在统计安置帮教档案…'}>
      {s && (
        <>
          <AsOfNote asOf={s.asOf} dateTo={s.dateTo} />
          <Group gap="xs">
            <Text size="sm">重新犯罪率的分母</Text>
            <SegmentedControl
              size="xs"
              aria-label="重新犯罪率的分母"
              value={base}
              onChange={(v) => setBase(v as ReoffenceBase)}
              data={REOFFENCE_BASES.map((b) => ({ value: b, label: REOFFENCE_BASE_LABELS[b] }))}
            />
          </Group>
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Figure label="在册人数" value={s.registered} hint={`其中重点帮教对象 ${s.registeredKey} 人；截至 ${s.asOf}`} />
            <Figure label="累计接收" value={s.cumulative} hint={`另有预释放 ${s.preRelease} 人`} />
            <Figure label="本期释放" value={s.released} />
            <Figure label="本期衔接" value={s.handedOver} />
            <Figure label="未衔接" value={s.unlinked.length} hint="目标为0，名单见下" />
            <Figure label="衔接率" value={formatRate(s.handover.rate)} hint={share(s.handover, '已衔接', '本期释放')} />
            <Figure label="必接必送率" value={formatRate(s.escort.rate)} hint={share(s.escort, '必接必送', '重点对象')} />
            <Figure label="安置率" value={formatRate(s.placement.rate)} hint={share(s.placement, '已安置', '在册')} />
            <Figure label="帮教率" value={formatRate(s.assisted.rate)} hint={share(s.assisted, '已落实', '在册')} />
            <Figure
              label="重新犯罪率"
              value={formatRate(s.reoffence.rate)}
              hint={`重新犯罪 ${s.reoffence.done} 人 ÷ ${REOFFENCE_BASE_LABELS[s.reoffenceBase]} ${s.reoffence.due} 人；另有重新违法 ${s.reoffence.offences} 人`}
            />
            <Figure label="临时救助" value={`${s.relief.count} 人次`} hint={`金额 ${yuan(s.relief.amount)} 元`} />
            <Figure label="技能培训" value={`${s.trainings} 人次`} hint={`就业指导 ${s.guidance} 人次`} />
            <Figure label="结束帮教" value={s.ended} hint={END_REASONS.map((r) => `${END_REASON_LABELS[r]} ${s.endedBy[r]}`).join(' · ')} />
          </SimpleGrid>

          <SectionCard title="未衔接人员" extra={<UnlinkedMonthly />}>
            {s.unlinked.length === 0 ? (
              <Text size="sm" c="green.8" data-testid="unlinked-none">
                截至 {s.asOf}，已释放人员均已衔接。
              </Text>
            ) : (
              <Table withTableBorder data-testid="table-unlinked">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>姓名</Table.Th>
                    <Table.Th>村（社区）</Table.Th>
                    <Table.Th>释放日期</Table.Th>
                    <Table.Th>状态</Table.Th>
                    <Table.Th>已释放天数</Table.Th>
                    <Table.Th>责任人</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.unlinked.map((u) => (
                    <Table.Tr key={u.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/assistance/${u.id}`}>
                          {u.personName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{u.villageName ?? ''}</Table.Td>
                      <Table.Td>{u.releaseDate}</Table.Td>
                      <Table.Td>
                        <Badge variant="light" color={u.state === 'missing' ? 'red' : 'orange'}>
                          {u.state === 'missing' ? '下落不明' : '未衔接'}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{u.days}</Table.Td>
                      <Table.Td>{u.responsibleName}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <Text size="xs" c="dimmed" mt={4}>
              {ASSISTANCE_STAT_DEFINITIONS.unlinked}；月报按所选月份的最后一天（当月按今天）列出。
            </Text>
          </SectionCard>

          <SimpleGrid cols={{ base: 1, lg: 2 }} style={{ alignItems: 'start' }}>
            <SectionCard title="在册人员（按类别）">
              <Table withTableBorder data-testid="table-levels">
                <Table.Tbody>
                  {ASSISTANCE_LEVELS.map((l) => (
                    <Table.Tr key={l}>
                      <Table.Td>{ASSISTANCE_LEVEL_LABELS[l]}</Table.Td>
                      <Table.Td>{s.byLevel[l]}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr fw={600}>
                    <Table.Td>合计</Table.Td>
                    <Table.Td>{s.registered}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </SectionCard>
            <SectionCard title="在册人员安置情况">
              <Table withTableBorder data-testid="table-placement">
                <Table.Tbody>
                  {PLACEMENTS.map((p) => (
                    <Table.Tr key={p}>
                      <Table.Td>{PLACEMENT_LABELS[p]}</Table.Td>
                      <Table.Td>{s.placement.byKind[p]}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr>
                    <Table.Td>未登记</Table.Td>
                    <Table.Td>{s.registered - PLACEMENTS.reduce((n, p) => n + s.placement.byKind[p], 0)}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </SectionCard>
          </SimpleGrid>

          <Definitions entries={definitions} title="统计口径（上级未统一口径的，按本所说明计算）" />
        </>
      )}
    </StatsFrame>
  );
}
