import { Anchor, List, SimpleGrid, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { FOLLOWUP_GROUP_LABELS, type FollowupGroup } from '../../../shared/domain/followup-rules';
import { FOLLOWUP_STAT_DEFINITIONS } from '../../../shared/domain/followup-stats';
import { formatRate } from '../../../shared/domain/rates';
import { COLOR_LEVEL_SHORT_LABELS, COLOR_LEVELS, MH_LEVELS, TEST_RESULTS, type FollowupDutyStats } from '../../../shared/schemas/followup';
import { usePeriod } from '../../components/PeriodPicker';
import { AsOfNote, Definitions, SectionCard, StatsFrame } from '../../components/StatsFrame';
import { Figure } from '../../components/Figure';
import { useFollowupStats } from './queries';

function DutyCells({ d }: { d: FollowupDutyStats }) {
  return (
    <>
      <Table.Td>{d.due}</Table.Td>
      <Table.Td>{d.done}</Table.Td>
      <Table.Td>{d.late}</Table.Td>
      <Table.Td>{formatRate(d.rate)}</Table.Td>
    </>
  );
}

const groupLabel = (g: FollowupGroup) => FOLLOWUP_GROUP_LABELS[g];

/** 重点人员统计: figures for any period, with the definition of each shown beneath them. */
export function FollowupStatsPage() {
  const period = usePeriod();
  const input = { dateFrom: period.from, dateTo: period.to };
  const stats = useFollowupStats(input, period.valid);
  const s = stats.data;
  const others = s?.byGroup.filter((g) => g.group !== 'mental_health') ?? [];
  const mh = s?.byGroup.find((g) => g.group === 'mental_health');
  const visitGroups = s?.byGroup.filter((g) => g.group !== 'drug') ?? [];
  const drug = s?.byGroup.find((g) => g.group === 'drug');
  // 随访率 only when the office enters the doctors' 随访 (REVIEW row 23); under its own scheme they are 走访.
  const health = s?.mhScheme !== 'grid';
  // Those of the 管控 and yearly tables stand under their tables.
  const own = new Set(['control', 'rewardRate', 'freeCare', ...(health ? [] : ['followupRate'])]);
  const definitions = Object.entries(FOLLOWUP_STAT_DEFINITIONS).filter(([k]) => !own.has(k));

  return (
    <StatsFrame title="重点人员统计" back="/followup" period={period} error={stats.error} loading={s ? null : '正在统计重点人员档案…'}>
      {s && (
        <>
          <AsOfNote asOf={s.asOf} dateTo={s.dateTo} rest="，尚未到期的走访不计入" />
          <SimpleGrid cols={{ base: 2, md: 5 }}>
            <Figure label="在管人数" value={s.inManagement} hint={`截至 ${s.dateTo}`} />
            <Figure label="新增建档" value={s.newFiles} />
            <Figure
              label="解除管理"
              value={s.ended}
              hint={`解除 ${s.released} · 迁出 ${s.moved} · 死亡 ${s.deceased} · 终止 ${s.terminated}`}
            />
            <Figure label="逾期件数" value={s.overdue} hint={`截至 ${s.asOf}`} />
            <Figure label="严重违反协议" value={s.seriousBreach} hint="社区戒毒/社区康复人员" />
            <Figure
              label="应访次数"
              value={s.visits.due}
              hint={
                [s.visits.missed ? `其中漏访 ${s.visits.missed} 次` : '', s.visits.waived ? `另有已免除 ${s.visits.waived} 次` : '']
                  .filter(Boolean)
                  .join('；') || undefined
              }
            />
            <Figure label="已访次数" value={s.visits.done} hint={`其中迟访 ${s.visits.late} 次`} />
            <Figure label="走访完成率" value={formatRate(s.visits.rate)} hint="全部类别" />
            {health && (
              <Figure
                label="随访率"
                value={formatRate(s.followups.rate)}
                hint={`严重精神障碍患者：已随访 ${s.followups.done} / 应随访 ${s.followups.due}`}
              />
            )}
            <Figure label="检测完成率" value={formatRate(s.tests.rate)} hint={`已检测 ${s.tests.done} / 应检测 ${s.tests.due}`} />
          </SimpleGrid>
          <Definitions entries={definitions} />

          <SimpleGrid cols={{ base: 1, xl: 2 }} style={{ alignItems: 'start' }}>
            <SectionCard title={`在管人数（截至 ${s.dateTo}）：严重精神障碍患者按危险性等级`}>
              <Table withTableBorder data-testid="table-mh-levels">
                <Table.Thead>
                  <Table.Tr>
                    {MH_LEVELS.map((l) => (
                      <Table.Th key={l}>{l}级</Table.Th>
                    ))}
                    <Table.Th>合计</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    {MH_LEVELS.map((l) => (
                      <Table.Td key={l}>{mh?.levels[l] ?? 0}</Table.Td>
                    ))}
                    <Table.Td fw={600}>{mh?.inManagement ?? 0}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </SectionCard>
            <SectionCard title={`在管人数（截至 ${s.dateTo}）：其他类别按关注（关爱）等级，及管控对象`}>
              <Table withTableBorder data-testid="table-color-levels">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>类别</Table.Th>
                    {COLOR_LEVELS.map((l) => (
                      <Table.Th key={l}>{COLOR_LEVEL_SHORT_LABELS[l]}</Table.Th>
                    ))}
                    <Table.Th>在册合计</Table.Th>
                    <Table.Th>其中需管控</Table.Th>
                    <Table.Th>其中待转化</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {others.map((g) => (
                    <Table.Tr key={g.group} data-testid={`levels-${g.group}`}>
                      <Table.Td>{groupLabel(g.group)}</Table.Td>
                      {COLOR_LEVELS.map((l) => (
                        <Table.Td key={l}>{g.levels[l] ?? 0}</Table.Td>
                      ))}
                      <Table.Td fw={600}>{g.inManagement}</Table.Td>
                      <Table.Td>{g.controlled}</Table.Td>
                      <Table.Td>{g.group === 'cult' ? g.toTransform : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed" mt={4}>
                {FOLLOWUP_STAT_DEFINITIONS.control}；留守儿童按关爱等级（重点、一般、日常关爱）计。
              </Text>
            </SectionCard>
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, lg: 2 }} style={{ alignItems: 'start' }}>
            <SectionCard title="新增与解除（按类别）">
              <Table withTableBorder data-testid="table-new-ended">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>类别</Table.Th>
                    <Table.Th>新增建档</Table.Th>
                    <Table.Th>解除</Table.Th>
                    <Table.Th>迁出</Table.Th>
                    <Table.Th>死亡</Table.Th>
                    <Table.Th>终止</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.byGroup.map((g) => (
                    <Table.Tr key={g.group}>
                      <Table.Td>{groupLabel(g.group)}</Table.Td>
                      <Table.Td>{g.newFiles}</Table.Td>
                      <Table.Td>{g.released}</Table.Td>
                      <Table.Td>{g.moved}</Table.Td>
                      <Table.Td>{g.deceased}</Table.Td>
                      <Table.Td>{g.terminated}</Table.Td>
                    </Table.Tr>
                  ))}
                  <Table.Tr fw={600}>
                    <Table.Td>合计</Table.Td>
                    <Table.Td>{s.newFiles}</Table.Td>
                    <Table.Td>{s.released}</Table.Td>
                    <Table.Td>{s.moved}</Table.Td>
                    <Table.Td>{s.deceased}</Table.Td>
                    <Table.Td>{s.terminated}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
            </SectionCard>
            <SectionCard title="走访（随访）完成情况（按类别）">
              <Table withTableBorder data-testid="table-visits">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>类别</Table.Th>
                    <Table.Th>应访</Table.Th>
                    <Table.Th>已访</Table.Th>
                    <Table.Th>其中迟访</Table.Th>
                    <Table.Th>完成率</Table.Th>
                    <Table.Th>期末逾期</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {visitGroups.map((g) => (
                    <Table.Tr key={g.group} data-testid={`visits-${g.group}`}>
                      <Table.Td>
                        {g.group === 'mental_health'
                          ? `${groupLabel(g.group)}（${health ? '随访率' : '走访·关爱帮扶'}）`
                          : groupLabel(g.group)}
                      </Table.Td>
                      <DutyCells d={g.visits} />
                      <Table.Td>{g.overdue}</Table.Td>
                    </Table.Tr>
                  ))}
                  {drug && (
                    <Table.Tr data-testid="visits-drug">
                      <Table.Td>{groupLabel('drug')}（检测见下表）</Table.Td>
                      <Table.Td colSpan={4} c="dimmed">
                        —
                      </Table.Td>
                      <Table.Td>{drug.overdue}</Table.Td>
                    </Table.Tr>
                  )}
                  <Table.Tr fw={600}>
                    <Table.Td>合计（走访完成率）</Table.Td>
                    <DutyCells d={s.visits} />
                    <Table.Td>{s.overdue}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Text size="xs" c="dimmed" mt={4}>
                社区戒毒/社区康复人员按定期检测统计，见下表；期末逾期含检测、报到、全年随访次数等未完成事项。
              </Text>
            </SectionCard>
          </SimpleGrid>

          <SectionCard title="严重精神障碍患者：以奖代补（有奖监护）、免费服药和免费救治（按年度）">
            <Table withTableBorder data-testid="table-years">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>年度</Table.Th>
                  <Table.Th>当年在管患者</Table.Th>
                  <Table.Th>以奖代补考核合格</Table.Th>
                  <Table.Th>有奖监护率</Table.Th>
                  <Table.Th>已发放（人）</Table.Th>
                  <Table.Th>发放金额（元）</Table.Th>
                  <Table.Th>免费服药</Table.Th>
                  <Table.Th>免费服药率</Table.Th>
                  <Table.Th>免费救治</Table.Th>
                  <Table.Th>免费救治率</Table.Th>
                  <Table.Th>未录入年度记录</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.years.map((y) => (
                  <Table.Tr key={y.year} data-testid={`year-${y.year}`}>
                    <Table.Td>{y.year}</Table.Td>
                    <Table.Td>{y.patients}</Table.Td>
                    <Table.Td>{y.rewarded}</Table.Td>
                    <Table.Td fw={600}>{formatRate(y.rewardRate)}</Table.Td>
                    <Table.Td>{y.paid}</Table.Td>
                    <Table.Td>{y.amountYuan}</Table.Td>
                    <Table.Td>{y.freeMedication}</Table.Td>
                    <Table.Td>{formatRate(y.freeMedicationRate)}</Table.Td>
                    <Table.Td>{y.freeTreatment}</Table.Td>
                    <Table.Td>{formatRate(y.freeTreatmentRate)}</Table.Td>
                    <Table.Td>{y.unrecorded}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Text size="xs" c="dimmed" mt={4}>
              {FOLLOWUP_STAT_DEFINITIONS.rewardRate}；{FOLLOWUP_STAT_DEFINITIONS.freeCare}
            </Text>
          </SectionCard>

          <SectionCard title="社区戒毒/社区康复人员：定期检测与严重违反协议">
            <SimpleGrid cols={{ base: 1, lg: 3 }}>
              <Table withTableBorder data-testid="table-tests">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>应检测</Table.Th>
                    <Table.Th>已检测</Table.Th>
                    <Table.Th>其中迟检</Table.Th>
                    <Table.Th>检测完成率</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    <DutyCells d={s.tests} />
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <Table withTableBorder data-testid="table-test-results">
                <Table.Thead>
                  <Table.Tr>
                    {TEST_RESULTS.map((r) => (
                      <Table.Th key={r}>{r}</Table.Th>
                    ))}
                    <Table.Th>合计</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  <Table.Tr>
                    {TEST_RESULTS.map((r) => (
                      <Table.Td key={r}>{s.testResults[r]}</Table.Td>
                    ))}
                    <Table.Td fw={600}>{s.testsRecorded}</Table.Td>
                  </Table.Tr>
                </Table.Tbody>
              </Table>
              <div data-testid="breaches">
                {s.breaches.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    期间内没有严重违反社区戒毒（康复）协议的人员。
                  </Text>
                ) : (
                  <List size="sm" spacing={4}>
                    {s.breaches.map((b) => (
                      <List.Item key={b.id}>
                        <Anchor component={Link} to={`/followup/${b.id}`}>
                          {b.name}
                        </Anchor>
                        ：{b.reasons.join('；')}
                      </List.Item>
                    ))}
                  </List>
                )}
              </div>
            </SimpleGrid>
          </SectionCard>
        </>
      )}
    </StatsFrame>
  );
}
