/**
 * 重点人员档案 from an old spreadsheet (导入旧台账; the core is db/services/imports.ts): one file a row, its
 * person found in the registry (by ID number, else a name only one person has) or added, opened on the
 * 建档日期 the file gives. A file opened years ago owes nothing for the periods before it came in: every
 * visit and duty due before the day of the import is excused (免除, with the reason “旧台账导入”, shown and
 * taken back like any 免除), so 891 files of 2020 do not put thousands of missed visits on the dashboard.
 * A file the sheet gives as ended (解除, 迁出, 死亡) is ended on its day.
 */
import {
  ATTENTION_LEVEL_LABELS,
  ATTENTION_LEVELS,
  CARE_LEVEL_LABELS,
  FOLLOWUP_GROUP_LABELS,
  FOLLOWUP_GROUPS,
  type FollowupGroup,
} from '../../shared/domain/followup-rules';
import { ORIGINAL_NO_FIELD, type ImportFieldDef } from '../../shared/domain/import';
import { END_STATUSES, FOLLOWUP_STATUS_LABELS, FollowupCreateInput, FollowupEndInput, MH_LEVELS } from '../../shared/schemas/followup';
import type { ImportMessage } from '../../shared/schemas/import';
import { createSubject, deleteSubject, endSubject, followupDueSource } from './followup';
import { asText, rowError, type ImportedRow, type Importer } from './imports';
import { waivePast } from './obligations';
import { findOrAddPerson, invalidRow, villageChoices, importedRecords } from './persons-import';
import { listStaff } from './reference';
import { one } from './sql';

export const FOLLOWUP_IMPORT_FIELDS: readonly ImportFieldDef[] = [
  ORIGINAL_NO_FIELD,
  { key: 'name', label: '姓名', synonyms: ['人员姓名', '对象姓名'], kind: 'text', required: true },
  { key: 'idNumber', label: '公民身份号码', synonyms: ['身份证号', '身份证号码', '身份证'], kind: 'text' },
  { key: 'phone', label: '联系电话', synonyms: ['电话', '手机'], kind: 'text' },
  { key: 'group', label: '类别', synonyms: ['人员类别', '人员类型', '类型', '重点人员类别'], kind: 'choice', required: true },
  { key: 'groupName', label: '类别名称', synonyms: [], kind: 'text', hint: '类别为“其他”时填写' },
  {
    key: 'level',
    label: '风险/关注等级',
    synonyms: ['风险等级', '关注等级', '等级', '管控等级', '危险性等级'],
    kind: 'choice',
    required: true,
  },
  { key: 'control', label: '管控状态', synonyms: ['是否管控'], kind: 'choice', hint: '不填为需管控' },
  { key: 'staffId', label: '包保责任人', synonyms: ['责任人', '包保人', '包保干部', '负责人'], kind: 'choice', hint: '不填为当前操作人' },
  { key: 'villageId', label: '村（社区）', synonyms: ['所属村(社区)', '所属村', '村居', '村(居)', '所在村'], kind: 'choice' },
  {
    key: 'startDate',
    label: '建档日期',
    synonyms: ['列管日期', '登记日期', '纳入日期', '建档时间', '列管时间'],
    kind: 'date',
    required: true,
  },
  { key: 'status', label: '状态', synonyms: ['在册状态', '管控状态说明'], kind: 'choice' },
  { key: 'endDate', label: '解除日期', synonyms: ['撤管日期', '销档日期', '结束日期'], kind: 'date' },
  { key: 'endReason', label: '解除原因', synonyms: ['撤管原因', '原因'], kind: 'text' },
  { key: 'diagnosis', label: '诊断', synonyms: ['疾病诊断', '病种'], kind: 'text', hint: '严重精神障碍患者' },
  { key: 'guardianName', label: '监护人', synonyms: ['监护人姓名'], kind: 'text', hint: '严重精神障碍患者' },
  { key: 'guardianRelation', label: '与患者关系', synonyms: ['监护人关系', '关系'], kind: 'text' },
  { key: 'drugType', label: '戒毒类型', synonyms: ['社区戒毒/康复'], kind: 'choice', hint: '社区戒毒/社区康复人员' },
  { key: 'decisionDate', label: '决定日期', synonyms: ['责令日期'], kind: 'date' },
  { key: 'reportDate', label: '报到日期', synonyms: [], kind: 'date' },
  { key: 'notes', label: '备注', synonyms: [], kind: 'text' },
];

const LABELS = Object.fromEntries(FOLLOWUP_IMPORT_FIELDS.map((f) => [f.key, f.label]));

/** What the file owed before it came in is excused with this reason (shown on the file beside each item). */
export const IMPORT_WAIVE_REASON = '旧台账导入：导入前各期的走访和事项记在原台账中，本系统不计';

export const followupImporter: Importer = {
  note: '每行一份重点人员档案。人员按身份证号（没有时按唯一的同名人员）关联人员库，找不到的新建；建档日期早于今天的，今天以前各期的走访和事项按“旧台账导入”免除，不计逾期；注明解除、迁出或死亡的档案按解除日期结束。',
  fields: FOLLOWUP_IMPORT_FIELDS,
  choices(ctx) {
    return {
      group: FOLLOWUP_GROUPS.map((g) => ({
        value: g,
        label: FOLLOWUP_GROUP_LABELS[g],
        aliases: {
          mental_health: ['精神障碍患者', '严重精神障碍', '肇事肇祸精神病人', '精神病人'],
          drug: ['吸毒人员', '社区戒毒人员', '社区康复人员', '戒毒人员'],
          cult: ['邪教'],
          petition: ['信访人员', '重点上访人员'],
          youth: ['重点青少年', '闲散青少年'],
          left_behind_child: ['留守儿童'],
          cross_border: ['涉跨境'],
          other: [],
        }[g],
      })),
      level: [
        ...ATTENTION_LEVELS.map((l) => ({
          value: l,
          label: ATTENTION_LEVEL_LABELS[l],
          aliases: [
            ATTENTION_LEVEL_LABELS[l].slice(0, 2),
            ATTENTION_LEVEL_LABELS[l].slice(0, 1),
            { red: '重点', yellow: '一般', green: '日常' }[l],
            // 留守儿童's 关爱 levels, as its file and the export name them.
            CARE_LEVEL_LABELS[l],
          ],
        })),
        ...MH_LEVELS.map((l) => ({ value: l, label: `${l}级`, aliases: [l] })),
      ],
      staffId: listStaff(ctx, true).map((s) => ({ value: s.id, label: s.name })),
      villageId: villageChoices(ctx),
      status: [
        { value: 'active', label: FOLLOWUP_STATUS_LABELS.active, aliases: ['在管', '在册', '列管'] },
        ...END_STATUSES.map((s) => ({
          value: s,
          label: FOLLOWUP_STATUS_LABELS[s],
          aliases: s === 'released' ? ['撤管', '解除列管', '已解除'] : [],
        })),
      ],
      control: [
        { value: 'controlled', label: '需管控', aliases: ['需关爱帮扶', '管控', '是'] },
        { value: 'registered', label: '仅在册', aliases: ['在册', '否'] },
        { value: 'to_transform', label: '待转化' },
      ],
      drugType: [
        { value: 'detox', label: '社区戒毒' },
        { value: 'rehab', label: '社区康复' },
      ],
    };
  },
  importRow(ctx, v): ImportedRow {
    const messages: ImportMessage[] = [];
    const today = ctx.clock.today();
    const name = asText(v.name) ?? '';
    const group = asText(v.group) as FollowupGroup | null;
    const start = asText(v.startDate);
    const summary = [name, group ? FOLLOWUP_GROUP_LABELS[group] : '', start].filter(Boolean).join(' · ');
    const fail = (text: string, field: string | null = null) => rowError(summary, messages, text, field);
    if (!name) return fail('缺少姓名', 'name');
    if (!group) return fail('缺少类别', 'group');
    if (!start) return fail('缺少建档日期', 'startDate');
    if (start > today) return fail(`建档日期（${start}）晚于今天`, 'startDate');
    const status = asText(v.status) ?? (v.endDate ? 'released' : 'active');
    const endDate = asText(v.endDate);
    if (status !== 'active' && !endDate)
      return fail(`状态为“${FOLLOWUP_STATUS_LABELS[status as 'released']}”的档案须填写解除日期`, 'endDate');
    if (endDate && (endDate < start || endDate > today)) return fail(`解除日期（${endDate}）应在建档日期和今天之间`, 'endDate');

    const found = findOrAddPerson(
      ctx,
      { name, idNumber: asText(v.idNumber), phone: asText(v.phone), villageId: asText(v.villageId) },
      '人员',
    );
    messages.push(...found.messages);
    if (!found.id) return { summary, created: [], messages };
    if (
      one(
        ctx,
        'SELECT 1 FROM followup_subject WHERE person_id = ? AND group_code = ? AND start_date = ? AND deleted_at IS NULL',
        found.id,
        group,
        start,
      )
    ) {
      return { summary, created: [], messages, duplicate: '此人在该类别、同一建档日期的档案已在台账中' };
    }
    const staffId = asText(v.staffId) ?? ctx.user.id;
    if (!v.staffId) messages.push({ level: 'info', field: 'staffId', text: `没有包保责任人，暂记为${ctx.user.name}` });
    const facts: Record<string, unknown> =
      group === 'mental_health'
        ? { diagnosis: asText(v.diagnosis), guardianName: asText(v.guardianName), guardianRelation: asText(v.guardianRelation) }
        : group === 'drug'
          ? { drugType: asText(v.drugType), decisionDate: asText(v.decisionDate), reportDate: asText(v.reportDate) }
          : {};
    const input = FollowupCreateInput.safeParse({
      personId: found.id,
      group,
      groupName: asText(v.groupName),
      level: asText(v.level),
      ...(v.control ? { control: asText(v.control) } : {}),
      responsibleStaffId: staffId,
      villageId: asText(v.villageId),
      facts: Object.fromEntries(Object.entries(facts).filter(([, x]) => x !== null)),
      startDate: start,
      notes: asText(v.notes),
    });
    if (!input.success)
      return invalidRow(summary, messages, input.error, { ...LABELS, responsibleStaffId: '包保责任人', personId: '姓名' });
    const file = createSubject(ctx, input.data);
    if (status !== 'active') {
      endSubject(
        ctx,
        FollowupEndInput.parse({ id: file.id, status, endDate, endReason: asText(v.endReason) ?? '旧台账导入（原台账未记原因）' }),
      );
    }
    const waived = waivePast(ctx, followupDueSource, file.id, today, IMPORT_WAIVE_REASON);
    if (waived > 0) messages.push({ level: 'info', field: null, text: `今天以前的 ${waived} 项走访和事项按旧台账导入免除` });
    return {
      summary: `${summary} · ${FOLLOWUP_STATUS_LABELS[status as 'active']}`,
      created: [{ entity: 'followup', id: file.id }, ...(found.created ? [{ entity: 'person', id: found.id }] : [])],
      messages,
    };
  },
  ...importedRecords({
    table: 'followup_subject',
    deleteRecord: deleteSubject,
    namesPerson: 'SELECT 1 FROM followup_subject WHERE person_id = ? AND deleted_at IS NULL',
  }),
};
