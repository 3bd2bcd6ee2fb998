/**
 * The audit chain's check after opening (db/jobs/audit-check.ts): it walks the chain a chunk at a time
 * while the host keeps answering, shows how far it got, keeps its verdict in the ledger and moves the
 * local anchor on; a broken chain is reported to every screen through audit.status.
 */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../../db/context';
import { openLedger } from '../../../../db/open';
import { closeHost, contextFor, createHost, dispatch } from '../../../../db/router';
import { auditHead, localAnchor } from '../../../../db/services/audit-verify';
import type { AuditStatus } from '../../../../shared/schemas/audit';
import { person } from '../../../helpers/builders';
import { openTestLedger } from '../../../helpers/test-db';

/** A set-up ledger with some 5,000 audit rows (a few chunks), closed; its path. */
function ledgerFile(): string {
  const t = openTestLedger();
  t.ledger.db.transaction(() => {
    for (let i = 0; i < 5000; i++) person(t, { name: `人员${i}` });
  })();
  t.ledger.close();
  return t.path;
}

const status = (host: Parameters<typeof dispatch>[0]) => {
  const r = dispatch(host, 'audit.status', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value as AuditStatus;
};

describe('the audit check after opening', () => {
  it('walks a whole chain in steps while the host answers, then keeps its verdict and anchor', async () => {
    const host = createHost(openLedger(ledgerFile()), { clock: fixedClock('2024-06-15'), log: () => {}, background: true });
    const during = status(host);
    expect(during.running).toEqual({ done: 0, total: during.head.rows });
    // Between steps the host answers other calls.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(dispatch(host, 'persons.list', {}).ok).toBe(true);
    await host.auditCheck!.whenDone();
    const after = status(host);
    expect(after.running).toBeNull();
    expect(after.last).toMatchObject({ ok: true, rows: 5003, brokenRows: 0 }); // 5000 persons and setup's three: the settings, its colleague and their account
    expect(localAnchor(contextFor(host))).toMatchObject(auditHead(contextFor(host)));
    await closeHost(host);
  });

  it('reports an edited row to every screen, and 立即校验 runs again in the background', async () => {
    const path = ledgerFile();
    const db = openLedger(path);
    db.db.prepare("UPDATE audit_log SET after = '{}' WHERE id = (SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 4321)").run();
    db.close();
    const logged: string[] = [];
    const host = createHost(openLedger(path), { clock: fixedClock('2024-06-15'), log: (l) => logged.push(l), background: true });
    await host.auditCheck!.whenDone();
    expect(status(host).last).toMatchObject({ ok: false, firstBreak: { kind: 'edited', position: 4322 } });
    expect(logged.join()).toContain('审计记录校验未通过');
    const again = dispatch(host, 'audit.verify', {});
    expect(again.ok && (again.value as AuditStatus).running).not.toBeNull();
    await host.auditCheck!.whenDone();
    expect(status(host).last).toMatchObject({ ok: false, firstBreak: { position: 4322 } });
    await closeHost(host);
  });

  it('stops when the ledger is closed', async () => {
    const host = createHost(openLedger(ledgerFile()), { clock: fixedClock('2024-06-15'), log: () => {}, background: true });
    await closeHost(host);
    expect(host.ledger.db.open).toBe(false);
  });
});
