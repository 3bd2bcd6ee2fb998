import { z } from 'zod';
import type { FileResult } from '../schemas/common';
import {
  CountyExportInput,
  CountyListInput,
  CountyPeriodInput,
  CountyTownshipsInput,
  ReceivePackageInput,
  ReportPackageInput,
  type CountyList,
  type CountyOverview,
  type CountyStats,
  type ReceiveResult,
  type ReportPackageOptions,
  type ReportPackageResult,
} from '../schemas/county';
import { job, method } from './define';

export const countyContract = {
  /** 上报包: the periods usually reported now, the ledgers, and where to write (removable drives first). */
  'reportPackage.options': method<ReportPackageOptions>()(z.strictObject({}).optional()),
  /** Writes one package (ledgers, statistics sheet, sealed records, manifest), verified before it is renamed into place. */
  'reportPackage.create': job<ReportPackageResult>()(ReportPackageInput),
  /** 县级汇总: a township's package, verified before anything is read, replacing that township's package for the period. */
  'county.receive': job<ReceiveResult>()(ReceivePackageInput),
  'county.overview': method<CountyOverview>()(CountyPeriodInput),
  'county.stats': method<CountyStats>()(CountyPeriodInput),
  'county.list': method<CountyList>()(CountyListInput),
  /** The combined ledger of a period as .xlsx, with a township column. */
  'county.export': method<FileResult>()(CountyExportInput),
  /** The townships expected to report (for 未上报). */
  'county.saveTownships': method<string[]>()(CountyTownshipsInput),
};
