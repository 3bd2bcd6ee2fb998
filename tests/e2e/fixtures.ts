/**
 * Each test gets its own ledger file in a temporary folder and its own browser-mode server on a
 * random loopback port, started in-process from electron/web.ts with the real router. The host's clock
 * is fixed (E2E_TODAY, or another day through `test.use({ today })`) so that overdue flags and defaults
 * are predictable; it moves only when a test calls `app.advance(minutes)` (the idle lock, a lockout's end).
 *
 * The host requires a login, as the app does. Setting up through `app.call('setup.init', …)` makes the
 * administrator `admin` with E2E_PASSWORD (unless the spec gives its own) and logs the host in, so the
 * page opens logged in; a spec that sets up through the first-run screen types them there.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openLedger, type Ledger } from '../../db/open';
import { closeHost, createHost, invoke, type Host } from '../../db/router';
import type { Input, Method, Output } from '../../shared/contract';
import { startWebServer, type WebServer } from '../../electron/web';
import { movingClock } from '../helpers/clock';
import { FAST_KDF } from '../helpers/test-db';

export interface LedgerFixture {
  url: string;
  path: string;
  ledger: Ledger;
  host: Host;
  server: WebServer;
  /** Calls the API directly (for arranging data), typed from the contract, throwing on failure. */
  call<M extends Method>(method: M, input: Input<M>): Output<M>;
  /** Moves the host's clock on (the page's own clock is Playwright's). */
  advance(minutes: number): void;
  /**
   * Logs the host in as a colleague from the staff list (the administrator `admin` for the one who set up),
   * giving them an account with E2E_PASSWORD first if they have none; reload the page after.
   */
  signInAs(name: string, role?: 'admin' | 'staff' | 'viewer'): void;
}

/** The administrator's password of every e2e ledger set up through the API (10 characters, the default policy). */
export const E2E_PASSWORD = 'e2e-司法所-password';

const staticDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
export const E2E_TODAY = '2024-06-15';

export const test = base.extend<{ app: LedgerFixture; today: string }>({
  /** The host's today; a spec that needs another day says `test.use({ today: '2026-11-29' })`. */
  today: [E2E_TODAY, { option: true }],
  app: async ({ today }, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
    const path = join(dir, 'ledger.db');
    const ledger = openLedger(path);
    const time = movingClock(`${today}T08:00:00.000Z`);
    // As the app runs: the daily to-do rebuild in a worker thread, and a login (at a test's scrypt cost).
    const host = createHost(ledger, { clock: time.clock, log: (l) => console.error(l), background: true, login: true, kdf: FAST_KDF });
    const server = await startWebServer({ host, staticDir });
    const call = <M extends Method>(method: M, input: Input<M>): Output<M> => {
      const given = method === 'setup.init' ? { username: 'admin', password: E2E_PASSWORD, ...(input as object) } : input;
      const r = invoke(host, method, given as Input<M>);
      if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
      return r.value;
    };
    // Who has an account made here, by name: they log in with E2E_PASSWORD (their first one already changed).
    const known = new Map<string, string>();
    const signInAs = (name: string, role: 'admin' | 'staff' | 'viewer' = 'staff') => {
      const username = known.get(name);
      if (username) {
        call('session.login', { username, password: E2E_PASSWORD });
        return;
      }
      // The administrator sees the accounts (set up as `admin` with E2E_PASSWORD, by the API or on the first-run screen).
      call('session.login', { username: 'admin', password: E2E_PASSWORD });
      const account = call('accounts.list', {}).find((a) => a.name === name);
      if (account?.username === 'admin') {
        known.set(name, 'admin');
        return;
      }
      const staff = call('staff.list', {}).find((s) => s.name === name);
      call('accounts.create', {
        staffId: staff?.id,
        name: staff ? undefined : name,
        username: name,
        role,
        password: `${E2E_PASSWORD}-first`,
      });
      call('session.login', { username: name, password: `${E2E_PASSWORD}-first` });
      call('session.changePassword', { current: `${E2E_PASSWORD}-first`, next: E2E_PASSWORD });
      known.set(name, name);
    };
    await use({ url: server.url, path, ledger, host, server, call, advance: time.advance, signInAs });
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

/** The first-run screen's administrator: `admin` with E2E_PASSWORD, as `app.call('setup.init', …)` makes it. */
export async function fillAdministrator(page: Page) {
  await page.getByLabel('管理员用户名').fill('admin');
  await page.getByLabel(/^管理员密码/).fill(E2E_PASSWORD);
  await page.getByLabel('再次输入管理员密码').fill(E2E_PASSWORD);
}
