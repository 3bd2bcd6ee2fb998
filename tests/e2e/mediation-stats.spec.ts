/**
 * 人民调解统计 as a township reads it: half a year of cases (two settled, one failed, one ended, one
 * still open), then the page's charts by month, by category and by outcome, each with its figures
 * beside it, on screen and as printed, and a period with nothing in it.
 */
import { firstStaffId, writtenAgreement } from '../helpers/builders';
import { E2E_TODAY, expect, test } from './fixtures';
import { cells, expectBars, expectNoData, expectPrinted } from './stats-charts';

test("half a year's mediation statistics as charts: by month, by category and by outcome, with their figures", async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const a = app.call('persons.create', { name: '张三' });
  const b = app.call('persons.create', { name: '李四' });
  const mediatorId = firstStaffId(app);
  const accept = (acceptedDate: string, category: string) =>
    app.call('mediation.create', {
      origin: 'application',
      acceptedDate,
      mediatingBody: 'village',
      category,
      summary: '纠纷',
      parties: [
        { personId: a.id, role: 'applicant' },
        { personId: b.id, role: 'respondent' },
      ],
      mediatorIds: [mediatorId],
    });
  const settle = (acceptedDate: string, category: string, closedDate: string) => {
    const c = accept(acceptedDate, category);
    writtenAgreement(app, c, {
      partySignatures: c.parties.map((p) => ({ personId: p.personId, date: closedDate })),
      mediatorSignedDate: closedDate,
      sealDate: closedDate,
    });
    app.call('mediation.close', { id: c.id, outcome: 'success', closedDate });
  };
  settle('2024-03-04', '01', '2024-03-20');
  settle('2024-03-11', '01', '2024-04-08');
  app.call('mediation.close', {
    id: accept('2024-04-02', '02').id,
    outcome: 'failure',
    closedDate: '2024-04-25',
    reason: '被申请人拒绝赔偿',
    guidance: ['litigation'],
  });
  app.call('mediation.close', {
    id: accept('2024-05-06', '03').id,
    outcome: 'terminated',
    closedDate: '2024-05-10',
    terminationReason: 'withdrawn',
    reason: '申请人撤回',
  });
  accept('2024-06-03', '02');

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);
  await page.getByRole('link', { name: '人民调解' }).click();
  await page.getByRole('link', { name: '统计' }).click();
  await expect(page.getByRole('heading', { name: '人民调解统计' })).toBeVisible();
  await expect(page.getByTestId('stat-受理件数')).toHaveText('5');
  await expect(page.getByTestId('stat-已调解件数')).toHaveText('4');
  await expect(page.getByTestId('stat-调解成功件数')).toHaveText('2');

  // Both denominators, labelled: 2 of the 4 with an outcome, 2 of the 5 accepted (one is still open)
  await expect(page.getByTestId('stat-调解成功率')).toHaveText('50.00%');
  await expect(page.getByTestId('stat-调解成功率（按受理）')).toHaveText('40.00%');
  await expect(page.getByText('调解中 1 件')).toBeVisible();

  // By month, January to June, counted by acceptance: the case accepted in March and settled in April is March's success.
  const byMonth = page.getByTestId('chart-month');
  await expectBars(byMonth);
  await expect(byMonth.getByText('3月', { exact: true })).toBeVisible();
  const monthTable = page.getByTestId('chart-month-table');
  await expect(monthTable.getByRole('row')).toHaveCount(8);
  await expect(cells(monthTable, '2024年1月')).toHaveText(['2024年1月', '0', '0']);
  await expect(cells(monthTable, '2024年3月')).toHaveText(['2024年3月', '2', '2']);
  await expect(cells(monthTable, '2024年4月')).toHaveText(['2024年4月', '1', '0']);
  await expect(cells(monthTable, '2024年5月')).toHaveText(['2024年5月', '1', '0']);
  await expect(cells(monthTable, '2024年6月')).toHaveText(['2024年6月', '1', '0']);
  await expect(cells(monthTable, '合计')).toHaveText(['合计', '5', '2']);

  // By category, named from the dictionary.
  await expectBars(page.getByTestId('chart-category'));
  const categoryTable = page.getByTestId('chart-category-table');
  await expect(cells(categoryTable, '婚姻家庭纠纷')).toHaveText(['婚姻家庭纠纷', '2', '2']);
  await expect(cells(categoryTable, '邻里纠纷')).toHaveText(['邻里纠纷', '2', '0']);
  await expect(cells(categoryTable, '房屋宅基地纠纷')).toHaveText(['房屋宅基地纠纷', '1', '0']);

  // By outcome: the four of the five accepted that have one.
  await expect(page.getByTestId('chart-outcome').locator('.recharts-pie-sector')).toHaveCount(3);
  const outcomeTable = page.getByTestId('chart-outcome-table');
  await expect(cells(outcomeTable, '调解成功')).toHaveText(['调解成功', '2']);
  await expect(cells(outcomeTable, '调解不成')).toHaveText(['调解不成', '1']);
  await expect(cells(outcomeTable, '终止调解')).toHaveText(['终止调解', '1']);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath('01-half-year.png'), fullPage: true });

  // Counted by closing date instead: the success moves to April, and the open case is not counted
  await page.getByText('按结案日期').click();
  await expect(cells(monthTable, '2024年4月')).toHaveText(['2024年4月', '1', '1']);
  await expect(cells(monthTable, '2024年3月')).toHaveText(['2024年3月', '2', '1']);
  await expect(page.getByTestId('stat-调解成功率')).toHaveText('50.00%');
  await page.getByText('按受理日期').click();
  await expect(cells(monthTable, '2024年3月')).toHaveText(['2024年3月', '2', '2']);

  // As printed: the page alone, the charts drawn in full, the figures beside them.
  await expectPrinted(page, '人民调解', '02-half-year-print');

  // A period with nothing in it says so instead of drawing empty charts.
  await page.getByLabel('统计期间从').fill('2024-06-04');
  await page.getByRole('heading', { name: '人民调解统计' }).click();
  await expect(page.getByTestId('stat-受理件数')).toHaveText('0');
  await expectNoData(page);
});
