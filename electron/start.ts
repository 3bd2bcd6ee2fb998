/**
 * `npm start`: the desktop app where the Electron binary is installed; otherwise one clear line and
 * browser mode. (Our build machines cannot download the Electron binary.) Does not import electron.
 */
import { spawnSync } from 'node:child_process';
import { electronBinary } from './binary';

const bin = electronBinary();
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = process.argv.slice(2);
if (bin) {
  const build = spawnSync(npm, ['run', 'build'], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const r = spawnSync(bin, ['.', ...args], { stdio: 'inherit' });
  process.exit(r.status ?? 0);
} else {
  console.log('未安装 Electron 桌面运行环境（离线安装时无法下载），改为以浏览器模式启动。');
  const r = spawnSync(npm, ['run', 'web', '--', ...args], { stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 0);
}
