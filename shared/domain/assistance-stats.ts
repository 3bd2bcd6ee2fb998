/**
 * Statistics of 安置帮教 for a period (REVIEW §6.4): the figures of its statistics page and the definition
 * shown under each. Pure: the service reads the files, runs the due-date engine per file as at the
 * period's end and hands both here. Rates use `rate` of shared/domain/rates.ts (a zero denominator is “—”).
 *
 * Decisions (REVIEW §6.4 leaves every formula UNCONFIRMED, so each is stated on the page):
 * - A period is read as at its last day, or today when that is later (the as-of day): a 衔接, a placement,
 *   a team agreement or an end dated after it does not count yet; a record dated after it is left out.
 * - 在册 = released by the as-of day and not ended by it (an end record dated later does not end it yet).
 * - 衔接率 counts the persons released in the period: 已衔接 = their 衔接 (接回) recorded by the as-of day.
 * - 必接必送率 counts those of them who are 重点帮教对象 at the as-of day.
 * - 重新犯罪率 divides the persons with a 犯罪 record dated in the period (while on the register) by 在册 at
 *   the as-of day; a 违法 record is counted apart (重新违法).
 * - 帮教率: 已落实帮教 = 在册 with the 1+n team complete and its 帮教协议 signed by the as-of day, and no
 *   visit (nor the first home visit) overdue at it.
 */
import {
  ASSISTANCE_LEVELS,
  assistanceLevelAt,
  END_REASONS,
  isKeyLevel,
  PLACEMENTS,
  RULE_IDS,
  teamCheck,
  type AssistanceLevel,
  type EndReason,
  type HandoverMethod,
  type HandoverState,
  type Placement,
} from './assistance-rules';
import { daysBetween } from '../dates';
import { isOpen, type DueItem } from './obligations';
import { ratio, zeros, type Ratio } from './rates';

export type { Ratio };

export const ASSISTANCE_STAT_DEFINITIONS = {
  registered:
    '在册人数 = 释放日期不晚于统计截止日、且到截止日时未结束帮教（帮教期满、死亡、迁出、再次收监）的人数；重点帮教对象按截止日时的类别计',
  cumulative: '累计接收 = 释放日期不晚于统计截止日的全部档案数（含已结束的）',
  preRelease: '预释放 = 截止日时已建档、尚未释放的人数',
  released: '本期释放 = 释放日期在统计期间内的人数',
  handedOver: '本期衔接 = 接回（衔接）日期在统计期间内的人数',
  handoverRate: '衔接率 = 本期释放人员中，到截止日已衔接的人数 ÷ 本期释放人数',
  escortRate: '必接必送率 = 本期释放的重点帮教对象中，以“必接必送”方式衔接的人数 ÷ 本期释放的重点帮教对象人数',
  placementRate: '安置率 = 在册人员中，到截止日已安置（就业、自主创业、务农、升学、低保、过渡性安置基地）的人数 ÷ 在册人数',
  assistedRate:
    '帮教率 = 在册人员中，帮教小组已落实（有司法所工作人员和至少一名其他成员）、到截止日已签订帮教协议、且截止日时没有逾期未走访的人数 ÷ 在册人数',
  reoffenceRate: '重新犯罪率 = 统计期间内在帮教期内重新犯罪（登记为“犯罪”）的人数 ÷ 截止日在册人数；登记为“违法”的另计为重新违法',
  aid: '救助人次、金额 = 日期在统计期间内的“临时救助”帮扶记录次数与金额；培训人次、就业指导人次同理',
  ended: '结束帮教 = 结束日期在统计期间内的档案数，按帮教期满、死亡、迁出、再次收监分列',
  unlinked: '未衔接 = 到截止日已释放、未衔接（含下落不明）且未结束帮教的人员，逐人列出（目标为0）',
  asOf: '各项按记录的日期计算：日期在截止日之后的记录不计入本期；截止日晚于今天的，按今天计算',
} as const;

export interface AssistanceStatFile {
  id: string;
  personId: string;
  personName: string;
  villageName: string | null;
  responsibleName: string;
  releaseDate: string;
  levels: readonly { date: string; level: AssistanceLevel }[];
  handoverState: HandoverState;
  handoverMethod: HandoverMethod | null;
  returnDate: string | null;
  missingSince: string | null;
  agreementDate: string | null;
  members: readonly { role: string }[];
  placement: Placement | null;
  placementDate: string | null;
  endReason: EndReason | null;
  endDate: string | null;
  records: readonly { kind: string; date: string; aidType: string | null; amount: number | null; offenceType: string | null }[];
  /** The file's due items as at the as-of day (the engine run with only what was recorded by then). */
  items: readonly DueItem[];
}

export interface UnlinkedPerson {
  id: string;
  personName: string;
  villageName: string | null;
  responsibleName: string;
  releaseDate: string;
  /** 未衔接 or 下落不明 at the as-of day. */
  state: 'pending' | 'missing';
  /** Days from the release to the as-of day. */
  days: number;
}

export interface AssistanceStatsFigures {
  registered: number;
  registeredKey: number;
  byLevel: Record<AssistanceLevel, number>;
  cumulative: number;
  preRelease: number;
  released: number;
  handedOver: number;
  handover: Ratio;
  escort: Ratio;
  placement: Ratio & { byKind: Record<Placement, number> };
  assisted: Ratio;
  reoffence: Ratio & { offences: number };
  relief: { count: number; amount: number };
  trainings: number;
  guidance: number;
  ended: number;
  endedBy: Record<EndReason, number>;
  unlinked: UnlinkedPerson[];
}

const inPeriod = (d: string | null, from: string, to: string): d is string => !!d && d >= from && d <= to;

/** The figures of the period from `from`, read as at `asOf` (the period's last day, or today when earlier). */
export function assistanceStats(files: readonly AssistanceStatFile[], from: string, asOf: string): AssistanceStatsFigures {
  const byLevel = zeros(ASSISTANCE_LEVELS);
  const byKind = zeros(PLACEMENTS);
  const endedBy = zeros(END_REASONS);
  const unlinked: UnlinkedPerson[] = [];
  let registered = 0;
  let cumulative = 0;
  let preRelease = 0;
  let released = 0;
  let handedOver = 0;
  let linked = 0;
  let keyReleased = 0;
  let escorted = 0;
  let placed = 0;
  let assisted = 0;
  const reoffended = new Set<string>();
  const offences = new Set<string>();
  const relief = { count: 0, amount: 0 };
  let trainings = 0;
  let guidance = 0;
  let ended = 0;
  for (const f of files) {
    if (f.releaseDate > asOf) {
      if (!(f.endDate && f.endDate <= asOf)) preRelease++;
      continue;
    }
    cumulative++;
    const endedBy_ = f.endDate && f.endDate <= asOf;
    if (f.endReason && inPeriod(f.endDate, from, asOf)) {
      ended++;
      endedBy[f.endReason]++;
    }
    const linkedBy = f.handoverState === 'done' && (f.returnDate === null || f.returnDate <= asOf);
    const key = isKeyLevel(assistanceLevelAt(f, asOf).level);
    if (inPeriod(f.returnDate, from, asOf) && f.handoverState === 'done') handedOver++;
    if (inPeriod(f.releaseDate, from, asOf)) {
      released++;
      if (linkedBy) linked++;
      if (key) {
        keyReleased++;
        if (linkedBy && f.handoverMethod === 'escort') escorted++;
      }
    }
    for (const r of f.records) {
      if (!inPeriod(r.date, from, asOf)) continue;
      if (r.kind === 'aid' && r.aidType === '临时救助') {
        relief.count++;
        relief.amount += r.amount ?? 0;
      }
      if (r.kind === 'aid' && r.aidType === '技能培训') trainings++;
      if (r.kind === 'aid' && r.aidType === '就业指导') guidance++;
    }
    // 重新犯罪 while on the register: a record dated in the period, before the file ended.
    const offence = (kind: string) =>
      f.records.some(
        (r) => r.kind === 'reoffence' && r.offenceType === kind && inPeriod(r.date, from, asOf) && !(f.endDate && r.date > f.endDate),
      );
    if (offence('犯罪')) reoffended.add(f.personId);
    else if (offence('违法')) offences.add(f.personId);
    if (endedBy_) continue;
    registered++;
    const level = assistanceLevelAt(f, asOf).level;
    byLevel[level]++;
    if (f.placement && (f.placementDate === null || f.placementDate <= asOf)) {
      byKind[f.placement]++;
      if (f.placement !== 'none') placed++;
    }
    const agreed = f.agreementDate !== null && f.agreementDate <= asOf;
    const team = teamCheck(f.members, agreed ? f.agreementDate : null).complete;
    const visitsOverdue = f.items.some(
      (i) => (i.ruleId === RULE_IDS.visit || i.ruleId === RULE_IDS.firstVisit) && isOpen(i) && i.dueDate < asOf,
    );
    if (team && !visitsOverdue) assisted++;
    if (!linkedBy) {
      unlinked.push({
        id: f.id,
        personName: f.personName,
        villageName: f.villageName,
        responsibleName: f.responsibleName,
        releaseDate: f.releaseDate,
        state: f.handoverState === 'missing' && (f.missingSince === null || f.missingSince <= asOf) ? 'missing' : 'pending',
        days: daysBetween(f.releaseDate, asOf),
      });
    }
  }
  unlinked.sort((a, b) => a.releaseDate.localeCompare(b.releaseDate) || a.personName.localeCompare(b.personName, 'zh-CN'));
  const registeredKey = registered - byLevel.normal;
  return {
    registered,
    registeredKey,
    byLevel,
    cumulative,
    preRelease,
    released,
    handedOver,
    handover: ratio(linked, released),
    escort: ratio(escorted, keyReleased),
    placement: { ...ratio(placed, registered), byKind },
    assisted: ratio(assisted, registered),
    reoffence: { ...ratio(reoffended.size, registered), offences: [...offences].filter((p) => !reoffended.has(p)).length },
    relief,
    trainings,
    guidance,
    ended,
    endedBy,
    unlinked,
  };
}
