/**
 * 人民调解案件 from an old spreadsheet (导入旧台账; the core is db/services/imports.ts): one case a row, its
 * parties found in the registry or added, opened on its 受理日期 and, when the sheet gives its result, closed
 * on its 结案日期 as history: a case mediated successfully gets an oral agreement dated that day (its content
 * the sheet's, or a note that it is in the paper file), and everything the case would have owed before
 * the day of the import (the 调解期限, 回访, 履行 checks) is excused as 旧台账导入, so 891 cases of 2020 put
 * no 回访 on the dashboard. What the law asks to be recorded and the sheet does not say (the routes the
 * parties were told of after a failure, why a mediation was ended) is not made up: such a row is an error
 * until the sheet says it.
 */
import { ORIGINAL_NO_FIELD, type ImportFieldDef } from '../../shared/domain/import';
import { splitList } from '../../shared/domain/import';
import {
  AGREEMENT_PERFORMANCE_LABELS,
  AGREEMENT_PERFORMANCES,
  CASE_ORIGIN_LABELS,
  CASE_ORIGINS,
  CASE_OUTCOME_LABELS,
  GUIDANCE_ROUTE_LABELS,
  GUIDANCE_ROUTES,
  MEDIATING_BODIES,
  MEDIATING_BODY_LABELS,
  TERMINATION_REASON_LABELS,
  TERMINATION_REASONS,
  type AgreementPerformance,
  type GuidanceRoute,
} from '../../shared/domain/mediation';
import type { ImportMessage } from '../../shared/schemas/import';
import { AgreementInput, CloseInput, MediationCreateInput } from '../../shared/schemas/mediation';
import { asText, rowError, type ImportedRow, type Importer, type ImportValues } from './imports';
import { closeCase, createCase, deleteCase, mediationDueSource, saveAgreement } from './mediation';
import { waivePast } from './obligations';
import { findOrAddPerson, importedRecords, invalidRow } from './persons-import';
import { listDicts, listStaff } from './reference';
import { one } from './sql';
import { newId } from '../ids';

export const MEDIATION_IMPORT_FIELDS: readonly ImportFieldDef[] = [
  ORIGINAL_NO_FIELD,
  { key: 'caseNo', label: '卷宗号', synonyms: ['案号', '卷号', '案件编号'], kind: 'text', hint: '不填则按本台账规则编号' },
  { key: 'acceptedDate', label: '受理日期', synonyms: ['登记日期', '申请日期', '受理时间', '日期'], kind: 'date', required: true },
  { key: 'origin', label: '案件来源', synonyms: ['来源'], kind: 'choice', hint: '不填按“当事人申请”' },
  { key: 'category', label: '纠纷类型', synonyms: ['类型', '纠纷类别', '案件类型', '类别'], kind: 'choice', required: true },
  {
    key: 'applicants',
    label: '申请人',
    synonyms: ['当事人', '当事人姓名', '申请人姓名', '双方当事人'],
    kind: 'text',
    required: true,
    hint: '多人用顿号分开',
  },
  {
    key: 'applicantIds',
    label: '申请人身份证号',
    synonyms: ['身份证号', '身份证号码', '公民身份号码', '身份证号(首位当事人)'],
    kind: 'text',
  },
  { key: 'respondents', label: '被申请人', synonyms: ['被申请人姓名', '对方当事人'], kind: 'text' },
  { key: 'respondentIds', label: '被申请人身份证号', synonyms: [], kind: 'text' },
  { key: 'summary', label: '纠纷简要情况', synonyms: ['简要情况', '纠纷概况', '主要事由', '案情简介', '事由'], kind: 'text' },
  { key: 'mediatingBody', label: '调解组织', synonyms: ['调委会', '调解组织类型'], kind: 'choice', hint: '不填按“乡镇调委会”' },
  { key: 'mediators', label: '调解员', synonyms: ['承办人', '主持调解员'], kind: 'text', hint: '多人用顿号分开；不填为当前操作人' },
  { key: 'outcome', label: '调解结果', synonyms: ['调处结果', '结果', '是否成功', '调解情况'], kind: 'choice' },
  { key: 'closedDate', label: '结案日期', synonyms: ['办结日期', '调结日期', '结案时间'], kind: 'date' },
  { key: 'terminationReason', label: '终止情形', synonyms: ['终止调解情形', '终止类型'], kind: 'choice', hint: '终止调解的案件填写' },
  { key: 'reason', label: '调解不成或终止原因', synonyms: ['调解不成原因', '终止原因', '未成原因', '原因'], kind: 'text' },
  { key: 'guidance', label: '告知途径', synonyms: ['引导途径', '告知当事人途径'], kind: 'text', hint: '诉讼、仲裁、行政途径，可多项' },
  { key: 'agreementContent', label: '协议内容', synonyms: ['调解协议内容', '协议主要内容'], kind: 'text' },
  { key: 'amountYuan', label: '涉及金额（元）', synonyms: ['涉及金额', '金额', '标的额'], kind: 'number' },
  { key: 'agreedAmountYuan', label: '协议金额（元）', synonyms: ['协议金额'], kind: 'number' },
  { key: 'performance', label: '履行情况', synonyms: ['协议履行情况', '是否履行'], kind: 'choice' },
  { key: 'performedDate', label: '履行完毕日期', synonyms: ['履行日期'], kind: 'date' },
];

const LABELS = Object.fromEntries(MEDIATION_IMPORT_FIELDS.map((f) => [f.key, f.label]));

export const MEDIATION_WAIVE_REASON = '旧台账导入：导入前的调解期限、回访和履行检查记在原台账中，本系统不计';

function partiesOf(v: ImportValues) {
  const list = (names: string | null, ids: string | null, role: 'applicant' | 'respondent') => {
    const idList = splitList(ids ?? '');
    return splitList(names ?? '').map((name, i) => ({ name, idNumber: idList[i] ?? null, role }));
  };
  return [
    ...list(asText(v.applicants), asText(v.applicantIds), 'applicant'),
    ...list(asText(v.respondents), asText(v.respondentIds), 'respondent'),
  ];
}

export const mediationImporter: Importer = {
  note: '每行一件调解案件。有调解结果和结案日期的按历史记录导入：调解成功的登记口头协议（内容取“协议内容”列，没有时注明见原卷宗），今天以前的调解期限、回访和履行检查按“旧台账导入”免除，不产生逾期；调解不成的须注明告知途径，终止调解的须注明终止情形（自行和解、撤回申请以外的还须注明告知途径）。有卷宗号的保留原卷宗号，没有的按本台账规则编号；原序号保留在导入记录中。',
  fields: MEDIATION_IMPORT_FIELDS,
  choices(ctx) {
    const category = listDicts(ctx)
      .filter((d) => d.kind === 'dispute_category')
      .map((d) => ({ value: d.code, label: d.label, aliases: [d.label.replace(/纠纷$/, '')] }));
    return {
      category,
      origin: CASE_ORIGINS.map((o) => ({
        value: o,
        label: CASE_ORIGIN_LABELS[o],
        aliases: o === 'application' ? ['申请', '申请调解'] : o === 'initiative' ? ['主动调解', '主动'] : [],
      })),
      mediatingBody: MEDIATING_BODIES.map((b) => ({ value: b, label: MEDIATING_BODY_LABELS[b] })),
      outcome: [
        { value: 'success', label: CASE_OUTCOME_LABELS.success, aliases: ['成功', '化解', '达成协议', '调解成功'] },
        { value: 'failure', label: CASE_OUTCOME_LABELS.failure, aliases: ['不成功', '失败', '未化解', '调解失败', '未达成协议'] },
        { value: 'terminated', label: CASE_OUTCOME_LABELS.terminated, aliases: ['终止'] },
        { value: 'open', label: '调解中', aliases: ['在调', '未结案', '进行中'] },
      ],
      terminationReason: TERMINATION_REASONS.map((r) => ({ value: r, label: TERMINATION_REASON_LABELS[r] })),
      performance: AGREEMENT_PERFORMANCES.map((p) => ({
        value: p,
        label: AGREEMENT_PERFORMANCE_LABELS[p],
        aliases: p === 'performed' ? ['履行', '已履行完毕', '是'] : p === 'unperformed' ? ['未履行', '否'] : [],
      })),
    };
  },
  importRow(ctx, v): ImportedRow {
    const messages: ImportMessage[] = [];
    const today = ctx.clock.today();
    const accepted = asText(v.acceptedDate);
    const category = asText(v.category);
    const parties = partiesOf(v);
    const closed = asText(v.closedDate);
    const outcome = asText(v.outcome) === 'open' ? null : asText(v.outcome);
    const summaryLine = [parties.map((p) => p.name).join('、'), accepted].filter(Boolean).join(' · ');
    const fail = (text: string, field: string | null = null) => rowError(summaryLine, messages, text, field);
    if (!accepted) return fail('缺少受理日期', 'acceptedDate');
    if (!category) return fail('缺少纠纷类型', 'category');
    if (parties.length === 0) return fail('缺少当事人', 'applicants');
    if (accepted > today) return fail(`受理日期（${accepted}）晚于今天`, 'acceptedDate');
    if (outcome && !closed) return fail('有调解结果的案件须填写结案日期', 'closedDate');
    if (closed && !outcome) return fail('有结案日期，但没有调解结果', 'outcome');
    if (closed && (closed < accepted || closed > today)) return fail(`结案日期（${closed}）应在受理日期和今天之间`, 'closedDate');
    const guidance = splitList(asText(v.guidance) ?? '').map((g) =>
      GUIDANCE_ROUTES.find((r) => GUIDANCE_ROUTE_LABELS[r] === g || GUIDANCE_ROUTE_LABELS[r].startsWith(g)),
    );
    if (guidance.some((g) => g === undefined)) return fail(`告知途径“${asText(v.guidance)}”应为诉讼、仲裁、行政途径`, 'guidance');
    if (outcome === 'failure' && guidance.length === 0) {
      return fail(
        '调解不成的案件须注明告知当事人的途径（诉讼、仲裁、行政途径；人民调解法第二十六条），请补“告知途径”列或跳过此行',
        'guidance',
      );
    }
    // How the case ends, checked by the rules a case closed on screen follows before anything is written.
    const closing = outcome
      ? {
          outcome,
          closedDate: closed,
          terminationReason: asText(v.terminationReason),
          reason: outcome === 'success' ? null : (asText(v.reason) ?? '旧台账导入（原台账未记原因）'),
          guidance: guidance as GuidanceRoute[],
        }
      : null;
    if (closing) {
      const checked = CloseInput.safeParse({ id: newId(), ...closing });
      if (!checked.success) return invalidRow(summaryLine, messages, checked.error, LABELS);
    }
    const staff = listStaff(ctx, true);
    const mediatorNames = splitList(asText(v.mediators) ?? '');
    const mediatorIds: string[] = [];
    for (const n of mediatorNames) {
      const s = staff.find((x) => x.name === n);
      if (!s) return fail(`调解员“${n}”不在工作人员名单中，请先在“设置 → 工作人员与调解员”中添加`, 'mediators');
      if (!mediatorIds.includes(s.id)) mediatorIds.push(s.id);
    }
    if (mediatorIds.length === 0 && ctx.user.id) {
      mediatorIds.push(ctx.user.id);
      messages.push({ level: 'info', field: 'mediators', text: `没有调解员，暂记为${ctx.user.name}` });
    }
    const caseNo = asText(v.caseNo);
    if (caseNo && one(ctx, 'SELECT 1 FROM mediation_case WHERE case_no = ? AND deleted_at IS NULL', caseNo)) {
      return { summary: summaryLine, created: [], messages, duplicate: `卷宗号“${caseNo}”已在调解台账中` };
    }
    if (caseNo && one(ctx, 'SELECT 1 FROM mediation_case WHERE case_no = ?', caseNo)) {
      return fail(`卷宗号“${caseNo}”已被回收站中的案件使用，请改号或先在回收站处理`, 'caseNo');
    }
    if (
      one(
        ctx,
        `SELECT 1 FROM mediation_case WHERE deleted_at IS NULL AND accepted_date = ? AND category = ? AND parties_text = ?`,
        accepted,
        category,
        parties.map((p) => p.name).join('、'),
      )
    ) {
      return { summary: summaryLine, created: [], messages, duplicate: '同一天受理、同一类型、同样当事人的案件已在台账中' };
    }
    const created: ImportedRow['created'] = [];
    const partyIds: { personId: string; role: 'applicant' | 'respondent' }[] = [];
    for (const p of parties) {
      const found = findOrAddPerson(ctx, { ...p, phone: null, villageId: null }, p.role === 'applicant' ? '申请人' : '被申请人');
      messages.push(...found.messages);
      if (!found.id) return { summary: summaryLine, created: [], messages };
      if (found.created) created.push({ entity: 'person', id: found.id });
      if (!partyIds.some((x) => x.personId === found.id)) partyIds.push({ personId: found.id, role: p.role });
    }
    let summary = asText(v.summary);
    if (!summary) {
      summary = '（旧台账导入，未记简要情况）';
      messages.push({ level: 'warning', field: 'summary', text: '没有纠纷简要情况' });
    }
    const input = MediationCreateInput.safeParse({
      acceptedDate: accepted,
      origin: asText(v.origin) ?? 'application',
      senderUnit: null,
      mediatingBody: asText(v.mediatingBody) ?? 'township',
      committeeName: null,
      category,
      summary,
      amountYuan: v.amountYuan === null ? null : Number(v.amountYuan),
      parties: partyIds,
      mediatorIds,
    });
    if (!input.success) return invalidRow(summaryLine, messages, input.error, { ...LABELS, mediatorIds: '调解员', parties: '当事人' });
    const c = createCase(ctx, input.data, caseNo);
    if (outcome === 'success') {
      const performance = (asText(v.performance) as AgreementPerformance | null) ?? 'unperformed';
      if (!v.performance) messages.push({ level: 'warning', field: 'performance', text: '没有履行情况，按“未履行”登记' });
      const content = asText(v.agreementContent);
      if (!content) messages.push({ level: 'info', field: 'agreementContent', text: '没有协议内容，登记为“见原卷宗”' });
      const agreement = AgreementInput.safeParse({
        caseId: c.id,
        form: 'oral',
        content: content ?? '旧台账导入：协议内容见原卷宗',
        oralDate: closed,
        partySignatures: [],
        items: [],
        agreedAmountYuan: v.agreedAmountYuan === null ? null : Number(v.agreedAmountYuan),
        performance,
        performedDate: asText(v.performedDate) ?? (performance === 'performed' || performance === 'on_the_spot' ? closed : null),
      });
      if (!agreement.success) return invalidRow(summaryLine, messages, agreement.error, LABELS);
      saveAgreement(ctx, agreement.data);
    }
    if (closing) closeCase(ctx, CloseInput.parse({ id: c.id, ...closing }));
    const waived = waivePast(ctx, mediationDueSource, c.id, today, MEDIATION_WAIVE_REASON);
    if (waived > 0) messages.push({ level: 'info', field: null, text: `今天以前的 ${waived} 项期限、回访和检查按旧台账导入免除` });
    return {
      summary: `${summaryLine} · ${outcome ? CASE_OUTCOME_LABELS[outcome as 'success'] : '调解中'}`,
      created: [{ entity: 'mediation', id: c.id }, ...created],
      messages,
    };
  },
  ...importedRecords({
    table: 'mediation_case',
    deleteRecord: deleteCase,
    namesPerson:
      'SELECT 1 FROM mediation_party mp JOIN mediation_case c ON c.id = mp.case_id WHERE mp.person_id = ? AND c.deleted_at IS NULL',
  }),
};
