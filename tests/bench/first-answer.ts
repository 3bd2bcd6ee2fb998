/**
 * The floor under any window (bench first_answer_ms): bundled to plain JavaScript and run in a fresh Node
 * process, it opens a ledger through db/open.ts as the app does (a large file's check left to the
 * background) and prints the first filtered page of disputes, then exits.
 */
import { DEFER_CHECK_ABOVE_BYTES, openLedger } from '../../db/open';
import { createHost, invoke } from '../../db/router';

const [path, migrationsFolder] = process.argv.slice(2);
const ledger = openLedger(path!, { migrationsFolder, deferCheckAbove: DEFER_CHECK_ABOVE_BYTES });
const host = createHost(ledger, { log: () => {} });
const r = invoke(host, 'disputes.list', { status: ['mediating'], sort: 'deadline', dir: 'asc', page: 1, pageSize: 50 });
process.stdout.write(`${JSON.stringify(r.ok ? { rows: r.value.rows.length, total: r.value.total } : r.error)}\n`);
process.exit(0);
