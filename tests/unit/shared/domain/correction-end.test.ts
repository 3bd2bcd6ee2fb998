/**
 * The end of a correction (REVIEW §5.5): 解除 not before the term end except by pardon; 终止 for the reasons that fit
 * the category (死亡 for any).
 */
import { describe, expect, it } from 'vitest';
import { releaseDateError, terminationError, terminationReasonsFor } from '../../../../shared/domain/correction-end';
import type { CorrectionCategory } from '../../../../shared/domain/correction-rules';

const term = { termStart: '2024-01-10', termEnd: '2025-01-09' };

describe('解除', () => {
  it.each([
    ['expiry', '2025-01-09', null],
    ['expiry', '2025-02-01', null],
    ['expiry', '2025-01-08', '期满前只能因特赦解除'],
    ['pardon', '2024-10-01', null],
    ['pardon', '2024-01-09', '不能早于矫正期限起日'],
  ] as const)('%s on %s', (reason, date, error) => {
    const e = releaseDateError(reason, date, term);
    if (error === null) expect(e).toBeNull();
    else expect(e).toContain(error);
  });
});

describe('终止', () => {
  it.each<[CorrectionCategory, string[]]>([
    ['control', ['death']],
    ['probation', ['revoke_probation', 'death']],
    ['parole', ['revoke_parole', 'death']],
    ['outside', ['imprison', 'death']],
  ])('%s: %j', (category, reasons) => {
    expect(terminationReasonsFor(category)).toEqual(reasons);
  });

  it('refuses a reason that does not fit, and a date before the term began', () => {
    expect(terminationError('probation', 'revoke_parole', '2024-06-01', term.termStart)).toMatchObject({ field: 'reason' });
    expect(terminationError('control', 'revoke_probation', '2024-06-01', term.termStart)?.message).toContain('撤销缓刑');
    expect(terminationError('probation', 'death', '2024-01-01', term.termStart)).toMatchObject({ field: 'date' });
    expect(terminationError('outside', 'imprison', '2024-06-01', term.termStart)).toBeNull();
  });
});
