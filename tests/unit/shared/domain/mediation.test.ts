import { describe, expect, it } from 'vitest';
import {
  agreementEffectiveDate,
  agreementPerformance,
  confirmationWindow,
  mediationRates,
  proposedReturnVisit,
} from '../../../../shared/domain/mediation';
import { DEFAULT_HOLIDAYS } from '../../../../shared/domain/holidays';
import { formatRate } from '../../../../shared/domain/rates';

describe('agreement effective date (art. 29: the last signature)', () => {
  it.each([
    [{ parties: ['2024-03-01', '2024-03-02'], mediator: '2024-03-01', seal: '2024-03-03' }, '2024-03-03'],
    [{ parties: ['2024-03-05', '2024-03-02'], mediator: '2024-03-01', seal: '2024-03-01' }, '2024-03-05'],
    [{ parties: ['2024-03-01', null], mediator: '2024-03-01', seal: '2024-03-01' }, null],
    [{ parties: ['2024-03-01'], mediator: null, seal: '2024-03-01' }, null],
    [{ parties: [], mediator: '2024-03-01', seal: '2024-03-01' }, null],
  ])('%j → %s', (sig, expected) => {
    expect(agreementEffectiveDate(sig)).toBe(expected);
  });
});

describe('judicial confirmation window (30 days from the effective date)', () => {
  it.each([
    ['2024-01-31', '2024-01-31', '2024-03-01', 31, true],
    ['2024-01-31', '2024-03-01', '2024-03-01', 1, true],
    ['2024-01-31', '2024-03-02', '2024-03-01', 0, false],
    ['2023-02-01', '2023-02-15', '2023-03-03', 17, true],
    // the 30th day a Saturday: the last day is the Monday after
    ['2024-02-01', '2024-02-15', '2024-03-04', 19, true],
    ['2024-12-15', '2025-01-10', '2025-01-14', 5, true],
    // the 30th day in the 2025 国庆 holiday (10-01…10-08): the last day is 10-09
    ['2025-09-03', '2025-10-09', '2025-10-09', 1, true],
  ])('effective %s, today %s → last day %s, %i left', (effective, today, lastDay, left, open) => {
    expect(confirmationWindow(effective, today, DEFAULT_HOLIDAYS)).toEqual({ lastDay, daysLeft: left, open });
  });
});

describe('performance', () => {
  it.each([
    [['performed', 'performed'], 'performed'],
    [['performed', 'not_applicable'], 'performed'],
    [['performed', 'unperformed'], 'partial'],
    [['partial'], 'partial'],
    [['unperformed', 'unperformed'], 'unperformed'],
    [['not_applicable'], 'not_applicable'],
    [[], 'unperformed'],
  ] as const)('items %j → %s', (states, overall) => {
    expect(agreementPerformance(states.map((state) => ({ state })))).toBe(overall);
  });
});

describe('return visit proposal', () => {
  it('falls the configured number of days after the agreement takes effect', () => {
    expect(proposedReturnVisit('2024-01-31')).toBe('2024-03-01');
    expect(proposedReturnVisit('2024-01-31', 15)).toBe('2024-02-15');
  });
});

describe('statistics', () => {
  it('reproduces published figures to two decimals (Huangshi 842/869, Xilin Gol 376/386, 李堡镇 2020 890/891 = 99.89%)', () => {
    const h = mediationRates({
      accepted: 869,
      mediated: 869,
      successful: 842,
      performed: 830,
      confirmationsApplied: 12,
      confirmationsGranted: 11,
    });
    expect(formatRate(h.successRate)).toBe('96.89%');
    const x = mediationRates({
      accepted: 386,
      mediated: 386,
      successful: 376,
      performed: 369,
      confirmationsApplied: 0,
      confirmationsGranted: 0,
    });
    expect(formatRate(x.successRate)).toBe('97.41%');
    expect(formatRate(x.performanceRate)).toBe('98.14%');
    const libao = mediationRates({
      accepted: 891,
      mediated: 891,
      successful: 890,
      performed: 890,
      confirmationsApplied: 0,
      confirmationsGranted: 0,
    });
    expect(formatRate(libao.successRate)).toBe('99.89%');
  });

  it('shows no rate rather than 0 % when nothing was mediated', () => {
    const r = mediationRates({ accepted: 3, mediated: 0, successful: 0, performed: 0, confirmationsApplied: 0, confirmationsGranted: 0 });
    expect(r.successRate).toBeNull();
    expect(formatRate(r.successRate)).toBe('—');
  });
});
