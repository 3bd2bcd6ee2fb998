/**
 * npm run bench:county: a county ledger merged from 20 townships' report packages (1,000,000 persons and
 * 300,000 disputes in all, BENCH_COUNTY_PERSONS / BENCH_COUNTY_DISPUTES to change), each package written
 * by db/package/package.ts and received through the real verify-and-receive path (county.receive, in its worker thread), then
 * the county's list and name search timed through the real dispatcher. The packages' rows are generated
 * (a township's program would take them from its .xlsx ledgers; building twenty 50,000-person ledgers
 * first would time the demo, not the county). Prints readable lines, then one JSON object as the very last line.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fixedClock } from '../../db/context';
import { openLedger } from '../../db/open';
import { writePackage } from '../../db/package/package';
import { contextFor, createHost, dispatchAsync, invoke } from '../../db/router';
import { reportParts } from '../../db/modules';
import { packageContent } from '../../db/services/report-package';
import { parsePeriodKey } from '../../shared/domain/report-period';
import type { Input } from '../../shared/contract';
import { must, round } from './timing';

const TOWNSHIPS = 20;
const PERSONS = Number(process.env.BENCH_COUNTY_PERSONS ?? 1_000_000);
const DISPUTES = Number(process.env.BENCH_COUNTY_DISPUTES ?? 300_000);
const PASSWORD = 'bench-password-2024';
const KDF = { name: 'scrypt', logN: 14, r: 8, p: 1 } as const;
const period = parsePeriodKey('2024-06')!;

const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉斌建国建华志强春梅海燕小红晓东文俊浩宇子涵欣怡梓萱';
let seed = 42;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed % n;
};
const name = () => SURNAMES[rand(SURNAMES.length)]! + GIVEN[rand(GIVEN.length)]! + (rand(2) ? GIVEN[rand(GIVEN.length)]! : '');
const day = () => `2024-06-${String(1 + rand(30)).padStart(2, '0')}`;

/** The headers a township's program writes (its real exports, from an empty ledger): the rows below are made to match. */
async function realHeaders(dir: string): Promise<{ persons: string[]; disputes: string[] }> {
  const host = createHost(openLedger(join(dir, 'town.db')), { clock: fixedClock('2024-07-01'), log: () => {} });
  must(invoke(host, 'setup.init', { townshipName: '样本乡', county: '某某县', operatorName: '样本' }));
  const content = await packageContent(contextFor(host), reportParts, { period, modules: ['persons', 'disputes'] });
  host.ledger.close();
  const of = (m: string) => content.ledgers.find((l) => l.module === m)!.columns;
  return { persons: of('persons'), disputes: of('disputes') };
}

let PERSON_COLUMNS: string[] = [];
let DISPUTE_COLUMNS: string[] = [];

function township(i: number, dir: string): string {
  const town = `第${i + 1}乡`;
  const persons = Array.from({ length: Math.floor(PERSONS / TOWNSHIPS) }, (_, k) => [
    k + 1,
    name(),
    rand(2) ? '男' : '女',
    `3201**********${String(rand(10_000)).padStart(4, '0')}`,
    `19${50 + rand(50)}-0${1 + rand(9)}-1${rand(10)}`,
    `139${String(rand(100_000_000)).padStart(8, '0')}`,
    `${rand(30) + 1}村`,
  ]);
  const disputes = Array.from({ length: Math.floor(DISPUTES / TOWNSHIPS) }, (_, k) => [
    k + 1,
    `${town}纠〔2024〕${k + 1}号`,
    day(),
    '群众来访',
    '邻里纠纷',
    `${rand(30) + 1}村`,
    `${name()}、${name()}`,
    '因宅基地界址发生争执',
    2,
    rand(50_000),
    '一般',
    name(),
    '2024-07-15',
    '调处中',
    '否',
  ]);
  const tiny = { fileName: 'x.xlsx', bytes: Buffer.from('placeholder') };
  return writePackage(
    {
      township: town,
      period,
      createdAt: `2024-07-0${1 + (i % 9)}T08:00:00.000Z`,
      appVersion: 'bench',
      schemaVersion: 33,
      auditHead: { rows: 0, hash: '' },
      auditPrior: [],
      auditBroken: 0,
      ledgers: [
        {
          module: 'persons',
          title: `${town}人员库`,
          columns: PERSON_COLUMNS,
          rows: persons,
          file: { fileName: '01_人员库.xlsx', bytes: tiny.bytes },
        },
        {
          module: 'disputes',
          title: `${town}矛盾纠纷排查登记台账`,
          columns: DISPUTE_COLUMNS,
          rows: disputes,
          file: { fileName: '02_纠纷.xlsx', bytes: tiny.bytes },
        },
      ],
      statistics: { fileName: '00_统计表.xlsx', bytes: tiny.bytes },
      figures: [{ module: 'disputes', label: '登记件数', value: disputes.length, kind: 'count', definition: '登记件数' }],
    },
    { folder: dir, password: PASSWORD, stamp: `bench-${i}`, kdf: KDF },
  ).path;
}

function timed(runs: number, fn: (i: number) => void): { median: number; p95: number } {
  for (let i = 0; i < 5; i++) fn(i);
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(i);
    xs.push(performance.now() - t0);
  }
  xs.sort((a, b) => a - b);
  return { median: round(xs[Math.floor(xs.length / 2)]!), p95: round(xs[Math.floor(xs.length * 0.95)]!) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-county-'));
  try {
    ({ persons: PERSON_COLUMNS, disputes: DISPUTE_COLUMNS } = await realHeaders(dir));
    const host = createHost(openLedger(join(dir, 'county.db')), { clock: fixedClock('2024-07-15'), log: () => {} });
    must(invoke(host, 'setup.init', { townshipName: '某某县司法局', county: '某某县', operatorName: '县局' }));
    const stick = join(dir, 'stick');
    (await import('node:fs')).mkdirSync(stick);
    let receiveMs = 0;
    for (let i = 0; i < TOWNSHIPS; i++) {
      const folder = township(i, stick);
      const t0 = performance.now();
      must(await dispatchAsync(host, 'county.receive', { folder, password: PASSWORD }));
      receiveMs += performance.now() - t0;
      rmSync(folder, { recursive: true });
      process.stdout.write(`\r已接收 ${i + 1} / ${TOWNSHIPS}`);
    }
    process.stdout.write('\n');
    const count = (sql: string) => host.ledger.db.prepare(sql).pluck().get() as number;
    const persons = count("SELECT count(*) FROM county_record WHERE module = 'persons'");
    const disputes = count("SELECT count(*) FROM county_record WHERE module = 'disputes'");
    console.log(
      `县级账本：${persons} 人员，${disputes} 纠纷，${Math.round(statSync(join(dir, 'county.db')).size / 1e6)} MB；接收平均 ${Math.round(receiveMs / TOWNSHIPS)} ms/包`,
    );

    const pages = Math.ceil(persons / 50);
    const list = (input: Input<'county.list'>) => must(invoke(host, 'county.list', input));
    // What is timed returns what it should: a full page, and hits for a common surname.
    const sample = list({ period: '2024-06', module: 'persons', page: pages }) as { rows: unknown[]; total: number };
    const hits = list({ period: '2024-06', module: 'persons', q: '王' }) as { rows: { cells: unknown[] }[] };
    if (sample.total !== persons || sample.rows.length === 0 || hits.rows.length !== 50 || !String(hits.rows[0]!.cells[1]).startsWith('王'))
      throw new Error('汇总台账或查找的结果不对');
    const listPersons = timed(200, (i) => list({ period: '2024-06', module: 'persons', page: 1 + ((i * 7919) % pages) }));
    const listDisputes = timed(200, (i) =>
      list({ period: '2024-06', module: 'disputes', page: 1 + ((i * 104_729) % Math.ceil(disputes / 50)) }),
    );
    const listTown = timed(200, (i) =>
      list({ period: '2024-06', module: 'persons', township: `第${(i % TOWNSHIPS) + 1}乡`, page: 1 + (i % 900) }),
    );
    const prefixes = [...SURNAMES.slice(0, 40)].flatMap((s, k) => [s, s + GIVEN[k % GIVEN.length]!]);
    const search = timed(200, (i) =>
      list({ period: '2024-06', module: (i % 2 ? 'persons' : 'disputes') as 'persons', q: prefixes[i % prefixes.length]! }),
    );
    const searchTown = timed(200, (i) =>
      list({ period: '2024-06', module: 'persons', township: `第${(i % TOWNSHIPS) + 1}乡`, q: prefixes[i % prefixes.length]! }),
    );
    const overview = timed(50, () => must(invoke(host, 'county.overview', { period: '2024-06' })));
    const stats = timed(50, () => must(invoke(host, 'county.stats', { period: '2024-06' })));
    console.log(`汇总台账一页（人员，任意页）：中位 ${listPersons.median} ms，p95 ${listPersons.p95} ms`);
    console.log(`汇总台账一页（纠纷，任意页）：中位 ${listDisputes.median} ms，p95 ${listDisputes.p95} ms`);
    console.log(`汇总台账一页（一个乡镇）：中位 ${listTown.median} ms，p95 ${listTown.p95} ms`);
    console.log(
      `按姓名开头查找（前 50 条）：中位 ${search.median} ms，p95 ${search.p95} ms；限一个乡镇：中位 ${searchTown.median} ms，p95 ${searchTown.p95} ms`,
    );
    console.log(`已收上报包：中位 ${overview.median} ms；汇总统计：中位 ${stats.median} ms`);
    const worst = (...xs: { p95: number }[]) => Math.max(...xs.map((x) => x.p95));
    console.log(
      JSON.stringify({
        townships: TOWNSHIPS,
        persons,
        disputes,
        county_receive_ms_per_package: Math.round(receiveMs / TOWNSHIPS),
        county_list_ms: worst(listPersons, listDisputes, listTown),
        county_search_ms: worst(search, searchTown),
        county_list_median_ms: listPersons.median,
        county_search_median_ms: search.median,
        county_overview_ms: overview.median,
        county_stats_ms: stats.median,
      }),
    );
    host.ledger.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
