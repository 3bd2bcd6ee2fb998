/**
 * The daily rebuild of the to-do table in a real worker thread, on a real ledger file: the same rows
 * as the rebuild in this thread, rows of files that owe nothing swept, the stamp written, progress on
 * the dashboard while it runs, and a failure reported once, in Chinese, without retrying all day.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate, generateFollowup } from '../../../../db/demo';
import { ObligationRefresher } from '../../../../db/jobs/refresher';
import { createHost, dispatch } from '../../../../db/router';
import { dueSources } from '../../../../db/modules';
import { markObligationsStale, obligationsStale, refreshObligations } from '../../../../db/services/obligations';
import type { Dashboard } from '../../../../shared/schemas/obligations';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger();
  const gen = generate(t.ctx(), { persons: 400, disputes: 150, seed: 7 });
  generateFollowup(t.ctx(), { subjects: 300, personIds: gen.personIds, seed: 7 });
});
afterEach(() => t.close());

const rows = () => t.ledger.db.prepare('SELECT * FROM obligation ORDER BY module, owner_id, item_key').all();

describe('the to-do rebuild', () => {
  it('starts from demo files made as the app makes them (each with the level it was opened with)', () => {
    expect(t.ledger.db.prepare("SELECT count(*) AS n FROM level_change WHERE module = 'followup' AND source = 'start'").get()).toEqual({
      n: 300,
    });
  });

  it('reports progress per batch and writes only what changed', () => {
    const seen: number[] = [];
    let total = 0;
    refreshObligations(t.ctx(), dueSources, (p) => {
      seen.push(p.done);
      total = p.total;
    });
    expect(total).toBeGreaterThan(300);
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(total);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    // the table was current: a second run rewrites nothing
    expect(refreshObligations(t.ctx(), dueSources)).toBe(0);
  });

  it('runs in a worker thread and leaves the same rows as the rebuild in this thread', async () => {
    refreshObligations(t.ctx(), dueSources);
    const expected = rows();
    expect(expected.length).toBeGreaterThan(300);
    // damage the table as days and rule changes would: rows missing, a row of a file that owes nothing
    t.ledger.db.prepare("DELETE FROM obligation WHERE module = 'followup' AND rowid % 3 = 0").run();
    t.ledger.db
      .prepare(
        "INSERT INTO obligation (module, owner_id, item_key, rule_id, kind, label, due_date, person_name, link) VALUES ('followup', 'gone', 'k', 'r', 'visit', 'x', '2024-01-01', '某', '/followup/gone')",
      )
      .run();
    markObligationsStale(t.ctx());

    const refresher = new ObligationRefresher(t.path, () => {});
    const first = refresher.ensure(t.ctx());
    expect(first.running).not.toBeNull();
    expect(refresher.ensure(t.ctx()).running).not.toBeNull(); // asked again: the same job, not a second
    await refresher.whenIdle();

    expect(rows()).toEqual(expected);
    expect(obligationsStale(t.ctx())).toBe(false);
    expect(refresher.ensure(t.ctx())).toEqual({ running: null, error: null });
  });

  it('leaves the table stale when the rules change while it runs', async () => {
    markObligationsStale(t.ctx());
    const refresher = new ObligationRefresher(t.path, () => {});
    refresher.ensure(t.ctx());
    markObligationsStale(t.ctx()); // e.g. a cadence adjusted in the settings meanwhile
    await refresher.whenIdle();
    expect(obligationsStale(t.ctx())).toBe(true);
    // the next dashboard visit starts another
    expect(refresher.ensure(t.ctx()).running).not.toBeNull();
    await refresher.whenIdle();
    expect(obligationsStale(t.ctx())).toBe(false);
  });

  it('shows its progress on the dashboard of a host that runs it in the background', async () => {
    markObligationsStale(t.ctx());
    const host = createHost(t.ledger, { clock: t.host.clock, log: () => {}, background: true });
    const r = dispatch(host, 'obligations.dashboard', {});
    expect(r.ok).toBe(true);
    const d = (r as { value: Dashboard }).value;
    expect(d.refreshing).not.toBeNull();
    expect(d.refreshError).toBeNull();
    await host.refresher!.whenIdle();
    const after = (dispatch(host, 'obligations.dashboard', {}) as { value: Dashboard }).value;
    expect(after.refreshing).toBeNull();
    expect(after.overdueTotal).toBeGreaterThan(0);
  });

  it('reports a failure once, in Chinese, and does not retry it all day', async () => {
    markObligationsStale(t.ctx());
    const logged: string[] = [];
    const refresher = new ObligationRefresher(`${t.dir}/不存在.db`, (l) => logged.push(l));
    expect(refresher.ensure(t.ctx()).running).not.toBeNull();
    await refresher.whenIdle();
    const s = refresher.ensure(t.ctx());
    expect(s.running).toBeNull();
    expect(s.error).toMatch(/待办事项未能按今天的日期更新/);
    expect(logged.join('\n')).toMatch(/待办表后台重建失败/);
    expect(obligationsStale(t.ctx())).toBe(true);
  });

  it('stops between batches when the ledger closes', async () => {
    markObligationsStale(t.ctx());
    const refresher = new ObligationRefresher(t.path, () => {});
    refresher.ensure(t.ctx());
    await refresher.stop();
    expect(refresher.ensure(t.ctx()).error).toBeNull(); // stopped is not failed
    await refresher.stop();
  });
});
