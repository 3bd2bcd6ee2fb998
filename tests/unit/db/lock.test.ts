import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock, EMPTY_LOCK_GRACE_MS, lockPathFor, machineLockPathFor } from '../../../db/lock';
import { APPLICATION_ID, openLedger } from '../../../db/open';
import { tempDir } from '../../helpers/test-db';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const opened: { close(): void }[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
});
function open(path: string) {
  const l = openLedger(path);
  opened.push(l);
  return l;
}
/** A process id that is not running here (above Linux's pid_max). */
const DEAD_PID = 2 ** 22 + 12345;
const lockFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.lock'));

describe('the lock holds for the file, not the path', () => {
  it('is seen through a hard link, a symbolic link and another spelling of the path', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    open(path);
    linkSync(path, join(dir, 'hard.db'));
    mkdirSync(join(dir, 'other'));
    symlinkSync(path, join(dir, 'other', 'soft.db'));
    for (const alias of [join(dir, 'hard.db'), join(dir, 'other', 'soft.db'), `${dir}/other/../ledger.db`, `${dir}//./ledger.db`]) {
      expect(() => openLedger(alias), alias).toThrowError(/正被另一个程序使用.*进程号 \d+/);
    }
    expect(lockFiles(dir)).toHaveLength(1);
  });

  it('is seen through a hard link in another folder', () => {
    const path = join(tempDir(), 'ledger.db');
    open(path);
    const elsewhere = join(tempDir(), 'copy-that-is-a-link.db');
    linkSync(path, elsewhere);
    expect(() => openLedger(elsewhere)).toThrowError(/正被另一个程序使用/);
    expect(lockFiles(join(elsewhere, '..'))).toEqual([]);
  });

  it('is released on close, and the file opens again', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    open(path).close();
    opened.pop();
    expect(lockFiles(dir)).toEqual([]);
    expect(() => open(join(dir, '.', 'ledger.db'))).not.toThrow();
  });

  it('takes over a stale lock left by a process that no longer runs', () => {
    const path = join(tempDir(), 'ledger.db');
    open(path).close();
    opened.pop();
    writeFileSync(lockPathFor(path), JSON.stringify({ host: hostname(), pid: DEAD_PID, since: new Date().toISOString() }));
    expect(() => open(path)).not.toThrow();
    expect(JSON.parse(readFileSync(lockPathFor(path), 'utf8')).pid).toBe(process.pid);
  });

  it('takes over a lock whose process id now belongs to a process started later', () => {
    const path = join(tempDir(), 'ledger.db');
    open(path).close();
    opened.pop();
    // This process's id, but another start time: the lock's holder ended and the id was given again.
    writeFileSync(lockPathFor(path), JSON.stringify({ host: hostname(), pid: process.pid, start: '1', since: new Date().toISOString() }));
    if (existsSync(`/proc/${process.pid}/stat`)) expect(() => open(path)).not.toThrow();
  });

  it('does not take over an empty lock while it is fresh (its holder may be writing it), but does once it is old', () => {
    const path = join(tempDir(), 'ledger.db');
    open(path).close();
    opened.pop();
    const lock = lockPathFor(path);
    writeFileSync(lock, '');
    expect(() => openLedger(path)).toThrowError(/正被另一个程序使用/);
    expect(existsSync(lock)).toBe(true);
    const old = (Date.now() - EMPTY_LOCK_GRACE_MS - 5000) / 1000;
    utimesSync(lock, old, old);
    expect(() => open(path)).not.toThrow();
  });

  it('follows the file when a restore renames another one into its place', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    const lock = acquireLock(path);
    const first = lock.path;
    writeFileSync(join(dir, 'next.db'), 'x');
    renameSync(join(dir, 'next.db'), path);
    lock.follow(path);
    expect(lock.path).not.toBe(first);
    expect(existsSync(first)).toBe(false);
    expect(() => acquireLock(path)).toThrowError(/正被另一个程序使用/);
    lock.release();
    expect(lockFiles(dir)).toEqual([]);
  });

  it('has exactly one holder among 200 processes opening at once, over a stale lock', async () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    writeFileSync(path, '');
    const stale = JSON.stringify({ host: hostname(), pid: DEAD_PID, since: new Date().toISOString() });
    writeFileSync(lockPathFor(path), stale);
    writeFileSync(machineLockPathFor(path)!, stale);
    const bundle = join(dir, 'lock.mjs');
    buildSync({
      entryPoints: [fileURLToPath(new URL('../../../db/lock.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: bundle,
      logLevel: 'silent',
    });
    const go = join(dir, 'go');
    const done = join(dir, 'done');
    const script = join(dir, 'opener.mjs');
    writeFileSync(
      script,
      `import { existsSync } from 'node:fs';
import { acquireLock } from ${JSON.stringify(bundle)};
const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
process.stdout.write('ready\\n');
while (!existsSync(${JSON.stringify(go)})) sleep(2);
let lock = null;
try { lock = acquireLock(${JSON.stringify(path)}); process.stdout.write('held\\n'); }
catch (e) { process.stdout.write((e.code ?? 'ERROR ' + e.message) + '\\n'); }
while (!existsSync(${JSON.stringify(done)})) sleep(5);
lock?.release();
`,
    );
    const N = 200;
    const results: string[] = [];
    let ready = 0;
    const exits = Array.from({ length: N }, () => {
      const child = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const lines = out.split('\n');
        out = lines.pop()!;
        for (const line of lines) {
          if (line === 'ready') ready++;
          else results.push(line);
        }
      });
      return new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
    });
    const until = async (cond: () => boolean) => {
      while (!cond()) await new Promise((r) => setTimeout(r, 20));
    };
    await until(() => ready === N);
    writeFileSync(go, '');
    await until(() => results.length === N);
    writeFileSync(done, '');
    expect(await Promise.all(exits)).toEqual(Array(N).fill(0));
    expect(results.filter((r) => r === 'held')).toHaveLength(1);
    expect(results.filter((r) => r !== 'held' && r !== 'DB_LOCKED')).toEqual([]);
    expect(lockFiles(dir)).toEqual([]);
  }, 180_000);
});

describe('opening changes nothing in a file it refuses', () => {
  it('refuses a 0-byte file where a ledger was, leaving it 0 bytes with no lock or log beside it', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    writeFileSync(path, '');
    expect(() => openLedger(path)).toThrowError(/是空的（0 字节）.*没有把它当作新账本/);
    expect(statSync(path).size).toBe(0);
    expect(readdirSync(dir)).toEqual(['ledger.db']);
  });

  it('still creates a new ledger where there is no file', () => {
    const dir = tempDir();
    const l = open(join(dir, 'new.db'));
    expect(l.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });

  it('refuses a rollback-journal file from a newer version without switching it to WAL', () => {
    const path = join(tempDir(), 'ledger.db');
    open(path).close();
    opened.pop();
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    db.prepare('INSERT INTO __drizzle_migrations (hash, created_at) VALUES (?, ?)').run('future', 9_999_999_999_999);
    db.close();
    const before = sha(path);
    expect(() => openLedger(path)).toThrowError(/更高版本/);
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(lockFiles(join(path, '..'))).toEqual([]);
  });

  it('refuses a foreign SQLite file without changing a byte', () => {
    const path = join(tempDir(), 'other.sqlite');
    const db = new Database(path);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('x');");
    db.close();
    const before = sha(path);
    expect(() => openLedger(path)).toThrowError(/不是本程序的账本文件/);
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a file with our application id but a foreign schema rather than migrating it', () => {
    const path = join(tempDir(), 'ledger.db');
    const db = new Database(path);
    db.pragma(`application_id = ${APPLICATION_ID}`);
    db.exec('CREATE TABLE person (x TEXT)');
    db.close();
    const before = sha(path);
    expect(() => openLedger(path)).toThrowError(/不是本程序的账本结构/);
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}.backups`)).toBe(false);
  });

  it('removes leftover temporary files of a killed upgrade or backup, but not those of a running process', () => {
    const dir = tempDir();
    const path = join(dir, 'ledger.db');
    open(path).close();
    opened.pop();
    mkdirSync(`${path}.backups`, { recursive: true });
    const dead = [`${path}.bak.tmp-${DEAD_PID}`, `${path}.restore.tmp-${DEAD_PID}`, join(`${path}.backups`, `x.db.tmp-${DEAD_PID}`)];
    const alive = `${path}.bak.tmp-${process.ppid}`;
    for (const f of [...dead, alive]) writeFileSync(f, 'partial');
    open(path);
    for (const f of dead) expect(existsSync(f), f).toBe(false);
    expect(existsSync(alive)).toBe(true);
  });
});
