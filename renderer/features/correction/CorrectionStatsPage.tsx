import { Anchor, SimpleGrid, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import {
  CORRECTION_CATEGORIES,
  CORRECTION_CATEGORY_LABELS,
  CORRECTION_LEVELS,
  type CorrectionLevel,
} from '../../../shared/domain/correction-rules';
import {
  RELEASE_REASON_LABELS,
  RELEASE_REASONS,
  TERMINATION_REASON_LABELS,
  TERMINATION_REASONS,
} from '../../../shared/domain/correction-end';
import { SANCTION_KIND_LABELS, SANCTION_KINDS } from '../../../shared/domain/correction-sanctions';
import { APPROVAL_KIND_LABELS, APPROVAL_KINDS } from '../../../shared/domain/correction-supervision';
import { CORRECTION_STAT_DEFINITIONS, type ListedPerson } from '../../../shared/domain/correction-stats';
import { formatRate } from '../../../shared/domain/rates';
import { Figure } from '../../components/Figure';
import { usePeriod } from '../../components/PeriodPicker';
import { AsOfNote, Definitions, SectionCard, StatsFrame } from '../../components/StatsFrame';
import { useCorrectionSchedule, useCorrectionStats } from './queries';

/** 脱管 or 漏管, by name: the target is none, so an empty list says so. */
function Listed({ list, none, testId, sinceLabel }: { list: ListedPerson[]; none: string; testId: string; sinceLabel: string }) {
  if (!list.length)
    return (
      <Text size="sm" c="green.8" data-testid={`${testId}-none`}>
        {none}
      </Text>
    );
  return (
    <Table withTableBorder data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>姓名</Table.Th>
          <Table.Th>村（社区）</Table.Th>
          <Table.Th>{sinceLabel}</Table.Th>
          <Table.Th>天数</Table.Th>
          <Table.Th>责任人</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {list.map((p, i) => (
          <Table.Tr key={p.id || i}>
            <Table.Td>
              {p.id ? (
                <Anchor component={Link} to={`/correction/${p.id}`}>
                  {p.personName}
                </Anchor>
              ) : (
                p.personName
              )}
            </Table.Td>
            <Table.Td>{p.villageName ?? ''}</Table.Td>
            <Table.Td>{p.since}</Table.Td>
            <Table.Td>{p.days}</Table.Td>
            <Table.Td>{p.responsibleName}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** 社区矫正统计: figures for any period, 脱管 and 漏管 by name, and the definition of each figure (REVIEW §5.7). */
export function CorrectionStatsPage() {
  const period = usePeriod();
  const stats = useCorrectionStats({ dateFrom: period.from, dateTo: period.to }, period.valid);
  const schedule = useCorrectionSchedule();
  const s = stats.data;
  const levelName = (l: CorrectionLevel) => schedule.data?.levels.find((d) => d.level === l)?.name ?? l;
  const definitions = Object.entries(CORRECTION_STAT_DEFINITIONS).filter(([k]) => k !== 'absent' && k !== 'unreported');
  return (
    <StatsFrame title="社区矫正统计" back="/correction" period={period} error={stats.error} loading={s ? null : '正在统计社区矫正档案…'}>
      {s && (
        <>
          <AsOfNote asOf={s.asOf} dateTo={s.dateTo} rest="，尚未到期的不计入" />
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Figure label="在矫人数" value={s.registered} hint={`截至 ${s.asOf}`} />
            <Figure label="累计接收" value={s.cumulative} />
            <Figure label="新接收" value={s.received} />
            <Figure
              label="解除"
              value={s.released}
              hint={RELEASE_REASONS.map((r) => `${RELEASE_REASON_LABELS[r]} ${s.releasedBy[r]}`).join(' · ')}
            />
            <Figure
              label="终止"
              value={s.terminated}
              hint={TERMINATION_REASONS.map((r) => `${TERMINATION_REASON_LABELS[r]} ${s.terminatedBy[r]}`).join(' · ')}
            />
            <Figure label="按时报到率" value={formatRate(s.onTime.rate)} hint={`按时 ${s.onTime.done} / 应报到 ${s.onTime.due}`} />
            <Figure
              label="入矫宣告率"
              value={formatRate(s.declaration.rate)}
              hint={`已宣告 ${s.declaration.done} / 新接收 ${s.declaration.due}`}
            />
            <Figure
              label="重新犯罪率"
              value={formatRate(s.reoffence.rate)}
              hint={`因犯新罪撤销、收监 ${s.reoffence.done} 人 / 期间在矫 ${s.reoffence.due} 人`}
            />
            <Figure label="矫正小组落实率" value={formatRate(s.team.rate)} hint={`已落实 ${s.team.done} / 在矫 ${s.team.due}`} />
            <Figure label="外出审批" value={s.approvals.leave} hint={`到期已销假 ${s.leaves.returned} · 逾期未销假 ${s.leaves.overdue}`} />
            <Figure label="电子定位使用中" value={s.monitors.inUse} hint={`期间新增 ${s.monitors.started} 次`} />
            <Figure label="脱管" value={s.absent.length} hint="目标为0，名单见下" />
            <Figure label="漏管" value={s.unreported.length} hint="目标为0，名单见下" />
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, lg: 2 }} style={{ alignItems: 'start' }}>
            <SectionCard title="脱管人员（定期报告逾期或失联）">
              <Listed list={s.absent} none={`截至 ${s.asOf}，无脱管人员。`} testId="absent" sinceLabel="逾期自" />
              <Text size="xs" c="dimmed" mt={4}>
                {CORRECTION_STAT_DEFINITIONS.absent}
              </Text>
            </SectionCard>
            <SectionCard title="漏管人员（未按期报到）">
              <Listed list={s.unreported} none={`截至 ${s.asOf}，无漏管人员。`} testId="unreported" sinceLabel="报到期限" />
              <Text size="xs" c="dimmed" mt={4}>
                {CORRECTION_STAT_DEFINITIONS.unreported}
              </Text>
            </SectionCard>
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, lg: 2 }} style={{ alignItems: 'start' }}>
            <SectionCard title={`在矫人数（截至 ${s.asOf}）：按矫正类别和管理等级`}>
              <Table withTableBorder data-testid="table-registered">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>矫正类别</Table.Th>
                    {CORRECTION_LEVELS.map((l) => (
                      <Table.Th key={l}>{levelName(l)}</Table.Th>
                    ))}
                    <Table.Th>合计</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {CORRECTION_CATEGORIES.map((c) => (
                    <Table.Tr key={c}>
                      <Table.Td>{CORRECTION_CATEGORY_LABELS[c]}</Table.Td>
                      {CORRECTION_LEVELS.map((l) => (
                        <Table.Td key={l}>{s.table[c][l]}</Table.Td>
                      ))}
                      <Table.Td fw={600}>{s.byCategory[c]}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr fw={600}>
                    <Table.Td>合计</Table.Td>
                    {CORRECTION_LEVELS.map((l) => (
                      <Table.Td key={l}>{s.byLevel[l]}</Table.Td>
                    ))}
                    <Table.Td>{s.registered}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </SectionCard>
            <SectionCard title="考核奖惩与审批事项（次）">
              <Table withTableBorder data-testid="table-sanctions">
                <Table.Tbody>
                  {SANCTION_KINDS.map((k) => (
                    <Table.Tr key={k}>
                      <Table.Td>{SANCTION_KIND_LABELS[k]}</Table.Td>
                      <Table.Td>{s.sanctions[k]}</Table.Td>
                    </Table.Tr>
                  ))}
                  {APPROVAL_KINDS.map((k) => (
                    <Table.Tr key={k}>
                      <Table.Td>{APPROVAL_KIND_LABELS[k]}审批</Table.Td>
                      <Table.Td>{s.approvals[k]}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </SectionCard>
          </SimpleGrid>

          <SectionCard title="监督管理和教育完成情况（按到期日时的管理等级）">
            <Table withTableBorder data-testid="table-duties">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>事项</Table.Th>
                  {CORRECTION_LEVELS.map((l) => (
                    <Table.Th key={l}>{levelName(l)}</Table.Th>
                  ))}
                  <Table.Th>合计</Table.Th>
                  <Table.Th>完成率</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.duties.map((d) => (
                  <Table.Tr key={d.duty}>
                    <Table.Td>{d.label}</Table.Td>
                    {CORRECTION_LEVELS.map((l) => (
                      <Table.Td key={l}>{d.byLevel[l].due ? `${d.byLevel[l].done} / ${d.byLevel[l].due}` : '—'}</Table.Td>
                    ))}
                    <Table.Td>{d.due ? `${d.done} / ${d.due}` : '—'}</Table.Td>
                    <Table.Td fw={600}>{formatRate(d.rate)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed" mt={4}>
              每格为“已完成 / 应完成”；教育学习、公益活动按月计，当月时数达到该等级每月时数即为完成。
            </Text>
          </SectionCard>

          <Definitions entries={definitions} title="统计口径（上级未统一口径的，按本所说明计算）" />
        </>
      )}
    </StatsFrame>
  );
}
