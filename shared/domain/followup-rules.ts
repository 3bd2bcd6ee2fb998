/**
 * Special-group follow-up cadences (重点人员 走访/随访/检测) as data, with the source of each default
 * (CONTRIBUTING.md, DOMAIN §4). `rulesFor` turns a file's group, facts and record (its visits, tests,
 * police reports and 中止 periods) into the rules in force for the engine in ./obligations, and
 * `followupDueItems` runs the engine on them. The office may change a cadence (`overrides`, stored and
 * audited by the DB layer); a change applies from its date. Rules fixed by law (报到期限、戒毒期限)
 * cannot be overridden.
 *
 * Events: every visit of any kind (上门、电话、视频、到所) is recorded with ruleId VISIT_EVENT, so one
 * visit counts for the level-dependent cadence and for "at least 4 a year" at once. Drug tests use
 * ruleId 'drug.test', the 解除 notice 'drug.term'. The recorded reporting date is the fact
 * `reportDate`, which also satisfies the reporting window; the agreement date `agreementDate` satisfies
 * 'drug.agreement'. A police report (报告公安机关) satisfies the 'drug.police.*' duties it names.
 */
import { addDays, daysBetween } from '../dates';
import { addYears, type PeriodKind } from '../date-math';
import { nextWorkingDayOnOrAfter, addWorkingDays, type HolidayTable } from './holidays';
import {
  actionEvents,
  actionExtensions,
  cadenceText,
  computeDueItems,
  intervalText,
  levelAt,
  PERIOD_WORDS,
  type DueItem,
  type EveryRule,
  type FactValue,
  type Interval,
  type ObligationEvent,
  type RecordedAction,
  type Rule,
} from './obligations';

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

/** The groups whose visits follow the office's group × level table (REVIEW row 11); mental health and drugs have their own schemes. */
export const VISIT_GROUPS = ['cult', 'petition', 'youth', 'left_behind_child', 'cross_border', 'other'] as const;
export type VisitGroup = (typeof VISIT_GROUPS)[number];
export const isVisitGroup = (g: FollowupGroup): g is VisitGroup => (VISIT_GROUPS as readonly string[]).includes(g);

/** The attention levels of the visit groups (stored codes; 留守儿童 word them as 关爱 levels). */
export const ATTENTION_LEVELS = ['red', 'yellow', 'green'] as const;
export type AttentionLevel = (typeof ATTENTION_LEVELS)[number];
export const ATTENTION_LEVEL_LABELS: Record<AttentionLevel, string> = {
  red: '红色（重点关注）',
  yellow: '黄色（一般关注）',
  green: '绿色（日常关注）',
};
/**
 * Left-behind children are minors (REVIEW row 11): a 关爱 level, never a red/yellow/green "control" colour.
 * The stored codes stay, so a file keeps its level; only the words (and the window's colours) change.
 */
export const CARE_LEVEL_LABELS: Record<AttentionLevel, string> = { red: '重点关爱', yellow: '一般关爱', green: '日常关爱' };

/** A visit group's level in words: the attention colour, or for 留守儿童 the 关爱 level. */
export function attentionLevelText(group: FollowupGroup, level: string): string {
  const words = group === 'left_behind_child' ? CARE_LEVEL_LABELS : ATTENTION_LEVEL_LABELS;
  return words[level as AttentionLevel] ?? level;
}

/**
 * 管控对象 (REVIEW row 11): a person on the roll (在册) is not thereby one the office must control.
 * 'controlled' 需管控 (the level's cadence applies), 'registered' 仅在册 (no visit duty unless the office
 * sets one for 在册 persons), and for 邪教 files 'to_transform' 待转化: a 需管控 person the office works
 * to transform (曹回: 在册105人，需管控11人，待转化1人), visited as 需管控. Mental-health and drug files are
 * always 'controlled': their duties are the law's and the standard's.
 */
export const CONTROL_STATUSES = ['controlled', 'registered', 'to_transform'] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];

/** The statuses a group's file may take: none to choose for mental health and drugs. */
export function controlStatusesFor(group: FollowupGroup): readonly ControlStatus[] {
  if (!isVisitGroup(group)) return ['controlled'];
  return group === 'cult' ? ['registered', 'controlled', 'to_transform'] : ['registered', 'controlled'];
}

/** The status in words; a child is 需关爱帮扶, never 需管控. */
export function controlText(group: FollowupGroup, status: ControlStatus): string {
  if (status === 'registered') return '仅在册';
  if (status === 'to_transform') return '待转化';
  return group === 'left_behind_child' ? '需关爱帮扶' : '需管控';
}

/** Whether a file of this status is owed visits at its level's cadence (需管控 and 待转化 are). */
export const isControlled = (status: ControlStatus): boolean => status !== 'registered';

/**
 * What a recorded visit is called (REVIEW row 23): under the public-health scheme the office enters the
 * doctors' 随访 of mental-health patients; under the 司法所/综治 scheme it makes its own 走访 with the
 * 关爱帮扶小组. Every other group is visited (走访).
 */
export function visitWord(group: FollowupGroup, scheme: FollowupOverrides['mentalHealthScheme'] = 'health'): string {
  if (group !== 'mental_health') return '走访';
  return scheme === 'grid' ? '走访（关爱帮扶）' : '随访';
}

export type CadenceBasis = 'law' | 'standard' | 'local' | 'practice' | 'derived';
export const CADENCE_BASIS_LABELS: Record<CadenceBasis, string> = {
  law: '法律法规',
  standard: '国家规范',
  local: '地方做法',
  practice: '经验做法',
  derived: '本系统设定（待核实）',
};

/** One default cadence. `key` is what an office override names. */
export interface CadenceDefault {
  key: string;
  label: string;
  days?: number;
  months?: number;
  period?: PeriodKind;
  minCount?: number;
  /** No visit duty at all (仅在册 persons by default, REVIEW row 11). */
  off?: boolean;
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
  /** No visit duty from `since` (only for 仅在册 persons). */
  off?: boolean;
  since: string;
  reason: string;
}

export interface FollowupOverrides {
  /** 'health' (default): the public-health follow-up standard; 'grid': the 综治 grid home-visit practice. */
  mentalHealthScheme?: 'health' | 'grid';
  cadences?: CadenceOverride[];
  /** Drug files: the working days the office gives "及时" (报告公安机关, 签订协议); 0 = the same day. */
  promptDays?: number;
  /** Drug files: whether a 中止 pushes the term end back by its length (default: not). */
  suspensionExtendsTerm?: boolean;
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

const MH_STD = '《国家基本公共卫生服务规范（第三版）》严重精神障碍患者管理服务规范';
const MH_GRID =
  '地方做法（湖北黄冈黄州区综治网格）；司法所、综治与关爱帮扶小组的走访，不是卫生院、村卫生室的随访（《精神卫生法》第五十五条）';
const XIANYOU =
  '地方做法（福建仙游县）：第1年每月、第2年每2个月、第3年每3个月检测。《戒毒条例》第十九条只规定按公安机关要求定期检测，未见全国统一频次；可调整';
/**
 * The visit groups' default (REVIEW row 11): monthly at every level for a person the office controls, as
 * the townships' reports say for their 重点对象 and 需管控人员 [LOCAL]; no national cadence was found
 * [UNCONFIRMED]. A person merely 在册 owes nothing unless the office sets a cadence [DERIVED].
 */
const LOCAL_MONTHLY =
  '地方做法：乡镇工作总结对重点对象“每月至少一次上门走访和会见”（李堡镇），“每月…与需管控人员进行走访”（曹回）；未见全国统一的走访频次（待核实）；可调整，本所可按类别、等级分别设定';
const REGISTERED_NONE =
  '本系统设定：仅在册、未列为管控对象的人员不安排定期走访——乡镇总结只对重点对象、需管控人员要求每月走访（曹回：在册邪教人员105人，其中需管控11人、待转化1人）；未见规定（待核实）。本所可为在册人员设定频次（如每季度1次）';

/** A visit group's table row: one cadence per attention level for the files it controls, and one for 仅在册 files. */
function visitCadences(group: VisitGroup): CadenceDefault[] {
  const source = group === 'cross_border' ? `${LOCAL_MONTHLY}（涉跨境人员未见任何频次来源）` : LOCAL_MONTHLY;
  return [
    ...ATTENTION_LEVELS.map(
      (level): CadenceDefault => ({
        key: visitCadenceKey(group, level, 'controlled'),
        label: `${FOLLOWUP_GROUP_LABELS[group]}：${attentionLevelText(group, level)}`,
        period: 'month',
        basis: 'local',
        source,
        adjustable: true,
      }),
    ),
    {
      key: visitCadenceKey(group, null, 'registered'),
      label: `${FOLLOWUP_GROUP_LABELS[group]}：仅在册`,
      off: true,
      basis: 'derived',
      source: REGISTERED_NONE,
      adjustable: true,
    },
  ];
}

/** The table cell a visit-group file's cadence comes from: its level's, or 仅在册's (REVIEW row 11). */
export function visitCadenceKey(group: VisitGroup, level: string | null, control: ControlStatus): string {
  if (!isControlled(control)) return `${group}.visit.registered`;
  return `${group}.visit.${(ATTENTION_LEVELS as readonly string[]).includes(level ?? '') ? level : 'red'}`;
}

/**
 * Before the table, an office changed one cadence per group ('<group>.visit'); such a change still holds
 * for every level of the group it controls until the office changes a cell of the table (REVIEW row 11).
 */
function legacyKey(key: string): string | null {
  const m = /^([a-z_]+)\.visit\.(red|yellow|green)$/.exec(key);
  return m ? `${m[1]}.visit` : null;
}

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
  // Basically stable (risk 1–2), two steps (REVIEW row 5): a visit 2 weeks after the reassessment, then
  // the stability class found at that visit decides: stable → 3 months ('mh.stable'), still basically
  // stable (or not recorded) → 1 month ('mh.basic'), unstable → 2 weeks ('mh.unstable').
  {
    key: 'mh.basic.first',
    label: '随访（基本稳定，2周时）',
    days: 14,
    basis: 'standard',
    source: `${MH_STD}：基本稳定者（危险性1–2级）经初步处理后观察2周，2周时随访`,
    adjustable: true,
  },
  {
    key: 'mh.basic',
    label: '随访（基本稳定，未稳定）',
    months: 1,
    basis: 'standard',
    source: `${MH_STD}：基本稳定者2周时随访，趋于稳定的3个月时随访，仍未稳定的1个月时随访`,
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
    label: '走访（关爱帮扶，危险性3–5级）',
    days: 7,
    basis: 'local',
    source: `${MH_GRID}：危险性3–5级患者至少每周上门走访；可调整`,
    adjustable: true,
  },
  {
    key: 'mh.grid.low',
    label: '走访（关爱帮扶，危险性0–2级）',
    months: 1,
    basis: 'local',
    source: `${MH_GRID}：危险性0–2级患者至少每月走访；可调整`,
    adjustable: true,
  },
  { key: 'drug.test.y1', label: '检测（第1年）', months: 1, basis: 'local', source: XIANYOU, adjustable: true },
  { key: 'drug.test.y2', label: '检测（第2年）', months: 2, basis: 'local', source: XIANYOU, adjustable: true },
  { key: 'drug.test.y3', label: '检测（第3年）', months: 3, basis: 'local', source: XIANYOU, adjustable: true },
  ...VISIT_GROUPS.flatMap(visitCadences),
];

export type EffectiveCadence = CadenceDefault & { override: CadenceOverride | null };

/** What a cadence's visit is called: a drug test, a health follow-up (随访) or a visit (走访). */
function cadenceVerb(key: string): string {
  if (key.startsWith('drug.test')) return '检测';
  return key.startsWith('mh.') && !key.startsWith('mh.grid.') ? '随访' : '走访';
}

/** How often, in the office's words: 每月走访1次, 每2周随访1次, 每年至少随访4次 (null: no visits at all). */
function frequencyWords(c: Pick<CadenceDefault, 'key' | 'days' | 'months' | 'period' | 'minCount' | 'off'>): string | null {
  if (c.off) return null;
  const verb = cadenceVerb(c.key);
  // Once, two weeks after a patient is assessed as basically stable (REVIEW row 5); then by stability.
  if (c.key === 'mh.basic.first') return `评估后${intervalText(c).slice(1)}时${verb}1次`;
  if (c.period)
    return (c.minCount ?? 1) > 1 ? `${PERIOD_WORDS[c.period]}至少${verb}${c.minCount}次` : `${PERIOD_WORDS[c.period]}${verb}1次`;
  return `${intervalText(c)}${verb}1次`;
}

/**
 * A cadence as the office says it (每月走访1次，可在设置中调整), its source left for a tooltip: whether
 * the office may change it, and when it did (本所调整（2024-07-01起）：reason).
 */
export function cadencePlain(c: EffectiveCadence): string {
  const how = frequencyWords(c);
  if (c.override) return `${how ?? '不安排定期走访'}；本所调整（${c.override.since}起）：${c.override.reason}`;
  if (!how) return '不安排定期走访，可在设置中为其设定走访频次';
  return c.adjustable ? `${how}，可在设置中调整` : `${how}，依${CADENCE_BASIS_LABELS[c.basis]}，不能调整`;
}

/** The office's changes that apply to a cadence: its own, and for a level of a visit group the group's change made before the table. */
function overridesOf(key: string, overrides: FollowupOverrides): CadenceOverride[] {
  const legacy = legacyKey(key);
  return (overrides.cadences ?? [])
    .filter((x) => x.key === key || (legacy !== null && x.key === legacy))
    .sort((a, b) => (a.since < b.since ? -1 : a.since > b.since ? 1 : a.key === key ? 1 : b.key === key ? -1 : 0));
}

function applyOverride(base: CadenceDefault, o: CadenceOverride | null): EffectiveCadence {
  if (!o) return { ...base, override: null };
  const source = `本所调整（${o.since}起）：${o.reason}。原默认：${base.source}`;
  if (o.off) return { ...base, days: undefined, months: undefined, period: undefined, minCount: undefined, off: true, source, override: o };
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
    off: keep ? base.off : undefined,
    source,
    override: o,
  };
}

function baseCadence(key: string): CadenceDefault {
  const base = CADENCES.find((c) => c.key === key);
  if (!base) throw new Error(`未知的频次：${key}`);
  return base;
}

/** The default with the office's latest override applied (overrides of non-adjustable defaults are ignored). */
export function effectiveCadence(key: string, overrides: FollowupOverrides = {}): EffectiveCadence {
  const base = baseCadence(key);
  return applyOverride(base, base.adjustable ? (overridesOf(key, overrides).pop() ?? null) : null);
}

/** The cadence in force on `date`: the default with the latest override in force by then. */
export function cadenceOn(key: string, overrides: FollowupOverrides, date: string): EffectiveCadence {
  const base = baseCadence(key);
  const o = base.adjustable
    ? (overridesOf(key, overrides)
        .filter((x) => x.since <= date)
        .pop() ?? null)
    : null;
  return applyOverride(base, o);
}

function latest(...dates: (string | null | undefined)[]): string | undefined {
  return dates
    .filter((d): d is string => !!d)
    .sort()
    .pop();
}

/** A visit rule from a cadence: every N days/months, or a calendar duty when the cadence is a period. */
function cadenceRule(id: string, c: EffectiveCadence, extra: { since?: string; until?: string } = {}): Rule {
  const { label, source } = c;
  const plain = cadencePlain(c);
  if (c.period)
    return { kind: 'periodic', id, label, period: c.period, minCount: c.minCount, source, plain, eventKinds: [VISIT_EVENT], ...extra };
  return {
    kind: 'every',
    id,
    label,
    days: c.days,
    months: c.months,
    firstFrom: 'start',
    source,
    plain,
    eventKinds: [VISIT_EVENT],
    ...extra,
  };
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
  return [
    cadenceRule(`${id}.prev`, { ...base, override: null }, { until: addDays(c.override.since, -1) }),
    cadenceRule(id, c, { since: c.override.since }),
  ];
}

// ── the visit groups: the office's group × level table (REVIEW row 11) ─────────────────────────

/** A visit-group duty's name as the file and the dashboard show it: 每月走访, 每季度走访, 走访（每2周）. */
function visitDutyLabel(c: CadenceDefault): string {
  if (c.period) return `${PERIOD_WORDS[c.period]}走访${(c.minCount ?? 1) > 1 ? `（至少${c.minCount}次）` : ''}`;
  return `走访（${cadenceText({ kind: 'every', id: '', label: '', source: '', firstFrom: 'start', days: c.days, months: c.months })}）`;
}

const sameCadence = (a: CadenceDefault, b: CadenceDefault) =>
  !!a.off === !!b.off && a.period === b.period && (a.minCount ?? 1) === (b.minCount ?? 1) && sameInterval(a, b);

const isControl = (v: FactValue | undefined): v is ControlStatus => (CONTROL_STATUSES as readonly unknown[]).includes(v);

/**
 * A visit-group file's visit duties: the cadence of its level (and 管控 status) in the office's table, in
 * force on each day. The level and the status change over time (a reassessment, an edit), and so can
 * the office's table (a change applies from its date): the file's history is cut where any of them
 * changes the cadence, each stretch its own rule (a calendar duty from `since` to `until`), so that
 * months already owed (and missed) stay as they were and a stretch with no duty (仅在册) has no rule.
 * A level or status change that leaves the cadence as it was changes nothing: one rule 'visit', as
 * before the table. The stretch in force at the end is 'visit'; earlier ones 'visit.prev', 'visit.prev2' …
 * (from the latest back), so that they never share an occurrence key.
 *
 * facts: attentionLevel, control (the file's today, used when the record gives no history).
 */
function visitRules(group: VisitGroup, facts: Record<string, FactValue>, o: FollowupOverrides, record?: FileRecord): Rule[] {
  const asOf = record?.asOf ?? '9999-12-31';
  // What happened after the day the record is read at does not count yet (a statistic read at a period's end).
  const levels = (record?.levels ?? []).filter((l, i) => i === 0 || l.date <= asOf);
  const control = (record?.control ?? []).filter((c, i) => i === 0 || c.date <= asOf);
  const levelNow = str(facts.attentionLevel);
  const controlNow: ControlStatus = isControl(facts.control) ? facts.control : 'controlled';
  const levelOn = (d: string) => (levels.length ? levelAt(levels, d)!.level : levelNow);
  const controlOn = (d: string) =>
    control.length
      ? levelAt(
          control.map((c) => ({ date: c.date, level: c.status })),
          d,
        )!.level
      : controlNow;
  const keyOn = (d: string) => visitCadenceKey(group, levelOn(d), controlOn(d));
  // The opening: the first day the histories know (none known: a bare rule, as the settings page asks for).
  const origin = [levels[0]?.date, control[0]?.date].filter((d): d is string => !!d).sort()[0] ?? null;
  const groupKeys = new Set(CADENCES.filter((c) => c.key.startsWith(`${group}.visit.`)).map((c) => c.key));
  // The file's own changes count once they have happened; the office's, from the day it set (even a later one).
  const changes = [
    ...levels.map((l) => l.date),
    ...control.map((c) => c.date),
    ...(o.cadences ?? []).filter((c) => c.key === `${group}.visit` || groupKeys.has(c.key)).map((c) => c.since),
  ];
  const points = [...new Set(changes.filter((d) => origin === null || d > origin))].sort();
  // The stretches: from the opening (or the beginning of time), then from each change point.
  const stretches: { from: string | null; c: EffectiveCadence }[] = [];
  for (const from of [null, ...points]) {
    const day = from ?? origin ?? '0000-01-01';
    const c = cadenceOn(keyOn(day), o, day);
    const prev = stretches[stretches.length - 1];
    if (prev && sameCadence(prev.c, c)) continue;
    stretches.push({ from, c });
  }
  const rules: Rule[] = [];
  let n = 0;
  for (let i = stretches.length - 1; i >= 0; i--) {
    const { from, c } = stretches[i]!;
    if (c.off) continue;
    const next = stretches[i + 1];
    const id = next ? `visit.prev${n === 0 ? '' : n + 1}` : 'visit';
    if (next) n++;
    const extra = { ...(from ? { since: from } : {}), ...(next ? { until: addDays(next.from!, -1) } : {}) };
    rules.unshift(cadenceRule(id, { ...c, label: visitDutyLabel(c) }, extra));
  }
  return rules;
}

/** The file page's 走访频次 of a visit-group file that owes no visits today (仅在册, or the office's table says none), with its basis. */
function visitNone(group: VisitGroup, facts: Record<string, FactValue>, o: FollowupOverrides): CadenceView {
  const control: ControlStatus = isControl(facts.control) ? facts.control : 'controlled';
  const c = effectiveCadence(visitCadenceKey(group, str(facts.attentionLevel), control), o);
  return {
    ruleId: 'visit',
    label: `走访（${controlText(group, control)}）`,
    text: '不安排定期走访',
    plain: cadencePlain(c),
    source: c.source,
  };
}

// ── what a file's record adds to its facts ───────────────────────────────────────────────────

/** A recorded visit or test as the rules read it. */
export interface RecordVisit {
  id: string;
  kind: 'visit' | 'test';
  date: string;
  /** Tests: 阴性 / 阳性 / 拒绝检测 / 未到. */
  testResult: string | null;
  /** A 未到 with a proper reason (illness, approved leave): the reason. */
  excuse?: string | null;
  /** Mental health: the stability class found on the visit. */
  stability?: string | null;
}

/** A 报告公安机关 record: its day and the duties ('drug.police.*' ids) it answered. */
export interface RecordReport {
  id: string;
  date: string;
  matters: readonly string[];
}

export const SUSPENSION_REASONS = ['detention', 'arrest'] as const;
export type SuspensionReason = (typeof SUSPENSION_REASONS)[number];
export const SUSPENSION_REASON_LABELS: Record<SuspensionReason, string> = { detention: '被依法拘留', arrest: '被依法逮捕' };

/** A 中止 of community detox or rehabilitation: from the day of detention or arrest to the day of release (null while it lasts). */
export interface RecordSuspension {
  id: string;
  startDate: string;
  endDate: string | null;
  reason: SuspensionReason;
}

/**
 * A file's record, read at `asOf` (the host's today, or a statistic's as-of day): a reporting window has
 * passed by then or not, and only what happened by then counts.
 */
export interface FileRecord {
  asOf: string;
  holidays: HolidayTable;
  visits: readonly RecordVisit[];
  reports: readonly RecordReport[];
  suspensions: readonly RecordSuspension[];
  /** The level over time (opened with, reassessed, changed), in the order it took effect; absent: the facts' level throughout. */
  levels?: readonly { date: string; level: string }[];
  /** The 管控 status over time, from the opening (REVIEW row 11); absent: the facts' status throughout. */
  control?: readonly { date: string; status: ControlStatus }[];
}

export const EMPTY_RECORD = (asOf: string, holidays: HolidayTable): FileRecord => ({
  asOf,
  holidays,
  visits: [],
  reports: [],
  suspensions: [],
});

// ── mental health ────────────────────────────────────────────────────────────────────────────

export const STABILITY_CLASSES = ['unstable', 'basic', 'stable'] as const;
export type StabilityClass = (typeof STABILITY_CLASSES)[number];
export const STABILITY_LABELS: Record<StabilityClass, string> = { unstable: '不稳定', basic: '基本稳定', stable: '稳定' };

function num(v: FactValue | undefined): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

const str = (v: FactValue | undefined): string | null => (typeof v === 'string' && v ? v : null);

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

const intervalOf = (c: CadenceDefault): Interval => ({ days: c.days, months: c.months });
const sameInterval = (a: Interval, b: Interval) => (a.days ?? 0) === (b.days ?? 0) && (a.months ?? 0) === (b.months ?? 0);

/**
 * 基本稳定 (risk 1–2) in two steps (REVIEW row 5): the first visit falls 2 weeks after the reassessment
 * (`levelDate`); from each later visit the stability class found there (the latest one recorded) sets
 * the next interval: 稳定 → 3 months, 基本稳定 or not recorded → 1 month, 不稳定 → 2 weeks. One rule,
 * its interval in phases from each visit, so the history counts under the interval it was owed under.
 */
function basicStableRule(levelDate: string | null, visits: readonly RecordVisit[], o: FollowupOverrides): EveryRule {
  const first = effectiveCadence('mh.basic.first', o);
  const byClass: Record<StabilityClass, CadenceDefault & { override: CadenceOverride | null }> = {
    stable: effectiveCadence('mh.stable', o),
    basic: effectiveCadence('mh.basic', o),
    unstable: effectiveCadence('mh.unstable', o),
  };
  // Without the reassessment's date (a bare rule, as the settings page asks for) the step counts from the start.
  const from = levelDate ?? '1800-01-01';
  const phases: (Interval & { from: string })[] = [{ from, ...intervalOf(first) }];
  let now: CadenceDefault & { override: CadenceOverride | null } = first;
  let cls: StabilityClass = 'basic';
  const later = visits.filter((v) => v.kind === 'visit' && v.date > from).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const v of later) {
    const found = STABILITY_CLASSES.find((c) => c === v.stability);
    if (found) cls = found;
    now = byClass[cls];
    if (!sameInterval(phases[phases.length - 1]!, intervalOf(now))) phases.push({ from: v.date, ...intervalOf(now) });
  }
  const step = now === first;
  const label = step ? first.label : `随访（基本稳定，${cls === 'basic' ? '未稳定' : `已评估为${STABILITY_LABELS[cls]}`}）`;
  const source = step
    ? first.source
    : `${MH_STD}：基本稳定者2周时随访后，趋于稳定的3个月时随访，仍未稳定的1个月时随访；本次按最近一次随访评估的病情稳定情况（${STABILITY_LABELS[cls]}）计：${now.source}`;
  const plain = step
    ? `评估为基本稳定后2周时随访1次，之后按随访时评估的病情：稳定的${intervalText(byClass.stable)}、仍未稳定的${intervalText(byClass.basic)}随访1次；可在设置中调整`
    : `${cadencePlain(now)}（按最近一次随访评估的病情：${STABILITY_LABELS[cls]}）`;
  const since = latest(levelDate, now.override?.since);
  return {
    kind: 'every',
    id: 'mh.followup',
    label,
    firstFrom: 'start',
    phases,
    ...(since ? { since } : {}),
    source,
    plain,
    eventKinds: [VISIT_EVENT],
  };
}

/**
 * facts: riskLevel (0–5), riskLevelDate (the reassessment that set it; the cadence counts from it),
 * stability (optional clinical class). The cadence rule keeps one id whatever the level, so the last
 * visit always counts; a new level applies from its date.
 */
function mentalHealthRules(facts: Record<string, FactValue>, o: FollowupOverrides, record?: FileRecord): Rule[] {
  const level = num(facts.riskLevel);
  const clinical = STABILITY_CLASSES.find((c) => c === facts.stability) ?? null;
  const levelDate = str(facts.riskLevelDate);
  const grid = o.mentalHealthScheme === 'grid';
  if (!grid && level !== null && level < 4 && stabilityClass(level, clinical) === 'basic') {
    return [basicStableRule(levelDate, record?.visits ?? [], o), ...periodicWithOverride('mh.yearly', 'mh.yearly', o)];
  }
  const key = grid
    ? level === null || level >= 3
      ? 'mh.grid.high'
      : 'mh.grid.low'
    : level !== null && level >= 4
      ? 'mh.danger'
      : `mh.${stabilityClass(level, clinical)}`;
  const c = effectiveCadence(key, o);
  const since = latest(levelDate, c.override?.since);
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

/** The latest end date a decision may state: 3 years from the report (or, before it, the decision) date. */
export function latestTermEnd(reportDate: string | null, decisionDate: string): string {
  return drugTermEnd(reportDate ?? decisionDate);
}

/** The last day of the 15-day reporting window (戒毒条例 art. 14), rolled past a rest day (民法典 art. 203). */
export function reportWindowEnd(decisionDate: string, holidays: HolidayTable): string {
  return nextWorkingDayOnOrAfter(addDays(decisionDate, 15), holidays);
}

/** "及时" in working days (REVIEW row 2): the office's setting, 1 (the next working day) by default. */
export const DEFAULT_PROMPT_DAYS = 1;
export const PROMPT_SOURCE =
  '《戒毒条例》第十六条（报到后及时签订协议）、第二十一条（及时向公安机关报告）均未规定具体日数；本系统默认发现（报到）之日后的下一个工作日内完成，为本所设定，未经核实，可调整（0为当日，遇休息日为其后第一个工作日）。不签订协议或不履行报告义务的，依法给予处分（《戒毒条例》第四十四条）';

/** A "及时" duty in the office's words: 下一个工作日内报告公安机关（“及时”的天数可在设置中调整）. */
const PROMPT_PLAIN = (what: string, o: FollowupOverrides) => {
  const n = promptDays(o);
  return `${n === 0 ? '当日' : n === 1 ? '下一个工作日内' : `${n}个工作日内`}${what}（“及时”的天数可在设置中调整）`;
};

export function promptDays(o: FollowupOverrides): number {
  const n = o.promptDays;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : DEFAULT_PROMPT_DAYS;
}

/** The day a "及时" duty that arose on `date` is due: `n` working days later (0: that day, or the next working day). */
export function promptDue(date: string, o: FollowupOverrides, holidays: HolidayTable): string {
  return addWorkingDays(date, promptDays(o), holidays);
}

/** Whether a 中止 pushes the term end back (REVIEW row 13): unconfirmed, so the office's setting; default not. */
export const SUSPENSION_TERM_SOURCE =
  '《戒毒条例》第二十四条：被依法拘留、逮捕的，社区戒毒中止，释放后继续接受社区戒毒；条例未规定中止期间是否计入3年期限（第二十二条、第三十六条另有“连续计算”的明文），是否顺延期满日期未经核实。本系统默认不顺延，本所可改为按中止天数顺延';

/** Days suspended before the term end: from the day of detention to the day of release (that day not counted). */
export function suspendedDays(suspensions: readonly RecordSuspension[], end: string): number {
  return suspensions
    .filter((s) => s.endDate !== null && s.startDate <= end)
    .reduce((n, s) => n + Math.max(0, daysBetween(s.startDate, s.endDate!)), 0);
}

/** The term end in force: the decision's date when stated, else report + 3 years; pushed back by 中止 when the office says so. */
export function drugTermEndFor(
  facts: Record<string, FactValue>,
  o: FollowupOverrides,
  suspensions: readonly RecordSuspension[],
): { end: string; base: string; stated: boolean; extendedBy: number } | null {
  const report = str(facts.reportDate);
  if (!report) return null;
  const stated = str(facts.termEnd);
  const base = stated ?? drugTermEnd(report);
  const extendedBy = o.suspensionExtendsTerm ? suspendedDays(suspensions, base) : 0;
  return { end: addDays(base, extendedBy), base, stated: !!stated, extendedBy };
}

/** 戒毒条例 art. 20 counts avoiding or refusing a test; a 未到 with a proper reason is neither (REVIEW row 14). */
export function countsAsRefusal(v: Pick<RecordVisit, 'kind' | 'testResult' | 'excuse'>): boolean {
  return v.kind === 'test' && (v.testResult === '拒绝检测' || (v.testResult === '未到' && !v.excuse?.trim()));
}

export function refusalCount(visits: readonly Pick<RecordVisit, 'kind' | 'testResult' | 'excuse'>[]): number {
  return visits.filter(countsAsRefusal).length;
}

/** The leave counts alone reach the serious-breach threshold (art. 20). */
export function leavesSerious(facts: Record<string, FactValue>): boolean {
  return seriousBreach({ testRefusals: 0, unauthorizedLeaves: Number(facts.leaveTimes ?? 0), daysAway: Number(facts.leaveDays ?? 0) })
    .serious;
}

/**
 * The day a serious breach arose: the third counted refusal, or the day the leave counts reached the
 * threshold (`leaveBreachDate`, stamped by the host; before it, the report or decision date), the earlier.
 */
export function breachSince(facts: Record<string, FactValue>, visits: readonly RecordVisit[]): string | null {
  const refusals = visits
    .filter(countsAsRefusal)
    .map((v) => v.date)
    .sort();
  const byTests = refusals.length >= 3 ? refusals[2]! : null;
  const byLeaves = leavesSerious(facts) ? (str(facts.leaveBreachDate) ?? str(facts.reportDate) ?? str(facts.decisionDate)) : null;
  return [byTests, byLeaves].filter((d): d is string => !!d).sort()[0] ?? null;
}

export const POLICE_RULE_PREFIX = 'drug.police.';
export const POLICE_REASONS = ['positive', 'late', 'breach'] as const;
export type PoliceReason = (typeof POLICE_REASONS)[number];

/** One 报告公安机关 duty: why, and the day it arose. Its id names it in a report's `matters`. */
export interface PoliceDuty {
  id: string;
  label: string;
  reason: PoliceReason;
  since: string;
}

/** What a report's matter (a duty id) was about, in words: 2024-06-10检测阳性, 逾期不报到, 严重违反协议. */
export function policeMatterText(id: string): string {
  if (id === `${POLICE_RULE_PREFIX}late`) return '逾期不报到';
  if (id === `${POLICE_RULE_PREFIX}breach`) return '严重违反协议';
  const m = /^drug\.police\.positive\.(\d{4}-\d{2}-\d{2})$/.exec(id);
  return m ? `${m[1]}检测阳性` : id;
}

export const POLICE_SOURCE =
  '《戒毒条例》第二十一条：社区戒毒人员拒绝接受社区戒毒（无正当理由逾期不报到视为拒绝，第十四条）、在社区戒毒期间又吸食注射毒品（检测阳性）、严重违反社区戒毒协议（第二十条）的，社区戒毒专职工作人员应当及时向当地公安机关报告；《禁毒法》第三十五条、第三十八条（社区康复参照，第四十八条）';

/**
 * The 报告公安 duties of a drug file (REVIEW row 2): one per day a test came back 阳性 (a later positive
 * is a new duty), one when the reporting window passed without a report or the report came late
 * (from the day after the window), one when the serious-breach threshold was reached. Only what has
 * happened by `asOf` counts.
 */
export function policeDuties(facts: Record<string, FactValue>, record: FileRecord): PoliceDuty[] {
  const out: PoliceDuty[] = [];
  const positives = [
    ...new Set(record.visits.filter((v) => v.kind === 'test' && v.testResult === '阳性' && v.date <= record.asOf).map((v) => v.date)),
  ].sort();
  for (const d of positives)
    out.push({ id: `${POLICE_RULE_PREFIX}positive.${d}`, label: `报告公安机关（${d}检测阳性）`, reason: 'positive', since: d });
  const decision = str(facts.decisionDate);
  const report = str(facts.reportDate);
  if (decision) {
    const last = reportWindowEnd(decision, record.holidays);
    if (report ? report > last : record.asOf > last) {
      out.push({
        id: `${POLICE_RULE_PREFIX}late`,
        label: report ? '报告公安机关（逾期报到）' : '报告公安机关（逾期未报到）',
        reason: 'late',
        since: addDays(last, 1),
      });
    }
  }
  const breach = breachSince(
    facts,
    record.visits.filter((v) => v.date <= record.asOf),
  );
  if (breach && breach <= record.asOf) {
    out.push({ id: `${POLICE_RULE_PREFIX}breach`, label: '报告公安机关（严重违反协议）', reason: 'breach', since: breach });
  }
  return out;
}

/**
 * facts: drugType, decisionDate (the day the decision was received), reportDate (报到日期), termEnd
 * (optional: the end date the decision states, REVIEW row 13), agreementDate (协议签订日期), leave
 * counts and leaveBreachDate. The record adds the 报告公安 duties and the 中止 periods.
 */
function drugRules(facts: Record<string, FactValue>, o: FollowupOverrides, record?: FileRecord): Rule[] {
  const rehab = facts.drugType === 'rehab';
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
      plain: `收到责令${rehab ? '社区康复' : '社区戒毒'}决定书之日起15日内报到，法定期限，不能调整`,
      source: rehab
        ? '《禁毒法》第四十八条、《戒毒条例》第三十八条：自收到责令社区康复决定书之日起15日内报到；期间末日遇节假日顺延（《民法典》第二百零三条）'
        : '《戒毒条例》第十四条：自收到责令社区戒毒决定书之日起15日内到乡镇人民政府报到，无正当理由逾期视为拒绝；期间末日遇节假日顺延（《民法典》第二百零三条）',
    },
  ];
  if (record) {
    for (const d of policeDuties(facts, record)) {
      rules.push({
        kind: 'deadline',
        id: d.id,
        label: d.label,
        date: promptDue(d.since, o, record.holidays),
        plain: PROMPT_PLAIN('报告公安机关', o),
        source: POLICE_SOURCE,
      });
    }
  }
  if (!report) return rules;
  if (record) {
    rules.push({
      kind: 'deadline',
      id: 'drug.agreement',
      label: rehab ? '签订社区康复协议' : '签订社区戒毒协议',
      date: promptDue(report, o, record.holidays),
      doneFact: 'agreementDate',
      plain: PROMPT_PLAIN(rehab ? '签订社区康复协议' : '签订社区戒毒协议', o),
      source: rehab
        ? '《戒毒条例》第三十八条：报到，签订社区康复协议；未签订的依法给予处分（第四十四条）'
        : '《戒毒条例》第十六条：报到后及时签订社区戒毒协议，明确具体措施、应遵守的规定和违约责任；未签订的依法给予处分（第四十四条）',
    });
  }
  const term = drugTermEndFor(facts, o, record?.suspensions ?? [])!;
  const end = term.end;
  const termSource = rehab
    ? `《禁毒法》第四十八条、《戒毒条例》第三十七条：社区康复期限不超过3年，${term.stated ? '期满日期以责令社区康复决定书载明为准' : '决定书未载明期满日期的按报到之日起3年计'}；期满后公安机关7日内通知乡镇（《戒毒条例》第四十条）`
    : `《禁毒法》第三十三条、《戒毒条例》第十四条：社区戒毒期限为3年，自报到之日起计算${term.stated ? '；本档案按决定书载明的期满日期' : ''}；期满解除（《戒毒条例》第二十三条）`;
  rules.push({
    kind: 'termEnd',
    id: 'drug.term',
    label: rehab ? '社区康复期满' : '社区戒毒期满',
    remindDays: [30, 7],
    date: end,
    plain: `${term.stated ? '按决定书载明的日期期满' : '自报到之日起满3年期满'}${term.extendedBy ? `，因中止顺延${term.extendedBy}日` : ''}；期满前30天、7天提醒`,
    source: term.extendedBy ? `${termSource}。因中止顺延${term.extendedBy}日（本所设定：${SUSPENSION_TERM_SOURCE}）` : termSource,
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
    plain: `第1年${intervalText(y1!)}、第2年${intervalText(y2!)}、第3年${intervalText(y3!)}检测1次${
      [y1, y2, y3].some((c) => c!.override) ? '（含本所调整）' : ''
    }，可在设置中调整`,
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
  '《戒毒条例》第二十条：逃避或拒绝检测3次以上，或擅自离开执行地所在县（市、区）3次以上或累计超过30日，属严重违反社区戒毒协议；因病、经批准请假等有正当理由未到检测的不计入';

// ── all groups ───────────────────────────────────────────────────────────────────────────────

/**
 * The rules in force for one file, from its group, its facts, the office's overrides and its record
 * (without a record: the cadences alone, as the settings page shows them).
 */
export function rulesFor(
  group: FollowupGroup,
  facts: Record<string, FactValue>,
  overrides: FollowupOverrides = {},
  record?: FileRecord,
): Rule[] {
  return withOpeningGrace(rulesOf(group, facts, overrides, record), overrides);
}

function rulesOf(group: FollowupGroup, facts: Record<string, FactValue>, overrides: FollowupOverrides, record?: FileRecord): Rule[] {
  if (group === 'mental_health') return mentalHealthRules(facts, overrides, record);
  if (group === 'drug') return drugRules(facts, overrides, record);
  return visitRules(group, facts, overrides, record);
}

/** Every calendar duty of a file takes the office's opening grace (DEFAULT_OPENING_GRACE_DAYS). */
function withOpeningGrace(rules: Rule[], o: FollowupOverrides): Rule[] {
  const days = openingGraceDays(o);
  return rules.map((r) => (r.kind === 'periodic' && days > 0 ? { ...r, openingGraceDays: days } : r));
}

/** The rules whose occurrences do not fall due while community detox is suspended (中止). */
const SUSPENDED_RULES = new Set(['drug.test']);

/** The events a file's record gives: visits, tests actually taken (阴性/阳性), and police reports for the duties they name. */
export function recordEvents(record: Pick<FileRecord, 'visits' | 'reports'>): ObligationEvent[] {
  const out: ObligationEvent[] = [];
  for (const v of record.visits) {
    if (v.kind === 'visit') out.push({ id: v.id, date: v.date, ruleId: VISIT_EVENT });
    else if (v.testResult === '阴性' || v.testResult === '阳性') out.push({ id: v.id, date: v.date, ruleId: 'drug.test' });
  }
  for (const r of record.reports) for (const m of r.matters) out.push({ id: r.id, date: r.date, ruleId: m });
  return out;
}

/**
 * An ended 中止 excuses the test that fell due during it (REVIEW row 13): a waived occurrence on the day
 * of release, from which the cadence counts on ("释放后继续接受社区戒毒"). A test owed before the
 * detention stays owed; one not yet due at release is left alone.
 */
function suspensionWaivers(
  rules: Rule[],
  subject: { id: string; startDate: string; endDate: string | null; facts: Record<string, FactValue> },
  events: ObligationEvent[],
  record: FileRecord,
): ObligationEvent[] {
  const out: ObligationEvent[] = [];
  const suspended = rules.filter((r) => SUSPENDED_RULES.has(r.id));
  if (!suspended.length) return out;
  const ended = [...record.suspensions]
    .filter((s) => s.endDate !== null && s.endDate > s.startDate && s.endDate <= record.asOf)
    .sort((a, b) => (a.startDate < b.startDate ? -1 : 1));
  for (const s of ended) {
    const items = computeDueItems({
      rules: suspended,
      subject,
      events: [...events, ...out],
      extensions: [],
      today: s.endDate!,
      holidays: record.holidays,
    });
    for (const i of items) {
      if (i.state === 'done' || i.state === 'waived' || i.dueDate < s.startDate || i.dueDate >= s.endDate!) continue;
      out.push({
        id: `suspension:${s.id}`,
        date: s.endDate!,
        ruleId: i.ruleId,
        waived: { reason: `中止期间（${SUSPENSION_REASON_LABELS[s.reason]}）` },
      });
    }
  }
  return out;
}

export interface FollowupDueInput {
  group: FollowupGroup;
  facts: Record<string, FactValue>;
  overrides: FollowupOverrides;
  record: FileRecord;
  subject: { id: string; startDate: string; endDate: string | null };
  /** The office's 延期/免除 of the file's items. */
  actions: readonly RecordedAction[];
  /** The engine's today: the host's today, or later (the to-do table is built ahead). */
  today: string;
  /** Events that are not on record (the visit plan's assumed visits). */
  extra?: ObligationEvent[];
}

/**
 * Every due item of one file: its rules, its record's events and the office's decisions through the
 * engine. While a 中止 lasts, no test falls due from its first day on (REVIEW row 13).
 */
export function followupDueItems(input: FollowupDueInput): DueItem[] {
  const { record } = input;
  const rules = rulesFor(input.group, input.facts, input.overrides, record);
  const subject = { ...input.subject, facts: input.facts };
  const events = [...recordEvents(record), ...actionEvents(input.actions), ...(input.extra ?? [])];
  const items = computeDueItems({
    rules,
    subject,
    events: [...events, ...suspensionWaivers(rules, subject, events, record)],
    extensions: actionExtensions(input.actions),
    today: input.today,
    holidays: record.holidays,
  });
  const ongoing = record.suspensions.filter((s) => s.endDate === null && s.startDate <= record.asOf);
  if (!ongoing.length) return items;
  const from = ongoing.map((s) => s.startDate).sort()[0]!;
  return items.filter((i) => !(SUSPENDED_RULES.has(i.ruleId) && i.state !== 'done' && i.state !== 'waived' && i.dueDate >= from));
}

export interface CadenceView {
  ruleId: string;
  label: string;
  /** 每2周, 每年至少4次 … */
  text: string;
  /** Why, in the office's words (每月走访1次，可在设置中调整); `source` is the official text behind it. */
  plain: string;
  source: string;
}

/** The cadences shown on the file page ("走访频次"), one per rule in force (one-off duties are on the to-do list, not here). */
export function cadenceFor(
  group: FollowupGroup,
  facts: Record<string, FactValue>,
  overrides: FollowupOverrides = {},
  record?: FileRecord,
): CadenceView[] {
  const views = rulesFor(group, facts, overrides, record)
    .filter((r) => !/\.prev\d*$/.test(r.id) && r.kind !== 'deadline')
    .map((r) => ({ ruleId: r.id, label: r.label, text: cadenceText(r), plain: r.plain ?? cadenceText(r), source: r.source }));
  // 仅在册 (or the office's table says none): say so, with its basis, rather than nothing.
  return views.length === 0 && isVisitGroup(group) ? [visitNone(group, facts, overrides)] : views;
}
