/**
 * 设置 → 备份与恢复: 立即备份 is listed as verified, a record added afterwards is gone once the backup is
 * restored (after a preview and a confirmation), and 撤销恢复 brings it back — all through the same host,
 * which swaps the open ledger in place. And a new PC's first-run screen restores the office's backup.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeBackup } from '../../db/backup/backup';
import { fixedClock } from '../../db/context';
import { openLedger } from '../../db/open';
import { createHost, invoke } from '../../db/router';
import { E2E_PASSWORD, E2E_TODAY, expect, shot, test } from './fixtures';

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

test('a new PC restores the office ledger from a USB stick on the first-run screen', async ({ page, app }) => {
  // The office's ledger, backed up to a "USB stick" folder.
  const usb = mkdtempSync(join(tmpdir(), 'ledger-usb-'));
  const office = openLedger(join(usb, 'office.db'));
  const host = createHost(office, { clock: fixedClock(E2E_TODAY), log: () => {} });
  invoke(host, 'setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  invoke(host, 'persons.create', { name: '赵六' });
  const backup = writeBackup(office.db, { dbPath: office.path, reason: 'manual', clock: fixedClock(E2E_TODAY), folder: usb });
  office.close();

  await page.goto(app.url);
  await expect(page.getByRole('heading', { name: '乡镇司法台账 · 首次设置' })).toBeVisible();
  await page.getByRole('textbox', { name: '用其他位置的备份恢复' }).fill(backup.path);
  await page.getByRole('button', { name: '查看并恢复' }).click();
  const dialog = page.getByRole('dialog', { name: '用备份恢复账本' });
  await expect(dialog).toContainText('高寨乡');
  await shot(page, '04-first-run-restore');
  await dialog.getByRole('button', { name: '确认恢复' }).click();
  // The office's ledger was set up without a password (as an upgraded one is): its administrator sets one first.
  await expect(page.getByRole('heading', { name: '设置管理员密码' })).toBeVisible();
  await page.getByLabel(/^密码/).fill(E2E_PASSWORD);
  await page.getByLabel('再次输入密码').fill(E2E_PASSWORD);
  await page.getByRole('button', { name: '设置密码并登录' }).click();
  await page.goto(`${app.url}#/persons`);
  await expect(page.getByText('赵六')).toBeVisible();
  rmSync(usb, { recursive: true, force: true });
});
