/**
 * import_10k_ms for `npm run bench` (RELIABILITY §7.4: 10,000 rows from xlsx in under 10 s): an old
 * dispute register of 10,000 rows as an office keeps it (a title row, text and serial dates, parties
 * with and without ID numbers, most closed years ago, some still open) read, checked and imported through
 * the dispatcher into a set-up ledger, as 导入旧台账 does it: the file read, then the real import with its
 * backup first and every row in one transaction. Run alone: npx tsx tests/bench/import.ts
 */
import ExcelJS from 'exceljs';
import { performance } from 'node:perf_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixedClock } from '../../db/context';
import { openLedger } from '../../db/open';
import { createHost, invoke, invokeAsync } from '../../db/router';
import { idCheckChar } from '../../shared/domain/id-number';
import type { Output } from '../../shared/contract';
import { must } from './timing';

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华';
const CATEGORIES = ['婚姻家庭纠纷', '邻里纠纷', '房屋宅基地纠纷', '合同纠纷', '损害赔偿纠纷', '山林土地纠纷', '劳动争议纠纷', '其他纠纷'];

function idNumber(i: number): string {
  const first17 = `110105${1950 + (i % 50)}0${1 + (i % 9)}1${i % 10}${String(i % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export async function registerXlsx(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '某某乡矛盾纠纷排查调处台账';
  ws.mergeCells('A1:K1');
  ws.addRow([
    '序号',
    '登记日期',
    '纠纷类型',
    '所属村(社区)',
    '申请人',
    '身份证号',
    '被申请人',
    '纠纷简要情况',
    '调处结果',
    '办结日期',
    '承办人',
  ]);
  // Row 2 is the header: addRow appends after the title.
  // A name for each row (20 × 25 × 25 of them), so that no two rows are the same dispute.
  const name = (i: number) =>
    SURNAMES[i % SURNAMES.length]! + GIVEN[Math.floor(i / 20) % GIVEN.length]! + GIVEN[Math.floor(i / 500) % GIVEN.length]!;
  for (let i = 0; i < rows; i++) {
    const year = 2018 + (i % 6);
    const month = 1 + (i % 12);
    const day = 1 + (i % 27);
    const closed = i % 10 !== 0;
    const intake = i % 3 === 0 ? `${year}.${month}.${day}` : new Date(Date.UTC(year, month - 1, day));
    ws.addRow([
      i + 1,
      intake,
      CATEGORIES[i % CATEGORIES.length],
      '',
      name(i),
      i % 2 === 0 ? idNumber(i) : '',
      name(i + 5),
      `第${i + 1}件：因琐事发生争执`,
      closed ? (i % 7 === 0 ? '调解失败' : '调解成功') : '',
      closed ? `${year}年${month}月${Math.min(day + 3, 28)}日` : '',
      '',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Milliseconds from the file's bytes to the batch written (reading, checking, backup, one transaction). */
export async function importBench(dir: string, rows = 10_000): Promise<{ ms: number; imported: number; readMs: number }> {
  const bytes = await registerXlsx(rows);
  const ledger = openLedger(join(dir, 'import.db'));
  try {
    const host = createHost(ledger, { clock: fixedClock('2024-06-15'), log: () => {} });
    must(invoke(host, 'setup.init', { townshipName: '高寨乡', county: '某某县', operatorName: '王调解' }));
    const t0 = performance.now();
    const table = must(
      await invokeAsync(host, 'import.read', { module: 'disputes', fileName: '旧台账.xlsx', base64: bytes.toString('base64') }),
    ) as Output<'import.read'>;
    const readMs = performance.now() - t0;
    const result = must(
      invoke(host, 'import.run', {
        module: 'disputes',
        fileName: table.fileName,
        headers: table.headers,
        mapping: table.mapping,
        rows: table.rows,
      }),
    ) as Output<'import.run'>;
    const ms = performance.now() - t0;
    if (result.imported !== rows) throw new Error(`imported ${result.imported} of ${rows}: ${JSON.stringify(result.report.counts)}`);
    return { ms, imported: result.imported, readMs };
  } finally {
    ledger.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  try {
    const r = await importBench(dir, Number(process.env.BENCH_IMPORT_ROWS ?? 10_000));
    console.log(`导入 ${r.imported} 行旧台账（读取 ${r.readMs.toFixed(0)} ms）：${r.ms.toFixed(0)} ms`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
