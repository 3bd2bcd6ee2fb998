import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileSafely } from '../../../db/safe-file';
import { tempDir } from '../../helpers/test-db';

describe('writeFileSafely', () => {
  it('writes the bytes under the final name and leaves no temporary file', () => {
    const dir = tempDir();
    const target = join(dir, '协议书.pdf');
    writeFileSafely(target, new Uint8Array([37, 80, 68, 70, 45]));
    expect(readFileSync(target).toString()).toBe('%PDF-');
    expect(readdirSync(dir)).toEqual(['协议书.pdf']);
  });

  it('replaces an existing file only once the new one is complete', () => {
    const dir = tempDir();
    const target = join(dir, 'a.pdf');
    writeFileSafely(target, new Uint8Array([1, 2, 3]));
    writeFileSafely(target, new Uint8Array([4, 5]));
    expect([...readFileSync(target)]).toEqual([4, 5]);
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('says in Chinese when the folder is gone (a pulled USB stick) and leaves nothing behind', () => {
    const dir = tempDir();
    const target = join(dir, 'gone', 'a.pdf');
    expect(() => writeFileSafely(target, new Uint8Array([1]))).toThrow(/目标位置不存在.*U盘是否已拔出/);
    expect(existsSync(join(dir, 'gone'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
