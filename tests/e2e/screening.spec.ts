/**
 * 排查活动 as a township keeps it: the month shows which villages have not reported, a village's visit
 * is recorded (one that found nothing too: 零报告), the list and the missing villages follow, a record
 * is corrected, the previous month is empty, and the statistics count the visits as 排查次数.
 */
import type { Locator } from '@playwright/test';
import { E2E_TODAY, expect, test } from './fixtures';

async function fillDate(field: Locator, value: string) {
  await field.fill(value);
  await field.page().getByRole('dialog').getByRole('heading').first().click();
  await expect(field).toHaveValue(value);
}

test('record the villages’ monthly screening, zero reports included, and see who has not reported', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  for (const name of ['东村', '西村', '南村']) app.call('villages.save', { name });

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/disputes`);
  await page.getByRole('link', { name: '排查活动' }).click();
  await expect(page.getByRole('heading', { name: '排查活动' })).toBeVisible();
  await expect(page.getByTestId('screening-month')).toHaveText('2024年6月');
  const missing = page.getByTestId('screening-missing');
  await expect(missing).toContainText('尚未报告（3/3）');
  await expect(page.getByText('2024年6月还没有排查记录。')).toBeVisible();

  // 东村 found two disputes
  await page.getByRole('button', { name: '登记排查' }).click();
  let dialog = page.getByRole('dialog', { name: '登记排查活动' });
  await fillDate(dialog.getByLabel('排查日期'), '2024-06-03');
  await dialog.getByRole('combobox', { name: '村（社区）' }).click();
  await page.getByRole('option', { name: '东村' }).click();
  await dialog.getByLabel('参加人员').fill('村调委会主任、网格员');
  await dialog.getByLabel('走访户数').fill('40');
  await dialog.getByLabel('走访人数').fill('118');
  await dialog.getByLabel('发现纠纷（件）').fill('2');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const table = page.getByTestId('screening-table');
  await expect(table.getByRole('row', { name: /东村/ })).toContainText('2 件');
  await expect(missing).toContainText('尚未报告（2/3）');

  // 西村 found nothing: a zero report
  await page.getByRole('button', { name: '登记排查' }).click();
  dialog = page.getByRole('dialog', { name: '登记排查活动' });
  await fillDate(dialog.getByLabel('排查日期'), '2024-06-10');
  await dialog.getByRole('combobox', { name: '村（社区）' }).click();
  await page.getByRole('option', { name: '西村' }).click();
  await dialog.getByLabel('参加人员').fill('网格员');
  await dialog.getByLabel('发现纠纷（件）').fill('0');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记（零报告）')).toBeVisible();
  await expect(table.getByRole('row', { name: /西村/ })).toContainText('零报告');
  await expect(missing).toContainText('尚未报告（1/3）');
  await expect(missing.getByText('南村')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('01-screening-month.png'), fullPage: true });

  // A record is corrected
  await table.getByRole('row', { name: /东村/ }).getByRole('button', { name: '修改' }).click();
  dialog = page.getByRole('dialog', { name: '修改排查记录' });
  await dialog.getByLabel('发现纠纷（件）').fill('3');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(table.getByRole('row', { name: /东村/ })).toContainText('3 件');

  // A future date is refused at the field, and nothing is saved
  await page.getByRole('button', { name: '登记排查' }).click();
  dialog = page.getByRole('dialog', { name: '登记排查活动' });
  await fillDate(dialog.getByLabel('排查日期'), '2024-06-20');
  await dialog.getByRole('combobox', { name: '村（社区）' }).click();
  await page.getByRole('option', { name: '南村' }).click();
  await dialog.getByLabel('参加人员').fill('网格员');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('排查日期不能晚于今天')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(missing).toContainText('尚未报告（1/3）');

  // The month before has nothing yet
  await page.getByRole('button', { name: '上个月' }).click();
  await expect(page.getByTestId('screening-month')).toHaveText('2024年5月');
  await expect(page.getByText('2024年5月还没有排查记录。')).toBeVisible();

  // The statistics count the visits
  const stats = app.call('disputes.stats', { dateFrom: '2024-01-01', dateTo: E2E_TODAY });
  expect(stats.screening).toMatchObject({ count: 2, villagesReported: 2, villages: 3, households: 40, persons: 118, disputesFound: 3 });
  await page.goto(`${app.url}#/disputes/stats`);
  await expect(page.getByTestId('stat-排查次数')).toHaveText('2');
});
