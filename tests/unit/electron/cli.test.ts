/** The command line's `ledger export`: every registered module's whole ledger, written safely into one folder. */
import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ledgerExports } from '../../../db/modules';
import { openLedger } from '../../../db/open';
import { runExport } from '../../../electron/cli';
import { MODULE_INFO } from '../../../shared/modules';
import { openTestLedger, tempDir } from '../../helpers/test-db';

describe('ledger export', () => {
  it('writes one workbook per module that keeps a ledger, with its rows, and audits each', async () => {
    const t = openTestLedger();
    const a = t.call('persons.create', { name: '张三' });
    const b = t.call('persons.create', { name: '李四' });
    t.call('disputes.create', {
      intakeDate: '2024-06-01',
      source: 'visit',
      category: '02',
      summary: '排水沟纠纷',
      parties: [
        { personId: a.id, role: 'applicant' },
        { personId: b.id, role: 'respondent' },
      ],
    });
    const { path } = t;
    t.ledger.close();
    const out = join(tempDir(), 'U盘');
    mkdirSync(out);
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const written = await runExport(['--to', out, '--db', path]);
    expect(written).toHaveLength(ledgerExports.length);
    expect(readdirSync(out).sort()).toEqual(written.map((p) => p.slice(out.length + 1)).sort());
    expect(readdirSync(out).every((f) => f.endsWith('.xlsx'))).toBe(true);
    const register = written.find((p) => p.includes('矛盾纠纷'))!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(register);
    const sheet = book.worksheets[0]!;
    const cells = sheet
      .getSheetValues()
      .flat()
      .filter((v): v is string => typeof v === 'string');
    expect(cells).toContain('排水沟纠纷');
    const after = openLedger(path);
    expect(after.db.prepare("SELECT entity_id AS ledger FROM audit_log WHERE action = 'export' ORDER BY id").all()).toEqual(
      ledgerExports.map((e) => ({ ledger: MODULE_INFO[e.module].entity })),
    );
    after.close();
  });

  it('says in Chinese where it would not write, and writes nothing', async () => {
    const t = openTestLedger();
    const { path } = t;
    t.ledger.close();
    await expect(runExport(['--db', path])).rejects.toThrowError('请用 --to 指定导出到的文件夹。');
    const missing = join(tempDir(), 'no-such-folder');
    await expect(runExport(['--to', missing, '--db', path])).rejects.toThrowError(/导出文件夹不存在/);
    expect(existsSync(missing)).toBe(false);
  });
});
