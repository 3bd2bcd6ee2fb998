/** 移交工作: a colleague leaves and their open disputes and files go to another, each audited, the to-do list following. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generate, generateFollowup } from '../../../../db/demo';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger();
  const g = generate(t.ctx(), { persons: 120, disputes: 80, seed: 11 });
  generateFollowup(t.ctx(), { subjects: 40, personIds: g.personIds, seed: 11 });
});
afterEach(() => t.close());

const staffId = (name: string) => t.call('staff.list', { includeInactive: true }).find((s) => s.name === name)!.id;
const count = (sql: string, ...args: unknown[]) => (t.ledger.db.prepare(sql).get(...args) as { n: number }).n;

describe('handing a colleague’s work to another', () => {
  it('counts the open work, moves all of it in one go with an audit row each, and the to-do list follows', () => {
    const from = staffId('李建国');
    const to = staffId('赵秀兰');
    const open = count(
      "SELECT count(*) AS n FROM dispute WHERE responsible_staff_id = ? AND deleted_at IS NULL AND status IN ('registered', 'accepted', 'mediating')",
      from,
    );
    const closed = count(
      "SELECT count(*) AS n FROM dispute WHERE responsible_staff_id = ? AND status NOT IN ('registered', 'accepted', 'mediating')",
      from,
    );
    const files = count("SELECT count(*) AS n FROM followup_subject WHERE responsible_staff_id = ? AND status = 'active'", from);
    expect(open + files).toBeGreaterThan(0);
    expect(t.call('staff.workload', { staffId: from })).toEqual([
      { label: '在管的重点人员档案', unit: '份', count: files },
      { label: '未办结的纠纷', unit: '件', count: open },
      { label: '在矫的社区矫正档案', unit: '份', count: 0 },
      { label: '在册的安置帮教档案', unit: '份', count: 0 },
    ]);
    const audits = count('SELECT count(*) AS n FROM audit_log');
    expect(t.call('staff.handOver', { fromStaffId: from, toStaffId: to }).map((w) => w.count)).toEqual([files, open, 0, 0]);
    expect(t.call('staff.workload', { staffId: from }).map((w) => w.count)).toEqual([0, 0, 0, 0]);
    expect(count('SELECT count(*) AS n FROM audit_log') - audits).toBe(files + open);
    // Closed disputes keep who handled them; no due item is left in the leaver's name
    expect(
      count(
        "SELECT count(*) AS n FROM dispute WHERE responsible_staff_id = ? AND status NOT IN ('registered', 'accepted', 'mediating')",
        from,
      ),
    ).toBe(closed);
    expect(count("SELECT count(*) AS n FROM obligation WHERE responsible_staff_id = ? AND module IN ('dispute', 'followup')", from)).toBe(
      0,
    );
  });

  it('refuses a hand-over to the same colleague, to a mediator or to one no longer in post, and changes nothing', () => {
    const from = staffId('李建国');
    const before = t.call('staff.workload', { staffId: from });
    expect(t.raw('staff.handOver', { fromStaffId: from, toStaffId: from })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const mediator = t.call('staff.list', {}).find((s) => s.kind === 'mediator')!.id;
    expect(t.raw('staff.handOver', { fromStaffId: from, toStaffId: mediator })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '只能移交给在岗的工作人员' },
    });
    const gone = t.call('staff.list', {}).find((s) => s.name === '孙志强')!;
    t.call('staff.save', { ...gone, active: false });
    expect(t.raw('staff.handOver', { fromStaffId: from, toStaffId: gone.id })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.call('staff.workload', { staffId: from })).toEqual(before);
  });
});
