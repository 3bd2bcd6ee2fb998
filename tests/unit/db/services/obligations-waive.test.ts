/**
 * 批量免除: several due items excused with one reason (a patient in hospital for two months: both
 * months' visits), all or none, each recorded and audited exactly as a single 免除 — on real ledger
 * files, through the router, as the window calls it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Input } from '../../../../shared/contract';
import type { FollowupSubject } from '../../../../shared/schemas/followup';
import { dispute, followupFile, person } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
/** A 邪教人员 file opened 2024-03-01, never visited: March, April and May are overdue today (06-15), June is open. */
let file: FollowupSubject;

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  file = followupFile(t, person(t, { name: '张三' }), { startDate: '2024-03-01' });
});
afterEach(() => t.close());

type Ref = Input<'obligations.waiveItems'>['items'][number];
const ref = (s: FollowupSubject, label: string): Ref => {
  const i = s.dueItems.find((x) => x.label === label)!;
  return { module: 'followup', ownerId: s.id, ruleId: i.ruleId, itemKey: i.key };
};
const APRIL = '每月走访（2024年4月）';
const MAY = '每月走访（2024年5月）';
const REASON = '4月至5月住院治疗，出院后走访';

const count = (table: string) => (t.ledger.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
const itemState = (s: FollowupSubject, label: string) => {
  const i = t.call('followup.get', { id: s.id }).dueItems.find((x) => x.label === label)!;
  return { state: i.state, waivedReason: i.waivedReason ?? null };
};
/** What the record's history and the action table keep of one decision, without ids and times. */
const recorded = (ownerId: string) => ({
  actions: t.ledger.db
    .prepare('SELECT kind, rule_id, item_key, label, date, new_date, reason FROM obligation_action WHERE owner_id = ? ORDER BY item_key')
    .all(ownerId),
  audit: t
    .call('audit.forEntity', { entity: 'followup', id: ownerId })
    .filter((e) => e.action === 'update')
    .map((e) => ({ before: e.before, after: e.after }))
    .reverse(),
});

describe('批量免除', () => {
  it('excuses two items with one reason, each on its own due date, one audit row each — the rows two single 免除 write', () => {
    const r = t.call('obligations.waiveItems', { module: 'followup', items: [ref(file, APRIL), ref(file, MAY)], reason: REASON });
    expect(r).toEqual({ ok: true, count: 2 });
    expect(itemState(file, APRIL)).toEqual({ state: 'waived', waivedReason: REASON });
    expect(itemState(file, MAY)).toEqual({ state: 'waived', waivedReason: REASON });
    // March was not ticked: still owed, and the dashboard still lists the file by it
    expect(itemState(file, '每月走访（2024年3月）').state).toBe('overdue');
    expect(
      t
        .call('obligations.dashboard', {})
        .modules.find((m) => m.module === 'followup')!
        .overdue.items.map((i) => i.label),
    ).toEqual(['每月走访（2024年3月）']);

    // A twin file, the same two items excused one at a time: the same decisions and the same history
    const twin = followupFile(t, person(t, { name: '李四' }), { startDate: '2024-03-01' });
    for (const label of [APRIL, MAY]) {
      const { module, ...item } = ref(twin, label);
      t.call('obligations.actOnItem', { module, ...item, kind: 'waive', reason: REASON });
    }
    const batch = recorded(file.id);
    expect(batch.actions).toEqual(recorded(twin.id).actions);
    expect(batch.audit).toEqual(recorded(twin.id).audit);
    expect(batch.actions.map((a) => (a as { date: string }).date)).toEqual(['2024-04-30', '2024-05-31']);
    expect(batch.audit).toEqual([
      {
        before: { item: { label: APRIL, dueDate: '2024-04-30' } },
        after: { item: { label: APRIL, action: '免除', date: '2024-04-30', reason: REASON } },
      },
      {
        before: { item: { label: MAY, dueDate: '2024-05-31' } },
        after: { item: { label: MAY, action: '免除', date: '2024-05-31', reason: REASON } },
      },
    ]);
  });

  it('excuses items of several files at once, and recomputes each file: the dashboard follows', () => {
    const other = followupFile(t, person(t, { name: '李四' }), { startDate: '2024-05-01' });
    const overdue = () => t.call('obligations.dashboard', {}).modules.find((m) => m.module === 'followup')!.overdue.total;
    expect(overdue()).toBe(2);
    t.call('obligations.waiveItems', {
      module: 'followup',
      items: [ref(file, '每月走访（2024年3月）'), ref(file, APRIL), ref(file, MAY), ref(other, MAY)],
      reason: '汛期封路，无法入户',
    });
    expect(overdue()).toBe(0);
    expect(itemState(other, MAY).state).toBe('waived');
  });

  describe('refuses, in Chinese, and writes nothing', () => {
    const nothingWritten = (before: { actions: number; audit: number }) => {
      expect({ actions: count('obligation_action'), audit: count('audit_log') }).toEqual(before);
      expect(itemState(file, APRIL).state).toBe('overdue');
      expect(itemState(file, MAY).state).toBe('overdue');
    };
    const snapshot = () => ({ actions: count('obligation_action'), audit: count('audit_log') });

    it('an empty reason (spaces only)', () => {
      const before = snapshot();
      expect(
        t.raw('obligations.waiveItems', { module: 'followup', items: [ref(file, APRIL), ref(file, MAY)], reason: '   ' }),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { reason: '请填写免除理由' } },
      });
      nothingWritten(before);
    });

    it('no item ticked', () => {
      expect(t.raw('obligations.waiveItems', { module: 'followup', items: [], reason: REASON })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { items: '请勾选要免除的事项' } },
      });
    });

    it('an item no longer open (excused meanwhile from another window): the other item stays owed too', () => {
      const { module, ...may } = ref(file, MAY);
      const april = ref(file, APRIL);
      t.call('obligations.actOnItem', { module, ...may, kind: 'waive', reason: '已电话联系' });
      const before = snapshot();
      expect(t.raw('obligations.waiveItems', { module: 'followup', items: [april, { module, ...may }], reason: REASON })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: `“${MAY}”已完成或已免除；所选事项均未免除。` },
      });
      expect({ actions: count('obligation_action'), audit: count('audit_log') }).toEqual(before);
      expect(itemState(file, APRIL).state).toBe('overdue');
    });

    it('an item done meanwhile (a visit recorded in May): April, now 漏访, is not excused either', () => {
      const items = [ref(file, APRIL), ref(file, MAY)];
      t.call('followup.saveVisit', {
        subjectId: file.id,
        date: '2024-05-20',
        method: '上门',
        visitors: '王调解',
        findings: '在家，情况稳定',
      });
      const before = snapshot();
      expect(t.raw('obligations.waiveItems', { module: 'followup', items, reason: REASON })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: `“${MAY}”已完成或已免除；所选事项均未免除。` },
      });
      expect({ actions: count('obligation_action'), audit: count('audit_log') }).toEqual(before);
      expect(itemState(file, APRIL)).toEqual({ state: 'missed', waivedReason: null });
    });

    it('an item that is no longer there (a stale page)', () => {
      const before = snapshot();
      const gone = { ...ref(file, APRIL), itemKey: 'visit:2023-01' };
      expect(t.raw('obligations.waiveItems', { module: 'followup', items: [ref(file, MAY), gone], reason: REASON })).toMatchObject({
        ok: false,
        error: { code: 'NOT_FOUND', message: '该事项不存在或已有变化，请刷新后重试；所选事项均未免除。' },
      });
      nothingWritten(before);
    });

    it('an item of another module among them', () => {
      const d = dispute(t, [person(t, { name: '王五' }), person(t, { name: '赵六' })]);
      const deadline: Ref = { module: 'dispute', ownerId: d.id, ruleId: d.deadlineItem!.ruleId, itemKey: d.deadlineItem!.key };
      const before = snapshot();
      expect(t.raw('obligations.waiveItems', { module: 'followup', items: [ref(file, APRIL), deadline], reason: REASON })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { items: '所选事项须属于同一模块，未作任何免除' } },
      });
      // Named as a follow-up item, the dispute is not a follow-up file
      expect(
        t.raw('obligations.waiveItems', {
          module: 'followup',
          items: [ref(file, APRIL), { ...deadline, module: 'followup' }],
          reason: REASON,
        }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: '该重点人员档案不存在或已删除；所选事项均未免除。' } });
      nothingWritten(before);
      expect(t.call('disputes.get', { id: d.id }).deadlineItem!.state).toBe('overdue');
    });

    it('the same item twice', () => {
      const before = snapshot();
      expect(
        t.raw('obligations.waiveItems', { module: 'followup', items: [ref(file, APRIL), ref(file, APRIL)], reason: REASON }),
      ).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: '所选事项有重复，请刷新后重试；所选事项均未免除。' },
      });
      nothingWritten(before);
    });

    it('a file no longer in management', () => {
      const items = [ref(file, APRIL), ref(file, MAY)];
      t.call('followup.end', { id: file.id, status: 'released', endDate: '2024-06-15', endReason: '已转化' });
      expect(t.raw('obligations.waiveItems', { module: 'followup', items, reason: REASON })).toMatchObject({
        ok: false,
        error: { code: 'INVALID_TRANSITION', message: '该档案已解除管理，不能再修改；所选事项均未免除。' },
      });
      expect(count('obligation_action')).toBe(0);
    });
  });
});
