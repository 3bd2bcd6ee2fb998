/** `ledger package` and `ledger receive`: a township's package onto a stick, and the county taking every package on it. */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openLedger } from '../../../db/open';
import { runPackage, runReceive } from '../../../electron/cli';
import { openTestLedger, tempDir, withADispute } from '../../helpers/test-db';

const PASSWORD = '县里给的密码2024';

describe('ledger package and ledger receive', () => {
  it('writes a verified package onto the stick and the county receives what is on it', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const town = openTestLedger();
    withADispute(town);
    town.ledger.close();
    const stick = join(tempDir(), 'U盘');
    mkdirSync(stick);
    const path = await runPackage(['--period', '2024-06', '--modules', 'persons,disputes', '--to', stick, '--db', town.path], PASSWORD);
    expect(readdirSync(stick)).toEqual([path.slice(stick.length + 1)]);

    const county = openTestLedger();
    county.ledger.close();
    expect(await runReceive([stick, '--db', county.path], '不对的密码abcdef')).toBe(1);
    expect(errors.mock.calls.at(-1)?.[0]).toMatch(/密码错误/);
    expect(await runReceive([stick, '--db', county.path], PASSWORD)).toBe(0);
    const db = openLedger(county.path);
    expect(db.db.prepare('SELECT township, period FROM county_package').all()).toEqual([{ township: '高寨乡', period: '2024-06' }]);
    db.close();
  });

  it('refuses an unknown ledger or a missing period before opening anything', async () => {
    await expect(runPackage(['--to', tempDir()], PASSWORD)).rejects.toThrow(/--period/);
    await expect(runPackage(['--period', '2024-06', '--to', tempDir(), '--modules', 'nope'], PASSWORD)).rejects.toThrow(
      /没有这些台账：nope/,
    );
  });
});
