/** Ledger exports: the list's filter over every row, the office's labels, one .xlsx per call. */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_EXPORT_ROWS } from '../../../../db/services/exports';
import { maskIdNumber } from '../../../../shared/domain/id-number';
import type { FileResult } from '../../../../shared/schemas/common';
import type { Person } from '../../../../shared/schemas/persons';
import { makeIdNumber, openTestLedger, type TestLedger } from '../../../helpers/test-db';
import type { Input } from '../../../../shared/contract';

let t: TestLedger;
let a: Person;
let b: Person;
let staffId: string;
let villageId: string;

beforeEach(() => {
  t = openTestLedger();
  a = t.call('persons.create', { name: '张三', idNumber: makeIdNumber('110105', '19800501', '123') });
  b = t.call('persons.create', { name: '李四' });
  staffId = t.call('staff.list', {})[0]!.id;
  villageId = t.call('villages.save', { name: '东村' }).id;
});
afterEach(() => t.close());

const parties = (): Input<'disputes.create'>['parties'] => [
  { personId: a.id, role: 'applicant' },
  { personId: b.id, role: 'respondent' },
];
const dispute = (extra: Partial<Input<'disputes.create'>>) =>
  t.call('disputes.create', {
    intakeDate: '2024-06-01',
    source: 'visit',
    category: '02',
    summary: '因宅前排水沟堵塞引发争执',
    parties: parties(),
    ...extra,
  });

interface Sheet {
  file: FileResult;
  title: unknown;
  subtitle: unknown;
  header: unknown[];
  rows: unknown[][];
  /** The closing 合计 row. */
  totals: unknown[];
}

async function open(file: FileResult): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  const values = (r: number) => Array.from({ length: ws.columnCount }, (_, c) => ws.getRow(r).getCell(c + 1).value);
  const rows: unknown[][] = [];
  for (let r = 4; r < ws.rowCount; r++) rows.push(values(r));
  const totals = values(ws.rowCount);
  expect(totals[0]).toBe('合计');
  return { file, title: ws.getCell('A1').value, subtitle: ws.getCell('A2').value, header: values(3), rows, totals };
}

const exportDisputes = async (filter: Record<string, unknown>) => open(await t.callAsync('disputes.exportLedger', filter));
const exportCases = async (filter: Record<string, unknown>) => open(await t.callAsync('mediation.exportLedger', filter));
const day = (date: string) => new Date(`${date}T00:00:00Z`);

describe('dispute register export', () => {
  it('has exactly the rows of the filtered list, in its order, with labels instead of codes', async () => {
    const longSummary =
      '因宅前排水沟堵塞，雨天积水漫入李四家院内，双方多次争吵，李四要求张三清理水沟并赔偿被泡坏的粮食，张三认为水沟属公共设施应由村里清理。';
    const near = dispute({
      villageId,
      riskLevel: 'high',
      responsibleStaffId: staffId,
      deadline: '2024-06-10',
      summary: longSummary,
      peopleCount: 5,
      amountYuan: 1200.5,
    });
    dispute({ category: '01', source: 'grid', intakeDate: '2024-05-01' });
    const local = t.call('dicts.add', { kind: 'dispute_category', label: '彩礼纠纷' });
    dispute({ category: local.code, intakeDate: '2024-06-03' });
    const hostile = dispute({ intakeDate: '2024-06-05', summary: '=HYPERLINK("http://x","点击")' });

    const s = await exportDisputes({ category: '02' });
    expect(s.file.fileName).toBe('高寨乡矛盾纠纷排查登记台账_2024-06-15.xlsx');
    expect(s.file.mime).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(s.title).toBe('高寨乡矛盾纠纷排查登记台账');
    expect(s.subtitle).toBe('统计期间：全部　导出日期：2024年6月15日');
    expect(s.header).toEqual([
      '序号',
      '案号',
      '登记日期',
      '来源',
      '纠纷类型',
      '村（社区）',
      '当事人',
      '简要情况',
      '涉及人数',
      '涉及金额（元）',
      '风险等级',
      '承办人',
      '办理期限',
      '状态',
      '是否超期',
    ]);
    expect(s.rows).toEqual([
      [
        1,
        hostile.caseNo,
        day('2024-06-05'),
        '群众来访',
        '邻里纠纷',
        null,
        '张三、李四',
        `'=HYPERLINK("http://x","点击")`,
        null,
        null,
        null,
        null,
        day('2024-07-05'),
        '登记',
        '否',
      ],
      [
        2,
        near.caseNo,
        day('2024-06-01'),
        '群众来访',
        '邻里纠纷',
        '东村',
        '张三、李四',
        longSummary,
        5,
        1200.5,
        '红色（高）',
        '王调解',
        day('2024-06-10'),
        '登记',
        '是',
      ],
    ]);
    expect(longSummary.length).toBeGreaterThan(60);
    // 合计: the rows counted, people and amount summed, the rest left empty
    expect(s.totals).toEqual(['合计', '共 2 件', null, null, null, null, null, null, 5, 1200.5, null, null, null, null, null]);

    const local2 = await exportDisputes({ category: local.code });
    expect(local2.rows.map((r) => r[4])).toEqual(['彩礼纠纷']);
  });

  it('follows the date range, the sort order and the other filters, and names the period', async () => {
    dispute({ intakeDate: '2024-01-05', source: 'grid' });
    dispute({ intakeDate: '2024-03-10' });
    dispute({ intakeDate: '2024-06-12' });
    const s = await exportDisputes({ dateFrom: '2024-01-01', dateTo: '2024-03-31', sort: 'intakeDate', dir: 'asc' });
    expect(s.subtitle).toBe('统计期间：2024年1月1日至2024年3月31日　导出日期：2024年6月15日');
    expect(s.rows.map((r) => r[2])).toEqual([day('2024-01-05'), day('2024-03-10')]);
    expect((await exportDisputes({ source: 'grid' })).rows.map((r) => r[3])).toEqual(['网格员上报']);
    expect((await exportDisputes({ dateFrom: '2024-06-01' })).subtitle).toBe('统计期间：2024年6月1日起　导出日期：2024年6月15日');
  });

  it('writes the columns chosen on screen, in their order, and refuses a column the register does not have', async () => {
    const phoned = t.call('persons.create', { name: '王五', phone: '13812345678' });
    const d = dispute({
      amountYuan: 800,
      parties: [
        { personId: phoned.id, role: 'applicant' },
        { personId: b.id, role: 'respondent' },
      ],
    });
    t.call('disputes.changeStatus', { id: d.id, to: 'accepted', date: '2024-06-02' });
    t.call('disputes.changeStatus', { id: d.id, to: 'mediating', date: '2024-06-03' });
    t.call('disputes.changeStatus', { id: d.id, to: 'unresolved', date: '2024-06-05' });
    t.call('disputes.changeStatus', { id: d.id, to: 'closed', date: '2024-06-06' });
    const s = await exportDisputes({ columns: ['parties', 'caseNo', 'phones', 'amount', 'outcome', 'closedDate', 'grid'] });
    expect(s.header).toEqual(['序号', '当事人', '案号', '电话', '涉及金额（元）', '化解结果', '办结日期', '网格']);
    expect(s.rows).toEqual([[1, '王五、李四', d.caseNo, '13812345678', 800, '未化解', day('2024-06-06'), null]]);
    // The money column is still summed; the phone number is text, as an ID number is
    expect(s.totals).toEqual(['合计', '共 1 件', null, null, 800, null, null, null]);

    for (const columns of [['caseNo', 'wages'], ['caseNo', 'caseNo'], []]) {
      await expect(t.callAsync('disputes.exportLedger', { columns: columns as never })).rejects.toMatchObject({
        wire: { code: 'VALIDATION' },
      });
    }
    await expect(t.callAsync('disputes.exportLedger', { columns: ['caseNo', 'wages'] as never })).rejects.toMatchObject({
      wire: {
        message: '填写的内容有误：台账中没有“wages”这一列，请重新设置列',
        fields: { 'columns.1': '台账中没有“wages”这一列，请重新设置列' },
      },
    });
    // Without a choice the register keeps its usual columns
    expect((await exportDisputes({})).header).toHaveLength(15);
  });

  it('takes the list filter without paging, and refuses more rows than one file may hold', async () => {
    // @ts-expect-error an export takes no page: the host refuses it as the type does
    await expect(t.callAsync('disputes.exportLedger', { page: 2 })).rejects.toMatchObject({ wire: { code: 'VALIDATION' } });
    t.ledger.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= ?)
         INSERT INTO dispute (id, case_no, case_year, case_seq, intake_date, source, category, summary, status, parties_text, created_at, updated_at)
         SELECT printf('bulk%022d', i), printf('批量%d', i), 2024, i, '2024-06-01', 'visit', '02', '批量', 'registered', '', '', '' FROM n`,
      )
      .run(MAX_EXPORT_ROWS);
    await expect(t.callAsync('disputes.exportLedger', {})).rejects.toMatchObject({
      wire: { code: 'VALIDATION', message: expect.stringContaining('100,000') },
    });
  });

  it('reads a large register a chunk at a time from one snapshot: every row once, in order, saves during the export left out', async () => {
    const N = 2_345; // several chunks, the last one short
    t.ledger.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
         INSERT INTO dispute (id, case_no, case_year, case_seq, intake_date, source, category, summary, status, parties_text, created_at, updated_at)
         SELECT printf('bulk%022d', i), printf('批量%d', i), 2024, i, date('2024-01-01', '+' || (i % 150) || ' days'), 'visit', '02',
           printf('第%d件', i), 'registered', '', '', '' FROM n`,
      )
      .run(N);
    const pages = Array.from({ length: Math.ceil(N / 200) }, (_, i) =>
      t.call('disputes.list', { sort: 'intakeDate', dir: 'asc', page: i + 1, pageSize: 200 }),
    );
    const expected = { rows: pages.flatMap((p) => p.rows) };
    const exporting = t.callAsync('disputes.exportLedger', { sort: 'intakeDate', dir: 'asc', columns: ['caseNo', 'summary'] });
    // The window goes on saving while the file is written: a new dispute, an edited one.
    dispute({ summary: '导出期间新登记' });
    t.ledger.db.prepare("UPDATE dispute SET summary = '导出期间改过' WHERE id = ?").run(expected.rows[0]!.id);
    const sheet = await open(await exporting);
    expect(sheet.rows.map((r) => r[1])).toEqual(expected.rows.map((r) => r.caseNo));
    expect(sheet.rows).toHaveLength(N);
    expect(sheet.rows[0]![2]).not.toBe('导出期间改过');
    expect(sheet.totals[1]).toBe(`共 ${N} 件`);
  });
});

describe("people's mediation ledger export", () => {
  it('has exactly the cases of the filtered ledger, with labels, the masked ID of the first party and typed cells', async () => {
    const d = dispute({ amountYuan: 3000 });
    const settled = t.call('mediation.openFromDispute', {
      disputeId: d.id,
      acceptedDate: '2024-06-02',
      origin: 'application',
      mediatingBody: 'township',
      mediatorIds: [staffId],
    });
    t.call('mediation.saveAgreement', {
      caseId: settled.id,
      form: 'written',
      facts: '排水沟堵塞致积水',
      matters: '清理与赔偿',
      content: '张三清理水沟并赔偿李四500元',
      partySignatures: [
        { personId: a.id, date: '2024-06-05' },
        { personId: b.id, date: '2024-06-05' },
      ],
      mediatorSignedDate: '2024-06-05',
      sealDate: '2024-06-05',
      items: [{ description: '赔偿500元', deadline: '2024-06-10', state: 'unperformed' }],
      agreedAmountYuan: 1500,
    });
    t.call('mediation.close', { id: settled.id, outcome: 'success', closedDate: '2024-06-06' });
    const pending = t.call('mediation.create', {
      origin: 'application',
      acceptedDate: '2024-06-08',
      mediatingBody: 'village',
      category: '01',
      summary: '赡养费',
      parties: [{ personId: b.id, role: 'applicant' }],
      mediatorIds: [staffId],
    });

    const done = await exportCases({ outcome: 'success' });
    expect(done.file.fileName).toBe('高寨乡人民调解案件台账_2024-06-15.xlsx');
    expect(done.title).toBe('高寨乡人民调解案件台账');
    expect(done.header).toEqual([
      '序号',
      '卷宗号',
      '受理日期',
      '案件来源',
      '纠纷类型',
      '当事人',
      '身份证号（首位当事人）',
      '调解组织',
      '调解员',
      '调解结果',
      '结案日期',
      '协议形式',
      '履行情况',
      '履行完毕日期',
      '司法确认',
      '涉及金额（元）',
      '协议金额（元）',
      '终止情形',
      '调解不成或终止原因',
      '告知途径',
    ]);
    expect(done.rows).toEqual([
      [
        1,
        settled.caseNo,
        day('2024-06-02'),
        '当事人申请',
        '邻里纠纷',
        '张三、李四',
        maskIdNumber(a.idNumber!),
        '乡镇调委会',
        '王调解',
        '调解成功',
        day('2024-06-06'),
        '书面',
        '未履行（逾期）',
        null,
        '未申请',
        3000,
        1500,
        null,
        null,
        null,
      ],
    ]);

    const all = await exportCases({});
    expect(all.rows.map((r) => r[1])).toEqual([pending.caseNo, settled.caseNo]);
    expect(all.totals).toEqual(['合计', '共 2 件', ...Array(13).fill(null), 3000, 1500, null, null, null]);
    expect(all.rows[0]!.slice(3, 17)).toEqual([
      '当事人申请',
      '婚姻家庭纠纷',
      '李四',
      null,
      '村调委会',
      '王调解',
      '调解中',
      null,
      null,
      null,
      null,
      null,
      null,
      null,
    ]);

    // The columns chosen on screen, in their order, the first party's masked ID among them
    const chosen = await exportCases({ outcome: 'success', columns: ['idNumber', 'caseNo', 'agreed'] });
    expect(chosen.header).toEqual(['序号', '身份证号（首位当事人）', '卷宗号', '协议金额（元）']);
    expect(chosen.rows).toEqual([[1, maskIdNumber(a.idNumber!), settled.caseNo, 1500]]);
    // and the list's rows carry that masked number too, for the screen's column
    expect(t.call('mediation.list', { outcome: 'success' }).rows[0]!.idNumberMasked).toBe(maskIdNumber(a.idNumber!));
  });

  it('leaves an audit line for each export: who took which ledger, filtered how, how many rows', async () => {
    dispute({});
    await exportDisputes({ category: '02' });
    const row = t.ledger.db
      .prepare("SELECT actor_name AS who, action, entity_id AS ledger, after FROM audit_log WHERE entity = 'ledger'")
      .get() as { who: string; action: string; ledger: string; after: string };
    expect(row).toMatchObject({ who: '王调解', action: 'export', ledger: 'dispute' });
    expect(JSON.parse(row.after)).toMatchObject({ 条数: 1, 筛选: { category: '02' } });
  });
});

describe('special-group ledger export', () => {
  it('has the files of the filtered list in its order, with labels, masked ID numbers and the overdue flag', async () => {
    const other = t.call('staff.save', { name: '李网格' }).id;
    const c = t.call('persons.create', { name: '王五' });
    // 张三: level 3 since 05-01, first visit due 05-15 and never made → overdue
    const mental = t.call('followup.create', {
      personId: a.id,
      group: 'mental_health',
      level: '3',
      responsibleStaffId: staffId,
      villageId,
      startDate: '2024-05-01',
      facts: { diagnosis: '精神分裂症', guardianName: '张母', guardianRelation: '母子' },
    });
    t.call('followup.create', { personId: b.id, group: 'cult', level: 'yellow', responsibleStaffId: staffId, startDate: '2024-06-01' });
    const moved = t.call('followup.create', {
      personId: c.id,
      group: 'other',
      groupName: '独居老人',
      level: 'green',
      responsibleStaffId: other,
      startDate: '2024-06-01',
    });
    t.call('followup.end', { id: moved.id, status: 'moved', endDate: '2024-06-10', endReason: '随子女迁居' });

    const file = await t.callAsync('followup.exportLedger', { responsibleStaffId: staffId });
    const s = await open(file);
    expect(file.fileName).toBe('高寨乡重点人员台账_2024-06-15.xlsx');
    expect(s.title).toBe('高寨乡重点人员台账');
    expect(s.subtitle).toBe('筛选条件：包保责任人：王调解　导出日期：2024年6月15日');
    expect(s.header).toEqual([
      '序号',
      '姓名',
      '公民身份号码',
      '类别',
      '风险/关注等级',
      '管控状态',
      '村（社区）',
      '包保责任人',
      '建档日期',
      '状态',
      '下次走访/到期日',
      '是否逾期',
    ]);
    // The list's own order (next due date first) and exactly its rows
    const list = t.call('followup.list', { responsibleStaffId: staffId });
    expect(s.rows.map((r) => r[1])).toEqual(list.rows.map((r) => r.personName));
    expect(s.rows).toEqual([
      [
        1,
        '张三',
        maskIdNumber(a.idNumber!),
        '严重精神障碍患者',
        '3级',
        '需管控',
        '东村',
        '王调解',
        day('2024-05-01'),
        '在管',
        day(mental.nextDueDate!),
        '是',
      ],
      [2, '李四', null, '邪教人员', '黄色（一般关注）', '需管控', null, '王调解', day('2024-06-01'), '在管', day('2024-06-30'), '否'],
    ]);
    expect(mental.nextDueDate).toBe('2024-05-15');

    const ended = await open(await t.callAsync('followup.exportLedger', { status: 'moved' }));
    expect(ended.subtitle).toBe('筛选条件：状态：迁出　导出日期：2024年6月15日');
    expect(s.totals).toEqual(['合计', `共 ${list.rows.length} 人`, ...Array(s.header.length - 2).fill(null)]);
    expect(ended.rows).toEqual([
      [1, '王五', null, '独居老人', '绿色（日常关注）', '需管控', null, '李网格', day('2024-06-01'), '迁出', null, '否'],
    ]);
    expect((await open(await t.callAsync('followup.exportLedger', { overdue: true }))).rows.map((r) => r[1])).toEqual(['张三']);

    const row = t.ledger.db
      .prepare("SELECT entity_id AS ledger, after FROM audit_log WHERE entity = 'ledger' ORDER BY rowid LIMIT 1")
      .get() as { ledger: string; after: string };
    expect(row.ledger).toBe('followup');
    expect(JSON.parse(row.after)).toMatchObject({ 条数: 2, 筛选: { responsibleStaffId: staffId } });
    // @ts-expect-error an export takes no page size: the host refuses it as the type does
    await expect(t.callAsync('followup.exportLedger', { pageSize: 10 })).rejects.toMatchObject({ wire: { code: 'VALIDATION' } });
  });

  it('writes the columns chosen on screen, in their order', async () => {
    t.call('followup.create', { personId: b.id, group: 'cult', level: 'yellow', responsibleStaffId: staffId, startDate: '2024-06-01' });
    const s = await open(await t.callAsync('followup.exportLedger', { columns: ['nextDueDate', 'name', 'overdue'] }));
    expect(s.header).toEqual(['序号', '下次走访/到期日', '姓名', '是否逾期']);
    expect(s.rows).toEqual([[1, day('2024-06-30'), '李四', '否']]);
    await expect(t.callAsync('followup.exportLedger', { columns: ['name', 'caseNo'] as never })).rejects.toMatchObject({
      wire: { code: 'VALIDATION', message: '填写的内容有误：台账中没有“caseNo”这一列，请重新设置列' },
    });
  });
});

describe('人员库', () => {
  it('exports the registry in name order with the ID masked and the phone as text, or just what a search found', async () => {
    t.call('persons.create', { name: '王五', phone: '13800138000', villageId });
    const all = await open(await t.callAsync('persons.exportLedger', {}));
    expect(all.title).toBe('高寨乡人员库');
    expect(all.header).toEqual(['序号', '姓名', '性别', '公民身份号码', '出生日期', '联系电话', '村（社区）']);
    expect(all.rows.map((r) => r[1])).toEqual(['李四', '王五', '张三']);
    expect(all.rows[2]![3]).toBe(maskIdNumber(a.idNumber!));
    expect(all.rows[1]!.slice(5)).toEqual(['13800138000', '东村']);
    const found = await open(await t.callAsync('persons.exportLedger', { q: '张', columns: ['name', 'idNumber'] }));
    expect(found.header).toEqual(['序号', '姓名', '公民身份号码']);
    expect(found.rows.map((r) => r[1])).toEqual(['张三']);
    expect(found.subtitle).toContain('查找“张”');
  });

  it('reads a large registry a chunk at a time: every person once, in name order', async () => {
    t.ledger.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1234)
         INSERT INTO person (id, name, name_pinyin, name_initials, created_at, updated_at)
         SELECT printf('bulk%022d', i), printf('批量%04d', i), printf('pl%04d', i), 'pl', '', '' FROM n`,
      )
      .run();
    const s = await open(await t.callAsync('persons.exportLedger', { columns: ['name'] }));
    expect(s.rows).toHaveLength(1236);
    expect(s.rows.slice(1, 4).map((r) => r[1])).toEqual(['批量0001', '批量0002', '批量0003']);
    expect(new Set(s.rows.map((r) => r[1])).size).toBe(1236);
    expect(s.totals[1]).toBe('共 1236 人');
  });
});
