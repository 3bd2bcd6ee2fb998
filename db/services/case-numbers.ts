/** Yearly case-number sequences for every numbered record (dispute register, mediation files). */
import { formatCaseNumber } from '../../shared/domain/case-number';
import { yearOf } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { getSettings } from './reference';
import { one, run } from './sql';

export type NumberedKind = 'dispute' | 'mediation';

const TABLES: Record<NumberedKind, string> = { dispute: 'dispute', mediation: 'mediation_case' };

function format(ctx: ServiceContext, kind: NumberedKind, year: number, seq: number): string {
  const s = getSettings(ctx);
  const pattern = kind === 'dispute' ? s.disputeNumberPattern : s.mediationNumberPattern;
  return formatCaseNumber(pattern, { township: s.townshipShort, year, seq });
}

/** The next number not yet used (a changed pattern can never collide with an old number). */
export function nextFree(ctx: ServiceContext, kind: NumberedKind, year: number): { seq: number; caseNo: string } {
  const last = one<{ last: number }>(ctx, 'SELECT last FROM case_counter WHERE kind = ? AND year = ?', kind, year)?.last ?? 0;
  let seq = last + 1;
  let caseNo = format(ctx, kind, year, seq);
  while (one(ctx, `SELECT 1 FROM ${TABLES[kind]} WHERE case_no = ?`, caseNo)) {
    seq += 1;
    caseNo = format(ctx, kind, year, seq);
  }
  return { seq, caseNo };
}

/** Takes the next number for a record dated `date`, inside the caller's transaction. */
export function takeCaseNumber(ctx: ServiceContext, kind: NumberedKind, date: string): { year: number; seq: number; caseNo: string } {
  const year = yearOf(date);
  const { seq, caseNo } = nextFree(ctx, kind, year);
  run(
    ctx,
    'INSERT INTO case_counter (kind, year, last) VALUES (?, ?, ?) ON CONFLICT(kind, year) DO UPDATE SET last = excluded.last',
    kind,
    year,
    seq,
  );
  return { year, seq, caseNo };
}
