/**
 * 排查调处 statistics of the dispute register: what each figure counts, its formula, and the
 * definition printed beside it. The official formulas are not published (CONTRIBUTING.md,
 * DOMAIN §1.10: UNCONFIRMED), so each rate says what it divides by, and where practice divides by
 * something else (化解率 over all registered, or over those with an outcome) both are offered.
 *
 * Steps counted, each kept on the dispute as the workflow passes it (db/services/disputes.ts):
 * - 登记: registered in the period (or, counted by outcome, whose outcome fell in it);
 * - 受理: taken on (受理), whatever happened next; 不予受理 and 转办 from 登记 are not 受理;
 * - 调处: taken into 调处 (调处中), whatever the outcome;
 * - 化解 / 未化解: the latest outcome recorded, kept after 办结;
 * - 转办: handed to another unit; 办理中: still 登记, 受理 or 调处中;
 * - work orders (12345 / 信访): answered, on time, rated, satisfied; 防止民转刑 / 防止群体性事件: cases and persons.
 */
import { rate } from './rates';

/** The counts behind one row of the statistics (a period, a category, a village …). */
export interface DisputeCounts {
  registered: number;
  accepted: number;
  rejected: number;
  mediated: number;
  resolved: number;
  unresolved: number;
  transferred: number;
  open: number;
  /** 涉及金额, in yuan. */
  amountYuan: number;
  /** 涉及人数, where recorded. */
  people: number;
  /** Work orders (12345 / 信访) answered, answered within their time limit, rated, rated 满意 or 基本满意. */
  fedBack: number;
  fedBackOnTime: number;
  rated: number;
  satisfied: number;
  /** 防止民转刑 and 防止群体性事件: cases and the persons they concerned. */
  preventedCriminal: number;
  preventedCriminalPersons: number;
  preventedMass: number;
  preventedMassPersons: number;
}

export interface DisputeRates {
  /** 调处率 = 调处 ÷ 受理. */
  mediationRate: number | null;
  /** 化解率 = 化解 ÷ 登记. */
  resolutionRate: number | null;
  /** 化解率（按办结）= 化解 ÷ (化解 + 未化解). */
  resolutionRateOfHandled: number | null;
  /** 按时反馈率 = 按时反馈 ÷ 已反馈 (work orders). */
  onTimeRate: number | null;
  /** 满意率 = (满意 + 基本满意) ÷ 已评价 (work orders). */
  satisfactionRate: number | null;
}

export const DISPUTE_STAT_DEFINITIONS = {
  registered: '登记件数：期间内排查登记的纠纷（按结果统计时：期间内有化解或未化解结果的纠纷）',
  accepted: '受理件数：已受理的纠纷，不含不予受理和未受理即转办的',
  mediated: '调处件数：已进入调处的纠纷，不论结果',
  resolved: '化解件数：调处结果为化解的纠纷，办结后仍计入',
  mediationRate: '调处率 = 调处件数 ÷ 受理件数',
  resolutionRate: '化解率 = 化解件数 ÷ 登记件数',
  resolutionRateOfHandled: '化解率（按办结）= 化解件数 ÷（化解件数 + 未化解件数）',
  amount: '涉及金额：登记时填写的纠纷涉及金额之和（元）',
  tickets: '转办工单：来源为12345热线或信访转办的纠纷；化解件数按调处结果计',
  onTimeRate: '按时反馈率 = 在工单办理时限内反馈的件数 ÷ 已反馈件数',
  satisfactionRate: '满意率 =（满意 + 基本满意）件数 ÷ 已评价件数',
  prevention: '防止民转刑、防止群体性事件：承办人在登记或调处中认定的件数和涉及人数',
} as const;

export function disputeRates(
  c: Pick<
    DisputeCounts,
    'registered' | 'accepted' | 'mediated' | 'resolved' | 'unresolved' | 'fedBack' | 'fedBackOnTime' | 'rated' | 'satisfied'
  >,
): DisputeRates {
  return {
    mediationRate: rate(c.mediated, c.accepted),
    resolutionRate: rate(c.resolved, c.registered),
    resolutionRateOfHandled: rate(c.resolved, c.resolved + c.unresolved),
    onTimeRate: rate(c.fedBackOnTime, c.fedBack),
    satisfactionRate: rate(c.satisfied, c.rated),
  };
}

export function emptyDisputeCounts(): DisputeCounts {
  return {
    registered: 0,
    accepted: 0,
    rejected: 0,
    mediated: 0,
    resolved: 0,
    unresolved: 0,
    transferred: 0,
    open: 0,
    amountYuan: 0,
    people: 0,
    fedBack: 0,
    fedBackOnTime: 0,
    rated: 0,
    satisfied: 0,
    preventedCriminal: 0,
    preventedCriminalPersons: 0,
    preventedMass: 0,
    preventedMassPersons: 0,
  };
}

export function addDisputeCounts(into: DisputeCounts, c: DisputeCounts): DisputeCounts {
  for (const k of Object.keys(into) as (keyof DisputeCounts)[]) into[k] += c[k];
  return into;
}
