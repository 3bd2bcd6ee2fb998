/**
 * The judicial office's files for `npm run bench` (correction_due_ms): correction and assistance files
 * with two years of events, written straight into their tables in large transactions (the services'
 * one-call-per-record path would take most of an hour for this many), as the services would write them.
 * The to-do table is then filled by the day's rebuild through the engine, exactly as after an upgrade.
 */
import { periodEnd } from '../../shared/domain/assistance-rules';
import { addMonths } from '../../shared/date-math';
import { addDays } from '../../shared/dates';
import { fixedClock, type ServiceContext } from '../../db/context';
import { generate } from '../../db/demo';
import { openLedger } from '../../db/open';
import { contextFor, createHost, invoke } from '../../db/router';
import type { Input } from '../../shared/contract';
import { performance } from 'node:perf_hooks';
import { must, time } from './timing';
import { newId } from '../../db/ids';

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CRIMES = ['盗窃罪', '危险驾驶罪', '故意伤害罪', '诈骗罪', '开设赌场罪', '寻衅滋事罪', '交通肇事罪', '非法采矿罪'];
const CATEGORIES = ['probation', 'probation', 'probation', 'parole', 'control', 'outside'] as const;

/** Correction files with reports, visits and monthly hours; assistance files with visits; both with their level history. */
export function generateJudicial(
  ctx: ServiceContext,
  opts: { correction: number; assistance: number; personIds: readonly string[]; seed?: number },
): void {
  const rand = rng(opts.seed ?? 20240619);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  const staff = (ctx.db.prepare("SELECT id FROM staff WHERE kind = 'staff' AND deleted_at IS NULL").all() as { id: string }[]).map(
    (r) => r.id,
  );
  const villages = (ctx.db.prepare('SELECT id FROM village WHERE deleted_at IS NULL').all() as { id: string }[]).map((r) => r.id);
  const level = ctx.db.prepare(
    'INSERT INTO level_change (id, module, owner_id, date, level, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const cFile = ctx.db.prepare(
    `INSERT INTO correction_file (id, person_id, category, ground, crime, penalty_type, penalty_term, decision_organ, document_type,
       document_number, effective_date, received_date, term_start, term_end, village_id, prior_record, minor, responsible_staff_id,
       level, level_since, report_date, declaration_date, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, '有期徒刑', ?, '某某县人民法院', '判决书', ?, ?, ?, ?, ?, ?, 'none', 0, ?, ?, ?, ?, ?, 'active', ?, ?)`,
  );
  const cEvent = ctx.db.prepare(
    'INSERT INTO correction_event (id, file_id, kind, date, method, hours, content, staff, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const aFile = ctx.db.prepare(
    `INSERT INTO assistance_file (id, person_id, crime, sentence, prison, release_type, release_date, village_id, responsible_staff_id,
       level, level_since, period_end, handover_state, handover_method, return_date, agreement_date, placement, status, created_at, updated_at)
     VALUES (?, ?, ?, '有期徒刑二年', '某某监狱', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?)`,
  );
  const aRecord = ctx.db.prepare(
    'INSERT INTO assistance_record (id, file_id, kind, date, method, content, staff, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const people = opts.personIds;
  const BATCH = 1000;
  for (let start = 0; start < opts.correction; start += BATCH) {
    ctx.db.transaction(() => {
      for (let i = start; i < Math.min(opts.correction, start + BATCH); i++) {
        const id = newId();
        const category = pick(CATEGORIES);
        const termStart = addDays(today, -Math.floor(rand() * 730) - 10);
        const termEnd = addDays(termStart, 365 + Math.floor(rand() * 900));
        const lvl = rand() < 0.2 ? 'strict' : rand() < 0.85 ? 'normal' : 'lenient';
        const reported = addDays(termStart, Math.floor(rand() * 12));
        cFile.run(
          id,
          people[i]!,
          category,
          category === 'outside' ? 'medical' : null,
          pick(CRIMES),
          '一年',
          `（2023）某刑初${i + 1}号`,
          termStart,
          termStart,
          termStart,
          termEnd,
          pick(villages),
          pick(staff),
          lvl,
          termStart,
          reported,
          reported,
          now,
          now,
        );
        level.run(newId(), 'correction', id, termStart, lvl, 'start', now, now);
        // Two years of the duties, mostly kept: a report every 1–4 weeks, a visit and the month's hours every month.
        for (let d = addDays(reported, 7); d <= today && d <= termEnd; d = addDays(d, 7 + Math.floor(rand() * 21))) {
          cEvent.run(newId(), id, 'report', d, '当面报告', null, '遵纪守法，按时报告', null, now, now);
        }
        for (let m = 1; addMonths(termStart, m) <= today && addMonths(termStart, m) <= termEnd; m++) {
          const d = addMonths(termStart, m);
          if (rand() < 0.9) cEvent.run(newId(), id, 'visit', d, '走访', null, '在家，表现正常', null, now, now);
          if (category === 'outside') cEvent.run(newId(), id, 'health', d, null, null, '病情稳定', null, now, now);
          cEvent.run(newId(), id, 'education', addDays(d, -5), null, 8 + Math.floor(rand() * 6), '集中教育学习', null, now, now);
          cEvent.run(newId(), id, 'public', addDays(d, -3), null, 8 + Math.floor(rand() * 6), '社区公益劳动', null, now, now);
        }
      }
    })();
  }
  for (let start = 0; start < opts.assistance; start += BATCH) {
    ctx.db.transaction(() => {
      for (let i = start; i < Math.min(opts.assistance, start + BATCH); i++) {
        const id = newId();
        const release = addDays(today, -Math.floor(rand() * 730) - 5);
        const releaseType = rand() < 0.1 ? 'correction_end' : 'expiry';
        const lvl = rand() < 0.15 ? pick(['high', 'medium', 'low'] as const) : 'normal';
        const linked = rand() < 0.97;
        const returned = addDays(release, Math.floor(rand() * 3));
        aFile.run(
          id,
          people[opts.correction + i]!,
          pick(CRIMES),
          releaseType,
          release,
          pick(villages),
          pick(staff),
          lvl,
          release,
          periodEnd(releaseType, release, {}).date,
          linked ? 'done' : 'pending',
          linked ? (lvl === 'normal' ? 'family' : 'escort') : null,
          linked ? returned : null,
          linked ? addDays(returned, 5) : null,
          linked ? pick(['employed', 'farming', 'business', 'welfare']) : null,
          now,
          now,
        );
        level.run(newId(), 'assistance', id, release, lvl, 'start', now, now);
        if (!linked) continue;
        for (let d = addDays(returned, 3); d <= today; d = addMonths(d, lvl === 'normal' ? 3 : 1)) {
          if (rand() < 0.92) aRecord.run(newId(), id, 'visit', d, '走访', '在家，情绪稳定', null, now, now);
        }
      }
    })();
  }
}

/**
 * correction_due_ms: the dashboard's due items on a ledger of the 司法所's files alone — 5,000 correction
 * and 20,000 assistance files with two years of events (BENCH_CORRECTION, BENCH_ASSISTANCE) — after the
 * day's rebuild through the engine; like due_items_ms, a mean over 100 calls.
 */
export function judicialDue(file: string, today: string): number {
  const CORRECTION = Number(process.env.BENCH_CORRECTION ?? 5_000);
  const ASSISTANCE = Number(process.env.BENCH_ASSISTANCE ?? 20_000);
  const j = openLedger(file);
  try {
    const host = createHost(j, { clock: fixedClock(today) });
    const ctx = contextFor(host);
    must(invoke(host, 'setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' }));
    console.log(`生成 ${CORRECTION} 份社区矫正档案、${ASSISTANCE} 份安置帮教档案及两年的记录……`);
    const t0 = performance.now();
    const { personIds } = generate(ctx, { persons: CORRECTION + ASSISTANCE, disputes: 0 });
    generateJudicial(ctx, { correction: CORRECTION, assistance: ASSISTANCE, personIds });
    const count = (sql: string) => (j.db.prepare(sql).get() as { n: number }).n;
    const events = count('SELECT count(*) AS n FROM correction_event') + count('SELECT count(*) AS n FROM assistance_record');
    const buildS = (performance.now() - t0) / 1000;
    const tR = performance.now();
    must(invoke(host, 'obligations.dashboard', {})); // the day's rebuild writes every file's items
    const rebuildS = (performance.now() - tR) / 1000;
    const staffIds = (j.db.prepare("SELECT id FROM staff WHERE kind = 'staff'").all() as { id: string }[]).map((r) => r.id);
    const inputs: Input<'obligations.dashboard'>[] = [{}, { responsibleStaffId: staffIds[0] }, { responsibleStaffId: staffIds[1] }];
    const ms = time(100, (i) => must(invoke(host, 'obligations.dashboard', inputs[i % inputs.length]!)));
    const items = count("SELECT count(*) AS n FROM obligation WHERE module IN ('correction', 'assistance')");
    console.log(
      `司法所档案待办（${CORRECTION} 份社区矫正、${ASSISTANCE} 份安置帮教，${events} 条记录；生成 ${buildS.toFixed(1)} s，每日重建 ${rebuildS.toFixed(1)} s；待办 ${items} 项）：${ms.toFixed(3)} ms`,
    );
    return ms;
  } finally {
    j.close();
  }
}
