/** Field schemas shared by every module's forms and by the host, with Chinese messages. */
import { z } from 'zod';
import { isValidDate } from '../dates';
import { checkPhone } from '../domain/phone';

z.config(z.locales.zhCN());

// biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the pattern exists to find.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const Id = z.string({ error: '编号缺失' }).regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '编号格式不正确');

export const DateStr = z.string({ error: '请填写日期' }).trim().refine(isValidDate, '日期应为有效的“年-月-日”，如 2024-05-01');

/** Characters that show nothing: zero-width spaces and joiners, the BOM, and the bidirectional controls. */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
/** Bidirectional controls, which reorder what a reader sees (U+202E shows 金额1000 typed backwards). */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Half of a surrogate pair: SQLite would store it as invalid UTF-8 and give back something else. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Up to this length a field is one line (names, numbers, units, places); longer ones may have paragraphs. */
const ONE_LINE_MAX = 100;

/**
 * What every text field refuses besides its length: control characters, a lone surrogate, and text made
 * only of characters that show nothing; a short field (one line) also refuses line breaks and
 * bidirectional controls. The messages name the field.
 */
function textRules(label: string, max: number) {
  const oneLine = max <= ONE_LINE_MAX;
  return (v: string, ctx: z.RefinementCtx) => {
    const say = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (CONTROL_CHARS.test(v)) say(`${label}含有不可见的控制字符`);
    else if (LONE_SURROGATE.test(v)) say(`${label}含有无法保存的字符（残缺的生僻字或表情符号），请重新输入`);
    else if (v && !v.replace(INVISIBLE, '').trim()) say(`${label}只有看不见的字符，请重新填写`);
    else if (oneLine && /[\r\n]/.test(v)) say(`${label}应为一行，不能换行`);
    else if (oneLine && BIDI_CONTROLS.test(v)) say(`${label}含有会改变文字显示顺序的控制字符，请重新输入`);
  };
}

export function reqText(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`)
    .superRefine(textRules(label, max));
}

/** Optional text: blank becomes null. */
export function optText(label: string, max: number) {
  return z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .superRefine(textRules(label, max))
    .nullish()
    .transform((v) => (v ? v : null));
}

/** A calendar month as 'YYYY-MM'. */
export const MonthStr = z
  .string({ error: '请选择月份' })
  .trim()
  .regex(/^(18|19|20|21)\d{2}-(0[1-9]|1[0-2])$/, '月份应为“年-月”，如 2024-06');

/** A statistics period: both days, the end not before the start. */
export const PeriodInput = z
  .strictObject({ dateFrom: DateStr, dateTo: DateStr })
  .refine((v) => v.dateFrom <= v.dateTo, { path: ['dateTo'], message: '结束日期不能早于开始日期' });
export type PeriodInput = z.input<typeof PeriodInput>;

export const OptDate = z
  .union([z.literal(''), DateStr])
  .nullish()
  .transform((v) => (v ? v : null));

/**
 * A date of an input that cannot lie after today (a 登记日期, a visit, a signature): where it stands
 * ('facts.reportDate'; '*' for every row of a list) and its name in the message.
 */
export interface NotAfterToday {
  path: string;
  label: string;
}

/** A date rule's finding, at the input's path. */
export interface DateIssue {
  path: (string | number)[];
  message: string;
}

function valuesAt(value: unknown, path: readonly string[], at: (string | number)[]): { path: (string | number)[]; value: unknown }[] {
  if (path.length === 0) return [{ path: at, value }];
  if (value === null || typeof value !== 'object') return [];
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '*') return Array.isArray(value) ? value.flatMap((v, i) => valuesAt(v, rest, [...at, i])) : [];
  return Object.hasOwn(value, head) ? valuesAt((value as Record<string, unknown>)[head], rest, [...at, head]) : [];
}

/**
 * The dates of `value` that lie after `today`, in the rules' order, each once. A value that is not a
 * valid date is left to its field's own check.
 */
export function futureDates(value: unknown, today: string, rules: readonly NotAfterToday[]): DateIssue[] {
  return rules.flatMap((rule) =>
    valuesAt(value, rule.path.split('.'), [])
      .filter((d) => typeof d.value === 'string' && isValidDate(d.value) && d.value > today)
      .map((d) => ({ path: d.path, message: `${rule.label}不能晚于今天` })),
  );
}

/**
 * The schema as of a day: the same fields and rules, and its dates not after `today` (plus `more`,
 * what else the day decides). The window passes its own today (renderer/components/useZodForm.ts),
 * the host its clock's (db/router.ts, through the contract's `asOf`), so a future 登记日期 is refused
 * in the same words by both, and in the window together with every other error: the check runs even
 * when other fields failed (zod skips refinements after a failed field unless told when to run them),
 * reading only the dates that are there.
 */
export function asOf<S extends z.ZodType>(
  schema: S,
  rules: readonly NotAfterToday[],
  more?: (value: unknown, today: string) => DateIssue[],
): (today: string) => S {
  return (today) =>
    schema.superRefine(
      (value, ctx) => {
        for (const issue of [...futureDates(value, today, rules), ...(more?.(value, today) ?? [])]) {
          ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
        }
      },
      { when: () => true },
    );
}

export const OptId = z
  .union([z.literal(''), Id])
  .nullish()
  .transform((v) => (v ? v : null));

export const Page = z.number().int().min(1, '页码应从1开始').max(1_000_000).default(1);
export const PageSize = z.number().int().min(1).max(200).default(50);

export interface Paged<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  /** A search that stopped at its limit: there are more than `total` matches. */
  capped?: boolean;
}

/** A generated file (document, export, attachment) as it crosses the transport. */
export interface FileResult {
  fileName: string;
  mime: string;
  /** The bytes, base64-encoded (JSON carries no binary). */
  base64: string;
}

/** A mobile or fixed-line number (checked in shared/domain/phone.ts); blank becomes null. */
export const PhoneField = z
  .string()
  .trim()
  .max(30, '电话号码过长')
  .nullish()
  .transform((v, ctx) => {
    if (!v) return null;
    const check = checkPhone(v);
    if (!check.ok) {
      ctx.addIssue({ code: 'custom', message: check.reason });
      return z.NEVER;
    }
    return check.value;
  });

/**
 * A column of a ledger as the window names it (列设置, the export): a word of letters. Which words a
 * ledger knows is its module's (`<M>_COLUMN_KEYS` in shared/schemas/<m>.ts).
 */
export const ColumnKey = z.string({ error: '列名应为文字' }).regex(/^[A-Za-z]{1,40}$/, '列名不正确');

/** The message for a column a ledger does not have; the same words from the export and from 列设置. */
export const unknownColumn = (key: unknown) => `台账中没有“${String(key).slice(0, 40)}”这一列，请重新设置列`;

/**
 * Columns chosen for a ledger, in their order: keys the ledger knows, each once, at least one. What
 * the window sends to the export; the saved 列设置 is checked with the same words on the host.
 */
export function columnChoice<K extends string>(keys: readonly [K, ...K[]]) {
  return z
    .array(z.enum(keys, { error: (issue) => unknownColumn(issue.input) }), { error: '列设置应为列名的列表' })
    .min(1, '至少选择一列')
    .max(keys.length, '列设置中的列过多')
    .refine((list) => new Set(list).size === list.length, '同一列不能选两次');
}
