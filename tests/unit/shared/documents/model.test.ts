/** What any document renderer is given of user text (shared/documents/model.ts). */
import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../../shared/documents/model';

describe('cleanText', () => {
  it('keeps line breaks and tabs, drops controls, bidi overrides and isolates and zero-width characters', () => {
    expect(cleanText('甲\r\n乙\r丙\t丁')).toBe('甲\n乙\n丙\t丁');
    expect(cleanText('赔偿\u202E0001\u202C元')).toBe('赔偿0001元');
    expect(cleanText('张\u200B三\u2066李\u2069四\uFEFF\u0007')).toBe('张三李四');
  });
});
