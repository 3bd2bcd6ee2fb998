/** 排查调处统计: every step counted once, the outcome kept after 办结, both bases, every breakdown. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import type { DisputeStatus } from '../../../../shared/domain/disputes';
import type { Dispute } from '../../../../shared/schemas/disputes';
import type { Person } from '../../../../shared/schemas/persons';
import { dispute, person } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let a: Person;
let b: Person;
let east: string;
let west: string;

beforeEach(() => {
  t = openTestLedger(); // today 2024-06-15
  a = person(t, { name: '张三' });
  b = person(t, { name: '李四' });
  east = t.call('villages.save', { name: '东村' }).id;
  west = t.call('villages.save', { name: '西村' }).id;
});
afterEach(() => t.close());

/** A dispute registered on `intakeDate`, moved through `steps` (status, date). */
function through(fields: Partial<Input<'disputes.create'>>, steps: [DisputeStatus, string][]): Dispute {
  const d = dispute(t, [a, b], fields);
  for (const [to, date] of steps)
    t.call('disputes.changeStatus', { id: d.id, to, date, transferUnit: to === 'transferred' ? '县信访局' : null });
  return d;
}

const year = (extra: Partial<Input<'disputes.stats'>> = {}) =>
  t.call('disputes.stats', { dateFrom: '2024-01-01', dateTo: '2024-12-31', ...extra });

describe('dispute-register statistics', () => {
  beforeEach(() => {
    // 东村, 邻里 (02), 来访: resolved then closed; unresolved; still being mediated.
    through({ intakeDate: '2024-03-04', category: '02', villageId: east, amountYuan: 2000, peopleCount: 2 }, [
      ['accepted', '2024-03-05'],
      ['mediating', '2024-03-06'],
      ['resolved', '2024-03-20'],
      ['closed', '2024-03-25'],
    ]);
    through({ intakeDate: '2024-04-02', category: '02', villageId: east, amountYuan: 500.5 }, [
      ['accepted', '2024-04-03'],
      ['mediating', '2024-04-04'],
      ['unresolved', '2024-05-06'],
    ]);
    through({ intakeDate: '2024-05-08', category: '02', villageId: west }, [
      ['accepted', '2024-05-09'],
      ['mediating', '2024-05-10'],
    ]);
    // 西村, 劳动 (10), 12345: rejected then closed; transferred at once; accepted, mediated, then transferred.
    through({ intakeDate: '2024-05-13', category: '10', source: 'hotline12345', villageId: west }, [
      ['rejected', '2024-05-14'],
      ['closed', '2024-05-15'],
    ]);
    through({ intakeDate: '2024-05-20', category: '10', source: 'hotline12345', villageId: west }, [['transferred', '2024-05-21']]);
    through({ intakeDate: '2024-06-03', category: '10', source: 'petition' }, [
      ['accepted', '2024-06-04'],
      ['mediating', '2024-06-05'],
      ['transferred', '2024-06-06'],
    ]);
    // Only registered; and one registered last year but resolved this year.
    through({ intakeDate: '2024-06-10', category: '99' }, []);
    through({ intakeDate: '2023-12-28', category: '02', villageId: east }, [
      ['accepted', '2023-12-29'],
      ['mediating', '2024-01-02'],
      ['resolved', '2024-01-10'],
    ]);
  });

  it('counts each step once and keeps the outcome after 办结, with both 化解率 and 调处率', () => {
    const s = year();
    expect(s.total).toMatchObject({
      registered: 7,
      accepted: 4,
      rejected: 1,
      mediated: 4,
      resolved: 1,
      unresolved: 1,
      transferred: 2,
      open: 2,
      amountYuan: 2500.5,
      people: 2,
    });
    expect(s.total.mediationRate).toBe(1);
    expect(s.total.resolutionRate).toBeCloseTo(1 / 7);
    expect(s.total.resolutionRateOfHandled).toBe(0.5);
  });

  it('breaks the figures down by category, source, village, person and month', () => {
    const s = year();
    expect(s.byCategory.map((r) => [r.label, r.registered, r.resolved])).toEqual([
      ['邻里纠纷', 3, 1],
      ['劳动争议纠纷', 3, 0],
      ['其他纠纷', 1, 0],
    ]);
    expect(s.bySource.map((r) => [r.key, r.registered])).toEqual([
      ['visit', 4],
      ['hotline12345', 2],
      ['petition', 1],
    ]);
    expect(s.byVillage.map((r) => [r.label, r.registered])).toEqual([
      ['东村', 2],
      ['西村', 3],
      ['（未填村居）', 2],
    ]);
    expect(s.byStaff.map((r) => [r.label, r.registered])).toEqual([['（未指定）', 7]]);
    expect(s.byMonth).toHaveLength(12);
    expect(s.byMonth.map((r) => r.registered)).toEqual([0, 0, 1, 1, 3, 2, 0, 0, 0, 0, 0, 0]);
  });

  it('counted by outcome: the disputes whose outcome fell in the period, whenever registered', () => {
    const s = year({ basis: 'outcome' });
    expect(s.total).toMatchObject({ registered: 3, resolved: 2, unresolved: 1 });
    expect(s.byMonth.map((r) => r.resolved + r.unresolved)).toEqual([1, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('leaves out deleted disputes, refuses a period that ends before it begins, and shows no rate for nothing', () => {
    const d = through({ intakeDate: '2024-06-11', category: '02', amountYuan: 100 }, []);
    t.call('disputes.delete', { id: d.id });
    expect(year().total.registered).toBe(7);
    expect(t.raw('disputes.stats', { dateFrom: '2024-06-01', dateTo: '2024-05-01' })).toMatchObject({
      ok: false,
      error: { fields: { dateTo: '结束日期不能早于开始日期' } },
    });
    const empty = t.call('disputes.stats', { dateFrom: '2025-01-01', dateTo: '2025-01-31' });
    expect(empty.total).toMatchObject({ registered: 0, mediationRate: null, resolutionRate: null, resolutionRateOfHandled: null });
    expect(empty.byCategory).toEqual([]);
  });
});

/** The oracle: the same figures recounted from every dispute of the register, as migration 0013 does. */
function recount(basis: 'intake' | 'outcome', from: string, to: string) {
  const day = basis === 'intake' ? 'intake_date' : 'outcome_date';
  return t.ledger.db
    .prepare(
      `SELECT count(*) AS registered, coalesce(sum(accepted_date IS NOT NULL), 0) AS accepted,
         coalesce(sum(mediating_date IS NOT NULL), 0) AS mediated, coalesce(sum(outcome IS 'resolved'), 0) AS resolved,
         coalesce(sum(outcome IS 'unresolved'), 0) AS unresolved, coalesce(sum(transfer_unit IS NOT NULL), 0) AS transferred,
         coalesce(sum(status IN ('registered', 'accepted', 'mediating')), 0) AS open, coalesce(sum(amount_fen), 0) / 100.0 AS amountYuan,
         coalesce(sum(feedback_date IS NOT NULL), 0) AS fedBack,
         coalesce(sum(feedback_date IS NOT NULL AND (ticket_deadline IS NULL OR feedback_date <= ticket_deadline)), 0) AS fedBackOnTime,
         coalesce(sum(satisfaction IS NOT NULL), 0) AS rated, coalesce(sum(satisfaction IN ('满意', '基本满意')), 0) AS satisfied,
         coalesce(sum(prevented_criminal_persons IS NOT NULL), 0) AS preventedCriminal,
         coalesce(sum(prevented_criminal_persons), 0) AS preventedCriminalPersons,
         coalesce(sum(prevented_mass_persons IS NOT NULL), 0) AS preventedMass, coalesce(sum(prevented_mass_persons), 0) AS preventedMassPersons
       FROM dispute WHERE deleted_at IS NULL AND ${day} BETWEEN ? AND ?`,
    )
    .get(from, to);
}

describe('the figures kept as the register changes', () => {
  it('equal a recount from the register after every kind of write', () => {
    const check = () => {
      for (const basis of ['intake', 'outcome'] as const) {
        const { total } = year({ basis });
        const oracle = recount(basis, '2024-01-01', '2024-12-31') as Record<string, number>;
        expect(Object.fromEntries(Object.keys(oracle).map((k) => [k, total[k as keyof typeof total]])), basis).toEqual(oracle);
      }
    };
    const d = through({ intakeDate: '2024-02-01', category: '02', villageId: east, amountYuan: 300 }, [['accepted', '2024-02-02']]);
    check();
    // Moved to another category, village, amount and day: out of the old rows, into the new.
    t.call('disputes.update', {
      id: d.id,
      intakeDate: '2024-02-05',
      source: 'call',
      category: '10',
      villageId: west,
      summary: '改正后的情况',
      amountYuan: 450.25,
      // A work order answered late and rated, counted as 防止民转刑
      ticketNo: 'GD20240205001',
      ticketDeadline: '2024-02-10',
      feedbackDate: '2024-02-12',
      satisfaction: '基本满意',
      preventedCriminalPersons: 3,
      handlingLevel: 'township',
      parties: [
        { personId: a.id, role: 'applicant' },
        { personId: b.id, role: 'respondent' },
      ],
    });
    check();
    expect(year().byCategory.map((r) => r.key)).toEqual(['10']);
    for (const [to, date] of [
      ['mediating', '2024-02-06'],
      ['unresolved', '2024-02-20'],
      ['mediating', '2024-02-21'],
      ['resolved', '2024-03-01'],
      ['closed', '2024-03-02'],
    ] as const) {
      t.call('disputes.changeStatus', { id: d.id, to, date });
      check();
    }
    t.call('disputes.delete', { id: d.id });
    check();
    expect(t.ledger.db.prepare('SELECT count(*) AS n FROM dispute_stat').get()).toEqual({ n: 0 });
    t.call('recycle.restore', { section: 'disputes', id: d.id });
    check();
    expect(year({ basis: 'outcome' }).byMonth.map((r) => r.resolved)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('REVIEW row 4: 12345 and 信访 work orders, 防止民转刑 and 防止群体性事件, the township centre apart, and 排查次数', () => {
  it('counts the work orders and how many were 化解, answered on time and rated 满意; the prevented cases and persons; by 调处主体', () => {
    const order = (fields: Partial<Input<'disputes.create'>>, steps: [DisputeStatus, string][] = []) =>
      through(
        {
          intakeDate: '2024-05-02',
          category: '02',
          source: 'hotline12345',
          ticketNo: 'GD1',
          ticketUnit: '县12345热线',
          ticketDeadline: '2024-05-17',
          ...fields,
        },
        steps,
      );
    const settle: [DisputeStatus, string][] = [
      ['accepted', '2024-05-03'],
      ['mediating', '2024-05-04'],
      ['resolved', '2024-05-10'],
    ];
    order({ feedbackDate: '2024-05-11', satisfaction: '满意', handlingLevel: 'township' }, settle);
    order({ feedbackDate: '2024-05-20', satisfaction: '不满意', handlingLevel: 'village' }, settle);
    order({ handlingLevel: 'village' });
    through(
      {
        intakeDate: '2024-05-02',
        category: '01',
        source: 'petition',
        ticketNo: 'XF9',
        preventedMassPersons: 12,
        preventedCriminalPersons: 2,
      },
      settle,
    );
    const s = t.call('disputes.stats', { dateFrom: '2024-05-01', dateTo: '2024-05-31' });
    expect(s.bySource.find((r) => r.key === 'hotline12345')).toMatchObject({ registered: 3, resolved: 2, open: 1 });
    expect(s.bySource.find((r) => r.key === 'petition')).toMatchObject({ registered: 1, resolved: 1 });
    expect(s.total).toMatchObject({
      fedBack: 2,
      fedBackOnTime: 1,
      onTimeRate: 0.5,
      rated: 2,
      satisfied: 1,
      satisfactionRate: 0.5,
      preventedCriminal: 1,
      preventedCriminalPersons: 2,
      preventedMass: 1,
      preventedMassPersons: 12,
    });
    expect(s.byLevel.map((r) => [r.label, r.registered, r.resolved])).toEqual([
      ['乡镇（调解中心）', 1, 1],
      ['村（社区）', 2, 1],
      ['（未填调处主体）', 1, 1],
    ]);
  });

  it('refuses a work order answered before it was registered or in the future', () => {
    const base = {
      intakeDate: '2024-05-02',
      source: 'hotline12345',
      category: '02',
      summary: '噪音',
      parties: [{ personId: a.id, role: 'applicant' as const }],
    };
    expect(t.raw('disputes.create', { ...base, feedbackDate: '2024-05-01' })).toMatchObject({
      ok: false,
      error: { fields: { feedbackDate: '反馈日期不能早于登记日期' } },
    });
    expect(t.raw('disputes.create', { ...base, feedbackDate: '2024-06-16' })).toMatchObject({
      ok: false,
      error: { fields: { feedbackDate: '反馈日期不能晚于今天' } },
    });
    expect(t.raw('disputes.create', { ...base, preventedCriminalPersons: 0 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it("keeps the villages' screening by month, shows who has not reported, counts a zero report, and gives 排查次数 to the statistics", () => {
    const first = t.call('disputes.saveScreening', {
      date: '2024-06-03',
      villageId: east,
      participants: '村调委会主任、网格员',
      households: 40,
      persons: 120,
      disputesFound: 2,
    });
    t.call('disputes.saveScreening', { date: '2024-05-28', villageId: west, participants: '网格员', disputesFound: 0 });
    let june = t.call('disputes.screenings', { month: '2024-06' });
    expect(june.rows.map((r) => [r.villageName, r.disputesFound])).toEqual([['东村', 2]]);
    expect(june.villages.map((v) => [v.name, v.reports])).toEqual([
      ['东村', 1],
      ['西村', 0],
    ]);
    // 西村 reports nothing found: a zero report is a report
    t.call('disputes.saveScreening', { date: '2024-06-10', villageId: west, participants: '网格员', disputesFound: 0 });
    june = t.call('disputes.screenings', { month: '2024-06' });
    expect(june.villages.every((v) => v.reports > 0)).toBe(true);
    expect(t.call('disputes.stats', { dateFrom: '2024-05-01', dateTo: '2024-06-30' }).screening).toEqual({
      count: 3,
      villagesReported: 2,
      villages: 2,
      households: 40,
      persons: 120,
      disputesFound: 2,
    });
    // Corrected, then deleted: the month follows, and each change is in the village's history
    t.call('disputes.saveScreening', { id: first.id, date: '2024-06-03', villageId: east, participants: '村调委会主任', disputesFound: 3 });
    t.call('disputes.deleteScreening', { id: first.id });
    expect(t.call('disputes.screenings', { month: '2024-06' }).rows.map((r) => r.villageName)).toEqual(['西村']);
    expect(t.call('audit.forEntity', { entity: 'village', id: east }).map((e) => e.action)).toEqual(
      expect.arrayContaining(['create', 'update', 'delete']),
    );
    expect(t.raw('disputes.saveScreening', { date: '2024-06-16', villageId: east, participants: 'x', disputesFound: 0 })).toMatchObject({
      ok: false,
      error: { fields: { date: '排查日期不能晚于今天' } },
    });
    expect(t.raw('disputes.saveScreening', { date: '2024-06-01', villageId: east, participants: 'x', disputesFound: -1 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(t.raw('disputes.screenings', { month: '2024-13' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
