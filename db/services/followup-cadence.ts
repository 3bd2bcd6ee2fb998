/**
 * The special-group visit cadences as the office uses them: the defaults with their sources, and the
 * office's own changes of an adjustable one from a date on, with a reason, which mental-health
 * scheme it follows (卫健 随访 or 综治网格 走访), and its opening grace (建档当期宽限: a file opened in
 * the last N days of a period owes no visit for it unless visited). Every change is audited and the
 * to-do table is rebuilt at the next dashboard visit, so the new cadence counts from then on.
 */
import type { z } from 'zod';
import {
  ATTENTION_LEVELS,
  attentionLevelText,
  CADENCE_BASIS_LABELS,
  CADENCES,
  cadencePlain,
  DEFAULT_OPENING_GRACE_DAYS,
  effectiveCadence,
  FOLLOWUP_GROUP_LABELS,
  VISIT_GROUPS,
  visitCadenceKey,
  OPENING_GRACE_SOURCE,
  openingGraceDays,
  PROMPT_SOURCE,
  promptDays,
  SUSPENSION_TERM_SOURCE,
  type CadenceDefault,
  type CadenceOverride,
  type FollowupOverrides,
} from '../../shared/domain/followup-rules';
import { cadenceText } from '../../shared/domain/obligations';
import { LedgerError } from '../../shared/errors';
import {
  levelName,
  type CadenceInput,
  type CadenceSetting,
  type DrugSettingsInput,
  type FollowupSchedule,
  type OpeningGraceInput,
  type SchemeInput,
} from '../../shared/schemas/followup';
import type { ServiceContext } from '../context';
import { audit } from './audit';
import { markObligationsStale } from './obligations';
import { getSetting, putSetting } from './reference';
import { write } from './sql';

export const OVERRIDES_KEY = 'followup_overrides';

export function followupOverrides(ctx: ServiceContext): FollowupOverrides {
  return getSetting<FollowupOverrides>(ctx, OVERRIDES_KEY) ?? {};
}

/** The visit groups' table keys (REVIEW row 11): shown as the table, not in the list of the schemes' cadences. */
const TABLE_KEYS = new Set(
  VISIT_GROUPS.flatMap((g) => [
    ...ATTENTION_LEVELS.map((l) => visitCadenceKey(g, l, 'controlled')),
    visitCadenceKey(g, null, 'registered'),
  ]),
);
const isRegisteredKey = (key: string) => key.endsWith('.visit.registered');

function cadenceSetting(c: CadenceDefault, o: FollowupOverrides): CadenceSetting {
  const e = effectiveCadence(c.key, o);
  const interval = !e.period && !e.off;
  const text = e.off
    ? '不安排走访'
    : interval
      ? cadenceText({ kind: 'every', id: c.key, label: c.label, source: '', firstFrom: 'start', days: e.days, months: e.months })
      : cadenceText({ kind: 'periodic', id: c.key, label: c.label, source: '', period: e.period!, minCount: e.minCount });
  return {
    key: c.key,
    label: c.label,
    text,
    plain: cadencePlain(e),
    basis: CADENCE_BASIS_LABELS[c.basis],
    source: e.source,
    adjustable: c.adjustable,
    interval,
    off: !!e.off,
    mayBeOff: isRegisteredKey(c.key),
    override: e.override ? { since: e.override.since, reason: e.override.reason } : null,
  };
}

export function getFollowupSchedule(ctx: ServiceContext): FollowupSchedule {
  const o = followupOverrides(ctx);
  const byKey = (key: string) => cadenceSetting(CADENCES.find((c) => c.key === key)!, o);
  return {
    scheme: o.mentalHealthScheme ?? 'health',
    cadences: CADENCES.filter((c) => !TABLE_KEYS.has(c.key)).map((c) => cadenceSetting(c, o)),
    table: VISIT_GROUPS.map((g) => ({
      group: g,
      groupLabel: FOLLOWUP_GROUP_LABELS[g],
      levelName: levelName(g),
      levels: ATTENTION_LEVELS.map((l) => ({
        level: l,
        label: attentionLevelText(g, l),
        cadence: byKey(visitCadenceKey(g, l, 'controlled')),
      })),
      registered: byKey(visitCadenceKey(g, null, 'registered')),
    })),
    openingGrace: { days: openingGraceDays(o), defaultDays: DEFAULT_OPENING_GRACE_DAYS, source: OPENING_GRACE_SOURCE },
    drug: {
      promptDays: promptDays(o),
      promptSource: PROMPT_SOURCE,
      suspensionExtendsTerm: o.suspensionExtendsTerm === true,
      suspensionSource: SUSPENSION_TERM_SOURCE,
    },
  };
}

export function saveCadence(ctx: ServiceContext, input: z.output<typeof CadenceInput>): FollowupSchedule {
  return write(ctx, () => {
    const base = CADENCES.find((c) => c.key === input.key);
    if (!base) throw new LedgerError('NOT_FOUND', '没有这项走访频次。');
    if (!base.adjustable) throw new LedgerError('VALIDATION', `“${base.label}”依据${CADENCE_BASIS_LABELS[base.basis]}，不能调整。`);
    const calendar = !!(base.period || base.off);
    if (calendar !== !!(input.period || input.off)) {
      throw new LedgerError(
        'VALIDATION',
        calendar
          ? `“${base.label}”按自然月/季度/年计，请选择每月、每季度或每年及次数。`
          : `“${base.label}”按间隔计，请填写间隔天数或月数。`,
        { fields: { days: '频次的计法不能改变' } },
      );
    }
    // A person the office controls is visited: only 仅在册 may owe none (REVIEW row 11).
    if (input.off && !isRegisteredKey(input.key)) {
      throw new LedgerError('VALIDATION', `“${base.label}”为管控对象，须安排走访；只有“仅在册”可设为不安排走访。`, {
        fields: { days: '管控对象须安排走访' },
      });
    }
    if (input.since < ctx.clock.today()) {
      throw new LedgerError('VALIDATION', '调整只能自今天或以后生效，不能追溯', { fields: { since: '生效日期不能早于今天' } });
    }
    const o = followupOverrides(ctx);
    const change = input.off
      ? { off: true }
      : input.period
        ? { period: input.period, minCount: input.minCount ?? 1 }
        : input.days
          ? { days: input.days }
          : { months: input.months! };
    const override: CadenceOverride = { key: input.key, since: input.since, reason: input.reason, ...change };
    const before = effectiveCadence(input.key, o);
    putSetting(ctx, OVERRIDES_KEY, { ...o, cadences: [...(o.cadences ?? []), override] });
    markObligationsStale(ctx);
    audit(ctx, {
      action: 'update',
      entity: 'settings',
      entityId: `cadence:${input.key}`,
      before: { 频次: before.label, 间隔: cadenceWords(before) },
      after: { 频次: base.label, 间隔: cadenceWords(change), 生效日期: input.since, 理由: input.reason },
    });
    return getFollowupSchedule(ctx);
  });
}

function cadenceWords(c: { days?: number; months?: number; period?: string; minCount?: number; off?: boolean }): string {
  if (c.off) return '不安排走访';
  if (c.period) return `${c.period === 'quarter' ? '每季度' : c.period === 'year' ? '每年' : '每月'}${c.minCount ?? 1}次`;
  return c.days ? `${c.days}天` : `${c.months}个月`;
}

/**
 * Stores a change of the office's follow-up settings with its audit row, in one transaction; the to-do
 * table is rebuilt at the next dashboard visit, so the change counts from then on.
 */
function changeOverrides(
  ctx: ServiceContext,
  entityId: string,
  change: (o: FollowupOverrides) => { set: Partial<FollowupOverrides>; before: Record<string, unknown>; after: Record<string, unknown> },
): FollowupSchedule {
  return write(ctx, () => {
    const o = followupOverrides(ctx);
    const { set, before, after } = change(o);
    putSetting(ctx, OVERRIDES_KEY, { ...o, ...set });
    markObligationsStale(ctx);
    audit(ctx, { action: 'update', entity: 'settings', entityId, before, after });
    return getFollowupSchedule(ctx);
  });
}

export function setScheme(ctx: ServiceContext, input: z.output<typeof SchemeInput>): FollowupSchedule {
  return changeOverrides(ctx, 'mental_health_scheme', (o) => ({
    set: { mentalHealthScheme: input.scheme },
    before: { 方案: o.mentalHealthScheme ?? 'health' },
    after: { 方案: input.scheme },
  }));
}

/**
 * 建档当期宽限: the office's number of last days of a month (quarter, year) in which a file may be
 * opened without owing that period. It decides whether a file's opening period was owed at all, so it
 * applies to every file, those already open too.
 */
export function setOpeningGrace(ctx: ServiceContext, input: z.output<typeof OpeningGraceInput>): FollowupSchedule {
  return changeOverrides(ctx, 'opening_grace', (o) => ({
    set: { openingGraceDays: input.days },
    before: { 建档当期宽限天数: openingGraceDays(o) },
    after: { 建档当期宽限天数: input.days },
  }));
}

/**
 * Drug files (REVIEW rows 2 and 13): the working days the office gives "及时" (报告公安机关, 签订协议)
 * and whether a 中止 pushes the term end back. Neither is fixed by a text the review found, so both are
 * the office's, audited, and the to-do table is rebuilt with them.
 */
export function setDrugSettings(ctx: ServiceContext, input: z.output<typeof DrugSettingsInput>): FollowupSchedule {
  return write(ctx, () => {
    const o = followupOverrides(ctx);
    putSetting(ctx, OVERRIDES_KEY, { ...o, promptDays: input.promptDays, suspensionExtendsTerm: input.suspensionExtendsTerm });
    markObligationsStale(ctx);
    const words = (days: number, extends_: boolean) => ({
      及时: days === 0 ? '当日' : `${days}个工作日内`,
      中止期间: extends_ ? '顺延期满日期' : '不顺延期满日期',
    });
    audit(ctx, {
      action: 'update',
      entity: 'settings',
      entityId: 'drug_settings',
      before: words(promptDays(o), o.suspensionExtendsTerm === true),
      after: words(input.promptDays, input.suspensionExtendsTerm),
    });
    return getFollowupSchedule(ctx);
  });
}
