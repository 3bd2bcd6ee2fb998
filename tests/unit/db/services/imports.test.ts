import ExcelJS from 'exceljs';
import { readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupFolder } from '../../../../db/backup/backup';
import { invokeAsync } from '../../../../db/router';
import { verifyAuditChain } from '../../../../db/services/audit';
import { creditCheckChar } from '../../../../shared/domain/credit-code';
import type { Input, Output } from '../../../../shared/contract';
import type { ModuleName } from '../../../../shared/modules';
import { DISPUTE_COLUMN_KEYS } from '../../../../shared/schemas/disputes';
import { FOLLOWUP_COLUMN_KEYS } from '../../../../shared/schemas/followup';
import { MEDIATION_COLUMN_KEYS } from '../../../../shared/schemas/mediation';
import { encodeGb18030 } from '../../../helpers/gb18030';
import { makeIdNumber, openTestLedger, type TestLedger } from '../../../helpers/test-db';

let t: TestLedger;
beforeEach(() => {
  t = openTestLedger();
  t.call('villages.addMany', { names: ['东村', '西村'] });
});
afterEach(() => t.close());

const GOOD_ID = makeIdNumber('110105', '1980-01-01', '123');
const BAD_ID = `${GOOD_ID.slice(0, 17)}${GOOD_ID[17] === '1' ? '2' : '1'}`;

/** A ledger as offices keep them: a merged title, a blank row, two header rows, mixed dates, a 合计 row. */
async function messyWorkbook(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2020年台账');
  ws.getCell('A1').value = '高寨乡矛盾纠纷排查调处台账（2020年）';
  ws.mergeCells('A1:J1');
  const top = ['序号', '登记日期', '纠纷类型', '所属村(社区)', '申请人', '申请人', '被申请人', '纠纷简要情况', '调处结果', '办结日期'];
  top.forEach((h, i) => {
    ws.getRow(3).getCell(i + 1).value = h;
  });
  ws.mergeCells('E3:F3');
  for (const col of ['A', 'B', 'C', 'D', 'G', 'H', 'I', 'J']) ws.mergeCells(`${col}3:${col}4`);
  ws.getCell('E4').value = '姓名';
  ws.getCell('F4').value = '身份证号';
  const rows: unknown[][] = [
    [1, 43895, '婚姻家庭纠纷', '东村', '张三', GOOD_ID, '李四', '夫妻因赡养老人争执', '调解成功', '2020.3.20'],
    [],
    [2, '2020年4月1日', '土地纠纷', '西村', '王五', BAD_ID, '赵六', '承包地边界争议', '化解', new Date('2020-04-10T00:00:00Z')],
    [3, new Date('2020-05-06T00:00:00Z'), '邻里纠纷', '东村', '孙七', '', '周八', '排水沟', '未化解', '2020-05-20'],
    [4, '2024-06-01', '邻里纠纷', '', '吴九', '', '郑十', '尚在调解', '', ''],
    ['合计', '共 4 件'],
  ];
  rows.forEach((r, i) => {
    r.forEach((v, c) => {
      ws.getRow(5 + i).getCell(c + 1).value = v as ExcelJS.CellValue;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

async function read(base64: string, fileName = '2020年台账.xlsx', module: ModuleName = 'disputes') {
  return t.callAsync('import.read', { module, fileName, base64 });
}

const checkOf = (table: Output<'import.read'>, extra: Partial<Input<'import.run'>> = {}): Input<'import.run'> => ({
  module: table.module,
  fileName: table.fileName,
  headers: table.headers,
  mapping: table.mapping,
  valueMap: table.valueMap,
  rows: table.rows,
  ...extra,
});

describe('reading a messy ledger', () => {
  it('finds the headers under the title, joins the two header rows, guesses the columns and passes blank and 合计 rows', async () => {
    const table = await read(await messyWorkbook());
    expect(table.headerRow).toBe(3);
    expect(table.headers).toEqual([
      '序号',
      '登记日期',
      '纠纷类型',
      '所属村(社区)',
      '申请人姓名',
      '申请人身份证号',
      '被申请人',
      '纠纷简要情况',
      '调处结果',
      '办结日期',
    ]);
    expect(table.mapping).toEqual([
      'originalNo',
      'intakeDate',
      'category',
      'villageId',
      'applicants',
      'applicantIds',
      'respondents',
      'summary',
      'outcome',
      'closedDate',
    ]);
    expect(table.rows.map((r) => r.row)).toEqual([5, 7, 8, 9]);
    expect(table.blankRows).toBe(2);
    expect(table.rows[0]!.cells[1]).toBe('43895');
    expect(table.remembered).toBe(false);
  });

  it('reports each row: the serial and text dates read, the bad ID number and the unknown category flagged', async () => {
    const table = await read(await messyWorkbook());
    const report = t.call('import.check', checkOf(table));
    const byRow = Object.fromEntries(report.rows.map((r) => [r.row, r]));
    expect(byRow[5]!.state).toBe('ok');
    expect(byRow[5]!.summary).toContain('2020-03-05');
    expect(byRow[7]!.state).toBe('error');
    expect(byRow[7]!.messages.map((m) => m.text).join()).toContain('纠纷类型“土地纠纷”不在本台账的选项中');
    expect(byRow[8]!.state).toBe('ok');
    expect(byRow[9]!.state).toBe('ok');
    expect(report.unknown).toEqual([expect.objectContaining({ field: 'category', value: '土地纠纷', count: 1 })]);
    // Nothing was written by the check.
    expect(t.call('disputes.list', {}).total).toBe(0);
    expect(t.call('persons.list', {}).total).toBe(0);

    // The unknown category mapped: the ID number's checksum is the row's one error left.
    const mapped = t.call('import.check', checkOf(table, { valueMap: { category: { 土地纠纷: '07' } } }));
    const row7 = mapped.rows.find((r) => r.row === 7)!;
    expect(row7.state).toBe('error');
    expect(row7.messages.map((m) => m.text).join()).toContain('校验位不正确');
  });

  it('imports history as history: closed on its day, no overdue item, the 序号 kept; the rows with errors fixed or skipped', async () => {
    const table = await read(await messyWorkbook());
    const refused = t.raw('import.run', checkOf(table));
    expect(refused.ok).toBe(false);
    expect(t.call('disputes.list', {}).total).toBe(0);

    // Row 7: its ID number fixed in the preview, its category mapped; the rest as read.
    const rows = table.rows.map((r) =>
      r.row === 7 ? { ...r, cells: r.cells.map((c, i) => (i === 5 ? makeIdNumber('110105', '1980-01-01', '125') : c)) } : r,
    );
    const dry = t.call('import.run', checkOf(table, { rows, valueMap: { category: { 土地纠纷: '07' } }, dryRun: true }));
    expect(dry.dryRun).toBe(true);
    expect(dry.imported).toBe(4);
    expect(t.call('disputes.list', {}).total).toBe(0);

    const done = t.call('import.run', checkOf(table, { rows, valueMap: { category: { 土地纠纷: '07' } } }));
    expect(done.imported).toBe(4);
    expect(done.backupFile).toMatch(/\.db$/);
    expect(readdirSync(backupFolder(t.path)).some((f) => f === done.backupFile)).toBe(true);
    const list = t.call('disputes.list', { sort: 'intakeDate', dir: 'asc' });
    expect(list.rows.map((d) => [d.intakeDate, d.status, d.outcome, d.closedDate, d.overdue])).toEqual([
      ['2020-03-05', 'closed', 'resolved', '2020-03-20', false],
      ['2020-04-01', 'closed', 'resolved', '2020-04-10', false],
      ['2020-05-06', 'closed', 'unresolved', '2020-05-20', false],
      ['2024-06-01', 'registered', null, null, false],
    ]);
    const dash = t.call('obligations.dashboard', {});
    expect(dash.overdueTotal).toBe(0);
    const first = t.call('disputes.get', { id: list.rows[0]!.id });
    expect(first.parties.map((p) => [p.name, p.role, p.idNumber])).toEqual([
      ['张三', 'applicant', GOOD_ID],
      ['李四', 'respondent', null],
    ]);
    expect(first.history.map((h) => [h.to, h.date])).toEqual([
      ['registered', '2020-03-05'],
      ['accepted', '2020-03-05'],
      ['mediating', '2020-03-05'],
      ['resolved', '2020-03-20'],
      ['closed', '2020-03-20'],
    ]);
    const original = t.ledger.db.prepare("SELECT original_no AS no FROM import_item WHERE entity = 'dispute' ORDER BY row_no").all() as {
      no: string;
    }[];
    expect(original.map((o) => o.no)).toEqual(['1', '2', '3', '4']);
    expect(verifyAuditChain(t.ctx())).toBeNull();

    // The same file again: every row a duplicate, nothing written twice; the mapping remembered.
    const again = await read(await messyWorkbook());
    expect(again.remembered).toBe(true);
    expect(again.valueMap).toEqual({ category: { 土地纠纷: '07' } });
    const twice = t.call('import.check', checkOf(again, { rows }));
    expect(twice.counts.duplicate).toBe(4);
  });

  it('undoes a batch: its disputes and the persons made for them go to the recycle bin, once', async () => {
    const table = await read(await messyWorkbook());
    const done = t.call('import.run', checkOf(table, { skip: [7] }));
    expect(done.imported).toBe(3);
    expect(done.report.counts.skipped).toBe(1);
    const [batch] = t.call('import.batches', {});
    expect(batch).toMatchObject({ id: done.batchId, importedCount: 3, skippedCount: 1, undoneAt: null, records: 9 });
    t.call('import.undo', { id: done.batchId! });
    expect(t.call('disputes.list', {}).total).toBe(0);
    expect(t.call('persons.list', {}).total).toBe(0);
    expect(t.call('disputes.list', { deleted: true }).total).toBe(3);
    expect(t.raw('import.undo', { id: done.batchId! }).ok).toBe(false);
  });

  it('keeps a person the batch added when a record made since still names them', async () => {
    const table = await read(await messyWorkbook());
    const done = t.call('import.run', checkOf(table, { skip: [7] }));
    const persons = t.call('persons.list', {}).rows;
    expect(persons.length).toBeGreaterThan(1);
    const [named, ...others] = persons;
    // A special-group file opened by hand for one of the imported persons.
    t.call('followup.create', {
      personId: named!.id,
      group: 'cult',
      level: 'yellow',
      responsibleStaffId: t.call('staff.list', {})[0]!.id,
      startDate: '2024-06-01',
    });
    t.call('import.undo', { id: done.batchId! });
    expect(t.call('disputes.list', {}).total).toBe(0);
    expect(t.call('persons.list', {}).rows.map((p) => p.id)).toEqual([named!.id]);
    expect(t.call('persons.list', { deleted: true }).total).toBe(others.length);
    expect(t.call('followup.list', {}).total).toBe(1);
  });

  it('asks again before undoing a batch whose records were changed since', async () => {
    const table = await read(await messyWorkbook());
    const done = t.call('import.run', checkOf(table, { skip: [7] }));
    const later = t.onDay('2024-06-16');
    const d = t.call('disputes.list', { sort: 'intakeDate', dir: 'asc' }).rows[2]!;
    const full = t.call('disputes.get', { id: d.id });
    later.call('disputes.update', {
      id: d.id,
      intakeDate: full.intakeDate,
      source: full.source,
      category: full.category,
      summary: '补记了情况',
      parties: full.parties.map((p) => ({ personId: p.personId, role: p.role })),
    });
    const refused = t.raw('import.undo', { id: done.batchId! });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toContain('1 条在导入后被修改过');
    t.call('import.undo', { id: done.batchId!, force: true });
    expect(t.call('disputes.list', {}).total).toBe(0);
  });
});

describe('CSV', () => {
  const csv = [
    '序号,登记日期,纠纷类型,申请人,身份证号,被申请人,简要情况,化解结果,办结日期',
    `1,2020/3/5,邻里纠纷,张三,${GOOD_ID},李四,"排水沟堵塞，""多次""争执",化解,2020/3/9`,
    ',,,,,,,,',
    '2,43900,婚姻家庭纠纷,王五,,赵六,离婚财产,未化解,2020-03-30',
  ].join('\r\n');

  it('reads GB18030, as Excel and WPS save it on a Chinese Windows', async () => {
    const table = await read(encodeGb18030(csv).toString('base64'), '台账.csv');
    expect(table.encoding).toBe('gb18030');
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0]!.cells[6]).toBe('排水沟堵塞，"多次"争执');
    const report = t.call('import.check', checkOf(table));
    expect(report.counts).toMatchObject({ ok: 2, error: 0 });
  });

  it('reads UTF-8 with and without a BOM', async () => {
    for (const bytes of [Buffer.from(csv, 'utf8'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')])]) {
      const table = await read(bytes.toString('base64'), '台账.csv');
      expect(table.encoding).toBe('utf-8');
      expect(table.headers[0]).toBe('序号');
      expect(table.rows[1]!.cells[1]).toBe('43900');
    }
  });
});

describe('round trip', () => {
  it('re-imports the register’s own export (every column) into another ledger as it was', async () => {
    const staff = t.call('staff.list', {})[0]!;
    const villages = t.call('villages.list', {});
    const a = t.call('persons.create', { name: '张三', phone: '13800138000' });
    const b = t.call('persons.create', { name: '李四' });
    const d1 = t.call('disputes.create', {
      intakeDate: '2024-03-01',
      source: 'visit',
      category: '02',
      summary: '=HYPERLINK("x") 排水沟',
      villageId: villages[0]!.id,
      parties: [
        { personId: a.id, role: 'applicant' },
        { personId: b.id, role: 'respondent' },
      ],
      peopleCount: 3,
      amountYuan: 1200.5,
      riskLevel: 'medium',
      responsibleStaffId: staff.id,
    });
    t.call('disputes.changeStatus', { id: d1.id, to: 'accepted', date: '2024-03-02' });
    t.call('disputes.changeStatus', { id: d1.id, to: 'mediating', date: '2024-03-02' });
    t.call('disputes.changeStatus', { id: d1.id, to: 'resolved', date: '2024-03-10' });
    t.call('disputes.changeStatus', { id: d1.id, to: 'closed', date: '2024-03-10' });
    t.call('disputes.create', {
      intakeDate: '2024-06-10',
      source: 'call',
      category: '01',
      summary: '尚未处理',
      parties: [{ personId: b.id, role: 'applicant' }],
    });
    // Every column the register can be exported with.
    const file = await t.callAsync('disputes.exportLedger', { columns: [...DISPUTE_COLUMN_KEYS] });
    const before = t.call('disputes.list', { sort: 'intakeDate', dir: 'asc' }).rows;

    const other = openTestLedger();
    try {
      other.call('villages.addMany', { names: ['东村', '西村'] });
      const table = await other.callAsync('import.read', { module: 'disputes', fileName: file.fileName, base64: file.base64 });
      expect(table.headerRow).toBe(3);
      const done = other.call('import.run', checkOf(table));
      expect(done.report.counts).toMatchObject({ error: 0, duplicate: 0 });
      expect(done.imported).toBe(2);
      const after = other.call('disputes.list', { sort: 'intakeDate', dir: 'asc' }).rows;
      const shape = (rows: typeof before) => rows.map(({ id: _id, deletedAt: _d, ...r }) => r);
      expect(shape(after)).toEqual(shape(before));
    } finally {
      other.close();
    }
  });
});

describe('history owes nothing today', () => {
  it('891 disputes closed in 2020 put nothing on the dashboard, and keep their 序号', async () => {
    const lines = ['序号,登记日期,纠纷类型,申请人,被申请人,调处结果,办结日期'];
    for (let i = 1; i <= 891; i++) {
      const day = 1 + (i % 28);
      const month = 1 + (i % 12);
      lines.push(
        `${i},2020-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')},邻里纠纷,甲${i},乙${i},化解,2020-${String(month).padStart(2, '0')}-${String(Math.min(day + 2, 28)).padStart(2, '0')}`,
      );
    }
    const table = await read(Buffer.from(lines.join('\n')).toString('base64'), '2020.csv');
    const done = t.call('import.run', checkOf(table));
    expect(done.imported).toBe(891);
    const dash = t.call('obligations.dashboard', {});
    expect(dash.overdueTotal).toBe(0);
    expect(dash.dueSoonTotal).toBe(0);
    expect(t.call('disputes.list', { overdue: true }).total).toBe(0);
    expect(t.call('disputes.list', { status: ['closed'] }).total).toBe(891);
  });

  it('special-group files opened years ago owe nothing before the import; an ended file is ended on its day', async () => {
    const csv = [
      '序号,姓名,身份证号,人员类别,关注等级,建档日期,诊断,监护人,与患者关系,状态,解除日期',
      `1,钱一,${GOOD_ID},邪教人员,黄色,2020-01-01,,,,在册,`,
      '2,钱二,,严重精神障碍患者,3级,2023.3.1,精神分裂症,钱父,父子,,',
      '3,钱三,,重点信访人员,红,2019年5月1日,,,,解除,2021-05-01',
    ].join('\n');
    const table = await read(Buffer.from(csv).toString('base64'), '重点人员.csv', 'followup');
    expect(table.mapping).toEqual([
      'originalNo',
      'name',
      'idNumber',
      'group',
      'level',
      'startDate',
      'diagnosis',
      'guardianName',
      'guardianRelation',
      'status',
      'endDate',
    ]);
    const check = t.call('import.check', checkOf(table));
    expect(check.rows.flatMap((r) => r.messages.filter((m) => m.level === 'error').map((m) => `${r.row}: ${m.text}`))).toEqual([]);
    const done = t.call('import.run', checkOf(table));
    expect(done.imported).toBe(3);
    const dash = t.call('obligations.dashboard', {});
    expect(dash.overdueTotal).toBe(0);
    const files = t.call('followup.list', {}).rows;
    const cult = files.find((f) => f.personName === '钱一')!;
    const full = t.call('followup.get', { id: cult.id });
    expect(full.startDate).toBe('2020-01-01');
    const states = new Set(full.dueItems.filter((i) => i.dueDate < '2024-06-15').map((i) => i.state));
    expect([...states]).toEqual(['waived']);
    // This month's visit is still owed.
    expect(full.dueItems.some((i) => i.dueDate >= '2024-06-15' && i.state !== 'waived')).toBe(true);
    const ended = t.call('followup.list', { status: 'released' }).rows;
    expect(ended.map((f) => f.personName)).toEqual(['钱三']);
    t.call('import.undo', { id: done.batchId! });
    expect(t.call('followup.list', {}).total).toBe(0);
  });
});

describe('persons', () => {
  it('imports the registry’s own export: everything but the masked ID number, which is said', async () => {
    const village = t.call('villages.list', {})[0]!;
    t.call('persons.create', { name: '张三', idNumber: GOOD_ID, phone: '13800138000', villageId: village.id });
    t.call('persons.create', { name: '李四', phone: '0371-12345678' });
    const file = await t.callAsync('persons.exportLedger', {});
    const before = t.call('persons.list', {}).rows.map(({ id: _i, idNumber: _n, deletedAt: _d, villageId: _v, ...p }) => p);

    const other = openTestLedger();
    try {
      other.call('villages.addMany', { names: ['东村', '西村'] });
      const table = await other.callAsync('import.read', { module: 'persons', fileName: file.fileName, base64: file.base64 });
      const done = other.call('import.run', checkOf(table));
      expect(done.imported).toBe(2);
      const zhang = done.report.rows.find((r) => r.summary.startsWith('张三'))!;
      expect(zhang.messages.map((m) => m.text).join()).toContain('已打码');
      const after = other.call('persons.list', {}).rows.map(({ id: _i, idNumber: _n, deletedAt: _d, villageId: _v, ...p }) => p);
      // The sex and birth date the ID number gave are exported and come back; the number itself does not.
      expect(after).toEqual(before);
    } finally {
      other.close();
    }
  });

  it('reports a person whose ID number is already in the registry as a duplicate, and a bad one as an error', async () => {
    t.call('persons.create', { name: '张三', idNumber: GOOD_ID });
    const csv = ['姓名,身份证号,电话', `张三,${GOOD_ID},`, `王五,${BAD_ID},`, '赵六,,12345'].join('\n');
    const table = await read(Buffer.from(csv).toString('base64'), '人员.csv', 'persons');
    const report = t.call('import.check', checkOf(table));
    expect(report.rows.map((r) => r.state)).toEqual(['duplicate', 'error', 'error']);
    expect(report.rows[0]!.messages[0]!.text).toContain('身份证号已在人员库中（张三）');
    expect(report.rows[2]!.messages.map((m) => m.text).join()).toContain('联系电话');
  });
});

describe('mediation cases', () => {
  it('enters closed cases as history: an agreement for a success, nothing owed before today, no 回访 on the dashboard', async () => {
    const csv = [
      '序号,卷宗号,受理日期,纠纷类型,申请人,被申请人,纠纷简要情况,调解员,调解结果,结案日期,告知途径,协议内容,履行情况',
      '1,（2020）高调字第015号,2020-03-01,邻里纠纷,甲一,乙一,排水沟,王调解,调解成功,2020-03-10,,甲一疏通排水沟,已履行',
      '2,,2020-04-01,合同纠纷,甲二,乙二,欠款,,调解成功,2020-04-05,,,',
      '3,,2020-05-01,婚姻家庭纠纷,甲三,乙三,赡养,,调解不成,2020-05-20,诉讼,,',
      '4,,2020-06-01,婚姻家庭纠纷,甲四,乙四,离婚,,调解不成,2020-06-20,,,',
      '5,,2020-07-01,邻里纠纷,甲五,乙五,宅基地,,终止,2020-07-20,,,',
    ].join('\n');
    const table = await read(Buffer.from(csv).toString('base64'), '调解.csv', 'mediation');
    const report = t.call('import.check', checkOf(table));
    expect(report.rows.map((r) => r.state)).toEqual(['ok', 'warning', 'ok', 'error', 'error']);
    expect(report.rows[3]!.messages[0]!.text).toContain('告知当事人的途径');
    // Ended without saying how (终止情形): the rule the screen follows says what is missing.
    expect(report.rows[4]!.messages.map((m) => m.text).join()).toContain('请选择终止调解的原因');
    const done = t.call('import.run', checkOf(table, { skip: [5, 6] }));
    expect(done.imported).toBe(3);
    const dash = t.call('obligations.dashboard', {});
    expect(dash.overdueTotal).toBe(0);
    const cases = t.call('mediation.list', { sort: 'acceptedDate', dir: 'asc' }).rows;
    expect(cases.map((c) => [c.acceptedDate, c.outcome, c.closedDate])).toEqual([
      ['2020-03-01', 'success', '2020-03-10'],
      ['2020-04-01', 'success', '2020-04-05'],
      ['2020-05-01', 'failure', '2020-05-20'],
    ]);
    const first = t.call('mediation.get', { id: cases[0]!.id });
    expect(first.agreement?.content).toBe('甲一疏通排水沟');
    // The old 卷宗号 is kept; the next case of 2020 is numbered after it.
    expect(first.caseNo).toBe('（2020）高调字第015号');
    expect(t.call('mediation.get', { id: cases[1]!.id }).caseNo).toMatch(/第0*16号/);
  });
});

describe('special-group round trip', () => {
  it('re-imports the special-group ledger’s own export (every column) as it was, owing nothing before the import', async () => {
    const staff = t.call('staff.list', {})[0]!;
    const village = t.call('villages.list', {})[0]!;
    const files: Input<'followup.create'>[] = [
      { group: 'cult', level: 'yellow', control: 'to_transform', startDate: '2024-05-01', facts: { transformStatus: '转化中' } },
      { group: 'petition', level: 'red', control: 'registered', startDate: '2023-01-10' },
      { group: 'left_behind_child', level: 'green', startDate: '2024-06-01', villageId: village.id },
    ].map(
      (f, i) =>
        ({ personId: t.call('persons.create', { name: `对象${i}` }).id, responsibleStaffId: staff.id, ...f }) as Input<'followup.create'>,
    );
    for (const f of files) t.call('followup.create', f);
    const file = await t.callAsync('followup.exportLedger', { columns: [...FOLLOWUP_COLUMN_KEYS] });
    const shape = (rows: Output<'followup.list'>['rows']) =>
      rows
        .map(({ id: _i, personId: _p, deletedAt: _d, nextDueDate: _n, overdue: _o, ...r }) => r)
        .sort((a, b) => a.personName.localeCompare(b.personName));
    const before = shape(t.call('followup.list', {}).rows);

    const other = openTestLedger();
    try {
      other.call('villages.addMany', { names: ['东村', '西村'] });
      const table = await other.callAsync('import.read', { module: 'followup', fileName: file.fileName, base64: file.base64 });
      const check = other.call('import.check', checkOf(table));
      expect(check.rows.flatMap((r) => r.messages.filter((m) => m.level === 'error').map((m) => `${r.row}: ${m.text}`))).toEqual([]);
      const done = other.call('import.run', checkOf(table));
      expect(done.imported).toBe(3);
      expect(shape(other.call('followup.list', {}).rows)).toEqual(before);
      expect(other.call('obligations.dashboard', {}).overdueTotal).toBe(0);
    } finally {
      other.close();
    }
  });
});

describe('assistance files', () => {
  it('people released years ago owe nothing before the import; an ended file is ended on its day', async () => {
    const csv = [
      '序号,姓名,身份证号,罪名,原判刑罚,释放类型,释放日期,类别,结束原因,结束日期',
      `1,孙一,${GOOD_ID},盗窃罪,有期徒刑二年,刑满释放,2021-03-01,重点,,`,
      '2,孙二,,诈骗罪,有期徒刑一年,,2019.5.1,,帮教期满,2024-05-01',
      '3,孙三,,,有期徒刑一年,,2022-01-01,,,',
    ].join('\n');
    const table = await read(Buffer.from(csv).toString('base64'), '帮教.csv', 'assistance');
    const report = t.call('import.check', checkOf(table));
    expect(report.rows.map((r) => r.state)).toEqual(['ok', 'ok', 'error']);
    expect(report.rows[2]!.messages.map((m) => m.text).join()).toContain('罪名');
    const done = t.call('import.run', checkOf(table, { skip: [4] }));
    expect(done.imported).toBe(2);
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(0);
    const files = t.call('assistance.list', {}).rows;
    expect(files.map((f) => [f.personName, f.releaseDate, f.level]).sort()).toEqual([
      ['孙一', '2021-03-01', 'high'],
      ['孙二', '2019-05-01', 'normal'],
    ]);
  });
});

describe('correction files', () => {
  it('a person in correction since 2023 owes nothing before the import; a term already ended goes to 安置帮教 instead', async () => {
    const csv = [
      '序号,姓名,身份证号,矫正类别,罪名,刑种,刑期,决定机关,文书文号,生效日期,矫正起日,矫正止日,管理等级',
      `1,周一,${GOOD_ID},缓刑,盗窃罪,有期徒刑,一年,某某县人民法院,（2022）某刑初1号,2022-12-20,2023-01-01,2025-06-30,严管`,
      '2,周二,,假释,诈骗罪,有期徒刑,三年,某某市中级人民法院,（2020）某刑更2号,2020-05-01,2020-05-10,2022-05-09,',
    ].join('\n');
    const table = await read(Buffer.from(csv).toString('base64'), '矫正.csv', 'correction');
    const report = t.call('import.check', checkOf(table));
    expect(report.rows.map((r) => r.state)).toEqual(['ok', 'error']);
    expect(report.rows[1]!.messages[0]!.text).toContain('请导入到安置帮教');
    const done = t.call('import.run', checkOf(table, { skip: [3] }));
    expect(done.imported).toBe(1);
    expect(t.call('obligations.dashboard', {}).overdueTotal).toBe(0);
    const files = t.call('correction.list', {}).rows;
    expect(files.map((f) => [f.personName, f.termStart, f.termEnd, f.level])).toEqual([['周一', '2023-01-01', '2025-06-30', 'strict']]);
  });
});

describe('an ID number Excel kept as a number', () => {
  it('says that its last digits were lost and what to do', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    ws.addRow(['姓名', '身份证号']);
    ws.addRow(['张三', Number(makeIdNumber('110105', '1980-01-01', '456').slice(0, 15)) * 1000]);
    const table = await read(Buffer.from(await wb.xlsx.writeBuffer()).toString('base64'), '人员.xlsx', 'persons');
    const report = t.call('import.check', checkOf(table));
    expect(report.rows[0]!.state).toBe('error');
    expect(report.rows[0]!.messages[0]!.text).toContain('被 Excel 存成了数字');
  });
});

describe('a party that is a 单位', () => {
  it('is registered as an organisation by its name or its 统一社会信用代码, found again by either; a 身份证号 stays a person’s', async () => {
    const code = `91110105MA01ABCD1${creditCheckChar('91110105MA01ABCD1')}`;
    const csv = [
      '登记日期,纠纷类型,申请人,身份证号,被申请人,简要情况',
      '2020-03-05,合同纠纷,张三,,高寨建筑有限公司,拖欠工钱',
      `2020-04-05,合同纠纷,高寨建筑有限公司,${code},李四,材料款`,
      `2020-05-05,邻里纠纷,王五,${GOOD_ID},高寨乡东村村民委员会,排水沟`,
    ].join('\n');
    const table = await read(Buffer.from(csv, 'utf8').toString('base64'), '台账.csv');
    const report = t.call('import.check', checkOf(table));
    // Open since 2020: each row is flagged as overdue, nothing else.
    expect(report.counts).toMatchObject({ warning: 3, error: 0 });
    expect(report.rows[0]!.messages.map((m) => m.text)).toContain('被申请人“高寨建筑有限公司”按单位登记');
    expect(report.rows[1]!.messages.map((m) => m.text)).toContain('申请人“高寨建筑有限公司”按单位关联人员库');
    t.call('import.run', checkOf(table));
    const kinds = t.ledger.db
      .prepare('SELECT name, kind, credit_code AS code, id_number AS id FROM person WHERE deleted_at IS NULL ORDER BY name')
      .all() as { name: string; kind: string; code: string | null; id: string | null }[];
    // The company once (the second row's code found it by its name), the committee an organisation, 王五 a person with his number.
    expect(
      kinds
        .filter((p) => p.kind === 'organisation')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['高寨乡东村村民委员会', '高寨建筑有限公司'].sort());
    expect(kinds.find((p) => p.name === '王五')).toMatchObject({ kind: 'person', id: GOOD_ID });
  });
});

describe('a workbook of one sheet a year', () => {
  it('reads the first sheet with data, lists the others, reads the one asked for, and names one that is not there', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明');
    for (const [year, name] of [
      ['2021', '张三'],
      ['2022', '王五'],
    ] as const) {
      const ws = wb.addWorksheet(`${year}年`);
      ws.addRow(['序号', '登记日期', '纠纷类型', '申请人', '被申请人', '简要情况']);
      ws.addRow([1, `${year}-03-05`, '邻里纠纷', name, '李四', '排水沟堵塞']);
    }
    const base64 = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const first = await read(base64);
    expect(first).toMatchObject({ sheetName: '2021年', sheets: ['2021年', '2022年'] });
    expect(first.rows[0]!.cells[3]).toBe('张三');
    const second = await t.callAsync('import.read', { module: 'disputes', fileName: '台账.xlsx', base64, sheet: '2022年' });
    expect(second.sheetName).toBe('2022年');
    expect(second.rows[0]!.cells[3]).toBe('王五');
    const missing = await invokeAsync(t.host, 'import.read', { module: 'disputes', fileName: '台账.xlsx', base64, sheet: '2023年' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '文件里没有名为“2023年”的工作表。' } });
  });
});

describe('mediation round trip', () => {
  it('re-imports the mediation ledger’s own export: number, dates, parties, mediators, result (ended ones too, with reason and 告知途径) and performance kept', async () => {
    const staff = t.call('staff.list', {})[0]!;
    const a = t.call('persons.create', { name: '张三' });
    const b = t.call('persons.create', { name: '李四' });
    const base: Omit<Input<'mediation.create'>, 'acceptedDate' | 'category'> = {
      origin: 'application',
      mediatingBody: 'township',
      summary: '排水沟',
      parties: [
        { personId: a.id, role: 'applicant' },
        { personId: b.id, role: 'respondent' },
      ],
      mediatorIds: [staff.id],
    };
    const done = t.call('mediation.create', { ...base, acceptedDate: '2024-05-01', category: '02', amountYuan: 800 });
    t.call('mediation.saveAgreement', {
      caseId: done.id,
      form: 'oral',
      content: '张三赔偿李四500元',
      oralDate: '2024-05-10',
      partySignatures: [],
      items: [],
      agreedAmountYuan: 500,
      performance: 'performed',
      performedDate: '2024-05-12',
    });
    t.call('mediation.close', { id: done.id, outcome: 'success', closedDate: '2024-05-10' });
    t.call('mediation.create', { ...base, acceptedDate: '2024-06-10', category: '01' });
    // Failed: the routes the parties were told of (告知途径) go out in the ledger and come back.
    const failed = t.call('mediation.create', { ...base, acceptedDate: '2024-05-20', category: '03' });
    t.call('mediation.close', {
      id: failed.id,
      outcome: 'failure',
      closedDate: '2024-06-01',
      reason: '双方分歧较大',
      guidance: ['litigation', 'arbitration'],
    });
    // Ended at a party's request: the 终止情形 and its reason come back too.
    const ended = t.call('mediation.create', { ...base, acceptedDate: '2024-05-25', category: '04' });
    t.call('mediation.close', {
      id: ended.id,
      outcome: 'terminated',
      closedDate: '2024-06-03',
      terminationReason: 'requested',
      reason: '申请人外出务工',
      guidance: ['litigation'],
    });
    const file = await t.callAsync('mediation.exportLedger', { columns: [...MEDIATION_COLUMN_KEYS] });
    const shape = (rows: Output<'mediation.list'>['rows']) =>
      rows.map(({ id: _i, deletedAt: _d, overdue: _o, performanceOverdue: _p, confirmation: _c, ...r }) => r);
    const before = shape(t.call('mediation.list', { sort: 'acceptedDate', dir: 'asc' }).rows);

    const other = openTestLedger();
    try {
      const table = await other.callAsync('import.read', { module: 'mediation', fileName: file.fileName, base64: file.base64 });
      const check = other.call('import.check', checkOf(table));
      expect(check.rows.flatMap((r) => r.messages.filter((m) => m.level === 'error').map((m) => `${r.row}: ${m.text}`))).toEqual([]);
      expect(other.call('import.run', checkOf(table)).imported).toBe(4);
      const after = shape(other.call('mediation.list', { sort: 'acceptedDate', dir: 'asc' }).rows);
      expect(after).toEqual(before);
      expect(after.find((r) => r.outcome === 'failure')).toMatchObject({ guidance: ['litigation', 'arbitration'], reason: '双方分歧较大' });
      expect(after.find((r) => r.outcome === 'terminated')).toMatchObject({
        terminationReason: 'requested',
        reason: '申请人外出务工',
        guidance: ['litigation'],
      });
    } finally {
      other.close();
    }
  });
});
