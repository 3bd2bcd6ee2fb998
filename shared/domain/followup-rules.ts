/**
 * Special-group follow-up cadences (重点人员 走访/随访/检测) as data, with the source of each default
 * (CONTRIBUTING.md, DOMAIN §4). `rulesFor` turns a file's group and facts into the rules in force for the
 * engine in ./obligations. The office may change a cadence (`overrides`, stored and audited by the DB
 * layer); a change applies from its date. Rules fixed by law (报到期限、戒毒期限) cannot be overridden.
 *
 * Events: every visit of any kind (上门、电话、视频、到所) is recorded with ruleId VISIT_EVENT, so one
 * visit counts for the level-dependent cadence and for "at least 4 a year" at once. Drug tests use
 * ruleId 'drug.test', the 解除 notice 'drug.term'. The recorded reporting date is the fact
 * `reportDate`, which also satisfies the reporting window.
 */
import { addDays } from '../dates';
import { addYears, type PeriodKind } from '../date-math';
import { cadenceText, type FactValue, type Rule } from './obligations';

export const FOLLOWUP_GROUPS = [
  'mental_health',
  'drug',
  'cult',
  'petition',
  'youth',
  'left_behind_child',
  'cross_border',
  'other',
] as const;
export type FollowupGroup = (typeof FOLLOWUP_GROUPS)[number];
export const FOLLOWUP_GROUP_LABELS: Record<FollowupGroup, string> = {
  mental_health: '严重精神障碍患者',
  drug: '社区戒毒/社区康复人员',
  cult: '邪教人员',
  petition: '重点信访人员',
  youth: '闲散/不良行为青少年',
  left_behind_child: '留守儿童',
  cross_border: '涉跨境违法犯罪人员',
  other: '其他',
};

/** The group's name as the office says it: 其他 files carry the office's own name for their group. */
export function groupText(group: FollowupGroup, groupName: string | null): string {
  return group === 'other' && groupName ? groupName : FOLLOWUP_GROUP_LABELS[group];
}

/** The event kind of a recorded visit (走访/随访). */
export const VISIT_EVENT = 'visit';

export type CadenceBasis = 'law' | 'standard' | 'local' | 'practice';
export const CADENCE_BASIS_LABELS: Record<CadenceBasis, string> = {
  law: '法律法规',
  standard: '国家规范',
  local: '地方做法',
  practice: '经验做法',
};

/** One default cadence. `key` is what an office override names. */
export interface CadenceDefault {
  key: string;
  label: string;
  days?: number;
  months?: number;
  period?: PeriodKind;
  minCount?: number;
  basis: CadenceBasis;
  source: string;
  adjustable: boolean;
}

/** An office's change of a cadence, in force from `since` (stored and audited by the DB layer). */
export interface CadenceOverride {
  key: string;
  days?: number;
  months?: number;
  period?: PeriodKind;
  minCount?: number;
  since: string;
  reason: string;
}

export interface FollowupOverrides {
  /** 'health' (default): the public-health follow-up standard; 'grid': the 综治 grid home-visit practice. */
  mentalHealthScheme?: 'health' | 'grid';
  cadences?: CadenceOverride[];
  /** The office's opening grace in days (absent: the default); see DEFAULT_OPENING_GRACE_DAYS. */
  openingGraceDays?: number;
}

/**
 * A file opened in the last days of a month (quarter, year) owes no visit for that period unless a
 * visit is recorded in it (the opening visit counts): without this, a file opened on the 29th is
 * overdue on the 1st for a month it had two days of. The office's own practice, no text found
 * **[UNCONFIRMED]**; 5 days by default (about the last working week), 0 = the month of opening is
 * always owed (当月建档当月走访). Applies to every calendar duty (每月走访, 全年随访不少于4次 …).
 */
export const DEFAULT_OPENING_GRACE_DAYS = 5;
export const MAX_OPENING_GRACE_DAYS = 15;
export const OPENING_GRACE_SOURCE =
  '本所做法（未见规定，待核实）：建档日期在当月（季度、年度）最后N天内的，当期不计走访；建档后当期内已走访的照常计入。默认5天，避免月末建档、次月初即逾期；设为0则建档当月一律计走访（当月建档当月走访）';

export function openingGraceDays(o: FollowupOverrides = {}): number {
  return o.openingGraceDays ?? DEFAULT_OPENING_GRACE_DAYS;
}

const MH_STD = '国家基本公共卫生服务规范（第三版）严重精神障碍患者管理服务规范';
const MH_GRID = '地方做法（湖北黄冈黄州区综治网格）';
const XIANYOU =
  '地方做法（福建仙游县）：第1年每月、第2年每2个月、第3年每3个月检测。戒毒条例第十九条只规定按公安机关要求定期检测，未见全国统一频次；可调整';
const PRACTICE = '经验做法："每月至少走访一次"，未见全国性规定；可调整';

export const CADENCES: CadenceDefault[] = [
  // 3rd edition: unstable (risk 3–5) → follow up within 2 weeks; we schedule every 2 weeks while unstable,
  // since each visit reassesses and a calmer patient moves to a longer cadence from that visit.
  // Levels 4–5 are violence against people, self-harm, arson: the standard's 2 weeks is the outer limit;
  // the grid practice visits 3–5 weekly. For these two levels we take the stricter, weekly.
  {
    key: 'mh.danger',
    label: '随访（危险性4–5级）',
    days: 7,
    basis: 'local',
    source: `${MH_STD}：不稳定者2周内随访；危险性4–5级（伤人、自伤、纵火等）按网格做法（${MH_GRID}）每周走访，取较严者；可调整`,
    adjustable: true,
  },
  {
    key: 'mh.unstable',
    label: '随访（不稳定）',
    days: 14,
    basis: 'standard',
    source: `${MH_STD}：危险性3–5级或病情不稳定者2周内随访；本系统按每2周排期`,
    adjustable: true,
  },
  // Basically stable (risk 1–2): the standard says a visit at 2 weeks, then 3 months if stable or 1 month if
  // not. We keep the stricter 1 month: the reassessment at each visit moves a stable patient to 3 months.
  {
    key: 'mh.basic',
    label: '随访（基本稳定）',
    months: 1,
    basis: 'standard',
    source: `${MH_STD}：基本稳定者2周时随访，之后稳定者3个月、未稳定者1个月；本系统简化为每1个月`,
    adjustable: true,
  },
  {
    key: 'mh.stable',
    label: '随访（稳定）',
    months: 3,
    basis: 'standard',
    source: `${MH_STD}：稳定者（危险性0级）每3个月随访`,
    adjustable: true,
  },
  {
    key: 'mh.yearly',
    label: '全年随访不少于4次',
    period: 'year',
    minCount: 4,
    basis: 'standard',
    source: `${MH_STD}：每年至少随访4次，每次进行危险性评估`,
    adjustable: false,
  },
  {
    key: 'mh.grid.high',
    label: '网格走访（危险性3–5级）',
    days: 7,
    basis: 'local',
    source: `${MH_GRID}：危险性3–5级患者至少每周上门走访；可调整`,
    adjustable: true,
  },
  {
    key: 'mh.grid.low',
    label: '网格走访（危险性0–2级）',
    months: 1,
    basis: 'local',
    source: `${MH_GRID}：危险性0–2级患者至少每月走访；可调整`,
    adjustable: true,
  },
  { key: 'drug.test.y1', label: '检测（第1年）', months: 1, basis: 'local', source: XIANYOU, adjustable: true },
  { key: 'drug.test.y2', label: '检测（第2年）', months: 2, basis: 'local', source: XIANYOU, adjustable: true },
  { key: 'drug.test.y3', label: '检测（第3年）', months: 3, basis: 'local', source: XIANYOU, adjustable: true },
  {
    key: 'cult.visit',
    label: '每月走访',
    period: 'month',
    basis: 'practice',
    source: `乡镇台账惯例：邪教人员每月走访。${PRACTICE}`,
    adjustable: true,
  },
  { key: 'petition.visit', label: '每月走访', period: 'month', basis: 'practice', source: PRACTICE, adjustable: true },
  { key: 'youth.visit', label: '每月走访', period: 'month', basis: 'practice', source: PRACTICE, adjustable: true },
  { key: 'left_behind_child.visit', label: '每月走访', period: 'month', basis: 'practice', source: PRACTICE, adjustable: true },
  {
    key: 'cross_border.visit',
    label: '每月走访',
    period: 'month',
    basis: 'practice',
    source: `${PRACTICE}（涉跨境人员未见任何频次来源）`,
    adjustable: true,
  },
  { key: 'other.visit', label: '每月走访', period: 'month', basis: 'practice', source: PRACTICE, adjustable: true },
];

/** The default with the office's latest override applied (overrides of non-adjustable defaults are ignored). */
export function effectiveCadence(key: string, overrides: FollowupOverrides = {}): CadenceDefault & { override: CadenceOverride | null } {
  const base = CADENCES.find((c) => c.key === key);
  if (!base) throw new Error(`未知的频次：${key}`);
  const o = base.adjustable
    ? ([...(overrides.cadences ?? [])]
        .filter((x) => x.key === key)
        .sort((a, b) => (a.since < b.since ? -1 : 1))
        .pop() ?? null)
    : null;
  if (!o) return { ...base, override: null };
  // An override names either an interval (every N days/months) or a calendar period; whatever it leaves
  // out is kept from the default (e.g. only minCount changed).
  const interval = !!(o.days || o.months);
  const keep = !interval && !o.period;
  return {
    ...base,
    days: interval ? o.days : keep ? base.days : undefined,
    months: interval ? o.months : keep ? base.months : undefined,
    period: interval ? undefined : (o.period ?? base.period),
    minCount: o.minCount ?? base.minCount,
    source: `本所调整（${o.since}起）：${o.reason}。原默认：${base.source}`,
    override: o,
  };
}

function latest(...dates: (string | null | undefined)[]): string | undefined {
  return dates
    .filter((d): d is string => !!d)
    .sort()
    .pop();
}

/** A visit rule from a cadence: every N days/months, or a calendar duty when the cadence is a period. */
function cadenceRule(id: string, c: CadenceDefault, extra: { since?: string; until?: string } = {}): Rule {
  const { label, source } = c;
  if (c.period) return { kind: 'periodic', id, label, period: c.period, minCount: c.minCount, source, eventKinds: [VISIT_EVENT], ...extra };
  return { kind: 'every', id, label, days: c.days, months: c.months, firstFrom: 'start', source, eventKinds: [VISIT_EVENT], ...extra };
}

/**
 * A calendar duty whose cadence the office changed: the default stays in force until the day before the
 * change (so months already missed still count) and the new cadence runs from it. The earlier rule keeps
 * its own id ('<id>.prev') so that the two never share an occurrence key.
 */
function periodicWithOverride(id: string, key: string, overrides: FollowupOverrides): Rule[] {
  const c = effectiveCadence(key, overrides);
  if (!c.override) return [cadenceRule(id, c)];
  const base = CADENCES.find((x) => x.key === key)!;
  return [cadenceRule(`${id}.prev`, base, { until: addDays(c.override.since, -1) }), cadenceRule(id, c, { since: c.override.since })];
}

// ── mental health ────────────────────────────────────────────────────────────────────────────

export const STABILITY_CLASSES = ['unstable', 'basic', 'stable'] as const;
export type StabilityClass = (typeof STABILITY_CLASSES)[number];

function num(v: FactValue | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * Stability class (3rd-edition standard): risk level 3–5 → unstable, 1–2 → basically stable, 0 → stable.
 * The doctor's clinical class (symptoms, insight, side-effects), when recorded, can only make it worse:
 * the standard calls a patient unstable if the risk OR the clinical picture says so. No assessment yet →
 * unstable, so that a new patient is seen (and assessed) within 2 weeks.
 */
export function stabilityClass(riskLevel: number | null, clinical?: StabilityClass | null): StabilityClass {
  const byRisk: StabilityClass = riskLevel === null ? 'unstable' : riskLevel >= 3 ? 'unstable' : riskLevel >= 1 ? 'basic' : 'stable';
  if (!clinical) return byRisk;
  return STABILITY_CLASSES[Math.min(STABILITY_CLASSES.indexOf(byRisk), STABILITY_CLASSES.indexOf(clinical))]!;
}

/**
 * facts: riskLevel (0–5), riskLevelDate (the reassessment that set it; the cadence counts from it),
 * stability (optional clinical class). The cadence rule keeps one id whatever the level, so the last
 * visit always counts; a new level applies from its date.
 */
function mentalHealthRules(facts: Record<string, FactValue>, o: FollowupOverrides): Rule[] {
  const level = num(facts.riskLevel);
  const clinical = STABILITY_CLASSES.find((c) => c === facts.stability) ?? null;
  const key =
    o.mentalHealthScheme === 'grid'
      ? level === null || level >= 3
        ? 'mh.grid.high'
        : 'mh.grid.low'
      : level !== null && level >= 4
        ? 'mh.danger'
        : `mh.${stabilityClass(level, clinical)}`;
  const c = effectiveCadence(key, o);
  const since = latest(typeof facts.riskLevelDate === 'string' ? facts.riskLevelDate : null, c.override?.since);
  return [cadenceRule('mh.followup', c, since ? { since } : {}), ...periodicWithOverride('mh.yearly', 'mh.yearly', o)];
}

// ── drugs (社区戒毒 / 社区康复) ─────────────────────────────────────────────────────────────────

export const DRUG_TYPES = ['detox', 'rehab'] as const;
export type DrugType = (typeof DRUG_TYPES)[number];
export const DRUG_TYPE_LABELS: Record<DrugType, string> = { detox: '社区戒毒', rehab: '社区康复' };

/** 3 years from the reporting date (禁毒法 art. 33; 社区康复 ≤ 3 years, art. 48). Feb 29 → Feb 28. */
export function drugTermEnd(reportDate: string): string {
  return addYears(reportDate, 3);
}

/**
 * facts: drugType, decisionDate (the day the decision was received), reportDate (报到日期), termEnd
 * (optional: a 社区康复 decision may set less than 3 years).
 */
function drugRules(facts: Record<string, FactValue>, o: FollowupOverrides): Rule[] {
  const rehab = facts.drugType === 'rehab';
  const str = (v: FactValue | undefined): string | null => (typeof v === 'string' && v ? v : null);
  const report = str(facts.reportDate);
  const rules: Rule[] = [
    {
      kind: 'window',
      id: 'drug.report',
      label: '报到',
      days: 15,
      from: 'decisionDate',
      doneFact: 'reportDate',
      // A period's last day that is a statutory holiday moves to the day after (民法典 art. 203).
      rollForward: true,
      source: rehab
        ? '禁毒法第四十八条、戒毒条例第三十七条至第四十条：自收到责令社区康复决定书之日起15日内报到（参照社区戒毒）；期间末日遇节假日顺延（民法典第二百零三条）'
        : '戒毒条例第十四条：自收到责令社区戒毒决定书之日起15日内到乡镇人民政府报到，无正当理由逾期视为拒绝；期间末日遇节假日顺延（民法典第二百零三条）',
    },
  ];
  if (!report) return rules;
  const end = str(facts.termEnd) ?? drugTermEnd(report);
  rules.push({
    kind: 'termEnd',
    id: 'drug.term',
    label: rehab ? '社区康复期满' : '社区戒毒期满',
    remindDays: [30, 7],
    date: end,
    source: rehab
      ? '禁毒法第四十八条：社区康复期限不超过3年；期满后公安机关7日内通知乡镇（戒毒条例第四十条）'
      : '禁毒法第三十三条、戒毒条例第十四条：社区戒毒期限为3年，自报到之日起计算；期满解除（戒毒条例第二十三条）',
  });
  const [y1, y2, y3] = (['drug.test.y1', 'drug.test.y2', 'drug.test.y3'] as const).map((k) => effectiveCadence(k, o));
  const phase = (c: typeof y1, from: string) => ({ from, days: c!.days, months: c!.months });
  const since = latest(report, y1!.override?.since, y2!.override?.since, y3!.override?.since)!;
  rules.push({
    kind: 'every',
    id: 'drug.test',
    label: '定期检测',
    firstFrom: 'start',
    phases: [phase(y1, report), phase(y2, addYears(report, 1)), phase(y3, addYears(report, 2))],
    since,
    until: end,
    source: y1!.source,
  });
  return rules;
}

/** 戒毒条例 art. 20: what counts as a serious breach of the agreement (严重违反社区戒毒协议). */
export interface BreachCounts {
  /** Times testing was avoided or refused (逃避或者拒绝接受检测). */
  testRefusals: number;
  /** Times the county was left without permission (擅自离开执行地所在县（市、区）). */
  unauthorizedLeaves: number;
  /** Total days away without permission. */
  daysAway: number;
}

export function seriousBreach(c: BreachCounts): { serious: boolean; reasons: string[] } {
  const reasons: string[] = [];
  if (c.testRefusals >= 3) reasons.push(`逃避或拒绝接受检测${c.testRefusals}次（3次以上）`);
  if (c.unauthorizedLeaves >= 3) reasons.push(`擅自离开执行地所在县（市、区）${c.unauthorizedLeaves}次（3次以上）`);
  if (c.daysAway > 30) reasons.push(`擅自离开累计${c.daysAway}日（超过30日）`);
  return { serious: reasons.length > 0, reasons };
}
export const SERIOUS_BREACH_SOURCE =
  '戒毒条例第二十条：逃避或拒绝检测3次以上，或擅自离开执行地所在县（市、区）3次以上或累计超过30日，属严重违反社区戒毒协议';

// ── all groups ───────────────────────────────────────────────────────────────────────────────

/** The rules in force for one file, from its group, its facts and the office's overrides. */
export function rulesFor(group: FollowupGroup, facts: Record<string, FactValue>, overrides: FollowupOverrides = {}): Rule[] {
  return withOpeningGrace(rulesOf(group, facts, overrides), overrides);
}

function rulesOf(group: FollowupGroup, facts: Record<string, FactValue>, overrides: FollowupOverrides): Rule[] {
  if (group === 'mental_health') return mentalHealthRules(facts, overrides);
  if (group === 'drug') return drugRules(facts, overrides);
  return periodicWithOverride('visit', `${group}.visit`, overrides);
}

/** Every calendar duty of a file takes the office's opening grace (DEFAULT_OPENING_GRACE_DAYS). */
function withOpeningGrace(rules: Rule[], o: FollowupOverrides): Rule[] {
  const days = openingGraceDays(o);
  return rules.map((r) => (r.kind === 'periodic' && days > 0 ? { ...r, openingGraceDays: days } : r));
}

export interface CadenceView {
  ruleId: string;
  label: string;
  /** 每2周, 每年至少4次 … */
  text: string;
  source: string;
}

/** The cadences shown on the file page ("走访频次"), one per rule in force. */
export function cadenceFor(group: FollowupGroup, facts: Record<string, FactValue>, overrides: FollowupOverrides = {}): CadenceView[] {
  return rulesFor(group, facts, overrides)
    .filter((r) => !r.id.endsWith('.prev'))
    .map((r) => ({ ruleId: r.id, label: r.label, text: cadenceText(r), source: r.source }));
}
