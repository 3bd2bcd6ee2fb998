/**
 * 走访计划表 and the special-group ledger export: two files seeded through the API (a level-3 patient of
 * 王调解, visited every 2 weeks; a 邪教人员 file of 李网格 whose May visit was never made), seen in the
 * month's plan with their dates, filtered by person, exported to .xlsx, previewed for print; and the
 * ledger exported from the list page with the filters on screen.
 */
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { maskIdNumber } from '../../shared/domain/id-number';
import { makeIdNumber } from '../helpers/test-db';
import { E2E_TODAY, expect, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

async function choose(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

async function sheetOf(path: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  const row = (r: number) => Array.from({ length: ws.columnCount }, (_, c) => ws.getRow(r).getCell(c + 1).value);
  const rows: unknown[][] = [];
  for (let r = 4; r <= ws.rowCount; r++) rows.push(row(r));
  return { title: ws.getCell('A1').value, subtitle: ws.getCell('A2').value, header: row(3), rows };
}

/** A ledger: its rows, and the 合计 row that closes it. */
async function ledgerOf(path: string) {
  const sheet = await sheetOf(path);
  return { ...sheet, rows: sheet.rows.slice(0, -1), totals: sheet.rows.at(-1) };
}

const day = (date: string) => new Date(`${date}T00:00:00Z`);

test('the monthly visit plan: by person, filtered, exported and printed; the ledger exported with its filters', async ({ page, app }) => {
  const status = app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const wang = status.operator!.id;
  const li = app.call('staff.save', { name: '李网格' }).id;
  const east = app.call('villages.save', { name: '东村' }).id;
  const idNumber = makeIdNumber('110105', '19800501', '123');
  const zhao = app.call('persons.create', { name: '赵小明', idNumber });
  const qian = app.call('persons.create', { name: '钱二' });
  // Level 3 from 06-01: every 2 weeks → 06-15, 06-29 (then 07-13, 07-27)
  app.call('followup.create', {
    personId: zhao.id,
    group: 'mental_health',
    level: '3',
    responsibleStaffId: wang,
    villageId: east,
    startDate: '2024-06-01',
    facts: { diagnosis: '精神分裂症', guardianName: '赵大妈', guardianRelation: '母亲' },
  });
  // Monthly from 05-01, never visited: May's visit is overdue, June's is due 06-30
  app.call('followup.create', { personId: qian.id, group: 'cult', level: 'yellow', responsibleStaffId: li, startDate: '2024-05-01' });

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);
  await page.getByRole('link', { name: '重点人员' }).click();
  await expect(page.getByRole('heading', { name: '重点人员台账' })).toBeVisible();
  await page.getByRole('link', { name: '走访计划表' }).click();

  // This month by default; both files, grouped by responsible person (李 before 王)
  await expect(page.getByRole('heading', { name: '重点人员走访计划表' })).toBeVisible();
  await expect(page.getByRole('button', { name: '月份' })).toHaveText('2024年6月');
  const rows = page.getByTestId('plan-row');
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId('plan-staff')).toHaveText([/李网格\s*1 人\s*2 次/, /王调解\s*1 人\s*2 次/]);
  const qianRow = rows.filter({ hasText: '钱二' });
  await expect(qianRow.getByTestId('plan-due')).toHaveText([
    /2024-05-31.*每月走访（2024年5月）.*逾期/,
    /2024-06-30.*每月走访（2024年6月）/,
  ]);
  await expect(qianRow.getByTestId('plan-due').nth(1)).not.toContainText('逾期');
  const zhaoRow = rows.filter({ hasText: '赵小明' });
  await expect(zhaoRow).toContainText('严重精神障碍患者');
  await expect(zhaoRow).toContainText('3级');
  await expect(zhaoRow).toContainText('东村');
  await expect(zhaoRow).toContainText(maskIdNumber(idNumber));
  await expect(zhaoRow.getByTestId('plan-due')).toHaveText([/2024-06-15.*随访（不稳定）/, /2024-06-29.*随访（不稳定）/]);
  await expect(page.getByTestId('plan-summary')).toContainText('2024年6月：2 人，计划走访 4 次');
  await shot(page, '01-plan');

  // Next month: the fortnightly visits move on; May's overdue visit is still owed
  await page.getByRole('button', { name: '下个月' }).click();
  await expect(page.getByRole('button', { name: '月份' })).toHaveText('2024年7月');
  await expect(zhaoRow.getByTestId('plan-due')).toHaveText([/2024-07-13/, /2024-07-27/]);
  await expect(qianRow.getByTestId('plan-due')).toHaveText([/2024-05-31.*逾期/, /2024-07-31/]);
  await page.getByRole('button', { name: '上个月' }).click();
  await expect(page.getByRole('button', { name: '月份' })).toHaveText('2024年6月');

  // One person's plan
  await choose(page, '包保责任人', '王调解');
  await expect(rows).toHaveCount(1);
  await expect(rows).toContainText('赵小明');
  await expect(page.getByTestId('plan-staff')).toHaveCount(1);

  // …as .xlsx
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('高寨乡2024年6月重点人员走访计划表（王调解）_2024-06-15.xlsx');
  const planPath = test.info().outputPath('plan.xlsx');
  await download.saveAs(planPath);
  const plan = await sheetOf(planPath);
  expect(plan.title).toBe('高寨乡2024年6月重点人员走访计划表');
  expect(plan.subtitle).toBe('包保责任人：王调解　制表日期：2024年6月15日');
  expect(plan.rows.map((r) => [r[0], r[1], r[2], r[3], r[8], r[9]])).toEqual([
    [1, '王调解', '赵小明', maskIdNumber(idNumber), day('2024-06-15'), '随访（不稳定）'],
    [2, '王调解', '赵小明', maskIdNumber(idNumber), day('2024-06-29'), '随访（不稳定）'],
  ]);

  // …and printed: the preview is the sheet the printer gets
  await page.getByRole('button', { name: '打印', exact: true }).click();
  const preview = page.getByRole('dialog', { name: '打印预览 — 重点人员走访计划表' });
  const sheet = preview.getByTestId('doc-sheet');
  await expect(sheet).toHaveCount(1);
  await expect(sheet).toContainText('高寨乡重点人员走访计划表');
  await expect(sheet).toContainText('2024年6月　包保责任人：王调解');
  await expect(sheet.locator('tr').first()).toHaveText('序号姓名类别等级村（社区）计划走访日期实际走访日期走访人签名备注');
  await expect(sheet.locator('tr')).toHaveCount(3);
  await expect(sheet.locator('tr').nth(1)).toContainText('赵小明');
  await expect(sheet.locator('tr').nth(1)).toContainText('2024-06-15');
  await expect(sheet).toContainText('包保责任人（签名）：');
  await shot(page, '02-print-preview');
  await page.emulateMedia({ media: 'print' });
  const host = page.locator('#print-host');
  await expect(host).toBeVisible();
  await expect(host.locator('tr')).toHaveCount(3);
  await expect(host.locator('tr').nth(2)).toContainText('2024-06-29');
  await expect(preview).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('03-print-media.png') });
  await page.emulateMedia({ media: 'screen' });
  await page.keyboard.press('Escape');
  await expect(preview).toBeHidden();
  await expect(host).toHaveCount(0);

  // The ledger, exported from the list with the filters on screen
  await page.getByRole('link', { name: '← 重点人员台账' }).click();
  await expect(page.getByRole('heading', { name: '重点人员台账' })).toBeVisible();
  await page.getByRole('button', { name: /^更多筛选/ }).click();
  await choose(page, '包保责任人', '李网格');
  await expect(page.getByRole('row')).toHaveCount(2); // the header and 钱二
  const ledgerDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  const ledger = await ledgerDownload;
  expect(ledger.suggestedFilename()).toBe('高寨乡重点人员台账_2024-06-15.xlsx');
  await expect(page.getByText('已生成 高寨乡重点人员台账_2024-06-15.xlsx')).toBeVisible();
  const ledgerPath = test.info().outputPath('ledger.xlsx');
  await ledger.saveAs(ledgerPath);
  const book = await ledgerOf(ledgerPath);
  expect(book.title).toBe('高寨乡重点人员台账');
  expect(book.subtitle).toBe('筛选条件：状态：在管；包保责任人：李网格　导出日期：2024年6月15日');
  expect(book.rows).toEqual([
    [1, '钱二', null, '邪教人员', '黄色（一般关注）', '需管控', null, '李网格', day('2024-05-01'), '在管', day('2024-05-31'), '是'],
  ]);
  expect(book.totals?.slice(0, 2)).toEqual(['合计', '共 1 人']);
});
