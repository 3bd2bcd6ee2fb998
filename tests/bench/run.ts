/**
 * npm run bench: builds 100,000 disputes and 200,000 persons in a temporary ledger through the real
 * services, then times the hot paths through the real dispatcher and the same SQL run directly on
 * better-sqlite3 ("raw"). Prints readable lines, then one JSON object as the very last line.
 * Sizes can be lowered for a quick look: BENCH_DISPUTES=10000 npm run bench. For experiments,
 * BENCH_KEEP=FILE keeps a copy of the built ledger and BENCH_FROM=FILE times a copy of such a file
 * instead of building one (the sizes printed are then the file's own). BENCH_ONLY=encryption times only the
 * list, search and write on the plain ledger and on an encrypted copy (encrypted.ts).
 */
import Database from 'better-sqlite3';
import { buildSync } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { writeBackup } from '../../db/backup/backup';
import { fixedClock } from '../../db/context';
import { generate, generateFollowup } from '../../db/demo';
import { judicialDue } from './judicial';
import { importBench } from './import';
import { median, must, round, time, timePair } from './timing';
import { disputeListSql } from '../../db/services/disputes';
import { DisputeListInput } from '../../shared/schemas/disputes';
import { encryptedBench } from './encrypted';
import { hotPaths, TODAY } from './hot-paths';
import { openLedger } from '../../db/open';
import { contextFor, createHost, invoke } from '../../db/router';
import { followupStatsByEngine } from '../../db/services/followup-stats';
import type { Input } from '../../shared/contract';
import { addDays } from '../../shared/dates';

const DISPUTES = Number(process.env.BENCH_DISPUTES ?? 100_000);
const PERSONS = Number(process.env.BENCH_PERSONS ?? DISPUTES * 2);
const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? DISPUTES);
/** BENCH_ONLY=encryption: only the plain hot paths and their encrypted figures (encrypted.ts), a few minutes. */
const ONLY_ENCRYPTION = process.env.BENCH_ONLY === 'encryption';

/**
 * One of the bench's child programs (first-answer.ts, export.ts) bundled to plain JavaScript (no tsx),
 * to be run in a fresh Node process on the closed bench ledger: `run()` returns its standard output.
 */
function childProgram(name: 'first-answer' | 'export'): (ledgerPath: string) => string {
  // Inside the project, so that its packages resolve from node_modules (out/ is not kept in git).
  const outdir = fileURLToPath(new URL(`../../out/bench/${name}`, import.meta.url));
  const out = join(outdir, `${name}.mjs`);
  buildSync({
    entryPoints: [fileURLToPath(new URL(`./${name}.ts`, import.meta.url))],
    bundle: true,
    platform: 'node',
    format: 'esm',
    // As the desktop build does: what is imported on first use (exceljs, docx) is a chunk of its own.
    splitting: true,
    outdir,
    outExtension: { '.js': '.mjs' },
    packages: 'external',
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  });
  const migrations = fileURLToPath(new URL('../../db/migrations', import.meta.url));
  return (ledgerPath) => {
    const r = spawnSync(process.execPath, [out, ledgerPath, migrations], { encoding: 'utf8', cwd: process.cwd() });
    if (r.status !== 0 || !r.stdout.includes('"rows"')) throw new Error(`${name} failed: ${r.stdout} ${r.stderr}`);
    return r.stdout;
  };
}

/** first_answer_ms: from spawning first-answer.ts to its first page of disputes; median of 5. */
function firstAnswer(ledgerPath: string): number {
  const run = childProgram('first-answer');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    run(ledgerPath);
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** export_100k_ms, export_100k_raw_ms and export_peak_rss_mb (export.ts): each the median of 3 runs. */
function exportTimes(ledgerPath: string): {
  rows: number;
  bytes: number;
  exportMs: number;
  rawMs: number;
  peakRssMb: number;
  baseRssMb: number;
  walMb: number;
} {
  const run = childProgram('export');
  const runs = [0, 1, 2].map(() => JSON.parse(run(ledgerPath)));
  const pick = (k: string) => median(runs.map((r) => r[k]));
  return {
    rows: runs[0].rows,
    bytes: runs[0].bytes,
    exportMs: pick('exportMs'),
    rawMs: pick('rawMs'),
    peakRssMb: pick('peakRssMb'),
    baseRssMb: pick('baseRssMb'),
    walMb: pick('walMb'),
  };
}

/**
 * backup_100k_ms: one verified backup of the bench ledger as the app writes it (db/backup/backup.ts:
 * VACUUM INTO a temporary name, flushed, integrity_check on the copy opened read-only, record counts,
 * SHA-256, manifest, rename); backup_100k_raw_ms: the same VACUUM INTO and integrity_check alone. Run
 * alternately, median of 3 each; the target is at most twice the raw figure.
 */
function backupPair(db: Database.Database, dbPath: string, folder: string): [number, number] {
  mkdirSync(folder, { recursive: true });
  const clock = fixedClock(TODAY);
  const ours: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < 3; i++) {
    let t0 = performance.now();
    const written = writeBackup(db, { dbPath, reason: 'manual', clock, folder });
    ours.push(performance.now() - t0);
    rmSync(written.path);
    rmSync(`${written.path}.json`);
    const out = join(folder, 'raw.db');
    t0 = performance.now();
    db.prepare('VACUUM INTO ?').run(out);
    const copy = new Database(out, { readonly: true });
    copy.pragma('integrity_check');
    copy.close();
    raw.push(performance.now() - t0);
    rmSync(out);
  }
  return [median(ours), median(raw)];
}

let results: Record<string, number> = {};
const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
const path = join(dir, 'bench.db');
if (process.env.BENCH_FROM) copyFileSync(process.env.BENCH_FROM, path);
const ledger = openLedger(path);
try {
  const host = createHost(ledger, { clock: fixedClock(TODAY) });
  const ctx = contextFor(host);
  const count = (table: string) =>
    (ledger.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;
  let personIds: string[];
  let followupS = Number.NaN;
  if (process.env.BENCH_FROM) {
    personIds = (ledger.db.prepare('SELECT id FROM person LIMIT 2').all() as { id: string }[]).map((r) => r.id);
    console.log(
      `复用 ${process.env.BENCH_FROM}：${count('person')} 名人员、${count('dispute')} 件纠纷、${count('followup_subject')} 份档案`,
    );
  } else {
    must(invoke(host, 'setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' }));
    console.log(`生成 ${PERSONS} 名人员、${DISPUTES} 件纠纷……`);
    const t0 = performance.now();
    let last = 0;
    const progress = (m: string) => {
      if (performance.now() - last > 5000) {
        last = performance.now();
        console.log(`  ${m}`);
      }
    };
    personIds = generate(ctx, { persons: PERSONS, disputes: DISPUTES, progress }).personIds;
    console.log(`生成 ${SUBJECTS} 份重点人员档案及走访记录（经到期引擎写入待办表）……`);
    const tF = performance.now();
    generateFollowup(ctx, { subjects: SUBJECTS, personIds, progress });
    followupS = (performance.now() - tF) / 1000;
    ledger.db.pragma('optimize');
    // As after a day's work: the write-ahead log folded back into the file.
    ledger.db.pragma('wal_checkpoint(TRUNCATE)');
    const buildS = (performance.now() - t0) / 1000;
    console.log(`生成用时 ${buildS.toFixed(1)} s，文件 ${(statSync(path).size / 1e6).toFixed(1)} MB`);
    if (process.env.BENCH_KEEP) copyFileSync(path, process.env.BENCH_KEEP);
  }
  const size = { disputes: count('dispute'), persons: count('person'), subjects: count('followup_subject') };

  const hot = hotPaths(ledger.db, host, personIds);
  const { listMs, listRawMs, searchMs, searchRawMs, queries, perQuery, writeMs } = hot;
  if (ONLY_ENCRYPTION) {
    const enc = await encryptedBench(ledger.db, dir, personIds);
    const plain = { dispute_list_ms: round(listMs), person_search_ms: round(searchMs), write_ms: round(writeMs) };
    console.log(JSON.stringify({ disputes: size.disputes, persons: size.persons, ...plain, ...enc }));
    ledger.close();
    rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }

  // ── dispute text search: a surname, a two-character name, a case-number fragment, a summary phrase ──
  const named = ledger.db
    .prepare("SELECT parties_text AS parties FROM dispute WHERE parties_text <> '' LIMIT 1 OFFSET ?")
    .get(Math.floor(size.disputes / 3)) as {
    parties: string;
  };
  const textQueries = [named.parties.slice(0, 1), named.parties.split('、')[0]!.slice(-2), '〔2023〕1', '要求赔偿'];
  const textInputs = textQueries.map((q): Input<'disputes.list'> => ({ q, page: 1, pageSize: 50 }));
  const rawText = textInputs.map((input) => {
    const parsed = DisputeListInput.parse(input);
    const q = disputeListSql(parsed, TODAY);
    return { count: ledger.db.prepare(q.count), page: ledger.db.prepare(q.page), q };
  });
  const [textMs, textRawMs] = timePair(
    200,
    (i) => must(invoke(host, 'disputes.list', textInputs[i % textInputs.length]!)),
    (i) => {
      const r = rawText[i % rawText.length]!;
      r.count.get(r.q.params);
      r.page.all({ ...r.q.params, limit: 50, offset: 0 });
    },
  );
  const textTotals = textInputs.map((input) => (must(invoke(host, 'disputes.list', input)) as { total: number }).total);

  // The machine's own floor for a write: one one-row transaction on the same file under the same
  // settings (synchronous=FULL: the disk's flush). write_ms minus this is the cost of our work.
  const floor = ledger.db.prepare(
    "INSERT INTO setting (key, value) VALUES ('bench_probe', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  );
  const commitFloorMs = time(200, (i) => ledger.db.transaction(() => floor.run(JSON.stringify(i)))());
  // The export timed at the end takes the register as built (100,000 disputes, the limit of one export):
  // the disputes written just now leave it.
  ledger.db.prepare("UPDATE dispute SET deleted_at = ? WHERE summary = '基准测试写入'").run(`${TODAY}T00:00:00.000Z`);

  // ── dispute statistics: a year of the register, every breakdown ─────────────────────────────
  const yearInput: Input<'disputes.stats'> = { dateFrom: addDays(TODAY, -364), dateTo: TODAY };
  const statsMs = time(20, () => must(invoke(host, 'disputes.stats', yearInput)));
  const statsYear = (must(invoke(host, 'disputes.stats', yearInput)) as { total: { registered: number } }).total.registered;

  // ── due items: the dashboard (overdue, 7 days, term ends, counts by module and person) ──────
  const staffIds = (ledger.db.prepare("SELECT id FROM staff WHERE kind = 'staff'").all() as { id: string }[]).map((r) => r.id);
  const tR = performance.now();
  must(invoke(host, 'obligations.dashboard', {})); // the first call of the day rebuilds the to-do table
  const rebuildS = (performance.now() - tR) / 1000;
  const dashInputs: Input<'obligations.dashboard'>[] = [{}, { responsibleStaffId: staffIds[0] }, { responsibleStaffId: staffIds[1] }];
  const dueMs = time(100, (i) => must(invoke(host, 'obligations.dashboard', dashInputs[i % dashInputs.length]!)));
  const obligations = (ledger.db.prepare('SELECT count(*) AS n FROM obligation').get() as { n: number }).n;
  const overdue = (ledger.db.prepare('SELECT count(*) AS n FROM obligation WHERE due_date < ?').get(TODAY) as { n: number }).n;

  // ── follow-up statistics: a year of every file's duties ───────────────────────────────────────
  // After the day's rebuild, as the statistics page is used: every file's duties are kept by then.
  // The engine over every file (what the page cost before the duties were kept) once, for comparison.
  const followupYear: Input<'followup.stats'> = { dateFrom: addDays(TODAY, -364), dateTo: TODAY };
  const followupStatsMs = time(5, () => must(invoke(host, 'followup.stats', followupYear)));
  const followupEngineMs = time(1, () => followupStatsByEngine(ctx, followupYear));

  console.log(
    `纠纷列表（筛选+排序+50条一页+总数）：${listMs.toFixed(3)} ms（直接 SQL ${listRawMs.toFixed(3)} ms，${(listMs / listRawMs).toFixed(2)}×）`,
  );
  console.log(
    `人员搜索（姓名片段 ${queries[0]} / 拼音首字母 ${queries[1]} / 身份证片段 ${queries[2]}）：${searchMs.toFixed(3)} ms（分别 ${perQuery.join(' / ')} ms；直接 SQL ${searchRawMs.toFixed(3)} ms，${(searchMs / searchRawMs).toFixed(2)}×）`,
  );
  console.log(
    `写入一件纠纷（含当事人、状态记录、审计）：${writeMs.toFixed(3)} ms（synchronous=FULL；同一文件单行提交的下限 ${commitFloorMs.toFixed(3)} ms）`,
  );
  console.log(
    `首页待办（${size.subjects} 份档案${Number.isNaN(followupS) ? '（复用）' : `生成 ${followupS.toFixed(1)} s`}；待办表 ${obligations} 项，其中逾期 ${overdue} 项；每日重建 ${rebuildS.toFixed(1)} s）：${dueMs.toFixed(3)} ms`,
  );
  console.log(
    `纠纷全文搜索（${textQueries.map((q, i) => `“${q}” ${textTotals[i]} 件`).join('、')}；50条一页+总数）：${textMs.toFixed(3)} ms（直接 SQL ${textRawMs.toFixed(3)} ms）`,
  );
  console.log(
    `重点人员统计（一年，${size.subjects} 份档案；读保存的到期事项）：${followupStatsMs.toFixed(3)} ms（逐档运行到期引擎 ${followupEngineMs.toFixed(0)} ms）`,
  );
  console.log(`排查调处统计（一年 ${statsYear} 件，按类型、来源、村居、承办人、月份）：${statsMs.toFixed(3)} ms`);
  const [backupMs, backupRawMs] = backupPair(ledger.db, path, join(dir, 'backups'));
  console.log(
    `备份并校验（${(statSync(path).size / 1024 / 1024).toFixed(0)} MB 的账本；VACUUM INTO、完整性检查、计数、SHA-256、说明文件）：${backupMs.toFixed(0)} ms（仅 VACUUM INTO + integrity_check ${backupRawMs.toFixed(0)} ms，${(backupMs / backupRawMs).toFixed(2)}×）`,
  );
  const enc = await encryptedBench(ledger.db, dir, personIds);
  results = {
    disputes: size.disputes,
    persons: size.persons,
    dispute_list_ms: round(listMs),
    dispute_list_raw_ms: round(listRawMs),
    person_search_ms: round(searchMs),
    person_search_raw_ms: round(searchRawMs),
    write_ms: round(writeMs),
    followup_subjects: size.subjects,
    due_items_ms: round(dueMs),
    commit_floor_ms: round(commitFloorMs),
    dispute_stats_ms: round(statsMs),
    dispute_text_search_ms: round(textMs),
    dispute_text_search_raw_ms: round(textRawMs),
    followup_stats_ms: round(followupStatsMs),
    followup_stats_engine_ms: round(followupEngineMs),
    backup_100k_ms: round(backupMs),
    backup_100k_raw_ms: round(backupRawMs),
    ...enc,
  };
} finally {
  ledger.close();
}
try {
  const first = firstAnswer(path);
  console.log(`冷启动首个答复（新的 Node 进程运行构建后的 JavaScript：打开账本并返回第一页筛选结果）：${first.toFixed(0)} ms`);
  const correctionDue = judicialDue(join(dir, 'judicial.db'), TODAY);
  const ex = exportTimes(path);
  console.log(
    `导出纠纷台账（${ex.rows} 行，${(ex.bytes / 1024 / 1024).toFixed(1)} MB 的 .xlsx，经调度、标签、单元格安全处理、样式、合计）：${ex.exportMs.toFixed(0)} ms，进程内存峰值 ${ex.peakRssMb.toFixed(0)} MB（导出前 ${ex.baseRssMb.toFixed(0)} MB，预写日志 ${ex.walMb.toFixed(0)} MB；同样的行直接用 exceljs 流式写出 ${ex.rawMs.toFixed(0)} ms，${(ex.exportMs / ex.rawMs).toFixed(2)}×）`,
  );
  // 导入旧台账 (RELIABILITY §7.4): 10,000 rows of an old register from xlsx into a ledger, backup and all.
  const imported = await importBench(dir);
  console.log(
    `导入旧台账 ${imported.imported} 行（xlsx 读取 ${imported.readMs.toFixed(0)} ms；含导入前备份、逐行校验、一个事务写入）：${imported.ms.toFixed(0)} ms`,
  );
  console.log(
    JSON.stringify({
      ...results,
      first_answer_ms: round(first),
      correction_due_ms: round(correctionDue),
      export_100k_ms: round(ex.exportMs),
      export_100k_raw_ms: round(ex.rawMs),
      export_peak_rss_mb: round(ex.peakRssMb),
      import_10k_ms: round(imported.ms),
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
