/**
 * 县级汇总: the county's ledger of the packages townships hand in. A package is verified in full (the
 * password's tag, the signed manifest, every file's SHA-256, quick_check and the schema of its records:
 * db/package/package.ts) and every one of its rows checked before anything is written (RELIABILITY G5,
 * T15); it is then written in one transaction with its audit row, replacing that township's package for
 * the same period (never doubling it). Its audit head is compared with the township's earlier package:
 * a history rewritten after the earlier package was handed in no longer has that head's hash.
 */
import type Database from 'better-sqlite3';
import { basename } from 'node:path';
import { cnDate } from '../../shared/documents/model';
import { missingTownships, parsePeriodKey } from '../../shared/domain/report-period';
import { LedgerError } from '../../shared/errors';
import { MODULE_INFO, MODULES, type ModuleName } from '../../shared/modules';
import type { FileResult } from '../../shared/schemas/common';
import {
  COUNTY_PAGE_SIZE,
  type ChainState,
  type CountyList,
  type CountyListInput,
  type CountyOverview,
  type CountyStats,
  type CountyStatsRow,
  type ReceivedPackage,
  type ReceiveResult,
} from '../../shared/schemas/county';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { type LedgerColumnType, writeLedgerWorkbook } from '../engines/xlsx';
import { newId } from '../ids';
import { REFUSED } from '../package/format';
import { verifyPackage, type PackageManifest } from '../package/package';
import { audit } from './audit';
import { checkSize, MAX_EXPORT_ROWS, xlsxFile } from './exports';
import { getSetting, putSetting } from './reference';
import { all, one, run, write } from './sql';

type Cell = string | number | null;
const TOWNSHIPS_KEY = 'county.townships';
const KINDS = new Set(['count', 'money', 'rate']);

/** The column a search finds a record by: its name (姓名), its parties (当事人), or else the first after 序号. */
export function nameColumn(columns: readonly string[]): number {
  const i = columns.findIndex((c) => c.includes('姓名') || c === '当事人' || c === '申请人');
  return i >= 0 ? i : columns.length > 1 ? 1 : 0;
}

function isModule(m: unknown): m is ModuleName {
  return typeof m === 'string' && (MODULES as readonly string[]).includes(m);
}

function parseCells(json: string, width: number): Cell[] | null {
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (!Array.isArray(v) || v.length !== width) return null;
  return v.every((c) => c === null || (typeof c === 'string' && c.length <= 32_767) || (typeof c === 'number' && Number.isFinite(c)))
    ? (v as Cell[])
    : null;
}

interface CheckedLedger {
  module: ModuleName;
  title: string;
  columns: string[];
  rows: number;
}

/** Every row of the package checked before the first write: a package is taken whole or not at all. */
function checkContents(pkg: Database.Database, manifest: PackageManifest): { ledgers: CheckedLedger[]; figures: number } {
  const bad = (why: string) => REFUSED(`其中的数据不合规（${why}），未接收任何内容。`);
  const ledgers = (pkg.prepare('SELECT module, title, columns, rows FROM ledger').all() as Record<string, unknown>[]).map((l) => {
    if (!isModule(l.module)) throw bad('未知的台账');
    let columns: unknown;
    try {
      columns = JSON.parse(String(l.columns));
    } catch {
      throw bad('表头');
    }
    if (!Array.isArray(columns) || columns.length === 0 || columns.length > 100 || !columns.every((c) => typeof c === 'string'))
      throw bad('表头');
    if (typeof l.title !== 'string' || l.title.length > 200) throw bad('标题');
    return { module: l.module, title: l.title, columns: columns as string[], rows: Number(l.rows) };
  });
  const width = new Map(ledgers.map((l) => [l.module, l.columns.length]));
  for (const r of pkg.prepare('SELECT module, cells FROM record').raw(true).iterate() as IterableIterator<[string, string]>) {
    const w = width.get(r[0] as ModuleName);
    if (w === undefined || parseCells(r[1], w) === null) throw bad('记录');
  }
  for (const f of pkg.prepare('SELECT module, label, value, kind, definition FROM figure').all() as Record<string, unknown>[]) {
    if (
      !isModule(f.module) ||
      !KINDS.has(String(f.kind)) ||
      typeof f.label !== 'string' ||
      (f.value !== null && typeof f.value !== 'number')
    )
      throw bad('统计指标');
  }
  if (!manifest.township.trim() || manifest.township.length > 60) throw bad('乡镇名称');
  return { ledgers, figures: (pkg.prepare('SELECT count(*) FROM figure').pluck().get() as number) ?? 0 };
}

interface PackageRow {
  id: string;
  township: string;
  period: string;
  period_label: string;
  created_at: string;
  received_at: string;
  received_by: string;
  app_version: string;
  audit_rows: number;
  audit_hash: string;
  chain: ChainState;
  chain_note: string | null;
}

/** Whether the new package's chain extends the township's latest earlier package (by when each was made). */
export function chainState(
  earlier: Pick<PackageRow, 'audit_rows' | 'audit_hash' | 'period_label'> | undefined,
  m: PackageManifest,
): {
  chain: ChainState;
  note: string | null;
} {
  const broken = m.auditBroken > 0 ? `上报时乡镇的审计记录有 ${m.auditBroken} 条对不上前一条（被改动或删除过）。` : null;
  if (!earlier) return broken ? { chain: 'rewritten', note: broken } : { chain: 'first', note: null };
  const was = `此前上报的${earlier.period_label}上报包（审计记录第 ${earlier.audit_rows} 条）`;
  if (m.auditHead.rows < earlier.audit_rows) return { chain: 'rewritten', note: `审计记录比${was}还少，此前的记录已被删除或改写。` };
  const at = m.auditHead.rows === earlier.audit_rows ? m.auditHead : m.auditPrior.find((h) => h.rows === earlier.audit_rows);
  if (!at) return { chain: 'unknown', note: `上报包未带${was}处的核对值（可能换过账本或从备份恢复过），无法核对历史记录是否被改写。` };
  if (at.hash !== earlier.audit_hash) return { chain: 'rewritten', note: `审计记录与${was}不一致：上报后历史记录被改写过。` };
  return broken ? { chain: 'rewritten', note: broken } : { chain: 'extends', note: null };
}

function ledgersOf(ctx: ServiceContext, packageId: string) {
  return all<{ module: string; title: string; rows: number }>(
    ctx,
    'SELECT module, title, rows FROM county_ledger WHERE package_id = ? ORDER BY module',
    packageId,
  ).sort((a, b) => MODULES.indexOf(a.module as ModuleName) - MODULES.indexOf(b.module as ModuleName));
}

function received(ctx: ServiceContext, r: PackageRow): ReceivedPackage {
  return {
    id: r.id,
    township: r.township,
    period: r.period,
    periodLabel: r.period_label,
    createdAt: r.created_at,
    receivedAt: r.received_at,
    receivedBy: r.received_by,
    appVersion: r.app_version,
    auditRows: r.audit_rows,
    chain: r.chain,
    chainNote: r.chain_note,
    ledgers: ledgersOf(ctx, r.id),
  };
}

function deletePackage(ctx: ServiceContext, id: string): void {
  run(ctx, 'DELETE FROM county_record WHERE package_id = ?', id);
  run(ctx, 'DELETE FROM county_ledger WHERE package_id = ?', id);
  run(ctx, 'DELETE FROM county_figure WHERE package_id = ?', id);
  run(ctx, 'DELETE FROM county_package WHERE id = ?', id);
}

/** Receives one package folder (verified first; refused with the reason, writing nothing). */
export function receivePackage(ctx: ServiceContext, input: { folder: string; password: string }): ReceiveResult {
  ctx.job?.report('正在校验上报包（密码、每个文件的校验值、数据）');
  const { manifest, db: pkg } = verifyPackage(input.folder, input.password);
  try {
    const period = parsePeriodKey(manifest.period.key);
    if (!period) throw REFUSED('上报期间不正确。');
    const { ledgers } = checkContents(pkg, manifest);
    ctx.job?.report(`正在写入${manifest.township}的上报数据`);
    const township = manifest.township.trim();
    const id = newId();
    const replaced = write(ctx, () => {
      const existing = one<{ id: string }>(ctx, 'SELECT id FROM county_package WHERE township = ? AND period = ?', township, period.key);
      const earlier = one<PackageRow>(
        ctx,
        'SELECT * FROM county_package WHERE township = ? AND created_at < ? ORDER BY created_at DESC LIMIT 1',
        township,
        manifest.createdAt,
      );
      const { chain, note } = chainState(earlier, manifest);
      if (existing) deletePackage(ctx, existing.id);
      run(
        ctx,
        `INSERT INTO county_package (id, township, period, period_label, date_from, date_to, created_at, received_at, received_by,
          app_version, schema_version, audit_rows, audit_hash, chain, chain_note, manifest, folder_name)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        id,
        township,
        period.key,
        period.label,
        period.dateFrom,
        period.dateTo,
        manifest.createdAt,
        ctx.clock.now(),
        ctx.user.name,
        String(manifest.appVersion),
        manifest.schemaVersion,
        manifest.auditHead.rows,
        manifest.auditHead.hash,
        chain,
        note,
        JSON.stringify(manifest),
        basename(input.folder),
      );
      const names = new Map<string, number>();
      for (const l of ledgers) {
        run(
          ctx,
          'INSERT INTO county_ledger (package_id, module, title, columns, rows) VALUES (?, ?, ?, ?, ?)',
          id,
          l.module,
          l.title,
          JSON.stringify(l.columns),
          l.rows,
        );
        names.set(l.module, nameColumn(l.columns));
      }
      const insert = ctx.db.prepare('INSERT INTO county_record (package_id, township, module, seq, name, cells) VALUES (?, ?, ?, ?, ?, ?)');
      for (const [module, seq, cells] of pkg
        .prepare('SELECT module, seq, cells FROM record ORDER BY module, seq')
        .raw(true)
        .iterate() as IterableIterator<[string, number, string]>) {
        const name = (JSON.parse(cells) as Cell[])[names.get(module) ?? 0];
        insert.run(id, township, module, seq, name === null || name === undefined ? null : String(name), cells);
      }
      const fig = ctx.db.prepare(
        'INSERT INTO county_figure (package_id, module, seq, label, value, kind, definition) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      for (const f of pkg.prepare('SELECT module, seq, label, value, kind, definition FROM figure').raw(true).iterate() as IterableIterator<
        unknown[]
      >)
        fig.run(id, ...f);
      audit(ctx, {
        action: 'create',
        entity: 'county',
        entityId: id,
        after: {
          乡镇: township,
          期间: period.label,
          台账: ledgers.map((l) => `${MODULE_INFO[l.module].label} ${l.rows} 条`).join('，'),
          审计记录: chain,
          替换此前上报: Boolean(existing),
        },
      });
      return Boolean(existing);
    });
    const row = one<PackageRow>(ctx, 'SELECT * FROM county_package WHERE id = ?', id)!;
    return { ...received(ctx, row), replaced };
  } finally {
    pkg.close();
  }
}

export function expectedTownships(ctx: ServiceContext): string[] {
  return getSetting<string[]>(ctx, TOWNSHIPS_KEY) ?? [];
}

export function saveTownships(ctx: ServiceContext, townships: readonly string[]): string[] {
  const list = [...new Set(townships.map((t) => t.trim()).filter(Boolean))];
  write(ctx, () => {
    const before = expectedTownships(ctx);
    putSetting(ctx, TOWNSHIPS_KEY, list);
    audit(ctx, {
      action: 'update',
      entity: 'settings',
      entityId: TOWNSHIPS_KEY,
      before: { 应上报乡镇: before },
      after: { 应上报乡镇: list },
    });
  });
  return list;
}

function periodsReceived(ctx: ServiceContext): { key: string; label: string }[] {
  return all<{ key: string; label: string }>(
    ctx,
    'SELECT period AS key, max(period_label) AS label FROM county_package GROUP BY period ORDER BY date_to DESC, period DESC',
  );
}

function choosePeriod(ctx: ServiceContext, asked: string | undefined): { key: string; label: string } | null {
  const periods = periodsReceived(ctx);
  if (asked) {
    const p = parsePeriodKey(asked);
    return p ? { key: p.key, label: p.label } : null;
  }
  return periods[0] ?? null;
}

export function countyOverview(ctx: ServiceContext, input: { period?: string }): CountyOverview {
  const periods = periodsReceived(ctx);
  const period = choosePeriod(ctx, input.period);
  const packages = period
    ? all<PackageRow>(ctx, 'SELECT * FROM county_package WHERE period = ? ORDER BY township', period.key).map((r) => received(ctx, r))
    : [];
  const expected = expectedTownships(ctx);
  return {
    periods,
    period,
    packages,
    expected,
    missing: period ? missingTownships(expected, packages, period.key) : expected,
  };
}

/** Each township's figures of the period side by side, counted by each township as its own statistics page counts them. */
export function countyStats(ctx: ServiceContext, input: { period?: string }): CountyStats {
  const period = choosePeriod(ctx, input.period);
  if (!period) return { period: '', townships: [], rows: [] };
  const packages = all<{ id: string; township: string }>(
    ctx,
    'SELECT id, township FROM county_package WHERE period = ? ORDER BY township',
    period.key,
  );
  const townships = packages.map((p) => p.township);
  const rows = new Map<string, CountyStatsRow>();
  packages.forEach((p, i) => {
    for (const f of all<{ module: string; label: string; value: number | null; kind: CountyStatsRow['kind']; definition: string }>(
      ctx,
      'SELECT module, label, value, kind, definition FROM county_figure WHERE package_id = ? ORDER BY module, seq',
      p.id,
    )) {
      const key = `${f.module}\u0000${f.label}`;
      let row = rows.get(key);
      if (!row) {
        row = {
          module: f.module,
          moduleLabel: MODULE_INFO[f.module as ModuleName]?.label ?? f.module,
          label: f.label,
          kind: f.kind,
          definition: f.definition,
          values: townships.map(() => null),
          total: null,
        };
        rows.set(key, row);
      }
      row.values[i] = f.value;
    }
  });
  const ordered = [...rows.values()].sort((a, b) => MODULES.indexOf(a.module as ModuleName) - MODULES.indexOf(b.module as ModuleName));
  for (const r of ordered) {
    if (r.kind === 'rate') continue;
    const sum = r.values.reduce<number>((s, v) => s + (v ?? 0), 0);
    r.total = r.kind === 'money' ? Math.round(sum * 100) / 100 : sum;
  }
  return { period: period.key, townships, rows: ordered };
}

/** The combined ledger's two hot queries (their plans are tested): a page by position, the first hits by name. */
export const COUNTY_SQL = {
  page: 'SELECT cells FROM county_record WHERE package_id = ? AND module = ? AND seq > ? ORDER BY seq LIMIT ?',
  search: `SELECT package_id, cells FROM county_record WHERE module = ? AND name >= ? AND name < ? AND package_id IN (SELECT value FROM json_each(?))
       ORDER BY name LIMIT ?`,
};

interface Slice {
  id: string;
  township: string;
  rows: number;
}

function slices(ctx: ServiceContext, period: string, module: string, township?: string): Slice[] {
  return all<Slice>(
    ctx,
    `SELECT p.id, p.township, l.rows FROM county_package p JOIN county_ledger l ON l.package_id = p.id AND l.module = ?
     WHERE p.period = ?${township ? ' AND p.township = ?' : ''} ORDER BY p.township`,
    ...[module, period, ...(township ? [township] : [])],
  );
}

function columnsOf(ctx: ServiceContext, s: readonly Slice[], module: string): string[] {
  const first = s[0];
  if (!first) return [];
  return JSON.parse(
    one<{ columns: string }>(ctx, 'SELECT columns FROM county_ledger WHERE package_id = ? AND module = ?', first.id, module)!.columns,
  ) as string[];
}

/**
 * One page of the combined ledger, townships in order and each township's rows in its own order. The page
 * is found from the kept counts and read by position (county_record_list), so a late page costs what the first
 * does; a search reads the name index for the first hits.
 */
export function countyList(ctx: ServiceContext, input: z.output<typeof CountyListInput>): CountyList {
  const s = slices(ctx, input.period, input.module, input.township || undefined);
  const columns = columnsOf(ctx, s, input.module);
  if (input.q) {
    const ids = new Map(s.map((x) => [x.id, x.township]));
    const hits = all<{ package_id: string; cells: string }>(
      ctx,
      COUNTY_SQL.search,
      input.module,
      input.q,
      `${input.q}\u{10FFFF}`,
      JSON.stringify([...ids.keys()]),
      COUNTY_PAGE_SIZE + 1,
    );
    return {
      columns,
      rows: hits.slice(0, COUNTY_PAGE_SIZE).map((h) => ({ township: ids.get(h.package_id) ?? '', cells: JSON.parse(h.cells) as Cell[] })),
      total: Math.min(hits.length, COUNTY_PAGE_SIZE),
      page: 1,
      capped: hits.length > COUNTY_PAGE_SIZE,
    };
  }
  const total = s.reduce((n, x) => n + x.rows, 0);
  let skip = (input.page - 1) * COUNTY_PAGE_SIZE;
  const rows: CountyList['rows'] = [];
  for (const x of s) {
    if (rows.length >= COUNTY_PAGE_SIZE) break;
    if (skip >= x.rows) {
      skip -= x.rows;
      continue;
    }
    const got = all<{ cells: string }>(ctx, COUNTY_SQL.page, x.id, input.module, skip, COUNTY_PAGE_SIZE - rows.length);
    for (const g of got) rows.push({ township: x.township, cells: JSON.parse(g.cells) as Cell[] });
    skip = 0;
  }
  return { columns, rows, total, page: input.page, capped: false };
}

/**
 * How a combined column is written, from what the townships' sheets held: numbers stay numbers (amounts
 * with two decimals), days stay dates, anything else is text (ID and phone numbers too: never a number).
 */
export function columnType(header: string, rows: readonly Record<string, unknown>[], key: string): LedgerColumnType {
  const values = rows.map((r) => r[key]).filter((v) => v !== null && v !== undefined && v !== '');
  if (values.length === 0) return 'text';
  if (values.every((v) => typeof v === 'number')) return header.includes('金额') ? 'money' : 'number';
  if (values.every((v) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))) return 'date';
  return 'text';
}

/** The combined ledger of a period as .xlsx: 乡镇 beside every row, the township's own columns after it. */
export async function exportCounty(ctx: ServiceContext, input: { period: string; module: ModuleName }): Promise<FileResult> {
  const period = parsePeriodKey(input.period);
  if (!period) throw new LedgerError('VALIDATION', '上报期间不正确。');
  const s = slices(ctx, period.key, input.module);
  if (s.length === 0) throw new LedgerError('NOT_FOUND', '该期间还没有收到这本台账。');
  checkSize(s.reduce((n, x) => n + x.rows, 0));
  const columns = columnsOf(ctx, s, input.module);
  const data: Record<string, unknown>[] = [];
  for (const x of s) {
    const own = JSON.parse(
      one<{ columns: string }>(ctx, 'SELECT columns FROM county_ledger WHERE package_id = ? AND module = ?', x.id, input.module)!.columns,
    ) as string[];
    const at = columns.map((c) => own.indexOf(c));
    for (const r of all<{ cells: string }>(
      ctx,
      'SELECT cells FROM county_record WHERE package_id = ? AND module = ? ORDER BY seq LIMIT ?',
      x.id,
      input.module,
      MAX_EXPORT_ROWS,
    )) {
      const cells = JSON.parse(r.cells) as Cell[];
      const row: Record<string, unknown> = { township: x.township };
      columns.forEach((_, i) => {
        if (i > 0) row[`c${i}`] = at[i]! >= 0 ? cells[at[i]!] : null;
      });
      data.push(row);
    }
  }
  data.forEach((r, i) => {
    r.no = i + 1;
  });
  const title = `${period.label}${MODULE_INFO[input.module].label}汇总台账`;
  const { bytes } = await writeLedgerWorkbook({
    sheetName: '汇总台账',
    title,
    subtitle: `统计期间：${cnDate(period.dateFrom)}至${cnDate(period.dateTo)}　乡镇：${s.map((x) => x.township).join('、')}　导出日期：${cnDate(ctx.clock.today())}`,
    columns: [
      { header: '序号', key: 'no', width: 6, type: 'number' },
      { header: '乡镇', key: 'township', width: 12, type: 'text' },
      ...columns.slice(1).map((c, i) => ({
        header: c,
        key: `c${i + 1}`,
        width: Math.min(40, Math.max(8, c.length * 2 + 2)),
        type: columnType(c, data, `c${i + 1}`),
      })),
    ],
    rows: data,
    totals: { unit: '条' },
  });
  const file = xlsxFile(`${title}_${ctx.clock.today()}`, bytes);
  write(ctx, () =>
    audit(ctx, {
      action: 'export',
      entity: 'ledger',
      entityId: `county_${input.module}`,
      after: { 文件: file.fileName, 条数: data.length, 期间: period.label },
    }),
  );
  return file;
}
