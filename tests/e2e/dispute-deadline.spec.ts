/**
 * The dispute's handling deadline judged by the due-date engine everywhere: a Sunday deadline moves
 * to Monday, 仅看超期 lists only what the engine finds overdue, the detail page says when the date
 * moved and when a dispute was handled late, and the dashboard lists the same items.
 */
import { E2E_TODAY, expect, test } from './fixtures';

test('a dispute deadline moves past the weekend, shows as overdue, and a late handling is marked', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const a = app.call('persons.create', { name: '张三' });
  const b = app.call('persons.create', { name: '李四' });
  const register = (deadline: string, summary: string) =>
    app.call('disputes.create', {
      intakeDate: '2024-06-01',
      source: 'visit',
      category: '02',
      summary,
      deadline,
      parties: [
        { personId: a.id, role: 'applicant' },
        { personId: b.id, role: 'respondent' },
      ],
    });
  // today is Saturday 2024-06-15
  const late = register('2024-06-09', '宅基地边界争执'); // Sunday → Monday 06-10: overdue
  const soon = register('2024-06-16', '排水沟堵塞'); // Sunday → Monday 06-17: due soon, not overdue
  const handled = register('2024-06-11', '借款纠纷');
  app.call('disputes.changeStatus', { id: handled.id, to: 'transferred', date: '2024-06-12', transferUnit: '县信访局' });

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/disputes`);
  await expect(page.getByText('共 3 条')).toBeVisible();
  await page.getByRole('button', { name: /^更多筛选/ }).click();
  await page.getByRole('switch', { name: '仅看超期' }).check({ force: true });
  await expect(page.getByText('共 1 条')).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: late.caseNo });
  await expect(row.getByText('超期')).toBeVisible();

  await row.getByRole('link', { name: late.caseNo }).click();
  await expect(page.getByRole('heading', { name: late.caseNo })).toBeVisible();
  await expect(page.getByText('遇休息日顺延至 2024-06-10')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('dispute-deadline-moved.png') });

  await page.goto(`${app.url}#/disputes/${handled.id}`);
  await expect(page.getByText('超期处理（2024-06-12）')).toBeVisible();
  await page.goto(`${app.url}#/disputes/${soon.id}`);
  await expect(page.getByText('遇休息日顺延至 2024-06-17')).toBeVisible();
  await expect(page.getByText('即将到期')).toBeVisible();

  // the dashboard lists the same engine items: one overdue, one due within 7 days
  await page.goto(`${app.url}#/`);
  await expect(page.getByTestId('overdue')).toBeVisible();
  // the day's rebuild (worker thread) runs with a progress bar, then the bar goes
  await expect(page.getByTestId('refreshing')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.getByTestId('overdue').getByRole('row').filter({ hasText: '纠纷办理期限' })).toHaveCount(1);
  await expect(page.getByTestId('due-soon').getByRole('row').filter({ hasText: '2024-06-17' })).toHaveCount(1);
});
