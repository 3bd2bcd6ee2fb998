/**
 * 重点人员统计 for a period (the special-group statistics page): in management at the end by group and
 * level, new and ended files, visits due and done (走访完成率 / 随访率), tests, overdue items and
 * serious-breach cases. The formulas and their definitions are in shared/domain/followup-stats.ts.
 *
 * Visits due are owed per file by the due-date engine, read as at the period's end (`statsAsOf`), with the
 * level in force then. Running it over every file per request is O(files × history): about 20 s at
 * 100,000 files. So each file's items are kept by its sync (followup-duties.ts) and the period is read
 * from them — the files' own columns through one covering index, settled duties as sums per day, the
 * rest row by row — while the engine still runs, here, for the files the kept items cannot stand for
 * (`unreadFiles`). `followupStatsByEngine` runs it for every file: the reference the tests compare with.
 */
import type { z } from 'zod';
import {
  followupDueItems,
  isControlled,
  countsAsRefusal,
  isVisitGroup,
  refusalCount,
  seriousBreach,
  FOLLOWUP_GROUPS,
  type FollowupGroup,
  type RecordReport,
  type RecordSuspension,
} from '../../shared/domain/followup-rules';
import {
  activeInPeriod,
  addTally,
  dutyRate,
  emptyTally,
  FOLLOWUP_STAT_DEFINITIONS as DEF,
  inManagementOn,
  overdueCount,
  statsAsOf,
  tallyDuties,
  tallyYear,
  yearsOf,
  type DutyTally,
  type YearRecordFacts,
} from '../../shared/domain/followup-stats';
import { levelAt } from '../../shared/domain/obligations';
import { rate } from '../../shared/domain/rates';
import {
  TEST_RESULTS,
  type FollowupDutyStats,
  type FollowupGroupStats,
  type FollowupLevel,
  type FollowupStats,
  type FollowupStatsInput,
  type FollowupStatus,
  type FollowupYearStats,
} from '../../shared/schemas/followup';
import type { ItemAction } from '../../shared/schemas/obligations';
import type { ServiceContext } from '../context';
import { controlHistory, engineFacts, type SubjectDbRow } from './followup';
import { holidayTable } from './obligations';
import { followupOverrides } from './followup-cadence';
import { keptTallies, unreadFiles } from './followup-duties';
import { figure, type ReportFigure } from './exports';
import { all, groupRows } from './sql';

interface FileRow extends Pick<SubjectDbRow, 'control_status' | 'control_history'> {
  id: string;
  name: string;
  group_code: FollowupGroup;
  level: FollowupLevel;
  level_since: string;
  facts: string;
  start_date: string;
  end_date: string | null;
  status: FollowupStatus;
}

interface VisitRow {
  subjectId: string;
  id: string;
  kind: 'visit' | 'test';
  date: string;
  testResult: string | null;
  excuse: string | null;
  stability: string | null;
}

/** Files in management on some day of the period (deleted ones are not counted anywhere). */
const IN_PERIOD = 'f.deleted_at IS NULL AND f.start_date <= @to AND (f.end_date IS NULL OR f.end_date >= @from)';

const dutyStats = (t: DutyTally): FollowupDutyStats => ({ ...t, rate: dutyRate(t) });

type GroupAcc = FollowupGroupStats & { tally: DutyTally };

/** The figures being added up, file by file (the engine) or by sums (the kept duties). */
interface Acc {
  groups: Map<FollowupGroup, GroupAcc>;
  tests: DutyTally;
  testResults: FollowupStats['testResults'];
  breaches: FollowupStats['breaches'];
}

function newAcc(): Acc {
  return {
    groups: new Map<FollowupGroup, GroupAcc>(
      FOLLOWUP_GROUPS.map((g) => [
        g,
        {
          group: g,
          inManagement: 0,
          controlled: 0,
          toTransform: 0,
          levels: {},
          newFiles: 0,
          released: 0,
          moved: 0,
          deceased: 0,
          terminated: 0,
          visits: dutyStats(emptyTally()),
          overdue: 0,
          tally: emptyTally(),
        },
      ]),
    ),
    tests: emptyTally(),
    testResults: Object.fromEntries(TEST_RESULTS.map((r) => [r, 0])) as FollowupStats['testResults'],
    breaches: [],
  };
}

interface Period {
  from: string;
  to: string;
  asOf: string;
}

/**
 * 重点人员统计 for a period. Files whose kept duties can be read as at the period's as-of day are
 * added up from them (followup-duties.ts); the others — and every file, before the duties are kept —
 * through the engine, file by file. Both give the same figures (the tests hold them equal).
 */
export function followupStats(ctx: ServiceContext, input: z.output<typeof FollowupStatsInput>): FollowupStats {
  const p = period(ctx, input);
  const unread = unreadFiles(ctx, p.from, p.to, p.asOf, IN_PERIOD);
  const acc = newAcc();
  addByEngine(ctx, acc, p, unread);
  addKept(ctx, acc, p, unread);
  return finish(ctx, acc, p);
}

/** The same figures with the engine run over every file (the reference the kept duties are tested against). */
export function followupStatsByEngine(ctx: ServiceContext, input: z.output<typeof FollowupStatsInput>): FollowupStats {
  const p = period(ctx, input);
  const acc = newAcc();
  addByEngine(ctx, acc, p, null);
  return finish(ctx, acc, p);
}

function period(ctx: ServiceContext, input: z.output<typeof FollowupStatsInput>): Period {
  return { from: input.dateFrom, to: input.dateTo, asOf: statsAsOf(input.dateTo, ctx.clock.today()) };
}

/** The engine over the files in `only` (null: every file in the period). */
function addByEngine(ctx: ServiceContext, acc: Acc, { from, to, asOf }: Period, only: readonly string[] | null): void {
  if (only?.length === 0) return;
  const ONLY = only ? 'AND f.id IN (SELECT value FROM json_each(@only))' : '';
  const ids = JSON.stringify(only ?? []);
  const files = all<FileRow>(
    ctx,
    `SELECT f.id, p.name, f.group_code, f.level, f.level_since, f.control_status, f.control_history, f.facts, f.start_date, f.end_date, f.status
     FROM followup_subject f JOIN person p ON p.id = f.person_id WHERE ${IN_PERIOD} ${ONLY}`,
    { from, to, only: ids },
  );
  // One pass over every file's visits (in no particular order: the engine sorts a file's events itself).
  const visitsOf = groupRows(
    all<VisitRow>(
      ctx,
      `SELECT v.subject_id AS subjectId, v.id, v.kind, v.date, v.test_result AS testResult, v.excuse, v.stability
       FROM followup_visit v JOIN followup_subject f ON f.id = v.subject_id
       WHERE v.deleted_at IS NULL AND v.date <= @asOf AND ${IN_PERIOD} ${ONLY}`,
      { from, to, asOf, only: ids },
    ),
    'subjectId',
  );
  // Drug files' police reports and 中止 periods up to the as-of day, the same way.
  const reportsOf = groupRows(
    all<{ subjectId: string; id: string; date: string; matters: string }>(
      ctx,
      `SELECT r.subject_id AS subjectId, r.id, r.date, r.matters FROM followup_report r JOIN followup_subject f ON f.id = r.subject_id
       WHERE r.deleted_at IS NULL AND r.date <= @asOf AND ${IN_PERIOD} ${ONLY}`,
      { from, to, asOf, only: ids },
    ).map((r): RecordReport & { subjectId: string } => ({ ...r, matters: JSON.parse(r.matters) as string[] })),
    'subjectId',
  );
  const suspensionsOf = groupRows(
    all<RecordSuspension & { subjectId: string }>(
      ctx,
      `SELECT u.subject_id AS subjectId, u.id, u.reason, u.start_date AS startDate,
         CASE WHEN u.end_date <= @asOf THEN u.end_date END AS endDate
       FROM followup_suspension u JOIN followup_subject f ON f.id = u.subject_id
       WHERE u.deleted_at IS NULL AND u.start_date <= @asOf AND ${IN_PERIOD} ${ONLY}`,
      { from, to, asOf, only: ids },
    ),
    'subjectId',
  );
  // And the office's 延期/免除 decisions, the same way (an excused visit is not counted as owed and missed).
  const actionsOf = groupRows(
    all<ItemAction & { subjectId: string }>(
      ctx,
      `SELECT a.owner_id AS subjectId, a.id, a.kind, a.rule_id AS ruleId, a.item_key AS itemKey, a.label, a.date, a.new_date AS newDate, a.reason, a.created_at AS createdAt
       FROM obligation_action a JOIN followup_subject f ON a.module = 'followup' AND f.id = a.owner_id
       WHERE a.deleted_at IS NULL AND a.date <= @asOf AND ${IN_PERIOD} ${ONLY}`,
      { from, to, asOf, only: ids },
    ),
    'subjectId',
  );
  // And each file's level history, in the order it took effect.
  const levelsOf = groupRows(
    all<{ subjectId: string; date: string; level: FollowupLevel }>(
      ctx,
      `SELECT l.owner_id AS subjectId, l.date, l.level FROM level_change l JOIN followup_subject f ON l.module = 'followup' AND f.id = l.owner_id
       WHERE l.deleted_at IS NULL AND ${IN_PERIOD} ${ONLY} ORDER BY l.owner_id, l.date, l.id`,
      { from, to, only: ids },
    ),
    'subjectId',
  );
  const holidays = holidayTable(ctx);
  const overrides = followupOverrides(ctx);
  const { groups, tests, testResults, breaches } = acc;
  for (const f of files) {
    const g = groups.get(f.group_code)!;
    const visits = visitsOf.get(f.id) ?? [];
    const span = { startDate: f.start_date, endDate: f.end_date };
    if (f.start_date >= from) g.newFiles += 1;
    if (f.end_date !== null && f.end_date <= to) {
      if (f.status !== 'active') g[f.status] += 1;
    }
    // The level then: a later change must not change the cadence the period was owed under.
    const lv = levelAt(levelsOf.get(f.id) ?? [], asOf) ?? { level: f.level, since: f.level_since };
    const inManagement = inManagementOn(span, to);
    // The 管控 status over time (REVIEW row 11): counted as it stood at the period's end.
    const control = controlHistory(f);
    if (inManagement) {
      g.inManagement += 1;
      g.levels[lv.level] = (g.levels[lv.level] ?? 0) + 1;
      const status = levelAt(
        control.map((c) => ({ date: c.date, level: c.status })),
        to,
      )!.level;
      if (isControlled(status)) g.controlled += 1;
      if (status === 'to_transform') g.toTransform += 1;
    }
    // Opened after the as-of day, or a period that has not begun: nothing is owed yet.
    if (asOf < from || !activeInPeriod(span, from, asOf)) continue;
    const facts = engineFacts({
      group_code: f.group_code,
      facts: f.facts,
      level: lv.level,
      level_since: lv.since,
      control_status: f.control_status,
    });
    // A visit group's cadence follows its level and 管控 status over time (REVIEW row 11).
    const history = isVisitGroup(f.group_code) ? { levels: levelsOf.get(f.id) ?? [], control } : {};
    const items = followupDueItems({
      group: f.group_code,
      facts,
      overrides,
      record: { asOf, holidays, visits, reports: reportsOf.get(f.id) ?? [], suspensions: suspensionsOf.get(f.id) ?? [], ...history },
      subject: { id: f.id, startDate: f.start_date, endDate: f.end_date },
      actions: actionsOf.get(f.id) ?? [],
      today: asOf,
    });
    const t = tallyDuties(items, from, asOf);
    addTally(g.tally, t.visit);
    addTally(tests, t.test);
    if (inManagementOn(span, asOf)) g.overdue += overdueCount(items, asOf);

    if (f.group_code === 'drug') {
      const stored = JSON.parse(f.facts) as Record<string, unknown>;
      for (const v of visits) {
        if (v.kind !== 'test') continue;
        if (v.date >= from && v.testResult && v.testResult in testResults) testResults[v.testResult as keyof typeof testResults] += 1;
      }
      // A 未到 with a proper reason is no refusal (REVIEW row 14).
      const b = seriousBreach({
        testRefusals: refusalCount(visits),
        unauthorizedLeaves: Number(stored.leaveTimes ?? 0),
        daysAway: Number(stored.leaveDays ?? 0),
      });
      if (b.serious) breaches.push({ id: f.id, name: f.name, reasons: b.reasons });
    }
  }
}

/**
 * Every file in the period but `skip`, from sums: the files' own columns (kept by every write as the
 * engine reads them: the level and 管控 status of today, which the period's end saw when nothing changed
 * after it — the files where something did are among `skip`), the kept duties, and the drug files'
 * tests and breaches straight from their records.
 */
function addKept(ctx: ServiceContext, acc: Acc, { from, to, asOf }: Period, skip: readonly string[]): void {
  const skipped = JSON.stringify(skip);
  const NOT_SKIPPED = 'f.id NOT IN (SELECT value FROM json_each(@skipped))';
  const counts = all<{
    group_code: FollowupGroup;
    level: FollowupLevel;
    control_status: string;
    status: FollowupStatus;
    managed: number;
    opened: number;
    ended: number;
  }>(
    ctx,
    `SELECT f.group_code, f.level, f.control_status, f.status,
       sum(f.start_date <= @to AND (f.end_date IS NULL OR f.end_date > @to)) AS managed,
       sum(f.start_date >= @from) AS opened,
       sum(f.end_date IS NOT NULL AND f.end_date <= @to AND f.status <> 'active') AS ended
     FROM followup_subject f WHERE ${IN_PERIOD} AND ${NOT_SKIPPED}
     GROUP BY f.group_code, f.level, f.control_status, f.status`,
    { from, to, skipped },
  );
  for (const c of counts) {
    const g = acc.groups.get(c.group_code)!;
    g.newFiles += c.opened;
    if (c.status !== 'active') g[c.status] += c.ended;
    if (!c.managed) continue;
    g.inManagement += c.managed;
    g.levels[c.level] = (g.levels[c.level] ?? 0) + c.managed;
    if (isControlled(c.control_status as Parameters<typeof isControlled>[0])) g.controlled += c.managed;
    if (c.control_status === 'to_transform') g.toTransform += c.managed;
  }
  // Opened after the as-of day, or a period that has not begun: nothing is owed yet.
  if (asOf < from) return;
  const kept = keptTallies(ctx, from, asOf, skip);
  for (const [group, t] of kept.tallies) {
    addTally(acc.groups.get(group)!.tally, t.visit);
    addTally(acc.tests, t.test);
  }
  for (const [group, n] of kept.overdue) acc.groups.get(group)!.overdue += n;
  // The drug files in management on some day of [from, asOf]: their tests and serious breaches.
  const DRUG = `f.group_code = 'drug' AND ${IN_PERIOD} AND f.start_date <= @asOf AND ${NOT_SKIPPED}`;
  for (const r of all<{ result: string; n: number }>(
    ctx,
    `SELECT v.test_result AS result, count(*) AS n FROM followup_subject f
       JOIN followup_visit v ON v.subject_id = f.id AND v.deleted_at IS NULL AND v.kind = 'test' AND v.date >= @from AND v.date <= @asOf
     WHERE ${DRUG} GROUP BY v.test_result`,
    { from, to, asOf, skipped },
  )) {
    if (r.result in acc.testResults) acc.testResults[r.result as keyof typeof acc.testResults] += r.n;
  }
  const refusals = new Map<string, number>();
  for (const v of all<{ subjectId: string; kind: 'test'; testResult: string; excuse: string | null }>(
    ctx,
    `SELECT v.subject_id AS subjectId, v.kind, v.test_result AS testResult, v.excuse FROM followup_subject f
       JOIN followup_visit v ON v.subject_id = f.id AND v.deleted_at IS NULL AND v.kind = 'test' AND v.date <= @asOf
     WHERE ${DRUG} AND v.test_result IN ('拒绝检测', '未到')`,
    { from, to, asOf, skipped },
  )) {
    if (countsAsRefusal(v)) refusals.set(v.subjectId, (refusals.get(v.subjectId) ?? 0) + 1);
  }
  const breached: { id: string; reasons: string[] }[] = [];
  for (const f of all<{ id: string; facts: string }>(ctx, `SELECT f.id, f.facts FROM followup_subject f WHERE ${DRUG}`, {
    from,
    to,
    asOf,
    skipped,
  })) {
    const stored = JSON.parse(f.facts) as Record<string, unknown>;
    // A 未到 with a proper reason is no refusal (REVIEW row 14).
    const b = seriousBreach({
      testRefusals: refusals.get(f.id) ?? 0,
      unauthorizedLeaves: Number(stored.leaveTimes ?? 0),
      daysAway: Number(stored.leaveDays ?? 0),
    });
    if (b.serious) breached.push({ id: f.id, reasons: b.reasons });
  }
  if (!breached.length) return;
  const names = new Map(
    all<{ id: string; name: string }>(
      ctx,
      'SELECT f.id, p.name FROM followup_subject f JOIN person p ON p.id = f.person_id WHERE f.id IN (SELECT value FROM json_each(?))',
      JSON.stringify(breached.map((b) => b.id)),
    ).map((r) => [r.id, r.name]),
  );
  for (const b of breached) acc.breaches.push({ id: b.id, name: names.get(b.id)!, reasons: b.reasons });
}

/** The figures of the period from what was added up. */
function finish(ctx: ServiceContext, acc: Acc, { from, to, asOf }: Period): FollowupStats {
  const { tests, testResults, breaches } = acc;
  const overrides = followupOverrides(ctx);
  const byGroup = [...acc.groups.values()].map(({ tally, ...g }) => ({ ...g, visits: dutyStats(tally) }));
  const sum = (pick: (g: FollowupGroupStats) => number) => byGroup.reduce((n, g) => n + pick(g), 0);
  const allVisits = byGroup.reduce((acc, g) => addTally(acc, g.visits), emptyTally());
  const released = sum((g) => g.released);
  const moved = sum((g) => g.moved);
  const deceased = sum((g) => g.deceased);
  const terminated = sum((g) => g.terminated);
  return {
    dateFrom: from,
    dateTo: to,
    asOf,
    inManagement: sum((g) => g.inManagement),
    newFiles: sum((g) => g.newFiles),
    ended: released + moved + deceased + terminated,
    released,
    moved,
    deceased,
    terminated,
    visits: dutyStats(allVisits),
    followups: byGroup.find((g) => g.group === 'mental_health')!.visits,
    mhScheme: overrides.mentalHealthScheme ?? 'health',
    years: yearStats(ctx, from, asOf),
    tests: dutyStats(tests),
    overdue: sum((g) => g.overdue),
    seriousBreach: breaches.length,
    breaches: breaches.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    testsRecorded: Object.values(testResults).reduce((a, b) => a + b, 0),
    testResults,
    byGroup,
  };
}

/**
 * 有奖监护率, 免费服药率 and 免费救治率 for each year the period touches (REVIEW row 12), over the
 * severe-mental-disorder files in management on some day of that year up to the as-of day: two queries
 * (the files, their records of those years), then one pass per year.
 */
function yearStats(ctx: ServiceContext, from: string, asOf: string): FollowupYearStats[] {
  const years = yearsOf(from, asOf);
  if (!years.length || asOf < from) return [];
  const span = { from: `${years[0]}-01-01`, to: asOf };
  const files = all<{ id: string; start_date: string; end_date: string | null }>(
    ctx,
    `SELECT f.id, f.start_date, f.end_date FROM followup_subject f
     WHERE f.group_code = 'mental_health' AND f.deleted_at IS NULL AND f.start_date <= @to AND (f.end_date IS NULL OR f.end_date >= @from)`,
    span,
  );
  const recordsOf = groupRows(
    all<{
      subjectId: string;
      year: number;
      rewardResult: string;
      paid: number;
      amountFen: number | null;
      freeMedication: number;
      freeTreatment: number;
    }>(
      ctx,
      `SELECT y.subject_id AS subjectId, y.year, y.reward_result AS rewardResult, y.paid, y.amount_fen AS amountFen,
         y.free_medication AS freeMedication, y.free_treatment AS freeTreatment
       FROM followup_year y JOIN followup_subject f ON f.id = y.subject_id
       WHERE y.deleted_at IS NULL AND y.year BETWEEN @first AND @last AND f.group_code = 'mental_health' AND f.deleted_at IS NULL`,
      { first: years[0], last: years[years.length - 1] },
    ),
    'subjectId',
  );
  const input = files.map((f) => ({
    span: { startDate: f.start_date, endDate: f.end_date },
    records: (recordsOf.get(f.id) ?? []).map(
      (r): YearRecordFacts => ({ ...r, paid: r.paid === 1, freeMedication: r.freeMedication === 1, freeTreatment: r.freeTreatment === 1 }),
    ),
  }));
  return years.map((y) => {
    const t = tallyYear(y, asOf, input);
    return {
      year: y,
      patients: t.patients,
      rewarded: t.rewarded,
      rewardRate: rate(t.rewarded, t.patients),
      paid: t.paid,
      amountYuan: t.amountFen / 100,
      freeMedication: t.freeMedication,
      freeMedicationRate: rate(t.freeMedication, t.patients),
      freeTreatment: t.freeTreatment,
      freeTreatmentRate: rate(t.freeTreatment, t.patients),
      unrecorded: t.unrecorded,
    };
  });
}

/** The period's figures for a report package (上报包), as the statistics page counts them. */
export function followupReportFigures(ctx: ServiceContext, period: { dateFrom: string; dateTo: string }): ReportFigure[] {
  const s = followupStats(ctx, period);
  return [
    figure.count('在管人数', s.inManagement, DEF.inManagement),
    figure.count('新增建档', s.newFiles, DEF.newFiles),
    figure.count('解除管理', s.ended, DEF.ended),
    figure.count('应走访次数', s.visits.due, DEF.visitRate),
    figure.count('已走访次数', s.visits.done, DEF.visitRate),
    figure.rate('走访完成率', s.visits.rate, DEF.visitRate),
    figure.count('应检测次数', s.tests.due, DEF.testRate),
    figure.rate('检测完成率', s.tests.rate, DEF.testRate),
    figure.count('逾期件数', s.overdue, DEF.overdue),
    figure.count('严重违反协议人数', s.seriousBreach, DEF.seriousBreach),
  ];
}
