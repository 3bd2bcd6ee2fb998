/**
 * `npm start`: the desktop app where the Electron binary is installed; otherwise one clear line and
 * browser mode. (Our build machines cannot download the Electron binary.) Does not import electron.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './binary';
import { DESKTOP_INPUTS, DESKTOP_OUTPUTS, isFresh } from './ui-build';

const root = fileURLToPath(new URL('..', import.meta.url));

const bin = electronBinary();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = process.argv.slice(2);
if (bin) {
  // Built only when a source is newer than the bundles.
  if (!isFresh(root, DESKTOP_OUTPUTS, DESKTOP_INPUTS)) {
    const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
    if (build.status !== 0) process.exit(build.status ?? 1);
  }
  const r = spawnSync(bin, ['.', ...args], { stdio: 'inherit' });
  process.exit(r.status ?? 0);
} else {
  console.log('未安装 Electron 桌面运行环境（离线安装时无法下载），改为以浏览器模式启动。');
  const r = spawnSync(npm, ['run', 'web', '--', ...args], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 0);
}
