/**
 * The forms of the 司法所工作档案 of a correction subject (REVIEW §5.6), built from the file: the 基本情况表
 * (接收登记), the 报到登记表, the 入矫宣告书, the 报告记录, the 走访、谈话记录 and the 教育学习和公益活动登记. What
 * the file does not hold (signatures, seals) stays blank for the pen. The 入矫宣告书 names what 社区矫正法
 * art. 22 and its 实施办法 have the 宣告 read out; its wording is the office's to adjust in Word.
 */
import { SEX_LABELS } from '../dictionaries';
import {
  CORRECTION_CATEGORY_LABELS,
  EVENT_KIND_LABELS,
  OUTSIDE_GROUND_LABELS,
  PRIOR_RECORD_LABELS,
  type CorrectionEventKind,
} from '../domain/correction-rules';
import type { CorrectionEvent, CorrectionFileView } from '../schemas/correction';
import type { CorrectionEndView } from '../schemas/correction-end';
import type { CorrectionApproval, SupervisionView } from '../schemas/correction-supervision';
import {
  APPROVAL_KIND_LABELS,
  APPROVER_LEVEL_LABELS,
  ASSESS_RESULT_LABELS,
  MONITOR_GROUND_LABELS,
  tripDays,
} from '../domain/correction-supervision';
import { SANCTION_KIND_LABELS, SANCTION_KINDS } from '../domain/correction-sanctions';
import { BLANK_DATE, cnDate, type Block, type Cell, type DocChoice, type DocPart, type DocumentModel } from './model';

export const CORRECTION_DOCS = [
  'basic',
  'reportIn',
  'declaration',
  'team',
  'plan',
  'reports',
  'visits',
  'hours',
  'leave',
  'permits',
  'monitor',
  'sanctions',
  'appraisal',
  'release',
] as const;
export type CorrectionDocKey = (typeof CORRECTION_DOCS)[number];
export const WHOLE_ARCHIVE = 'archive' as const;
export type CorrectionDocRequest = CorrectionDocKey | typeof WHOLE_ARCHIVE;

export const CORRECTION_DOC_TITLES: Record<CorrectionDocRequest, string> = {
  basic: '社区矫正对象基本情况表',
  reportIn: '社区矫正对象报到登记表',
  declaration: '入矫宣告书',
  reports: '社区矫正对象报告记录',
  visits: '走访、谈话记录',
  hours: '教育学习和公益活动登记表',
  team: '矫正小组名单及矫正责任书',
  plan: '矫正方案',
  leave: '外出审批表',
  permits: '会客、进入特定区域（场所）审批告知书',
  monitor: '电子定位审批表',
  sanctions: '考核奖惩记录',
  appraisal: '社区矫正期满鉴定表',
  release: '解除社区矫正宣告书',
  archive: '司法所工作档案（全档）',
};

export interface CorrectionDocContext {
  townshipName: string;
  /** The file's 考核奖惩, 期满鉴定 and end (correction.endView); null while it is not loaded. */
  end: CorrectionEndView | null;
  /** Its 矫正小组, 方案, 审批 and 电子定位 (correction.supervision); null while it is not loaded. */
  supervision: SupervisionView | null;
}

const REPORT_KINDS: readonly CorrectionEventKind[] = ['report', 'health', 'recheck'];
const isTrip = (a: CorrectionApproval) => a.kind === 'leave' || a.kind === 'frequent';
const isPermit = (a: CorrectionApproval) => a.kind === 'visitor' || a.kind === 'place';
/** A permit's days: one day, or from … to …. */
const permitPeriod = (a: CorrectionApproval) =>
  !a.startDate
    ? ''
    : a.endDate && a.endDate !== a.startDate
      ? `，期限自${cnDate(a.startDate)}至${cnDate(a.endDate)}`
      : `，日期为${cnDate(a.startDate)}`;
const byDate = <T extends { date?: string | null; startDate?: string | null; approvalDate?: string | null }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => (a.startDate ?? a.date ?? a.approvalDate ?? '').localeCompare(b.startDate ?? b.date ?? b.approvalDate ?? ''));
const HOURS_KINDS: readonly CorrectionEventKind[] = ['education', 'public'];
const eventsOf = (f: CorrectionFileView, kinds: readonly CorrectionEventKind[]) =>
  f.events.filter((e) => kinds.includes(e.kind)).sort((a, b) => a.date.localeCompare(b.date));

/** Which forms the file can fill; the others are listed with the reason. */
export function correctionDocs(
  f: CorrectionFileView,
  end: CorrectionEndView | null,
  sv: SupervisionView | null = null,
): DocChoice<CorrectionDocRequest>[] {
  const why: Partial<Record<CorrectionDocKey, string>> = {};
  if (!sv?.team.members.length) why.team = '尚未确定矫正小组成员';
  if (!sv?.plans.length) why.plan = '尚无矫正方案';
  if (!sv?.approvals.some(isTrip)) why.leave = '尚无外出审批';
  if (!sv?.approvals.some(isPermit)) why.permits = '尚无会客、进入特定区域（场所）审批';
  if (!sv?.monitors.length) why.monitor = '尚无电子定位记录';
  if (!f.reception.reportDate) why.reportIn = '尚未登记报到';
  if (!f.reception.declarationDate) why.declaration = '尚未登记入矫宣告';
  if (!end?.sanctions.length) why.sanctions = '尚无考核奖惩记录';
  if (!end?.appraisal) why.appraisal = '尚未登记期满鉴定';
  if (end?.end?.kind !== 'release') why.release = '尚未解除社区矫正';
  return [...CORRECTION_DOCS, WHOLE_ARCHIVE].map((key) => {
    const reason = key === WHOLE_ARCHIVE ? undefined : why[key];
    return reason
      ? { key, title: CORRECTION_DOC_TITLES[key], ready: false, why: reason }
      : { key, title: CORRECTION_DOC_TITLES[key], ready: true };
  });
}

const label = (text: string, span?: number): Cell => ({ text, label: true, span });
const value = (text: string | null | undefined, span?: number, lines?: number): Cell => ({ text: text ?? '', span, lines });
const dateText = (d: string | null | undefined) => (d ? cnDate(d) : '');
const W4 = [22, 28, 22, 28];

/** One sheet of the file: the title and the township line, a four-column table, then what follows it. */
function sheet(f: CorrectionFileView, ctx: CorrectionDocContext, title: string, rows: Cell[][], after: Block[] = []): DocPart[] {
  return [{ title, blocks: [...head(f, ctx, title), { kind: 'table', widths: W4, rows }, ...after] }];
}

function category(f: CorrectionFileView): string {
  const c = CORRECTION_CATEGORY_LABELS[f.category];
  return f.ground ? `${c}（${OUTSIDE_GROUND_LABELS[f.ground]}）` : c;
}

function penalty(f: CorrectionFileView): string {
  return `${f.penaltyType}${f.penaltyTerm ?? ''}${f.additionalPenalty ? `，附加${f.additionalPenalty}` : ''}`;
}

function head(f: CorrectionFileView, ctx: CorrectionDocContext, title: string): Block[] {
  return [
    { kind: 'title', text: title },
    { kind: 'line', text: `${ctx.townshipName}司法所　　　　姓名：${f.person.name}`, align: 'center' },
  ];
}

/** Dated records as a table, with a few blank rows left for the pen. */
function eventTable(rows: CorrectionEvent[], headers: string[], widths: number[], cells: (e: CorrectionEvent) => string[]): Block {
  const body = rows.map((e, i): Cell[] => [value(String(i + 1)), ...cells(e).map((t) => value(t))]);
  const blank = Array.from({ length: 3 }, (): Cell[] =>
    headers.map((_, i) => value('', undefined, i === headers.length - 2 ? 2 : undefined)),
  );
  return { kind: 'table', widths, rows: [headers.map((h) => label(h)), ...body, ...blank] };
}

function parts(f: CorrectionFileView, ctx: CorrectionDocContext, key: CorrectionDocKey): DocPart[] {
  const r = f.reception;
  const title = CORRECTION_DOC_TITLES[key];
  switch (key) {
    case 'basic':
      return [
        {
          title,
          blocks: [
            ...head(f, ctx, title),
            {
              kind: 'table',
              widths: W4,
              rows: [
                [label('姓名'), value(f.person.name), label('性别'), value(f.person.sex ? SEX_LABELS[f.person.sex] : '')],
                [label('曾用名'), value(f.formerName), label('文化程度'), value(f.education)],
                [label('公民身份号码'), value(f.person.idNumber, 3)],
                [label('婚姻状况'), value(f.marital), label('联系电话'), value(f.phone)],
                [label('就业（就学）情况'), value(f.employment, 3)],
                [label('居住地'), value(f.person.address, 3)],
                [label('执行地'), value(f.villageName), label('前科、累犯'), value(PRIOR_RECORD_LABELS[f.priorRecord])],
                [label('矫正类别'), value(category(f)), label('罪名'), value(f.crime)],
                [label('原判刑罚'), value(penalty(f), 3)],
                [
                  label('禁止令'),
                  value(
                    f.prohibition
                      ? `${f.prohibition}${f.prohibitionStart ? `（${f.prohibitionStart}至${f.prohibitionEnd ?? ''}）` : ''}`
                      : '无',
                    3,
                  ),
                ],
                [label('决定机关'), value(f.decisionOrgan), label('文书'), value(`${f.documentType} ${f.documentNumber}`)],
                [label('生效日期'), value(cnDate(f.effectiveDate)), label('法律文书收到日期'), value(dateText(f.receivedDate))],
                [label('矫正期限'), value(`${cnDate(f.termStart)}至${cnDate(f.termEnd)}`, 3)],
                [label('管理等级'), value(f.levelName), label('责任人'), value(f.responsibleName)],
                [label('备注'), value(f.notes, 3, 3)],
              ],
            },
            { kind: 'sign', label: '填表人（签名）：', date: BLANK_DATE },
          ],
        },
      ];
    case 'reportIn':
      return [
        {
          title,
          blocks: [
            ...head(f, ctx, title),
            {
              kind: 'table',
              widths: W4,
              rows: [
                [label('姓名'), value(f.person.name), label('矫正类别'), value(category(f))],
                [label('决定机关'), value(f.decisionOrgan), label('生效日期'), value(cnDate(f.effectiveDate))],
                [
                  label('法律文书收到日期'),
                  value(dateText(f.receivedDate)),
                  label(f.category === 'outside' ? '交付接收期限' : '报到期限'),
                  value(dateText(r.deadline)),
                ],
                [
                  label(f.category === 'outside' ? '交付接收日期' : '报到日期'),
                  value(dateText(r.reportDate)),
                  label('报到情况'),
                  value(r.reportState),
                ],
                [label('说明'), value(r.reportNote, 3, 3)],
              ],
            },
            { kind: 'sign', label: '社区矫正对象（签名）：', date: r.reportDate ? cnDate(r.reportDate) : BLANK_DATE },
            { kind: 'sign', label: '接收人（签名）：', date: r.reportDate ? cnDate(r.reportDate) : BLANK_DATE },
          ],
        },
      ];
    case 'declaration': {
      const items = [
        `你因犯${f.crime}，经${f.decisionOrgan}以${f.documentNumber}${f.documentType}判处${penalty(f)}，依法实行社区矫正，矫正类别为${category(f)}。`,
        `社区矫正期限自${cnDate(f.termStart)}起至${cnDate(f.termEnd)}止。`,
        '在社区矫正期间，你应当遵守法律、行政法规，履行判决、裁定、暂予监外执行决定等法律文书确定的义务，遵守关于报告、会客、外出、迁居、保外就医等监督管理规定，服从社区矫正机构的管理。',
        ...(f.prohibition
          ? [
              `你应当遵守禁止令：${f.prohibition}${f.prohibitionStart ? `（${cnDate(f.prohibitionStart)}至${cnDate(f.prohibitionEnd)}）` : ''}。`,
            ]
          : []),
        '你如违反监督管理规定，将视情节依法受到训诫、警告、提请治安管理处罚；情节严重的，依法提请撤销缓刑、撤销假释或者对暂予监外执行的收监执行。',
        '你依法享有的人身权利、财产权利和其他权利不受侵犯，在就业、就学和享受社会保障等方面不受歧视。',
      ];
      const cn = ['一', '二', '三', '四', '五', '六', '七'];
      return [
        {
          title,
          blocks: [
            { kind: 'title', text: title },
            { kind: 'para', text: `社区矫正对象${f.person.name}：`, indent: false },
            { kind: 'para', text: '根据《中华人民共和国社区矫正法》第二十二条的规定，现对你进行入矫宣告：' },
            ...items.map((text, i): Block => ({ kind: 'para', text: `${cn[i]}、${text}` })),
            { kind: 'para', text: `宣告人：${r.declarationHost ?? ''}` },
            { kind: 'para', text: `参加人员：${r.declarationAttendees ?? ''}` },
            { kind: 'gap', lines: 1 },
            { kind: 'sign', label: `${ctx.townshipName}司法所（盖章）：`, date: dateText(r.declarationDate) || BLANK_DATE },
            { kind: 'sign', label: '社区矫正对象（签名）：', date: dateText(r.declarationDate) || BLANK_DATE },
          ],
        },
      ];
    }
    case 'reports':
      return [
        {
          title,
          blocks: [
            ...head(f, ctx, title),
            eventTable(eventsOf(f, REPORT_KINDS), ['序号', '日期', '类别', '方式', '内容', '接收人'], [8, 17, 16, 14, 33, 12], (e) => [
              cnDate(e.date),
              EVENT_KIND_LABELS[e.kind],
              e.method ?? '',
              e.content,
              e.staff ?? '',
            ]),
          ],
        },
      ];
    case 'visits':
      return [
        {
          title,
          blocks: [
            ...head(f, ctx, title),
            eventTable(eventsOf(f, ['visit']), ['序号', '日期', '方式', '情况', '走访（谈话）人'], [8, 18, 16, 42, 16], (e) => [
              cnDate(e.date),
              e.method ?? '',
              e.content,
              e.staff ?? '',
            ]),
          ],
        },
      ];
    case 'hours': {
      const totals = f.hours.flatMap((h) =>
        h.months.map((m): Cell[] => [
          value(`${m.month.replace('-', '年')}月`),
          value(EVENT_KIND_LABELS[h.kind]),
          value(`${m.hours}小时`),
          value(`${m.target}小时`),
          value(m.reachedOn ? '已完成' : '未完成'),
        ]),
      );
      return [
        {
          title,
          blocks: [
            ...head(f, ctx, title),
            eventTable(eventsOf(f, HOURS_KINDS), ['序号', '日期', '类别', '时数', '内容', '组织人'], [8, 17, 14, 10, 37, 14], (e) => [
              cnDate(e.date),
              EVENT_KIND_LABELS[e.kind],
              e.hours === null ? '' : `${e.hours}小时`,
              e.content,
              e.staff ?? '',
            ]),
            { kind: 'heading', text: '每月时数' },
            {
              kind: 'table',
              widths: [20, 20, 20, 20, 20],
              rows: [
                [label('月份'), label('类别'), label('完成时数'), label('应完成时数'), label('情况')],
                ...(totals.length ? totals : [[value('尚无记录', 5)]]),
              ],
            },
          ],
        },
      ];
    }
    case 'team': {
      const team = ctx.supervision?.team;
      return [
        {
          title,
          blocks: [
            ...head(f, ctx, title),
            {
              kind: 'table',
              widths: [9, 20, 30, 11, 30],
              rows: [
                [label('序号'), label('姓名'), label('身份'), label('性别'), label('联系电话')],
                ...(team?.members ?? []).map((m, i): Cell[] => [
                  value(String(i + 1)),
                  value(m.name),
                  value(m.role),
                  value(m.sex ? SEX_LABELS[m.sex] : ''),
                  value(m.phone),
                ]),
              ],
            },
            { kind: 'heading', text: '矫正责任书' },
            {
              kind: 'para',
              text: `为帮助社区矫正对象${f.person.name}顺利完成社区矫正，依照《中华人民共和国社区矫正法》第二十五条的规定，成立矫正小组。矫正小组成员应当督促其遵守法律法规和监督管理规定，了解掌握其活动情况和行为表现，帮助其解决就业、生活和心理等方面的困难，发现异常情况及时向司法所报告。`,
            },
            { kind: 'sign', label: `${ctx.townshipName}司法所（盖章）：`, date: dateText(team?.pledgeDate) || BLANK_DATE },
            { kind: 'sign', label: '矫正小组成员（签名）：', date: dateText(team?.pledgeDate) || BLANK_DATE },
            { kind: 'sign', label: '社区矫正对象（签名）：', date: dateText(team?.pledgeDate) || BLANK_DATE },
          ],
        },
      ];
    }
    case 'plan': {
      const plans = byDate(ctx.supervision?.plans ?? []);
      const current = plans[plans.length - 1];
      return sheet(
        f,
        ctx,
        title,
        [
          [label('矫正类别'), value(category(f)), label('管理等级'), value(f.levelName)],
          [label('矫正期限'), value(`${cnDate(f.termStart)}至${cnDate(f.termEnd)}`, 3)],
          [label('方案日期'), value(dateText(current?.date), 3)],
          [label('矫正方案'), value(current?.content, 3, 10)],
        ],
        [
          ...(plans.length > 1
            ? [
                { kind: 'heading' as const, text: '方案调整情况' },
                {
                  kind: 'table' as const,
                  widths: [10, 25, 65],
                  rows: [
                    [label('版次'), label('日期'), label('调整原因')],
                    ...plans.map((p, i): Cell[] => [value(String(i + 1)), value(cnDate(p.date)), value(i === 0 ? '首次制定' : p.reason)]),
                  ],
                },
              ]
            : []),
          { kind: 'sign', label: '制定人（签名）：', date: dateText(current?.date) || BLANK_DATE },
        ],
      );
    }
    case 'leave':
      return byDate((ctx.supervision?.approvals ?? []).filter(isTrip)).map(
        (a): DocPart => ({
          title: `${title}（${a.startDate ?? ''}）`,
          blocks: [
            ...head(f, ctx, a.kind === 'frequent' ? '经常性跨市县活动审批表' : title),
            {
              kind: 'table',
              widths: W4,
              rows: [
                [label('姓名'), value(f.person.name), label('矫正类别'), value(category(f))],
                [label('申请日期'), value(dateText(a.applyDate)), label('事项'), value(APPROVAL_KIND_LABELS[a.kind])],
                [label('目的地'), value(a.destination, 3)],
                [label('事由'), value(a.reason, 3, 2)],
                [
                  label('起止日期'),
                  value(a.startDate ? `${cnDate(a.startDate)}至${cnDate(a.endDate)}` : ''),
                  label('天数'),
                  value(a.startDate && a.endDate ? `${tripDays(a.startDate, a.endDate)}日` : ''),
                ],
                [label('证明材料'), value(a.papers, 3)],
                [
                  label('审批机关'),
                  value(a.approverLevel ? APPROVER_LEVEL_LABELS[a.approverLevel] : ''),
                  label('审批人、日期'),
                  value([a.approver, dateText(a.approvalDate)].filter(Boolean).join('，')),
                ],
                [label('销假日期'), value(dateText(a.returnDate)), label('备注'), value(a.note)],
              ],
            },
            { kind: 'sign', label: '社区矫正对象（签名）：', date: dateText(a.applyDate) || BLANK_DATE },
            { kind: 'sign', label: `${ctx.townshipName}司法所（盖章）：`, date: dateText(a.approvalDate) || BLANK_DATE },
          ],
        }),
      );
    case 'permits':
      return byDate((ctx.supervision?.approvals ?? []).filter(isPermit)).map(
        (a): DocPart => ({
          title: `${title}（${APPROVAL_KIND_LABELS[a.kind]}）`,
          blocks: [
            { kind: 'title', text: `社区矫正事项审批告知书（${APPROVAL_KIND_LABELS[a.kind]}）` },
            { kind: 'para', text: `社区矫正对象${f.person.name}：`, indent: false },
            {
              kind: 'para',
              text: `你于${cnDate(a.applyDate ?? a.approvalDate)}申请${APPROVAL_KIND_LABELS[a.kind]}${a.destination ? `（${a.destination}）` : ''}${a.reason ? `，事由：${a.reason}` : ''}。经审核，${a.approverLevel ? APPROVER_LEVEL_LABELS[a.approverLevel] : ''}予以批准${permitPeriod(a)}。请你遵守有关监督管理规定，如实报告有关情况。`,
            },
            { kind: 'sign', label: `${ctx.townshipName}司法所（盖章）：`, date: dateText(a.approvalDate) || BLANK_DATE },
            { kind: 'sign', label: '社区矫正对象（签收）：', date: BLANK_DATE },
          ],
        }),
      );
    case 'monitor':
      return byDate(ctx.supervision?.monitors ?? []).map(
        (m): DocPart => ({
          title: `${title}（${m.startDate}）`,
          blocks: [
            ...head(f, ctx, title),
            {
              kind: 'table',
              widths: W4,
              rows: [
                [label('姓名'), value(f.person.name), label('矫正类别'), value(category(f))],
                [label('适用情形'), value(`${MONITOR_GROUND_LABELS[m.ground]}（社区矫正法第二十九条）`, 3, 2)],
                [label('批准人'), value(m.approver), label('批准日期'), value(cnDate(m.approvalDate))],
                [label('文号'), value(m.documentNumber), label('期限'), value(`${cnDate(m.startDate)}至${cnDate(m.endDate)}`)],
                [
                  label('延长评估'),
                  value(
                    m.assessments
                      .map((x) => `${cnDate(x.date)}：${ASSESS_RESULT_LABELS[x.result]}${x.newEnd ? `，延长至${cnDate(x.newEnd)}` : ''}`)
                      .join('\n') || '无',
                    3,
                    2,
                  ),
                ],
                [label('现期限至'), value(cnDate(m.currentEnd)), label('解除日期'), value(dateText(m.removalDate))],
              ],
            },
            { kind: 'para', text: '电子定位获得的信息应当严格保密，只能用于社区矫正工作（社区矫正法第二十九条）。', indent: false },
          ],
        }),
      );
    case 'sanctions': {
      const list = [...(ctx.end?.sanctions ?? [])].sort((a, b) => a.checkDate.localeCompare(b.checkDate));
      return [
        {
          title,
          blocks: [
            ...head(f, ctx, title),
            {
              kind: 'table',
              widths: [7, 14, 11, 26, 22, 20],
              rows: [
                [label('序号'), label('调查核实日期'), label('种类'), label('事由'), label('调查核实情况'), label('县级决定日期及文号')],
                ...list.map((x, i): Cell[] => [
                  value(String(i + 1)),
                  value(cnDate(x.checkDate)),
                  value(SANCTION_KIND_LABELS[x.kind]),
                  value(x.reasonText),
                  value(x.checkFacts),
                  value([dateText(x.decisionDate), x.decisionNumber].filter(Boolean).join('\n')),
                ]),
              ],
            },
            { kind: 'para', text: '训诫、警告等决定由县级社区矫正机构作出；本表记录司法所的调查核实情况及决定文号。', indent: false },
          ],
        },
      ];
    }
    case 'appraisal': {
      const a = ctx.end?.appraisal;
      const counts = SANCTION_KINDS.map((k) => [k, (ctx.end?.sanctions ?? []).filter((x) => x.kind === k).length] as const)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${SANCTION_KIND_LABELS[k]}${n}次`)
        .join('，');
      return sheet(
        f,
        ctx,
        title,
        [
          [label('姓名'), value(f.person.name), label('性别'), value(f.person.sex ? SEX_LABELS[f.person.sex] : '')],
          [label('矫正类别'), value(category(f)), label('罪名'), value(f.crime)],
          [label('原判刑罚'), value(penalty(f), 3)],
          [label('矫正期限'), value(`${cnDate(f.termStart)}至${cnDate(f.termEnd)}`, 3)],
          [label('个人总结日期'), value(dateText(a?.summaryDate)), label('鉴定日期'), value(dateText(a?.appraisalDate))],
          [label('奖惩情况'), value(counts || '无', 3)],
          [label('司法所鉴定意见'), value(a?.opinion, 3, 8)],
        ],
        [{ kind: 'sign', label: `${ctx.townshipName}司法所（盖章）：`, date: a ? cnDate(a.appraisalDate) : BLANK_DATE }],
      );
    }
    case 'release': {
      const e = ctx.end?.end;
      return [
        {
          title,
          blocks: [
            { kind: 'title', text: title },
            { kind: 'para', text: `社区矫正对象${f.person.name}：`, indent: false },
            {
              kind: 'para',
              text: `你因犯${f.crime}，经${f.decisionOrgan}以${f.documentNumber}${f.documentType}判处${penalty(f)}，于${cnDate(f.termStart)}起在本辖区接受社区矫正。`,
            },
            {
              kind: 'para',
              text: `根据《中华人民共和国社区矫正法》第四十四条的规定，你的社区矫正期限至${cnDate(f.termEnd)}${e?.reason === 'pardon' ? '，现经特赦' : '届满'}，依法解除社区矫正${e?.words ? `，${e.words}` : ''}。`,
            },
            ...(e?.documentNumber ? [{ kind: 'para' as const, text: `解除社区矫正证明书编号：${e.documentNumber}` }] : []),
            { kind: 'para', text: `宣告人：${e?.declarationHost ?? ''}` },
            { kind: 'para', text: `参加人员：${e?.declarationAttendees ?? ''}` },
            { kind: 'gap', lines: 1 },
            { kind: 'sign', label: `${ctx.townshipName}司法所（盖章）：`, date: dateText(e?.declarationDate ?? e?.date) || BLANK_DATE },
            { kind: 'sign', label: '社区矫正对象（签名）：', date: dateText(e?.declarationDate ?? e?.date) || BLANK_DATE },
          ],
        },
      ];
    }
  }
}

export function buildCorrectionDocument(f: CorrectionFileView, ctx: CorrectionDocContext, request: CorrectionDocRequest): DocumentModel {
  const ready = new Set(
    correctionDocs(f, ctx.end, ctx.supervision)
      .filter((d) => d.ready)
      .map((d) => d.key),
  );
  const keys = request === WHOLE_ARCHIVE ? CORRECTION_DOCS.filter((k) => ready.has(k)) : [request];
  return { name: `${f.person.name} ${CORRECTION_DOC_TITLES[request]}`, parts: keys.flatMap((k) => parts(f, ctx, k)) };
}
