/**
 * The duties kept for the special-group statistics (followup_duty, followup_duty_day, followup_duty_file;
 * shared/domain/followup-stats.ts StoredDuty). The statistics of a period owe each file's visits and
 * tests read as at the period's end; running the engine over every file per request takes tens of
 * seconds at 100,000 files. So each file's items, as the to-do table's sync computes them, are kept
 * here too — on every write of the file, in its transaction, and by the daily rebuild — and a period is
 * read from them: settled duties as sums per day, the few others row by row.
 *
 * A file's rows are read only when they can stand for the engine run on the period's as-of day
 * (`unreadFiles`); the statistics run the engine for the others, so the figures never depend on whether
 * the rows were up to date.
 */
import { createHash } from 'node:crypto';
import type { DueItem } from '../../shared/domain/obligations';
import { addTally, emptyTally, settledDuty, storedDuties, type DutyTally, type StatDuty } from '../../shared/domain/followup-stats';
import type { FollowupGroup } from '../../shared/domain/followup-rules';
import type { ServiceContext } from '../context';
import { RULES_BASIS_SQL, rebuiltOn, rulesBasis } from './obligations';
import { all, one, run } from './sql';

interface FileSpanRow {
  id: string;
  group_code: string;
  start_date: string;
  end_date: string | null;
}

const COLUMNS =
  'subject_id, item_key, group_code, duty, due_date, weight, progress_done, closed_on, waived, passed_on, past_end, file_start, file_end, settled';

/**
 * Keeps one file's duties from its items as the sync computed them (null: the file is deleted or gone).
 * Unchanged rows under the same rules are left alone, so the daily rebuild writes only what moved.
 */
export function keepFollowupDuties(ctx: ServiceContext, id: string, file: FileSpanRow | null, items: readonly DueItem[] | null): void {
  if (!file || !items) {
    run(ctx, 'DELETE FROM followup_duty WHERE subject_id = ?', id);
    run(ctx, 'DELETE FROM followup_duty_file WHERE subject_id = ?', id);
    return;
  }
  const duties = storedDuties(items);
  const span = { startDate: file.start_date, endDate: file.end_date };
  const digest = createHash('sha1')
    .update(JSON.stringify([file.group_code, span, duties]))
    .digest('base64');
  const basis = rulesBasis(ctx);
  const kept = one<{ digest: string; basis: string }>(ctx, 'SELECT digest, basis FROM followup_duty_file WHERE subject_id = ?', id);
  if (kept?.digest === digest && kept.basis === basis) return;
  if (kept?.digest !== digest) {
    // Only the rows that changed: a new month at the horizon adds one row a file, not all of them again.
    const rows = duties.map((d) => [
      id,
      d.key,
      file.group_code,
      d.duty,
      d.dueDate,
      d.weight,
      d.progressDone,
      d.closedOn,
      d.waived ? 1 : 0,
      d.passedOn,
      d.pastEnd ? 1 : 0,
      span.startDate,
      span.endDate,
      settledDuty(d, span) ? 1 : 0,
    ]);
    const had = new Map(
      all<{ item_key: string }>(ctx, `SELECT ${COLUMNS} FROM followup_duty WHERE subject_id = ?`, id).map((r) => [
        r.item_key,
        JSON.stringify(Object.values(r)),
      ]),
    );
    const keys = new Set(duties.map((d) => d.key));
    for (const key of had.keys()) if (!keys.has(key)) run(ctx, 'DELETE FROM followup_duty WHERE subject_id = ? AND item_key = ?', id, key);
    for (const r of rows) {
      const before = had.get(r[1] as string);
      if (before === JSON.stringify(r)) continue;
      if (before !== undefined) run(ctx, 'DELETE FROM followup_duty WHERE subject_id = ? AND item_key = ?', id, r[1]);
      run(ctx, `INSERT INTO followup_duty (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, ...r);
    }
  }
  run(
    ctx,
    `INSERT INTO followup_duty_file (subject_id, built_on, basis, digest) VALUES (?, ?, ?, ?)
     ON CONFLICT (subject_id) DO UPDATE SET built_on = excluded.built_on, basis = excluded.basis, digest = excluded.digest`,
    id,
    ctx.clock.today(),
    basis,
    digest,
  );
}

/** The files the daily rebuild must also reach: ended files whose duties were kept under older rules (or never). */
export const FOLLOWUP_STALE_DUTIES_SQL = `id NOT IN (SELECT subject_id FROM followup_duty_file WHERE basis = ${RULES_BASIS_SQL})`;

/**
 * Of the files in management on some day of [from, to], those whose kept duties cannot be read as at
 * `asOf`, so that the statistics run the engine for them:
 * - kept under other rules, or never kept;
 * - kept before `asOf`, unless the daily rebuild has run since (files in management) or the file had
 *   ended by then and is not a drug file (nothing of it moves with the day after its end, but a drug
 *   file's reporting duty does);
 * - whose own rules changed after `asOf` — a level, the 管控 status, a 延期 — or that have a 中止: what
 *   the engine owes then is not what it owes now, read earlier.
 */
export function unreadFiles(ctx: ServiceContext, from: string, to: string, asOf: string, inPeriod: string): string[] {
  const basis = rulesBasis(ctx);
  const p = { from, to, asOf, basis };
  const ids = new Set<string>();
  const add = (sql: string) => {
    for (const r of all<{ id: string }>(ctx, sql, p)) ids.add(r.id);
  };
  // Kept under other rules, or never: only before the first rebuild under the rules, so counted first.
  const live = one<{ n: number }>(ctx, 'SELECT count(*) AS n FROM followup_subject WHERE deleted_at IS NULL')!.n;
  const kept = one<{ n: number }>(ctx, 'SELECT count(*) AS n FROM followup_duty_file WHERE basis = @basis', p)!.n;
  if (kept < live) {
    add(`SELECT f.id FROM followup_subject f WHERE ${inPeriod}
         AND NOT EXISTS (SELECT 1 FROM followup_duty_file k WHERE k.subject_id = f.id AND k.basis = @basis)`);
  }
  // Kept before the as-of day: files in management are up to date once the day's rebuild has run.
  const rebuilt = rebuiltOn(ctx);
  const ended = "f.status <> 'active' AND f.end_date <= k.built_on AND f.group_code <> 'drug'";
  add(`SELECT f.id FROM followup_subject f JOIN followup_duty_file k ON k.subject_id = f.id
       WHERE ${inPeriod} AND k.built_on < @asOf AND NOT (${ended})
       ${rebuilt !== null && rebuilt >= asOf ? "AND f.status <> 'active'" : ''}`);
  // Their own rules changed after the day, or a 中止.
  add("SELECT owner_id AS id FROM level_change WHERE module = 'followup' AND deleted_at IS NULL AND date > @asOf");
  add(`SELECT f.id FROM followup_subject f WHERE f.control_history IS NOT NULL AND f.deleted_at IS NULL
       AND EXISTS (SELECT 1 FROM json_each(f.control_history) c WHERE json_extract(c.value, '$.date') > @asOf)`);
  add("SELECT owner_id AS id FROM obligation_action WHERE module = 'followup' AND deleted_at IS NULL AND kind = 'extend' AND date > @asOf");
  add('SELECT subject_id AS id FROM followup_suspension WHERE deleted_at IS NULL');
  return [...ids];
}

export interface KeptTallies {
  /** Per group: visits and tests due in [from, asOf], read as at `asOf`. */
  tallies: Map<FollowupGroup, Record<StatDuty, DutyTally>>;
  /** Per group: items still owed on `asOf` and due before it, of files in management that day. */
  overdue: Map<FollowupGroup, number>;
}

/**
 * The kept duties of every file but `skip`, read as at `asOf` for a period from `from` (asOf ≥ from):
 * the settled ones as sums per day (less those of the skipped files), the rest summed in SQL by the
 * reading StoredDuty describes (the tests hold the result equal to the engine's).
 */
export function keptTallies(ctx: ServiceContext, from: string, asOf: string, skip: readonly string[]): KeptTallies {
  const tallies = new Map<FollowupGroup, Record<StatDuty, DutyTally>>();
  const of = (g: FollowupGroup) => {
    const t = tallies.get(g) ?? { visit: emptyTally(), test: emptyTally() };
    tallies.set(g, t);
    return t;
  };
  const skipped = JSON.stringify(skip);
  const settled = (sign: 1 | -1) => (r: { group_code: FollowupGroup; duty: StatDuty; done: number; waived: number }) => {
    const t = of(r.group_code)[r.duty];
    t.due += sign * r.done;
    t.done += sign * r.done;
    t.waived += sign * r.waived;
  };
  all<{ group_code: FollowupGroup; duty: StatDuty; done: number; waived: number }>(
    ctx,
    `SELECT group_code, duty, sum(done_weight) AS done, sum(waived_weight) AS waived FROM followup_duty_day
     WHERE due_date BETWEEN @from AND @asOf GROUP BY group_code, duty`,
    { from, asOf },
  ).forEach(settled(1));
  if (skip.length) {
    all<{ group_code: FollowupGroup; duty: StatDuty; done: number; waived: number }>(
      ctx,
      `SELECT group_code, duty, sum(CASE WHEN waived = 1 THEN 0 ELSE weight END) AS done, sum(CASE WHEN waived = 1 THEN weight ELSE 0 END) AS waived
       FROM followup_duty WHERE settled = 1 AND due_date BETWEEN @from AND @asOf AND subject_id IN (SELECT value FROM json_each(@skipped))
       GROUP BY group_code, duty`,
      { from, asOf, skipped },
    ).forEach(settled(-1));
  }
  // The others, of files in management on some day of [from, asOf], read as at `asOf` (StoredDuty):
  // excused or done once closed by then (late when after the due date), 漏访 once passed by then, and
  // one due after the file's end only once done.
  const NOT_SKIPPED = skip.length ? 'AND subject_id NOT IN (SELECT value FROM json_each(@skipped))' : '';
  for (const r of all<{ group_code: FollowupGroup; duty: StatDuty } & DutyTally>(
    ctx,
    `WITH r AS (
       SELECT group_code, duty, weight, progress_done, waived, past_end, closed_on > due_date AS late,
         coalesce(closed_on <= @asOf, 0) AS closed, coalesce(passed_on <= @asOf, 0) AS passed
       FROM followup_duty
       WHERE settled = 0 AND duty IS NOT NULL AND due_date BETWEEN @from AND @asOf
         AND file_start <= @asOf AND (file_end IS NULL OR file_end >= @from) ${NOT_SKIPPED}
     )
     SELECT group_code, duty,
       sum(CASE WHEN closed AND waived = 1 THEN 0 ELSE weight END) AS due,
       sum(CASE WHEN closed AND waived = 1 THEN 0 WHEN closed THEN weight ELSE progress_done END) AS done,
       sum(CASE WHEN closed AND waived = 0 AND late THEN weight ELSE 0 END) AS late,
       sum(CASE WHEN NOT closed AND passed THEN weight - progress_done ELSE 0 END) AS missed,
       sum(CASE WHEN closed AND waived = 1 THEN weight ELSE 0 END) AS waived
     FROM r WHERE closed OR past_end = 0 GROUP BY group_code, duty`,
    { from, asOf, skipped },
  )) {
    addTally(of(r.group_code)[r.duty], r);
  }
  const overdue = new Map<FollowupGroup, number>(
    all<{ group_code: FollowupGroup; n: number }>(
      ctx,
      `SELECT group_code, count(*) AS n FROM followup_duty
       WHERE settled = 0 AND due_date < @asOf AND past_end = 0
         AND (closed_on IS NULL OR closed_on > @asOf) AND (passed_on IS NULL OR passed_on > @asOf)
         AND file_start <= @asOf AND (file_end IS NULL OR file_end > @asOf)
         ${NOT_SKIPPED}
       GROUP BY group_code`,
      { asOf, skipped },
    ).map((r) => [r.group_code, r.n]),
  );
  return { tallies, overdue };
}
