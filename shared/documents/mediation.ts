/**
 * The forms of a people's-mediation case file (CONTRIBUTING.md, DOMAIN §1.7), built from the case record.
 * Fields the record does not hold (signatures, 立卷人, 保管期限 …) stay blank for the pen, as on
 * the paper forms. Wording of fixed clauses follows 人民调解法 arts. 23–24, 29–33.
 */
import { PARTY_ROLE_LABELS, SEX_LABELS, type PartyRole } from '../dictionaries';
import {
  AGENT_AUTHORITY_LABELS,
  AGREEMENT_FORM_FULL_LABELS,
  CASE_ORIGIN_LABELS,
  ENTRUSTED_ORIGINS,
  guidanceText,
  LABOUR_CATEGORY,
  LABOUR_PAYMENT_ORDER_TEXT,
  PERFORMANCE_STATE_LABELS,
  REGISTER_ORIGINS,
  REPORT_UNIT_KIND_LABELS,
  TERMINATION_REASON_LABELS,
} from '../domain/mediation';
import type { AttachmentKind } from '../schemas/attachments';
import type { EscalationReport, MediationCase, MediationParty, MediationRecord, ReturnVisit } from '../schemas/mediation';
import { ESCALATION_DUTY_TEXT } from '../schemas/reference';
import { cnAmount, cnDate, type Block, type Cell, type DocChoice, type DocPart, type DocumentModel } from './model';

export const MEDIATION_DOCS = [
  'application',
  'register',
  'notice',
  'investigation',
  'session',
  'report',
  'agreement',
  'oral',
  'visit',
  'cover',
  'contents',
  'backCover',
] as const;
export type MediationDocKey = (typeof MEDIATION_DOCS)[number];
/** The whole case file in the standard order. */
export const DOSSIER = 'dossier' as const;
export type MediationDocRequest = MediationDocKey | typeof DOSSIER;

export const MEDIATION_DOC_TITLES: Record<MediationDocRequest, string> = {
  application: '人民调解申请书',
  register: '人民调解受理登记表',
  notice: '人民调解当事人权利义务告知书',
  investigation: '人民调解调查记录',
  session: '人民调解记录',
  report: '纠纷激化报告记录',
  agreement: '人民调解协议书',
  oral: '口头调解协议登记表',
  visit: '人民调解回访记录',
  cover: '卷宗封面',
  contents: '卷内目录',
  backCover: '卷内备考表（封底）',
  dossier: '人民调解卷宗（全卷）',
};

/** What the builder needs besides the case: names the case stores as codes, and the papers attached to it. */
export interface MediationDocContext {
  categoryLabel: string;
  /** How many live attachments of each kind the case has (the 卷内目录 lists the papers they are). */
  attachments: Partial<Record<AttachmentKind, number>>;
}

/** Which documents the record can fill; the others are listed with the reason they are not ready. */
export function availableDocs(c: MediationCase): DocChoice<MediationDocRequest>[] {
  const why: Partial<Record<MediationDocKey, string>> = {};
  if (!records(c, 'investigation').length) why.investigation = '尚无调查记录';
  if (!records(c, 'session').length) why.session = '尚无调解记录';
  if (!c.reports.length) why.report = '尚无纠纷激化报告';
  if (c.agreement?.form !== 'written') why.agreement = '尚无书面调解协议';
  if (c.agreement?.form !== 'oral') why.oral = '尚无口头协议';
  if (!doneVisits(c).length) why.visit = '尚无已完成的回访';
  return [...MEDIATION_DOCS, DOSSIER].map((key) => {
    const reason = key === DOSSIER ? undefined : why[key];
    return reason
      ? { key, title: MEDIATION_DOC_TITLES[key], ready: false, why: reason }
      : { key, title: MEDIATION_DOC_TITLES[key], ready: true };
  });
}

export function buildMediationDocument(c: MediationCase, ctx: MediationDocContext, request: MediationDocRequest): DocumentModel {
  const b = new Builder(c, ctx);
  const keys = request === DOSSIER ? dossierOrder(c) : [request];
  const parts = keys.flatMap((k) => b.parts(k));
  const name = request === DOSSIER ? `${c.caseNo} 人民调解卷宗` : `${c.caseNo} ${MEDIATION_DOC_TITLES[request]}`;
  return { name, parts };
}

/**
 * The standard order of DOMAIN §1.7 (CONTRIBUTING.md), keeping only what this case has. The standard
 * list has no 纠纷激化报告 (REVIEW §2.1): it follows the mediation records it arose from [DERIVED].
 */
export function dossierOrder(c: MediationCase): MediationDocKey[] {
  const ready = new Set(
    availableDocs(c)
      .filter((d) => d.ready)
      .map((d) => d.key),
  );
  const first: MediationDocKey = c.origin === 'application' ? 'application' : 'register';
  const order: MediationDocKey[] = [
    'cover',
    'contents',
    first,
    'notice',
    'investigation',
    'session',
    'report',
    'agreement',
    'oral',
    'visit',
    'backCover',
  ];
  return order.filter((k) => ready.has(k));
}

function records(c: MediationCase, kind: MediationRecord['kind']): MediationRecord[] {
  return c.records.filter((r) => r.kind === kind).sort((a, b) => a.date.localeCompare(b.date));
}

function doneVisits(c: MediationCase): ReturnVisit[] {
  return c.visits.filter((v) => v.visitDate).sort((a, b) => (a.visitDate ?? '').localeCompare(b.visitDate ?? ''));
}

function ageAt(birthDate: string | null, on: string): string {
  if (!birthDate) return '';
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
  return age >= 0 ? `${age}岁` : '';
}

const label = (text: string, span = 1): Cell => ({ text, label: true, span });
const value = (text: string, span = 1, lines?: number): Cell => (lines ? { text, span, lines } : { text, span });

class Builder {
  constructor(
    private readonly c: MediationCase,
    private readonly ctx: MediationDocContext,
  ) {}

  private byRole(role: PartyRole): MediationParty[] {
    return this.c.parties.filter((p) => p.role === role);
  }

  private names(role: PartyRole): string {
    return this.byRole(role)
      .map((p) => p.name)
      .join('、');
  }

  /** 张三与李四邻里纠纷 — the 卷名 and the 事由 of records. */
  private get disputeName(): string {
    const a = this.names('applicant') || this.c.parties[0]?.name || '';
    const r = this.names('respondent');
    return r ? `${a}与${r}${this.ctx.categoryLabel}` : `${a}${this.ctx.categoryLabel}`;
  }

  private get allParties(): string {
    return (['applicant', 'respondent', 'third_party'] as const)
      .filter((role) => this.byRole(role).length)
      .map((role) => `${PARTY_ROLE_LABELS[role]}：${this.names(role)}`)
      .join('；');
  }

  private get mediators(): string {
    return this.c.mediators.map((m) => m.name).join('、');
  }

  parts(key: MediationDocKey): DocPart[] {
    switch (key) {
      case 'application':
        return [this.application()];
      case 'register':
        return [this.register()];
      case 'notice':
        return [this.notice()];
      case 'investigation':
        return records(this.c, 'investigation').map((r) => this.investigation(r));
      case 'session':
        return records(this.c, 'session').map((r) => this.session(r));
      case 'report':
        return this.c.reports.map((r) => this.report(r));
      case 'agreement':
        return this.c.agreement?.form === 'written' ? [this.agreement()] : [];
      case 'oral':
        return this.c.agreement?.form === 'oral' ? [this.oral()] : [];
      case 'visit':
        return doneVisits(this.c).map((v) => this.visit(v));
      case 'cover':
        return [this.cover()];
      case 'contents':
        return [this.contents()];
      case 'backCover':
        return [this.backCover()];
    }
  }

  private personRows(p: MediationParty, roleLabel: string): Cell[][] {
    return [
      [
        { text: roleLabel, label: true, rowSpan: 3 },
        label('姓名'),
        value(p.name),
        label('性别'),
        value(p.sex ? SEX_LABELS[p.sex] : ''),
        label('民族'),
        value(p.ethnicity ?? ''),
        label('年龄'),
        value(ageAt(p.birthDate, this.c.acceptedDate)),
      ],
      [label('职业或职务'), value(p.occupation ?? '', 2), label('联系方式', 2), value(p.phone ?? '', 3)],
      [label('单位或住址'), value([p.workUnit, p.address].filter(Boolean).join('；'), 7)],
    ];
  }

  private application(): DocPart {
    const rows: Cell[][] = [];
    for (const p of this.byRole('applicant')) rows.push(...this.personRows(p, '申请人'));
    for (const p of [...this.byRole('respondent'), ...this.byRole('third_party')])
      rows.push(...this.personRows(p, PARTY_ROLE_LABELS[p.role]));
    rows.push([label('纠纷简要情况', 2), value(this.c.summary, 7, 5)]);
    rows.push([label('申请事项', 2), value('', 7, 4)]);
    return {
      title: MEDIATION_DOC_TITLES.application,
      blocks: [
        { kind: 'title', text: MEDIATION_DOC_TITLES.application },
        { kind: 'table', widths: [7, 16, 14, 9, 7, 9, 10, 9, 9], rows },
        {
          kind: 'para',
          text: '人民调解委员会已向本人告知人民调解的性质、原则、效力以及当事人在调解活动中享有的权利和承担的义务。本人自愿申请人民调解委员会进行调解。',
        },
        { kind: 'sign', label: '申请人（签名、盖章或者按指印）：', date: cnDate(null) },
      ],
    };
  }

  private register(): DocPart {
    const c = this.c;
    // The form's two options (REVIEW row 9), and below them the body that entrusted or handed over the case.
    const origins = REGISTER_ORIGINS.map((o, i) => `${o === c.origin ? '☑' : '☐'}${'①②'[i]}${CASE_ORIGIN_LABELS[o]}`).join('　');
    const entrusted = ENTRUSTED_ORIGINS.includes(c.origin);
    const sender = entrusted ? `${CASE_ORIGIN_LABELS[c.origin]}：${c.senderUnit ?? ''}` : '';
    const a = this.names('applicant') || c.parties[0]?.name || '';
    const r = this.names('respondent');
    return {
      title: MEDIATION_DOC_TITLES.register,
      blocks: [
        { kind: 'title', text: MEDIATION_DOC_TITLES.register },
        { kind: 'line', text: `卷号：${c.caseNo}`, align: 'right' },
        {
          kind: 'table',
          widths: [22, 78],
          rows: [
            [label('受理日期'), value(cnDate(c.acceptedDate))],
            [label('当事人'), value(this.allParties)],
            [
              label('受理事项'),
              value(r ? `经当事人同意，本委员会受理调解${a}与${r}之间的纠纷。` : `经当事人同意，本委员会受理调解${a}的纠纷。`),
            ],
            [label('纠纷类型'), value(this.ctx.categoryLabel)],
            [label('案件来源'), value(origins)],
            [label('移送/委托单位'), value(sender)],
            [label('纠纷简要情况'), value(c.summary, 1, 6)],
            [label('涉及金额'), value(cnAmount(c.amountYuan))],
            [label('调解组织'), value(c.committeeName)],
            [label('人民调解员'), value(this.mediators)],
            [label('当事人签名'), value('', 1, 2)],
            [label('登记人'), value('', 1, 1)],
          ],
        },
        { kind: 'sign', label: `${c.committeeName}（盖章）`, date: cnDate(c.acceptedDate) },
      ],
    };
  }

  private notice(): DocPart {
    const text = [
      '人民调解委员会是依法设立的调解民间纠纷的群众性组织。人民调解委员会调解民间纠纷，遵循在当事人自愿、平等的基础上进行调解，不违背法律、法规和国家政策，尊重当事人的权利、不得因调解而阻止当事人依法通过仲裁、行政、司法等途径维护自己权利的原则，不收取任何费用。',
      '经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。',
    ];
    const rights = [
      '选择或者接受人民调解员；',
      '接受调解、拒绝调解或者要求终止调解；',
      '要求调解公开进行或者不公开进行；',
      '自主表达意愿、自愿达成调解协议。',
    ];
    const duties = ['如实陈述纠纷事实；', '遵守调解现场秩序，尊重人民调解员；', '尊重对方当事人行使权利。'];
    const signs: Block[] = this.c.parties.map((p) => ({
      kind: 'sign',
      label: `${PARTY_ROLE_LABELS[p.role]}（签名、盖章或者按指印）：`,
      date: cnDate(null),
    }));
    return {
      title: MEDIATION_DOC_TITLES.notice,
      blocks: [
        { kind: 'title', text: MEDIATION_DOC_TITLES.notice },
        ...text.map((t): Block => ({ kind: 'para', text: t })),
        { kind: 'heading', text: '一、当事人在人民调解活动中享有下列权利' },
        { kind: 'para', text: rights.map((t, i) => `（${'一二三四'[i]}）${t}`).join('') },
        { kind: 'heading', text: '二、当事人在人民调解活动中履行下列义务' },
        { kind: 'para', text: duties.map((t, i) => `（${'一二三'[i]}）${t}`).join('') },
        ...signs,
      ],
    };
  }

  private investigation(r: MediationRecord): DocPart {
    return {
      title: `${MEDIATION_DOC_TITLES.investigation}（${cnDate(r.date)}）`,
      blocks: [
        { kind: 'title', text: MEDIATION_DOC_TITLES.investigation },
        {
          kind: 'table',
          widths: [18, 32, 18, 32],
          rows: [
            [label('时间'), value(cnDate(r.date)), label('地点'), value(r.place ?? '')],
            [label('调查人'), value(this.mediators), label('记录人'), value('')],
            [label('被调查人及参加人'), value(r.participants, 3)],
            [label('调查事由'), value(this.disputeName, 3)],
            [label('调查内容'), value(r.content, 3, 10)],
            [label('下一步工作'), value(r.nextStep ?? '', 3)],
          ],
        },
        { kind: 'sign', label: '被调查人（签名、盖章或者按指印）：', date: cnDate(null) },
        { kind: 'sign', label: '调查人（签名）：', date: cnDate(null) },
        { kind: 'sign', label: '记录人（签名）：', date: cnDate(null) },
      ],
    };
  }

  private session(r: MediationRecord): DocPart {
    return {
      title: `${MEDIATION_DOC_TITLES.session}（${cnDate(r.date)}）`,
      blocks: [
        { kind: 'title', text: MEDIATION_DOC_TITLES.session },
        {
          kind: 'table',
          widths: [18, 32, 18, 32],
          rows: [
            [label('时间'), value(cnDate(r.date)), label('地点'), value(r.place ?? '')],
            [label('事由'), value(this.disputeName, 3)],
            [label('当事人'), value(this.allParties, 3)],
            [label('参加人'), value(r.participants, 3)],
            [label('人民调解员'), value(this.mediators), label('记录人'), value('')],
            [label('调解情况'), value(r.content, 3, 10)],
            [label('下一步'), value(r.nextStep ?? '', 3)],
          ],
        },
        { kind: 'para', text: '以上记录已经当事人阅读（或者向其宣读），确认无误。' },
        { kind: 'sign', label: '当事人（签名、盖章或者按指印）：', date: cnDate(null) },
        { kind: 'sign', label: '人民调解员（签名）：', date: cnDate(null) },
        { kind: 'sign', label: '记录人（签名）：', date: cnDate(null) },
      ],
    };
  }

  /**
   * 纠纷激化报告记录 (人民调解法 art. 25, REVIEW §2.1): no national form exists; the fields are the ones
   * the duty names — when, to whom, who received it, what was reported and the preventive steps taken.
   */
  private report(r: EscalationReport): DocPart {
    return {
      title: `${MEDIATION_DOC_TITLES.report}（${cnDate(r.date)}）`,
      blocks: [
        { kind: 'title', text: MEDIATION_DOC_TITLES.report },
        { kind: 'line', text: `卷号：${this.c.caseNo}`, align: 'right' },
        {
          kind: 'table',
          widths: [18, 32, 18, 32],
          rows: [
            [label('报告时间'), value(cnDate(r.date)), label('报告人'), value(this.mediators)],
            [label('事由'), value(this.disputeName, 3)],
            [label('当事人'), value(this.allParties, 3)],
            [label('报告对象'), value(`${REPORT_UNIT_KIND_LABELS[r.unitKind]}：${r.unit}`), label('接收人'), value(r.receiver)],
            [label('报告内容'), value(r.content, 3, 6)],
            [label('采取的预防措施'), value(r.measures, 3, 6)],
          ],
        },
        { kind: 'para', text: ESCALATION_DUTY_TEXT },
        { kind: 'sign', label: '报告人（签名）：', date: cnDate(r.date) },
      ],
    };
  }

  /**
   * A party as the MOJ forms print it (REVIEW row 10): 姓名、性别、民族、出生、身份号码、职业或职务、工作单位、
   * 住址、联系方式; a unit by its name, 统一社会信用代码, 住所 and 法定代表人（负责人）.
   */
  private partyLine(p: MediationParty): string {
    const bits =
      p.kind === 'organisation'
        ? [
            p.name,
            p.creditCode ? `统一社会信用代码${p.creditCode}` : null,
            p.address ? `住所${p.address}` : null,
            p.legalRep ? `法定代表人（负责人）${p.legalRep}` : null,
            p.phone ? `联系电话${p.phone}` : null,
          ]
        : [
            p.name,
            p.sex ? SEX_LABELS[p.sex] : null,
            p.ethnicity,
            p.birthDate ? `${cnDate(p.birthDate)}出生` : null,
            p.idNumber ? `公民身份号码${p.idNumber}` : null,
            p.occupation,
            p.workUnit ? `工作单位${p.workUnit}` : null,
            p.address ? `住${p.address}` : null,
            p.phone ? `联系电话${p.phone}` : null,
          ];
    const agents = p.agents.map(
      (a) =>
        `委托代理人：${[a.name, AGENT_AUTHORITY_LABELS[a.authority], a.phone ? `联系电话${a.phone}` : null].filter(Boolean).join('，')}。`,
    );
    return `${PARTY_ROLE_LABELS[p.role]}：${bits.filter(Boolean).join('，')}。${agents.join('')}`;
  }

  private agreement(): DocPart {
    const c = this.c;
    const a = c.agreement!;
    const items = a.items.map((it, i) => `${i + 1}. ${it.description}${it.deadline ? `（${cnDate(it.deadline)}前履行）` : ''}`);
    const perform = [
      ...(items.length ? ['履行事项：', ...items] : []),
      a.performanceMethod ? `履行方式：${a.performanceMethod}` : null,
      a.performanceDeadline ? `履行期限：${cnDate(a.performanceDeadline)}前` : null,
      a.performancePlace ? `履行地点：${a.performancePlace}` : null,
    ].filter(Boolean);
    const signDate = (personId: string) => cnDate(a.partySignatures.find((s) => s.personId === personId)?.date ?? null);
    const copies = c.parties.length + 1;
    return {
      title: MEDIATION_DOC_TITLES.agreement,
      blocks: [
        { kind: 'title', text: MEDIATION_DOC_TITLES.agreement },
        { kind: 'line', text: `编号：${c.caseNo}`, align: 'right' },
        ...c.parties.map((p): Block => ({ kind: 'para', text: this.partyLine(p), indent: false })),
        ...(a.facts
          ? ([
              { kind: 'heading', text: '纠纷主要事实：' },
              { kind: 'para', text: a.facts },
            ] as Block[])
          : []),
        ...(a.matters
          ? ([
              { kind: 'heading', text: '争议事项：' },
              { kind: 'para', text: a.matters },
            ] as Block[])
          : []),
        ...(a.responsibility
          ? ([
              { kind: 'heading', text: '各方当事人的责任：' },
              { kind: 'para', text: a.responsibility },
            ] as Block[])
          : []),
        { kind: 'heading', text: '经人民调解委员会调解，当事人自愿达成如下协议：' },
        { kind: 'para', text: a.content },
        ...(perform.length
          ? ([
              { kind: 'heading', text: '履行方式、时限：' },
              { kind: 'para', text: perform.join('\n') },
            ] as Block[])
          : []),
        {
          kind: 'para',
          text: [
            `本协议一式${copies}份，当事人各执一份，人民调解委员会留存一份。`,
            '本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。经人民调解委员会调解达成的调解协议，具有法律约束力，当事人应当按照约定履行。',
            '当事人认为有必要的，可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。',
            // A labour dispute's worker may take the agreement to court for a 支付令 (REVIEW row 7).
            ...(c.category === LABOUR_CATEGORY ? [LABOUR_PAYMENT_ORDER_TEXT] : []),
          ].join('\n'),
        },
        ...c.parties.map(
          (p): Block => ({ kind: 'sign', label: `${PARTY_ROLE_LABELS[p.role]}（签名、盖章或者按指印）：`, date: signDate(p.personId) }),
        ),
        // Every mediator who conducted the mediation signs (人民调解法第二十九条; REVIEW row 22).
        ...c.mediators.map((): Block => ({ kind: 'sign', label: '人民调解员（签名）：', date: cnDate(a.mediatorSignedDate) })),
        { kind: 'sign', label: '记录人（签名）：', date: cnDate(null) },
        { kind: 'sign', label: `${c.committeeName}（盖章）`, date: cnDate(a.sealDate) },
      ],
    };
  }

  private oral(): DocPart {
    const c = this.c;
    const a = c.agreement!;
    const perform = [a.performanceMethod, a.performanceDeadline ? `${cnDate(a.performanceDeadline)}前` : null, a.performancePlace]
      .filter(Boolean)
      .join('；');
    return {
      title: MEDIATION_DOC_TITLES.oral,
      blocks: [
        { kind: 'title', text: MEDIATION_DOC_TITLES.oral },
        { kind: 'line', text: `编号：${c.caseNo}`, align: 'right' },
        {
          kind: 'table',
          widths: [22, 78],
          rows: [
            [label('当事人'), value(c.parties.map((p) => this.partyLine(p)).join('\n'))],
            [label('纠纷简要情况'), value(c.summary, 1, 5)],
            [label('协议内容'), value([a.content, ...a.items.map((it, i) => `${i + 1}. ${it.description}`)].join('\n'), 1, 6)],
            [label('履行方式、时限'), value(perform)],
            [label('达成日期'), value(cnDate(a.effectiveDate))],
            [label('人民调解员'), value(this.mediators)],
            [label('登记人'), value('')],
          ],
        },
        { kind: 'sign', label: `${c.committeeName}（盖章）`, date: cnDate(null) },
      ],
    };
  }

  private visit(v: ReturnVisit): DocPart {
    const c = this.c;
    // After 调解不成 or 终止调解 the visit asks whether the dispute is escalating, not how an agreement is performed (REVIEW row 19).
    const escalation = v.purpose === 'escalation';
    const found = [
      v.method ? `回访方式：${v.method}` : null,
      v.performanceFound && !(escalation && v.performanceFound === 'not_applicable')
        ? `协议履行情况：${PERFORMANCE_STATE_LABELS[v.performanceFound]}`
        : null,
      v.satisfaction ? `当事人满意度：${v.satisfaction}` : null,
      v.notes,
    ].filter(Boolean);
    return {
      title: `${MEDIATION_DOC_TITLES.visit}（${cnDate(v.visitDate)}）`,
      blocks: [
        { kind: 'title', text: MEDIATION_DOC_TITLES.visit },
        {
          kind: 'table',
          widths: [22, 78],
          rows: [
            [label('当事人'), value(this.allParties)],
            [label('调解协议编号'), value(c.caseNo)],
            [label('回访事由'), value(escalation ? `${this.disputeName}（${outcomeWord(c)}后回访，了解纠纷是否激化）` : this.disputeName)],
            [label('回访时间'), value(cnDate(v.visitDate))],
            [label('回访情况'), value(found.join('\n'), 1, 8)],
            [label('回访人'), value(v.visitorName ?? '')],
          ],
        },
        { kind: 'sign', label: '回访人（签名）：', date: cnDate(v.visitDate) },
      ],
    };
  }

  private cover(): DocPart {
    const c = this.c;
    const period = `${cnDate(c.acceptedDate)}至${c.closedDate ? cnDate(c.closedDate) : '　　年　　月　　日'}`;
    return {
      title: MEDIATION_DOC_TITLES.cover,
      blocks: [
        { kind: 'gap', lines: 2 },
        { kind: 'title', text: c.committeeName },
        { kind: 'title', text: '人民调解卷宗' },
        { kind: 'gap', lines: 2 },
        {
          kind: 'table',
          widths: [26, 74],
          rows: [
            [label('卷　　名'), value(this.disputeName)],
            [label('卷　　号'), value(c.caseNo)],
            [label('人民调解员'), value(this.mediators)],
            [label('调解日期'), value(period)],
            [label('调解结果'), value(c.outcome ? outcomeText(c) : '')],
            [label('立 卷 人'), value('')],
            [label('立卷日期'), value(cnDate(null))],
            [label('保管期限'), value('')],
            [label('备　　注'), value('', 1, 2)],
          ],
        },
      ],
    };
  }

  private contents(): DocPart {
    const a = this.c.agreement;
    // Papers from outside the system are listed where the standard order (DOMAIN §1.7) puts them.
    const agreementKey: MediationDocKey = a?.form === 'oral' ? 'oral' : 'agreement';
    const after: Partial<Record<MediationDocKey, [string, string][]>> = { notice: [['当事人身份证明', '复印件附后']] };
    const add = (k: MediationDocKey, paper: [string, string]) => (after[k] = [...(after[k] ?? []), paper]);
    const attached = (kind: AttachmentKind) => this.ctx.attachments[kind] ?? 0;
    const ready = new Set(dossierOrder(this.c));
    // 授权委托书 (item 4) after the identity papers; 证据材料 (item 6) after the investigation record, or there when it has none.
    if (attached('authorization')) add('notice', ['授权委托书', `${attached('authorization')}份，附后`]);
    if (attached('evidence'))
      add(ready.has('investigation') ? 'investigation' : 'notice', ['人民调解证据材料', `${attached('evidence')}份，附后`]);
    const performedSome =
      a && (a.items.some((i) => i.state === 'performed' || i.state === 'partial') || ['performed', 'partial'].includes(a.performance));
    if (performedSome || attached('performance')) add(agreementKey, ['收条或汇款单等履行凭证', '附后']);
    if (a?.confirmation.appliedDate)
      add(doneVisits(this.c).length ? 'visit' : agreementKey, ['司法确认有关材料', a.confirmation.rulingNo ?? '附后']);
    const papers: [string, string][] = [];
    for (const k of dossierOrder(this.c)) {
      if (k === 'cover' || k === 'contents') continue;
      papers.push(...this.parts(k).map((p): [string, string] => [p.title, '']), ...(after[k] ?? []));
    }
    const rows: Cell[][] = [[label('序号'), label('文书名称'), label('页号'), label('备注')]];
    for (const [i, [t, note]] of papers.entries()) rows.push([value(String(i + 1)), value(t), value(''), value(note)]);
    return {
      title: MEDIATION_DOC_TITLES.contents,
      blocks: [
        { kind: 'title', text: '卷内目录' },
        { kind: 'line', text: `卷号：${this.c.caseNo}`, align: 'right' },
        { kind: 'table', widths: [10, 55, 15, 20], rows },
        { kind: 'para', text: '页号于全卷装订后逐页填写。', indent: false },
      ],
    };
  }

  private backCover(): DocPart {
    return {
      title: MEDIATION_DOC_TITLES.backCover,
      blocks: [
        { kind: 'title', text: '卷内备考表' },
        {
          kind: 'table',
          widths: [26, 74],
          rows: [
            [label('本卷情况说明'), value('本卷共　　件，　　页。', 1, 8)],
            [label('立 卷 人'), value('')],
            [label('检 查 人'), value('')],
            [label('立卷日期'), value(cnDate(null))],
          ],
        },
      ],
    };
  }
}

/** 调解不成 or 终止调解, as a visit's reason names the outcome it follows. */
function outcomeWord(c: MediationCase): string {
  return c.outcome === 'terminated' ? '终止调解' : '调解不成';
}

function outcomeText(c: MediationCase): string {
  switch (c.outcome) {
    case 'success':
      return `调解成功（${AGREEMENT_FORM_FULL_LABELS[c.agreement?.form === 'oral' ? 'oral' : 'written']}）`;
    case 'failure':
      return `调解不成，已告知当事人可通过${guidanceText(c.guidance)}解决`;
    case 'terminated': {
      const why = c.terminationReason ? `（${TERMINATION_REASON_LABELS[c.terminationReason]}）` : '';
      const routes = c.guidance.length ? `，已告知当事人可通过${guidanceText(c.guidance)}解决` : '';
      return `终止调解${why}${routes}`;
    }
    default:
      return '';
  }
}
