/**
 * 矛盾纠纷排查登记台账 from an old spreadsheet (导入旧台账; the core is db/services/imports.ts), and the
 * register's own export read back. Each row is one registration: its parties found in the registry
 * (by ID number, else by a name only one person has) or added to it, its 案号 kept when the file
 * gives one, and, for a dispute handled long ago, its outcome and dates entered as history
 * (`importDispute`): a registration closed in 2020 is closed on its day and owes nothing today, so it
 * puts nothing on the dashboard. A registration without an outcome comes in open, and is said to be
 * overdue when its deadline has passed.
 */
import { RISK_LEVEL_LABELS, RISK_LEVELS } from '../../shared/dictionaries';
import { defaultDisputeDeadline, DISPUTE_STATUS_LABELS, DISPUTE_STATUSES, type DisputeStatus } from '../../shared/domain/disputes';
import { ORIGINAL_NO_FIELD, splitList, type ImportFieldDef } from '../../shared/domain/import';
import { checkPhone } from '../../shared/domain/phone';
import { DisputeInput } from '../../shared/schemas/disputes';
import type { ImportMessage } from '../../shared/schemas/import';
import type { ServiceContext } from '../context';
import { deleteDispute, importDispute, type DisputeHistory } from './disputes';
import { asText, rowError, type ImportChoice, type ImportedRow, type Importer, type ImportValues } from './imports';
import { findOrAddPerson, invalidRow, villageChoices, importedRecords } from './persons-import';
import { getSettings, listDicts, listStaff } from './reference';
import { one } from './sql';

export const DISPUTE_IMPORT_FIELDS: readonly ImportFieldDef[] = [
  ORIGINAL_NO_FIELD,
  { key: 'caseNo', label: '案号', synonyms: ['登记编号', '案件编号', '纠纷编号', '登记号'], kind: 'text', hint: '不填则按本台账规则编号' },
  {
    key: 'intakeDate',
    label: '登记日期',
    synonyms: ['受理日期', '排查日期', '登记时间', '受理时间', '发生日期', '日期', '时间'],
    kind: 'date',
    required: true,
  },
  { key: 'source', label: '来源', synonyms: ['纠纷来源', '案件来源', '信息来源'], kind: 'choice', hint: '不填按“排查发现”' },
  { key: 'category', label: '纠纷类型', synonyms: ['类型', '纠纷类别', '案件类型', '类别', '纠纷种类'], kind: 'choice', required: true },
  {
    key: 'applicants',
    label: '申请人',
    synonyms: ['当事人', '当事人姓名', '申请人姓名', '双方当事人', '当事人(申请人)'],
    kind: 'text',
    required: true,
    hint: '多人用顿号分开',
  },
  { key: 'applicantIds', label: '申请人身份证号', synonyms: ['身份证号', '身份证号码', '公民身份号码', '当事人身份证号'], kind: 'text' },
  { key: 'respondents', label: '被申请人', synonyms: ['被申请人姓名', '对方当事人', '被申请方'], kind: 'text' },
  { key: 'respondentIds', label: '被申请人身份证号', synonyms: ['被申请人身份证号码'], kind: 'text' },
  { key: 'phones', label: '电话', synonyms: ['联系电话', '申请人电话', '手机', '联系方式'], kind: 'text' },
  {
    key: 'summary',
    label: '简要情况',
    synonyms: ['纠纷简要情况', '纠纷概况', '主要事由', '基本情况', '案情简介', '纠纷内容', '事由', '纠纷情况', '简要案情'],
    kind: 'text',
  },
  {
    key: 'villageId',
    label: '村（社区）',
    synonyms: ['所属村(社区)', '所属村', '村居', '村(居)', '发生地', '所在村', '村别'],
    kind: 'choice',
  },
  { key: 'peopleCount', label: '涉及人数', synonyms: ['人数'], kind: 'number' },
  { key: 'amountYuan', label: '涉及金额（元）', synonyms: ['涉及金额', '金额', '标的额', '争议金额'], kind: 'number' },
  { key: 'riskLevel', label: '风险等级', synonyms: ['风险'], kind: 'choice' },
  { key: 'staffId', label: '承办人', synonyms: ['调解员', '经办人', '责任人', '承办人员'], kind: 'choice' },
  { key: 'deadline', label: '办理期限', synonyms: ['期限', '办结期限'], kind: 'date', hint: '不填按本台账的期限规则' },
  { key: 'status', label: '状态', synonyms: ['办理状态', '办理情况', '进展情况'], kind: 'choice' },
  {
    key: 'outcome',
    label: '化解结果',
    synonyms: ['调处结果', '调解结果', '处理结果', '结果', '是否化解', '调处情况', '化解情况'],
    kind: 'choice',
  },
  {
    key: 'closedDate',
    label: '办结日期',
    synonyms: ['结案日期', '办结时间', '调结日期', '化解日期', '完成日期', '结案时间'],
    kind: 'date',
  },
  { key: 'transferUnit', label: '接收单位', synonyms: ['转办单位', '移交单位'], kind: 'text' },
];

const LABELS = Object.fromEntries(DISPUTE_IMPORT_FIELDS.map((f) => [f.key, f.label]));

const STATUS_ALIASES: Record<DisputeStatus, readonly string[]> = {
  registered: ['已登记', '待受理', '未受理'],
  accepted: ['已受理'],
  rejected: ['不受理'],
  mediating: ['调解中', '处理中', '正在调解', '办理中', '在办'],
  resolved: ['已化解', '调解成功'],
  unresolved: ['调解失败'],
  transferred: ['已转办', '移交', '转交'],
  closed: ['已办结', '结案', '已结案', '完结', '已完结'],
};

const OUTCOME_CHOICES: ImportChoice[] = [
  { value: 'resolved', label: '化解', aliases: ['已化解', '成功', '调解成功', '调处成功', '达成协议', '是', '化解成功'] },
  { value: 'unresolved', label: '未化解', aliases: ['失败', '调解失败', '未达成协议', '否', '不成功', '调解不成功'] },
];

/** The workflow's steps from 登记 to the status the file gives, each dated (受理 and 调处 on the day it was registered). */
function stepsTo(
  status: DisputeStatus,
  outcome: 'resolved' | 'unresolved' | null,
  intake: string,
  closed: string | null,
): { steps: DisputeHistory['steps']; error?: string } {
  const start = [
    { to: 'accepted' as const, date: intake },
    { to: 'mediating' as const, date: intake },
  ];
  switch (status) {
    case 'registered':
      return { steps: [] };
    case 'accepted':
      return { steps: start.slice(0, 1) };
    case 'mediating':
      return { steps: start };
    case 'rejected':
      return { steps: [{ to: 'rejected', date: closed ?? intake }] };
    case 'transferred':
      return { steps: [{ to: 'transferred', date: closed ?? intake }] };
    case 'resolved':
    case 'unresolved':
      if (!closed) return { steps: [], error: `状态为“${DISPUTE_STATUS_LABELS[status]}”的纠纷须填写办结（化解）日期` };
      return { steps: [...start, { to: status, date: closed }] };
    case 'closed':
      if (!outcome) return { steps: [], error: '状态为“办结”的纠纷须填写化解结果（化解或未化解）' };
      if (!closed) return { steps: [], error: '状态为“办结”的纠纷须填写办结日期' };
      return { steps: [...start, { to: outcome, date: closed }, { to: 'closed', date: closed }] };
  }
}

/** The parties a row names, each with the ID number and phone in the same place of their lists. */
function partiesOf(v: ImportValues): { name: string; idNumber: string | null; phone: string | null; role: 'applicant' | 'respondent' }[] {
  const phones = splitList(asText(v.phones) ?? '');
  const list = (names: string | null, ids: string | null, role: 'applicant' | 'respondent', phoneFrom: number) => {
    const idList = splitList(ids ?? '');
    return splitList(names ?? '').map((name, i) => ({ name, idNumber: idList[i] ?? null, phone: phones[phoneFrom + i] ?? null, role }));
  };
  const applicants = list(asText(v.applicants), asText(v.applicantIds), 'applicant', 0);
  return [...applicants, ...list(asText(v.respondents), asText(v.respondentIds), 'respondent', applicants.length)];
}

export const disputesImporter: Importer = {
  note: '每行一件纠纷登记。有化解结果和办结日期的按历史记录导入（办结于当日，不产生超期和待办）；没有的作为未办结登记导入。当事人按身份证号（没有时按唯一的同名人员）关联人员库，找不到的新建。',
  fields: DISPUTE_IMPORT_FIELDS,
  choices(ctx) {
    const dicts = listDicts(ctx);
    const dict = (kind: string) =>
      dicts.filter((d) => d.kind === kind).map((d) => ({ value: d.code, label: d.label, aliases: [d.label.replace(/纠纷$/, '')] }));
    return {
      source: dict('dispute_source'),
      category: dict('dispute_category'),
      villageId: villageChoices(ctx),
      riskLevel: RISK_LEVELS.map((r) => ({
        value: r,
        label: RISK_LEVEL_LABELS[r],
        aliases: [RISK_LEVEL_LABELS[r].slice(0, 2), RISK_LEVEL_LABELS[r].slice(3, 4)],
      })),
      staffId: listStaff(ctx, true).map((s) => ({ value: s.id, label: s.name })),
      status: DISPUTE_STATUSES.map((s) => ({ value: s, label: DISPUTE_STATUS_LABELS[s], aliases: STATUS_ALIASES[s] })),
      outcome: OUTCOME_CHOICES,
    };
  },
  importRow(ctx, v): ImportedRow {
    const messages: ImportMessage[] = [];
    const today = ctx.clock.today();
    const intake = asText(v.intakeDate);
    const category = asText(v.category);
    const parties = partiesOf(v);
    const closed = asText(v.closedDate);
    const outcome = (asText(v.outcome) as 'resolved' | 'unresolved' | null) ?? null;
    const summaryLine = [parties.map((p) => p.name).join('、'), intake, category ? label(ctx, category) : ''].filter(Boolean).join(' · ');
    const fail = (text: string, field: string | null = null) => rowError(summaryLine, messages, text, field);
    if (!intake) return fail('缺少登记日期', 'intakeDate');
    if (!category) return fail('缺少纠纷类型', 'category');
    if (parties.length === 0) return fail('缺少当事人（申请人）', 'applicants');
    for (const [key, date] of [
      ['intakeDate', intake],
      ['closedDate', closed],
    ] as const) {
      if (date && date > today) return fail(`${LABELS[key]}（${date}）晚于今天`, key);
    }
    if (closed && closed < intake) return fail(`办结日期（${closed}）早于登记日期（${intake}）`, 'closedDate');

    // The status: as the file says it; else 办结 when it gives an outcome; else open.
    let status = (asText(v.status) as DisputeStatus | null) ?? null;
    if (!status) {
      if (outcome) status = closed ? 'closed' : outcome;
      else if (closed) return fail('有办结日期，但没有化解结果（化解或未化解）', 'outcome');
      else status = 'registered';
    }
    const path = stepsTo(status, outcome, intake, closed);
    if (path.error) return fail(path.error, 'status');

    // Already in the ledger: its 案号, or the same day, category and parties.
    const caseNo = asText(v.caseNo);
    const partiesText = parties.map((p) => p.name).join('、');
    if (caseNo && one(ctx, 'SELECT 1 FROM dispute WHERE case_no = ? AND deleted_at IS NULL', caseNo)) {
      return { summary: summaryLine, created: [], messages, duplicate: `案号“${caseNo}”已在纠纷台账中` };
    }
    if (
      one(
        ctx,
        'SELECT 1 FROM dispute WHERE deleted_at IS NULL AND intake_date = ? AND category = ? AND parties_text = ?',
        intake,
        category,
        partiesText,
      )
    ) {
      return { summary: summaryLine, created: [], messages, duplicate: '同一天、同一类型、同样当事人的纠纷已在台账中' };
    }
    if (caseNo && one(ctx, 'SELECT 1 FROM dispute WHERE case_no = ?', caseNo)) {
      return fail(`案号“${caseNo}”已被回收站中的纠纷使用，请改号或先在回收站处理`, 'caseNo');
    }

    const created: ImportedRow['created'] = [];
    const partyIds: { personId: string; role: 'applicant' | 'respondent' }[] = [];
    for (const p of parties) {
      let phone = p.phone;
      if (phone && !checkPhone(phone).ok) {
        messages.push({ level: 'warning', field: 'phones', text: `电话“${phone}”格式不正确，未导入` });
        phone = null;
      }
      const found = findOrAddPerson(ctx, { ...p, phone, villageId: asText(v.villageId) }, p.role === 'applicant' ? '申请人' : '被申请人');
      messages.push(...found.messages);
      if (!found.id) return { summary: summaryLine, created: [], messages };
      if (found.created) created.push({ entity: 'person', id: found.id });
      if (!partyIds.some((x) => x.personId === found.id)) partyIds.push({ personId: found.id, role: p.role });
    }

    let summary = asText(v.summary);
    if (!summary) {
      summary = `${label(ctx, category)}（旧台账导入，未记简要情况）`;
      messages.push({ level: 'warning', field: 'summary', text: '没有简要情况，以纠纷类型代替' });
    }
    let source = asText(v.source);
    if (!source) {
      source = 'screening';
      messages.push({ level: 'info', field: 'source', text: '没有来源，按“排查发现”登记' });
    }
    const input = DisputeInput.safeParse({
      intakeDate: intake,
      source,
      category,
      villageId: asText(v.villageId),
      gridId: null,
      parties: partyIds,
      summary,
      peopleCount: v.peopleCount === null ? null : Number(v.peopleCount),
      amountYuan: v.amountYuan === null ? null : Number(v.amountYuan),
      riskLevel: asText(v.riskLevel),
      responsibleStaffId: asText(v.staffId),
      deadline: asText(v.deadline),
    });
    if (!input.success) return invalidRow(summaryLine, messages, input.error, LABELS);

    const open = path.steps.length === 0 || ['accepted', 'mediating'].includes(status);
    if (open) {
      const deadline = input.data.deadline ?? defaultDisputeDeadline(intake, category, getSettings(ctx));
      if (deadline < today) {
        messages.push({ level: 'warning', field: 'status', text: `未办结，办理期限（${deadline}）已过，导入后显示为超期` });
      }
    }
    const dispute = importDispute(ctx, input.data, {
      caseNo,
      steps: path.steps,
      transferUnit: status === 'transferred' ? (asText(v.transferUnit) ?? '（旧台账未记接收单位）') : null,
      note: '导入旧台账',
    });
    return {
      summary: `${summaryLine} · ${DISPUTE_STATUS_LABELS[status]}`,
      created: [{ entity: 'dispute', id: dispute.id }, ...created],
      messages,
    };
  },
  ...importedRecords({
    table: 'dispute',
    deleteRecord: deleteDispute,
    namesPerson: 'SELECT 1 FROM dispute_party dp JOIN dispute d ON d.id = dp.dispute_id WHERE dp.person_id = ? AND d.deleted_at IS NULL',
  }),
};

function label(ctx: ServiceContext, code: string): string {
  return one<{ label: string }>(ctx, "SELECT label FROM dict_entry WHERE kind = 'dispute_category' AND code = ?", code)?.label ?? code;
}
