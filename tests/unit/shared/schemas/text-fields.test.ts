/** What every text field refuses besides its length: what only hides, what cannot be stored, and line breaks where a field is one line. */
import { describe, expect, it } from 'vitest';
import { optText, reqText } from '../../../../shared/schemas/common';

const name = reqText('姓名', 50);
const summary = optText('简要情况', 2000);
const error = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? null : r.error!.issues[0]!.message);

describe('text fields', () => {
  it.each([
    ['\u200B\u200B', '姓名只有看不见的字符，请重新填写'],
    ['\u202E\u2066\uFEFF', '姓名只有看不见的字符，请重新填写'],
    ['张\uD800三', '姓名含有无法保存的字符（残缺的生僻字或表情符号），请重新输入'],
    ['\uDC00', '姓名含有无法保存的字符（残缺的生僻字或表情符号），请重新输入'],
    ['张\n三', '姓名应为一行，不能换行'],
    ['张\r三', '姓名应为一行，不能换行'],
    ['张三\u202E', '姓名含有会改变文字显示顺序的控制字符，请重新输入'],
    ['张\u0007三', '姓名含有不可见的控制字符'],
    ['', '请填写姓名'],
  ])('refuses the name %j', (value, message) => {
    expect(error(name.safeParse(value))).toBe(message);
  });

  it('keeps what is real: rare characters written as surrogate pairs, a middle dot, spaces inside', () => {
    expect(name.parse('𠮷野家')).toBe('𠮷野家');
    expect(name.parse(' 阿卜杜·热合曼 ')).toBe('阿卜杜·热合曼');
    expect(name.parse('Li Wei')).toBe('Li Wei');
  });

  it('lets a long field keep its paragraphs, and refuses there too what only hides or cannot be stored', () => {
    expect(summary.parse('第一段。\n第二段。')).toBe('第一段。\n第二段。');
    expect(summary.parse('   ')).toBeNull();
    expect(error(summary.safeParse('\u200B'))).toBe('简要情况只有看不见的字符，请重新填写');
    expect(error(summary.safeParse('情况\uD83D'))).toMatch(/^简要情况含有无法保存的字符/);
  });
});
