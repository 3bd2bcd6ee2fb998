/** Yearly case-number sequences for every numbered record (dispute register, mediation files). */
import { formatCaseNumber } from '../../shared/domain/case-number';
import { yearOf } from '../../shared/dates';
import type { ServiceContext } from '../context';
import { getSettings } from './reference';
import { LedgerError } from '../../shared/errors';
import { one, run } from './sql';

export type NumberedKind = 'dispute' | 'mediation';

const TABLES: Record<NumberedKind, string> = { dispute: 'dispute', mediation: 'mediation_case' };

/**
 * Whose sequence a number is taken from, and the abbreviation it carries in place of {township}: a
 * mediation committee numbers its own files (REVIEW row 18). Without one, the kind's single sequence
 * and the township's short name.
 */
export interface NumberScope {
  counter: string;
  abbreviation: string;
}

function format(ctx: ServiceContext, kind: NumberedKind, year: number, seq: number, scope?: NumberScope): string {
  const s = getSettings(ctx);
  const pattern = kind === 'dispute' ? s.disputeNumberPattern : s.mediationNumberPattern;
  return formatCaseNumber(pattern, { township: scope?.abbreviation ?? s.townshipShort, year, seq });
}

/** The next number not yet used (a changed pattern can never collide with an old number). */
export function nextFree(ctx: ServiceContext, kind: NumberedKind, year: number, scope?: NumberScope): { seq: number; caseNo: string } {
  const counter = scope?.counter ?? kind;
  const last = one<{ last: number }>(ctx, 'SELECT last FROM case_counter WHERE kind = ? AND year = ?', counter, year)?.last ?? 0;
  let seq = last + 1;
  let caseNo = format(ctx, kind, year, seq, scope);
  while (one(ctx, `SELECT 1 FROM ${TABLES[kind]} WHERE case_no = ?`, caseNo)) {
    seq += 1;
    caseNo = format(ctx, kind, year, seq, scope);
  }
  return { seq, caseNo };
}

/** Takes the next number for a record dated `date`, inside the caller's transaction. */
export function takeCaseNumber(
  ctx: ServiceContext,
  kind: NumberedKind,
  date: string,
  scope?: NumberScope,
): { year: number; seq: number; caseNo: string } {
  const year = yearOf(date);
  const { seq, caseNo } = nextFree(ctx, kind, year, scope);
  run(
    ctx,
    'INSERT INTO case_counter (kind, year, last) VALUES (?, ?, ?) ON CONFLICT(kind, year) DO UPDATE SET last = excluded.last',
    scope?.counter ?? kind,
    year,
    seq,
  );
  return { year, seq, caseNo };
}

/**
 * A number an old ledger gave a record (导入旧台账), kept as it is: refused when taken, its sequence the
 * number in it (第15号 → 15, else its last digits), and the counter moved past it so that no later number
 * repeats it. `label` names it in the message (案号, 卷宗号).
 */
export function keepCaseNumber(
  ctx: ServiceContext,
  kind: NumberedKind,
  caseNo: string,
  date: string,
  label: string,
  scope?: NumberScope,
): { year: number; seq: number; caseNo: string } {
  if (one(ctx, `SELECT 1 FROM ${TABLES[kind]} WHERE case_no = ?`, caseNo)) {
    throw new LedgerError('CONFLICT', `${label}“${caseNo}”已被使用`, { fields: { caseNo: `${label}“${caseNo}”已被使用` } });
  }
  const year = yearOf(date);
  const digits = /第\s*0*(\d+)\s*号/.exec(caseNo)?.[1] ?? /(\d+)\D*$/.exec(caseNo)?.[1];
  const seq = digits && digits.length <= 6 ? Number(digits) : 0;
  run(
    ctx,
    'INSERT INTO case_counter (kind, year, last) VALUES (?, ?, ?) ON CONFLICT(kind, year) DO UPDATE SET last = max(last, excluded.last)',
    scope?.counter ?? kind,
    year,
    seq,
  );
  return { year, seq, caseNo };
}
