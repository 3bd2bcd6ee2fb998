/** Who may call what (shared/domain/permissions.ts): a rule for every method, and the router keeping to it. */
import { describe, expect, it } from 'vitest';
import { contract, type Method } from '../../../../shared/contract';
import { DEFAULT_SECURITY, type Role } from '../../../../shared/domain/accounts';
import { ACCESS, ACCESS_ROLES, mayCall } from '../../../../shared/domain/permissions';
import { ADMIN_PASSWORD, openTestLedger, type TestLedger } from '../../../helpers/test-db';

describe('the table of method × role', () => {
  it('has a rule for every method of the contract, and no rule for a method that does not exist', () => {
    const methods = Object.keys(contract).sort();
    const ruled = Object.keys(ACCESS).sort();
    expect(methods.filter((m) => !ruled.includes(m))).toEqual([]);
    expect(ruled.filter((m) => !methods.includes(m))).toEqual([]);
    for (const m of methods) expect(Object.keys(ACCESS_ROLES)).toContain(ACCESS[m as Method]);
  });

  it('keeps accounts, settings, backups and restore to administrators, and writing from 查阅', () => {
    for (const m of [
      'accounts.create',
      'accounts.resetPassword',
      'settings.update',
      'security.update',
      'backups.restore',
      'import.run',
      'audit.viewLog',
    ] as const)
      expect([mayCall('admin', m), mayCall('staff', m), mayCall('viewer', m)], m).toEqual([true, false, false]);
    for (const m of [
      'persons.create',
      'disputes.update',
      'mediation.close',
      'followup.saveVisit',
      'obligations.actOnItem',
      'attachments.add',
    ] as const)
      expect([mayCall('admin', m), mayCall('staff', m), mayCall('viewer', m)], m).toEqual([true, true, false]);
    for (const m of ['persons.get', 'disputes.list', 'mediation.stats', 'correction.exportLedger', 'obligations.dashboard'] as const)
      expect([mayCall('admin', m), mayCall('staff', m), mayCall('viewer', m)], m).toEqual([true, true, true]);
    // Switching the operator is gone with login: the operator is the logged-in user.
    expect(ACCESS['session.setOperator']).toBe('nobody');
  });

  it('names every write verb as work or admin, never read', () => {
    const writes =
      /\.(create|update|delete|save|set|add|restore|end|close|release|terminate|undo|waive|act|open|from|hand|record|extend|receive|confirm)/i;
    const read = Object.entries(ACCESS)
      .filter(([m, a]) => a === 'read' && writes.test(m))
      .map(([m]) => m);
    // The one write a 查阅 account may make is its own choice of columns (a preference of its screen);
    // correction.endView only reads what ending a file would show.
    expect(read.filter((m) => m !== 'correction.endView')).toEqual(['ui.saveListColumns']);
  });
});

/** A logged-in ledger with one account of each role, each with its password changed. */
function ledgerWithRoles(): { t: TestLedger; as(role: Role): void } {
  const t = openTestLedger({ login: true });
  for (const role of ['staff', 'viewer'] as const) {
    t.call('accounts.create', { name: role === 'staff' ? '赵干事' : '李主任', username: role, role, password: 'first-password' });
  }
  for (const role of ['staff', 'viewer'] as const) {
    t.call('session.login', { username: role, password: 'first-password' });
    t.call('session.changePassword', { current: 'first-password', next: `${role}-own-password` });
  }
  return {
    t,
    as(role) {
      t.call(
        'session.login',
        role === 'admin' ? { username: 'admin', password: ADMIN_PASSWORD } : { username: role, password: `${role}-own-password` },
      );
    },
  };
}

/** Real calls through the router: the methods and inputs of a representative table. */
const TABLE: { method: Method; input: (t: TestLedger) => unknown; allowed: Role[] }[] = [
  { method: 'persons.list', input: () => ({}), allowed: ['admin', 'staff', 'viewer'] },
  { method: 'disputes.list', input: () => ({}), allowed: ['admin', 'staff', 'viewer'] },
  { method: 'obligations.dashboard', input: () => ({}), allowed: ['admin', 'staff', 'viewer'] },
  { method: 'persons.create', input: () => ({ name: '张三' }), allowed: ['admin', 'staff'] },
  { method: 'villages.save', input: () => ({ name: '东村' }), allowed: ['admin'] },
  { method: 'security.update', input: () => DEFAULT_SECURITY, allowed: ['admin'] },
  { method: 'accounts.list', input: () => ({}), allowed: ['admin'] },
  { method: 'backups.list', input: () => ({}), allowed: ['admin'] },
  { method: 'audit.viewLog', input: () => ({}), allowed: ['admin'] },
  { method: 'session.setOperator', input: (t) => ({ staffId: t.call('staff.list', {})[0]!.id }), allowed: [] },
];

describe('the router keeps to the table', () => {
  it.each(['admin', 'staff', 'viewer'] as const)('as %s', (role) => {
    const { t, as } = ledgerWithRoles();
    for (const row of TABLE) {
      as('admin');
      const input = row.input(t);
      as(role);
      const r = t.raw(row.method, input);
      if (row.allowed.includes(role)) expect(r, `${row.method} as ${role}`).toMatchObject({ ok: true });
      else expect(r, `${row.method} as ${role}`).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    }
  });
});
