/** The command line's `ledger verify-audit [FILE]`: the verdict in Chinese, exit code 0 when whole and 1 when not. */
import { describe, expect, it, vi } from 'vitest';
import { openLedger } from '../../../db/open';
import { runVerifyAudit } from '../../../electron/cli';
import { person } from '../../helpers/builders';
import { openTestLedger } from '../../helpers/test-db';

function capture() {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: string) => void out.push(s));
  vi.spyOn(console, 'error').mockImplementation((s: string) => void out.push(s));
  return out;
}

describe('ledger verify-audit', () => {
  it('exits 0 on a whole chain, then 1 after a row is edited or the end is cut off', async () => {
    const t = openTestLedger();
    for (let i = 0; i < 30; i++) person(t, { name: `人员${i}` });
    const { path } = t;
    t.ledger.close();

    let out = capture();
    expect(await runVerifyAudit([path])).toBe(0);
    expect(out[0]).toMatch(/^审计记录完整：共 33 条，逐条校验无误。$/);

    // The last 20 rows deleted: the chain left is whole, but shorter than the head verified just now.
    let db = openLedger(path);
    db.db.prepare('DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id DESC LIMIT 20)').run();
    db.close();
    out = capture();
    expect(await runVerifyAudit(['--db', path])).toBe(1);
    expect(out[0]).toBe('记录比此前校验时少：此前已有 33 条，末尾的记录被删除。');

    db = openLedger(path);
    db.db.prepare("UPDATE audit_log SET actor_name = '别人' WHERE id = (SELECT id FROM audit_log ORDER BY id LIMIT 1 OFFSET 4)").run();
    db.close();
    out = capture();
    expect(await runVerifyAudit([path])).toBe(1);
    expect(out[0]).toMatch(/^第 5 条记录（.*别人 新建 人员）被改动，此后的记录无法证明未被篡改/);
    expect(out[1]).toMatch(/^该记录的编号：[0-9A-Z]{26}，时间：2024-06-15T/);
  });
});
