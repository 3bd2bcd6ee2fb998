/**
 * 设置 → 备份与恢复: 立即备份 is listed as verified, a record added afterwards is gone once the backup is
 * restored (after a preview and a confirmation), and 撤销恢复 brings it back — all through the same host,
 * which swaps the open ledger in place.
 */
import { expect, shot, test } from './fixtures';

// The office PC's usual screen.
test.use({ viewport: { width: 1366, height: 768 } });

test('back up, restore a backup, and undo the restore', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  app.call('persons.create', { name: '张三' });

  await page.goto(`${app.url}#/settings`);
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await expect(page.getByText('还没有备份。')).toBeVisible();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/已备份并校验：/)).toBeVisible();
  const manual = page.getByTestId('backup-list').getByRole('row').filter({ hasText: '手动' });
  await expect(manual).toContainText('已校验');
  await expect(manual).toContainText('人员 1');
  await manual.getByRole('button', { name: '重新校验' }).click();
  await expect(manual).toContainText('校验通过');
  await shot(page, '01-backup-listed');

  // A record added after the backup.
  app.call('persons.create', { name: '李四' });
  await page.goto(`${app.url}#/persons`);
  await expect(page.getByText('李四')).toBeVisible();

  // Restore: what the backup holds, then the confirmation.
  await page.goto(`${app.url}#/settings`);
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await manual.getByRole('button', { name: '恢复' }).click();
  const dialog = page.getByRole('dialog', { name: '用备份恢复账本' });
  await expect(dialog.getByTestId('preview-counts')).toContainText('人员 1');
  await expect(dialog).toContainText('高寨乡');
  await shot(page, '02-restore-preview');
  await dialog.getByRole('button', { name: '确认恢复' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('账本已用备份恢复')).toBeVisible();
  await expect(page.getByTestId('backup-list').getByRole('row').filter({ hasText: '恢复前' })).toHaveCount(1);
  await shot(page, '03-restored');

  await page.goto(`${app.url}#/persons`);
  await expect(page.getByText('张三')).toBeVisible();
  await expect(page.getByText('李四')).toHaveCount(0);

  // 撤销恢复: back to the ledger as it was before the restore.
  await page.goto(`${app.url}#/settings`);
  await page.getByRole('tab', { name: '备份与恢复' }).click();
  await page.getByRole('button', { name: '撤销恢复' }).click();
  await expect(page.getByText('已撤销恢复，账本回到恢复前的状态')).toBeVisible();
  await expect(page.getByText('账本已用备份恢复')).toHaveCount(0);
  await page.goto(`${app.url}#/persons`);
  await expect(page.getByText('李四')).toBeVisible();
});
