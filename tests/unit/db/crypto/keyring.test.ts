/**
 * The keyring (db/crypto/keyring.ts): a data key wrapped per slot, unwrapped only by its secret; a password
 * change rewraps one slot and leaves the others; every field of the file is covered, so a changed one is
 * refused in Chinese; the recovery code is read the way people type it. scrypt runs with lowered
 * parameters here, except in the test that measures the published ones.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import {
  accountSlot,
  createKeyring,
  KDF_DEFAULT,
  type Keyring,
  newDataKey,
  newRecoveryCode,
  normalizeRecoveryCode,
  parseKeyring,
  readKeyring,
  RECOVERY_SLOT,
  removeSlot,
  setSlot,
  TAMPERED,
  unwrapKey,
  WRONG_PASSWORD,
  WRONG_RECOVERY_CODE,
  writeKeyring,
} from '../../../../db/crypto/keyring';
import { tempDir } from '../../../helpers/test-db';

const FAST = { kdf: { name: 'scrypt' as const, N: 2 ** 10, r: 8, p: 1 } };

async function ring() {
  const key = newDataKey();
  const code = newRecoveryCode();
  const keyring = await createKeyring(
    key,
    'chacha20',
    [
      { id: accountSlot('admin'), kind: 'account', label: '管理员', secret: '正确的密码 horse battery' },
      { id: RECOVERY_SLOT, kind: 'recovery', secret: code },
    ],
    FAST,
  );
  return { key, code, keyring };
}

describe('the keyring', () => {
  it('gives the data key back to the right password and to the recovery code, and to nothing else', async () => {
    const { key, code, keyring } = await ring();
    expect(key).toHaveLength(32);
    expect(await unwrapKey(keyring, accountSlot('admin'), '正确的密码 horse battery')).toEqual(key);
    expect(await unwrapKey(keyring, RECOVERY_SLOT, code)).toEqual(key);
    await expect(unwrapKey(keyring, accountSlot('admin'), '错误的密码')).rejects.toThrow(WRONG_PASSWORD);
    await expect(unwrapKey(keyring, RECOVERY_SLOT, newRecoveryCode())).rejects.toThrow(WRONG_RECOVERY_CODE);
    await expect(unwrapKey(keyring, accountSlot('nobody'), 'x')).rejects.toThrow(/没有密钥槽/);
    // The key itself is nowhere in the file.
    const text = JSON.stringify(keyring);
    expect(text).not.toContain(key.toString('hex'));
    expect(text).not.toContain(key.toString('base64'));
  });

  it('reads the recovery code as people type it', async () => {
    const { key, code, keyring } = await ring();
    expect(code).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    const typed = code.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
    expect(await unwrapKey(keyring, RECOVERY_SLOT, typed)).toEqual(key);
    expect(() => normalizeRecoveryCode('ABCD-EFGH')).toThrow(/恢复码应为 24 个字母或数字/);
    expect(() => normalizeRecoveryCode(`${code.slice(0, -1)}U`)).toThrow(/恢复码应为/);
  });

  it('rewraps one slot on a password change; the other slots are byte for byte the same', async () => {
    const { key, code, keyring } = await ring();
    const changed = await setSlot(keyring, key, { id: accountSlot('admin'), kind: 'account', secret: '新的密码' }, FAST);
    expect(changed.slots.find((s) => s.id === RECOVERY_SLOT)).toEqual(keyring.slots.find((s) => s.id === RECOVERY_SLOT));
    await expect(unwrapKey(changed, accountSlot('admin'), '正确的密码 horse battery')).rejects.toThrow(WRONG_PASSWORD);
    expect(await unwrapKey(changed, accountSlot('admin'), '新的密码')).toEqual(key);
    expect(await unwrapKey(changed, RECOVERY_SLOT, code)).toEqual(key);
    const added = await setSlot(changed, key, { id: accountSlot('li'), kind: 'account', label: '李四', secret: 'li-pass' }, FAST);
    expect(await unwrapKey(added, accountSlot('li'), 'li-pass')).toEqual(key);
    const removed = removeSlot(added, key, accountSlot('li'));
    await expect(unwrapKey(removed, accountSlot('li'), 'li-pass')).rejects.toThrow(/没有密钥槽/);
    expect(() => removeSlot(removed, key, RECOVERY_SLOT)).toThrow(/不能删除/);
    // Only the holder of the data key can change the keyring.
    await expect(setSlot(keyring, newDataKey(), { id: accountSlot('x'), kind: 'account', secret: 'x' }, FAST)).rejects.toThrow(TAMPERED);
  });

  it('is written whole and read back; each field changed is refused in Chinese', async () => {
    const { keyring, key } = await ring();
    const file = join(tempDir(), 'ledger.db.keys');
    writeKeyring(file, keyring);
    expect(readKeyring(file)).toEqual(keyring);
    const original = readFileSync(file, 'utf8');
    const edits: [string, (k: Keyring) => void][] = [
      ['format', (k) => ((k as { format: string }).format = 'other')],
      ['version', (k) => (k.version = 0)],
      ['cipher', (k) => (k.cipher = 'sqlcipher')],
      ['mac', (k) => (k.mac = '0'.repeat(64))],
      ['checksum', (k) => (k.checksum = 'f'.repeat(64))],
      ['slot id', (k) => (k.slots[0]!.id = accountSlot('mallory'))],
      ['slot kind', (k) => (k.slots[0]!.kind = 'recovery')],
      ['slot label', (k) => (k.slots[0]!.label = '别人')],
      ['kdf N', (k) => (k.slots[0]!.kdf.N = 2 ** 11)],
      ['kdf N too low', (k) => (k.slots[0]!.kdf.N = 2)],
      ['kdf r', (k) => (k.slots[0]!.kdf.r = 4)],
      ['kdf p', (k) => (k.slots[0]!.kdf.p = 2)],
      ['salt', (k) => (k.slots[0]!.salt = Buffer.alloc(16, 1).toString('base64'))],
      ['iv', (k) => (k.slots[0]!.iv = Buffer.alloc(12, 1).toString('base64'))],
      ['wrapped', (k) => (k.slots[0]!.wrapped = Buffer.alloc(32, 1).toString('base64'))],
      ['tag', (k) => (k.slots[0]!.tag = Buffer.alloc(16, 1).toString('base64'))],
      ['createdAt', (k) => (k.slots[0]!.createdAt = '2000-01-01T00:00:00Z')],
      ['slot removed', (k) => k.slots.pop()],
      ['slot doubled', (k) => k.slots.push(k.slots[0]!)],
    ];
    for (const [what, edit] of edits) {
      const k = JSON.parse(original) as Keyring;
      edit(k);
      writeFileSync(file, JSON.stringify(k));
      expect(() => readKeyring(file), what).toThrow(/账本的密钥文件已损坏或被改动/);
    }
    writeFileSync(file, original.slice(0, 100));
    expect(() => readKeyring(file)).toThrow(/账本的密钥文件已损坏或被改动/);
    writeFileSync(file, JSON.stringify({ ...keyring, version: 9 }));
    expect(() => readKeyring(file)).toThrow(/更高版本/);

    // A tamperer who also recomputes the checksum (it has no key) is still caught: by the slot's GCM tag or the MAC.
    const { createHash } = await import('node:crypto');
    const recomputed = (edit: (k: Keyring) => void) => {
      const k = JSON.parse(original) as Keyring;
      edit(k);
      const body = JSON.stringify([
        k.format,
        k.version,
        k.cipher,
        k.slots.map((s) => [s.id, s.kind, s.label, s.kdf.name, s.kdf.N, s.kdf.r, s.kdf.p, s.salt, s.iv, s.wrapped, s.tag, s.createdAt]),
      ]);
      k.checksum = createHash('sha256').update(body).update(`|${k.mac}`).digest('hex');
      return parseKeyring(JSON.stringify(k));
    };
    await expect(
      unwrapKey(
        recomputed((k) => (k.slots[0]!.kdf.N = 2 ** 11)),
        accountSlot('admin'),
        '正确的密码 horse battery',
      ),
    ).rejects.toThrow(WRONG_PASSWORD);
    await expect(
      unwrapKey(
        recomputed((k) => (k.slots[1]!.label = '改过')),
        accountSlot('admin'),
        '正确的密码 horse battery',
      ),
    ).rejects.toThrow(TAMPERED);
    expect(key).toHaveLength(32);
  });

  it('publishes scrypt N=2^17, r=8, p=1, which costs a deliberate 0.2–1.5 s an unwrap here', async () => {
    expect(KDF_DEFAULT).toEqual({ name: 'scrypt', N: 131072, r: 8, p: 1 });
    const key = newDataKey();
    const keyring = await createKeyring(key, 'chacha20', [{ id: accountSlot('admin'), kind: 'account', secret: 'pw' }]);
    expect(keyring.slots[0]!.kdf).toEqual(KDF_DEFAULT);
    const t0 = performance.now();
    expect(await unwrapKey(keyring, accountSlot('admin'), 'pw')).toEqual(key);
    const ms = performance.now() - t0;
    expect(ms).toBeGreaterThan(150);
    expect(ms).toBeLessThan(3000);
  });
});
