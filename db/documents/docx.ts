/**
 * The document model (shared/documents/model.ts) as a Word file, in the conventions of
 * GB/T 9704-2012 (CONTRIBUTING.md, DOMAIN §6): A4, top margin 37 mm, binding margin 28 mm, a 156 × 225 mm text
 * block of 22 lines, body in 3号仿宋, titles 2号 centred, page numbers "— 1 —" in 4号宋体 on the
 * outer side. Titles use bold 宋体 rather than 方正小标宋 (commercial, often not installed); every
 * font named here ships with Windows and WPS, and a missing one falls back to the system CJK font.
 * User text only ever becomes text runs: no fields, hyperlinks or markup are made from it.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IRunOptions,
} from 'docx';
import { cleanText, type Align, type Block, type Cell, type DocumentModel } from '../../shared/documents/model';
import { safeFileBase } from '../../shared/file-name';
import type { FileResult } from '../../shared/schemas/common';

const MM = 56.7; // twips per millimetre
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(37 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM), bottom: Math.round(35 * MM) };
const TEXT_WIDTH = Math.round(156 * MM);
/** 22 lines in 225 mm. */
const LINE = Math.round((225 / 22) * MM);
const CHAR = 320; // one 3号 character, for indents

const FONT = { body: '仿宋', title: '宋体', heading: '黑体', number: '宋体' } as const;
// Half-points: 2号 22pt titles, 3号 16pt body, 4号 14pt page numbers; forms' tables in 小四 12pt so labels fit.
const SIZE = { title: 44, body: 32, table: 24, number: 28 } as const;

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function run(text: string, font: string, size: number, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({ text, font: { ascii: font, hAnsi: font, eastAsia: font }, size, ...extra });
}

const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
};

function lines(text: string): string[] {
  return cleanText(text).split('\n');
}

function bodyParagraphs(text: string, opts: { indent?: boolean; align?: Align; bold?: boolean; font?: string }): Paragraph[] {
  return lines(text).map(
    (t) =>
      new Paragraph({
        children: [run(t, opts.font ?? FONT.body, SIZE.body, { bold: opts.bold })],
        alignment: ALIGN[opts.align ?? 'justify'],
        indent: opts.indent === false ? undefined : { firstLine: 2 * CHAR },
        spacing: { line: LINE, lineRule: LineRuleType.EXACT },
      }),
  );
}

const BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

function tableCell(cell: Cell, colTwips: number[], start: number): TableCell {
  const span = cell.span ?? 1;
  const width = colTwips.slice(start, start + span).reduce((a, b) => a + b, 0);
  return new TableCell({
    columnSpan: span > 1 ? span : undefined,
    rowSpan: cell.rowSpan && cell.rowSpan > 1 ? cell.rowSpan : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: cell.label ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: lines(cell.text).map(
      (t) =>
        new Paragraph({
          children: [run(t, FONT.body, SIZE.table, { bold: cell.label })],
          alignment: ALIGN[cell.align ?? (cell.label ? 'center' : 'left')],
          spacing: { line: 300, lineRule: LineRuleType.AUTO },
        }),
    ),
  });
}

function table(block: Extract<Block, { kind: 'table' }>): Table {
  const total = block.widths.reduce((a, b) => a + b, 0);
  const colTwips = block.widths.map((w) => Math.round((w / total) * TEXT_WIDTH));
  // Cells merged down from rows above occupy columns the lower rows leave out.
  const carried: number[] = new Array(block.widths.length).fill(0);
  const rows = block.rows.map((cells) => {
    let col = 0;
    const out: TableCell[] = [];
    for (const cell of cells) {
      while (col < carried.length && carried[col]! > 0) col++;
      out.push(tableCell(cell, colTwips, col));
      if (cell.rowSpan && cell.rowSpan > 1) for (let k = 0; k < (cell.span ?? 1); k++) carried[col + k] = cell.rowSpan;
      col += cell.span ?? 1;
    }
    for (let k = 0; k < carried.length; k++) if (carried[k]! > 0) carried[k]!--;
    const minLines = Math.max(1, ...cells.map((c) => c.lines ?? 1));
    return new TableRow({ children: out, height: { value: minLines * 330 + 120, rule: HeightRule.ATLEAST }, cantSplit: minLines < 6 });
  });
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: colTwips,
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
  });
}

function blockToDocx(block: Block): (Paragraph | Table)[] {
  switch (block.kind) {
    case 'title':
      return [
        new Paragraph({
          children: [run(cleanText(block.text), FONT.title, SIZE.title, { bold: true })],
          alignment: AlignmentType.CENTER,
          spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: LINE / 2 },
        }),
      ];
    case 'line':
      return [
        new Paragraph({
          children: [run(cleanText(block.text), FONT.body, SIZE.body)],
          alignment: ALIGN[block.align],
          spacing: { line: LINE, lineRule: LineRuleType.EXACT },
        }),
      ];
    case 'para':
      return bodyParagraphs(block.text, block);
    case 'heading':
      return bodyParagraphs(block.text, { font: FONT.heading, indent: true, align: 'left' });
    case 'table':
      return [table(block)];
    case 'sign':
      // "当事人（签名、盖章或者按指印）：      2024年5月20日" — the date one character in from the right
      // (a form, not a 公文: the longest label and a blank date must fit on one line).
      return [
        new Paragraph({
          children: [
            run(cleanText(block.label), FONT.body, SIZE.body),
            new TextRun({
              children: [new Tab(), block.date],
              font: { ascii: FONT.body, hAnsi: FONT.body, eastAsia: FONT.body },
              size: SIZE.body,
            }),
          ],
          tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH - CHAR }],
          spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: LINE / 3 },
        }),
      ];
    case 'gap':
      return Array.from(
        { length: block.lines },
        () => new Paragraph({ children: [], spacing: { line: LINE, lineRule: LineRuleType.EXACT } }),
      );
  }
}

function pageNumber(align: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'right' ? { right: SIZE.number * 10 } : { left: SIZE.number * 10 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { ascii: FONT.number, hAnsi: FONT.number, eastAsia: FONT.number },
            size: SIZE.number,
          }),
        ],
      }),
    ],
  });
}

export function toDocxDocument(model: DocumentModel): Document {
  const properties = { page: { size: PAGE, margin: { ...MARGIN, header: Math.round(15 * MM), footer: Math.round(21 * MM) } } };
  const footers = { default: pageNumber('right'), even: pageNumber('left') };
  return new Document({
    creator: '乡镇司法台账',
    title: cleanText(model.name),
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: { ascii: FONT.body, hAnsi: FONT.body, eastAsia: FONT.body }, size: SIZE.body } } } },
    // One section per form: each starts on a new page, and page numbers run on through the file.
    sections: model.parts.map((part) => ({ properties, footers, children: part.blocks.flatMap(blockToDocx) })),
  });
}

/** A file name that is safe on Windows and keeps the Chinese title. */
export function safeFileName(name: string, ext: string): string {
  const base = safeFileBase(cleanText(name), 100) || '文书';
  return `${base}.${ext}`;
}

export async function renderDocx(model: DocumentModel): Promise<FileResult> {
  const buffer = await Packer.toBuffer(toDocxDocument(model));
  return { fileName: safeFileName(model.name, 'docx'), mime: DOCX_MIME, base64: buffer.toString('base64') };
}
