/** Field schemas shared by every module's forms and by the host, with Chinese messages. */
import { z } from 'zod';
import { isValidDate } from '../dates';
import { checkPhone } from '../domain/phone';

z.config(z.locales.zhCN());

// biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the pattern exists to find.
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

export const Id = z.string({ error: '编号缺失' }).regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '编号格式不正确');

export const DateStr = z.string({ error: '请填写日期' }).trim().refine(isValidDate, '日期应为有效的“年-月-日”，如 2024-05-01');

export function reqText(label: string, max: number) {
  return z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .max(max, `${label}不能超过${max}个字`)
    .refine((v) => !CONTROL_CHARS.test(v), `${label}含有不可见的控制字符`);
}

/** Optional text: blank becomes null. */
export function optText(label: string, max: number) {
  return z
    .string({ error: `${label}应为文字` })
    .trim()
    .max(max, `${label}不能超过${max}个字`)
    .refine((v) => !CONTROL_CHARS.test(v), `${label}含有不可见的控制字符`)
    .nullish()
    .transform((v) => (v ? v : null));
}

export const OptDate = z
  .union([z.literal(''), DateStr])
  .nullish()
  .transform((v) => (v ? v : null));

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
