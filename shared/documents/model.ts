/**
 * A printed form as data: the same model is turned into a .docx on the host (db/documents/docx.ts)
 * and into the in-app print preview (renderer/components/DocumentView.tsx), so what the worker
 * previews and prints is what the file contains. Text is always plain text: renderers write it as
 * runs of characters, never as markup or field codes.
 */

export type Align = 'left' | 'center' | 'right' | 'justify';

export interface Cell {
  text: string;
  /** Columns this cell spans (default 1). */
  span?: number;
  /** Rows this cell spans downwards (default 1); the rows below leave it out. */
  rowSpan?: number;
  /** A printed label (bold, centred) rather than a value. */
  label?: boolean;
  align?: Align;
  /** Minimum height in lines, for blanks filled in by hand and for long text. */
  lines?: number;
}

export type Block =
  /** 2号 title, centred. */
  | { kind: 'title'; text: string }
  /** A line right under the title (编号, the committee), centred or right-aligned. */
  | { kind: 'line'; text: string; align: Align }
  /** Body text; `\n` starts a new paragraph. Indented two characters unless `indent: false`. */
  | { kind: 'para'; text: string; indent?: boolean; align?: Align; bold?: boolean }
  /** A section heading inside a document (一、… style), 黑体. */
  | { kind: 'heading'; text: string }
  /** A bordered form table; `widths` are relative column widths. */
  | { kind: 'table'; widths: number[]; rows: Cell[][] }
  /** A signature line: the label, space to sign, and the date (blank "年 月 日" when unknown). */
  | { kind: 'sign'; label: string; date: string }
  /** Empty lines. */
  | { kind: 'gap'; lines: number };

/** One form (申请书, 协议书 …). In a whole case file each part starts on a new page. */
export interface DocPart {
  title: string;
  blocks: Block[];
}

export interface DocumentModel {
  /** Used for the file name and the preview's heading. */
  name: string;
  parts: DocPart[];
}

/** A form a record offers, and when the record cannot fill it yet, why. */
export interface DocChoice<K extends string> {
  key: K;
  title: string;
  ready: boolean;
  why?: string;
}

/** A blank date on a form: "年 月 日" with room to write (CONTRIBUTING.md, DOMAIN §6). */
export const BLANK_DATE = '　　　年　　月　　日';

/** Dates on documents: 2024年1月12日 — Arabic numerals, no zero padding (GB/T 9704-2012). */
export function cnDate(date: string | null | undefined): string {
  if (!date) return BLANK_DATE;
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

/** 12,345.60 元 style for amounts on documents. */
export function cnAmount(yuan: number | null | undefined): string {
  if (yuan === null || yuan === undefined) return '';
  return `${yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;
}

/**
 * Characters that cannot appear in an OOXML/HTML text node (C0 controls other than tab/newline), and the
 * bidirectional controls and zero-width characters that would reorder or hide printed text.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: these characters are what the pattern exists to find.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFFE\uFFFF]/g;

/** User text made safe for any renderer: invalid characters dropped, line ends normalised. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(INVALID_XML, '');
}
