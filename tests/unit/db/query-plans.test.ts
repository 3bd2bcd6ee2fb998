/** The hot queries must use their indexes; a full scan of 100,000 rows would not stay fast. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DisputeListInput } from '../../../shared/schemas/disputes';
import { DashboardInput } from '../../../shared/schemas/obligations';
import { dashboardSql } from '../../../db/services/obligations-dashboard';
import { disputeListSql } from '../../../db/services/disputes';
import { searchSql } from '../../../db/services/persons-search';
import { openTestLedger, type TestLedger } from '../../helpers/test-db';
import { AssistanceListInput } from '../../../shared/schemas/assistance';
import { CorrectionListInput } from '../../../shared/schemas/correction';
import { assistanceListSql } from '../../../db/services/assistance';
import { correctionListSql } from '../../../db/services/correction';
import { contextFor } from '../../../db/router';
import { COUNTY_SQL } from '../../../db/services/county';

let t: TestLedger;
beforeAll(() => {
  t = openTestLedger();
});
afterAll(() => t.close());

type Db = TestLedger['ledger']['db'];

/** Positional parameters as an array, named ones as an object. */
function plan(sql: string, params: unknown[] | Record<string, unknown>, db: Db = t.ledger.db): string {
  const stmt = db.prepare(`EXPLAIN QUERY PLAN ${sql}`);
  const rows = (Array.isArray(params) ? stmt.all(...params) : stmt.all(params)) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

function listPlan(filter: Record<string, unknown>, db: Db = t.ledger.db) {
  const f = DisputeListInput.parse(filter);
  const q = disputeListSql(f, '2024-06-15');
  return { count: plan(q.count, q.params, db), page: plan(q.page, { ...q.params, limit: 50, offset: 0 }, db) };
}

/**
 * A list page found in its index's order (no sort step over the matching rows), its total counted
 * from an index alone, and what each of its rows looks up (the parties' phones, the day of 办结)
 * found by index. The page's rowids are found first (the co-routine `pg`); the sorts after it are
 * over the page's own rows: its order kept explicitly, and each row's two or three phones, applicants
 * and respondents.
 */
function expectListUses(index: string, p: { count: string; page: string }): void {
  const lines = p.page.split('\n');
  const finding = lines.slice(lines.indexOf('CO-ROUTINE pg'), lines.indexOf('SCAN pg'));
  expect(finding.join('\n')).toContain(index);
  expect(finding.join('\n')).not.toContain('TEMP B-TREE');
  expect(lines.filter((l) => l.includes('TEMP B-TREE'))).toEqual([
    'USE TEMP B-TREE FOR group_concat(ORDER BY)',
    'USE TEMP B-TREE FOR group_concat(ORDER BY)',
    'USE TEMP B-TREE FOR group_concat(ORDER BY)',
    'USE TEMP B-TREE FOR ORDER BY',
  ]);
  expect(lines.at(-1)).toBe('USE TEMP B-TREE FOR ORDER BY');
  expect(p.page).toContain('SEARCH d USING INTEGER PRIMARY KEY (rowid=?)');
  expect(p.page).toContain('SEARCH dp USING INDEX dispute_party_dispute (dispute_id=?)');
  expect(p.page).toContain('SEARCH c USING INDEX dispute_status_change_dispute (dispute_id=?)');
  expect(p.page).not.toMatch(/SCAN (d|dp|c|p)\b/);
  expect(p.count).toMatch(/^SEARCH d USING COVERING INDEX dispute_live_\w+ \(deleted_at=\?/);
}

const LIST_CASES: [Record<string, unknown>, string][] = [
  [{}, 'dispute_live_intake'],
  [{ status: ['mediating'] }, 'dispute_live_status_intake'],
  [{ category: '02' }, 'dispute_live_category_intake'],
  [{ villageId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' }, 'dispute_live_village_intake'],
  [{ staffId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' }, 'dispute_live_staff_intake'],
  [{ sort: 'caseNo' }, 'dispute_live_case'],
  [{ sort: 'deadline' }, 'dispute_live_deadline'],
  [{ status: ['mediating'], sort: 'deadline' }, 'dispute_live_status_deadline'],
];

describe('query plans', () => {
  it.each(LIST_CASES)('dispute list %j uses %s, with no sort step, and counts from an index alone', (filter, index) => {
    expectListUses(index, listPlan(filter));
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

describe('plans under the statistics of a large ledger', () => {
  // sqlite_stat1 as PRAGMA optimize left it on the bench's ledger (100,000 disputes; 240,000 to-do
  // items of 100,000 files). Its sampled figures are rough (1,905 rows per deleted_at value), as on
  // an office's own ledger; the plans must hold under them.
  const STATS: [string, string, string][] = [
    ['obligation', 'obligation_kind_due', '240299 1905 20 20 1'],
    ['obligation', 'obligation_village_due', '240299 1905 14'],
    ['obligation', 'obligation_staff_due', '240299 1905 21'],
    ['obligation', 'obligation_staff_module_due', '240299 1905 1270 23'],
    ['obligation', 'obligation_due', '240299 174'],
    ['obligation', 'sqlite_autoindex_obligation_1', '240299 1905 2 1'],
    ['dispute', 'dispute_live_status_deadline', '100000 1905 953 66'],
    ['dispute', 'dispute_live_deadline', '100000 1905 137'],
    ['dispute', 'dispute_live_staff_intake', '100000 1905 1905 28'],
    ['dispute', 'dispute_live_village_intake', '100000 1905 1905 12'],
    ['dispute', 'dispute_live_category_intake', '100000 1905 1905 31'],
    ['dispute', 'dispute_live_status_intake', '100000 1905 953 66'],
    ['dispute', 'dispute_live_intake', '100000 1905 137'],
    ['dispute', 'dispute_live_case', '100000 1905 1905 1'],
    ['dispute', 'dispute_deleted', '0 0'],
    ['dispute', 'dispute_case_no', '100000 1'],
    ['dispute', 'sqlite_autoindex_dispute_1', '100000 1'],
  ];
  let d: TestLedger;
  beforeAll(() => {
    d = openTestLedger();
    const db = d.ledger.db;
    db.exec('ANALYZE');
    db.exec('DELETE FROM sqlite_stat1');
    const put = db.prepare('INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)');
    for (const row of STATS) put.run(...row);
    db.exec('ANALYZE sqlite_schema'); // the planner rereads the statistics
  });
  afterAll(() => d.close());

  const params = {
    today: '2024-06-15',
    soon: '2024-06-22',
    termSoon: '2024-07-15',
    staffId: 'S',
    villageId: 'V',
    staffKey: 'S',
    module: 'followup',
    limit: 50,
    rowids: '[1, 2]',
  };
  it.each([{}, { responsibleStaffId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' }, { villageId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' }])(
    "scope %j: each cell's lists run in due-date order through its own range, a village's through its index, term ends through the kind index",
    (scope) => {
      const q = dashboardSql(DashboardInput.parse(scope));
      const planOf = (sql: string) => plan(sql, params, d.ledger.db);
      const lists: [string, string][] = [
        [q.overdue, 'obligation_staff_module_due (responsible_staff_id=? AND module=? AND due_date<?)'],
        [q.dueSoon, 'obligation_staff_module_due (responsible_staff_id=? AND module=? AND due_date>? AND due_date<?)'],
        [q.villageOverdue, 'obligation_village_due (village_id=? AND due_date<?)'],
        [q.villageDueSoon, 'obligation_village_due (village_id=? AND due_date>? AND due_date<?)'],
      ];
      for (const [list, range] of lists) {
        expect(planOf(list)).toContain(`INDEX ${range}`); // USING INDEX, or USING COVERING INDEX
        expect(planOf(list)).not.toContain('TEMP B-TREE');
      }
      // A cell's keys come from the index alone (but for a person in one village); only the rows listed are read, by rowid.
      if (!('villageId' in scope)) expect(planOf(q.overdue)).toContain('USING COVERING INDEX obligation_staff_module_due');
      expect(planOf(q.listed)).toMatch(/SEARCH o USING INTEGER PRIMARY KEY \(rowid=\?\)/);
      expect(planOf(q.termEnds)).toContain('SEARCH o USING INDEX obligation_kind_due (kind=? AND due_date>? AND due_date<?)');
      expect(planOf(q.termEnds)).not.toContain('TEMP B-TREE');
    },
  );

  it.each(LIST_CASES)('dispute list %j still uses %s, with no sort step, and counts from an index alone', (filter, index) => {
    expectListUses(index, listPlan(filter, d.ledger.db));
  });
});

describe('plans of the judicial office’s ledgers', () => {
  /**
   * A township keeps tens to a few thousand of these files: a list reads the live rows through a partial
   * index on them (never the deleted ones), finds each person and village by key, and a 责任人's filter
   * goes straight to that colleague's files.
   */
  const plans = (q: { count: string; page: string; params: Record<string, unknown> }) => ({
    count: plan(q.count, q.params),
    page: plan(q.page, { ...q.params, limit: 50, offset: 0 }),
  });
  const staff = '01HZZZZZZZZZZZZZZZZZZZZZZZ';

  it('社区矫正台账', () => {
    const ctx = contextFor(t.host);
    const all = plans(correctionListSql(ctx, CorrectionListInput.parse({ status: 'active' }), '2024-06-15'));
    expect(all.page).toMatch(/SCAN c USING INDEX correction_live_\w+/);
    expect(all.page).toContain('SEARCH p USING INDEX sqlite_autoindex_person_1 (id=?)');
    expect(all.page).toContain('SEARCH village USING INDEX sqlite_autoindex_village_1 (id=?)');
    expect(all.page).not.toMatch(/SCAN (p|village)\b/);
    const mine = plans(correctionListSql(ctx, CorrectionListInput.parse({ responsibleStaffId: staff }), '2024-06-15'));
    expect(mine.page).toContain('SEARCH c USING INDEX correction_live_staff (responsible_staff_id=?)');
    expect(mine.count).toContain('SEARCH c USING INDEX correction_live_staff (responsible_staff_id=?)');
  });

  it('安置帮教台账', () => {
    const all = plans(assistanceListSql(AssistanceListInput.parse({ status: 'active' }), '2024-06-15'));
    expect(all.page).toMatch(/SCAN a USING INDEX assistance_live_\w+/);
    expect(all.page).toContain('SEARCH p USING INDEX sqlite_autoindex_person_1 (id=?)');
    expect(all.page).not.toMatch(/SCAN (p|village)\b/);
    const mine = plans(assistanceListSql(AssistanceListInput.parse({ responsibleStaffId: staff }), '2024-06-15'));
    expect(mine.page).toContain('SEARCH a USING INDEX assistance_live_staff (responsible_staff_id=?)');
  });
});

describe('the county’s combined ledger', () => {
  it('reads a page by its package and position, and a search by name, never scanning the records', () => {
    const page = plan(COUNTY_SQL.page, ['p', 'persons', 1000, 50]);
    expect(page).toMatch(/SEARCH county_record USING INDEX county_record_list \(package_id=\? AND module=\? AND seq>\?\)/);
    expect(page).not.toMatch(/TEMP B-TREE/);
    const search = plan(COUNTY_SQL.search, ['persons', '张', '张\u{10FFFF}', '["a","b"]', 51]);
    expect(search).toMatch(
      /SEARCH county_record USING COVERING INDEX county_record_name|SEARCH county_record USING INDEX county_record_name/,
    );
    expect(search).not.toMatch(/SCAN county_record/);
    expect(search).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
  });
});
