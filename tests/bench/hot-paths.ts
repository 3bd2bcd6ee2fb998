/**
 * The hot paths the bench times on the plain ledger and again on an encrypted copy (encrypted.ts): the
 * disputes list (filter + sort + page of 50 + total), the person search (a name fragment, pinyin initials,
 * an ID fragment) and one dispute written, each through the real dispatcher, the first two beside the
 * same SQL run directly on better-sqlite3 ("raw").
 */
import type Database from 'better-sqlite3';
import { invoke, type Host } from '../../db/router';
import { disputeListSql } from '../../db/services/disputes';
import { searchSql } from '../../db/services/persons-search';
import type { Input } from '../../shared/contract';
import { DisputeListInput } from '../../shared/schemas/disputes';
import { must, round, time, timePair } from './timing';

export const TODAY = '2024-06-15';

export function hotPaths(db: Database.Database, host: Host, personIds: readonly string[]) {
  // ── list: filter + sort + page of 50 + total ────────────────────────────────────────────────
  const filters: Input<'disputes.list'>[] = [
    { category: '02' },
    { status: ['closed'] },
    { status: ['mediating'], sort: 'deadline', dir: 'asc' },
    { villageId: (db.prepare('SELECT id FROM village LIMIT 1').get() as { id: string }).id },
  ];
  const listInputs = filters.flatMap((f) => [1, 2, 3, 20].map((page): Input<'disputes.list'> => ({ ...f, page, pageSize: 50 })));
  const rawList = listInputs.map((input) => {
    const parsed = DisputeListInput.parse(input);
    const q = disputeListSql(parsed, TODAY);
    return {
      count: db.prepare(q.count),
      page: db.prepare(q.page),
      q,
      limit: parsed.pageSize,
      offset: (parsed.page - 1) * parsed.pageSize,
    };
  });
  const [listMs, listRawMs] = timePair(
    400,
    (i) => must(invoke(host, 'disputes.list', listInputs[i % listInputs.length]!)),
    (i) => {
      const r = rawList[i % rawList.length]!;
      r.count.get(r.q.params);
      r.page.all({ ...r.q.params, limit: r.limit, offset: r.offset });
    },
  );

  // ── search: a name fragment, pinyin initials, an ID fragment ────────────────────────────────
  const sample = db
    .prepare(
      'SELECT name, name_initials AS ini, id_number AS idn FROM person WHERE id_number IS NOT NULL AND length(name) = 3 LIMIT 1 OFFSET 777',
    )
    .get() as { name: string; ini: string; idn: string };
  const queries = [sample.name.slice(1), sample.ini, sample.idn.slice(6, 14)];
  const s = searchSql(true);
  const rawStmts = {
    gram: db.prepare(s.gram),
    exact: db.prepare(s.exact),
    ini: db.prepare(s.initials),
    py: db.prepare(s.pinyin),
    fts: db.prepare(s.fts),
  };
  const [searchMs, searchRawMs] = timePair(
    1500,
    (i) => must(invoke(host, 'persons.search', { q: queries[i % 3]!, limit: 20 })),
    (i) => {
      const q = queries[i % 3]!;
      if (i % 3 === 0) {
        rawStmts.gram.all(q);
        rawStmts.exact.all(q);
      } else if (i % 3 === 1) {
        // Latin letters: initials and full-pinyin prefixes, and (3+ letters) pinyin inside the name.
        rawStmts.ini.all(q, `${q}\uffff`);
        rawStmts.py.all(q, `${q}\uffff`);
        if (q.length >= 3) rawStmts.fts.all(`"${q}"`);
      } else {
        rawStmts.fts.all(`"${q}"`);
        rawStmts.exact.all(q);
      }
    },
  );
  const perQuery = queries.map((q) => round(time(50, () => must(invoke(host, 'persons.search', { q, limit: 20 })))));

  // ── write: one dispute with its parties, status row and audit row ───────────────────────────
  const [pa, pb] = personIds;
  const writeMs = time(200, () =>
    must(
      invoke(host, 'disputes.create', {
        intakeDate: TODAY,
        source: 'visit',
        category: '02',
        summary: '基准测试写入',
        parties: [
          { personId: pa!, role: 'applicant' },
          { personId: pb!, role: 'respondent' },
        ],
      }),
    ),
  );

  return { listMs, listRawMs, searchMs, searchRawMs, queries, perQuery, writeMs };
}
