/**
 * The desktop app's ledger service on an encrypted ledger (electron/host-service.ts), over a real
 * MessageChannel: it says 'locked' and refuses every call until the right password or recovery code opens
 * the ledger; a wrong one is answered with the Chinese reason and nothing is opened.
 */
import { join } from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { createEncryptedLedger } from '../../../db/crypto/encrypt';
import { WRONG_PASSWORD } from '../../../db/crypto/keyring';
import { HostClient } from '../../../electron/host-client';
import { type Port, serveHost } from '../../../electron/host-service';
import { tempDir } from '../../helpers/test-db';

const ports: MessagePort[] = [];
afterEach(() => {
  for (const p of ports.splice(0)) p.close();
});
const wrap = <In, Out>(p: MessagePort): Port<In, Out> => {
  ports.push(p);
  return { postMessage: (m) => p.postMessage(m), onMessage: (listener) => p.on('message', listener) };
};

describe('the ledger service on an encrypted ledger', () => {
  it('is locked until unlocked, then answers as usual', async () => {
    const path = join(tempDir(), 'ledger.db');
    const made = await createEncryptedLedger(path, {
      admin: { account: 'admin', password: '管理员密码-2024' },
      kdf: { name: 'scrypt', N: 2 ** 10, r: 8, p: 1 },
    });
    made.ledger.close();
    const { port1, port2 } = new MessageChannel();
    const client = new HostClient(wrap(port2));
    serveHost(wrap(port1), { dbPath: path });
    await client.locked;
    expect(await client.invoke('setup.status', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    expect(await client.unlock({ account: 'admin' }, '不对的密码')).toBe(WRONG_PASSWORD);
    expect(await client.unlock('recovery', made.recoveryCode)).toBeNull();
    await client.ready;
    expect(await client.invoke('setup.status', {})).toMatchObject({ ok: true, value: { initialized: false } });
    await client.close(false);
  });
});
