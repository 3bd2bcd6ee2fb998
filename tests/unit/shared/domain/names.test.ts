import { describe, expect, it } from 'vitest';
import { splitNames } from '../../../../shared/domain/names';

describe('names pasted as a column', () => {
  it.each([
    ['one per line, as copied from a spreadsheet column', '张庄村\r\n阿里村\n\n东街社区\n', ['张庄村', '阿里村', '东街社区']],
    [
      'separated by 、，,；; or tabs',
      '张庄村、阿里村，东街社区,白马村；新村;老村\t西村',
      ['张庄村', '阿里村', '东街社区', '白马村', '新村', '老村', '西村'],
    ],
    ['spaces around dropped, inside kept', '  张庄 村  \n 阿里村 ', ['张庄 村', '阿里村']],
    ['repeats left out, the first place kept', '张庄村\n阿里村\n张庄村', ['张庄村', '阿里村']],
    ['nothing at all', ' \n\t ', []],
  ])('%s', (_what, text, names) => {
    expect(splitNames(text)).toEqual(names);
  });
});
