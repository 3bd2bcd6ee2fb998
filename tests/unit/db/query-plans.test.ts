/** The hot queries must use their indexes; a full scan of 100,000 rows would not stay fast. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeListInput } from '../../../shared/schemas/disputes';
import { disputeListSql } from '../../../db/services/disputes';
import { searchSql } from '../../../db/services/person-search';
import { openTestLedger, type TestLedger } from '../../helpers/test-db';

let t: TestLedger;
beforeAll(() => {
  t = openTestLedger();
});
afterAll(() => t.close());

function plan(sql: string, params: unknown[]): string {
  const rows = t.ledger.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

function listPlan(filter: Record<string, unknown>) {
  const f = DisputeListInput.parse(filter);
  const q = disputeListSql(f, '2024-06-15');
  return { count: plan(q.count, q.params), page: plan(q.page, [...q.pageParams, 50, 0]) };
}

describe('query plans', () => {
  it.each([
    [{}, 'dispute_live_intake'],
    [{ status: ['mediating'] }, 'dispute_live_status_intake'],
    [{ category: '02' }, 'dispute_live_category_intake'],
    [{ villageId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' }, 'dispute_live_village_intake'],
    [{ staffId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' }, 'dispute_live_staff_intake'],
    [{ sort: 'caseNo' }, 'dispute_live_case'],
    [{ sort: 'deadline' }, 'dispute_live_deadline'],
    [{ status: ['mediating'], sort: 'deadline' }, 'dispute_live_status_deadline'],
  ])('dispute list %j uses %s, with no sort step, and counts from an index alone', (filter, index) => {
    const p = listPlan(filter);
    expect(p.page).toContain(index);
    expect(p.page).not.toContain('TEMP B-TREE');
    expect(p.count).toMatch(/^SEARCH d USING COVERING INDEX dispute_live_\w+ \(deleted_at=\?/);
  });

  it.each([
    [{ deleted: true }, 'dispute_deleted'],
    [{ overdue: true }, 'COVERING INDEX obligation_kind_due'],
  ])('the (small) recycle bin and overdue sets are read through %j → %s, never a full scan', (filter, index) => {
    const p = listPlan(filter);
    expect(p.page).toContain(index);
    expect(p.page).not.toMatch(/SCAN d\b(?! USING)/);
    expect(p.count).not.toMatch(/SCAN d\b(?! USING)/);
    // the per-row 超期 flag is a primary-key lookup in the to-do table
    expect(p.page).toMatch(/SEARCH o USING (COVERING )?INDEX sqlite_autoindex_obligation_1/);
  });

  it.each([
    ['initials', 'person_initials'],
    ['pinyin', 'person_pinyin'],
    ['gram', 'sqlite_autoindex_person_gram_1'],
    ['exact', 'person_name'],
    ['fts', 'VIRTUAL TABLE INDEX'],
  ] as const)('person search by %s uses %s', (kind, index) => {
    const sql = searchSql(true)[kind];
    const params = kind === 'initials' || kind === 'pinyin' ? ['zs', 'zs\uffff'] : ['"张三丰"'];
    const p = plan(sql, params);
    expect(p).toContain(index);
    expect(p).not.toMatch(/SCAN p\b(?! USING)/);
  });
});
