/**
 * The command line's side of encryption at rest (RELIABILITY G8): `ledger encrypt` converts a plain ledger
 * (db/crypto/encrypt.ts) and prints its recovery code once; every other command on an encrypted ledger
 * (or an encrypted backup) is unlocked first by `unlockForCommand`. Secrets come from the environment or
 * are typed unseen on the terminal, never from an argument, which other users of the PC could list:
 *   LEDGER_PASSWORD (with LEDGER_USER, the account, default admin) or LEDGER_RECOVERY_CODE to unlock;
 *   LEDGER_NEW_PASSWORD for the administrator's password that `ledger encrypt` sets.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { systemClock } from '../db/context';
import { isEncryptedFile, needsUnlock, rememberKey } from '../db/crypto/cipher';
import { accountSlotFor, encryptLedger, type UnlockSlot, unlockLedger } from '../db/crypto/encrypt';
import { keysPath } from '../db/crypto/keyring';
import { openLedger } from '../db/open';
import { verifyLogin } from '../db/services/accounts';
import { resolveDbPath } from '../db/paths';
import { LedgerError } from '../shared/errors';

export const DEFAULT_ACCOUNT = 'admin';
const MIN_PASSWORD = 8;

/** A line typed on the terminal without echo; null when there is no terminal. */
export async function askHidden(prompt: string): Promise<string | null> {
  if (!process.stdin.isTTY) return null;
  const { createInterface } = await import('node:readline');
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const mute = rl as unknown as { _writeToOutput: (s: string) => void };
  process.stdout.write(prompt);
  mute._writeToOutput = () => {};
  return new Promise((done) =>
    rl.question('', (answer) => {
      rl.close();
      process.stdout.write('\n');
      done(answer);
    }),
  );
}

/** Who unlocks and with what: the recovery code, else an account's password; from the environment or typed. */
async function unlockSecret(owner: string, env: NodeJS.ProcessEnv): Promise<{ slot: UnlockSlot; secret: string }> {
  if (env.LEDGER_RECOVERY_CODE) return { slot: 'recovery', secret: env.LEDGER_RECOVERY_CODE };
  const account = env.LEDGER_USER || DEFAULT_ACCOUNT;
  const secret = env.LEDGER_PASSWORD || (await askHidden(`账本已加密。请输入账户 ${account} 的密码：`));
  if (!secret)
    throw new LedgerError(
      'UNAUTHORIZED',
      '账本已加密：请用环境变量 LEDGER_PASSWORD（账户用 LEDGER_USER，默认 admin）或 LEDGER_RECOVERY_CODE 提供密码或恢复码（不要写在命令行上），或在终端中运行以便输入。',
    );
  return { slot: accountSlotFor(owner, account), secret };
}

/**
 * Unlocks the encrypted file a command is about to open — the ledger, or a backup given by name (with its
 * own keyring beside it, or else the ledger's) — and keeps its key for the process. A plain file: nothing.
 */
export async function unlockForCommand(command: string, argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  // Browser mode asks on its page (electron/web-unlock.ts) unless the environment gives the secret.
  if (command === 'web' && !env.LEDGER_PASSWORD && !env.LEDGER_RECOVERY_CODE) return;
  const named = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--db' && argv[i - 1] !== '--to');
  const ledger = resolveDbPath(argv, env);
  const files = command === 'verify' && named ? [resolve(named)] : [ledger];
  if (command === 'restore' && named) files.push(resolve(named));
  for (const file of files) {
    if (!isEncryptedFile(file)) continue;
    const owner = existsSync(keysPath(file)) ? file : ledger;
    if (!needsUnlock(owner)) continue;
    const { slot, secret } = await unlockSecret(owner, env);
    rememberKey(owner, await unlockLedger(owner, slot, secret));
    return;
  }
}

async function newPassword(env: NodeJS.ProcessEnv): Promise<string> {
  let password = env.LEDGER_NEW_PASSWORD ?? null;
  if (!password) {
    password = await askHidden('设置管理员密码（至少 8 个字符）：');
    if (password === null)
      throw new LedgerError('VALIDATION', '请在终端中运行以便输入管理员密码，或用环境变量 LEDGER_NEW_PASSWORD 提供（不要写在命令行上）。');
    if ((await askHidden('再输入一次：')) !== password) throw new LedgerError('VALIDATION', '两次输入的密码不一致，账本未作任何改动。');
  }
  if ([...password].length < MIN_PASSWORD) throw new LedgerError('VALIDATION', `密码至少 ${MIN_PASSWORD} 个字符，账本未作任何改动。`);
  return password;
}

/**
 * `ledger encrypt [--db FILE] [--user NAME]`: the plain ledger encrypted (a verified plain backup first),
 * unlocked from then on by the administrator's password or the recovery code printed here once. Returns the code.
 */
export async function runEncrypt(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const dbPath = resolveDbPath(argv, env);
  if (!existsSync(dbPath)) throw new LedgerError('NOT_FOUND', `找不到账本文件：${dbPath}`);
  if (isEncryptedFile(dbPath)) throw new LedgerError('CONFLICT', `${dbPath} 已经加密（或不是账本文件），未作任何改动。`);
  const userAt = argv.indexOf('--user');
  const account = (userAt >= 0 ? argv[userAt + 1] : undefined) || env.LEDGER_USER || DEFAULT_ACCOUNT;
  let ledger = openLedger(dbPath);
  try {
    // The ledger's own account of that name keeps its slot under its id, unlocked by its login password.
    const own = ledger.db
      .prepare(
        'SELECT id, username, password_hash IS NOT NULL AS hasPassword FROM account WHERE lower(username) = lower(?) AND disabled = 0',
      )
      .get(account) as { id: string; username: string; hasPassword: number } | undefined;
    let password: string;
    if (own?.hasPassword) {
      password = env.LEDGER_PASSWORD || ((await askHidden(`请输入账户 ${own.username} 的登录密码：`)) ?? '');
      verifyLogin({ db: ledger.db, clock: systemClock, user: { id: null, name: '命令行' } }, own.username, password);
    } else password = await newPassword(env);
    const done = await encryptLedger(ledger, {
      clock: systemClock,
      admin: own ? { account: own.id, password, label: own.username } : { account, password },
      adopt: (next) => (ledger = next),
      onStep: (step) => console.log(`${step}…`),
    });
    console.log(`账本已加密：${dbPath}`);
    console.log(`密钥文件：${keysPath(dbPath)}（与账本放在一起；备份旁也各有一份）`);
    console.log('');
    console.log('恢复码（只显示这一次，请抄写或打印后封存于保险柜；忘记密码时用它解锁）：');
    console.log('');
    console.log(`    ${done.recoveryCode}`);
    console.log('');
    console.log(`加密前的明文备份：${done.backup.path}`);
    console.log('它没有加密。确认加密后的账本能正常打开后，请按单位规定妥善保管或删除它。');
    return done.recoveryCode;
  } finally {
    ledger.close();
  }
}
