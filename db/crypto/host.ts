/**
 * Encryption at rest as the host's accounts and settings use it (RELIABILITY G8): encrypting the open
 * ledger (first-run setup that chose it, an upgrade, 设置), and keeping the keyring in step with the accounts
 * — a password set or changed rewraps that account's slot, a removed account loses its slot. The data key
 * is the one this process unlocked the ledger with (cipher.ts keeps it while the ledger is open); nothing
 * here rewrites the ledger file except `encryptOpenLedger`.
 */
import { type Host, swapLedger } from '../services/backups';
import { keyFor } from './cipher';
import { type Encrypted, encryptLedger, type FirstSlot, type KeyOptions, renewRecoveryCode, setUnlockSecret } from './encrypt';
import { accountSlot, keysPath, readKeyring, removeSlot, writeKeyring } from './keyring';

/**
 * Encrypts the host's plain ledger (db/crypto/encrypt.ts `encryptLedger`), its background jobs stopped
 * meanwhile as for a restore. Returns the recovery code, to be shown and printed once.
 */
export function encryptOpenLedger(
  host: Host,
  admin: FirstSlot,
  options: KeyOptions & { onStep?: (step: string) => void } = {},
): Promise<Encrypted> {
  return swapLedger(host, (adopt) => encryptLedger(host.ledger, { ...options, clock: host.clock, admin, open: host.openOptions, adopt }));
}

/** The data key of the host's encrypted ledger; null for a plain one. */
function hostKey(host: Host): Buffer | null {
  return host.ledger.encrypted ? keyFor(host.ledger.path) : null;
}

/**
 * An account's password set or changed: its slot (re)wrapped under the new password, the rest of the keyring
 * as it was. Nothing to do on a plain ledger. Call it in the same step that stores the new password hash.
 */
export async function setAccountSecret(
  host: Host,
  account: string,
  password: string,
  options: KeyOptions & { label?: string } = {},
): Promise<void> {
  const key = hostKey(host);
  if (key) await setUnlockSecret(host.ledger.path, key, { account }, password, options);
}

/** An account removed or disabled: it can no longer unlock the ledger. */
export function removeAccountSecret(host: Host, account: string): void {
  const key = hostKey(host);
  if (!key) return;
  const path = keysPath(host.ledger.path);
  const keyring = readKeyring(path);
  if (keyring.slots.some((s) => s.id === accountSlot(account))) writeKeyring(path, removeSlot(keyring, key, accountSlot(account)));
}

/** A new recovery code (the old one stops working), shown and printed once; null for a plain ledger. */
export async function renewHostRecoveryCode(host: Host, options: KeyOptions = {}): Promise<string | null> {
  const key = hostKey(host);
  return key ? renewRecoveryCode(host.ledger.path, key, options) : null;
}
