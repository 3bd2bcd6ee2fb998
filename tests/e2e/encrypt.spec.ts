/**
 * 设置 → 账户 → 账本加密 in Chromium: the administrator encrypts the ledger after their password, the
 * recovery code is shown once and the dialog closes only when it is said to be kept; the file is then
 * unreadable without the key, and both the password and the code open it.
 */
import { readFileSync } from 'node:fs';
import { accountSlotFor, unlockLedger } from '../../db/crypto/encrypt';
import { E2E_PASSWORD, expect, shot, test } from './fixtures';

test('the administrator encrypts the ledger and keeps the recovery code', async ({ page, app }) => {
  app.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' });
  app.call('persons.create', { name: '张三' });
  await page.goto(`${app.url}#/settings?tab=accounts`);
  await expect(page.getByText('账本尚未加密')).toBeVisible();
  await page.getByRole('button', { name: '加密账本…' }).click();
  const dialog = page.getByRole('dialog', { name: '加密账本' });
  await dialog.getByLabel('登录密码').fill('不是这个密码的密码');
  await dialog.getByRole('button', { name: '加密' }).click();
  await expect(page.getByText('用户名或密码不正确').first()).toBeVisible();
  await dialog.getByLabel('登录密码').fill(E2E_PASSWORD);
  await dialog.getByRole('button', { name: '加密' }).click();

  const kept = page.getByRole('dialog', { name: '账本已加密：请保存恢复码' });
  await expect(kept).toBeVisible();
  const code = (await kept.getByTestId('recovery-code').textContent())!.trim();
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$/);
  await shot(page, 'recovery-code');
  await expect(kept.getByRole('button', { name: '完成' })).toBeDisabled();
  await kept.getByLabel('我已抄写或打印并封存恢复码').check();
  await kept.getByRole('button', { name: '完成' }).click();
  await expect(kept).toBeHidden();
  await expect(page.getByText('账本已加密：账本文件、写前日志和每个备份')).toBeVisible();

  // The file reads as noise; the administrator's password and the recovery code both open it.
  expect(readFileSync(app.path).subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
  await expect(unlockLedger(app.path, accountSlotFor(app.path, 'admin'), E2E_PASSWORD)).resolves.toBeInstanceOf(Buffer);
  await expect(unlockLedger(app.path, 'recovery', code)).resolves.toBeInstanceOf(Buffer);
  // The window goes on working on the encrypted file.
  await page.goto(`${app.url}#/persons`);
  await expect(page.getByText('张三')).toBeVisible();
});
