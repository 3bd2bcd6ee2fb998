/**
 * The forms of an 安置帮教 file (一人一档, REVIEW §6.5), built from the file: its cover, the 衔接登记表, the
 * 帮教小组名单 with the 帮教协议, the 走访谈话记录, the 安置帮扶登记表 and the 解除帮教登记表. What the file does not
 * hold (signatures, seals) stays blank for the pen. The monthly 未衔接 list is a spreadsheet, not a form
 * (db/services/assistance-export.ts).
 */
import { SEX_LABELS } from '../dictionaries';
import {
  ASSISTANCE_LEVEL_LABELS,
  END_REASON_LABELS,
  HANDOVER_METHOD_LABELS,
  HANDOVER_STATE_LABELS,
  PLACEMENT_LABELS,
  RECORD_KIND_LABELS,
  RELEASE_TYPE_LABELS,
} from '../domain/assistance-rules';
import type { AssistanceFileView, AssistanceRecord } from '../schemas/assistance';
import { BLANK_DATE, cnAmount, cnDate, type Block, type Cell, type DocChoice, type DocPart, type DocumentModel } from './model';

export const ASSISTANCE_DOCS = ['cover', 'handover', 'team', 'visits', 'aid', 'end'] as const;
export type AssistanceDocKey = (typeof ASSISTANCE_DOCS)[number];
/** The whole file in the order above, keeping only the forms it can fill. */
export const WHOLE_FILE = 'file' as const;
export type AssistanceDocRequest = AssistanceDocKey | typeof WHOLE_FILE;

export const ASSISTANCE_DOC_TITLES: Record<AssistanceDocRequest, string> = {
  cover: '安置帮教档案（封面）',
  handover: '刑满释放人员衔接登记表',
  team: '帮教小组名单及帮教协议',
  visits: '走访谈话记录',
  aid: '安置帮扶登记表',
  end: '解除帮教登记表',
  file: '安置帮教档案（全档）',
};

export interface AssistanceDocContext {
  townshipName: string;
}

/** Which forms the file can fill; the others are listed with the reason. */
export function assistanceDocs(f: AssistanceFileView): DocChoice<AssistanceDocRequest>[] {
  const why: Partial<Record<AssistanceDocKey, string>> = {};
  if (!f.team.members.length) why.team = '尚未登记帮教小组';
  if (f.status !== 'ended') why.end = '帮教尚未结束';
  return [...ASSISTANCE_DOCS, WHOLE_FILE].map((key) => {
    const reason = key === WHOLE_FILE ? undefined : why[key];
    return reason
      ? { key, title: ASSISTANCE_DOC_TITLES[key], ready: false, why: reason }
      : { key, title: ASSISTANCE_DOC_TITLES[key], ready: true };
  });
}

const label = (text: string, span?: number): Cell => ({ text, label: true, span });
const value = (text: string | null | undefined, span?: number, lines?: number): Cell => ({ text: text ?? '', span, lines });
const dateText = (d: string | null | undefined) => (d ? cnDate(d) : '');
const recordsOf = (f: AssistanceFileView, kind: AssistanceRecord['kind']) =>
  f.records.filter((r) => r.kind === kind).sort((a, b) => a.date.localeCompare(b.date));

function head(f: AssistanceFileView, ctx: AssistanceDocContext, title: string): Block[] {
  return [
    { kind: 'title', text: title },
    { kind: 'line', text: `${ctx.townshipName}司法所　　　　姓名：${f.person.name}`, align: 'center' },
  ];
}

/** 姓名 性别 身份证号 住址: the first rows of most forms. */
function identity(f: AssistanceFileView): Cell[][] {
  return [
    [label('姓名'), value(f.person.name), label('性别'), value(f.person.sex ? SEX_LABELS[f.person.sex] : '')],
    [label('公民身份号码'), value(f.person.idNumber, 3)],
    [label('住址'), value(f.person.address, 3)],
  ];
}

const W4 = [22, 28, 22, 28];

function parts(f: AssistanceFileView, ctx: AssistanceDocContext, key: AssistanceDocKey): DocPart[] {
  const h = f.handover;
  switch (key) {
    case 'cover':
      return [
        {
          title: ASSISTANCE_DOC_TITLES.cover,
          blocks: [
            { kind: 'gap', lines: 3 },
            { kind: 'title', text: '安置帮教档案' },
            { kind: 'gap', lines: 2 },
            {
              kind: 'table',
              widths: [30, 70],
              rows: [
                [label('姓名'), value(f.person.name)],
                [label('罪名'), value(f.crime)],
                [label('释放日期'), value(cnDate(f.releaseDate))],
                [label('帮教期限'), value(`${cnDate(f.releaseDate)}至${cnDate(f.period.end)}`)],
                [label('帮教对象类别'), value(ASSISTANCE_LEVEL_LABELS[f.level])],
                [label('村（社区）'), value(f.villageName)],
                [label('责任人'), value(f.responsibleName)],
                [label('建档日期'), value(cnDate(f.createdAt.slice(0, 10)))],
              ],
            },
            { kind: 'gap', lines: 3 },
            { kind: 'line', text: `${ctx.townshipName}司法所`, align: 'center' },
            { kind: 'para', text: '本档案含个人敏感信息，仅供安置帮教工作使用，不得外传。', indent: false, align: 'center' },
          ],
        },
      ];
    case 'handover':
      return [
        {
          title: ASSISTANCE_DOC_TITLES.handover,
          blocks: [
            ...head(f, ctx, ASSISTANCE_DOC_TITLES.handover),
            {
              kind: 'table',
              widths: W4,
              rows: [
                ...identity(f),
                [label('罪名'), value(f.crime), label('原判刑罚'), value(f.sentence)],
                [
                  label('服刑场所'),
                  value(f.prison),
                  label('刑期'),
                  value(f.sentenceStart ? `${f.sentenceStart}至${f.sentenceEnd ?? ''}` : ''),
                ],
                [label('释放日期'), value(cnDate(f.releaseDate)), label('释放类型'), value(RELEASE_TYPE_LABELS[f.releaseType])],
                [label('刑满释放证明书编号'), value(f.certificateNumber), label('通知书收到日期'), value(dateText(f.noticeDate))],
                [label('帮教对象类别'), value(ASSISTANCE_LEVEL_LABELS[f.level]), label('衔接状态'), value(HANDOVER_STATE_LABELS[h.state])],
                [
                  label('衔接方式'),
                  value(h.method ? HANDOVER_METHOD_LABELS[h.method] : ''),
                  label('接回日期'),
                  value(dateText(h.returnDate)),
                ],
                [label('接回人'), value(h.receiver), label('派出所报到日期'), value(dateText(h.policeReportDate))],
                [label('联系家属日期'), value(dateText(h.familyContactDate)), label('司法所登记日期'), value(dateText(h.registerDate))],
                [label('衔接情况'), value(h.note, 3, 4)],
              ],
            },
            { kind: 'sign', label: '登记人（签名）：', date: h.registerDate ? cnDate(h.registerDate) : BLANK_DATE },
          ],
        },
      ];
    case 'team': {
      const members = f.team.members.map((m, i): Cell[] => [value(String(i + 1)), value(m.name), value(m.role), value(m.phone)]);
      return [
        {
          title: '帮教小组名单',
          blocks: [
            ...head(f, ctx, '帮教小组名单'),
            {
              kind: 'table',
              widths: [12, 26, 34, 28],
              rows: [[label('序号'), label('姓名'), label('身份'), label('联系电话')], ...members],
            },
          ],
        },
        {
          title: '帮教协议',
          blocks: [
            { kind: 'title', text: '帮教协议' },
            {
              kind: 'para',
              text: `为帮助${f.person.name}（以下简称帮教对象）顺利回归社会，${ctx.townshipName}司法所会同帮教小组成员与帮教对象协商，签订本协议。`,
            },
            { kind: 'heading', text: '一、帮教小组的责任' },
            {
              kind: 'para',
              text: '定期走访、谈话，了解帮教对象的思想、生活和就业情况；协助落实安置、技能培训、就业指导和社会救助；发现异常情况及时报告司法所。',
            },
            { kind: 'heading', text: '二、帮教对象的义务' },
            {
              kind: 'para',
              text: '遵守法律法规，接受帮教；居住地、联系方式或工作变动时及时告知帮教小组；如实反映自身困难和需求。',
            },
            { kind: 'heading', text: '三、其他' },
            {
              kind: 'para',
              text: `帮教期限自${cnDate(f.releaseDate)}起至${cnDate(f.period.end)}止。本协议一式三份，司法所、帮教小组、帮教对象各执一份。`,
            },
            { kind: 'gap', lines: 1 },
            {
              kind: 'sign',
              label: `${ctx.townshipName}司法所（盖章）：`,
              date: f.team.agreementDate ? cnDate(f.team.agreementDate) : BLANK_DATE,
            },
            { kind: 'sign', label: '帮教小组成员（签名）：', date: BLANK_DATE },
            { kind: 'sign', label: '帮教对象（签名）：', date: BLANK_DATE },
          ],
        },
      ];
    }
    case 'visits': {
      const visits = recordsOf(f, 'visit').map((r, i): Cell[] => [
        value(String(i + 1)),
        value(cnDate(r.date)),
        value(r.method),
        value(r.content),
        value(r.staff),
      ]);
      const blank = Array.from({ length: 3 }, (): Cell[] => [value(''), value(''), value(''), value('', undefined, 2), value('')]);
      return [
        {
          title: ASSISTANCE_DOC_TITLES.visits,
          blocks: [
            ...head(f, ctx, ASSISTANCE_DOC_TITLES.visits),
            {
              kind: 'table',
              widths: [9, 20, 13, 43, 15],
              rows: [[label('序号'), label('日期'), label('方式'), label('情况'), label('走访人')], ...visits, ...blank],
            },
          ],
        },
      ];
    }
    case 'aid': {
      const aid = recordsOf(f, 'aid');
      const rows = aid.map((r, i): Cell[] => [
        value(String(i + 1)),
        value(cnDate(r.date)),
        value(r.aidType ?? RECORD_KIND_LABELS.aid),
        value(r.amount === null ? '' : cnAmount(r.amount)),
        value(r.content),
      ]);
      return [
        {
          title: ASSISTANCE_DOC_TITLES.aid,
          blocks: [
            ...head(f, ctx, ASSISTANCE_DOC_TITLES.aid),
            {
              kind: 'table',
              widths: W4,
              rows: [
                [
                  label('安置情况'),
                  value(f.placement ? PLACEMENT_LABELS[f.placement] : '未登记'),
                  label('安置日期'),
                  value(dateText(f.placementDate)),
                ],
                [label('安置说明'), value(f.placementNote, 3, 2)],
              ],
            },
            { kind: 'heading', text: '帮扶记录' },
            {
              kind: 'table',
              widths: [9, 20, 16, 17, 38],
              rows: [
                [label('序号'), label('日期'), label('帮扶类型'), label('金额'), label('内容')],
                ...(rows.length ? rows : [[value('尚无帮扶记录', 5, 2)]]),
                [label('临时救助合计', 3), value(cnAmount(f.aidTotal)), value('')],
              ],
            },
          ],
        },
      ];
    }
    case 'end':
      return [
        {
          title: ASSISTANCE_DOC_TITLES.end,
          blocks: [
            ...head(f, ctx, ASSISTANCE_DOC_TITLES.end),
            {
              kind: 'table',
              widths: W4,
              rows: [
                ...identity(f),
                [label('释放日期'), value(cnDate(f.releaseDate)), label('帮教期满日'), value(cnDate(f.period.end))],
                [
                  label('结束原因'),
                  value(f.endReason ? END_REASON_LABELS[f.endReason] : ''),
                  label('结束日期'),
                  value(dateText(f.endDate)),
                ],
                [label('说明'), value(f.endNote, 3, 4)],
              ],
            },
            { kind: 'sign', label: '经办人（签名）：', date: f.endDate ? cnDate(f.endDate) : BLANK_DATE },
            { kind: 'sign', label: '司法所负责人（签名）：', date: BLANK_DATE },
          ],
        },
      ];
  }
}

export function buildAssistanceDocument(f: AssistanceFileView, ctx: AssistanceDocContext, request: AssistanceDocRequest): DocumentModel {
  const ready = new Set(
    assistanceDocs(f)
      .filter((d) => d.ready)
      .map((d) => d.key),
  );
  const keys = request === WHOLE_FILE ? ASSISTANCE_DOCS.filter((k) => ready.has(k)) : [request];
  return { name: `${f.person.name} ${ASSISTANCE_DOC_TITLES[request]}`, parts: keys.flatMap((k) => parts(f, ctx, k)) };
}
