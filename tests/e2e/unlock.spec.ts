/**
 * An encrypted ledger in browser mode (electron/web-unlock.ts), in Chromium: the first page is the 解锁
 * form; a wrong password says so in Chinese; the recovery code opens the ledger and the app's first screen
 * follows.
 */
import { test as base, expect } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../../db/context';
import { createEncryptedLedger } from '../../db/crypto/encrypt';
import { WRONG_PASSWORD } from '../../db/crypto/keyring';
import { openLedger } from '../../db/open';
import { closeHost, createHost } from '../../db/router';
import { startWebServer } from '../../electron/web';
import type { LockedLedger } from '../../electron/web-unlock';
import { E2E_TODAY } from './fixtures';

const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));

base('an encrypted ledger opens after the recovery code is typed on the 解锁 page', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const path = join(dir, 'ledger.db');
  const made = await createEncryptedLedger(path, {
    admin: { account: 'admin', password: '管理员密码-2024' },
    kdf: { name: 'scrypt', N: 2 ** 12, r: 8, p: 1 },
  });
  made.ledger.close();
  const gate: LockedLedger = {
    path,
    host: null,
    open: (key) => createHost(openLedger(path, { key }), { clock: fixedClock(E2E_TODAY), log: () => {} }),
  };
  const server = await startWebServer({ locked: gate, staticDir });
  try {
    await page.goto(server.url);
    await expect(page.getByRole('heading', { name: '解锁账本' })).toBeVisible();
    await page.getByLabel('密码或恢复码').fill('不对的密码');
    await page.getByRole('button', { name: '解锁' }).click();
    await expect(page.getByRole('alert')).toHaveText(WRONG_PASSWORD);
    await page.getByLabel('用恢复码解锁').check();
    await page.getByLabel('密码或恢复码').fill(made.recoveryCode.toLowerCase());
    await page.getByRole('button', { name: '解锁' }).click();
    // The app itself: a new ledger's first-run setup.
    await expect(page.getByRole('heading', { name: '解锁账本' })).toHaveCount(0);
    await expect(page.getByText('乡镇司法台账').first()).toBeVisible();
  } finally {
    await server.close();
    if (gate.host) await closeHost(gate.host);
    rmSync(dir, { recursive: true, force: true });
  }
});
