/**
 * `npm run web` / `npm start` in a source checkout: the interface is rebuilt only when a file it is built
 * from is newer than the last build (a rebuild takes 10 s or more on an office PC; starting should not).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What the renderer bundle is built from (vite.config.ts: renderer/, and the shared code it imports). */
const UI_INPUTS = ['renderer', 'shared', 'vite.config.ts', 'package-lock.json', 'postcss.config.cjs'];
/** And the desktop bundles (electron.vite.config.ts): the host, its workers and the window. */
export const DESKTOP_INPUTS = [...UI_INPUTS, 'electron', 'db', 'electron.vite.config.ts'];
export const DESKTOP_OUTPUTS = ['out/main/main.js', 'out/main/host-process.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function newestIn(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, name) => Math.max(m, newestIn(join(path, name))), s.mtimeMs);
}

/** True when every output exists and is at least as new as every input (paths relative to root). */
export function isFresh(root: string, outputs: readonly string[], inputs: readonly string[]): boolean {
  const built = outputs.map((o) => join(root, o));
  if (!built.every((b) => existsSync(b))) return false;
  const builtAt = Math.min(...built.map((b) => statSync(b).mtimeMs));
  return inputs.every((input) => newestIn(join(root, input)) <= builtAt);
}

/** Builds the interface if it is missing or older than its sources; false if the build failed. */
export function buildUiIfStale(root: string): boolean {
  if (isFresh(root, ['out/renderer/index.html'], UI_INPUTS)) return true;
  console.log('正在构建界面（源文件有改动）……');
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  return r.status === 0;
}
