/** 走访计划表: each active file's items of the month by responsible person, from the engine; and its .xlsx. */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { maskIdNumber } from '../../../../shared/domain/id-number';
import { buildVisitPlanDocument } from '../../../../shared/documents/followup-visit-plan';
import type { FileResult } from '../../../../shared/schemas/common';
import type { VisitPlan } from '../../../../shared/schemas/followup';
import type { Person } from '../../../../shared/schemas/persons';
import { makeIdNumber, openTestLedger, type TestLedger } from '../../../helpers/test-db';
import type { Input } from '../../../../shared/contract';

let t: TestLedger;
let zhao: Person;
let qian: Person;
let sun: Person;
let wang: string; // 王调解, the operator
let li: string; // 李网格
let east: string;

beforeEach(() => {
  t = openTestLedger(); // today is 2024-06-15
  zhao = t.call('persons.create', { name: '赵大', idNumber: makeIdNumber('110105', '19800501', '123') });
  qian = t.call('persons.create', { name: '钱二' });
  sun = t.call('persons.create', { name: '孙三' });
  wang = t.call('staff.list', {})[0]!.id;
  li = t.call('staff.save', { name: '李网格' }).id;
  east = t.call('villages.save', { name: '东村' }).id;
});
afterEach(() => t.close());

/** Level 3 (unstable): every 2 weeks from the start. */
const mental = (over: Record<string, unknown> = {}) =>
  t.call('followup.create', {
    personId: zhao.id,
    group: 'mental_health',
    level: '3',
    responsibleStaffId: wang,
    villageId: east,
    startDate: '2024-06-01',
    facts: { diagnosis: '精神分裂症', guardianName: '赵母', guardianRelation: '母子' },
    ...over,
  });
/** 邪教人员: a visit every calendar month. */
const cult = (over: Record<string, unknown> = {}) =>
  t.call('followup.create', {
    personId: qian.id,
    group: 'cult',
    level: 'yellow',
    responsibleStaffId: li,
    startDate: '2024-05-01',
    ...over,
  });

const plan = (input: Input<'followup.visitPlan'>) => t.call('followup.visitPlan', input);
/** name → [date, overdue][] */
const dates = (p: VisitPlan) => p.rows.map((r) => [r.personName, r.due.map((d) => `${d.date}${d.overdue ? ' 逾期' : ''}`)]);

describe('the monthly visit plan', () => {
  it("lists each file's due dates of the month, a weekly or fortnightly cadence as every visit, by responsible person", () => {
    const m = mental();
    const c = cult();
    const june = plan({ month: '2024-06' });
    expect(june.month).toBe('2024-06');
    expect(june.today).toBe('2024-06-15');
    // 李网格 sorts before 王调解; May's monthly visit to 钱二 was never made: still owed, overdue
    expect(dates(june)).toEqual([
      ['钱二', ['2024-05-31 逾期', '2024-06-30']],
      ['赵大', ['2024-06-15', '2024-06-29']],
    ]);
    expect(june.rows[0]!.due.map((d) => d.label)).toEqual(['每月走访（2024年5月）', '每月走访（2024年6月）']);
    expect(june.rows[1]).toMatchObject({
      subjectId: m.id,
      personName: '赵大',
      idNumberMasked: maskIdNumber(zhao.idNumber!),
      group: 'mental_health',
      groupLabel: '严重精神障碍患者',
      level: '3',
      levelLabel: '3级',
      villageName: '东村',
      responsibleStaffId: wang,
      responsibleName: '王调解',
      lastVisit: null,
    });
    expect(june.rows[1]!.due[0]).toMatchObject({ label: '随访（不稳定）', ruleId: 'mh.followup', overdue: false });
    expect(june.byStaff).toEqual([
      { staffId: li, name: '李网格', subjects: 1, count: 2 },
      { staffId: wang, name: '王调解', subjects: 1, count: 2 },
    ]);

    // July: June's monthly duty is not overdue yet (it is due 06-30), May's still is
    const july = plan({ month: '2024-07' });
    expect(dates(july)).toEqual([
      ['钱二', ['2024-05-31 逾期', '2024-07-31']],
      ['赵大', ['2024-07-13', '2024-07-27']],
    ]);

    // A visit today counts for June and passes May by (漏访: no longer planned); a visit on 06-12 that raises the level to 4 makes it weekly
    t.call('followup.saveVisit', { subjectId: c.id, date: '2024-06-15', method: '上门', visitors: '李网格', findings: '在家' });
    t.call('followup.saveVisit', {
      subjectId: m.id,
      date: '2024-06-12',
      method: '上门',
      visitors: '王调解',
      findings: '平稳',
      levelAfter: '4',
    });
    const after = plan({ month: '2024-06' });
    expect(dates(after)).toEqual([['赵大', ['2024-06-19', '2024-06-26']]]);
    expect(after.rows[0]).toMatchObject({ levelLabel: '4级', lastVisit: '2024-06-12' });
  });

  it('carries an overdue visit into the plan as 逾期 and plans the next ones from today', () => {
    mental({ startDate: '2024-05-01' }); // first visit was due 05-15 and never made
    expect(dates(plan({ month: '2024-06' }))).toEqual([['赵大', ['2024-05-15 逾期', '2024-06-29']]]);
    expect(dates(plan({ month: '2024-07' }))).toEqual([['赵大', ['2024-05-15 逾期', '2024-07-13', '2024-07-27']]]);
  });

  it('filters by responsible person and village, and leaves out ended and deleted files', () => {
    mental();
    cult();
    const ended = t.call('followup.create', {
      personId: sun.id,
      group: 'petition',
      level: 'red',
      responsibleStaffId: wang,
      villageId: east,
      startDate: '2024-05-01',
    });
    expect(plan({ month: '2024-06' }).rows.map((r) => r.personName)).toEqual(['钱二', '孙三', '赵大']);
    t.call('followup.end', { id: ended.id, status: 'moved', endDate: '2024-06-10', endReason: '迁往外县' });

    expect(plan({ month: '2024-06' }).rows.map((r) => r.personName)).toEqual(['钱二', '赵大']);
    expect(plan({ month: '2024-06', responsibleStaffId: wang }).rows.map((r) => r.personName)).toEqual(['赵大']);
    expect(plan({ month: '2024-06', villageId: east }).rows.map((r) => r.personName)).toEqual(['赵大']);
    expect(plan({ month: '2024-06', responsibleStaffId: li, villageId: east }).rows).toEqual([]);
    const q = t.call('followup.list', { responsibleStaffId: li }).rows[0]!;
    t.call('followup.delete', { id: q.id });
    expect(plan({ month: '2024-06' }).rows.map((r) => r.personName)).toEqual(['赵大']);
  });

  it('refuses a malformed month and an unknown person', () => {
    expect(t.raw('followup.visitPlan', { month: '2024-13' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { month: '月份应为“年-月”，如 2024-06' } },
    });
    expect(t.raw('followup.visitPlan', { month: '2024-06', responsibleStaffId: '01HZZZZZZZZZZZZZZZZZZZZZZZ' })).toMatchObject({
      ok: false,
      error: { fields: { responsibleStaffId: '包保责任人不存在' } },
    });
  });
});

describe('the visit plan as .xlsx', () => {
  async function open(file: FileResult) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    const values = (r: number) => Array.from({ length: ws.columnCount }, (_, c) => ws.getRow(r).getCell(c + 1).value);
    const rows: unknown[][] = [];
    for (let r = 4; r <= ws.rowCount; r++) rows.push(values(r));
    return { title: ws.getCell('A1').value, subtitle: ws.getCell('A2').value, header: values(3), rows };
  }
  const day = (date: string) => new Date(`${date}T00:00:00Z`);

  it('has one row per planned visit, masked ID numbers, the month in the title and the person when filtered; the export is audited', async () => {
    mental();
    cult();
    const file = await t.callAsync('followup.exportVisitPlan', { month: '2024-07' });
    expect(file.fileName).toBe('高寨乡2024年7月重点人员走访计划表_2024-06-15.xlsx');
    const s = await open(file);
    expect(s.title).toBe('高寨乡2024年7月重点人员走访计划表');
    expect(s.subtitle).toBe('制表日期：2024年6月15日');
    expect(s.header).toEqual([
      '序号',
      '包保责任人',
      '姓名',
      '公民身份号码',
      '类别',
      '风险/关注等级',
      '村（社区）',
      '上次走访',
      '计划走访日期',
      '事项',
      '是否逾期',
      '实际走访日期',
      '走访人签名',
      '备注',
    ]);
    const masked = maskIdNumber(zhao.idNumber!);
    expect(masked).toContain('*');
    expect(s.rows).toEqual([
      [
        1,
        '李网格',
        '钱二',
        null,
        '邪教人员',
        '黄色（一般关注）',
        null,
        null,
        day('2024-05-31'),
        '每月走访（2024年5月）',
        '逾期',
        null,
        null,
        null,
      ],
      [
        2,
        '李网格',
        '钱二',
        null,
        '邪教人员',
        '黄色（一般关注）',
        null,
        null,
        day('2024-07-31'),
        '每月走访（2024年7月）',
        null,
        null,
        null,
        null,
      ],
      [3, '王调解', '赵大', masked, '严重精神障碍患者', '3级', '东村', null, day('2024-07-13'), '随访（不稳定）', null, null, null, null],
      [4, '王调解', '赵大', masked, '严重精神障碍患者', '3级', '东村', null, day('2024-07-27'), '随访（不稳定）', null, null, null, null],
    ]);
    expect(JSON.stringify(s.rows)).not.toContain(zhao.idNumber!);

    const mine = await t.callAsync('followup.exportVisitPlan', { month: '2024-06', responsibleStaffId: wang, villageId: east });
    expect(mine.fileName).toBe('高寨乡2024年6月重点人员走访计划表（王调解）_2024-06-15.xlsx');
    const m = await open(mine);
    expect(m.subtitle).toBe('包保责任人：王调解　村（社区）：东村　制表日期：2024年6月15日');
    expect(m.rows.map((r) => [r[2], r[8]])).toEqual([
      ['赵大', day('2024-06-15')],
      ['赵大', day('2024-06-29')],
    ]);

    const audit = t.ledger.db
      .prepare("SELECT entity_id AS ledger, after FROM audit_log WHERE entity = 'ledger' AND action = 'export' ORDER BY rowid")
      .all() as { ledger: string; after: string }[];
    expect(audit.map((a) => a.ledger)).toEqual(['followup_plan', 'followup_plan']);
    expect(JSON.parse(audit[1]!.after)).toMatchObject({
      条数: 2,
      筛选: { month: '2024-06', responsibleStaffId: wang },
      文件: mine.fileName,
    });
  });
});

describe('the visit plan as a printed form', () => {
  it('gives one sheet per responsible person: the month and person, a row per visit with blanks for the pen, and the signature line', () => {
    mental();
    cult();
    const doc = buildVisitPlanDocument(plan({ month: '2024-06' }), { townshipName: '高寨乡' });
    expect(doc.name).toBe('高寨乡2024年6月重点人员走访计划表');
    expect(doc.parts.map((p) => p.title)).toEqual(['高寨乡重点人员走访计划表（李网格）', '高寨乡重点人员走访计划表（王调解）']);
    const [first] = doc.parts[1]!.blocks;
    expect(first).toEqual({ kind: 'title', text: '高寨乡重点人员走访计划表' });
    expect(doc.parts[1]!.blocks[1]).toEqual({ kind: 'line', text: '2024年6月　包保责任人：王调解', align: 'center' });
    const table = doc.parts[1]!.blocks[2]!;
    if (table.kind !== 'table') throw new Error('no table');
    expect(table.rows.map((r) => r.map((c) => c.text))).toEqual([
      ['序号', '姓名', '类别', '等级', '村（社区）', '计划走访日期', '实际走访日期', '走访人签名', '备注'],
      ['1', '赵大', '严重精神障碍患者', '3级', '东村', '2024-06-15', '', '', '随访（不稳定）'],
      ['2', '赵大', '严重精神障碍患者', '3级', '东村', '2024-06-29', '', '', '随访（不稳定）'],
    ]);
    const liTable = doc.parts[0]!.blocks[2]!;
    expect(liTable.kind === 'table' && liTable.rows[1]!.map((c) => c.text)).toEqual([
      '1',
      '钱二',
      '邪教人员',
      '黄色',
      '',
      '2024-05-31',
      '',
      '',
      '每月走访（2024年5月）（逾期）',
    ]);
    expect(doc.parts[1]!.blocks[3]).toMatchObject({ kind: 'sign', label: '包保责任人（签名）：' });

    const empty = buildVisitPlanDocument(plan({ month: '2024-06', villageId: east, responsibleStaffId: li }), {
      townshipName: '高寨乡',
      staffName: '李网格',
      villageName: '东村',
    });
    expect(empty.parts).toHaveLength(1);
    expect(empty.parts[0]!.blocks[1]).toMatchObject({ text: '2024年6月　包保责任人：李网格　村（社区）：东村' });
  });
});
