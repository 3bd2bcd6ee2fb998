/**
 * 考核奖惩 of a correction file (社区矫正法 art. 28): the steps the 司法所 records, the conditions of each as
 * the review lists them, and the step the counts and the days late suggest next (CONTRIBUTING.md,
 * REVIEW §5.4, ARCHITECTURE rule 6). Pure: the day and the office's settings are passed in.
 *
 * Decisions:
 * - A suggestion is only a suggestion: it names the step and the condition it meets, and the operator
 *   records the step (or not). Nothing here writes anything.
 * - The 训诫/警告/缓刑 thresholds (10 days, 1 month, two 训诫, two 警告) are the post-2020 wording of the
 *   conditions [PAGE Wenzhou 2022]: documented constants. For 假释 and 暂予监外执行 the review leaves the
 *   revocation conditions UNCONFIRMED, so there the number of 警告 and the months out of supervision are
 *   settings with their default (the 缓刑 figures) and source.
 * - Counts run from the last more serious step: two 训诫 after a 警告 suggest the next 警告, and the 警告
 *   counted towards a revocation are those since the last 提请 or 治安处罚.
 * - 管制 has no revocation: past two 警告 the step suggested is 提请治安管理处罚 (DERIVED, said with it).
 */
import { addMonths } from '../date-math';
import { daysBetween } from '../dates';
import type { CorrectionCategory } from './correction-rules';

export const SANCTION_KINDS = ['commend', 'reprimand', 'warning', 'penalty', 'revoke_probation', 'revoke_parole', 'imprison'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
export const SANCTION_KIND_LABELS: Record<SanctionKind, string> = {
  commend: '表扬',
  reprimand: '训诫',
  warning: '警告',
  penalty: '提请治安管理处罚',
  revoke_probation: '提请撤销缓刑',
  revoke_parole: '提请撤销假释',
  imprison: '提请收监执行',
};

/** How serious a step is: the counts of one rank run from the last step above it. */
const RANK: Record<SanctionKind, number> = {
  commend: 0,
  reprimand: 1,
  warning: 2,
  penalty: 3,
  revoke_probation: 4,
  revoke_parole: 4,
  imprison: 4,
};

/** The revocation step of each category (管制 has none). */
export const REVOKE_KIND: Record<CorrectionCategory, SanctionKind | null> = {
  control: null,
  probation: 'revoke_probation',
  parole: 'revoke_parole',
  outside: 'imprison',
};

/** The steps a file of this category may record: 治安处罚 not for 假释, the one revocation that fits. */
export function sanctionKindsFor(category: CorrectionCategory): SanctionKind[] {
  const revoke = REVOKE_KIND[category];
  return SANCTION_KINDS.filter((k) => {
    if (k === 'penalty') return category !== 'parole';
    if (RANK[k] === 4) return k === revoke;
    return true;
  });
}

/** Why a step may not be recorded on a file of this category (null: it may). */
export function sanctionKindError(category: CorrectionCategory, kind: SanctionKind): string | null {
  if (kind === 'penalty' && category === 'parole') return '提请治安管理处罚只适用于管制、缓刑和暂予监外执行的社区矫正对象，假释的不适用';
  if (RANK[kind] === 4 && kind !== REVOKE_KIND[category]) {
    const fit = REVOKE_KIND[category];
    return fit
      ? `该对象应为“${SANCTION_KIND_LABELS[fit]}”，不能${SANCTION_KIND_LABELS[kind]}`
      : `管制的社区矫正对象不能${SANCTION_KIND_LABELS[kind]}`;
  }
  return null;
}

// ── the conditions ───────────────────────────────────────────────────────────────────────────

export interface SanctionReason {
  code: string;
  text: string;
}

export const OTHER_REASON = 'other';

/** The conditions of each step, as the review lists them; every step also takes 其他 with its text. */
export const SANCTION_REASONS: Record<SanctionKind, readonly SanctionReason[]> = {
  commend: [{ code: 'good', text: '认罪悔罪，遵守法律法规和监督管理规定，积极参加教育学习和公益活动，表现良好' }],
  reprimand: [
    { code: 'late_short', text: '不按规定时间报到或者接受社区矫正期间脱离监管，未超过十日' },
    { code: 'rules_minor', text: '违反关于报告、会客、外出、迁居等规定，情节轻微' },
    { code: 'study', text: '不按规定参加教育学习等活动，经教育仍不改正' },
    { code: 'other_minor', text: '其他违反监督管理规定，情节轻微' },
  ],
  warning: [
    { code: 'prohibition_minor', text: '违反人民法院禁止令，情节轻微' },
    { code: 'late_long', text: '不按规定时间报到或者接受社区矫正期间脱离监管，超过十日' },
    { code: 'rules_serious', text: '违反关于报告、会客、外出、迁居等规定，情节较重' },
    { code: 'recheck', text: '保外就医的社区矫正对象无正当理由不按时提交病情复查情况，经教育仍不改正' },
    { code: 'two_reprimands', text: '受到训诫后仍不改正（两次训诫）' },
    { code: 'other_serious', text: '其他违反监督管理规定，情节较重' },
  ],
  penalty: [{ code: 'security', text: '违反监督管理规定，依法应当给予治安管理处罚' }],
  revoke_probation: [
    { code: 'prohibition_serious', text: '违反人民法院禁止令，情节严重' },
    { code: 'absent_month', text: '无正当理由不按规定时间报到或者接受社区矫正期间脱离监管，超过一个月' },
    { code: 'after_penalty', text: '因违反监督管理规定受到治安管理处罚，仍不改正' },
    { code: 'two_warnings', text: '受到执行机关二次警告，仍不改正' },
    { code: 'other_grave', text: '其他违反有关法律、行政法规和监督管理规定，情节严重' },
  ],
  revoke_parole: [
    { code: 'absent_month', text: '无正当理由不按规定时间报到或者接受社区矫正期间脱离监管，超过一个月〔参照缓刑，UNCONFIRMED〕' },
    { code: 'two_warnings', text: '受到执行机关二次警告，仍不改正〔参照缓刑，UNCONFIRMED〕' },
    { code: 'other_grave', text: '有违反法律、行政法规或者国务院有关部门关于假释的监督管理规定的行为，尚未构成新的犯罪（刑法第八十六条）' },
  ],
  imprison: [
    { code: 'unfit', text: '发现不符合暂予监外执行条件（刑事诉讼法第二百六十八条）' },
    { code: 'serious_breach', text: '严重违反有关暂予监外执行监督管理规定（刑事诉讼法第二百六十八条）' },
    { code: 'ground_gone', text: '暂予监外执行的情形消失后，罪犯刑期未满（刑事诉讼法第二百六十八条）' },
    { code: 'absent_month', text: '无正当理由不按规定时间报到或者接受社区矫正期间脱离监管，超过一个月〔参照缓刑，UNCONFIRMED〕' },
    { code: 'two_warnings', text: '受到执行机关二次警告，仍不改正〔参照缓刑，UNCONFIRMED〕' },
  ],
};

/** The words of a recorded reason (its condition, or the text written for 其他). */
export function reasonText(kind: SanctionKind, code: string, other: string | null): string {
  if (code === OTHER_REASON) return `其他：${other ?? ''}`;
  return SANCTION_REASONS[kind].find((r) => r.code === code)?.text ?? code;
}

export const SANCTION_SOURCE =
  '社区矫正法第二十八条：社区矫正机构根据社区矫正对象的表现，依照有关规定对其实施考核奖惩。训诫、警告和提请撤销缓刑的条件依温州市司法局2022年公开的《社区矫正法实施办法》条文〔PAGE〕；撤销假释、收监执行的详细条件未核实〔UNCONFIRMED〕，收监执行依刑事诉讼法第二百六十八条。';

// ── settings ─────────────────────────────────────────────────────────────────────────────────

/** The thresholds the review leaves open (假释 and 暂予监外执行 only). */
export interface SanctionSettings {
  /** 警告 without correction before 提请撤销假释 / 收监执行 is suggested. */
  otherWarnings?: number;
  /** Months out of supervision (or not reporting) before it is suggested. */
  otherAbsentMonths?: number;
}

/** The fixed conditions [PAGE Wenzhou 2022]. */
export const LATE_SHORT_DAYS = 10;
export const TWO_REPRIMANDS = 2;
export const PROBATION_WARNINGS = 2;
export const PROBATION_ABSENT_MONTHS = 1;

export const DEFAULT_SANCTION_SETTINGS = { otherWarnings: 2, otherAbsentMonths: 1 };
export const SANCTION_SETTINGS_SOURCE =
  '缓刑的条件（两次警告仍不改正、脱离监管超过一个月提请撤销缓刑）见温州市司法局2022年公开条文〔PAGE〕。假释和暂予监外执行的对应条件未核实〔UNCONFIRMED〕，默认参照缓刑；本所可在设置中调整。';

export function sanctionSettings(s: SanctionSettings) {
  return {
    otherWarnings: s.otherWarnings ?? DEFAULT_SANCTION_SETTINGS.otherWarnings,
    otherAbsentMonths: s.otherAbsentMonths ?? DEFAULT_SANCTION_SETTINGS.otherAbsentMonths,
  };
}

// ── the suggestion ───────────────────────────────────────────────────────────────────────────

export interface RecordedStep {
  kind: SanctionKind;
  /** The county's decision date (or the 核实 date while none): the order of the steps. */
  date: string;
  reason: string;
}

export interface SanctionFacts {
  category: CorrectionCategory;
  steps: readonly RecordedStep[];
  /**
   * 报到: the reporting deadline and the day reported (null: not yet). Null when no deadline is known.
   * Late only counts once the deadline has passed.
   */
  reportIn: { deadline: string; reportDate: string | null } | null;
  /** The due date of the earliest overdue 定期报告 (脱管), null when none is overdue. */
  overdueReportSince: string | null;
  today: string;
}

export interface Suggestion {
  kind: SanctionKind;
  /** The condition's code in SANCTION_REASONS[kind]. */
  reason: string;
  /** The condition's words. */
  condition: string;
  /** The facts of this file that meet it. */
  facts: string;
}

/** Steps since the last one more serious than `rank`. */
function countSince(steps: readonly RecordedStep[], rank: number, kind: (k: SanctionKind) => boolean): RecordedStep[] {
  const sorted = [...steps].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let from = 0;
  sorted.forEach((s, i) => {
    if (RANK[s.kind] > rank) from = i + 1;
  });
  return sorted.slice(from).filter((s) => kind(s.kind));
}

/** The revocation step of this category, or 治安处罚 for 管制 (which has none). */
function severeStep(category: CorrectionCategory): SanctionKind {
  return REVOKE_KIND[category] ?? 'penalty';
}

function conditionOf(kind: SanctionKind, reason: string): string {
  if (kind === 'penalty')
    return '管制没有撤销程序：受到两次警告仍不改正或者脱离监管超过一个月的，可提请公安机关给予治安管理处罚〔DERIVED〕';
  return SANCTION_REASONS[kind].find((r) => r.code === reason)?.text ?? reason;
}

function suggest(kind: SanctionKind, reason: string, facts: string): Suggestion {
  return { kind, reason, condition: conditionOf(kind, reason), facts };
}

/** Was a step of at least `rank` recorded for one of these reasons on or after `since`? */
const acted = (steps: readonly RecordedStep[], rank: number, reasons: readonly string[], since: string) =>
  steps.some((s) => RANK[s.kind] >= rank && s.date >= since && reasons.includes(s.reason));

const LATE_REASONS = ['late_short', 'late_long', 'absent_month'];
const monthWords = (n: number) => (n === 1 ? '一个月' : `${n}个月`);

/**
 * The next steps the file's record suggests, most serious first (none when nothing is met). Each names
 * its condition; it is never recorded by itself.
 */
export function suggestSanctions(f: SanctionFacts, settings: SanctionSettings = {}): Suggestion[] {
  const s = sanctionSettings(settings);
  const probationLike = f.category === 'probation' || f.category === 'control';
  const warningsNeeded = probationLike ? PROBATION_WARNINGS : s.otherWarnings;
  const absentMonths = probationLike ? PROBATION_ABSENT_MONTHS : s.otherAbsentMonths;
  const severe = severeStep(f.category);
  const out: Suggestion[] = [];

  // Not reporting, or out of supervision: from the day after the deadline (or the report's due date).
  const lateness = (since: string, until: string, what: string) => {
    const days = daysBetween(since, until);
    if (days <= 0) return;
    const words = `${what}${days}日`;
    const step =
      until > addMonths(since, absentMonths)
        ? suggest(severe, severe === 'penalty' ? 'security' : 'absent_month', `${words}，超过${monthWords(absentMonths)}`)
        : days > LATE_SHORT_DAYS
          ? suggest('warning', 'late_long', `${words}，超过十日`)
          : suggest('reprimand', 'late_short', `${words}，未超过十日`);
    // Already dealt with: a step at least this serious recorded for lateness since it began.
    if (!acted(f.steps, RANK[step.kind], [...LATE_REASONS, ...(severe === 'penalty' ? ['security'] : [])], since)) out.push(step);
  };
  // A 暂予监外执行 subject is handed over by the prison or the police (社区矫正法 art. 21): a late hand-over is not theirs.
  if (f.reportIn && f.category !== 'outside') {
    const { deadline, reportDate } = f.reportIn;
    if (reportDate) lateness(deadline, reportDate, '报到迟延');
    else if (deadline < f.today) lateness(deadline, f.today, '逾期未报到已');
  }
  if (f.overdueReportSince && f.overdueReportSince < f.today) lateness(f.overdueReportSince, f.today, '未按时报告（脱管）已');

  // Two 警告 since the last 提请 or 治安处罚.
  const warnings = countSince(f.steps, 2, (k) => k === 'warning');
  if (warnings.length >= warningsNeeded)
    out.push(
      suggest(
        severe,
        severe === 'penalty' ? 'security' : 'two_warnings',
        `已受到${warnings.length}次警告（${warnings.map((w) => w.date).join('、')}）`,
      ),
    );
  // Two 训诫 since the last 警告 or more.
  const reprimands = countSince(f.steps, 1, (k) => k === 'reprimand');
  if (reprimands.length >= TWO_REPRIMANDS)
    out.push(suggest('warning', 'two_reprimands', `已受到${reprimands.length}次训诫（${reprimands.map((w) => w.date).join('、')}）`));

  // Most serious first; one suggestion per step.
  const seen = new Set<SanctionKind>();
  return out
    .sort((a, b) => RANK[b.kind] - RANK[a.kind])
    .filter((x) => {
      if (seen.has(x.kind)) return false;
      seen.add(x.kind);
      return true;
    });
}
