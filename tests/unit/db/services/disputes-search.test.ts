import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { searchMatch, searchTokens } from '../../../../db/services/disputes-search';
import type { Input } from '../../../../shared/contract';
import type { Person } from '../../../../shared/schemas/persons';
import { openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
let a: Person;
let b: Person;
beforeEach(() => {
  t = openTestLedger();
  a = t.call('persons.create', { name: '张三' });
  b = t.call('persons.create', { name: '王小五' });
});
afterEach(() => t.close());

const create = (summary: string, extra: Partial<Input<'disputes.create'>> = {}) =>
  t.call('disputes.create', {
    intakeDate: '2024-06-01',
    source: 'visit',
    category: '02',
    summary,
    parties: [
      { personId: a.id, role: 'applicant' },
      { personId: b.id, role: 'respondent' },
    ],
    ...extra,
  });
const found = (q: string) =>
  t
    .call('disputes.list', { q, pageSize: 100 })
    .rows.map((r) => r.caseNo)
    .sort();

describe('the dispute list’s text search', () => {
  it('finds a fragment of any length anywhere in the case number, the parties or the summary, exactly as a substring', () => {
    const d1 = create('因宅基地边界引发争执，要求赔偿损失');
    const d2 = create('Wifi 路由器噪音扰邻 50%');
    const d3 = create('借款 5000 元未还');
    const all = [d1.caseNo, d2.caseNo, d3.caseNo].sort();
    const cases: [string, string[]][] = [
      ['宅', [d1.caseNo]], // one character
      ['宅基', [d1.caseNo]], // two, as most names
      ['宅基地边界', [d1.caseNo]],
      ['地宅', []], // the characters, but not in that order
      ['要求 赔偿', []], // not a substring
      ['王小五', all], // a party's name
      ['小五', all],
      ['张', all],
      ['〔2024〕2号', [d2.caseNo]], // the case number
      ['WIFI', [d2.caseNo]], // ASCII letters in either case, as LIKE
      ['50%', [d2.caseNo]], // % and _ are characters, not patterns
      ['%', [d2.caseNo]],
      ['_', []],
      ['5000 元', [d3.caseNo]],
      ['三王', []], // the end of one party's name and the start of the next are kept apart
      ['号张', []], // and the case number and the parties
    ];
    for (const [q, expected] of cases) expect(found(q), q).toEqual(expected.sort());
  });

  it('follows every write of the texts: an edited summary, a changed party and a renamed person', () => {
    const d = create('排水沟堵塞');
    expect(found('排水')).toEqual([d.caseNo]);
    const { id, caseNo: _c, status: _s, ...rest } = t.call('disputes.get', { id: d.id });
    t.call('disputes.update', {
      id,
      intakeDate: rest.intakeDate,
      source: rest.source,
      category: rest.category,
      summary: '噪音扰民',
      parties: [{ personId: a.id, role: 'applicant' }],
    });
    expect([found('排水'), found('噪音'), found('王小五')]).toEqual([[], [d.caseNo], []]);
    t.call('persons.update', { id: a.id, name: '张三丰' });
    expect([found('三丰'), found('张三丰')]).toEqual([[d.caseNo], [d.caseNo]]);
  });

  it('builds, in migration 0021, the same tokens for the disputes kept before as the service writes', () => {
    create('因宅基地边界引发争执 ABC 〔x〕 😀 Ünïcode');
    create('一');
    // Texts the service cannot produce but an old file may hold: a one-character summary and an empty one
    t.ledger.db.prepare("UPDATE dispute SET summary = 'Ab' WHERE rowid = (SELECT max(rowid) FROM dispute)").run();
    const sql = readFileSync(fileURLToPath(new URL('../../../../db/migrations/0021_dispute_search.sql', import.meta.url)), 'utf8')
      .split('--> statement-breakpoint')[1]!
      .replace(/INSERT INTO `dispute_fts` \(rowid, grams, chars\)/, '');
    const built = t.ledger.db.prepare(sql).raw().all() as [number, string, string][];
    const rows = t.ledger.db.prepare('SELECT rowid, case_no, parties_text, summary FROM dispute ORDER BY rowid').raw().all() as [
      number,
      string,
      string,
      string,
    ][];
    expect(built).toEqual(
      rows.map(([rowid, ...texts]) => {
        const tokens = searchTokens(texts);
        return [rowid, tokens.grams, tokens.chars];
      }),
    );
  });

  it('asks nothing of an empty query and spells the one- and many-character queries as the index does', () => {
    expect(searchMatch('')).toBeNull();
    expect(searchMatch('A')).toBe('chars : 61');
    expect(searchMatch('张三')).toBe(`grams : "${Buffer.from('张三').toString('hex').toUpperCase()}"`);
    expect(searchTokens(['ab', null, 'c'])).toEqual({ grams: '6162', chars: '61 62 63' });
  });
});
