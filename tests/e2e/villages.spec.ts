/**
 * Settings → 村（社区）与网格: a village added, renamed (a dispute registered there shows the new name),
 * a grid given its grid worker (a bad phone refused at the field), and the grid removed after asking.
 */
import type { Page } from '@playwright/test';
import { E2E_TODAY, expect, test } from './fixtures';

const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

test('rename a village and keep its grids and grid workers', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  const village = app.call('villages.save', { id: null, name: '前营村' });
  app.call('grids.save', { id: null, villageId: village.id, name: '第一网格' });
  const person = app.call('persons.create', { name: '郑一' });
  const d = app.call('disputes.create', {
    intakeDate: '2024-06-01',
    source: 'visit',
    category: '02',
    villageId: village.id,
    summary: '宅基地界址争执',
    parties: [{ personId: person.id, role: 'applicant' }],
  });

  await page.clock.setFixedTime(new Date(`${E2E_TODAY}T10:00:00+08:00`));
  await page.goto(`${app.url}#/settings`);
  await page.getByRole('tab', { name: '村（社区）与网格' }).click();
  const card = page.locator('.mantine-Card-root').filter({ hasText: '前营村' });

  // 改名
  await card.getByRole('button', { name: '改名' }).click();
  const rename = page.getByRole('dialog', { name: '村（社区）改名：前营村' });
  await rename.getByLabel('名称').fill('');
  await rename.getByRole('button', { name: '保存' }).click();
  await expect(rename.getByText('请填写村（社区）名称')).toBeVisible();
  await rename.getByLabel('名称').fill('前营社区');
  await rename.getByRole('button', { name: '保存' }).click();
  await expect(rename).toBeHidden();
  const renamed = page.locator('.mantine-Card-root').filter({ hasText: '前营社区' });
  await expect(renamed).toBeVisible();

  // 网格员 on the grid
  await renamed.getByRole('button', { name: '修改网格：第一网格' }).click();
  const grid = page.getByRole('dialog', { name: '网格：前营社区 第一网格' });
  await grid.getByLabel('网格员', { exact: true }).fill('冯网格');
  await grid.getByLabel('网格员电话').fill('12345');
  await grid.getByRole('button', { name: '保存' }).click();
  await expect(grid.getByLabel('网格员电话')).toHaveAttribute('aria-invalid', 'true');
  await grid.getByLabel('网格员电话').fill('13912345678');
  await grid.getByRole('button', { name: '保存' }).click();
  await expect(grid).toBeHidden();
  await expect(renamed.getByRole('button', { name: '修改网格：第一网格' })).toContainText('第一网格（冯网格）');
  await shot(page, 'village-renamed');

  // the dispute registered there shows the new name
  await page.goto(`${app.url}#/disputes/${d.id}`);
  await expect(page.getByText('前营社区', { exact: true })).toBeVisible();

  // the grid removed, after asking
  await page.goto(`${app.url}#/settings`);
  await page.getByRole('tab', { name: '村（社区）与网格' }).click();
  await page.getByRole('button', { name: '修改网格：第一网格' }).click();
  await page.getByRole('dialog', { name: '网格：前营社区 第一网格' }).getByRole('button', { name: '删除网格' }).click();
  await page.getByRole('dialog', { name: '删除网格' }).getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('button', { name: '修改网格：第一网格' })).toHaveCount(0);
});
