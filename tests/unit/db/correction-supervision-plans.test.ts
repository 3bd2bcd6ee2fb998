/** The supervision records are read on every write to a correction file and in the daily rebuild: by their file's index, never a scan. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ASSESSMENTS_SQL, LEAVES_SQL, MONITORS_SQL, RELOCATIONS_SQL } from '../../../db/services/correction-supervision-due';
import { openTestLedger, type TestLedger } from '../../helpers/test-db';

let t: TestLedger;
beforeAll(() => {
  t = openTestLedger();
});
afterAll(() => t.close());

const plan = (sql: string) =>
  (t.ledger.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('01J00000000000000000000000') as { detail: string }[])
    .map((r) => r.detail)
    .join('\n');

it.each([
  ['a file’s 外出', LEAVES_SQL, 'correction_approval_file'],
  ['a file’s 电子定位', MONITORS_SQL, 'correction_monitor_file'],
  ['a file’s 变更执行地', RELOCATIONS_SQL, 'correction_approval_file'],
  ['a 电子定位’s assessments', ASSESSMENTS_SQL, 'correction_monitor_assessment_monitor'],
])('finds %s by index', (_, sql, index) => {
  const p = plan(sql);
  expect(p).toMatch(new RegExp(`^SEARCH correction_\\w+ USING INDEX ${index} \\(`, 'm'));
  expect(p).not.toMatch(/^SCAN /m);
});
