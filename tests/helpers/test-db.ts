/** A real ledger file in a fresh temporary folder, migrated, with a fixed clock and a set-up township. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../shared/dates';
import { fixedClock, type ServiceContext } from '../../db/context';
import { openLedger, type Ledger } from '../../db/open';
import { contextFor, createHost, dispatch, invoke, invokeAsync, type Host } from '../../db/router';
import type { Input, Method, Output } from '../../shared/contract';
import type { Envelope } from '../../shared/errors';
import { idCheckChar } from '../../shared/domain/id-number';

export const TODAY = '2024-06-15';

export interface TestLedger {
  dir: string;
  path: string;
  ledger: Ledger;
  host: Host;
  ctx(): ServiceContext;
  /** Calls a method of the contract (typed from it), throwing on failure. */
  call<M extends Method>(method: M, input: Input<M>): Output<M>;
  /** Any method name and any input, as an untrusted caller sends them: the envelope as it comes back. */
  raw(method: string, input?: unknown): Envelope<unknown>;
  /** For the asynchronous methods (documents, exports): the same as the transports use. */
  callAsync<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
  /** The same ledger seen on another day (a host with its own clock), for what changes with the date. */
  onDay(day: string): Pick<TestLedger, 'call'>;
  close(): void;
}

const made: string[] = [];

/** A fresh temporary folder, removed after the test file has run (see tests/helpers/setup.ts). */
export function tempDir(prefix = 'ledger-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
}

/** scrypt at a test's cost (the production one is asserted in tests/unit/db/services/accounts.test.ts). */
export const FAST_KDF = { N: 2 ** 10, r: 8, p: 1, keylen: 32 };
/** The administrator's password of a ledger opened with `login` (the policy's 10 characters). */
export const ADMIN_PASSWORD = '高寨乡司法所2024';

/**
 * `login`: the host requires a login, as the app does; setup then makes the administrator `admin` with
 * ADMIN_PASSWORD and logs in as them.
 */
export function openTestLedger(options: { setup?: boolean; clock?: Clock; login?: boolean } = {}): TestLedger {
  const dir = tempDir();
  const path = join(dir, 'ledger.db');
  const ledger = openLedger(path);
  const host = createHost(ledger, { clock: options.clock ?? fixedClock(TODAY), log: () => {}, kdf: FAST_KDF, login: options.login });
  const t: TestLedger = {
    dir,
    path,
    ledger,
    host,
    ctx: () => contextFor(host),
    raw: (method, input) => dispatch(host, method, input),
    call(method, input) {
      const r = invoke(host, method, input);
      if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { wire: r.error });
      return r.value;
    },
    onDay(day) {
      const other = createHost(ledger, { clock: fixedClock(day), log: () => {} });
      return {
        call(method, input) {
          const r = invoke(other, method, input);
          if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { wire: r.error });
          return r.value;
        },
      };
    },
    async callAsync(method, input) {
      const r = await invokeAsync(host, method, input);
      if (!r.ok) throw Object.assign(new Error(`${method}: ${r.error.code} ${r.error.message}`), { wire: r.error });
      return r.value;
    },
    close() {
      ledger.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.setup !== false) {
    const login = options.login ? { username: 'admin', password: ADMIN_PASSWORD } : {};
    t.call('setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解', operatorPost: '调委会主任', ...login });
  }
  return t;
}

/** Two persons and a dispute between them (张三 applies against 李四): a ledger with something in it. */
export function withADispute(t: Pick<TestLedger, 'call'>): void {
  const a = t.call('persons.create', { name: '张三' });
  const b = t.call('persons.create', { name: '李四' });
  t.call('disputes.create', {
    intakeDate: '2024-06-01',
    source: 'visit',
    category: '02',
    summary: '排水沟纠纷',
    parties: [
      { personId: a.id, role: 'applicant' },
      { personId: b.id, role: 'respondent' },
    ],
  });
}

/** The migrations of an earlier version: all but the last `drop`, or (a tag prefix) all before it. */
export function previousVersionMigrations(dir: string, drop: number | string = 1): string {
  const real = fileURLToPath(new URL('../../db/migrations', import.meta.url));
  const folder = join(dir, 'previous-migrations');
  cpSync(real, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const count = typeof drop === 'number' ? drop : journal.entries.filter((e) => e.tag >= drop).length;
  for (let i = 0; i < count; i++) rmSync(join(folder, `${journal.entries.pop()!.tag}.sql`));
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

/** Valid ID numbers built with the real checksum, for fixtures. */
export function makeIdNumber(region: string, birth: string, seq: string): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${seq}`;
  return first17 + idCheckChar(first17);
}
