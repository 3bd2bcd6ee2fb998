/**
 * 安置帮教档案 from an old spreadsheet (导入旧台账; the core is db/services/imports.ts): one file a row, its
 * person found in the registry or added, opened on the 释放日期 the sheet gives. What the file owed before
 * the day of the import (衔接, the first home visit, periodic visits) was done or not in the paper
 * ledger: it is excused as 旧台账导入 (shown and taken back like any 免除), so files of people released
 * years ago put nothing overdue on the dashboard. A file the sheet gives as ended is ended on its day.
 */
import {
  ASSISTANCE_LEVEL_LABELS,
  ASSISTANCE_LEVELS,
  END_REASON_LABELS,
  END_REASONS,
  RELEASE_TYPE_LABELS,
  RELEASE_TYPES,
  type EndReason,
} from '../../shared/domain/assistance-rules';
import { ORIGINAL_NO_FIELD, type ImportFieldDef } from '../../shared/domain/import';
import { AssistanceCreateInput, EndInput } from '../../shared/schemas/assistance';
import type { ImportMessage } from '../../shared/schemas/import';
import { assistanceDueSource, createFile, deleteFile, endFile } from './assistance';
import { asText, rowError, type ImportedRow, type Importer } from './imports';
import { waivePast } from './obligations';
import { findOrAddPerson, invalidRow, villageChoices, importedRecords } from './persons-import';
import { listStaff } from './reference';
import { one } from './sql';

export const ASSISTANCE_IMPORT_FIELDS: readonly ImportFieldDef[] = [
  ORIGINAL_NO_FIELD,
  { key: 'name', label: '姓名', synonyms: ['人员姓名'], kind: 'text', required: true },
  { key: 'idNumber', label: '公民身份号码', synonyms: ['身份证号', '身份证号码', '身份证'], kind: 'text' },
  { key: 'phone', label: '联系电话', synonyms: ['电话', '手机'], kind: 'text' },
  { key: 'crime', label: '罪名', synonyms: ['原判罪名'], kind: 'text', required: true },
  { key: 'sentence', label: '原判刑罚', synonyms: ['刑期', '原判刑期', '刑罚'], kind: 'text', required: true },
  { key: 'prison', label: '服刑场所', synonyms: ['服刑单位', '监所'], kind: 'text' },
  { key: 'releaseType', label: '释放类型', synonyms: ['释放方式'], kind: 'choice', hint: '不填按“刑满释放”' },
  { key: 'releaseDate', label: '释放日期', synonyms: ['刑满日期', '出狱日期', '释放时间', '解矫日期'], kind: 'date', required: true },
  { key: 'certificateNumber', label: '刑满释放证明书编号', synonyms: ['释放证明书编号', '证明书编号'], kind: 'text' },
  { key: 'noticeDate', label: '通知书收到日期', synonyms: ['通知书日期'], kind: 'date' },
  { key: 'villageId', label: '村（社区）', synonyms: ['所属村(社区)', '所属村', '村居', '村(居)', '所在村'], kind: 'choice' },
  { key: 'staffId', label: '责任人', synonyms: ['帮教责任人', '包保责任人', '负责人'], kind: 'choice', hint: '不填为当前操作人' },
  { key: 'level', label: '类别', synonyms: ['帮教对象类别', '对象类别', '是否重点'], kind: 'choice', hint: '不填为一般对象' },
  { key: 'endReason', label: '结束原因', synonyms: ['解除原因', '状态'], kind: 'choice' },
  { key: 'endDate', label: '结束日期', synonyms: ['解除日期', '期满日期', '帮教期满日期'], kind: 'date' },
  { key: 'notes', label: '备注', synonyms: [], kind: 'text' },
];

const LABELS = Object.fromEntries(ASSISTANCE_IMPORT_FIELDS.map((f) => [f.key, f.label]));

export const ASSISTANCE_WAIVE_REASON = '旧台账导入：导入前的衔接、走访等事项记在原台账中，本系统不计';

export const assistanceImporter: Importer = {
  note: '每行一份安置帮教档案。人员按身份证号（没有时按唯一的同名人员）关联人员库，找不到的新建；今天以前的衔接、走访等事项按“旧台账导入”免除，不计逾期；注明结束原因和日期的档案按该日结束。',
  fields: ASSISTANCE_IMPORT_FIELDS,
  choices(ctx) {
    return {
      releaseType: RELEASE_TYPES.map((t) => ({
        value: t,
        label: RELEASE_TYPE_LABELS[t],
        aliases: t === 'expiry' ? ['刑满', '期满释放'] : [],
      })),
      level: ASSISTANCE_LEVELS.map((l) => ({
        value: l,
        label: ASSISTANCE_LEVEL_LABELS[l],
        aliases: l === 'normal' ? ['一般', '否'] : l === 'high' ? ['重点', '是', '高风险'] : l === 'medium' ? ['中风险'] : ['低风险'],
      })),
      endReason: [
        ...END_REASONS.map((r) => ({ value: r, label: END_REASON_LABELS[r], aliases: r === 'expired' ? ['期满', '解除'] : [] })),
        { value: 'active', label: '在册', aliases: ['在帮', '帮教中'] },
      ],
      villageId: villageChoices(ctx),
      staffId: listStaff(ctx, true).map((s) => ({ value: s.id, label: s.name })),
    };
  },
  importRow(ctx, v): ImportedRow {
    const messages: ImportMessage[] = [];
    const today = ctx.clock.today();
    const name = asText(v.name) ?? '';
    const release = asText(v.releaseDate);
    const summary = [name, asText(v.crime), release].filter(Boolean).join(' · ');
    const fail = (text: string, field: string | null = null) => rowError(summary, messages, text, field);
    if (!name) return fail('缺少姓名', 'name');
    if (!release) return fail('缺少释放日期', 'releaseDate');
    const endReason = asText(v.endReason) === 'active' ? null : (asText(v.endReason) as EndReason | null);
    const endDate = asText(v.endDate);
    if (endReason && !endDate) return fail(`结束原因为“${END_REASON_LABELS[endReason]}”的档案须填写结束日期`, 'endDate');
    if (endDate && !endReason) return fail('有结束日期，但没有结束原因（帮教期满、死亡、迁出、再次收监）', 'endReason');
    if (endDate && (endDate < release || endDate > today)) return fail(`结束日期（${endDate}）应在释放日期和今天之间`, 'endDate');

    const found = findOrAddPerson(
      ctx,
      { name, idNumber: asText(v.idNumber), phone: asText(v.phone), villageId: asText(v.villageId) },
      '人员',
    );
    messages.push(...found.messages);
    if (!found.id) return { summary, created: [], messages };
    if (one(ctx, 'SELECT 1 FROM assistance_file WHERE person_id = ? AND release_date = ? AND deleted_at IS NULL', found.id, release)) {
      return { summary, created: [], messages, duplicate: '此人同一释放日期的档案已在台账中' };
    }
    const staffId = asText(v.staffId) ?? ctx.user.id;
    if (!v.staffId) messages.push({ level: 'info', field: 'staffId', text: `没有责任人，暂记为${ctx.user.name}` });
    if (!v.releaseType) messages.push({ level: 'info', field: 'releaseType', text: '没有释放类型，按“刑满释放”登记' });
    const input = AssistanceCreateInput.safeParse({
      personId: found.id,
      crime: asText(v.crime),
      sentence: asText(v.sentence),
      prison: asText(v.prison),
      releaseType: asText(v.releaseType) ?? 'expiry',
      releaseDate: release,
      certificateNumber: asText(v.certificateNumber),
      noticeDate: asText(v.noticeDate),
      villageId: asText(v.villageId),
      phone: null,
      responsibleStaffId: staffId,
      level: asText(v.level) ?? 'normal',
      notes: asText(v.notes),
    });
    if (!input.success) {
      return invalidRow(summary, messages, input.error, { ...LABELS, responsibleStaffId: '责任人', personId: '姓名' });
    }
    const file = createFile(ctx, input.data);
    if (endReason) endFile(ctx, EndInput.parse({ id: file.id, endReason, endDate, endNote: '旧台账导入' }));
    const waived = waivePast(ctx, assistanceDueSource, file.id, today, ASSISTANCE_WAIVE_REASON);
    if (waived > 0) messages.push({ level: 'info', field: null, text: `今天以前的 ${waived} 项衔接、走访等事项按旧台账导入免除` });
    return {
      summary: `${summary} · ${endReason ? END_REASON_LABELS[endReason] : '在册'}`,
      created: [{ entity: 'assistance', id: file.id }, ...(found.created ? [{ entity: 'person', id: found.id }] : [])],
      messages,
    };
  },
  ...importedRecords({
    table: 'assistance_file',
    deleteRecord: deleteFile,
    namesPerson: 'SELECT 1 FROM assistance_file WHERE person_id = ? AND deleted_at IS NULL',
  }),
};
