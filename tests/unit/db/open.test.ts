import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../db/context';
import { APPLICATION_ID, NEW_LEDGER_PAGE_SIZE, openLedger } from '../../../db/open';
import { createHost, dispatch } from '../../../db/router';
import { resolveDbPath } from '../../../db/paths';
import type { FollowupSubject } from '../../../shared/schemas/followup';
import type { MediationCase } from '../../../shared/schemas/mediation';
import { originOfDisputeSource } from '../../../shared/domain/mediation';
import { previousVersionMigrations, tempDir } from '../../helpers/test-db';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const opened: { close(): void }[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});

/** `stamp`: the time of the pre-migration backup, 'YYYYMMDDhhmmss' (UTC), named after it. */
function open(path: string, stamp?: string) {
  const clock = stamp
    ? fixedClock(
        `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`,
        `${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}`,
      )
    : undefined;
  const l = openLedger(path, clock ? { clock } : {});
  opened.push(l);
  return l;
}

/** How many migrations an app version that stops before `tag` has yet to apply. */
function migrationsFrom(tag: string): number {
  const journal = JSON.parse(
    readFileSync(fileURLToPath(new URL('../../../db/migrations/meta/_journal.json', import.meta.url)), 'utf8'),
  ) as {
    entries: { tag: string }[];
  };
  return journal.entries.filter((e) => e.tag >= tag).length;
}

describe('openLedger', () => {
  it('creates a migrated WAL file with FULL sync, foreign keys and our application id', () => {
    const path = join(tempDir(), 'sub', 'ledger.db');
    const l = open(path);
    expect(l.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(l.db.pragma('synchronous', { simple: true })).toBe(2);
    expect(l.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(l.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(l.db.pragma('page_size', { simple: true })).toBe(NEW_LEDGER_PAGE_SIZE);
    expect(l.migration.applied).toBeGreaterThanOrEqual(2);
    const tables = (l.db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(['person', 'dispute', 'audit_log', 'person_fts']));
  });

  it('keeps the page size of a ledger made with another one', () => {
    const path = join(tempDir(), 'ledger.db');
    const made = new Database(path);
    made.pragma('page_size = 4096');
    made.pragma('journal_mode = WAL');
    made.close();
    const l = open(path);
    expect(l.db.pragma('page_size', { simple: true })).toBe(4096);
    expect(l.migration.applied).toBeGreaterThanOrEqual(2);
  });

  it('reopens without migrating again', () => {
    const path = join(tempDir(), 'ledger.db');
    open(path).close();
    opened.pop();
    expect(open(path).migration).toEqual({ applied: 0, backupPath: null });
  });

  it('refuses a second writer with a message naming the holder', () => {
    const path = join(tempDir(), 'ledger.db');
    open(path);
    expect(() => openLedger(path)).toThrowError(/正被另一个程序使用.*进程号 \d+/);
  });

  it('takes over a stale lock left by a process that no longer runs', () => {
    const path = join(tempDir(), 'ledger.db');
    writeFileSync(`${path}.lock`, JSON.stringify({ host: hostname(), pid: 2 ** 22 + 12345, since: '2020-01-01' }));
    expect(() => open(path)).not.toThrow();
  });

  it('refuses a file written by a newer app version and changes nothing', () => {
    const path = join(tempDir(), 'ledger.db');
    const l = open(path);
    l.db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999);
    l.close();
    opened.pop();
    const before = sha(path);
    expect(() => openLedger(path)).toThrowError(/更高版本/);
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('backs the file up before applying a pending migration, and keeps the rows', () => {
    // A ledger written by the previous version (all migrations but the last)...
    const dir = tempDir();
    const previous = previousVersionMigrations(dir);
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previous });
    old.db.prepare("INSERT INTO setting (key, value) VALUES ('probe', '\"kept\"')").run();
    old.close();
    // ...opened by this version.
    const again = open(path, '20240615120000');
    expect(again.migration.applied).toBe(1);
    // A verified backup in the ledger's backup folder, with its manifest.
    expect(again.migration.backupPath).toBe(join(`${path}.backups`, 'ledger-20240615-120000-before-migration.db'));
    expect(readdirSync(`${path}.backups`)).toEqual([
      'ledger-20240615-120000-before-migration.db',
      'ledger-20240615-120000-before-migration.db.json',
    ]);
    const manifest = JSON.parse(readFileSync(`${again.migration.backupPath}.json`, 'utf8')) as { reason: string; sha256: string };
    expect(manifest).toMatchObject({ reason: 'before-migration', sha256: sha(again.migration.backupPath!) });
    const backup = new Database(again.migration.backupPath!, { readonly: true });
    expect((backup.prepare("SELECT value FROM setting WHERE key='probe'").get() as { value: string }).value).toBe('"kept"');
    backup.close();
    expect((again.db.prepare("SELECT value FROM setting WHERE key='probe'").get() as { value: string }).value).toBe('"kept"');
  });

  it('rebuilds the to-do table of a ledger from before dispute deadlines moved past rest days (0006)', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previousVersionMigrations(dir, '0006') });
    old.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?)').run('obligations_refreshed_on', JSON.stringify('2024-06-15'));
    old.close();
    const again = open(path, '20240615120000');
    expect(again.migration.applied).toBeGreaterThanOrEqual(1);
    expect(again.db.prepare("SELECT count(*) AS n FROM setting WHERE key = 'obligations_refreshed_on'").get()).toEqual({ n: 0 });
  });

  it('gives files kept before 0008 their level history: the level they were opened with, then reassessments', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previousVersionMigrations(dir, '0008') });
    const at = '2024-06-15T08:00:00.000Z';
    const ins = (sql: string, ...values: unknown[]) => old.db.prepare(sql).run(...values);
    ins(
      "INSERT INTO person (id, name, name_pinyin, name_initials, created_at, updated_at) VALUES ('P', '赵大', 'zhaoda', 'zd', ?, ?)",
      at,
      at,
    );
    ins("INSERT INTO staff (id, name, active, kind, created_at, updated_at) VALUES ('S', '王调解', 1, 'staff', ?, ?)", at, at);
    // opened at level 2 on 03-01 (its audit row says so), reassessed to 4 on a visit 05-10
    ins(
      `INSERT INTO followup_subject (id, person_id, group_code, level, level_since, responsible_staff_id, team, facts, start_date, status, created_at, updated_at)
       VALUES ('F', 'P', 'mental_health', '4', '2024-05-10', 'S', '[]', '{}', '2024-03-01', 'active', ?, ?)`,
      at,
      at,
    );
    ins(
      "INSERT INTO audit_log (id, at, actor_name, action, entity, entity_id, after, prev_hash, hash) VALUES ('A', ?, '王调解', 'create', 'followup', 'F', '{\"level\":\"2\"}', '', '')",
      at,
    );
    ins(
      "INSERT INTO followup_visit (id, subject_id, kind, date, method, visitors, findings, level_after, created_at, updated_at) VALUES ('V', 'F', 'visit', '2024-05-10', '上门', '王调解', '情绪激动', '4', ?, ?)",
      at,
      at,
    );
    ins(
      "INSERT INTO followup_visit (id, subject_id, kind, date, method, visitors, findings, created_at, updated_at) VALUES ('W', 'F', 'visit', '2024-06-01', '上门', '王调解', '平稳', ?, ?)",
      at,
      at,
    );
    old.close();
    const again = open(path, '20240615120000');
    // (kept since 0010 in the engine's level_change, by module and id)
    expect(
      again.db.prepare("SELECT date, level, source, event_id AS visitId FROM level_change WHERE module = 'followup' ORDER BY date").all(),
    ).toEqual([
      { date: '2024-03-01', level: '2', source: 'start', visitId: null },
      { date: '2024-05-10', level: '4', source: 'visit', visitId: 'V' },
    ]);
  });

  it("moves a populated ledger's 延期/免除 and level history to the engine's tables (0010, 0011) and reads them back the same", () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previousVersionMigrations(dir, '0010') });
    const clock = fixedClock('2024-06-15');
    const oldHost = createHost(old, { clock, log: () => {} });
    expect(dispatch(oldHost, 'setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' })).toMatchObject({
      ok: true,
    });
    const staffId = (old.db.prepare('SELECT id FROM staff LIMIT 1').get() as { id: string }).id;
    const at = '2024-06-01T08:00:00.000Z';
    const ins = (sql: string, ...values: unknown[]) => old.db.prepare(sql).run(...values);
    ins(
      "INSERT INTO person (id, name, name_pinyin, name_initials, created_at, updated_at) VALUES ('01HZP000000000000000000001', '赵大', 'zhaoda', 'zd', ?, ?)",
      at,
      at,
    );
    ins(
      `INSERT INTO followup_subject (id, person_id, group_code, level, level_since, responsible_staff_id, team, facts, start_date, status, created_at, updated_at)
       VALUES ('01HZF000000000000000000001', '01HZP000000000000000000001', 'mental_health', '3', '2024-05-10', ?, '[]', ?, '2024-05-01', 'active', ?, ?)`,
      staffId,
      JSON.stringify({ diagnosis: '精神分裂症', guardianName: '赵母', guardianRelation: '母子', guardianPhone: '13800000000' }),
      at,
      at,
    );
    ins(
      "INSERT INTO followup_visit (id, subject_id, kind, date, method, visitors, findings, level_after, created_at, updated_at) VALUES ('01HZV000000000000000000001', '01HZF000000000000000000001', 'visit', '2024-05-10', '上门', '王调解', '情绪波动', '3', ?, ?)",
      at,
      at,
    );
    const level = old.db.prepare(
      'INSERT INTO followup_level (id, subject_id, date, level, source, visit_id, created_at, updated_at, deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    level.run('01HZL000000000000000000001', '01HZF000000000000000000001', '2024-05-01', '2', 'start', null, at, at, null);
    level.run(
      '01HZL000000000000000000002',
      '01HZF000000000000000000001',
      '2024-05-10',
      '3',
      'visit',
      '01HZV000000000000000000001',
      at,
      at,
      null,
    );
    level.run('01HZL000000000000000000003', '01HZF000000000000000000001', '2024-05-20', '4', 'edit', null, at, at, at);
    const action = old.db.prepare(
      `INSERT INTO followup_item_action (id, subject_id, kind, rule_id, item_key, label, date, new_date, reason, created_at, updated_at, deleted_at)
       VALUES (?, '01HZF000000000000000000001', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    action.run(
      '01HZA000000000000000000001',
      'waive',
      'mh.unstable',
      'mh.unstable:2024-05-24',
      '随访',
      '2024-05-24',
      null,
      '住院治疗',
      at,
      at,
      at,
    );
    action.run(
      '01HZA000000000000000000002',
      'extend',
      'mh.unstable',
      'mh.unstable:2024-05-24',
      '随访',
      '2024-06-01',
      '2024-06-20',
      '外出务工',
      '2024-06-01T09:00:00.000Z',
      at,
      null,
    );
    const copy = join(dir, 'copy.db');
    old.close();
    cpSync(path, copy);

    const again = open(copy, '20240615120000');
    expect(again.migration.applied).toBe(migrationsFrom('0010'));
    const tables = (again.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).not.toContain('followup_level');
    expect(tables).not.toContain('followup_item_action');
    expect(
      again.db
        .prepare(
          'SELECT id, module, owner_id AS ownerId, source, event_id AS eventId, deleted_at AS deletedAt FROM level_change ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        id: '01HZL000000000000000000001',
        module: 'followup',
        ownerId: '01HZF000000000000000000001',
        source: 'start',
        eventId: null,
        deletedAt: null,
      },
      {
        id: '01HZL000000000000000000002',
        module: 'followup',
        ownerId: '01HZF000000000000000000001',
        source: 'visit',
        eventId: '01HZV000000000000000000001',
        deletedAt: null,
      },
      {
        id: '01HZL000000000000000000003',
        module: 'followup',
        ownerId: '01HZF000000000000000000001',
        source: 'edit',
        eventId: null,
        deletedAt: at,
      },
    ]);
    expect(
      again.db.prepare('SELECT id, module, kind, new_date AS newDate, deleted_at AS deletedAt FROM obligation_action ORDER BY id').all(),
    ).toEqual([
      { id: '01HZA000000000000000000001', module: 'followup', kind: 'waive', newDate: null, deletedAt: at },
      { id: '01HZA000000000000000000002', module: 'followup', kind: 'extend', newDate: '2024-06-20', deletedAt: null },
    ]);
    // The file reads as it did: its level history (the deleted change left out) and its one live 延期.
    const host = createHost(again, { clock, log: () => {} });
    const file = dispatch(host, 'followup.get', { id: '01HZF000000000000000000001' });
    expect(file).toMatchObject({
      ok: true,
      value: {
        levels: [
          { date: '2024-05-01', level: '2', source: 'start' },
          { date: '2024-05-10', level: '3', source: 'visit' },
        ],
        itemActions: [{ id: '01HZA000000000000000000002', kind: 'extend', newDate: '2024-06-20', reason: '外出务工' }],
      },
    });
    // The untouched original is still the old version (the copy alone was upgraded).
    const original = new Database(path, { readonly: true });
    expect(original.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'followup_item_action'").get()).toEqual({ n: 1 });
    original.close();
  });

  it('gives disputes kept before 0012 their steps from the status history: a closed dispute keeps the outcome it closed with', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previousVersionMigrations(dir, '0012') });
    const clock = fixedClock('2024-06-15');
    expect(
      dispatch(createHost(old, { clock, log: () => {} }), 'setup.init', {
        townshipName: '高寨乡',
        county: '某某县',
        operatorName: '王调解',
      }),
    ).toMatchObject({
      ok: true,
    });
    const at = '2024-06-01T08:00:00.000Z';
    const dispute = old.db.prepare(
      `INSERT INTO dispute (id, case_no, case_year, case_seq, intake_date, source, category, summary, status, transfer_unit, parties_text, created_at, updated_at)
       VALUES (?, ?, 2024, ?, ?, 'visit', '02', '纠纷', ?, ?, '张三', ?, ?)`,
    );
    const step = old.db.prepare(
      "INSERT INTO dispute_status_change (id, dispute_id, from_status, to_status, date, actor_name, at) VALUES (?, ?, NULL, ?, ?, '王调解', ?)",
    );
    // D1: 化解 then 未化解 after a second round, then 化解 again, then 办结; D2: 不予受理 then 办结; D3: only 登记.
    dispute.run('01HZD000000000000000000001', '高寨乡纠〔2024〕1号', 1, '2024-03-01', 'closed', null, at, at);
    const steps: [string, string][] = [
      ['registered', '2024-03-01'],
      ['accepted', '2024-03-02'],
      ['mediating', '2024-03-03'],
      ['unresolved', '2024-03-10'],
      ['mediating', '2024-03-12'],
      ['resolved', '2024-03-20'],
      ['closed', '2024-03-25'],
    ];
    for (const [i, [to, date]] of steps.entries())
      step.run(`01HZS00000000000000000000${i + 1}`, '01HZD000000000000000000001', to, date, at);
    dispute.run('01HZD000000000000000000002', '高寨乡纠〔2024〕2号', 2, '2024-04-01', 'closed', null, at, at);
    step.run('01HZS00000000000000000000A', '01HZD000000000000000000002', 'rejected', '2024-04-02', at);
    step.run('01HZS00000000000000000000B', '01HZD000000000000000000002', 'closed', '2024-04-03', at);
    dispute.run('01HZD000000000000000000003', '高寨乡纠〔2024〕3号', 3, '2024-05-01', 'registered', null, at, at);
    old.close();

    const again = open(path, '20240615120000');
    expect(
      again.db
        .prepare(
          'SELECT case_seq AS seq, accepted_date AS a, mediating_date AS m, outcome, outcome_date AS o FROM dispute ORDER BY case_seq',
        )
        .all(),
    ).toEqual([
      { seq: 1, a: '2024-03-02', m: '2024-03-03', outcome: 'resolved', o: '2024-03-20' },
      { seq: 2, a: null, m: null, outcome: null, o: null },
      { seq: 3, a: null, m: null, outcome: null, o: null },
    ]);
    const stats = dispatch(createHost(again, { clock, log: () => {} }), 'disputes.stats', { dateFrom: '2024-01-01', dateTo: '2024-12-31' });
    expect(stats).toMatchObject({
      ok: true,
      value: { total: { registered: 3, accepted: 1, rejected: 1, mediated: 1, resolved: 1, open: 1 } },
    });
  });

  it('gives agreements kept before 0014 their 履行情况: from the items as the ledger showed it, or from the latest visit after one without items', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previousVersionMigrations(dir, '0014') });
    const clock = fixedClock('2024-06-15');
    dispatch(createHost(old, { clock, log: () => {} }), 'setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
    const at = '2024-06-01T08:00:00.000Z';
    const kase = old.db.prepare(
      `INSERT INTO mediation_case (id, case_no, case_year, case_seq, origin, mediating_body, committee_name, accepted_date, category, summary,
         outcome, closed_date, parties_text, mediators_text, created_at, updated_at)
       VALUES (?, ?, 2024, ?, 'application', 'township', '高寨乡人民调解委员会', '2024-03-01', '02', '纠纷', 'success', '2024-03-05', '张三', '王调解', ?, ?)`,
    );
    const agreement = old.db.prepare(
      `INSERT INTO agreement (id, case_id, form, content, party_signatures, effective_date, created_at, updated_at)
       VALUES (?, ?, 'oral', '协议', '{}', '2024-03-05', ?, ?)`,
    );
    const item = old.db.prepare(
      "INSERT INTO performance_item (id, agreement_id, description, deadline, state, ord) VALUES (?, ?, '事项', NULL, ?, ?)",
    );
    const visit = old.db.prepare(
      `INSERT INTO return_visit (id, case_id, planned_date, visit_date, performance_found, created_at, updated_at) VALUES (?, ?, NULL, ?, ?, ?, ?)`,
    );
    const file = (n: number, items: string[], visits: [string, string][] = []) => {
      const caseId = `01HZC00000000000000000000${n}`;
      const agreementId = `01HZA00000000000000000000${n}`;
      kase.run(caseId, `（2024）高寨乡人调字第${n}号`, n, at, at);
      agreement.run(agreementId, caseId, at, at);
      for (const [i, state] of items.entries()) item.run(`01HZI0000000000000000000${n}${i}`, agreementId, state, i);
      for (const [i, [date, found]] of visits.entries()) visit.run(`01HZV0000000000000000000${n}${i}`, caseId, date, found, at, at);
    };
    file(1, ['performed', 'performed']);
    file(2, ['performed', 'unperformed']);
    file(3, ['not_applicable']);
    // Without items: a visit after the agreement found it performed (a later one found it so too)
    file(
      4,
      [],
      [
        ['2024-04-01', 'partial'],
        ['2024-05-01', 'performed'],
      ],
    );
    // Without items and with a visit after it that found nothing paid: it keeps 未履行
    file(5, [], [['2024-04-01', 'unperformed']]);
    // Without items and never visited
    file(6, []);
    // Without items: a visit made before the agreement took effect says nothing of it
    file(7, [], [['2024-03-02', 'performed']]);
    old.close();

    const again = open(path, '20240615120000');
    expect(again.db.prepare('SELECT performance, performed_date AS date FROM agreement ORDER BY id').all()).toEqual([
      { performance: 'performed', date: null },
      { performance: 'partial', date: null },
      { performance: 'no_payment', date: null },
      { performance: 'performed', date: '2024-05-01' },
      { performance: 'unperformed', date: null },
      { performance: 'unperformed', date: null },
      { performance: 'unperformed', date: null },
    ]);
    const stats = dispatch(createHost(again, { clock, log: () => {} }), 'mediation.stats', {
      dateFrom: '2024-01-01',
      dateTo: '2024-12-31',
    });
    expect(stats).toMatchObject({ ok: true, value: { successful: 7, performed: 3 } });
  });

  it('gives the statistics kept before 0015 their 调处主体 breakdown: every dispute kept before it under the empty key', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previousVersionMigrations(dir, '0015') });
    const clock = fixedClock('2024-06-15');
    dispatch(createHost(old, { clock, log: () => {} }), 'setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
    const insert = old.db.prepare(
      `INSERT INTO dispute_stat (basis, dim, day, key, registered, accepted, rejected, mediated, resolved, unresolved, transferred, open, amount_fen, people)
       VALUES (?, ?, ?, ?, ?, 0, 0, 0, ?, 0, 0, 0, ?, 0)`,
    );
    insert.run('intake', 'total', '2024-03-01', '', 3, 2, 150000);
    insert.run('intake', 'category', '2024-03-01', '02', 3, 2, 150000);
    insert.run('outcome', 'total', '2024-03-20', '', 2, 2, 100000);
    old.close();

    const again = open(path, '20240615120000');
    expect(
      again.db
        .prepare(
          "SELECT basis, day, key, registered, resolved, amount_fen AS fen, fed_back AS fb FROM dispute_stat WHERE dim = 'level' ORDER BY basis",
        )
        .all(),
    ).toEqual([
      { basis: 'intake', day: '2024-03-01', key: '', registered: 3, resolved: 2, fen: 150000, fb: 0 },
      { basis: 'outcome', day: '2024-03-20', key: '', registered: 2, resolved: 2, fen: 100000, fb: 0 },
    ]);
  });

  it('gives drug files kept before 0016 the day their leave counts made a serious breach, and reads their old tests as before', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previousVersionMigrations(dir, '0016') });
    const clock = fixedClock('2024-06-15');
    dispatch(createHost(old, { clock, log: () => {} }), 'setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
    const staffId = (old.db.prepare('SELECT id FROM staff LIMIT 1').get() as { id: string }).id;
    const at = '2024-06-01T08:00:00.000Z';
    const person = old.db.prepare(
      "INSERT INTO person (id, name, name_pinyin, name_initials, created_at, updated_at) VALUES (?, ?, '', '', ?, ?)",
    );
    const file = old.db.prepare(
      `INSERT INTO followup_subject (id, person_id, group_code, level, level_since, responsible_staff_id, team, facts, start_date, status, created_at, updated_at)
       VALUES (?, ?, 'drug', 'red', '2024-01-10', ?, '[]', ?, '2024-01-10', 'active', ?, ?)`,
    );
    const test = old.db.prepare(
      `INSERT INTO followup_visit (id, subject_id, kind, date, method, visitors, findings, test_result, created_at, updated_at)
       VALUES (?, ?, 'test', ?, '到所', '王调解', '未到所检测', '未到', ?, ?)`,
    );
    const facts = (leaveTimes: number, leaveDays: number) =>
      JSON.stringify({ drugType: 'detox', decisionDate: '2024-01-05', reportDate: '2024-01-10', leaveTimes, leaveDays });
    const files: [string, string, number, number, string][] = [
      ['1', '赵一', 3, 5, '2024-06-01T08:00:00.000Z'], // left 3 times: a serious breach, last saved 06-01
      ['2', '钱二', 1, 31, '2024-05-20T01:00:00.000Z'], // away more than 30 days
      ['3', '孙三', 1, 4, '2024-04-01T08:00:00.000Z'], // below the thresholds, but three absences from tests
    ];
    for (const [n, name, times, days, saved] of files) {
      person.run(`01HZP00000000000000000000${n}`, name, at, at);
      file.run(`01HZF00000000000000000000${n}`, `01HZP00000000000000000000${n}`, staffId, facts(times, days), at, saved);
    }
    for (const [i, date] of ['2024-05-06', '2024-05-13', '2024-05-20'].entries())
      test.run(`01HZV00000000000000000000${i}`, '01HZF000000000000000000003', date, at, at);
    old.close();

    const again = open(path, '20240615120000');
    expect(again.db.prepare("SELECT json_extract(facts, '$.leaveBreachDate') AS since FROM followup_subject ORDER BY id").all()).toEqual([
      { since: '2024-06-01' },
      { since: '2024-05-20' },
      { since: null },
    ]);
    expect(again.db.prepare('SELECT count(*) AS n FROM followup_visit WHERE excuse IS NOT NULL OR stability IS NOT NULL').get()).toEqual({
      n: 0,
    });
    const host = createHost(again, { clock, log: () => {} });
    const get = (n: string) => {
      const r = dispatch(host, 'followup.get', { id: `01HZF00000000000000000000${n}` });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as FollowupSubject;
    };
    const police = (n: string) => get(n).drug!.police.map((d) => [d.label, d.dueDate, d.state]);
    // Each is owed a report from the day the breach became known (06-01 a Saturday: Monday 06-03)
    expect(police('1')).toEqual([['报告公安机关（严重违反协议）', '2024-06-03', 'overdue']]);
    expect(police('2')).toEqual([['报告公安机关（严重违反协议）', '2024-05-21', 'overdue']]);
    // Old absences without a recorded reason still count as refusals
    expect(get('3').breach).toMatchObject({ serious: true, refusals: 3, excused: 0 });
    expect(police('3')).toEqual([['报告公安机关（严重违反协议）', '2024-05-21', 'overdue']]);
    // The old facts pass the strict schema as they are, and a save keeps the day
    const one = get('1');
    const saved = dispatch(host, 'followup.update', {
      id: one.id,
      personId: one.person.id,
      group: 'drug',
      level: 'red',
      responsibleStaffId: one.responsibleStaffId,
      startDate: one.startDate,
      facts: one.facts,
    });
    expect(saved).toMatchObject({ ok: true, value: { facts: { leaveTimes: 3, leaveBreachDate: '2024-06-01' } } });
  });

  it('puts the villages and grids kept before 0023 in the order they were added, which lists then keep', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previousVersionMigrations(dir, '0023') });
    const at = '2024-06-01T08:00:00.000Z';
    const village = old.db.prepare('INSERT INTO village (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const grid = old.db.prepare('INSERT INTO grid (id, village_id, name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)');
    // Written as the version before wrote them: no order of their own
    for (const [n, name] of ['张庄村', '阿里村', '东街社区'].entries()) village.run(`01HZV00000000000000000000${n}`, name, at, at);
    for (const [n, name] of ['第二网格', '第一网格'].entries())
      grid.run(`01HZG00000000000000000000${n}`, '01HZV000000000000000000000', name, at, at);
    old.close();
    const again = open(path, '20240615120000');
    expect(again.db.prepare('SELECT name, sort FROM village ORDER BY sort').all()).toEqual([
      { name: '张庄村', sort: 1 },
      { name: '阿里村', sort: 2 },
      { name: '东街社区', sort: 3 },
    ]);
    expect(again.db.prepare('SELECT name, sort FROM grid ORDER BY sort').all()).toEqual([
      { name: '第二网格', sort: 1 },
      { name: '第一网格', sort: 2 },
    ]);
  });

  it('gives cases opened from the register before 0018 the source their dispute suggests (REVIEW row 9), with the sending body', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previousVersionMigrations(dir, '0018') });
    const clock = fixedClock('2024-06-15');
    const oldHost = createHost(old, { clock, log: () => {} });
    const call = (method: string, input: unknown) => {
      const r = dispatch(oldHost, method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value as { id: string };
    };
    call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
    const at = '2024-06-01T08:00:00.000Z';
    const kase = old.db.prepare(
      `INSERT INTO mediation_case (id, case_no, case_year, case_seq, dispute_id, origin, sender_unit, mediating_body, committee_name,
         accepted_date, category, summary, parties_text, mediators_text, created_at, updated_at)
       VALUES (?, ?, 2024, ?, ?, ?, ?, 'township', '高寨乡人民调解委员会', '2024-06-01', '02', '纠纷', '张三', '王调解', ?, ?)`,
    );
    // [dispute source, its work order's 转办单位, the case's origin and sender as kept before 0018]
    const files: [string, string | null, string, string | null][] = [
      ['screening', null, 'dispute', null],
      ['grid', null, 'dispute', null],
      ['visit', null, 'dispute', null],
      ['call', null, 'dispute', null],
      ['court', null, 'dispute', null],
      ['police110', null, 'dispute', null],
      ['petition', '县信访局', 'dispute', null],
      ['hotline12345', null, 'dispute', null],
      ['other', null, 'dispute', null],
      ['L01', null, 'dispute', null],
      // a case opened directly keeps what it was given
      ['visit', null, 'court', '某某县人民法院'],
    ];
    for (const [n, [source, ticketUnit, origin, sender]] of files.entries()) {
      // Written as the version before kept a dispute (today's services also keep its search index, which it had not).
      const d = { id: `01HZD0000000000000000000${String(n).padStart(2, '0')}` };
      old.db
        .prepare(
          `INSERT INTO dispute (id, case_no, case_year, case_seq, intake_date, source, category, summary, status, parties_text, ticket_unit,
             created_at, updated_at) VALUES (?, ?, 2024, ?, '2024-05-30', ?, '02', '纠纷', 'registered', '张三', ?, ?, ?)`,
        )
        .run(d.id, `高寨乡纠〔2024〕${n + 1}号`, n + 1, source, ticketUnit, at, at);
      kase.run(
        `01HZC0000000000000000000${String(n).padStart(2, '0')}`,
        `（2024）高寨乡人调字第${n + 1}号`,
        n + 1,
        origin === 'dispute' ? d.id : null,
        origin,
        sender,
        at,
        at,
      );
    }
    old.close();

    const again = open(path, '20240615120000');
    expect(
      again.db.prepare('SELECT origin, sender_unit AS sender, dispute_id IS NOT NULL AS linked FROM mediation_case ORDER BY id').all(),
    ).toEqual([
      { origin: 'initiative', sender: null, linked: 1 },
      { origin: 'initiative', sender: null, linked: 1 },
      { origin: 'application', sender: null, linked: 1 },
      { origin: 'application', sender: null, linked: 1 },
      { origin: 'court', sender: '人民法院', linked: 1 },
      { origin: 'police', sender: '公安机关（110联动）', linked: 1 },
      { origin: 'government', sender: '县信访局', linked: 1 },
      { origin: 'government', sender: '12345政务服务便民热线', linked: 1 },
      { origin: 'initiative', sender: null, linked: 1 },
      { origin: 'initiative', sender: null, linked: 1 },
      { origin: 'court', sender: '某某县人民法院', linked: 0 },
    ]);
    // The data step and the rule a case opened from the register now follows are one table.
    for (const [source] of files.slice(0, 10)) {
      const row = again.db
        .prepare('SELECT m.origin FROM mediation_case m JOIN dispute d ON d.id = m.dispute_id WHERE d.source = ?')
        .get(source) as { origin: string };
      expect(row.origin, source).toBe(originOfDisputeSource(source));
    }
    const host = createHost(again, { clock, log: () => {} });
    expect(dispatch(host, 'mediation.stats', { dateFrom: '2024-01-01', dateTo: '2024-12-31' })).toMatchObject({
      ok: true,
      value: {
        byOrigin: expect.arrayContaining([
          expect.objectContaining({ key: 'initiative', counted: 4 }),
          expect.objectContaining({ key: 'application', counted: 2 }),
          expect.objectContaining({ key: 'court', counted: 2 }),
          expect.objectContaining({ key: 'government', counted: 2 }),
          expect.objectContaining({ key: 'police', counted: 1 }),
        ]),
      },
    });
    // A case kept before 0018 opens with its 调解期限 (accepted 06-01 → 07-01) and can still be edited.
    expect(dispatch(host, 'mediation.get', { id: '01HZC000000000000000000004' })).toMatchObject({
      ok: true,
      value: { origin: 'court', senderUnit: '人民法院', landContract: false, handling: { dueDate: '2024-07-01', state: 'upcoming' } },
    });
  });

  it("REVIEW rows 11, 12: files kept before 0020 keep their monthly visits (all 需管控, an old change of a group's cadence for each level), and a 以奖代补 status becomes a record of the year it was set", () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previousVersionMigrations(dir, '0020') });
    const clock = fixedClock('2024-06-15');
    dispatch(createHost(old, { clock, log: () => {} }), 'setup.init', { townshipName: '曹回乡', county: '某某县', operatorName: '王调解' });
    const staffId = (old.db.prepare('SELECT id FROM staff LIMIT 1').get() as { id: string }).id;
    const at = '2023-01-05T02:00:00.000Z';
    const person = old.db.prepare(
      "INSERT INTO person (id, name, name_pinyin, name_initials, created_at, updated_at) VALUES (?, ?, '', '', ?, ?)",
    );
    const file = old.db.prepare(
      `INSERT INTO followup_subject (id, person_id, group_code, level, level_since, responsible_staff_id, team, facts, start_date, status, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, '[]', ?, ?, 'active', ?, ?)`,
    );
    const opened = old.db.prepare(
      "INSERT INTO level_change (id, module, owner_id, date, level, source, created_at, updated_at) VALUES (?, 'followup', ?, ?, ?, 'start', ?, ?)",
    );
    const trail = old.db.prepare(
      `INSERT INTO audit_log (id, at, actor_name, action, entity, entity_id, before, after, prev_hash, hash)
       VALUES (?, ?, '王调解', ?, 'followup', ?, ?, ?, '', '')`,
    );
    const mh = (reward: string) =>
      JSON.stringify({
        diagnosis: '精神分裂症',
        guardianName: '赵母',
        guardianRelation: '母子',
        rewardStatus: reward,
        treatment: '居家服药',
      });
    const files: [string, string, string, string, string, string][] = [
      ['1', '赵一', 'mental_health', '0', '2023-01-05', mh('已发放')],
      ['2', '钱二', 'mental_health', '1', '2023-06-01', mh('已申请')],
      ['3', '孙三', 'mental_health', '0', '2024-01-10', mh('不符合条件')],
      ['4', '李四', 'mental_health', '0', '2024-01-10', mh('未申请')],
      ['5', '周五', 'cult', 'green', '2024-01-10', JSON.stringify({ transformStatus: '未转化' })],
    ];
    for (const [n, name, group, level, start, facts] of files) {
      person.run(`01HZP00000000000000000000${n}`, name, at, at);
      file.run(`01HZF00000000000000000000${n}`, `01HZP00000000000000000000${n}`, group, level, start, staffId, facts, start, at, at);
      opened.run(`01HZL00000000000000000000${n}`, `01HZF00000000000000000000${n}`, start, level, at, at);
    }
    // 赵一: applied when opened (2023), paid in 2024, then edited for something else; 钱二: applied when opened
    const facts = (reward: string) => JSON.stringify({ facts: { rewardStatus: reward } });
    trail.run('01HZA000000000000000000001', '2023-01-05T02:00:00.000Z', 'create', '01HZF000000000000000000001', null, facts('已申请'));
    trail.run(
      '01HZA000000000000000000002',
      '2024-02-10T02:00:00.000Z',
      'update',
      '01HZF000000000000000000001',
      facts('已申请'),
      facts('已发放'),
    );
    trail.run(
      '01HZA000000000000000000003',
      '2024-05-01T02:00:00.000Z',
      'update',
      '01HZF000000000000000000001',
      facts('已发放'),
      facts('已发放'),
    );
    trail.run('01HZA000000000000000000004', '2023-06-01T02:00:00.000Z', 'create', '01HZF000000000000000000002', null, facts('已申请'));
    // Before the table, the office had put 邪教人员 on quarterly visits from 04-01
    old.db
      .prepare('INSERT INTO setting (key, value) VALUES (?, ?)')
      .run(
        'followup_overrides',
        JSON.stringify({ cadences: [{ key: 'cult.visit', period: 'quarter', since: '2024-04-01', reason: '稳控良好' }] }),
      );
    old.close();

    const again = open(path, '20240615120000');
    const thisYear = new Date().getFullYear();
    expect(
      again.db
        .prepare(
          'SELECT subject_id AS id, year, reward_result AS result, paid, paid_date AS paidDate, guardian_name AS guardian, note FROM followup_year ORDER BY subject_id',
        )
        .all(),
    ).toEqual([
      {
        id: '01HZF000000000000000000001',
        year: 2024,
        result: '合格',
        paid: 1,
        paidDate: null,
        guardian: '赵母',
        note: '由原档案“以奖代补：已发放”转入，金额和发放日期原未记录',
      },
      {
        id: '01HZF000000000000000000002',
        year: 2023,
        result: '待考核',
        paid: 0,
        paidDate: null,
        guardian: '赵母',
        note: '由原档案“以奖代补：已申请”转入',
      },
      {
        id: '01HZF000000000000000000003',
        year: thisYear,
        result: '不符合条件',
        paid: 0,
        paidDate: null,
        guardian: '赵母',
        note: '由原档案“以奖代补：不符合条件”转入',
      },
    ]);
    expect(
      again.db.prepare("SELECT count(*) AS n FROM followup_subject WHERE json_type(facts, '$.rewardStatus') IS NOT NULL").get(),
    ).toEqual({ n: 0 });
    expect(again.db.prepare('SELECT DISTINCT control_status AS c, control_history AS h FROM followup_subject').all()).toEqual([
      { c: 'controlled', h: null },
    ]);

    const host = createHost(again, { clock, log: () => {} });
    const get = (n: string) => {
      const r = dispatch(host, 'followup.get', { id: `01HZF00000000000000000000${n}` });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as FollowupSubject;
    };
    // The old facts pass the strict schema as they are now: the file saves
    const zhao = get('1');
    expect(zhao.years).toMatchObject([{ year: 2024, rewardResult: '合格', paid: true, guardianName: '赵母' }]);
    expect(
      dispatch(host, 'followup.update', {
        id: zhao.id,
        personId: zhao.person.id,
        group: 'mental_health',
        level: '0',
        responsibleStaffId: zhao.responsibleStaffId,
        startDate: zhao.startDate,
        facts: zhao.facts,
      }),
    ).toMatchObject({ ok: true });
    // 周五 (邪教, 需管控) still owes the months before the office's change, then a quarter: as before 0020
    const zhou = get('5');
    expect(zhou.control).toBe('controlled');
    expect(zhou.dueItems.map((i) => [i.key, i.label])).toEqual([
      ['visit.prev:2024-01', '每月走访（2024年1月）'],
      ['visit.prev:2024-02', '每月走访（2024年2月）'],
      ['visit.prev:2024-03', '每月走访（2024年3月）'],
      ['visit:2024-Q2', '每季度走访（2024年第2季度）'],
    ]);
    const stats = dispatch(host, 'followup.stats', { dateFrom: '2024-01-01', dateTo: '2024-06-15' });
    if (!stats.ok) throw new Error(stats.error.message);
    const value = stats.value as { years: { year: number; patients: number; rewarded: number; rewardRate: number | null }[] };
    expect(value.years).toEqual([expect.objectContaining({ year: 2024, patients: 4, rewarded: 1, rewardRate: 0.25 })]);
  });

  it('REVIEW rows 6, 19 and §2.1: a case and agreement kept before 0022 read as before — an application with no answer on 共同申请 and no warning, every visit for performance, no visit added to a failed case, no reports', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const old = openLedger(path, { migrationsFolder: previousVersionMigrations(dir, '0022') });
    const clock = fixedClock('2024-06-15');
    const oldHost = createHost(old, { clock, log: () => {} });
    dispatch(oldHost, 'setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
    const staffId = (old.db.prepare('SELECT id FROM staff LIMIT 1').get() as { id: string }).id;
    const person = dispatch(oldHost, 'persons.create', { name: '张三' });
    if (!person.ok) throw new Error(person.error.message);
    const personId = (person.value as { id: string }).id;
    const at = '2024-05-01T08:00:00.000Z';
    // Written as the version before 0022 wrote them (its services would now read the new columns).
    const kase = old.db.prepare(
      `INSERT INTO mediation_case (id, case_no, case_year, case_seq, origin, mediating_body, committee_name, accepted_date, category, summary,
         outcome, outcome_reason, guidance, closed_date, parties_text, mediators_text, created_at, updated_at)
       VALUES (?, ?, 2024, ?, 'application', 'township', '高寨乡人民调解委员会', '2024-05-07', '02', '纠纷', ?, ?, ?, ?, '张三', '王调解', ?, ?)`,
    );
    const SETTLED = '01HZC0000000000000000000S1';
    const FAILED = '01HZC0000000000000000000F1';
    kase.run(SETTLED, '（2024）高寨乡人调字第1号', 1, 'success', null, null, '2024-05-21', at, at);
    kase.run(FAILED, '（2024）高寨乡人调字第2号', 2, 'failure', '分歧大', '["litigation"]', '2024-05-20', at, at);
    for (const id of [SETTLED, FAILED]) {
      old.db
        .prepare("INSERT INTO mediation_party (id, case_id, person_id, role, ord) VALUES (?, ?, ?, 'applicant', 0)")
        .run(`${id.slice(0, 23)}P${id.slice(-2)}`, id, personId);
      old.db
        .prepare('INSERT INTO mediation_mediator (id, case_id, staff_id, ord) VALUES (?, ?, ?, 0)')
        .run(`${id.slice(0, 23)}M${id.slice(-2)}`, id, staffId);
    }
    old.db
      .prepare(
        `INSERT INTO agreement (id, case_id, form, facts, matters, content, party_signatures, mediator_signed_date, seal_date, effective_date,
           performance, confirmation_intent, confirmation_applied_date, confirmation_court_basis, confirmation_court, created_at, updated_at)
         VALUES ('01HZA0000000000000000000S1', ?, 'written', '事实', '争议', '赔偿2000元', ?, '2024-05-21', '2024-05-21', '2024-05-21',
           'on_the_spot', 1, '2024-06-01', 'party_domicile', '某某县人民法院', ?, ?)`,
      )
      .run(SETTLED, JSON.stringify({ [personId]: '2024-05-21' }), at, at);
    const visit = old.db.prepare(
      'INSERT INTO return_visit (id, case_id, planned_date, visit_date, visitor_staff_id, performance_found, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    visit.run('01HZV0000000000000000000S1', SETTLED, '2024-06-20', '2024-06-14', staffId, 'performed', at, at);
    visit.run('01HZV0000000000000000000S2', SETTLED, '2024-07-30', null, null, null, at, at);
    old.close();

    const again = open(path, '20240615120000');
    expect(again.db.prepare('SELECT confirmation_joint AS joint FROM agreement').all()).toEqual([{ joint: null }]);
    expect(again.db.prepare('SELECT id, purpose FROM return_visit ORDER BY id').all()).toEqual([
      { id: '01HZV0000000000000000000S1', purpose: 'performance' },
      { id: '01HZV0000000000000000000S2', purpose: 'performance' },
    ]);
    const host = createHost(again, { clock, log: () => {} });
    const get = (id: string) => {
      const r = dispatch(host, 'mediation.get', { id });
      if (!r.ok) throw new Error(r.error.message);
      return r.value as MediationCase;
    };
    // The agreement is confirmed as applied for, as before: no answer on 共同申请, so nothing to warn of
    const settled = get(SETTLED);
    expect(settled.agreement!.confirmation).toMatchObject({ appliedDate: '2024-06-01', joint: null, nonJoint: false, late: false });
    expect(settled.agreement!.performance).toBe('on_the_spot');
    expect(settled.visits.map((v) => [v.purpose, v.plannedDate, v.visitDate])).toEqual([
      ['performance', '2024-06-20', '2024-06-14'],
      ['performance', '2024-07-30', null],
    ]);
    // The failed case keeps its outcome and gets no visit it did not have; neither has a report
    const failed = get(FAILED);
    expect([failed.outcome, failed.closedDate, failed.guidance, failed.visits, failed.reports]).toEqual([
      'failure',
      '2024-05-20',
      ['litigation'],
      [],
      [],
    ]);
    expect(dispatch(host, 'mediation.stats', { dateFrom: '2024-01-01', dateTo: '2024-12-31' })).toMatchObject({
      ok: true,
      value: { successful: 1, failed: 1, confirmationsApplied: 1, performed: 1, escalationReports: 0 },
    });
    // Saving the confirmation again asks the question it never had an answer to
    expect(
      dispatch(host, 'mediation.saveConfirmation', {
        caseId: SETTLED,
        intent: true,
        appliedDate: '2024-06-01',
        courtBasis: 'party_domicile',
        court: '某某县人民法院',
      }),
    ).toMatchObject({ ok: false, error: { fields: { joint: expect.stringContaining('共同申请') } } });
  });

  it('refuses a file that is not a ledger and leaves it alone', () => {
    const path = join(tempDir(), 'notes.db');
    writeFileSync(path, 'this is not a database at all, just text that someone renamed');
    const before = sha(path);
    expect(() => openLedger(path)).toThrowError(/不是账本文件/);
    expect(sha(path)).toBe(before);
  });

  it("refuses another application's SQLite file", () => {
    const path = join(tempDir(), 'other.db');
    const other = new Database(path);
    other.exec('CREATE TABLE t (x)');
    other.close();
    expect(() => openLedger(path)).toThrowError(/不是本程序的账本文件/);
  });
});

describe('resolveDbPath', () => {
  it('prefers --db, then LEDGER_DB, then the app-data folder', () => {
    expect(resolveDbPath(['--db', '/x/a.db'], {})).toBe('/x/a.db');
    expect(resolveDbPath(['--db=/x/b.db'], { LEDGER_DB: '/y/c.db' })).toBe('/x/b.db');
    expect(resolveDbPath([], { LEDGER_DB: '/y/c.db' })).toBe('/y/c.db');
    expect(resolveDbPath([], { XDG_CONFIG_HOME: '/home/u/.config' })).toMatch(/乡镇司法台账[/\\]ledger\.db$/);
  });
});

describe('migrations are locked once landed', () => {
  it('every migration file matches its recorded hash', () => {
    const dir = fileURLToPath(new URL('../../../db/migrations', import.meta.url));
    const lock = JSON.parse(readFileSync(join(dir, '..', 'migrations.lock.json'), 'utf8')) as Record<string, string>;
    const files = readdirSync(dir).filter((f) => f.endsWith('.sql'));
    for (const f of files) {
      expect(lock[f], `${f} has no entry in db/migrations.lock.json (add it when the migration lands)`).toBeDefined();
      expect(sha(join(dir, f)), `${f} was edited after it landed`).toBe(lock[f]);
    }
  });
});

describe('a migration that breaks references', () => {
  it('is rolled back to the pre-migration copy, with a Chinese message', async () => {
    const { cpSync, mkdirSync } = await import('node:fs');
    const real = fileURLToPath(new URL('../../../db/migrations', import.meta.url));
    const dir = tempDir();
    const folder = join(dir, 'migrations');
    mkdirSync(folder);
    cpSync(real, folder, { recursive: true });
    const path = join(dir, 'ledger.db');
    const l = openLedger(path, { migrationsFolder: folder });
    l.db.prepare("INSERT INTO setting (key, value) VALUES ('probe', '1')").run();
    l.close();
    const before = sha(path);

    // A new app version ships a migration that leaves a grid pointing at no village.
    const journalPath = join(folder, 'meta', '_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
      entries: { idx: number; when: number; tag: string; version: string; breakpoints: boolean }[];
    };
    const last = journal.entries.at(-1)!;
    journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1000, tag: '9999_bad' });
    writeFileSync(journalPath, JSON.stringify(journal));
    writeFileSync(
      join(folder, '9999_bad.sql'),
      "INSERT INTO grid (id, village_id, name, created_at, updated_at) VALUES ('g', 'no-such-village', 'x', 'a', 'b');",
    );

    expect(() => openLedger(path, { migrationsFolder: folder, clock: fixedClock('2024-06-15') })).toThrowError(
      /关联错误.*已恢复到升级前的状态/,
    );
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}.lock`)).toBe(false);
    const reopened = openLedger(path);
    opened.push(reopened);
    expect(reopened.db.prepare('SELECT count(*) AS n FROM grid').get()).toEqual({ n: 0 });
    expect(reopened.db.prepare("SELECT value FROM setting WHERE key = 'probe'").get()).toEqual({ value: '1' });
  });
});
