/**
 * 导入旧台账 in Chromium: a messy old dispute register (a merged title, a blank row, serial and text dates,
 * a bad ID number, a category the ledger does not know, a date no one can read) is read, its columns
 * guessed, its errors fixed (a cell corrected, a value mapped, a row skipped), tried, imported after a
 * backup, seen in the register as history (closed on its day, nothing overdue), and undone as a batch.
 */
import ExcelJS from 'exceljs';
import { makeIdNumber } from '../helpers/test-db';
import { choose, expect, shot, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const GOOD_ID = makeIdNumber('110105', '1980-01-01', '123');
const BAD_ID = `${GOOD_ID.slice(0, 17)}${GOOD_ID[17] === '1' ? '2' : '1'}`;
const FIXED_ID = makeIdNumber('110105', '1980-01-01', '125');

async function messyLedger(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('2020年');
  ws.getCell('A1').value = '高寨乡矛盾纠纷排查调处台账（2020年）';
  ws.mergeCells('A1:J1');
  const headers = [
    '序号',
    '登记日期',
    '纠纷类型',
    '所属村(社区)',
    '申请人',
    '身份证号',
    '被申请人',
    '纠纷简要情况',
    '调处结果',
    '办结日期',
  ];
  headers.forEach((h, i) => {
    ws.getRow(3).getCell(i + 1).value = h;
  });
  const rows: unknown[][] = [
    [1, 43895, '婚姻家庭纠纷', '东村', '张三', GOOD_ID, '李四', '赡养老人', '调解成功', '2020.3.20'],
    [],
    [2, '2020年4月1日', '土地纠纷', '西村', '王五', '', '赵六', '承包地边界', '化解', '2020-04-10'],
    [3, '2020-05-06', '邻里纠纷', '东村', '孙七', BAD_ID, '周八', '排水沟', '未化解', '2020-05-20'],
    [4, '2020.13.45', '邻里纠纷', '东村', '吴九', '', '郑十', '日期写错', '化解', '2020-06-01'],
  ];
  rows.forEach((r, i) => {
    r.forEach((v, c) => {
      ws.getRow(4 + i).getCell(c + 1).value = v as ExcelJS.CellValue;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('import a messy ledger, fix its errors, and undo the import', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  app.call('villages.addMany', { names: ['东村', '西村'] });

  await page.goto(`${app.url}#/import`);
  await expect(page.getByRole('heading', { name: '导入旧台账' })).toBeVisible();
  await expect(page.getByText('还没有导入过旧台账')).toBeVisible();
  await shot(page, '01-choose');
  await page.locator('input[type=file]').setInputFiles({
    name: '2020年纠纷台账.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await messyLedger(),
  });

  // The columns, guessed from the headers under the title.
  await expect(page.getByText(/表头在第 3 行，数据 4 行，跳过空行及合计行 1 行/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: '第3列“纠纷类型”导入为' })).toHaveValue('纠纷类型 *');
  await expect(page.getByRole('combobox', { name: '第9列“调处结果”导入为' })).toHaveValue('化解结果');
  await shot(page, '02-columns');
  await page.getByRole('button', { name: '下一步：检查每一行' }).click();

  // Three rows with errors: an unknown category, a bad ID number, a date no one can read.
  await expect(page.getByText('有错误 3').first()).toBeVisible();
  await expect(page.getByText('纠纷类型“土地纠纷”（1 行）')).toBeVisible();
  await expect(page.getByText('公民身份号码校验位不正确，请核对')).toBeVisible();
  await expect(page.getByText('登记日期“2020.13.45”不是可识别的日期')).toBeVisible();
  await shot(page, '03-errors');

  // The category mapped, the ID number corrected, the last row skipped.
  await choose(page, page, '纠纷类型“土地纠纷”对应', '山林土地纠纷');
  await expect(page.getByText('有错误 2').first()).toBeVisible();
  await page.locator('tr[data-row="7"]').getByRole('button', { name: '修改' }).click();
  const fix = page.getByRole('dialog', { name: '修改第 7 行' });
  await fix.getByLabel('身份证号（申请人身份证号）').fill(FIXED_ID);
  await fix.getByRole('button', { name: '保存并重新检查' }).click();
  await expect(page.getByText('有错误 1').first()).toBeVisible();
  await page.locator('tr[data-row="8"]').getByRole('button', { name: '跳过' }).click();
  await expect(page.getByText('有错误 0').first()).toBeVisible();
  await page.getByText(/^全部 \d+$/).click();
  await shot(page, '04-fixed');

  await page.getByRole('button', { name: '试导入' }).click();
  await expect(page.getByText('试导入完成（未保存任何数据）')).toBeVisible();
  await expect(page.getByText(/可以导入 3 行/)).toBeVisible();
  expect(app.call('disputes.list', {}).total).toBe(0);

  await page.getByRole('button', { name: '导入 3 行' }).click();
  await page.getByRole('dialog', { name: '导入' }).getByRole('button', { name: '备份并导入' }).click();
  await expect(page.getByText('导入完成')).toBeVisible();
  await expect(page.getByText(/已导入 3 行到矛盾纠纷登记/)).toBeVisible();
  await shot(page, '05-done');

  // History as history: closed on its day, nothing overdue.
  const list = app.call('disputes.list', { sort: 'intakeDate', dir: 'asc' });
  expect(list.rows.map((d) => [d.intakeDate, d.status, d.outcome, d.closedDate, d.overdue])).toEqual([
    ['2020-03-05', 'closed', 'resolved', '2020-03-20', false],
    ['2020-04-01', 'closed', 'resolved', '2020-04-10', false],
    ['2020-05-06', 'closed', 'unresolved', '2020-05-20', false],
  ]);
  expect(app.call('obligations.dashboard', {}).overdueTotal).toBe(0);
  await page.getByRole('link', { name: '查看矛盾纠纷登记' }).click();
  await expect(page.getByText('张三、李四')).toBeVisible();

  // Undo the batch.
  await page.getByRole('link', { name: '导入旧台账' }).click();
  const batch = page.getByRole('row').filter({ hasText: '2020年纠纷台账.xlsx' });
  await expect(batch).toContainText('3 / 1');
  await shot(page, '06-batches');
  // Each row's original 序号, beside the record it became.
  await batch.getByRole('button', { name: '明细' }).click();
  const items = page.getByRole('dialog', { name: '导入明细：2020年纠纷台账.xlsx' });
  await expect(items.getByRole('row')).toHaveCount(1 + 3 + 6);
  await expect(items.getByRole('row').filter({ hasText: '纠纷登记' }).first()).toContainText('1');
  await shot(page, '07-items');
  await page.keyboard.press('Escape');
  await expect(items).toBeHidden();
  await batch.getByRole('button', { name: '撤销导入' }).click();
  await page.getByRole('dialog', { name: '撤销导入' }).getByRole('button', { name: '撤销导入' }).click();
  await expect(batch).toContainText('撤销');
  expect(app.call('disputes.list', {}).total).toBe(0);
  expect(app.call('disputes.list', { deleted: true }).total).toBe(3);
});

test('a workbook of one sheet a year: the sheet to import is chosen', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const wb = new ExcelJS.Workbook();
  for (const [year, name] of [
    ['2021', '张三'],
    ['2022', '王五'],
  ] as const) {
    const ws = wb.addWorksheet(`${year}年`);
    ws.addRow(['序号', '登记日期', '纠纷类型', '申请人', '被申请人', '纠纷简要情况']);
    ws.addRow([1, `${year}-03-05`, '邻里纠纷', name, '李四', `${year}年的排水沟`]);
  }
  await page.goto(`${app.url}#/import`);
  await page.locator('input[type=file]').setInputFiles({
    name: '台账.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(await wb.xlsx.writeBuffer()),
  });
  await expect(page.getByText('（工作表“2021年”）')).toBeVisible();
  await expect(page.getByText('2021年的排水沟')).toBeVisible();
  await choose(page, page, '工作表', '2022年');
  await expect(page.getByText('（工作表“2022年”）')).toBeVisible();
  await expect(page.getByText('2022年的排水沟')).toBeVisible();
  await shot(page, 'sheet-chosen');
});
