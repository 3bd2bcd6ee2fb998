/**
 * export_100k_ms, export_100k_raw_ms and export_peak_rss_mb: bundled to plain JavaScript and run in a
 * fresh Node process on the closed bench ledger (so that the peak memory is the export's, not the
 * bench's). It exports the whole dispute register through the dispatcher as the window asks for it
 * (the register's own SQL, labels, safe cells, styles, totals, base64 for the transport, audit row),
 * reads the process's peak resident memory, then writes the same rows read by the same SQL through
 * exceljs's streaming writer directly, with no labels, styles or checks. Prints one JSON line.
 */
import { existsSync, statSync } from 'node:fs';
import { PassThrough } from 'node:stream';
import { performance } from 'node:perf_hooks';
import { resourceUsage } from 'node:process';
import { readFileSync } from 'node:fs';
import { DEFER_CHECK_ABOVE_BYTES, openLedger } from '../../db/open';
import { contextFor, createHost, invokeAsync } from '../../db/router';
import { disputeListSql } from '../../db/services/disputes';
import { MAX_EXPORT_ROWS } from '../../db/services/exports';
import { all } from '../../db/services/sql';
import { DisputeListInput } from '../../shared/schemas/disputes';

/**
 * This process's peak resident memory in MB. On Linux, VmHWM of /proc/self/status: getrusage's maxRSS
 * survives exec, so a child spawned by a large parent (the bench, 300 MB or more by then) would report
 * the parent's size instead of its own.
 */
function peakRss(): number {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  } catch {
    /* not Linux */
  }
  return resourceUsage().maxRSS / 1024;
}

const [path, migrationsFolder] = process.argv.slice(2);
const ledger = openLedger(path!, { migrationsFolder, deferCheckAbove: DEFER_CHECK_ABOVE_BYTES });
const host = createHost(ledger, { log: () => {} });
// The export of an app that has been open a while: a large file's background check (a worker with its own
// page cache reading the whole file) has ended.
await host.integrity?.whenDone();
// What the process holds before the export (the ledger open, its check ended), to tell the export's share.
const baseRssMb = peakRss();
const walMb = existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size / 1024 / 1024 : 0;

const t0 = performance.now();
const r = await invokeAsync(host, 'disputes.exportLedger', {});
const exportMs = performance.now() - t0;
if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
const peakRssMb = peakRss();
const bytes = Buffer.from(r.value.base64, 'base64').length;

// The same rows, read by the same statement, written as they come.
const ctx = contextFor(host);
const t1 = performance.now();
const q = disputeListSql(DisputeListInput.parse({}), ctx.clock.today(), { forExport: true });
const rows = all<Record<string, unknown>>(ctx, q.page, { ...q.params, limit: MAX_EXPORT_ROWS, offset: 0 });
const { default: Excel } = await import('exceljs');
const out = new PassThrough();
const chunks: Buffer[] = [];
out.on('data', (c: Buffer) => chunks.push(c));
const ended = new Promise((resolve) => out.on('end', resolve));
const wb = new Excel.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
const ws = wb.addWorksheet('raw');
for (const row of rows) ws.addRow(Object.values(row)).commit();
await wb.commit();
await ended;
const rawMs = performance.now() - t1;

ledger.close();
process.stdout.write(
  `${JSON.stringify({ rows: rows.length, bytes, rawBytes: Buffer.concat(chunks).length, exportMs, rawMs, peakRssMb, baseRssMb, walMb })}\n`,
);
process.exit(0);
