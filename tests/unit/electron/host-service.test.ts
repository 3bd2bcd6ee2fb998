/**
 * The ledger service the desktop app runs in its own process (RELIABILITY G7), and the main process's
 * client, talking over a real MessageChannel with the real router on a real file: calls answered by
 * number, a file that cannot be opened refused with the reason, the close with its backup, and calls
 * answered (not left hanging) once the service has stopped.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackupFiles, backupFolder } from '../../../db/backup/backup';
import { openLedger } from '../../../db/open';
import { HostClient } from '../../../electron/host-client';
import { serveHost, type Port } from '../../../electron/host-service';

let dir: string;
let ports: MessagePort[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ledger-service-'));
});
afterEach(() => {
  for (const p of ports) p.close();
  ports = [];
  rmSync(dir, { recursive: true, force: true });
});

function port<In, Out>(p: MessagePort): Port<In, Out> {
  ports.push(p);
  return { postMessage: (m) => p.postMessage(m), onMessage: (listener) => p.on('message', listener) };
}

function connect(dbPath: string): HostClient {
  const { port1, port2 } = new MessageChannel();
  const client = new HostClient(port(port2));
  serveHost(port(port1), { dbPath });
  return client;
}

describe('the ledger service and its client', () => {
  it('opens the ledger, answers each call by its number, and closes it with the exit backup', async () => {
    const path = join(dir, 'ledger.db');
    const client = connect(path);
    await client.ready;
    const [status, bad, init] = await Promise.all([
      client.invoke('setup.status', {}),
      client.invoke('persons.create', { name: '李四' }),
      client.invoke('setup.init', {
        townshipName: '高寨乡',
        county: '某某县',
        operatorName: '王调解',
        username: 'admin',
        password: '高寨乡司法所2024',
      }),
    ]);
    expect(status).toMatchObject({ ok: true, value: { initialized: false } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'NOT_SETUP' } });
    expect(init).toMatchObject({ ok: true });
    // The app's service requires a login: setup logged its administrator in; logged out, nothing answers.
    expect(await client.invoke('persons.create', { name: '张三' })).toMatchObject({ ok: true, value: { name: '张三' } });
    await client.invoke('session.logout', {});
    expect(await client.invoke('persons.list', {})).toMatchObject({ ok: false, error: { code: 'LOGIN_REQUIRED' } });
    expect(await client.invoke('session.login', { username: 'admin', password: '高寨乡司法所2024' })).toMatchObject({ ok: true });
    expect(await client.invoke('no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    await client.close(true);
    // Closed: the lock is released (the file opens again) and the session's changes were backed up.
    expect(listBackupFiles(backupFolder(path)).some((b) => b.manifest?.reason === 'exit')).toBe(true);
    openLedger(path).close();
  });

  it('refuses a file it cannot open with the reason in Chinese, and how to restore a damaged one', async () => {
    const path = join(dir, 'ledger.db');
    writeFileSync(path, 'this is not a ledger, just some text that happens to be here '.repeat(100));
    const client = connect(path);
    await expect(client.ready).rejects.toMatchObject({ message: expect.stringMatching(/[\u4e00-\u9fa5]/) });
  });

  it('answers the calls still waiting, and every later one, when the service process has stopped', async () => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    const client = new HostClient(port(port2));
    const waiting = client.invoke('setup.status', {});
    client.exited();
    const stopped = { ok: false, error: { code: 'INTERNAL', message: '账本服务已停止，数据未被改动。请关闭并重新打开程序。' } };
    expect(await waiting).toEqual(stopped);
    expect(await client.invoke('setup.status', {})).toEqual(stopped);
    await client.close(true);
  });
});
