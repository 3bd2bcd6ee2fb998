/**
 * The view log: reading a person's file through the router writes one view row to the audit chain
 * (folded within VIEW_FOLD_MINUTES per operator and record), exports are listed beside the views, and
 * switching the acting user is audited.
 */
import { describe, expect, it } from 'vitest';
import { VIEW_FOLD_MINUTES } from '../../../../db/services/audit';
import { verifyAudit } from '../../../../db/services/audit-verify';
import type { Clock } from '../../../../shared/dates';
import { assistanceFile, correctionFile, firstStaffId, followupFile, person } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

/** A clock the test moves on. */
function movingClock(start = '2024-06-15T08:00:00.000Z'): Clock & { advance(minutes: number): void } {
  let t = Date.parse(start);
  return {
    today: () => new Date(t).toISOString().slice(0, 10),
    now: () => new Date(t).toISOString(),
    advance(minutes) {
      t += minutes * 60_000;
    },
  };
}

const views = (t: TestLedger) =>
  t.ledger.db
    .prepare("SELECT entity, entity_id AS entityId, actor_name AS actor, after FROM audit_log WHERE action = 'view' ORDER BY id")
    .all() as {
    entity: string;
    entityId: string;
    actor: string;
    after: string;
  }[];

describe('the view log', () => {
  it('records who opened whose file in each module, and lists it by person and by staff member', () => {
    const t = openTestLedger();
    const p = person(t, { name: '李四' });
    const other = person(t, { name: '王五' });
    const f = followupFile(t, p);
    const c = correctionFile(t, p);
    const a = assistanceFile(t, other);
    t.call('persons.get', { id: p.id });
    t.call('followup.get', { id: f.id });
    t.call('correction.get', { id: c.id });
    t.call('assistance.get', { id: a.id });
    expect(views(t).map((v) => [v.entity, v.entityId, v.actor, JSON.parse(v.after).姓名])).toEqual([
      ['person', p.id, '王调解', '李四'],
      ['followup', f.id, '王调解', '李四'],
      ['correction', c.id, '王调解', '李四'],
      ['assistance', a.id, '王调解', '王五'],
    ]);
    // A record's own history shows its changes, not who read it.
    expect(t.call('audit.forEntity', { entity: 'person', id: p.id }).map((e) => e.action)).toEqual(['create']);

    const ofLi = t.call('audit.viewLog', { personId: p.id });
    expect(ofLi.rows.map((r) => r.entity)).toEqual(['correction', 'followup', 'person']);
    expect(ofLi.rows.every((r) => r.personName === '李四' && r.action === 'view')).toBe(true);
    expect(t.call('audit.viewLog', { staffId: firstStaffId(t) }).rows).toHaveLength(4);
    const colleague = t.call('staff.save', { name: '孙干事' });
    expect(t.call('audit.viewLog', { staffId: colleague.id }).rows).toEqual([]);
    expect(verifyAudit(t.ctx(), { anchor: null }).ok).toBe(true);
  });

  it('records an attachment downloaded, in the log and not in the history of the record it belongs to', () => {
    const t = openTestLedger();
    const f = followupFile(t, person(t, { name: '李四' }));
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
    const a = t.call('attachments.add', {
      ownerType: 'followup_subject',
      ownerId: f.id,
      fileName: '诊断证明.png',
      kind: 'identity',
      base64: png,
    });
    t.call('attachments.get', { id: a.id });
    expect(t.call('audit.viewLog', {}).rows[0]).toMatchObject({ action: 'view', entity: 'attachment', what: '诊断证明.png' });
    expect(t.call('audit.forEntity', { entity: 'followup', id: f.id }).map((e) => [e.action, e.entity])).not.toContainEqual([
      'view',
      'attachment',
    ]);
  });

  it('lists exports beside the views', async () => {
    const t = openTestLedger();
    person(t, { name: '李四' });
    await t.callAsync('disputes.exportLedger', {});
    const log = t.call('audit.viewLog', {});
    expect(log.rows[0]).toMatchObject({ action: 'export', entity: 'ledger', actorName: '王调解' });
    expect(log.rows[0]!.what).toMatch(/\.xlsx$/);
  });

  it(`folds repeated views of one record by one operator within ${VIEW_FOLD_MINUTES} minutes`, () => {
    const clock = movingClock();
    const t = openTestLedger({ clock });
    const p = person(t, { name: '李四' });
    t.call('persons.get', { id: p.id });
    clock.advance(1);
    t.call('persons.get', { id: p.id });
    clock.advance(VIEW_FOLD_MINUTES - 2);
    t.call('persons.get', { id: p.id });
    expect(views(t)).toHaveLength(1);
    clock.advance(2);
    t.call('persons.get', { id: p.id });
    expect(views(t)).toHaveLength(2);
    // Another operator's view of the same record within the window is their own row.
    const colleague = t.call('staff.save', { name: '孙干事' });
    t.call('session.setOperator', { staffId: colleague.id });
    t.call('persons.get', { id: p.id });
    expect(views(t).map((v) => v.actor)).toEqual(['王调解', '王调解', '孙干事']);
  });

  it('pages the log newest first', () => {
    const clock = movingClock();
    const t = openTestLedger({ clock });
    const people = Array.from({ length: 55 }, (_, i) => person(t, { name: `人员${i}` }));
    for (const p of people) t.call('persons.get', { id: p.id });
    const first = t.call('audit.viewLog', {});
    expect(first.rows).toHaveLength(50);
    expect(first.hasMore).toBe(true);
    expect(first.rows[0]!.personName).toBe('人员54');
    const second = t.call('audit.viewLog', { page: 1 });
    expect(second).toMatchObject({ hasMore: false });
    expect(second.rows.map((r) => r.personName)).toEqual(['人员4', '人员3', '人员2', '人员1', '人员0']);
  });

  it('still answers a read when its view row cannot be written', () => {
    const t = openTestLedger();
    const p = person(t, { name: '李四' });
    t.ledger.db.pragma('query_only = ON');
    expect(t.call('persons.get', { id: p.id }).person.name).toBe('李四');
    t.ledger.db.pragma('query_only = OFF');
    expect(views(t)).toEqual([]);
  });
});

describe('the view log on a large trail', () => {
  it('reads each listing from its partial index, newest first, without sorting', () => {
    const t = openTestLedger();
    const plan = (where: string, ...params: unknown[]) =>
      (
        t.ledger.db
          .prepare(
            `EXPLAIN QUERY PLAN SELECT id FROM audit_log WHERE action IN ('view', 'export')${where} ORDER BY id DESC LIMIT 51 OFFSET 0`,
          )
          .all(...params) as { detail: string }[]
      ).map((r) => r.detail);
    expect(plan('')).toEqual([expect.stringMatching(/USING (COVERING )?INDEX audit_access\b/)]);
    expect(plan(' AND actor_id = ?', 'x')).toEqual([expect.stringMatching(/USING (COVERING )?INDEX audit_access_actor/)]);
    expect(plan(` AND "after" ->> '$.personId' = ?`, 'x')).toEqual([expect.stringMatching(/USING (COVERING )?INDEX audit_access_person/)]);
  });
});

describe('switching the acting user', () => {
  it('writes one audit row per switch, from whom to whom', () => {
    const t = openTestLedger();
    const first = firstStaffId(t);
    const colleague = t.call('staff.save', { name: '孙干事' });
    t.call('session.setOperator', { staffId: colleague.id });
    t.call('session.setOperator', { staffId: colleague.id });
    t.call('session.setOperator', { staffId: first });
    const rows = t.ledger.db
      .prepare("SELECT actor_name AS actor, entity_id AS staffId, before, after FROM audit_log WHERE action = 'operator' ORDER BY id")
      .all();
    expect(rows).toEqual([
      { actor: '王调解', staffId: colleague.id, before: '{"操作人":"王调解"}', after: '{"操作人":"孙干事"}' },
      { actor: '孙干事', staffId: first, before: '{"操作人":"孙干事"}', after: '{"操作人":"王调解"}' },
    ]);
  });
});
