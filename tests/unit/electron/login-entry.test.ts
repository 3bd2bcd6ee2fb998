/**
 * The app and browser mode open their host with a login (db/router.ts, `login`); the command line's
 * other commands (backup, verify, export) run as scripts without one. Read from the sources, since
 * neither entry can be started here without Electron or a browser.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const source = (file: string) => readFileSync(new URL(`../../../electron/${file}`, import.meta.url), 'utf8');

describe('the entries that face a user require a login', () => {
  it('the desktop app’s ledger service', () => {
    expect(source('host-service.ts')).toMatch(/createHost\([^;]*login: true/);
  });

  it('browser mode (npm run web)', () => {
    const web = source('cli.ts').split('export async function runWeb')[1]!.split('\nexport ')[0]!;
    expect(web).toMatch(/createHost\([^;]*login: true/);
  });
});
