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

function fsyncFile(path: string, flags = 'r+'): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes a file (or, with flags 'r', a folder: best effort, not every system can). */
export function fsyncPath(path: string, flags = 'r+'): void {
  try {
    fsyncFile(path, flags);
  } catch (e) {
    if (flags === 'r+') throw e;
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

/**
 * What the user is told when the ledger file itself cannot be written or read (SQLite's codes and the
 * file system's), at open or at a save, or null for any other error. Each says what to do.
 */
export function storageErrorMessage(e: unknown, at: 'open' | 'save' = 'save'): string | null {
  const code = String((e as { code?: unknown })?.code ?? '');
  const unchanged = at === 'open' ? '文件未作任何改动。' : '这次的修改未能保存，已保存的记录不受影响。';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return `磁盘空间不足。${unchanged}请清理磁盘（如删除不需要的大文件、清空回收站）后再试。`;
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return `账本文件为只读（或它所在的文件夹不能写入）。${unchanged}请把文件复制到可写的文件夹（如“文档”）后再打开，或取消该文件的“只读”属性。`;
  if (code.startsWith('SQLITE_CANTOPEN'))
    return `无法打开账本文件：文件或它所在的文件夹可能为只读、已被移走，或在已拔出的U盘上。${unchanged}请把文件复制到可写的文件夹（如“文档”）后再打开。`;
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO')
    return `读写账本文件时磁盘出错（U盘是否已拔出？）。${unchanged}请检查磁盘后再打开，并用最近的备份核对数据。`;
  return null;
}
