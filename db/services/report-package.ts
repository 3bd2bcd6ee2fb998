/**
 * 上报包 from the open ledger: each chosen module's ledger for the period as the office exports it (each
 * export audited as it is taken), the period's statistics sheet, the same records for the county's
 * program, and the audit chain's head, then written safely by db/package/package.ts. The modules' parts
 * come from the registry (db/modules.ts), passed in by the caller.
 */
import { existsSync, statSync } from 'node:fs';
import pkg from '../../package.json' with { type: 'json' };
import { cnDate } from '../../shared/documents/model';
import { formatRate } from '../../shared/domain/rates';
import type { ReportPeriod } from '../../shared/domain/report-period';
import { LedgerError } from '../../shared/errors';
import { MODULE_INFO, type ModuleName } from '../../shared/modules';
import type { ServiceContext } from '../context';
import { readLedgerWorkbook, writeLedgerWorkbook } from '../engines/xlsx';
import type { KdfParams } from '../package/format';
import { checkPassword, writePackage, type PackageContent, type PackageManifest } from '../package/package';
import type { PackageFigure } from '../package/subset';
import { auditHead, verifyAudit } from './audit-verify';
import type { ReportFigure, ReportPart } from './exports';
import { xlsxFile } from './exports';
import { getSetting, getSettings, putSetting } from './reference';
import { one, write } from './sql';
import { parsePeriodKey, recentPeriods } from '../../shared/domain/report-period';
import type { PackageDestination, ReportPackageOptions, ReportPackageResult } from '../../shared/schemas/county';
import type { AuditHead } from '../../shared/schemas/audit';

export type ReportParts = readonly { module: ModuleName; part: ReportPart }[];

/** How a figure is printed: counts as they are, amounts with two decimals, rates as percentages. */
export function figureText(f: Pick<ReportFigure, 'kind' | 'value'>): string {
  if (f.kind === 'rate') return formatRate(f.value);
  if (f.value === null) return '—';
  return f.kind === 'money' ? f.value.toFixed(2) : String(f.value);
}

/** The statistics sheet people read: one row per figure, with how it is counted. */
export async function statisticsWorkbook(township: string, period: ReportPeriod, figures: readonly PackageFigure[], today: string) {
  const title = `${township}${period.label}司法工作统计表`;
  const { bytes } = await writeLedgerWorkbook({
    sheetName: '统计表',
    title,
    subtitle: `统计期间：${cnDate(period.dateFrom)}至${cnDate(period.dateTo)}　导出日期：${cnDate(today)}`,
    columns: [
      { header: '序号', key: 'no', width: 6, type: 'number' },
      { header: '业务', key: 'module', width: 14, type: 'text' },
      { header: '指标', key: 'label', width: 18, type: 'text' },
      { header: '数值', key: 'value', width: 10, type: 'number' },
      { header: '金额（元）', key: 'amount', width: 14, type: 'money' },
      { header: '比率', key: 'rate', width: 10, type: 'text' },
      { header: '口径', key: 'definition', width: 70, type: 'text' },
    ],
    rows: figures.map((f, i) => ({
      no: i + 1,
      module: MODULE_INFO[f.module as ModuleName]?.label ?? f.module,
      label: f.label,
      // Counts and amounts as numbers (a reader can add them up), rates as the percentage the page shows.
      value: f.kind === 'count' ? f.value : null,
      amount: f.kind === 'money' ? f.value : null,
      rate: f.kind === 'rate' ? figureText(f) : null,
      definition: f.definition,
    })),
  });
  return { fileName: `00_${xlsxFile(title, bytes).fileName}`, bytes };
}

function schemaVersion(ctx: ServiceContext): number {
  return one<{ n: number }>(ctx, 'SELECT count(*) AS n FROM __drizzle_migrations')?.n ?? 0;
}

/** Everything a package holds, read from the ledger (its writes: one audit row per ledger taken out). */
export async function packageContent(
  ctx: ServiceContext,
  parts: ReportParts,
  input: { period: ReportPeriod; modules: readonly ModuleName[] },
): Promise<PackageContent> {
  const township = getSettings(ctx).townshipName;
  if (!township) throw new LedgerError('VALIDATION', '请先在“设置”中填写乡镇名称，再生成上报包。');
  const chosen = parts.filter((p) => input.modules.includes(p.module));
  if (chosen.length === 0) throw new LedgerError('VALIDATION', '请至少选择一本台账。', { fields: { modules: '请至少选择一本台账' } });
  const period = { dateFrom: input.period.dateFrom, dateTo: input.period.dateTo };
  const figures: PackageFigure[] = chosen.flatMap((p) => (p.part.figures?.(ctx, period) ?? []).map((f) => ({ ...f, module: p.module })));
  const ledgers: PackageContent['ledgers'][number][] = [];
  for (const [i, p] of chosen.entries()) {
    ctx.job?.report(`正在导出${MODULE_INFO[p.module].label}台账（第 ${i + 1} 本，共 ${chosen.length} 本）`, i, chosen.length);
    const file = await p.part.ledger(ctx, period);
    const bytes = Buffer.from(file.base64, 'base64');
    const table = await readLedgerWorkbook(bytes);
    ledgers.push({
      module: p.module,
      ...table,
      file: { fileName: `${String(i + 1).padStart(2, '0')}_${file.fileName}`, bytes },
    });
  }
  const today = ctx.clock.today();
  return {
    township,
    period: input.period,
    createdAt: ctx.clock.now(),
    appVersion: pkg.version,
    schemaVersion: schemaVersion(ctx),
    // Taken after the exports' own audit rows: the head the county keeps covers them.
    auditHead: auditHead(ctx),
    auditPrior: priorHeads(ctx),
    // The whole chain walked (in the package's worker thread): a row edited without rehashing shows here.
    auditBroken: verifyAudit(ctx, { anchor: null }).brokenRows,
    ledgers,
    statistics: await statisticsWorkbook(township, input.period, figures, today),
    figures,
  };
}

const SENT_HEADS_KEY = 'reportPackage.sentHeads';

/** The chain's hash at each earlier package's head, as the chain stands now ('' where it is shorter). */
function priorHeads(ctx: ServiceContext): AuditHead[] {
  const sent = getSetting<AuditHead[]>(ctx, SENT_HEADS_KEY) ?? [];
  const at = ctx.db.prepare('SELECT hash FROM audit_log ORDER BY id LIMIT 1 OFFSET ?').pluck();
  return sent.filter((h) => h.rows > 0).map((h) => ({ rows: h.rows, hash: (at.get(h.rows - 1) as string | undefined) ?? '' }));
}

export interface MakePackageInput {
  periodKey: string;
  modules: readonly ModuleName[];
  password: string;
  folder: string;
}

/**
 * Makes one package into `folder` (db/package/package.ts) and, once it is written, remembers its audit
 * head (bookkeeping, no audit row: one would move the head it records), so that the next package can show
 * the county its history still extends it.
 */
export async function makeReportPackage(
  ctx: ServiceContext,
  parts: ReportParts,
  input: MakePackageInput,
  options: { kdf?: KdfParams } = {},
): Promise<{ path: string; manifest: PackageManifest }> {
  const period = parsePeriodKey(input.periodKey);
  if (!period) throw new LedgerError('VALIDATION', '上报期间不正确。', { fields: { period: '上报期间不正确' } });
  // Before any ledger is taken out (each export leaves an audit row).
  checkPassword(input.password);
  if (!existsSync(input.folder) || !statSync(input.folder).isDirectory())
    throw new LedgerError('VALIDATION', `目标文件夹不存在：${input.folder}。U盘是否已拔出？`, { fields: { folder: '目标文件夹不存在' } });
  const content = await packageContent(ctx, parts, { period, modules: input.modules });
  const stamp = content.createdAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  ctx.job?.report('正在加密、写入并读回校验上报包');
  const done = writePackage(content, { folder: input.folder, password: input.password, stamp, kdf: options.kdf });
  write(ctx, () => {
    const sent = getSetting<AuditHead[]>(ctx, SENT_HEADS_KEY) ?? [];
    if (!sent.some((h) => h.rows === content.auditHead.rows)) putSetting(ctx, SENT_HEADS_KEY, [...sent, content.auditHead].slice(-200));
  });
  return done;
}

/** The 上报包 form's choices: the periods usually reported now, every ledger, the destinations (removable drives first). */
export function reportPackageOptions(ctx: ServiceContext, parts: ReportParts, destinations: PackageDestination[]): ReportPackageOptions {
  const today = ctx.clock.today();
  return {
    township: getSettings(ctx).townshipName,
    periods: recentPeriods(today),
    modules: parts.map((p) => ({ module: p.module, label: MODULE_INFO[p.module].nav, figures: p.part.figures !== null })),
    destinations,
  };
}

/** What the window is told of a written package. */
export function packageResult(done: { path: string; manifest: PackageManifest }): ReportPackageResult {
  const m = done.manifest;
  return {
    path: done.path,
    township: m.township,
    period: m.period,
    ledgers: m.ledgers.map((l) => ({ module: l.module, title: l.title, rows: l.rows })),
    files: m.files.map((f) => ({ name: f.name, size: f.size, sha256: f.sha256 })),
  };
}
