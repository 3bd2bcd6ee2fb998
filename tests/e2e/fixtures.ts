/**
 * Each test gets its own ledger file in a temporary folder and its own browser-mode server on a
 * random loopback port, started in-process from electron/web.ts with the real router. The host's clock
 * is fixed (E2E_TODAY, or another day through `test.use({ today })`) so that overdue flags and defaults
 * are predictable.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fixedClock } from '../../db/context';
import { openLedger, type Ledger } from '../../db/open';
import { closeHost, createHost, invoke, type Host } from '../../db/router';
import type { Input, Method, Output } from '../../shared/contract';
import { startWebServer, type WebServer } from '../../electron/web';

export interface LedgerFixture {
  url: string;
  path: string;
  ledger: Ledger;
  host: Host;
  server: WebServer;
  /** Calls the API directly (for arranging data), typed from the contract, throwing on failure. */
  call<M extends Method>(method: M, input: Input<M>): Output<M>;
}

const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
export const E2E_TODAY = '2024-06-15';

export const test = base.extend<{ app: LedgerFixture; today: string }>({
  /** The host's today; a spec that needs another day says `test.use({ today: '2026-11-29' })`. */
  today: [E2E_TODAY, { option: true }],
  app: async ({ today }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
    const path = join(dir, 'ledger.db');
    const ledger = openLedger(path);
    // As the app runs: the daily to-do rebuild in a worker thread.
    const host = createHost(ledger, { clock: fixedClock(today), log: (l) => console.error(l), background: true });
    const server = await startWebServer({ host, staticDir });
    const call = <M extends Method>(method: M, input: Input<M>): Output<M> => {
      const r = invoke(host, method, input);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    await use({ url: server.url, path, ledger, host, server, call });
    await server.close();
    await closeHost(host);
    rmSync(dir, { recursive: true, force: true });
  },
});

export { expect };

/** Types a date, then clicks a heading (as a user would) so the calendar closes and uncovers the next field. */
export async function fillDate(field: Locator, value: string, heading: Locator) {
  await field.fill(value);
  await heading.click();
  await expect(field).toHaveValue(value);
}

/** A full-page screenshot in the test's output folder, to look at. */
export const shot = (page: Page, name: string) => page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });

/** Picks an option of a labelled select (within `scope`, a dialog for instance); the options open in the page. */
export async function choose(scope: Page | Locator, page: Page, label: string, option: string | RegExp) {
  await scope.getByRole('combobox', { name: label, exact: true }).click();
  await page.getByRole('option', { name: option }).click();
}
