/**
 * 社区矫正档案 from an old spreadsheet (导入旧台账; the core is db/services/imports.ts): one file a row, for
 * a person still in correction on the day of the import, found in the registry or added. What the file owed
 * before that day (reports, visits, education and public-work hours, the 报到 and 宣告) was done or not in
 * the paper file: it is excused as 旧台账导入, so it puts nothing overdue on the dashboard. A correction
 * whose term has ended is not entered here (its 解除 is a procedure of its own, and the person's next file is
 * 安置帮教: import them there). What the office does when a file opens (the hooks later modules lend, such as
 * 安置帮教's link) is given by the composition root.
 */
import {
  CORRECTION_CATEGORIES,
  CORRECTION_CATEGORY_LABELS,
  CORRECTION_LEVELS,
  OUTSIDE_GROUND_LABELS,
  OUTSIDE_GROUNDS,
  PRIOR_RECORD_LABELS,
  PRIOR_RECORDS,
  type CorrectionCategory,
} from '../../shared/domain/correction-rules';
import { ORIGINAL_NO_FIELD, type ImportFieldDef } from '../../shared/domain/import';
import { CorrectionCreateInput, DOCUMENT_TYPES } from '../../shared/schemas/correction';
import type { ImportMessage } from '../../shared/schemas/import';
import { correctionDueSource, createFile, deleteFile, type CorrectionOpened } from './correction';
import { asText, rowError, type ImportedRow, type Importer } from './imports';
import { waivePast } from './obligations';
import { findOrAddPerson, importedRecords, invalidRow, villageChoices } from './persons-import';
import { listStaff } from './reference';
import { one } from './sql';

export const CORRECTION_IMPORT_FIELDS: readonly ImportFieldDef[] = [
  ORIGINAL_NO_FIELD,
  { key: 'name', label: '姓名', synonyms: ['矫正对象', '对象姓名'], kind: 'text', required: true },
  { key: 'idNumber', label: '公民身份号码', synonyms: ['身份证号', '身份证号码', '身份证'], kind: 'text' },
  { key: 'phone', label: '联系电话', synonyms: ['电话', '手机'], kind: 'text' },
  { key: 'category', label: '矫正类别', synonyms: ['类别', '矫正类型'], kind: 'choice', required: true },
  { key: 'ground', label: '暂予监外执行情形', synonyms: ['监外执行情形'], kind: 'choice' },
  { key: 'crime', label: '罪名', synonyms: [], kind: 'text', required: true },
  { key: 'penaltyType', label: '刑种', synonyms: ['原判刑种'], kind: 'text', required: true },
  { key: 'penaltyTerm', label: '刑期', synonyms: ['原判刑期'], kind: 'text' },
  { key: 'decisionOrgan', label: '决定机关', synonyms: ['判决机关', '裁判机关'], kind: 'text', required: true },
  { key: 'documentType', label: '文书种类', synonyms: ['法律文书'], kind: 'choice', hint: '不填按“判决书”' },
  { key: 'documentNumber', label: '文书文号', synonyms: ['判决书文号', '文号', '案号'], kind: 'text', required: true },
  { key: 'effectiveDate', label: '生效日期', synonyms: ['判决生效日期', '文书生效日期'], kind: 'date', required: true },
  { key: 'receivedDate', label: '法律文书收到日期', synonyms: ['收到日期', '接收日期'], kind: 'date' },
  { key: 'termStart', label: '矫正起日', synonyms: ['矫正开始日期', '起始日期', '矫正期限起'], kind: 'date', required: true },
  { key: 'termEnd', label: '矫正止日', synonyms: ['矫正结束日期', '矫正期满日期', '期满日期', '矫正期限止'], kind: 'date', required: true },
  { key: 'villageId', label: '村（社区）', synonyms: ['所属村(社区)', '所属村', '村居', '村(居)', '所在村'], kind: 'choice' },
  {
    key: 'staffId',
    label: '责任人',
    synonyms: ['矫正责任人', '包保责任人', '负责人', '矫正小组负责人'],
    kind: 'choice',
    hint: '不填为当前操作人',
  },
  { key: 'level', label: '管理等级', synonyms: ['矫正等级', '等级'], kind: 'choice', hint: '不填为普管' },
  { key: 'priorRecord', label: '前科/累犯', synonyms: ['是否累犯', '前科'], kind: 'choice' },
  { key: 'notes', label: '备注', synonyms: [], kind: 'text' },
];

const LABELS = Object.fromEntries(CORRECTION_IMPORT_FIELDS.map((f) => [f.key, f.label]));

export const CORRECTION_WAIVE_REASON = '旧台账导入：导入前的报到、报告、走访、教育和公益活动记在原档案中，本系统不计';

/** The importer, given what later modules do when a file opens (db/modules.ts lends 安置帮教's link). */
export function correctionImporter(opened: readonly CorrectionOpened[]): Importer {
  return {
    note: '每行一份在矫人员的社区矫正档案（矫正期尚未届满）。人员按身份证号（没有时按唯一的同名人员）关联人员库，找不到的新建；今天以前的报告、走访、教育和公益活动等事项按“旧台账导入”免除，不计逾期。已解除矫正的人员请导入到安置帮教。',
    fields: CORRECTION_IMPORT_FIELDS,
    choices(ctx) {
      return {
        category: CORRECTION_CATEGORIES.map((c) => ({
          value: c,
          label: CORRECTION_CATEGORY_LABELS[c],
          aliases: c === 'outside' ? ['监外执行'] : [],
        })),
        ground: OUTSIDE_GROUNDS.map((g) => ({ value: g, label: OUTSIDE_GROUND_LABELS[g] })),
        documentType: DOCUMENT_TYPES.map((d) => ({ value: d, label: d })),
        level: CORRECTION_LEVELS.map((l) => ({ value: l, label: { strict: '严管', normal: '普管', lenient: '宽管' }[l] })),
        priorRecord: PRIOR_RECORDS.map((p) => ({
          value: p,
          label: PRIOR_RECORD_LABELS[p],
          aliases: p === 'none' ? ['否', '无前科'] : p === 'recidivist' ? ['是'] : [],
        })),
        villageId: villageChoices(ctx),
        staffId: listStaff(ctx, true).map((s) => ({ value: s.id, label: s.name })),
      };
    },
    importRow(ctx, v): ImportedRow {
      const messages: ImportMessage[] = [];
      const today = ctx.clock.today();
      const name = asText(v.name) ?? '';
      const category = asText(v.category) as CorrectionCategory | null;
      const termEnd = asText(v.termEnd);
      const summary = [name, category ? CORRECTION_CATEGORY_LABELS[category] : '', asText(v.termStart), termEnd]
        .filter(Boolean)
        .join(' · ');
      const fail = (text: string, field: string | null = null) => rowError(summary, messages, text, field);
      if (!name) return fail('缺少姓名', 'name');
      if (termEnd && termEnd < today) return fail(`矫正期已于 ${termEnd} 届满：已解除矫正的人员请导入到安置帮教`, 'termEnd');
      const found = findOrAddPerson(
        ctx,
        { name, idNumber: asText(v.idNumber), phone: asText(v.phone), villageId: asText(v.villageId) },
        '矫正对象',
      );
      messages.push(...found.messages);
      if (!found.id) return { summary, created: [], messages };
      if (
        one(
          ctx,
          'SELECT 1 FROM correction_file WHERE person_id = ? AND term_start = ? AND deleted_at IS NULL',
          found.id,
          asText(v.termStart),
        )
      ) {
        return { summary, created: [], messages, duplicate: '此人同一矫正起日的档案已在台账中' };
      }
      const staffId = asText(v.staffId) ?? ctx.user.id;
      if (!v.staffId) messages.push({ level: 'info', field: 'staffId', text: `没有责任人，暂记为${ctx.user.name}` });
      const input = CorrectionCreateInput.safeParse({
        personId: found.id,
        category,
        ground: asText(v.ground),
        crime: asText(v.crime),
        penaltyType: asText(v.penaltyType),
        penaltyTerm: asText(v.penaltyTerm),
        decisionOrgan: asText(v.decisionOrgan),
        documentType: asText(v.documentType) ?? '判决书',
        documentNumber: asText(v.documentNumber),
        effectiveDate: asText(v.effectiveDate),
        receivedDate: asText(v.receivedDate),
        termStart: asText(v.termStart),
        termEnd,
        villageId: asText(v.villageId),
        priorRecord: asText(v.priorRecord) ?? 'none',
        phone: null,
        responsibleStaffId: staffId,
        level: asText(v.level) ?? 'normal',
        notes: asText(v.notes),
      });
      if (!input.success) {
        return invalidRow(summary, messages, input.error, { ...LABELS, responsibleStaffId: '责任人', personId: '姓名' });
      }
      const file = createFile(ctx, input.data, opened);
      const waived = waivePast(ctx, correctionDueSource, file.id, today, CORRECTION_WAIVE_REASON);
      if (waived > 0) messages.push({ level: 'info', field: null, text: `今天以前的 ${waived} 项报告、走访等事项按旧台账导入免除` });
      return {
        summary,
        created: [{ entity: 'correction', id: file.id }, ...(found.created ? [{ entity: 'person', id: found.id }] : [])],
        messages,
      };
    },
    ...importedRecords({
      table: 'correction_file',
      deleteRecord: deleteFile,
      namesPerson: 'SELECT 1 FROM correction_file WHERE person_id = ? AND deleted_at IS NULL',
    }),
  };
}
