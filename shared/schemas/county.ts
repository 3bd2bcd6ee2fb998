/**
 * 上报包 and 县级汇总: what the township's 上报包 form sends, and what the county's view reads (the
 * received packages, which townships have not reported, the combined statistics and ledgers).
 */
import { z } from 'zod';
import { parsePeriodKey, type ReportPeriod, type ReportPeriodKind } from '../domain/report-period';
import { MODULES, type ModuleName } from '../modules';

const PeriodKey = z
  .string({ error: '请选择上报期间' })
  .trim()
  .refine((k) => parsePeriodKey(k) !== null, '上报期间不正确');

const Folder = z.string({ error: '请选择保存位置' }).trim().min(1, '请选择保存位置（U盘或文件夹）').max(1000, '路径过长');
const Password = z.string({ error: '请输入密码' }).min(1, '请输入密码').max(200, '密码过长');

export const ReportPackageInput = z.strictObject({
  period: PeriodKey,
  modules: z.array(z.enum(MODULES)).min(1, '请至少选择一本台账'),
  folder: Folder,
  password: Password,
});
export type ReportPackageInput = z.input<typeof ReportPackageInput>;

export interface PackageDestination {
  path: string;
  label: string;
  /** A removable drive (a USB stick), offered first. */
  removable: boolean;
}

export interface ReportPackageOptions {
  township: string;
  /** By kind, the last complete periods, the latest first (by the host's clock): what is reported now. */
  periods: Record<ReportPeriodKind, ReportPeriod[]>;
  modules: { module: ModuleName; label: string; figures: boolean }[];
  destinations: PackageDestination[];
}

export interface ReportPackageResult {
  path: string;
  township: string;
  period: ReportPeriod;
  ledgers: { module: string; title: string; rows: number }[];
  files: { name: string; size: number; sha256: string }[];
}

export const ReceivePackageInput = z.strictObject({ folder: Folder, password: Password });

/** Whether a package's audit chain extends the same township's earlier package (the county keeps its head). */
export const CHAIN_STATES = ['first', 'extends', 'rewritten', 'unknown'] as const;
export type ChainState = (typeof CHAIN_STATES)[number];
export const CHAIN_STATE_LABELS: Record<ChainState, string> = {
  first: '首次上报',
  extends: '记录连续',
  rewritten: '历史记录被改写',
  unknown: '无法核对',
};

export interface ReceivedPackage {
  id: string;
  township: string;
  period: string;
  periodLabel: string;
  createdAt: string;
  receivedAt: string;
  receivedBy: string;
  appVersion: string;
  auditRows: number;
  chain: ChainState;
  chainNote: string | null;
  ledgers: { module: string; title: string; rows: number }[];
}

export interface ReceiveResult extends ReceivedPackage {
  /** The same township's package for the period was there and has been replaced. */
  replaced: boolean;
}

export const CountyPeriodInput = z.strictObject({ period: z.string().trim().max(10).optional() });

export interface CountyOverview {
  /** Every period with a package, newest first. */
  periods: { key: string; label: string }[];
  /** The period shown (the one asked for, or the newest). */
  period: { key: string; label: string } | null;
  packages: ReceivedPackage[];
  /** The townships expected to report (设置), and those of them without a package for the period. */
  expected: string[];
  missing: string[];
}

export interface CountyStatsRow {
  module: string;
  moduleLabel: string;
  label: string;
  kind: 'count' | 'money' | 'rate';
  definition: string;
  /** One per township, in `townships` order (null: not reported, or nothing to divide by). */
  values: (number | null)[];
  /** Counts and amounts summed; rates are not added up (each township's denominator differs). */
  total: number | null;
}

export interface CountyStats {
  period: string;
  townships: string[];
  rows: CountyStatsRow[];
}

export const COUNTY_PAGE_SIZE = 50;

export const CountyListInput = z.strictObject({
  period: z.string().trim().max(10),
  module: z.enum(MODULES),
  township: z.string().trim().max(60).optional(),
  /** The start of a name (姓名、当事人…): the first 50 hits. */
  q: z.string().trim().max(40).optional(),
  page: z.number().int().min(1).max(100_000).default(1),
});
export type CountyListInput = z.input<typeof CountyListInput>;

export interface CountyList {
  columns: string[];
  rows: { township: string; cells: (string | number | null)[] }[];
  total: number;
  page: number;
  /** A search lists its first hits only. */
  capped: boolean;
}

export const CountyExportInput = z.strictObject({ period: z.string().trim().max(10), module: z.enum(MODULES) });

export const CountyTownshipsInput = z.strictObject({
  townships: z.array(z.string().trim().min(1).max(60)).max(200),
});
