/**
 * 漏访 and each duty's current item, in the UI, on 2026-11-29. 钱二 (邪教人员, monthly from 2024-01-10)
 * was visited every month except April 2024; 孙三 (重点信访, monthly) not since August 2026. The
 * dashboard lists 钱二's current month (not April 2024, overdue 943 days) and one row for 孙三; the
 * file lists 漏访：2024年4月; recording today's visits clears both; the rates count April as not done.
 * Then the office's 建档当期宽限: a file opened on 11-27 owes nothing for November until set to 0.
 */
import type { Locator, Page } from '@playwright/test';
import { addDays } from '../../shared/dates';
import { periodOf } from '../../shared/date-math';
import { expect, test, type LedgerFixture } from './fixtures';

const TODAY = '2026-11-29';
test.use({ today: TODAY });

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
/** One card of a long page, legible on its own. */
const shotOf = (part: Locator, name: string) => part.screenshot({ path: test.info().outputPath(`${name}.png`) });
const dueCard = (page: Page) => page.locator('.mantine-Card-root').filter({ has: page.getByRole('heading', { name: '待办事项' }) });

/** A monthly file opened on `start`, visited on the 15th of every month before `until` except the months skipped. */
function monthlyFile(app: LedgerFixture, name: string, group: 'cult' | 'petition', start: string, until: string, skip: string[] = []) {
  const staffId = app.call('staff.list', {})[0]!.id;
  const p = app.call('persons.create', { name });
  const s = app.call('followup.create', {
    personId: p.id,
    group,
    level: 'yellow',
    responsibleStaffId: staffId,
    startDate: start,
    facts: group === 'cult' ? { transformStatus: '转化中' } : {},
  });
  for (let d = addDays(start, 5); d < until; d = addDays(periodOf(d, 'month').end, 15)) {
    if (!skip.includes(d.slice(0, 7)))
      app.call('followup.saveVisit', { subjectId: s.id, date: d, method: '上门', visitors: '王调解', findings: '在家，情况稳定' });
  }
  return s;
}

async function recordVisitToday(page: Page) {
  await page.getByRole('button', { name: '记录走访' }).first().click();
  const dialog = page.getByRole('dialog', { name: '记录走访' });
  await expect(dialog.getByLabel('走访日期')).toHaveValue(TODAY);
  await dialog.getByLabel('走访情况').fill('入户走访，本人在家，情况稳定。');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
}

test('the dashboard lists each duty once; a missed month is listed on the file, counted in the rates, and cleared by a later visit', async ({
  page,
  app,
}) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  monthlyFile(app, '钱二', 'cult', '2024-01-10', '2026-11-01', ['2024-04']);
  monthlyFile(app, '孙三', 'petition', '2024-01-10', '2026-09-01');
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
  await page.goto(app.url);

  // 孙三, not seen since August: one row, overdue since September, saying two months are owed
  await expect(page.getByTestId('overdue-banner')).toContainText('有 1 项已逾期');
  await expect(page.getByTestId('overdue-banner')).toContainText('重点人员 1 项逾期：逾期未走访即为脱管、漏管');
  // How a follow-up item comes and goes is said under its own tab
  await expect(page.getByTestId('due-followup')).toContainText('其前未走访的各期记为“漏访”，不再列为待办，但在档案中列明并计入走访完成率');
  const overdue = page.getByTestId('overdue').getByTestId('dashboard-item');
  await expect(overdue).toHaveCount(1);
  await expect(overdue).toContainText('孙三');
  await expect(overdue).toContainText('每月走访（2026年9月）等2期');
  await expect(overdue).toContainText('已逾期60天');
  // 钱二: this month, due tomorrow; April 2024 is nowhere on the dashboard
  const soon = page.getByTestId('due-soon').getByTestId('dashboard-item');
  await expect(soon).toHaveCount(1);
  await expect(soon).toContainText('钱二');
  await expect(soon).toContainText('每月走访（2026年11月）');
  await expect(soon).toContainText('还剩1天');
  await expect(page.getByText('2024年4月')).toHaveCount(0);
  await expect(page.getByTestId('refreshing')).toBeHidden(); // the day's rebuild done: the same rows
  await expect(overdue).toHaveCount(1);
  await expect(soon).toHaveCount(1);
  await shot(page, '01-dashboard');

  // 钱二's file: April 2024 is 漏访, the open item is this month
  await soon.getByRole('link', { name: '每月走访（2026年11月）' }).click();
  await expect(page.getByRole('heading', { name: '钱二' })).toBeVisible();
  await expect(page.getByTestId('missed-periods')).toContainText('漏访：2024年4月（每月走访，共1期）');
  const items = page.getByTestId('due-item');
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText('每月走访（2026年11月）');
  await expect(items.first()).toContainText('即将到期');
  await page.getByRole('switch', { name: /显示已完成、漏访/ }).check();
  const april = items.filter({ hasText: '每月走访（2024年4月）' });
  await expect(april).toContainText('漏访');
  await expect(april.getByRole('button', { name: '免除' })).toBeVisible();
  await expect(april.getByRole('button', { name: '延期' })).toHaveCount(0);
  await shot(page, '02-file-missed');
  await page.getByRole('switch', { name: /显示已完成、漏访/ }).uncheck();
  await shotOf(dueCard(page), '02b-file-missed-card');

  // Today's visit: this month done, nothing of 钱二 left on the dashboard
  await recordVisitToday(page);
  await expect(dueCard(page)).toContainText('暂无待办事项');
  await page.getByRole('switch', { name: /显示已完成、漏访/ }).check();
  await expect(items.filter({ hasText: '每月走访（2026年11月）' })).toContainText('已完成');
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(overdue).toHaveCount(1);
  await expect(page.getByTestId('due-soon')).toContainText('7日内没有到期事项');

  // 孙三's visit today passes September and October by: they become 漏访, and the dashboard is clear
  await overdue.getByRole('link', { name: '每月走访（2026年9月）等2期' }).click();
  await expect(page.getByRole('heading', { name: '孙三' })).toBeVisible();
  await recordVisitToday(page);
  await expect(page.getByTestId('missed-periods')).toContainText('漏访：2026年9月、2026年10月（每月走访，共2期）');
  await shotOf(dueCard(page), '03-file-visited-card');
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByText('近期没有到期事项')).toBeVisible();
  await expect(page.getByTestId('refreshing')).toBeHidden();
  await expect(page.getByTestId('overdue-banner')).toBeHidden();
  await shot(page, '04-dashboard-cleared');

  // The figures of 2024: 钱二's April is owed and not done (24 owed, 23 done)
  await page.getByRole('link', { name: '重点人员' }).click();
  await page.getByRole('link', { name: '统计', exact: true }).click();
  await expect(page.getByRole('heading', { name: '重点人员统计' })).toBeVisible();
  await page.getByLabel('统计期间从').fill('2024-01-01');
  await page.getByRole('heading', { name: '重点人员统计' }).click();
  await page.getByLabel('统计期间至').fill('2024-12-31');
  await page.getByRole('heading', { name: '重点人员统计' }).click();
  await expect(page.getByText('截至 2024-12-31').first()).toBeVisible();
  await expect(page.getByTestId('stat-应访次数')).toHaveText('24');
  await expect(page.getByTestId('stat-已访次数')).toHaveText('23');
  await expect(page.getByTestId('stat-走访完成率')).toHaveText('95.83%');
  await expect(page.getByText('其中漏访 1 次')).toBeVisible();
  await expect(page.getByTestId('stat-definitions')).toContainText('漏访 = ');
  await shot(page, '05-stats-2024');
});

test('a file opened in the last days of November owes nothing for November, until the office sets the grace to 0', async ({
  page,
  app,
}) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const s = monthlyFile(app, '周五', 'cult', '2026-11-27', '2026-11-27');
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/followup/${s.id}`);

  // Opened on the 27th: the first month owed is December
  await expect(page.getByRole('heading', { name: '周五' })).toBeVisible();
  await expect(page.getByTestId('due-item')).toHaveCount(1);
  await expect(page.getByTestId('due-item')).toContainText('每月走访（2026年12月）');

  // The setting, with its default and basis
  await page.getByRole('link', { name: '设置' }).click();
  await page.getByRole('tab', { name: '走访频次' }).click();
  const grace = page.getByTestId('opening-grace');
  await expect(grace.getByRole('textbox', { name: '建档当期宽限天数' })).toHaveValue('5');
  await expect(grace).toContainText('本所做法未见规定（待核实）；默认5天');
  await grace.getByTestId('basis').hover();
  await expect(page.getByRole('tooltip')).toContainText('本所做法（未见规定，待核实）');
  await grace.getByRole('textbox', { name: '建档当期宽限天数' }).fill('0');
  await grace.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('建档当月一律计走访', { exact: true })).toBeVisible();
  await shot(page, '06-opening-grace-setting');

  // Now November is owed: due tomorrow, on the dashboard
  await page.goto(`${app.url}#/followup/${s.id}`);
  await expect(page.getByTestId('due-item').first()).toContainText('每月走访（2026年11月）');
  await page.getByRole('link', { name: '首页' }).click();
  await expect(page.getByTestId('due-soon').getByTestId('dashboard-item')).toContainText('每月走访（2026年11月）');
});
