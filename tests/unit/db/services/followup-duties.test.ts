/**
 * The duties kept for the statistics (db/services/followup-duties.ts) give the figures the engine gives
 * when run over every file: on a generated ledger of 400 files with late and missed visits, level
 * changes, 管控 changes, 延期 and 免除, 中止, ended and deleted files, every month, quarter and year of two
 * years is read both ways and compared whole — today, on a later day before the daily rebuild, and after it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, type ServiceContext } from '../../../../db/context';
import { generate, generateFollowup, rng } from '../../../../db/demo';
import { dueSources } from '../../../../db/modules';
import { syncFollowup } from '../../../../db/services/followup';
import { unreadFiles } from '../../../../db/services/followup-duties';
import { followupStats, followupStatsByEngine } from '../../../../db/services/followup-stats';
import { refreshObligations } from '../../../../db/services/obligations';
import { addDays } from '../../../../shared/dates';
import type { FollowupLevel } from '../../../../shared/schemas/followup';
import { openTestLedger, TODAY, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let files: string[];

const LATER = addDays(TODAY, 45);

function periods(today: string): { dateFrom: string; dateTo: string }[] {
  const out: { dateFrom: string; dateTo: string }[] = [];
  const [y, m] = today.split('-').map(Number) as [number, number];
  const end = (yy: number, mm: number) => addDays(`${yy + Math.floor(mm / 12)}-${String((mm % 12) + 1).padStart(2, '0')}-01`, -1);
  const start = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, '0')}-01`;
  for (let k = -26; k <= 1; k++) {
    const mm = m - 1 + k;
    const yy = y + Math.floor(mm / 12);
    const mo = ((mm % 12) + 12) % 12;
    out.push({ dateFrom: start(yy, mo + 1), dateTo: end(yy, mo + 1) });
    if (mo % 3 === 2) out.push({ dateFrom: start(yy, mo - 1), dateTo: end(yy, mo + 1) });
  }
  for (const yy of [y - 2, y - 1, y]) out.push({ dateFrom: `${yy}-01-01`, dateTo: `${yy}-12-31` });
  out.push(
    { dateFrom: addDays(today, -364), dateTo: today },
    { dateFrom: `${y}-01-01`, dateTo: today },
    { dateFrom: addDays(today, 3), dateTo: addDays(today, 40) },
  );
  return out;
}

const on = (day: string): ServiceContext => ({ ...t.ctx(), clock: fixedClock(day) });

function expectSame(day: string): void {
  const ctx = on(day);
  for (const p of periods(day)) {
    const kept = followupStats(ctx, p);
    const engine = followupStatsByEngine(ctx, p);
    expect({ period: p, ...kept }).toEqual({ period: p, ...engine });
  }
}

beforeAll(() => {
  t = openTestLedger();
  const ctx = t.ctx();
  const { personIds } = generate(ctx, { persons: 300, disputes: 0, seed: 7 });
  files = generateFollowup(ctx, { subjects: 400, personIds, seed: 11 });
  const rand = rng(5);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const groupOf = (id: string) =>
    (ctx.db.prepare('SELECT group_code FROM followup_subject WHERE id = ?').get(id) as { group_code: string }).group_code;
  const ago = (max: number) => addDays(TODAY, -1 - Math.floor(rand() * max));
  // Late visits, some reassessing the level (a level change dated then).
  for (let i = 0; i < 40; i++) {
    const id = pick(files);
    const g = groupOf(id);
    const day = ago(400);
    const levelAfter: FollowupLevel | undefined =
      rand() < 0.5
        ? g === 'mental_health'
          ? pick(['0', '1', '2', '3', '4', '5'] as const)
          : pick(['red', 'yellow', 'green'] as const)
        : undefined;
    try {
      t.onDay(day).call('followup.saveVisit', {
        subjectId: id,
        date: day,
        kind: g === 'drug' ? 'test' : 'visit',
        method: '上门',
        visitors: '王调解',
        findings: '补录走访',
        ...(g === 'drug' ? { testResult: pick(['阴性', '拒绝检测', '未到'] as const) } : {}),
        ...(levelAfter && g !== 'drug' ? { levelAfter } : {}),
      });
    } catch {
      // A visit before the file was opened, or one the file does not take: refused, nothing written.
    }
  }
  // 免除 and 延期 of open items, decided on days in the past.
  const open = ctx.db
    .prepare("SELECT owner_id, rule_id, item_key, due_date FROM obligation WHERE module = 'followup' ORDER BY owner_id LIMIT 60")
    .all() as { owner_id: string; rule_id: string; item_key: string; due_date: string }[];
  open.forEach((o, i) => {
    const kind = i % 3 === 0 ? 'extend' : 'waive';
    try {
      t.onDay(ago(60)).call('obligations.actOnItem', {
        module: 'followup',
        ownerId: o.owner_id,
        kind,
        ruleId: o.rule_id,
        itemKey: o.item_key,
        ...(kind === 'extend' ? { newDate: addDays(o.due_date, 20) } : {}),
        reason: kind === 'extend' ? '外出务工，返乡后补访' : '住院治疗',
      });
    } catch {
      // Not open on that day, or not to be extended there: refused, nothing written.
    }
  });
  // 中止 of a few drug files.
  const startOf = (id: string) =>
    (ctx.db.prepare('SELECT start_date FROM followup_subject WHERE id = ?').get(id) as { start_date: string }).start_date;
  for (const id of files.filter((f) => groupOf(f) === 'drug' && startOf(f) < addDays(TODAY, -120)).slice(0, 3)) {
    const start = addDays(startOf(id), 60);
    t.call('followup.saveSuspension', {
      id: null,
      subjectId: id,
      reason: 'detention',
      startDate: start,
      endDate: addDays(start, 15),
      note: null,
    });
  }
  // 管控 changes (a 邪教 person on the roll made a controlled one part-way).
  for (const id of files.filter((f) => groupOf(f) === 'cult').slice(0, 6)) {
    const s = ctx.db.prepare('SELECT start_date FROM followup_subject WHERE id = ?').get(id) as { start_date: string };
    const change = addDays(s.start_date, 40);
    if (change >= TODAY) continue;
    ctx.db.prepare("UPDATE followup_subject SET control_status = 'controlled', control_history = ? WHERE id = ?").run(
      JSON.stringify([
        { date: s.start_date, status: 'registered' },
        { date: change, status: 'controlled' },
      ]),
      id,
    );
    syncFollowup(ctx, id);
  }
  // Files ended on various days, and two deleted.
  files.slice(0, 30).forEach((id, i) => {
    const s = ctx.db.prepare('SELECT start_date FROM followup_subject WHERE id = ?').get(id) as { start_date: string };
    const end = addDays(s.start_date, 20 + Math.floor(rand() * 500));
    if (end >= TODAY) return;
    t.call('followup.end', { id, status: (['released', 'moved', 'deceased'] as const)[i % 3]!, endDate: end, endReason: '按规定解除' });
  });
  for (const id of files.slice(30, 32)) t.call('followup.delete', { id });
});

afterAll(() => t.close());

describe('the kept duties give the engine’s figures', () => {
  it('today, for every month, quarter and year of two years, and a period yet to come', () => {
    expectSame(TODAY);
  });

  it('reads most files from the kept duties, not the engine', () => {
    // The ledger has what the comparison is about.
    const count = (sql: string) => (t.ctx().db.prepare(sql).get() as { n: number }).n;
    expect(count("SELECT count(*) AS n FROM obligation_action WHERE kind = 'waive'")).toBeGreaterThan(10);
    expect(count("SELECT count(*) AS n FROM obligation_action WHERE kind = 'extend'")).toBeGreaterThan(5);
    expect(count("SELECT count(*) AS n FROM level_change WHERE source <> 'start'")).toBeGreaterThan(5);
    expect(count('SELECT count(*) AS n FROM followup_duty WHERE settled = 0 AND closed_on > due_date')).toBeGreaterThan(10);
    expect(count('SELECT count(*) AS n FROM followup_duty WHERE passed_on IS NOT NULL')).toBeGreaterThan(5);
    expect(count("SELECT count(*) AS n FROM followup_subject WHERE status <> 'active'")).toBeGreaterThan(10);
    const asOf = TODAY;
    const inPeriod = 'f.deleted_at IS NULL AND f.start_date <= @to AND (f.end_date IS NULL OR f.end_date >= @from)';
    const unread = unreadFiles(on(TODAY), addDays(asOf, -364), asOf, asOf, inPeriod);
    expect(unread.length).toBeGreaterThan(0);
    expect(unread.length).toBeLessThan(files.length / 4);
  });

  it('on a later day before the daily rebuild (files not rebuilt go through the engine), and after it', () => {
    expectSame(LATER);
    const ctx = on(LATER);
    refreshObligations(ctx, dueSources);
    const inPeriod = 'f.deleted_at IS NULL AND f.start_date <= @to AND (f.end_date IS NULL OR f.end_date >= @from)';
    expect(unreadFiles(ctx, addDays(LATER, -364), LATER, LATER, inPeriod).length).toBeLessThan(files.length / 4);
    expectSame(LATER);
  });

  it('keeps the sums per day equal to the rows they sum, through every rewrite and delete', () => {
    const ctx = t.ctx();
    const sums = ctx.db
      .prepare(
        'SELECT group_code, duty, due_date, done_weight, waived_weight FROM followup_duty_day WHERE done_weight <> 0 OR waived_weight <> 0 ORDER BY 1, 2, 3',
      )
      .all();
    const rows = ctx.db
      .prepare(
        `SELECT group_code, duty, due_date, sum(CASE WHEN waived = 1 THEN 0 ELSE weight END) AS done_weight, sum(CASE WHEN waived = 1 THEN weight ELSE 0 END) AS waived_weight
         FROM followup_duty WHERE settled = 1 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      )
      .all();
    expect(sums.length).toBeGreaterThan(100);
    expect(sums).toEqual(rows);
  });
});
