/**
 * 县级汇总 on real files: two townships' packages received into a county ledger, the township column, the
 * combined statistics and ledgers, 未上报, a second package of the same period replacing the first, and the
 * audit heads compared across packages; a tampered package or a wrong password writes nothing (RELIABILITY G5, T6).
 */
import ExcelJS from 'exceljs';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock, type ServiceContext } from '../../../../db/context';
import { readLedgerWorkbook } from '../../../../db/engines/xlsx';
import { reportParts } from '../../../../db/modules';
import { newId } from '../../../../db/ids';
import { dispatchAsync } from '../../../../db/router';
import { DATA_FILE } from '../../../../db/package/package';
import { makeReportPackage } from '../../../../db/services/report-package';
import { MODULE_INFO } from '../../../../shared/modules';
import { openTestLedger, tempDir, withADispute, type TestLedger } from '../../../helpers/test-db';

const KDF = { name: 'scrypt', logN: 14, r: 8, p: 1 } as const;
const PASSWORD = '县里给的密码2024';

function township(name: string): TestLedger {
  const t = openTestLedger();
  t.ledger.db.prepare("UPDATE setting SET value = json_set(value, '$.townshipName', ?) WHERE key = 'settings'").run(name);
  return t;
}

const at = (t: TestLedger, day: string, time = '08:00:00'): ServiceContext => ({ ...t.ctx(), clock: fixedClock(day, time) });

async function pack(t: TestLedger, day: string, time = '08:00:00'): Promise<string> {
  const folder = tempDir('stick-');
  const done = await makeReportPackage(
    at(t, day, time),
    reportParts,
    { periodKey: '2024-06', modules: ['persons', 'disputes', 'mediation'], password: PASSWORD, folder },
    { kdf: KDF },
  );
  return done.path;
}

const party = (t: TestLedger, name: string, summary: string) => {
  const p = t.call('persons.create', { name });
  t.call('disputes.create', {
    intakeDate: '2024-06-03',
    source: 'visit',
    category: '02',
    summary,
    parties: [{ personId: p.id, role: 'applicant' }],
  });
};

let county: TestLedger;
let gaozhai: TestLedger;
let libao: TestLedger;
beforeAll(() => {
  county = openTestLedger();
  gaozhai = township('高寨乡');
  withADispute(gaozhai);
  libao = township('李堡镇');
  party(libao, '张大山', '宅基地纠纷');
  party(libao, '赵小河', '邻里纠纷');
  return () => {
    for (const t of [county, gaozhai, libao]) t.close();
  };
});

const auditRows = () => county.ledger.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
const countyRows = () => county.ledger.db.prepare('SELECT count(*) FROM county_record').pluck().get() as number;

describe('the county receives townships’ packages', () => {
  it('lists both townships, who has not reported, combined statistics and the combined ledger', async () => {
    county.call('county.saveTownships', { townships: ['高寨乡', '李堡镇', '曹回乡'] });
    const first = await county.callAsync('county.receive', { folder: await pack(gaozhai, '2024-07-02'), password: PASSWORD });
    expect(first).toMatchObject({ township: '高寨乡', period: '2024-06', periodLabel: '2024年6月', replaced: false, chain: 'first' });
    expect(county.call('county.overview', {}).missing).toEqual(['李堡镇', '曹回乡']);
    await county.callAsync('county.receive', { folder: await pack(libao, '2024-07-03'), password: PASSWORD });

    const overview = county.call('county.overview', {});
    expect(overview.period).toEqual({ key: '2024-06', label: '2024年6月' });
    expect(overview.packages.map((p) => [p.township, p.ledgers.find((l) => l.module === 'disputes')?.rows])).toEqual([
      ['李堡镇', 2],
      ['高寨乡', 1],
    ]);
    expect(overview.missing).toEqual(['曹回乡']);

    const stats = county.call('county.stats', { period: '2024-06' });
    expect(stats.townships).toEqual(['李堡镇', '高寨乡']);
    const registered = stats.rows.find((r) => r.module === 'disputes' && r.label === '登记件数')!;
    expect(registered.values).toEqual([2, 1]);
    expect(registered.total).toBe(3);
    expect(stats.rows.find((r) => r.label === '化解率')?.total).toBeNull();

    const list = county.call('county.list', { period: '2024-06', module: 'disputes' });
    expect(list.total).toBe(3);
    expect(list.rows.map((r) => r.township)).toEqual(['李堡镇', '李堡镇', '高寨乡']);
    expect(list.columns).toContain('当事人');
    const page2 = county.call('county.list', { period: '2024-06', module: 'persons', page: 1, township: '高寨乡' });
    expect(page2.rows.map((r) => r.cells[1])).toEqual(['李四', '张三']);
    const hits = county.call('county.list', { period: '2024-06', module: 'persons', q: '张' });
    expect(hits.rows.map((r) => [r.township, r.cells[1]])).toEqual([
      ['高寨乡', '张三'],
      ['李堡镇', '张大山'],
    ]);

    const file = await county.callAsync('county.export', { period: '2024-06', module: 'disputes' });
    const sheet = await readLedgerWorkbook(Buffer.from(file.base64, 'base64'));
    expect(sheet.title).toBe(`2024年6月${MODULE_INFO.disputes.label}汇总台账`);
    expect(sheet.columns.slice(0, 2)).toEqual(['序号', '乡镇']);
    expect(sheet.rows.map((r) => r[1])).toEqual(['李堡镇', '李堡镇', '高寨乡']);
    // Numbers stay numbers and days stay days in the combined sheet (a county officer adds them up, sorts by them).
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const row1 = book.worksheets[0]!.getRow(4);
    expect(row1.getCell(sheet.columns.indexOf('登记日期') + 1).value).toBeInstanceOf(Date);
    expect(typeof row1.getCell(sheet.columns.indexOf('序号') + 1).value).toBe('number');
    expect(typeof row1.getCell(sheet.columns.indexOf('案号') + 1).value).toBe('string');
  });

  it('replaces a township’s period with its next package, never doubling it, and sees its chain extend the earlier head', async () => {
    party(gaozhai, '钱多多', '合同纠纷');
    const again = await county.callAsync('county.receive', { folder: await pack(gaozhai, '2024-07-05'), password: PASSWORD });
    expect(again).toMatchObject({ township: '高寨乡', replaced: true, chain: 'extends', chainNote: null });
    const overview = county.call('county.overview', { period: '2024-06' });
    expect(overview.packages).toHaveLength(2);
    expect(county.call('county.list', { period: '2024-06', module: 'disputes' }).total).toBe(4);
  });

  it('says so when the township’s history was rewritten after its earlier package', async () => {
    // A forger edits an early row and recomputes every hash after it: only a head held elsewhere shows it.
    const db = gaozhai.ledger.db;
    const ids = db.prepare('SELECT id FROM audit_log ORDER BY id').pluck().all() as string[];
    db.prepare("UPDATE audit_log SET hash = (CASE WHEN hash LIKE 'f%' THEN 'e' ELSE 'f' END) || substr(hash, 2) WHERE id >= ?").run(ids[1]);
    const r = await county.callAsync('county.receive', { folder: await pack(gaozhai, '2024-07-09'), password: PASSWORD });
    expect(r.chain).toBe('rewritten');
    expect(r.chainNote).toMatch(/历史记录被改写过/);
    expect(county.call('county.overview', {}).packages.find((p) => p.township === '高寨乡')?.chain).toBe('rewritten');
  });

  it('says so when the township’s own chain did not link when the package was made', async () => {
    const other = township('曹回乡');
    try {
      party(other, '周一', '买卖纠纷');
      // A row edited in place, its hash left as it was: the township's walk finds it.
      other.ledger.db.prepare("UPDATE audit_log SET actor_name = '某人' WHERE id = (SELECT min(id) FROM audit_log)").run();
      const r = await county.callAsync('county.receive', { folder: await pack(other, '2024-07-09'), password: PASSWORD });
      expect(r).toMatchObject({ township: '曹回乡', chain: 'rewritten', chainNote: expect.stringMatching(/有 1 条对不上前一条/) });
    } finally {
      other.close();
    }
  });

  it('cannot confirm a chain when the package carries no hash at the earlier head', async () => {
    libao.ledger.db.prepare("DELETE FROM setting WHERE key = 'reportPackage.sentHeads'").run();
    party(libao, '孙平', '劳务纠纷');
    const r = await county.callAsync('county.receive', { folder: await pack(libao, '2024-07-10'), password: PASSWORD });
    expect(r.chain).toBe('unknown');
  });

  it('refuses a tampered package or a wrong password before anything is written', async () => {
    const good = await pack(libao, '2024-07-11');
    const before = { audit: auditRows(), rows: countyRows(), overview: county.call('county.overview', {}) };
    expect(await dispatchAsync(county.host, 'county.receive', { folder: good, password: '不对的密码abc' })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/密码错误/) },
    });
    const file = join(good, DATA_FILE);
    const bytes = readFileSync(file);
    bytes[bytes.length - 40]! ^= 1;
    writeFileSync(file, bytes);
    expect(await dispatchAsync(county.host, 'county.receive', { folder: good, password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'DB_CORRUPT' },
    });
    expect(await dispatchAsync(county.host, 'county.receive', { folder: tempDir(), password: PASSWORD })).toMatchObject({ ok: false });
    expect({ audit: auditRows(), rows: countyRows(), overview: county.call('county.overview', {}) }).toEqual(before);
  });

  it('takes one package at a time', async () => {
    const folder = await pack(gaozhai, '2024-07-13');
    const first = dispatchAsync(county.host, 'county.receive', { folder, password: PASSWORD });
    expect(await dispatchAsync(county.host, 'county.receive', { folder, password: PASSWORD })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringMatching(/上一个上报包还在处理/) },
    });
    expect(await first).toMatchObject({ ok: true, value: { replaced: true } });
    expect(await dispatchAsync(county.host, 'county.receive', { folder, password: PASSWORD })).toMatchObject({ ok: true });
  });

  it('makes a package as a long job: its steps reported, and 取消 leaves no package and no temporary folder', async () => {
    const stick = tempDir('stick-');
    const input = { period: '2024-06', modules: ['persons', 'disputes'] as ('persons' | 'disputes')[], folder: stick, password: PASSWORD };
    const id = newId();
    const making = dispatchAsync(gaozhai.host, 'reportPackage.create', { ...input, jobId: id });
    const phases = new Set<string>();
    for (let p = gaozhai.call('jobs.progress', { id }); p; p = gaozhai.call('jobs.progress', { id })) {
      phases.add(p.phase);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(await making).toMatchObject({ ok: true });
    expect([...phases]).toEqual(
      expect.arrayContaining([
        '正在导出人员台账（第 1 本，共 2 本）',
        '正在导出矛盾纠纷台账（第 2 本，共 2 本）',
        '正在加密、写入并读回校验上报包',
      ]),
    );
    expect([...phases].some((p) => /^正在写出第 1 行，共 [\d,]+ 行$/.test(p))).toBe(true);
    expect(readdirSync(stick)).toHaveLength(1);

    const other = tempDir('stick-');
    const cancelled = newId();
    const stopped = dispatchAsync(gaozhai.host, 'reportPackage.create', { ...input, folder: other, jobId: cancelled });
    expect(gaozhai.call('jobs.cancel', { id: cancelled })).toBe(true);
    expect(await stopped).toMatchObject({ ok: false, error: { code: 'CANCELLED', message: '已取消，没有写出上报包，账本未作任何改动。' } });
    expect(readdirSync(other)).toEqual([]);
  });

  it('writes a township’s package only where it was asked, with its files readable', async () => {
    const path = await pack(gaozhai, '2024-07-12');
    expect(readdirSync(path).filter((n) => n.endsWith('.xlsx'))).toHaveLength(4);
  });
});
