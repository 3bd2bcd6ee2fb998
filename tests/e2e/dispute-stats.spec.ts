/**
 * 排查调处统计 as a township reads it: a small year entered (disputes across categories and sources,
 * 12345 and 信访 transfers, one failure, one turned away), then the year's figures, each rate with its
 * definition, the breakdowns, the charts with their figures (on screen and as printed), the same year
 * counted by outcome, and a period with nothing in it.
 */
import type { Page } from '@playwright/test';
import type { Input } from '../../shared/contract';
import type { DisputeStatus } from '../../shared/domain/disputes';
import { E2E_TODAY, expect, test } from './fixtures';
import { cells, expectBars, expectNoData, expectPrinted } from './stats-charts';

const stat = (page: Page, name: string) => page.getByTestId(`stat-${name}`);

test("a small year's dispute statistics: counts, 调处率 and 化解率, amounts, by category and by source", async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const a = app.call('persons.create', { name: '张三' });
  const b = app.call('persons.create', { name: '李四' });
  const dispute = (fields: Partial<Input<'disputes.create'>>, steps: [DisputeStatus, string][]) => {
    const d = app.call('disputes.create', {
      intakeDate: '2024-03-01',
      source: 'visit',
      category: '02',
      summary: '纠纷',
      parties: [
        { personId: a.id, role: 'applicant' },
        { personId: b.id, role: 'respondent' },
      ],
      ...fields,
    });
    for (const [to, date] of steps)
      app.call('disputes.changeStatus', { id: d.id, to, date, transferUnit: to === 'transferred' ? '县人社局' : null });
  };
  const resolved: [DisputeStatus, string][] = [
    ['accepted', '2024-03-02'],
    ['mediating', '2024-03-03'],
    ['resolved', '2024-03-10'],
    ['closed', '2024-03-12'],
  ];
  // 9 family and neighbour disputes resolved and closed, 8000 yuan in all.
  for (let i = 0; i < 5; i++) dispute({ category: '01', amountYuan: 1000 }, resolved);
  for (let i = 0; i < 4; i++) dispute({ category: '02', amountYuan: 750 }, resolved);
  // 12345: one labour dispute resolved, one transferred to 人社; 信访: one not resolved; one turned away.
  dispute({ category: '10', source: 'hotline12345', intakeDate: '2024-04-08', amountYuan: 12_000 }, [
    ['accepted', '2024-04-09'],
    ['mediating', '2024-04-10'],
    ['resolved', '2024-04-20'],
    ['closed', '2024-04-22'],
  ]);
  dispute({ category: '10', source: 'hotline12345', intakeDate: '2024-04-09' }, [['transferred', '2024-04-10']]);
  dispute({ category: '07', source: 'petition', intakeDate: '2024-05-06' }, [
    ['accepted', '2024-05-07'],
    ['mediating', '2024-05-08'],
    ['unresolved', '2024-05-20'],
  ]);
  dispute({ category: '99', intakeDate: '2024-05-13' }, [['rejected', '2024-05-14']]);

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);
  await page.getByRole('link', { name: '矛盾纠纷登记' }).click();
  await page.getByRole('link', { name: '统计' }).click();
  await expect(page.getByRole('heading', { name: '矛盾纠纷排查调处统计' })).toBeVisible();

  // 13 registered this year (from 01-01 to today); 11 受理, all 11 调处; 10 化解, 1 未化解.
  await expect(stat(page, '登记件数')).toHaveText('13');
  await expect(stat(page, '受理件数')).toHaveText('11');
  await expect(stat(page, '调处件数')).toHaveText('11');
  await expect(stat(page, '化解件数')).toHaveText('10');
  await expect(stat(page, '调处率')).toHaveText('100.00%');
  await expect(stat(page, '化解率')).toHaveText('76.92%');
  await expect(stat(page, '化解率（按办结）')).toHaveText('90.91%');
  await expect(stat(page, '涉及金额（元）')).toHaveText('20,000');
  await expect(page.getByText('调处率 = 调处件数 ÷ 受理件数')).toBeVisible();

  const byCategory = page.getByTestId('by-category');
  await expect(byCategory.getByRole('row', { name: /婚姻家庭纠纷/ })).toContainText('5');
  await expect(byCategory.getByRole('row', { name: /劳动争议纠纷/ })).toContainText('50.00%');
  await expect(byCategory.getByRole('row', { name: /合计/ })).toContainText('20,000');
  await page.getByRole('tab', { name: '按纠纷来源' }).click();
  const bySource = page.getByTestId('by-source');
  await expect(
    bySource
      .getByRole('row', { name: /12345热线/ })
      .getByRole('cell')
      .nth(1),
  ).toHaveText('2');
  await expect(
    bySource
      .getByRole('row', { name: /信访转办/ })
      .getByRole('cell')
      .nth(5),
  ).toHaveText('1');
  // The charts, each with its figures beside it: 登记/化解 by month and by category, and the outcomes.
  const byMonthChart = page.getByTestId('chart-month');
  await expectBars(byMonthChart);
  await expect(byMonthChart.getByText('3月', { exact: true })).toBeVisible();
  const monthTable = page.getByTestId('chart-month-table');
  await expect(monthTable.getByRole('row')).toHaveCount(8); // heading, January to June, 合计
  await expect(cells(monthTable, '2024年3月')).toHaveText(['2024年3月', '9', '9']);
  await expect(cells(monthTable, '2024年4月')).toHaveText(['2024年4月', '2', '1']);
  await expect(cells(monthTable, '2024年5月')).toHaveText(['2024年5月', '2', '0']);
  await expect(cells(monthTable, '2024年6月')).toHaveText(['2024年6月', '0', '0']);
  await expect(cells(monthTable, '合计')).toHaveText(['合计', '13', '10']);
  await expectBars(page.getByTestId('chart-category'));
  const categoryTable = page.getByTestId('chart-category-table');
  await expect(cells(categoryTable, '婚姻家庭纠纷')).toHaveText(['婚姻家庭纠纷', '5', '5']);
  await expect(cells(categoryTable, '劳动争议纠纷')).toHaveText(['劳动争议纠纷', '2', '1']);
  await expect(cells(categoryTable, '山林土地纠纷')).toHaveText(['山林土地纠纷', '1', '0']);
  // Four of the five outcomes happened, so four sectors; together they are the 13 registered.
  await expect(page.getByTestId('chart-outcome').locator('.recharts-pie-sector')).toHaveCount(4);
  const outcomeTable = page.getByTestId('chart-outcome-table');
  await expect(cells(outcomeTable, '化解')).toHaveText(['化解', '10']);
  await expect(cells(outcomeTable, '未化解')).toHaveText(['未化解', '1']);
  await expect(cells(outcomeTable, '办理中')).toHaveText(['办理中', '0']);
  await expect(cells(outcomeTable, '转办')).toHaveText(['转办', '1']);
  await expect(cells(outcomeTable, '不予受理')).toHaveText(['不予受理', '1']);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath('01-year.png'), fullPage: true });
  // As printed: the page alone, the charts drawn in full, the figures beside them.
  await expectPrinted(page, '矛盾纠纷登记', '02-year-print');

  // Counted by outcome: the 11 disputes that were resolved or not in the period.
  await page.getByText('按化解结果日期').click();
  await expect(stat(page, '登记件数')).toHaveText('11');
  await expect(stat(page, '化解率')).toHaveText('90.91%');

  // A period with nothing in it says so instead of drawing empty charts.
  await page.getByLabel('统计期间从').fill('2024-06-01');
  await page.getByRole('heading', { name: '矛盾纠纷排查调处统计' }).click();
  await expect(stat(page, '登记件数')).toHaveText('0');
  await expectNoData(page);
});
