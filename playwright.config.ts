import { defineConfig } from '@playwright/test';
import { CHROMIUM, WINDOW } from './tests/helpers/chromium';

/** e2e: Debian's Chromium against browser mode (the real router and a real ledger file per test). */
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  workers: 1,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    browserName: 'chromium',
    ...WINDOW,
    screenshot: 'on',
    trace: 'retain-on-failure',
    launchOptions: CHROMIUM,
  },
});
