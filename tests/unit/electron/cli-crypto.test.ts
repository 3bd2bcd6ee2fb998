/**
 * `ledger encrypt` and the unlock of the other commands (electron/cli-crypto.ts): the password and the
 * recovery code come from the environment (or the terminal), never an argument; a wrong one is refused in
 * Chinese; `backup` and `verify` work on the encrypted ledger and its encrypted backups.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { forgetKey, isEncryptedFile } from '../../../db/crypto/cipher';
import { WRONG_PASSWORD, WRONG_RECOVERY_CODE } from '../../../db/crypto/keyring';
import { runBackup, runVerify } from '../../../electron/cli';
import { runEncrypt, unlockForCommand } from '../../../electron/cli-crypto';
import { openTestLedger, withADispute } from '../../helpers/test-db';

const PASSWORD = '管理员密码-2024';

describe('ledger encrypt and an encrypted ledger on the command line', () => {
  it('encrypts, prints the recovery code once, and unlocks backup and verify from the environment only', async () => {
    const t = openTestLedger();
    withADispute(t);
    const { path } = t;
    t.ledger.close();
    const said: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void said.push(line));
    await expect(runEncrypt(['--db', path], { LEDGER_NEW_PASSWORD: 'short' })).rejects.toThrow(/密码至少 8 个字符/);
    expect(isEncryptedFile(path)).toBe(false);
    const code = await runEncrypt(['--db', path], { LEDGER_NEW_PASSWORD: PASSWORD });
    expect(said.filter((l) => l.includes(code))).toHaveLength(1);
    expect(isEncryptedFile(path)).toBe(true);
    expect(readFileSync(`${path}.keys`, 'utf8')).not.toContain(code);
    await expect(runEncrypt(['--db', path], { LEDGER_NEW_PASSWORD: PASSWORD })).rejects.toThrow(/已经加密/);

    forgetKey(path);
    expect(() => runBackup(['--db', path])).toThrow(/已加密，请先输入密码或恢复码解锁/);
    await expect(unlockForCommand('backup', ['--db', path], {})).rejects.toThrow(/LEDGER_PASSWORD/);
    await expect(unlockForCommand('backup', ['--db', path], { LEDGER_PASSWORD: '不对' })).rejects.toThrow(WRONG_PASSWORD);
    await expect(unlockForCommand('backup', ['--db', path], { LEDGER_RECOVERY_CODE: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF' })).rejects.toThrow(
      WRONG_RECOVERY_CODE,
    );
    await unlockForCommand('backup', ['--db', path], { LEDGER_PASSWORD: PASSWORD });
    const backup = runBackup(['--db', path]);
    expect(isEncryptedFile(backup.path)).toBe(true);

    // A backup carried away is verified with its own keyring and the recovery code.
    forgetKey(path);
    expect(() => runVerify([backup.path])).toThrow(/没有能打开它的密钥/);
    await unlockForCommand('verify', [backup.path], { LEDGER_RECOVERY_CODE: code.toLowerCase() });
    expect(runVerify([backup.path]).check.state).toBe('ok');
    forgetKey(backup.path);
  });

  it('runs as a program with the password in the environment, and says in Chinese when none is given', async () => {
    const t = openTestLedger();
    const { path } = t;
    t.ledger.close();
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    await runEncrypt(['--db', path], { LEDGER_NEW_PASSWORD: PASSWORD });
    const cli = fileURLToPath(new URL('../../../electron/cli.ts', import.meta.url));
    const run = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['--import', 'tsx', cli, 'backup', '--db', path], { encoding: 'utf8', env: { ...process.env, ...env } });
    const locked = run({});
    expect(locked.status).toBe(1);
    expect(locked.stderr).toMatch(/账本已加密：请用环境变量 LEDGER_PASSWORD/);
    const done = run({ LEDGER_PASSWORD: PASSWORD });
    expect(done.stderr).toBe('');
    expect(done.stdout).toMatch(/备份完成并已校验/);
  });
});
