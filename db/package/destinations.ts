/**
 * Where a report package can be written: the removable drives first (a USB stick, as the county asks),
 * then the user's documents folder. Found by looking where each system mounts them; on Windows by asking
 * for the drive type (2: removable), with a short time limit.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { PackageDestination } from '../../shared/schemas/county';

function folders(parent: string): string[] {
  try {
    return readdirSync(parent)
      .map((n) => join(parent, n))
      .filter((p) => {
        try {
          return statSync(p).isDirectory();
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

function removableDrives(): PackageDestination[] {
  if (process.platform === 'win32') {
    try {
      const out = execFileSync(
        'powershell.exe',
        [
          '-NoProfile',
          '-Command',
          'Get-CimInstance Win32_LogicalDisk -Filter "DriveType=2" | ForEach-Object { $_.DeviceID + "|" + $_.VolumeName }',
        ],
        { encoding: 'utf8', timeout: 4000, windowsHide: true },
      );
      return out
        .split(/\r?\n/)
        .filter(Boolean)
        .map((l) => {
          const [id, name] = l.split('|');
          return { path: `${id}\\`, label: `U盘 ${id}${name ? `（${name}）` : ''}`, removable: true };
        });
    } catch {
      return [];
    }
  }
  const user = (() => {
    try {
      return userInfo().username;
    } catch {
      return '';
    }
  })();
  const roots = process.platform === 'darwin' ? ['/Volumes'] : [`/media/${user}`, `/run/media/${user}`, '/media'];
  return [...new Set(roots.flatMap(folders))]
    .filter((p) => p !== '/Volumes/Macintosh HD' && p !== `/media/${user}`)
    .map((p) => ({ path: p, label: `U盘 ${p}`, removable: true }));
}

export function packageDestinations(): PackageDestination[] {
  const docs = [join(homedir(), 'Documents'), join(homedir(), '文档'), homedir()].find((p) => existsSync(p));
  return [...removableDrives(), ...(docs ? [{ path: docs, label: `本机文件夹 ${docs}`, removable: false }] : [])];
}
