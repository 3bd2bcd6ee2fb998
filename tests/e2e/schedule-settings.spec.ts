/**
 * The office's schedule settings: a visit cadence adjusted from today with a reason (shown on the
 * files with its new basis), and the working-day calendar kept up to date.
 */
import type { Page } from '@playwright/test';
import { DEFAULT_HOLIDAYS } from '../../shared/domain/holidays';
import { E2E_TODAY, expect, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

test('adjust a visit cadence with a reason and keep the holiday table', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const staffId = app.call('staff.list', {})[0]!.id;
  const p = app.call('persons.create', { name: '孙小五' });
  const s = app.call('followup.create', {
    personId: p.id,
    group: 'mental_health',
    level: '3',
    responsibleStaffId: staffId,
    startDate: '2024-06-10',
    facts: { diagnosis: '精神分裂症', guardianName: '孙母', guardianRelation: '母子', guardianPhone: '13800138000' },
  });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/settings`);

  // 走访频次: every default with its basis; the unstable cadence tightened to 10 days from today
  await page.getByRole('tab', { name: '走访频次' }).click();
  const row = page.getByRole('row').filter({ hasText: '随访（不稳定）' });
  await expect(row).toContainText('每2周');
  await expect(row).toContainText('每2周随访1次，可在设置中调整');
  await row.getByTestId('basis').hover();
  await expect(page.getByRole('tooltip')).toContainText('《国家基本公共卫生服务规范（第三版）》');
  await expect(page.getByRole('row').filter({ hasText: '全年随访不少于4次' }).getByRole('button', { name: '调整' })).toHaveCount(0);
  await row.getByRole('button', { name: '调整' }).click();
  const dialog = page.getByRole('dialog', { name: '调整走访频次：随访（不稳定）' });
  await dialog.getByRole('button', { name: '保存调整' }).click();
  await expect(dialog.getByText('请填写调整理由')).toBeVisible();
  await dialog.getByRole('textbox', { name: '间隔' }).fill('10');
  await dialog.getByRole('textbox', { name: '调整理由' }).fill('县卫健局通知加密随访');
  await dialog.getByRole('button', { name: '保存调整' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('每10天');
  await expect(row).toContainText('本所调整（2024-06-15起）：县卫健局通知加密随访');
  // The other groups' table (group × level, REVIEW row 11) is exercised in followup-cadence.spec.ts.
  await shot(page, '01-cadences');

  // The file shows the new cadence and its basis
  await page.goto(`${app.url}#/followup/${s.id}`);
  await expect(page.getByText('每10天')).toBeVisible();
  await expect(page.getByText(/本所调整（2024-06-15起）/)).toBeVisible();

  // 节假日: the office's table, edited last year, lacks 2027: the defaults are offered and taken,
  // an entry is added, and all of it is kept
  app.call('schedule.saveHolidays', { entries: DEFAULT_HOLIDAYS.filter((e) => e.date < '2027') });
  await page.goto(`${app.url}#/settings`);
  await page.reload(); // read again: the table was changed behind the page's back
  await page.getByRole('tab', { name: '节假日' }).click();
  await expect(page.getByText(/2025年默认：国务院办公厅关于2025年部分节假日安排的通知/)).toBeVisible();
  await expect(page.getByText('本单位的节假日表中没有2027年')).toBeVisible();
  await page.getByRole('button', { name: '补入2027年默认安排' }).click();
  await expect(page.getByRole('row').filter({ hasText: '2027-02-05' })).toContainText('春节');
  await expect(page.getByText('本单位的节假日表中没有2027年')).toBeHidden();
  await page.getByRole('textbox', { name: '日期' }).fill('2028-01-01');
  await page.getByRole('textbox', { name: '名称' }).click();
  await page.getByRole('textbox', { name: '名称' }).fill('元旦');
  await page.getByRole('button', { name: '加入' }).click();
  await page.getByRole('button', { name: '保存节假日表' }).click();
  await expect(page.getByText('节假日表已保存')).toBeVisible();
  await page.reload();
  await page.getByRole('tab', { name: '节假日' }).click();
  await expect(page.getByRole('row').filter({ hasText: '2028-01-01' })).toContainText('元旦');
  await expect(page.getByRole('row').filter({ hasText: '2027-10-03' })).toContainText('国庆节');
  await shot(page, '02-holidays');
});
