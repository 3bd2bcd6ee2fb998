/**
 * The dispute register as an office shapes it: 列设置 chooses and orders the columns, kept for the
 * operator by the host (a reload keeps them, a colleague at the same ledger sees the usual ones),
 * and 打印台账 and 导出Excel follow them. On a 1366×768 screen at least 15 rows are in view, the
 * filters folded into one row behind 更多筛选; at 125 % scaling (1093×614) the case number, the
 * parties, the state and the deadline stay in view without sideways scrolling.
 */
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { E2E_TODAY, expect, test } from './fixtures';

/** The table's column headers as they read (a sortable one without its ↕ ▲ ▼). */
const headers = (page: Page) => page.getByRole('columnheader');
const headerTexts = async (page: Page) => (await headers(page).allInnerTexts()).map((t) => t.replace(/\s*[↕▲▼]$/, '').trim());

const USUAL = ['案号', '登记日期', '来源', '类型', '当事人', '村（社区）', '状态', '风险等级', '承办人', '办理期限'];

/** Whether the element lies wholly inside the window. */
async function inView(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox();
  const size = page.viewportSize()!;
  return !!box && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width && box.y + box.height <= size.height;
}

test('choose and order the dispute ledger’s columns: kept for the operator, the usual ones for a colleague, followed by the print and the export', async ({
  page,
  app,
}) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  app.call('staff.save', { name: '李干事', kind: 'staff' });
  const village = app.call('villages.save', { name: '东村' });
  const grid = app.call('grids.save', { villageId: village.id, name: '东村第一网格' });
  const zhang = app.call('persons.create', { name: '张三', phone: '13812345678' });
  const li = app.call('persons.create', { name: '李四', phone: '0871-65123456' });
  const d = app.call('disputes.create', {
    intakeDate: '2024-06-01',
    source: 'visit',
    category: '02',
    summary: '宅前排水沟堵塞，雨天积水漫入邻居院内',
    villageId: village.id,
    gridId: grid.id,
    amountYuan: 1200.5,
    parties: [
      { personId: zhang.id, role: 'applicant' },
      { personId: li.id, role: 'respondent' },
    ],
  });
  for (const [to, date] of [
    ['accepted', '2024-06-02'],
    ['mediating', '2024-06-03'],
    ['resolved', '2024-06-05'],
    ['closed', '2024-06-06'],
  ] as const) {
    app.call('disputes.changeStatus', { id: d.id, to, date });
  }

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/disputes`);
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect.poll(() => headerTexts(page)).toEqual(USUAL);

  // 列设置: take out 来源 and 风险等级, add 电话, 涉及金额, 化解结果, 办结日期 and 网格, and put 当事人 first
  await page.getByRole('button', { name: '列设置' }).click();
  const settings = page.getByRole('dialog', { name: '列设置' });
  await settings.getByRole('checkbox', { name: '来源' }).uncheck();
  await settings.getByRole('checkbox', { name: '风险等级' }).uncheck();
  for (const name of ['电话', '涉及金额（元）', '化解结果', '办结日期', '网格']) await settings.getByRole('checkbox', { name }).check();
  for (let i = 0; i < 3; i++) await settings.getByRole('button', { name: '上移“当事人”' }).click();
  await expect(settings.getByRole('button', { name: '上移“当事人”' })).toBeDisabled();
  const chosen = [
    '当事人',
    '案号',
    '登记日期',
    '类型',
    '村（社区）',
    '状态',
    '承办人',
    '办理期限',
    '电话',
    '涉及金额（元）',
    '化解结果',
    '办结日期',
    '网格',
  ];
  await expect.poll(() => headerTexts(page)).toEqual(chosen);
  const row = page.getByRole('row').filter({ hasText: d.caseNo });
  for (const text of ['13812345678、0871-65123456', '1,200.50', '化解', '2024-06-06', '东村第一网格'])
    await expect(row).toContainText(text);
  await page.screenshot({ path: test.info().outputPath('columns-chosen.png') });
  await page.getByRole('heading', { name: '矛盾纠纷排查登记' }).click();
  await expect(settings).toBeHidden();

  // Kept by the host for 王调解: a reload shows them again
  await page.reload();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect.poll(() => headerTexts(page)).toEqual(chosen);

  // 打印台账 prints those columns, in that order
  await page.getByRole('button', { name: '打印台账' }).click();
  const sheet = page.locator('#ledger-print');
  await expect(sheet.locator('tbody tr')).toHaveCount(1);
  expect(await sheet.locator('thead th').allInnerTexts()).toEqual(['序号', ...chosen]);

  // 导出Excel writes them too, under the export's own headers
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  const path = test.info().outputPath('chosen.xlsx');
  await (await downloading).saveAs(path);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  const cells = (r: number) => Array.from({ length: ws.columnCount }, (_, c) => ws.getRow(r).getCell(c + 1).value);
  // the sheet's own words: 纠纷类型 where the screen says 类型
  expect(cells(3)).toEqual(['序号', ...chosen.map((h) => (h === '类型' ? '纠纷类型' : h))]);
  expect(cells(4).slice(0, 3)).toEqual([1, '张三、李四', d.caseNo]);
  expect(cells(4).slice(9)).toEqual(['13812345678、0871-65123456', 1200.5, '化解', new Date('2024-06-06T00:00:00Z'), '东村第一网格']);

  // A colleague at the same ledger sees the usual columns, also after a reload; switching back shows 王调解's again
  app.signInAs('李干事');
  await page.reload();
  await expect(page.getByTestId('signed-in-as')).toHaveText('李干事工作人员');
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect.poll(() => headerTexts(page)).toEqual(USUAL);
  await page.reload();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect.poll(() => headerTexts(page)).toEqual(USUAL);
  app.signInAs('王调解');
  await page.reload();
  await expect.poll(() => headerTexts(page)).toEqual(chosen);

  // 恢复默认
  await page.getByRole('button', { name: '列设置' }).click();
  await settings.getByRole('button', { name: '恢复默认' }).click();
  await expect.poll(() => headerTexts(page)).toEqual(USUAL);
  await expect(settings.getByRole('button', { name: '恢复默认' })).toBeDisabled();
  await page.getByRole('heading', { name: '矛盾纠纷排查登记' }).click();
  await page.reload();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await expect.poll(() => headerTexts(page)).toEqual(USUAL);
});

test('15 rows and more on a 1366×768 screen with the filters folded, and the key columns in view at 125 % scaling', async ({
  page,
  app,
}) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const village = app.call('villages.save', { name: '东村' });
  const people = Array.from({ length: 40 }, (_, i) => app.call('persons.create', { name: `张${i}` }));
  for (let i = 0; i < 30; i++) {
    app.call('disputes.create', {
      intakeDate: `2024-05-${String((i % 28) + 1).padStart(2, '0')}`,
      source: i % 10 === 0 ? 'grid' : 'visit',
      category: '02',
      summary: `邻里琐事第${i}起，双方因排水沟堵塞争执不下`,
      riskLevel: 'high',
      villageId: village.id,
      responsibleStaffId: app.call('staff.list', {})[0]!.id,
      parties: [
        { personId: people[i]!.id, role: 'applicant' },
        { personId: people[i + 10]!.id, role: 'respondent' },
      ],
    });
  }
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${app.url}#/disputes`);
  await expect(page.getByText('共 30 条')).toBeVisible();
  const rows = page.getByRole('table').locator('tbody tr');
  await expect(rows).toHaveCount(30);

  // One row of filters: the search, 状态 and 纠纷类型 in view, the rest behind 更多筛选
  await expect(page.getByRole('textbox', { name: '查找' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '状态' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '纠纷类型' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '来源' })).toBeHidden();
  await expect(page.getByRole('switch', { name: '仅看超期' })).toBeHidden();
  let visible = 0;
  for (const row of await rows.all()) if (await inView(page, row)) visible++;
  expect(visible).toBeGreaterThanOrEqual(15);
  await page.screenshot({ path: test.info().outputPath('disputes-1366x768.png') });

  // A filter set behind 更多筛选 is counted on it
  const more = page.getByRole('button', { name: /^更多筛选/ });
  await more.click();
  await page.getByRole('combobox', { name: '来源' }).click();
  await page.getByRole('option', { name: '网格员上报' }).click();
  await expect(page.getByText('共 3 条')).toBeVisible();
  await more.click();
  await expect(page.getByRole('combobox', { name: '来源' })).toBeHidden();
  await expect(page.getByRole('button', { name: '更多筛选（已设 1 项）' })).toBeVisible();
  await page.getByRole('button', { name: '清除筛选' }).click();
  await expect(page.getByText('共 30 条')).toBeVisible();
  await expect(page.getByRole('button', { name: '更多筛选', exact: true })).toBeVisible();

  // 125 %: the four key columns stay in view, the page does not scroll sideways, and the columns left out are named
  await page.setViewportSize({ width: 1093, height: 614 });
  await expect(page.getByText(/^窗口较窄，未显示：/)).toBeVisible();
  for (const name of ['案号', '当事人', '状态', '办理期限']) {
    const header = page.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    await expect(header).toBeVisible();
    expect(await inView(page, header), name).toBe(true);
  }
  const first = rows.first();
  for (const cell of await first.getByRole('cell').all()) expect(await inView(page, cell)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1093);
  const table = await page.getByRole('table').boundingBox();
  expect(table!.x + table!.width).toBeLessThanOrEqual(1093);
  await page.screenshot({ path: test.info().outputPath('disputes-1093x614.png') });

  // 列设置 fits the small window too
  await page.getByRole('button', { name: '列设置' }).click();
  const settings = page.getByRole('dialog', { name: '列设置' });
  expect(await inView(page, settings.getByRole('button', { name: '恢复默认' }))).toBe(true);
  await page.screenshot({ path: test.info().outputPath('column-settings-1093x614.png') });
});
