/**
 * The bench's encrypted figures (RELIABILITY G8): an encrypted copy of the bench ledger (VACUUM INTO, then
 * encrypted in place as `ledger encrypt` does, with a keyring of the published scrypt parameters), then
 * unlock_ms — from the password to the first page of disputes: the keyring's unwrap, the open as the app
 * opens (its quick_check in the background above 100 MB), the first list — the median of 3; and the hot
 * paths of the plain ledger (hot-paths.ts) timed again on it, once its background check is stopped: enc_dispute_list_ms, enc_person_search_ms,
 * enc_write_ms.
 */
import type Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../../db/context';
import { LEDGER_CIPHER } from '../../db/crypto/cipher';
import { encryptFileInPlace, unlockLedger } from '../../db/crypto/encrypt';
import { accountSlot, createKeyring, keysPath, newDataKey, writeKeyring } from '../../db/crypto/keyring';
import { DEFER_CHECK_ABOVE_BYTES, openLedger } from '../../db/open';
import { closeHost, createHost, invoke } from '../../db/router';
import { hotPaths, TODAY } from './hot-paths';
import { median, must, round } from './timing';

const PASSWORD = '基准测试的管理员密码';

export async function encryptedBench(
  plain: Database.Database,
  dir: string,
  personIds: readonly string[],
): Promise<Record<'unlock_ms' | 'enc_dispute_list_ms' | 'enc_person_search_ms' | 'enc_write_ms', number>> {
  const path = join(dir, 'encrypted.db');
  const t0 = performance.now();
  plain.prepare('VACUUM INTO ?').run(path);
  const key = newDataKey();
  encryptFileInPlace(path, key);
  writeKeyring(keysPath(path), await createKeyring(key, LEDGER_CIPHER, [{ id: accountSlot('admin'), kind: 'account', secret: PASSWORD }]));
  console.log(`加密副本写成（VACUUM INTO + 加密）：${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const open = async () => {
    const k = await unlockLedger(path, { account: 'admin' }, PASSWORD);
    const ledger = openLedger(path, { key: k, deferCheckAbove: DEFER_CHECK_ABOVE_BYTES });
    const host = createHost(ledger, { clock: fixedClock(TODAY) });
    must(invoke(host, 'disputes.list', { page: 1, pageSize: 50 }));
    return { ledger, host };
  };
  const unlocks: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const { host } = await open();
    unlocks.push(performance.now() - t);
    await closeHost(host);
  }
  const { ledger, host } = await open();
  // The background quick_check of the file (as the app runs it) stopped: it would take a core from the timings.
  await host.integrity?.stop();
  try {
    const hot = hotPaths(ledger.db, host, personIds);
    const unlockMs = median(unlocks);
    console.log(
      `加密账本（ChaCha20-Poly1305）：解锁到首页 ${unlockMs.toFixed(0)} ms（scrypt N=2^17）；纠纷列表 ${hot.listMs.toFixed(3)} ms，人员搜索 ${hot.searchMs.toFixed(3)} ms，写入一件纠纷 ${hot.writeMs.toFixed(3)} ms`,
    );
    return {
      unlock_ms: round(unlockMs),
      enc_dispute_list_ms: round(hot.listMs),
      enc_person_search_ms: round(hot.searchMs),
      enc_write_ms: round(hot.writeMs),
    };
  } finally {
    ledger.close();
    rmSync(path, { force: true });
  }
}
