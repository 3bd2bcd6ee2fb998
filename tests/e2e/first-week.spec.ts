/**
 * The first week after setup: the dashboard's 开始使用 list leads to the settings; villages are pasted as a
 * column (repeats left out, those already there said), listed by pinyin or in the office's own order
 * and rearranged; a village's grids pasted the same way; the case-number formats kept from their live
 * example; each step ticks off and the list is gone when all are done.
 */
import { E2E_TODAY, expect, test } from './fixtures';

test('the start checklist: paste the villages, order them, add grids, confirm the case numbers', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  app.call('villages.save', { id: null, name: '高寨村' });
  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(app.url);
  const start = page.getByLabel('开始使用');
  await expect(start.getByText('完成 1/3 项')).toBeVisible();
  await expect(start.getByText('录入村（社区）和网格')).toBeVisible();
  await expect(start.getByText('添加同事和人民调解员')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('checklist.png') });

  // The staff step's 去设置 opens the settings on that tab
  await start.getByRole('link', { name: '去设置' }).click();
  await expect(page.getByRole('tab', { name: '工作人员与调解员', selected: true })).toBeVisible();
  await page.getByRole('tab', { name: '村（社区）与网格' }).click();

  // A column pasted from a spreadsheet, with a repeat and a village already there
  await page.getByRole('button', { name: '添加村（社区）' }).click();
  const paste = page.getByRole('dialog', { name: '添加村（社区）' });
  await expect(paste.getByLabel('村（社区）名称')).toBeFocused();
  await paste.getByLabel('村（社区）名称').fill('张庄村\n阿里村\n\n东街社区\n张庄村\n高寨村');
  await expect(paste.getByText('将添加 4 个：张庄村、阿里村、东街社区、高寨村')).toBeVisible();
  await paste.getByRole('button', { name: '添加' }).click();
  await expect(page.getByText('已添加 3 个村（社区）；高寨村 已有，未重复添加')).toBeVisible();
  const order = () => page.locator('.mantine-Card-root').evaluateAll((cards) => cards.map((c) => c.querySelector('p')?.textContent));
  await expect.poll(order).toEqual(['高寨村', '张庄村', '阿里村', '东街社区']);

  // By pinyin, then back to the office's order and one moved up
  await page.getByText('按拼音', { exact: true }).click();
  await expect.poll(order).toEqual(['阿里村', '东街社区', '高寨村', '张庄村']);
  await page.getByText('本所顺序', { exact: true }).click();
  await expect.poll(order).toEqual(['高寨村', '张庄村', '阿里村', '东街社区']);
  await page.getByRole('button', { name: '上移：东街社区' }).click();
  await expect.poll(order).toEqual(['高寨村', '张庄村', '东街社区', '阿里村']);

  // A village's grids, pasted separated by 、
  await page.locator('.mantine-Card-root').filter({ hasText: '张庄村' }).getByRole('button', { name: '添加网格' }).click();
  const grids = page.getByRole('dialog', { name: '添加网格：张庄村' });
  await grids.getByLabel('网格名称').fill('第一网格、第二网格');
  await grids.getByRole('button', { name: '添加' }).click();
  await expect(page.getByRole('button', { name: '修改网格：第二网格' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('villages.png'), fullPage: true });

  // A village picker elsewhere follows the office's order
  await page.goto(`${app.url}#/disputes/new`);
  await page.getByRole('combobox', { name: '村（社区）', exact: true }).click();
  await expect(page.getByRole('option')).toHaveText(['高寨村', '张庄村', '东街社区', '阿里村']);
  await page.keyboard.press('Escape');

  // Colleagues done elsewhere; the case numbers kept from their example
  app.call('staff.save', { name: '赵调解', kind: 'mediator', committee: '高寨村人民调解委员会' });
  await page.goto(app.url);
  await expect(start.getByText('完成 2/3 项')).toBeVisible();
  await expect(start.getByText(/^矛盾纠纷登记：高寨乡纠〔\d{4}〕1号、高寨乡纠〔\d{4}〕2号……$/)).toBeVisible();
  await start.getByRole('button', { name: '就用这个格式' }).click();
  await expect(page.getByText('案号格式已确认')).toBeVisible();
  await expect(start).toBeHidden();
});
