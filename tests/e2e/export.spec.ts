/**
 * 导出Excel on the dispute register: the file the browser saves holds exactly the rows the filter
 * shows, with the office's labels, real dates, and formula-like text that a spreadsheet will not run.
 */
import ExcelJS from 'exceljs';
import type { Page } from '@playwright/test';
import { E2E_TODAY, expect, shot, test } from './fixtures';

/** Opens a Mantine Select by its label and picks an option. */
async function choose(page: Page, label: string, option: string) {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}

test('export the filtered dispute register to Excel', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const a = app.call('persons.create', { name: '张三' });
  const b = app.call('persons.create', { name: '李四' });
  const register = (category: string, intakeDate: string, summary: string) =>
    app.call('disputes.create', {
      intakeDate,
      source: 'visit',
      category,
      summary,
      parties: [
        { personId: a.id, role: 'applicant' },
        { personId: b.id, role: 'respondent' },
      ],
    });
  const drain = register('02', '2024-06-01', '宅前排水沟堵塞，雨天积水漫入邻居院内');
  const hostile = register('02', '2024-06-03', '=HYPERLINK("http://x","点击")');
  register('01', '2024-06-02', '赡养费分担');

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/disputes`);
  await expect(page.getByRole('heading', { name: '矛盾纠纷排查登记' })).toBeVisible();
  await expect(page.getByText('共 3 条')).toBeVisible();
  await choose(page, '纠纷类型', '邻里纠纷');
  await expect(page.getByText('共 2 条')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出Excel' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('高寨乡矛盾纠纷排查登记台账_2024-06-15.xlsx');
  await expect(page.getByText('已生成 高寨乡矛盾纠纷排查登记台账_2024-06-15.xlsx')).toBeVisible();
  const path = test.info().outputPath('register.xlsx');
  await download.saveAs(path);

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const ws = wb.worksheets[0]!;
  expect(ws.getCell('A1').value).toBe('高寨乡矛盾纠纷排查登记台账');
  expect(ws.getCell('B3').value).toBe('案号');
  expect(ws.rowCount).toBe(6);
  const row = (r: number) => ['B', 'C', 'E', 'H', 'N'].map((col) => ws.getCell(`${col}${r}`).value);
  expect(row(4)).toEqual([hostile.caseNo, new Date('2024-06-03T00:00:00Z'), '邻里纠纷', `'=HYPERLINK("http://x","点击")`, '登记']);
  expect(row(5)).toEqual([drain.caseNo, new Date('2024-06-01T00:00:00Z'), '邻里纠纷', '宅前排水沟堵塞，雨天积水漫入邻居院内', '登记']);
  expect(ws.getCell('H4').type).toBe(ExcelJS.ValueType.String);
  expect([ws.getCell('A6').value, ws.getCell('B6').value]).toEqual(['合计', '共 2 件']);
});

test('a large export shows how far it has got and can be cancelled, leaving nothing behind', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  app.ledger.db
    .prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 90000)
       INSERT INTO dispute (id, case_no, case_year, case_seq, intake_date, source, category, summary, status, parties_text, created_at, updated_at)
       SELECT printf('bulk%022d', i), printf('批量%d', i), 2024, i, '2024-06-01', 'visit', '02', '宅基地边界争议，双方各执一词', 'registered', '张三、李四', '', '' FROM n`,
    )
    .run();
  const exports = () => (app.ledger.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'export'").get() as { n: number }).n;

  await page.goto(`${app.url}#/disputes`);
  await expect(page.getByText('共 90,000 条')).toBeVisible();
  let downloaded = false;
  page.on('download', () => {
    downloaded = true;
  });
  await page.getByRole('button', { name: '导出Excel' }).click();
  const notice = page.getByTestId('job-progress');
  await expect(notice.getByText(/^正在写出第 [\d,]+ 行，共 90,000 行$/)).toBeVisible();
  await shot(page, 'export-progress');
  await notice.getByRole('button', { name: '取消' }).click();
  await expect(page.getByText('已取消，账本未作任何改动。')).toBeVisible();
  await expect(notice).toBeHidden();
  expect(downloaded).toBe(false);
  expect(exports()).toBe(0);
});
