/**
 * The chain walked in stretches by worker threads (db/jobs/audit-walk.ts) gives the verdict of one walk:
 * whole, an edited row, a row deleted where two stretches meet, rows cut from the end, a rehashed history
 * against its anchor.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditParallel } from '../../../../db/jobs/audit-walk';
import { auditHead, verifyAudit } from '../../../../db/services/audit-verify';
import type { AuditAnchor, AuditVerdict } from '../../../../shared/schemas/audit';
import { person } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
const ids = () => (t.ledger.db.prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: string }[]).map((r) => r.id);
/** Two stretches (one worker thread), whatever the chain's length. */
const parallel = (anchor: AuditAnchor | null) => verifyAuditParallel(t.ctx(), t.path, { anchor, parts: 2, minRows: 0 });
/** The same verdict, but for how long it took. */
const same = (a: AuditVerdict, b: AuditVerdict) => expect({ ...a, ms: 0 }).toEqual({ ...b, ms: 0 });

beforeAll(() => {
  t = openTestLedger();
  t.ledger.db.transaction(() => {
    for (let i = 0; i < 900; i++) person(t, { name: `人员${i}` });
  })();
});

describe('the chain walked on every core', () => {
  it('finds a whole chain whole, with the head of one walk', async () => {
    const v = await parallel(null);
    expect(v).toMatchObject({ ok: true, rows: 903, head: auditHead(t.ctx()) }); // 900 persons and setup's three rows
    same(v, verifyAudit(t.ctx(), { anchor: null }));
  });

  it('reports an edited row, and a row deleted where two stretches meet, as one walk does', async () => {
    const anchor = { ...auditHead(t.ctx()), at: '' };
    t.ledger.db.prepare(`UPDATE audit_log SET after = '{}' WHERE id = ?`).run(ids()[700]);
    let v = await parallel(null);
    expect(v.firstBreak).toMatchObject({ kind: 'edited', position: 701 });
    same(v, verifyAudit(t.ctx(), { anchor: null }));
    // The row after it is the first of the second stretch (901 rows left in two: it starts after row 450).
    t.ledger.db.prepare('DELETE FROM audit_log WHERE id = ?').run(ids()[450]);
    v = await parallel(null);
    expect(v).toMatchObject({ ok: false, brokenRows: 2, firstBreak: { kind: 'unlinked', position: 451 } });
    same(v, verifyAudit(t.ctx(), { anchor: null }));
    // Against the head taken before: fewer rows than the anchor.
    v = await parallel(anchor);
    expect(v).toMatchObject({ ok: false, extendsAnchor: false });
    same(v, verifyAudit(t.ctx(), { anchor }));
  });

  it('sees a rehashed history against the head taken before it', async () => {
    const anchor = { ...auditHead(t.ctx()), at: '' };
    const db = t.ledger.db;
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | null>[];
    let prev = '';
    const update = db.prepare('UPDATE audit_log SET after = ?, prev_hash = ?, hash = ? WHERE id = ?');
    db.transaction(() => {
      for (const r of rows) {
        const after = r.after === '{}' ? '{"name":"伪造"}' : r.after;
        const hash = createHash('sha256')
          .update(JSON.stringify([prev, r.id, r.at, r.actor_id, r.actor_name, r.action, r.entity, r.entity_id, r.before, after]))
          .digest('hex');
        update.run(after, prev, hash, r.id);
        prev = hash;
      }
    })();
    expect((await parallel(null)).ok).toBe(true);
    const v = await parallel(anchor);
    expect(v).toMatchObject({ ok: false, extendsAnchor: false, firstBreak: { kind: 'rewritten', position: anchor.rows } });
    same(v, verifyAudit(t.ctx(), { anchor }));
  });
});
