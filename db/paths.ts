import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_DIR_NAME = '乡镇司法台账';

/** The per-user application-data folder, the same one Electron's app.getPath('userData') uses. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32' && env.APPDATA) return join(env.APPDATA, APP_DIR_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_DIR_NAME);
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), APP_DIR_NAME);
}

/** `--db PATH` (or `--db=PATH`) wins, then the LEDGER_DB variable, then the app-data folder. */
export function resolveDbPath(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--db' && argv[i + 1]) return resolve(argv[i + 1]!);
    if (a.startsWith('--db=')) return resolve(a.slice(5));
  }
  if (env.LEDGER_DB) return resolve(env.LEDGER_DB);
  return join(appDataDir(env), 'ledger.db');
}

/** The generated migrations shipped with the app. */
export function defaultMigrationsFolder(): string {
  return process.env.LEDGER_MIGRATIONS ?? fileURLToPath(new URL('./migrations', import.meta.url));
}
