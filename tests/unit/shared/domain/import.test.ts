import { describe, expect, it } from 'vitest';
import {
  excelSerialToDate,
  findHeaderRow,
  guessMapping,
  isBlankOrTotal,
  isSubHeader,
  joinHeaderRows,
  parseImportDate,
  parseImportNumber,
  splitList,
  unescapeCell,
  type ImportFieldDef,
} from '../../../../shared/domain/import';

const FIELDS: ImportFieldDef[] = [
  { key: 'no', label: '序号', synonyms: ['编号'], kind: 'text' },
  { key: 'date', label: '登记日期', synonyms: ['受理日期', '日期'], kind: 'date' },
  { key: 'village', label: '村（社区）', synonyms: ['所属村(社区)', '所属村'], kind: 'choice' },
  { key: 'applicant', label: '申请人', synonyms: ['当事人'], kind: 'text' },
  { key: 'respondent', label: '被申请人', synonyms: [], kind: 'text' },
  { key: 'applicantId', label: '申请人身份证号', synonyms: ['身份证号'], kind: 'text' },
];

describe('dates as offices write them', () => {
  it.each([
    ['2020-03-05', '2020-03-05'],
    ['2020.3.5', '2020-03-05'],
    ['2020/3/5', '2020-03-05'],
    ['2020年3月5日', '2020-03-05'],
    ['2020年03月05日', '2020-03-05'],
    [' 2020 年 3 月 5 日 ', '2020-03-05'],
    ['20200305', '2020-03-05'],
    ['43895', '2020-03-05'],
    ['43895.5', '2020-03-05'],
    ['2020-03-05T00:00:00', '2020-03-05'],
    ['2020.13.45', null],
    ['2021-02-29', null],
    ['三月五日', null],
    ['', null],
  ])('%s → %s', (raw, date) => {
    expect(parseImportDate(raw)).toBe(date);
  });

  it('counts Excel serials from 1899-12-30', () => {
    expect(excelSerialToDate(1)).toBe('1899-12-31');
    expect(excelSerialToDate(61)).toBe('1900-03-01');
    expect(excelSerialToDate(45000)).toBe('2023-03-15');
    expect(excelSerialToDate(0)).toBeNull();
  });
});

describe('numbers, lists and cells', () => {
  it.each([
    ['1,234.50', 1234.5],
    ['￥300', 300],
    ['300元', 300],
    ['5人', 5],
    ['-2', -2],
    ['三百', null],
    ['', null],
  ])('%s → %s', (raw, n) => {
    expect(parseImportNumber(raw)).toBe(n);
  });

  it('splits names on 、，,；; and line breaks', () => {
    expect(splitList('张三、李四,王五；赵六\n钱七')).toEqual(['张三', '李四', '王五', '赵六', '钱七']);
    expect(splitList('')).toEqual([]);
  });

  it('takes back the quote the exports put before a formula character, and only that', () => {
    expect(unescapeCell("'=HYPERLINK(1)")).toBe('=HYPERLINK(1)');
    expect(unescapeCell("'－5")).toBe('－5');
    expect(unescapeCell("'引号")).toBe("'引号");
  });

  it('passes blank and 合计 rows', () => {
    expect(isBlankOrTotal(['', ' ', ''])).toBe(true);
    expect(isBlankOrTotal(['合计', '共 3 件'])).toBe(true);
    expect(isBlankOrTotal(['', '总计'])).toBe(true);
    expect(isBlankOrTotal(['1', '2020-03-05'])).toBe(false);
  });
});

describe('headers', () => {
  it('guesses columns by label, synonym and bracket-less name, each field once, the longer name first', () => {
    expect(guessMapping(['序号', '登记日期', '所属村（社区）', '被申请人', '申请人', '身份证号', '备注'], FIELDS)).toEqual([
      'no',
      'date',
      'village',
      'respondent',
      'applicant',
      'applicantId',
      null,
    ]);
    expect(guessMapping(['日期', '日期'], FIELDS)).toEqual(['date', null]);
    const more: ImportFieldDef[] = [...FIELDS, { key: 'respondentId', label: '被申请人身份证号', synonyms: [], kind: 'text' }];
    expect(guessMapping(['被申请人身份证号码', '申请人姓名'], more)).toEqual(['respondentId', 'applicant']);
  });

  it('finds the header row below the title rows', () => {
    const rows = [
      ['某某乡矛盾纠纷排查台账', '', ''],
      ['', '', ''],
      ['序号', '登记日期', '申请人'],
      ['1', '2020-03-05', '张三'],
    ];
    expect(findHeaderRow(rows, FIELDS)).toBe(2);
  });

  it('joins a second header row to the merged header above it', () => {
    const top = ['序号', '申请人', '申请人', '被申请人'];
    const sub = ['序号', '姓名', '身份证号', '被申请人'];
    expect(isSubHeader(top, sub)).toBe(true);
    expect(joinHeaderRows(top, sub)).toEqual(['序号', '申请人姓名', '申请人身份证号', '被申请人']);
    expect(isSubHeader(top, ['1', '张三', '110105198001011234', '李四'])).toBe(false);
    expect(isSubHeader(['序号', '申请人'], ['', '姓名'])).toBe(false);
  });
});
