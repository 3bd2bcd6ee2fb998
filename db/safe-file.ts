/**
 * Files written to a user-visible path are written to a temporary name in the same folder,
 * flushed, verified and only then renamed, so a failure never leaves a file that looks complete.
 */
import { closeSync, existsSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { LedgerError } from '../shared/errors';

export function fileErrorMessage(e: unknown, target: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return `磁盘空间不足，未能写入 ${target}。`;
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return `没有权限写入 ${target}（只读或受保护的位置）。`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `目标位置不存在：${target}。U盘是否已拔出？`;
    case 'EIO':
      return `写入 ${target} 时设备出错，U盘是否已拔出？`;
    default:
      return `未能写入 ${target}：${(e as Error).message}`;
  }
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Bytes to a user-chosen path: temporary name, flushed, size verified, then renamed into place. */
export function writeFileSafely(target: string, data: Uint8Array): void {
  const tmp = `${target}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, data, { flush: true });
    fsyncFile(tmp);
    if (statSync(tmp).size !== data.byteLength) throw Object.assign(new Error('写入的字节数不符'), { code: 'EIO' });
    renameSync(tmp, target);
  } catch (e) {
    try {
      if (existsSync(tmp)) unlinkSync(tmp);
    } catch {
      /* the original error matters more */
    }
    throw new LedgerError('INTERNAL', fileErrorMessage(e, target));
  }
}
