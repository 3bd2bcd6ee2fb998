/**
 * 排查活动: the villages' screening visits month by month — each a date, a village, who went, how
 * many households or persons they reached and how many disputes they found (a visit that found
 * nothing is a record too: 零报告). The month's list shows which villages have not reported; the
 * statistics count them as 排查次数. Each write is audited under the village screened.
 */
import type { z } from 'zod';
import { LedgerError } from '../../shared/errors';
import type { Screening, ScreeningInput, ScreeningMonth, ScreeningMonthInput, ScreeningTotals } from '../../shared/schemas/disputes';
import type { ServiceContext } from '../context';
import { newId } from '../ids';
import { audit } from './audit';
import { listVillages } from './reference';
import { all, one, run, write } from './sql';

const SELECT = `SELECT s.id, s.date, s.village_id AS villageId, v.name AS villageName, s.participants, s.households, s.persons,
  s.disputes_found AS disputesFound, s.note
  FROM screening s JOIN village v ON v.id = s.village_id`;

function loadScreening(ctx: ServiceContext, id: string): Screening | undefined {
  return one<Screening>(ctx, `${SELECT} WHERE s.id = ? AND s.deleted_at IS NULL`, id);
}

/** The last day of a 'YYYY-MM' month. */
function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function screeningMonth(ctx: ServiceContext, input: z.output<typeof ScreeningMonthInput>): ScreeningMonth {
  const p = { from: `${input.month}-01`, to: monthEnd(input.month) };
  const rows = all<Screening>(
    ctx,
    `${SELECT} WHERE s.deleted_at IS NULL AND s.date BETWEEN @from AND @to ORDER BY s.date, v.name, s.id`,
    p,
  );
  return {
    month: input.month,
    rows,
    villages: listVillages(ctx).map((v) => {
      const mine = rows.filter((r) => r.villageId === v.id);
      return { id: v.id, name: v.name, reports: mine.length, disputesFound: mine.reduce((n, r) => n + r.disputesFound, 0) };
    }),
  };
}

export function saveScreening(ctx: ServiceContext, input: z.output<typeof ScreeningInput>): Screening {
  return write(ctx, () => {
    if (!one(ctx, 'SELECT 1 FROM village WHERE id = ? AND deleted_at IS NULL', input.villageId)) {
      throw new LedgerError('VALIDATION', '所选村（社区）不存在', { fields: { villageId: '所选村（社区）不存在' } });
    }
    const now = ctx.clock.now();
    const { id: givenId, ...fields } = input;
    const values = [input.date, input.villageId, input.participants, input.households, input.persons, input.disputesFound, input.note];
    if (givenId) {
      const before = loadScreening(ctx, givenId);
      if (!before) throw new LedgerError('NOT_FOUND', '该排查记录不存在。');
      run(
        ctx,
        `UPDATE screening SET date = ?, village_id = ?, participants = ?, households = ?, persons = ?, disputes_found = ?, note = ?,
           updated_at = ? WHERE id = ?`,
        ...values,
        now,
        givenId,
      );
      const after = loadScreening(ctx, givenId)!;
      audit(ctx, {
        action: 'update',
        entity: 'village',
        entityId: input.villageId,
        before: { screening: before },
        after: { screening: after },
      });
      return after;
    }
    const id = newId();
    run(
      ctx,
      `INSERT INTO screening (id, date, village_id, participants, households, persons, disputes_found, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      id,
      ...values,
      now,
      now,
    );
    audit(ctx, { action: 'create', entity: 'village', entityId: input.villageId, after: { screening: fields } });
    return loadScreening(ctx, id)!;
  });
}

export function deleteScreening(ctx: ServiceContext, id: string): { ok: true } {
  return write(ctx, () => {
    const before = loadScreening(ctx, id);
    if (!before) throw new LedgerError('NOT_FOUND', '该排查记录不存在。');
    const now = ctx.clock.now();
    run(ctx, 'UPDATE screening SET deleted_at = ?, updated_at = ? WHERE id = ?', now, now, id);
    audit(ctx, { action: 'delete', entity: 'village', entityId: before.villageId, before: { screening: before } });
    return { ok: true as const };
  });
}

/** 排查次数 and what they reached in a period, for the statistics. */
export function screeningTotals(ctx: ServiceContext, from: string, to: string): ScreeningTotals {
  const t = one<{ count: number; villagesReported: number; households: number | null; persons: number | null; found: number | null }>(
    ctx,
    `SELECT count(*) AS count, count(DISTINCT village_id) AS villagesReported, sum(households) AS households, sum(persons) AS persons,
       sum(disputes_found) AS found
     FROM screening WHERE deleted_at IS NULL AND date BETWEEN ? AND ?`,
    from,
    to,
  )!;
  return {
    count: t.count,
    villagesReported: t.villagesReported,
    villages: one<{ n: number }>(ctx, 'SELECT count(*) AS n FROM village WHERE deleted_at IS NULL')!.n,
    households: t.households ?? 0,
    persons: t.persons ?? 0,
    disputesFound: t.found ?? 0,
  };
}
