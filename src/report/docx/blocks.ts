/**
 * One renderer per report block kind, each returning Word paragraphs and tables. The same blocks feed the print
 * view and the PDF, so every section of the report document appears here without code of its own; a block kind
 * this file does not know yet is still written, as plain paragraphs of its texts (never silently dropped).
 */
import {
  AlignmentType,
  BorderStyle,
  HeadingLevel,
  ImageRun,
  PageBreak,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { CHECKED, UNCHECKED, type Block, type ChartBlock, type FormCell } from '../document';
import { chartCssHeight, type ChartRasteriser } from '../pdf/charts';
import { COLOR, CONTENT_PX, CONTENT_TWIPS, PARA, SIZE } from './style';

export type DocxChild = Paragraph | Table;
type Of<K extends Block['kind']> = Extract<Block, { kind: K }>;

/** Characters XML 1.0 forbids (a pasted control character would make Word refuse the whole file). */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
export const xmlSafe = (s: string) => s.replace(XML_INVALID, '');

/** Text runs with Word line breaks for "\n" (a notes cell keeps its lines). */
export function runs(text: string, options: Omit<IRunOptions, 'text' | 'break'> = {}): TextRun[] {
  return xmlSafe(text)
    .split('\n')
    .map((line, i) => new TextRun({ ...options, text: line, ...(i > 0 ? { break: 1 } : {}) }));
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export function cover(b: Of<'cover'>): DocxChild[] {
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, spacing: { before: 2400, after: 240 }, children: runs(b.title) }),
    ...(b.subtitle
      ? [
          new Paragraph({
            spacing: { after: 480 },
            children: runs(b.subtitle, { size: SIZE.coverSubtitle, color: COLOR.muted }),
          }),
        ]
      : []),
    ...(b.rows.length ? [keyValueTable(b.rows, PARA.coverKey, PARA.coverValue)] : []),
    // what follows starts on a new page, as in print and the PDF
    new Paragraph({ pageBreakBefore: true, children: [] }),
  ];
}

/** A heading in Word's own heading style (navigation pane, table of contents), kept with what follows. */
export function heading(b: Of<'heading'>): DocxChild[] {
  return [new Paragraph({ heading: HEADINGS[b.level], keepNext: true, keepLines: true, children: runs(b.text) })];
}

export function paragraph(b: Of<'paragraph'>): DocxChild[] {
  const tone = b.tone ?? 'body';
  return [
    new Paragraph({
      spacing: { after: 120 },
      ...(tone === 'quote' ? { indent: { left: 284 } } : {}),
      children: runs(b.text, {
        ...(tone === 'strong' ? { bold: true } : {}),
        ...(tone === 'muted' || tone === 'quote' ? { color: COLOR.muted } : {}),
      }),
    }),
  ];
}

export function list(b: Of<'list'>): DocxChild[] {
  return b.items.map((item) => new Paragraph({ bullet: { level: 0 }, spacing: { after: 40 }, children: runs(item) }));
}

export function keyValues(b: Of<'keyValues'>): DocxChild[] {
  return [keyValueTable(b.rows, PARA.key, PARA.value), spacer()];
}

/** Cell padding, set once per table (tblCellMar) rather than on every cell: less XML to build. */
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const RULE = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule };

function keyValueTable(rows: [string, string][], keyStyle: string, valueStyle: string): Table {
  const key = Math.round(CONTENT_TWIPS * 0.32);
  return new Table({
    margins: CELL_MARGINS,
    layout: TableLayoutType.FIXED,
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths: [key, CONTENT_TWIPS - key],
    borders: {
      top: NO_BORDER,
      bottom: NO_BORDER,
      left: NO_BORDER,
      right: NO_BORDER,
      insideHorizontal: NO_BORDER,
      insideVertical: NO_BORDER,
    },
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          cantSplit: true,
          children: [cell(k, keyStyle), cell(v, valueStyle)],
        }),
    ),
  });
}

/**
 * A cell of one paragraph in `style` (its runs carry no properties: the style has them). Its width comes from the
 * table's grid (fixed layout), not from a width of its own: one XML element less per cell for docx to build.
 */
function cell(text: string, style: string, extra: { fill?: string; columnSpan?: number } = {}): TableCell {
  return new TableCell({
    ...(extra.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: extra.fill } } : {}),
    ...(extra.columnSpan ? { columnSpan: extra.columnSpan } : {}),
    children: [new Paragraph({ style, children: runs(text) })],
  });
}

/** Column widths in twips from the block's relative widths (equal shares without them). */
function columnTwips(relative: number[] | undefined, n: number): number[] {
  const rel = relative?.length === n && relative.every((x) => x > 0) ? relative : Array.from({ length: n }, () => 1);
  const sum = rel.reduce((a, b) => a + b, 0);
  return rel.map((x) => Math.floor((x * CONTENT_TWIPS) / sum));
}

/** A real Word table: the head repeats on every page, rows never split, group rows bold and shaded. */
export function table(b: Of<'table'>): DocxChild[] {
  const n = Math.max(b.head.length, ...b.rows.map((r) => r.length), 1);
  const widths = columnTwips(b.widths, n);
  const groups = new Set(b.groupRows ?? []);
  const head = b.head.length
    ? [
        new TableRow({
          tableHeader: true,
          cantSplit: true,
          children: widths.map((_, i) => cell(b.head[i] ?? '', PARA.cellHead, { fill: COLOR.accent })),
        }),
      ]
    : [];
  const body = b.rows.map((r, ri) => {
    const group = groups.has(ri);
    // a group row with text only in its first cell spans the table, as in the PDF
    if (group && r.slice(1).every((c) => !c.trim()))
      return new TableRow({
        cantSplit: true,
        children: [cell(r[0] ?? '', PARA.cellGroup, { fill: COLOR.groupFill, columnSpan: n })],
      });
    return new TableRow({
      cantSplit: true,
      children: widths.map((_, i) =>
        group ? cell(r[i] ?? '', PARA.cellGroup, { fill: COLOR.groupFill }) : cell(r[i] ?? '', PARA.cell),
      ),
    });
  });
  return [
    new Table({
      margins: CELL_MARGINS,
      layout: TableLayoutType.FIXED,
      width: { size: CONTENT_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      borders: {
        top: RULE,
        bottom: RULE,
        left: RULE,
        right: RULE,
        insideHorizontal: RULE,
        insideVertical: RULE,
      },
      rows: [...head, ...body],
    }),
    spacer(),
  ];
}

/** Charts as images from the caller's rasteriser (the UI's chart.js), the caption below; left out without one. */
export async function chart(b: ChartBlock, rasterise: ChartRasteriser | undefined): Promise<DocxChild[]> {
  if (!rasterise) return [];
  const css = { width: 600, height: chartCssHeight(b) };
  // 900 px wide for 12.7 cm (≈180 dpi): docx deflates the JPEG again, so every extra pixel costs twice
  const url = await rasterise(b, { ...css, pixelRatio: 1.5 });
  const image = url && dataUrlBytes(url);
  if (!image) return [];
  const width = Math.min(CONTENT_PX, 480);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      children: [
        new ImageRun({
          type: image.type,
          data: image.bytes,
          transformation: { width, height: Math.round((width * css.height) / css.width) },
          altText: { name: xmlSafe(b.caption), description: xmlSafe(b.caption), title: xmlSafe(b.caption) },
        }),
      ],
    }),
    new Paragraph({ style: PARA.caption, alignment: AlignmentType.CENTER, children: runs(b.caption) }),
  ];
}

function dataUrlBytes(url: string): { type: 'jpg' | 'png'; bytes: Uint8Array } | null {
  const m = /^data:image\/(jpeg|png);base64,(.*)$/.exec(url);
  if (!m) return null;
  const bin = atob(m[2]!);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return { type: m[1] === 'png' ? 'png' : 'jpg', bytes };
}

/** A roadmap step: title, its lines and the citation kept together on one page. */
export function step(b: Of<'step'>): DocxChild[] {
  // keep-with-next, indents and sizes come from the styles
  const lines = b.lines.map((l) => new Paragraph({ style: PARA.stepLine, children: runs(l) }));
  const citation = b.citation.trim() ? [new Paragraph({ style: PARA.citation, children: runs(b.citation) })] : [];
  return [
    new Paragraph({ style: PARA.stepTitle, children: runs(b.title) }),
    ...lines,
    ...(citation.length ? citation : [spacer()]),
  ];
}

/** Whatever follows starts on a new page. */
export function pageBreak(): DocxChild[] {
  return [new Paragraph({ children: [new PageBreak()] })];
}

/**
 * A table of the official form: text cells spanning rows as Word vertical merges (the covered cells are null in
 * the block and left out here; docx adds their continuation cells), option cells one paragraph per option marked
 * ☑/□, then the filled-in data line.
 */
export function form(b: Of<'form'>): DocxChild[] {
  const n = Math.max(b.head.length, ...b.rows.map((r) => r.length), 1);
  const widths = columnTwips(b.widths, n);
  const head = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: widths.map((_, i) => cell(b.head[i] ?? '', PARA.cellHead, { fill: COLOR.accent })),
  });
  const formCell = (c: FormCell) => {
    if ('text' in c)
      return new TableCell({
        ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
        children: [new Paragraph({ style: PARA.cell, children: runs(c.text) })],
      });
    return new TableCell({
      children: [
        ...c.options.map(
          (o) =>
            new Paragraph({
              style: PARA.cell,
              children: runs(`${o.checked ? CHECKED : UNCHECKED} ${o.text}`, o.checked ? { bold: true } : {}),
            }),
        ),
        ...(c.data ? [new Paragraph({ style: PARA.cell, spacing: { before: 40 }, children: runs(c.data) })] : []),
      ],
    });
  };
  const rows = b.rows.map(
    (r) =>
      new TableRow({
        children: r.flatMap((c) => (c ? [formCell(c)] : [])),
      }),
  );
  return [
    new Table({
      margins: CELL_MARGINS,
      layout: TableLayoutType.FIXED,
      width: { size: CONTENT_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE },
      rows: [head, ...rows],
    }),
    spacer(),
  ];
}

/** A block kind added to the document after this file was written: its texts, one paragraph each. */
export function fallback(b: object): DocxChild[] {
  const texts: string[] = [];
  const walk = (x: unknown) => {
    if (typeof x === 'string') texts.push(x);
    else if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object')
      for (const [k, v] of Object.entries(x)) if (k !== 'kind' && k !== 'id') walk(v);
  };
  walk(b);
  return texts.filter((t) => t.trim()).map((t) => new Paragraph({ children: runs(t) }));
}

const spacer = () => new Paragraph({ spacing: { after: 80 }, children: [] });
