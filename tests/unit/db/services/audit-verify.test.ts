/**
 * The audit chain proves itself (RELIABILITY T16): every kind of tampering done with plain SQL on a real
 * ledger file is reported at its first broken link, and what the plain chain cannot see is seen against
 * a head taken before.
 */
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditHead, localAnchor, recordCheck, verifyAgainstHead, verifyAudit } from '../../../../db/services/audit-verify';
import { breakText, verdictText } from '../../../../shared/domain/audit-verdict';
import { person } from '../../../helpers/builders';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;

/** The audit rows' ids in chain order. */
const ids = () => (t.ledger.db.prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: string }[]).map((r) => r.id);

beforeEach(() => {
  t = openTestLedger();
  for (let i = 0; i < 40; i++) person(t, { name: `人员${i}` });
});

describe('verifyAudit', () => {
  it('finds a whole chain whole, with its count and head', () => {
    const v = verifyAudit(t.ctx(), { anchor: null });
    const head = auditHead(t.ctx());
    expect(v).toMatchObject({ ok: true, rows: head.rows, head, firstBreak: null, brokenRows: 0 });
    expect(head.rows).toBe(ids().length);
    expect(verdictText(v)).toBe(`审计记录完整：共 ${head.rows} 条，逐条校验无误。`);
  });

  it('reports an edited row at its position, with its time, actor and action', () => {
    const target = ids()[9]!;
    t.ledger.db.prepare(`UPDATE audit_log SET after = '{"name":"改过"}' WHERE id = ?`).run(target);
    const v = verifyAudit(t.ctx(), { anchor: null });
    expect(v.ok).toBe(false);
    expect(v.firstBreak).toMatchObject({
      kind: 'edited',
      position: 10,
      row: { id: target, actorName: '王调解', action: 'create', entity: 'person' },
    });
    expect(v.brokenRows).toBe(1);
    expect(breakText(v.firstBreak!, -480)).toBe('第 10 条记录（2024-06-15 16:00，王调解 新建 人员）被改动，此后的记录无法证明未被篡改');
  });

  it('reports a deleted middle row at the row after it, as a link that does not join', () => {
    const all = ids();
    t.ledger.db.prepare('DELETE FROM audit_log WHERE id = ?').run(all[20]);
    const v = verifyAudit(t.ctx(), { anchor: null });
    expect(v.firstBreak).toMatchObject({ kind: 'unlinked', position: 21, row: { id: all[21] } });
    expect(v.rows).toBe(all.length - 1);
    expect(verdictText(v)).toMatch(/^第 21 条记录（.*）与前一条记录接不上/);
  });

  it('reports reordered rows (two rows swapping their places)', () => {
    const all = ids();
    const db = t.ledger.db;
    // Swap rows 15 and 16 by their ids: each keeps its content and hash but stands in the other's place.
    db.transaction(() => {
      db.prepare("UPDATE audit_log SET id = 'TMP' WHERE id = ?").run(all[14]);
      db.prepare('UPDATE audit_log SET id = ? WHERE id = ?').run(all[14], all[15]);
      db.prepare("UPDATE audit_log SET id = ? WHERE id = 'TMP'").run(all[15]);
    })();
    const v = verifyAudit(t.ctx(), { anchor: null });
    expect(v.ok).toBe(false);
    expect(v.firstBreak?.position).toBe(15);
  });

  it('notices the last 20 rows deleted only against a head: the stored anchor or a given one', () => {
    const ctx = t.ctx();
    const before = auditHead(ctx);
    recordCheck(ctx, verifyAudit(ctx));
    expect(localAnchor(ctx)).toMatchObject(before);
    const all = ids();
    t.ledger.db.prepare('DELETE FROM audit_log WHERE id >= ?').run(all[all.length - 20]);
    // The plain chain is still whole: nothing in it says rows are missing from its end.
    expect(verifyAudit(ctx, { anchor: null }).ok).toBe(true);
    const v = verifyAudit(ctx);
    expect(v).toMatchObject({ ok: false, extendsAnchor: false, firstBreak: { kind: 'truncated', position: before.rows } });
    expect(verdictText(v)).toBe(`记录比此前校验时少：此前已有 ${before.rows} 条，末尾的记录被删除。`);
    expect(verifyAgainstHead(ctx, before)).toMatchObject({ ok: false, extendsAnchor: false });
    // A failed check keeps the anchor: the next check says so again.
    recordCheck(ctx, v);
    expect(localAnchor(ctx)).toMatchObject(before);
  });

  it('moves the anchor on with every whole check, and a chain that grew still extends an old head', () => {
    const ctx = t.ctx();
    const old = auditHead(ctx);
    person(t, { name: '新来的' });
    expect(verifyAgainstHead(ctx, old)).toMatchObject({ ok: true, extendsAnchor: true });
    recordCheck(ctx, verifyAudit(ctx));
    expect(localAnchor(ctx)).toMatchObject(auditHead(ctx));
  });

  /**
   * The limit of a plain SHA-256 chain: whoever edits a row and recomputes every hash after it leaves
   * a chain that checks. Keying the chain (an HMAC with a key held like the ledger's data key) needs
   * the encryption work and is left for it; until then only a head taken before the rewrite (the local
   * anchor, a backup manifest, a package at the county) shows it.
   */
  it('cannot see a rewritten and rehashed history by itself, but sees it against a head taken before', () => {
    const ctx = t.ctx();
    const anchor = auditHead(ctx);
    recordCheck(ctx, verifyAudit(ctx));
    const db = t.ledger.db;
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as Record<string, string | null>[];
    let prev = '';
    const update = db.prepare('UPDATE audit_log SET after = ?, prev_hash = ?, hash = ? WHERE id = ?');
    db.transaction(() => {
      rows.forEach((r, i) => {
        const after = i === 5 ? '{"name":"伪造"}' : r.after;
        const hash = createHash('sha256')
          .update(JSON.stringify([prev, r.id, r.at, r.actor_id, r.actor_name, r.action, r.entity, r.entity_id, r.before, after]))
          .digest('hex');
        update.run(after, prev, hash, r.id);
        prev = hash;
      });
    })();
    expect(verifyAudit(ctx, { anchor: null }).ok).toBe(true);
    const v = verifyAudit(ctx);
    expect(v).toMatchObject({ ok: false, extendsAnchor: false, firstBreak: { kind: 'rewritten', position: anchor.rows } });
    expect(verifyAgainstHead(ctx, anchor).ok).toBe(false);
  });

  it('is answered through the contract: status, and 立即校验 inline where no background check runs', () => {
    const first = t.call('audit.status', {});
    expect(first.last).toBeNull();
    expect(first.head).toEqual(auditHead(t.ctx()));
    t.ledger.db.prepare(`UPDATE audit_log SET actor_name = '别人' WHERE id = ?`).run(ids()[3]);
    const s = t.call('audit.verify', {});
    expect(s.running).toBeNull();
    expect(s.last).toMatchObject({ ok: false, firstBreak: { kind: 'edited', position: 4 } });
  });
});
