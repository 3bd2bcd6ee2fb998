/**
 * 人员库 as .xlsx: the registry's own filter and order, every matching person (a search: the persons it
 * found, at most as many as the list shows). ID numbers are masked as on screen; phones are text.
 */
import type { z } from 'zod';
import { SEX_LABELS } from '../../shared/dictionaries';
import { cnDate } from '../../shared/documents/model';
import { maskIdNumber } from '../../shared/domain/id-number';
import type { FileResult } from '../../shared/schemas/common';
import { PERSON_COLUMN_KEYS, type PersonColumn, PersonExportInput, type PersonHit } from '../../shared/schemas/persons';
import type { ServiceContext } from '../context';
import { writeLedgerWorkbook } from '../engines/xlsx';
import { auditExport, exportPages, exportSheet, withSnapshot, xlsxFile, type ExportColumn, type ReportPart } from './exports';
import { PERSON_SEARCH_LIMIT, readPersons } from './persons';
import { getSettings } from './reference';
import { one } from './sql';

const COLUMNS: { [K in PersonColumn]: ExportColumn<PersonHit> } = {
  name: { header: '姓名', width: 10, type: 'text', value: (r) => r.name },
  sex: { header: '性别', width: 6, type: 'text', value: (r) => (r.sex ? SEX_LABELS[r.sex] : '') },
  idNumber: { header: '公民身份号码', width: 21, type: 'id', value: (r) => (r.idNumber ? maskIdNumber(r.idNumber) : null) },
  birthDate: { header: '出生日期', width: 12, type: 'date', value: (r) => r.birthDate },
  phone: { header: '联系电话', width: 14, type: 'id', value: (r) => r.phone },
  village: { header: '村（社区）', width: 12, type: 'text', value: (r) => r.villageName },
};

export async function exportPersonsLedger(ctx: ServiceContext, input: z.output<typeof PersonExportInput>): Promise<FileResult> {
  const { columns: chosen, ...f } = input;
  const today = ctx.clock.today();
  const town = getSettings(ctx).townshipName;
  const village = f.villageId ? one<{ name: string }>(ctx, 'SELECT name FROM village WHERE id = ?', f.villageId)?.name : null;
  const title = `${town}人员库${f.deleted ? '（回收站）' : ''}`;
  const { bytes, rows } = await withSnapshot(ctx, (snapshot) => {
    const { total, capped } = readPersons(snapshot, f, 0, 0);
    const persons = exportPages(snapshot, total, (limit, offset) => readPersons(snapshot, f, limit, offset).rows);
    const filter =
      [village ? `村（社区）：${village}` : '', f.q ? `查找“${f.q}”${capped ? `（只列出最先找到的${PERSON_SEARCH_LIMIT}人）` : ''}` : '']
        .filter(Boolean)
        .join('；') || '全部';
    return writeLedgerWorkbook({
      sheetName: '人员库',
      title,
      subtitle: `筛选条件：${filter}　导出日期：${cnDate(today)}`,
      ...exportSheet(COLUMNS, chosen ?? PERSON_COLUMN_KEYS, persons),
      totals: { unit: '人' },
    });
  });
  const file = xlsxFile(`${title}_${today}`, bytes);
  auditExport(ctx, 'person', input, rows, file.fileName);
  return file;
}

/** In a report package: the whole registry as it stands (ID numbers masked as on screen), without statistics. */
export const personsReportPart: ReportPart = { ledger: (ctx) => exportPersonsLedger(ctx, PersonExportInput.parse({})), figures: null };
