/**
 * Debian's Chromium as the e2e tests (playwright.config.ts) and the interface bench (tests/bench/ui.ts)
 * launch it, and the window they give a page: CHROMIUM_PATH names another build.
 */
import type { BrowserContextOptions, LaunchOptions } from '@playwright/test';

export const CHROMIUM: LaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
  ],
};

/** A Chinese office PC's settings and a laptop's window. */
export const WINDOW: Pick<BrowserContextOptions, 'locale' | 'timezoneId' | 'viewport'> = {
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
  viewport: { width: 1366, height: 800 },
};
