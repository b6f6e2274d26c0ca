/**
 * Writes a ReportDocument as an A4 PDF with jsPDF and jspdf-autotable. All text is real text in the embedded subset
 * Noto Sans SC (selectable, searchable); charts are JPEG images drawn by chart.js.
 *
 * Load it lazily, `await import('../report/pdf/write-pdf')`: jspdf, jspdf-autotable and the font then stay out of the
 * first visit's chunks. The font (~1.1 MB) is fetched on the first export and kept for later ones.
 */
import { jsPDF } from 'jspdf';
import { autoTable, type CellHookData, type RowInput, type Styles, type UserOptions } from 'jspdf-autotable';
import fontUrl from '../fonts/NotoSansSC-subset.ttf?url';
import type { Block, ChartBlock, ReportDocument } from '../document';
import { wrapText } from './wrap';

export interface WritePdfOptions {
  /** false leaves the charts out (no canvas needed). Default: charts included. */
  charts?: boolean;
  /** The bytes of NotoSansSC-subset.ttf; default: fetched from the bundled asset. Tests read the file and pass it. */
  fontBytes?: ArrayBuffer | Uint8Array;
}

type RGB = [number, number, number];
type StepBlock = Extract<Block, { kind: 'step' }>;

const FONT = 'NotoSansSC';
const FONT_FILE = 'NotoSansSC-subset.ttf';

// Geometry in mm (A4 portrait).
const PAGE_W = 210;
const PAGE_H = 297;
const MARGIN_X = 18;
const MARGIN_TOP = 18;
/** Lowest the footer's last line may sit. */
const FOOTER_BOTTOM = PAGE_H - 9;
const CONTENT_W = PAGE_W - 2 * MARGIN_X;
/** mm per typographic point. */
const PT = 25.4 / 72;
/** A heading needs this much room below it for the next block, or it moves to the next page. */
const KEEP_WITH_NEXT = 30;

/** Charts: drawn at CHART_CSS_W CSS px and DPR so the bitmap is 1600 px wide and chart.js's 12 px text prints ~7 pt. */
const CHART_CSS_W = 600;
const CHART_DPR = 1600 / CHART_CSS_W;
const CHART_MM_W = 120;

const COLOR = {
  text: [33, 37, 41] as RGB,
  muted: [95, 101, 108] as RGB,
  faint: [125, 130, 136] as RGB,
  accent: [27, 58, 92] as RGB,
  rule: [190, 196, 203] as RGB,
  groupFill: [226, 234, 243] as RGB,
  white: [255, 255, 255] as RGB,
};

interface TextStyle {
  size: number;
  /** Line height as a multiple of the font size. */
  leading: number;
  color: RGB;
  /** Emulated bold: glyphs filled and outlined (text render mode 2); the font has one weight. */
  bold?: boolean;
}

const BODY: TextStyle = { size: 10, leading: 1.55, color: COLOR.text };
const STYLE = {
  body: BODY,
  strong: { ...BODY, bold: true },
  muted: { ...BODY, color: COLOR.muted },
  quote: { ...BODY, color: COLOR.muted },
  h1: { size: 16, leading: 1.35, color: COLOR.accent, bold: true },
  h2: { size: 13, leading: 1.35, color: COLOR.accent, bold: true },
  h3: { size: 11.5, leading: 1.4, color: COLOR.text, bold: true },
  coverTitle: { size: 24, leading: 1.3, color: COLOR.accent, bold: true },
  coverSubtitle: { size: 13, leading: 1.45, color: COLOR.muted },
  stepTitle: { size: 10.5, leading: 1.5, color: COLOR.accent, bold: true },
  stepLine: { size: 9.5, leading: 1.5, color: COLOR.text },
  citation: { size: 8, leading: 1.45, color: COLOR.faint },
  caption: { size: 8.5, leading: 1.45, color: COLOR.muted },
  footer: { size: 7, leading: 1.4, color: COLOR.faint },
} satisfies Record<string, TextStyle>;

const HEADING = {
  1: { style: STYLE.h1, before: 7, after: 3 },
  2: { style: STYLE.h2, before: 5.5, after: 2.5 },
  3: { style: STYLE.h3, before: 4, after: 1.5 },
} as const;

const GAP = { paragraph: 2.5, listItem: 0.8, list: 2.5, table: 5, chart: 5, step: 4 };
const TABLE_SIZE = 9;
const TABLE_PADDING = { top: 1.4, bottom: 1.4, left: 1.8, right: 1.8 };

const lineHeight = (s: TextStyle) => s.size * PT * s.leading;

let fetchedFont: Promise<string> | undefined;

/** The font as the binary string jsPDF's virtual file system takes. */
async function fontBinary(bytes?: ArrayBuffer | Uint8Array): Promise<string> {
  if (bytes) return binaryString(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  fetchedFont ??= fetch(fontUrl)
    .then((r) => {
      if (!r.ok) throw new Error(`PDF font: HTTP ${r.status} for ${fontUrl}`);
      return r.arrayBuffer();
    })
    .then((b) => binaryString(new Uint8Array(b)));
  try {
    return await fetchedFont;
  } catch (e) {
    fetchedFont = undefined; // let a later export retry
    throw e;
  }
}

function binaryString(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return parts.join('');
}

/**
 * Lays out `doc` and returns the PDF. Characters the font lacks are left out (and listed once with console.warn):
 * check texts with missingCharacters() from ../fonts/charset beforehand.
 */
export async function writePdf(doc: ReportDocument, options: WritePdfOptions = {}): Promise<Blob> {
  const pdf = new jsPDF({ orientation: 'portrait', unit: 'mm', format: 'a4', compress: true, putOnlyUsedFonts: true });
  pdf.addFileToVFS(FONT_FILE, await fontBinary(options.fontBytes));
  pdf.addFont(FONT_FILE, FONT, 'normal');
  // The same file as 'bold', so nothing asking for bold (autotable's defaults) falls back to a font without CJK.
  pdf.addFont(FONT_FILE, FONT, 'bold');
  pdf.setFont(FONT, 'normal');
  pdf.setLineHeightFactor(1.3);

  const info = new InfoStrings();
  const subtitle = doc.blocks.find((b) => b.kind === 'cover')?.subtitle;
  pdf.setProperties({
    title: info.add(doc.title),
    subject: info.add(subtitle || doc.title),
    creator: 'DigiLevel',
  });
  pdf.setLanguage(doc.lang === 'zh-CN' ? 'zh-CN' : 'en-US');
  pdf.viewerPreferences({ DisplayDocTitle: true });

  const writer = new Writer(pdf, doc);
  const blocks = options.charts === false ? doc.blocks.filter((b) => b.kind !== 'chart') : doc.blocks;
  await writer.blocks(blocks);
  writer.footers();
  writer.warnMissing();

  const out = pdf.output('arraybuffer');
  info.patch(new Uint8Array(out));
  return new Blob([out], { type: 'application/pdf' });
}

/**
 * Document-information strings (title, subject) outside ASCII. jsPDF writes them as UTF-16BE literal strings without
 * escaping byte 0x0D, which readers turn into 0x0A (不 U+4E0D would read as 上 U+4E0A). So jsPDF gets an ASCII
 * placeholder exactly as long as the hex string `<FEFF…>` that replaces it in the output: no offset moves.
 */
class InfoStrings {
  private replacements: { from: string; to: string }[] = [];

  add(text: string): string {
    const s = text.replace(/\s+/g, ' ').trim();
    if (/^[\x20-\x7e]*$/.test(s)) return s;
    let hex = '<FEFF';
    for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
    hex += '>';
    const placeholder = `DLINFO${this.replacements.length}`.padEnd(hex.length - 2, 'X');
    this.replacements.push({ from: `(${placeholder})`, to: hex });
    return placeholder;
  }

  patch(bytes: Uint8Array) {
    for (const { from, to } of this.replacements) {
      const at = indexOfAscii(bytes, from);
      if (at < 0) continue;
      for (let i = 0; i < to.length; i++) bytes[at + i] = to.charCodeAt(i);
    }
  }
}

function indexOfAscii(bytes: Uint8Array, s: string): number {
  const first = s.charCodeAt(0);
  for (let i = bytes.indexOf(first); i >= 0 && i <= bytes.length - s.length; i = bytes.indexOf(first, i + 1)) {
    let j = 1;
    while (j < s.length && bytes[i + j] === s.charCodeAt(j)) j++;
    if (j === s.length) return i;
  }
  return -1;
}

/** Splits `total` among columns: narrow ones get their natural width, wide ones share the rest. */
function fitWidths(natural: number[], total: number): number[] {
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= total) return natural.map((w) => (w * total) / sum);
  const widths = natural.map(() => 0);
  let open = natural.map((_, i) => i);
  let left = total;
  for (;;) {
    const share = left / open.length;
    const narrow = open.filter((i) => natural[i]! <= share);
    if (!narrow.length || narrow.length === open.length) break;
    for (const i of narrow) {
      widths[i] = natural[i]!;
      left -= natural[i]!;
    }
    open = open.filter((i) => natural[i]! > share);
  }
  const openSum = open.reduce((a, i) => a + natural[i]!, 0);
  for (const i of open) widths[i] = (left * natural[i]!) / openSum;
  return widths;
}

class Writer {
  /** Top of the next thing drawn on the current page. */
  private y = MARGIN_TOP;
  /** Lowest y content may reach (the footer is below). */
  private readonly bottom: number;
  private readonly footerTop: number;
  /** Set by a cover: what follows starts on a new page. */
  private breakBefore = false;
  private readonly missing = new Set<string>();
  private readonly glyphs: { characterToGlyph(code: number): number };
  private readonly footerText: { generatedAt: string[]; disclaimer: string[] };

  constructor(
    private readonly pdf: jsPDF,
    private readonly doc: ReportDocument,
  ) {
    this.glyphs = pdf.getFont().metadata;
    const f = STYLE.footer;
    // generatedAt shares the first line with the page label, right-aligned
    const label = this.clean(doc.pageLabel.replaceAll('{page}', '888').replaceAll('{pages}', '888'));
    pdf.setFontSize(f.size);
    const labelWidth = this.measure(label);
    const generatedAt = this.wrap(doc.generatedAt, f, CONTENT_W - labelWidth - 6).filter((l) => l.trim());
    const disclaimer = this.wrap(doc.disclaimer, f, CONTENT_W).filter((l) => l.trim());
    this.footerText = { generatedAt, disclaimer };
    const lines = Math.max(1, generatedAt.length) + disclaimer.length;
    this.footerTop = FOOTER_BOTTOM - lines * lineHeight(f) - 1.5;
    this.bottom = Math.min(PAGE_H - MARGIN_TOP, this.footerTop - 4);
  }

  private get pageContentHeight() {
    return this.bottom - MARGIN_TOP;
  }

  // --- text ---------------------------------------------------------------------------------------------------------

  /** Drops characters the font cannot show (jsPDF would drop them, or cut the line at an unknown Latin-1 one). */
  private clean(text: string): string {
    let out = '';
    for (const ch of text.replace(/[\t\u00a0\u2000-\u200a\u202f\u205f]/g, ' ')) {
      if (ch === '\n') out += ch;
      // eslint-disable-next-line no-control-regex
      else if (/[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060\ufeff]/.test(ch)) continue;
      else if (ch.length === 1 && this.glyphs.characterToGlyph(ch.charCodeAt(0))) out += ch;
      else this.missing.add(ch);
    }
    return out;
  }

  /** Width of each character at font size 1, in font units (jsPDF adds them up without kerning too). */
  private readonly unitWidths = new Map<string, number>();

  /** doc.getTextWidth at the current font size, from cached character widths: wrapping measures a lot. */
  private readonly measure = (s: string) => {
    let units = 0;
    for (const ch of s) {
      let w = this.unitWidths.get(ch);
      if (w === undefined) this.unitWidths.set(ch, (w = this.pdf.getStringUnitWidth(ch)));
      units += w;
    }
    return (units * this.pdf.getFontSize()) / this.pdf.internal.scaleFactor;
  };

  private wrap(text: string, style: TextStyle, width: number): string[] {
    this.pdf.setFontSize(style.size);
    return wrapText(this.clean(text), width, this.measure);
  }

  /** Sets the state for text in `style`; bold is emulated by outlining the glyphs in the text colour. */
  private applyStyle(style: TextStyle) {
    const pdf = this.pdf;
    pdf.setFont(FONT, 'normal');
    pdf.setFontSize(style.size);
    pdf.setTextColor(...style.color);
    if (style.bold) this.boldStroke(style.size, style.color);
  }

  private boldStroke(size: number, color: RGB) {
    this.pdf.setDrawColor(...color);
    this.pdf.setLineWidth(size * PT * 0.035);
    this.pdf.setLineJoin('round');
  }

  /** Draws one line whose box starts at `top`. */
  private drawLine(
    text: string,
    style: TextStyle,
    x: number,
    top: number,
    align: 'left' | 'center' | 'right' = 'left',
  ) {
    if (!text) return;
    this.applyStyle(style);
    const baseline = top + style.size * PT * ((style.leading - 1) / 2 + 0.88);
    this.pdf.text(text, x, baseline, {
      align,
      ...(style.bold ? { renderingMode: 'fillThenStroke' as const } : {}),
    });
  }

  /** Draws lines from the cursor down, moving to a new page when one does not fit. */
  private drawLines(lines: string[], style: TextStyle, x: number, beside?: (top: number, height: number) => void) {
    const lh = lineHeight(style);
    for (const line of lines) {
      this.ensureSpace(lh);
      beside?.(this.y, lh);
      this.drawLine(line, style, x, this.y);
      this.y += lh;
    }
  }

  // --- pages --------------------------------------------------------------------------------------------------------

  private newPage() {
    this.pdf.addPage();
    this.y = MARGIN_TOP;
  }

  private get atTop() {
    return this.y <= MARGIN_TOP + 0.01;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  private ensureSpace(height: number) {
    if (this.y + height > this.bottom + 0.01 && !this.atTop) this.newPage();
  }

  private get tableY(): number {
    const last = (this.pdf as unknown as { lastAutoTable?: { finalY?: number } }).lastAutoTable;
    return last?.finalY ?? this.y;
  }

  // --- blocks -------------------------------------------------------------------------------------------------------

  async blocks(blocks: readonly Block[]) {
    for (const [i, b] of blocks.entries()) {
      if (b.kind === 'cover') {
        this.cover(b);
        continue;
      }
      if (this.breakBefore) {
        this.breakBefore = false;
        if (!this.atTop) this.newPage();
      }
      switch (b.kind) {
        case 'heading':
          this.heading(b, this.keepHeight(blocks, i + 1));
          break;
        case 'paragraph':
          this.paragraph(b);
          break;
        case 'list':
          this.list(b.items);
          break;
        case 'keyValues':
          this.keyValues(b.rows, TABLE_SIZE + 0.5);
          break;
        case 'table':
          this.table(b);
          break;
        case 'chart':
          await this.chart(b);
          break;
        case 'step':
          this.step(b);
          break;
      }
    }
  }

  /** Room a heading must leave below itself for blocks[i] (and what that in turn keeps with it). */
  private keepHeight(blocks: readonly Block[], i: number): number {
    const next = blocks[i];
    if (!next || next.kind === 'cover') return 0;
    if (next.kind === 'heading') return this.headingHeight(next) + this.keepHeight(blocks, i + 1);
    if (next.kind === 'step' || next.kind === 'chart') {
      const h = next.kind === 'step' ? this.stepLayout(next).height : this.chartSize(next).height;
      return h <= this.pageContentHeight - 25 ? h : KEEP_WITH_NEXT;
    }
    if (next.kind === 'paragraph' || next.kind === 'list') {
      const texts = next.kind === 'paragraph' ? [next.text] : next.items;
      const lines = texts.reduce((n, t) => n + this.wrap(t, BODY, CONTENT_W - 5).length, 0);
      const own = lines * lineHeight(BODY);
      // a short introduction to a chart or step stays with it, so the heading does not end a page alone
      const after = blocks[i + 1];
      if (lines <= 3 && (after?.kind === 'chart' || after?.kind === 'step'))
        return Math.min(this.pageContentHeight - 25, own + GAP.paragraph + this.keepHeight(blocks, i + 1));
      return Math.min(KEEP_WITH_NEXT, own);
    }
    return KEEP_WITH_NEXT;
  }

  private headingHeight(b: Extract<Block, { kind: 'heading' }>): number {
    const h = HEADING[b.level];
    return this.wrap(b.text, h.style, CONTENT_W).length * lineHeight(h.style) + h.after;
  }

  private cover(b: Extract<Block, { kind: 'cover' }>) {
    if (!this.atTop) this.newPage();
    this.y = 62;
    this.drawLines(this.wrap(b.title, STYLE.coverTitle, CONTENT_W), STYLE.coverTitle, MARGIN_X);
    if (b.subtitle) {
      this.y += 3;
      this.drawLines(this.wrap(b.subtitle, STYLE.coverSubtitle, CONTENT_W), STYLE.coverSubtitle, MARGIN_X);
    }
    this.y += 7;
    this.pdf.setDrawColor(...COLOR.accent);
    this.pdf.setLineWidth(0.8);
    this.pdf.line(MARGIN_X, this.y, MARGIN_X + 40, this.y);
    this.y += 9;
    if (b.rows.length) this.keyValues(b.rows, 10.5);
    this.breakBefore = true;
  }

  private heading(b: Extract<Block, { kind: 'heading' }>, keep: number) {
    const h = HEADING[b.level];
    const lines = this.wrap(b.text, h.style, CONTENT_W);
    const need = Math.min(lines.length * lineHeight(h.style) + h.after + keep, this.pageContentHeight);
    if (this.y + h.before + need > this.bottom) {
      if (!this.atTop) this.newPage();
    } else if (!this.atTop) {
      this.y += h.before;
    }
    this.drawLines(lines, h.style, MARGIN_X);
    if (b.level === 1) {
      this.pdf.setDrawColor(...COLOR.rule);
      this.pdf.setLineWidth(0.3);
      this.pdf.line(MARGIN_X, this.y + 0.6, PAGE_W - MARGIN_X, this.y + 0.6);
    }
    this.y += h.after;
  }

  private paragraph(b: Extract<Block, { kind: 'paragraph' }>) {
    const style = STYLE[b.tone ?? 'body'];
    const indent = b.tone === 'quote' ? 5 : 0;
    const lines = this.wrap(b.text, style, CONTENT_W - indent);
    this.ensureSpace(Math.min(lines.length, 2) * lineHeight(style)); // no single first line at a page's foot
    const bar =
      b.tone === 'quote'
        ? (top: number, height: number) => {
            this.pdf.setFillColor(...COLOR.rule);
            this.pdf.rect(MARGIN_X + 0.5, top, 0.9, height, 'F');
          }
        : undefined;
    this.drawLines(lines, style, MARGIN_X + indent, bar);
    this.y += GAP.paragraph;
  }

  private list(items: string[]) {
    const lh = lineHeight(BODY);
    for (const item of items) {
      const lines = this.wrap(item, BODY, CONTENT_W - 5);
      this.ensureSpace(Math.min(lines.length, 2) * lh);
      let first = true;
      this.drawLines(lines, BODY, MARGIN_X + 5, (top) => {
        if (!first) return;
        first = false;
        this.pdf.setFillColor(...BODY.color);
        this.pdf.circle(MARGIN_X + 1.6, top + lh / 2, 0.6, 'F');
      });
      this.y += GAP.listItem;
    }
    this.y += GAP.list - GAP.listItem;
  }

  /** Options every table shares: the CJK font everywhere, Chinese-aware wrapping, rows kept whole. */
  private tableOptions(size: number, lineWidth: number): UserOptions {
    const style: Partial<Styles> = {
      font: FONT,
      fontStyle: 'normal',
      fontSize: size,
      textColor: COLOR.text,
      cellPadding: TABLE_PADDING,
      lineColor: COLOR.rule,
      lineWidth,
      valign: 'top',
      overflow: (text, width) => wrapText((Array.isArray(text) ? text : [text]).join('\n'), width, this.measure),
    };
    return {
      startY: this.y,
      margin: { top: MARGIN_TOP, bottom: PAGE_H - this.bottom, left: MARGIN_X, right: MARGIN_X },
      tableWidth: CONTENT_W,
      rowPageBreak: 'avoid',
      styles: style,
      headStyles: { font: FONT, fontStyle: 'normal' },
      footStyles: { font: FONT, fontStyle: 'normal' },
    };
  }

  private keyValues(rows: [string, string][], size: number) {
    const keyWidth = Math.round(CONTENT_W * 0.32);
    autoTable(this.pdf, {
      ...this.tableOptions(size, 0),
      theme: 'plain',
      body: rows.map(([k, v]) => [this.clean(k), this.clean(v)]),
      columnStyles: {
        0: { cellWidth: keyWidth, textColor: COLOR.muted },
        1: { cellWidth: CONTENT_W - keyWidth },
      },
    });
    this.y = this.tableY + GAP.table;
  }

  private table(b: Extract<Block, { kind: 'table' }>) {
    const head = b.head.map((c) => this.clean(c));
    const n = Math.max(head.length, ...b.rows.map((r) => r.length), 1);
    const rows = b.rows.map((r) => Array.from({ length: n }, (_, i) => this.clean(r[i] ?? '')));
    const groups = new Set(b.groupRows ?? []);
    const widths = this.columnWidths(b.widths, head, rows, n);
    // A group row with text only in its first cell spans the table.
    const spans = rows.map((r, i) => groups.has(i) && r.slice(1).every((c) => !c.trim()));
    const body: RowInput[] = rows.map((r, i) => (spans[i] ? [{ content: r[0] ?? '', colSpan: n }] : r));
    const heights = rows.map((r, i) =>
      spans[i] ? this.rowHeight([r[0] ?? ''], [CONTENT_W]) : this.rowHeight(r, widths),
    );
    const breaks = this.tableBreaks(heights, head.length ? this.rowHeight(head, widths) : 0, groups);
    let start = 0;
    for (const end of [...breaks, rows.length]) {
      if (start > 0) this.newPage();
      const offset = start;
      const isGroup = (d: CellHookData) => d.section === 'body' && groups.has(d.row.index + offset);
      autoTable(this.pdf, {
        ...this.tableOptions(TABLE_SIZE, 0.1),
        theme: 'grid',
        head: head.length ? [head] : undefined,
        body: body.slice(start, end),
        showHead: 'everyPage',
        headStyles: { font: FONT, fontStyle: 'normal', fillColor: COLOR.accent, textColor: COLOR.white },
        columnStyles: Object.fromEntries(widths.map((w, i) => [i, { cellWidth: w }])),
        didParseCell: (d) => {
          if (!isGroup(d)) return;
          d.cell.styles.fillColor = COLOR.groupFill;
          d.cell.styles.textOptions = {
            ...d.cell.styles.textOptions,
            renderingMode: 'fillThenStroke',
          } as Styles['textOptions'];
        },
        willDrawCell: (d) => {
          if (!isGroup(d)) return;
          // Draw the shaded cell here so the stroke state can then serve the emulated-bold text.
          const { x, y, width, height, styles } = d.cell;
          this.pdf.setFillColor(...COLOR.groupFill);
          this.pdf.setDrawColor(...COLOR.rule);
          this.pdf.setLineWidth(0.1);
          this.pdf.rect(x, y, width, height, 'FD');
          styles.fillColor = false;
          styles.lineWidth = 0;
          this.boldStroke(styles.fontSize, COLOR.text);
        },
      });
      this.y = this.tableY;
      start = end;
    }
    this.y += GAP.table;
  }

  /** A table row's height as autotable computes it: wrapped lines of the tallest cell plus padding. */
  private rowHeight(cells: string[], widths: number[]): number {
    this.pdf.setFontSize(TABLE_SIZE);
    const padding = TABLE_PADDING.left + TABLE_PADDING.right;
    const lines = cells.map((c, i) => wrapText(c, (widths[i] ?? CONTENT_W) - padding, this.measure).length);
    const lineHeight = TABLE_SIZE * PT * this.pdf.getLineHeightFactor();
    return Math.max(1, ...lines) * lineHeight + TABLE_PADDING.top + TABLE_PADDING.bottom;
  }

  /**
   * Follows autotable's pagination (a row that does not fit moves to the next page, under the repeated head) to find
   * group rows that would end a page without any of their rows: the table is split there and continues on a new page.
   * Starts a new page first when the head and first row (with the next, for a group row) do not fit.
   */
  private tableBreaks(heights: number[], headHeight: number, groups: Set<number>): number[] {
    const keep = (i: number) => (heights[i] ?? 0) + (groups.has(i) ? (heights[i + 1] ?? 0) : 0);
    if (this.y + headHeight + keep(0) > this.bottom && !this.atTop) this.newPage();
    const pageStart = MARGIN_TOP + headHeight;
    const breaks: number[] = [];
    let y = this.y + headHeight;
    for (const [i, h] of heights.entries()) {
      if (y + keep(i) > this.bottom + 0.01 && y > pageStart + 0.01) {
        if (y + h <= this.bottom + 0.01) breaks.push(i); // autotable would leave the group row here
        y = pageStart;
      }
      y += h;
    }
    return breaks;
  }

  private columnWidths(relative: number[] | undefined, head: string[], rows: string[][], n: number): number[] {
    if (relative?.length === n && relative.every((w) => w > 0)) {
      const sum = relative.reduce((a, b) => a + b, 0);
      return relative.map((w) => (w * CONTENT_W) / sum);
    }
    this.pdf.setFontSize(TABLE_SIZE);
    const padding = TABLE_PADDING.left + TABLE_PADDING.right;
    const natural = Array.from({ length: n }, (_, i) => {
      const texts = [head[i] ?? '', ...rows.map((r) => r[i] ?? '')].flatMap((t) => t.split('\n'));
      return Math.max(12, ...texts.map((t) => this.measure(t) + padding + 0.5));
    });
    return fitWidths(natural, CONTENT_W);
  }

  /** Size of a chart's image and caption in mm; charts are kept whole on one page. */
  private chartSize(b: ChartBlock) {
    const cssHeight = chartCssHeight(b);
    const caption = this.wrap(b.caption, STYLE.caption, CONTENT_W);
    const captionHeight = b.caption.trim() ? 2 + caption.length * lineHeight(STYLE.caption) : 0;
    let width = CHART_MM_W;
    let imageHeight = (width * cssHeight) / CHART_CSS_W;
    const room = this.pageContentHeight - captionHeight;
    if (imageHeight > room) {
      width *= room / imageHeight;
      imageHeight = room;
    }
    return { cssHeight, width, imageHeight, caption, height: imageHeight + captionHeight };
  }

  private async chart(b: ChartBlock) {
    const size = this.chartSize(b);
    const png = await renderChart(b, size.cssHeight);
    if (!png) return;
    this.ensureSpace(size.height);
    this.pdf.addImage(
      png,
      png.startsWith('data:image/jpeg') ? 'JPEG' : 'PNG',
      (PAGE_W - size.width) / 2,
      this.y,
      size.width,
      size.imageHeight,
      undefined,
      'FAST',
    );
    this.y += size.imageHeight;
    if (b.caption.trim()) {
      this.y += 2;
      const lh = lineHeight(STYLE.caption);
      for (const line of size.caption) {
        this.drawLine(line, STYLE.caption, PAGE_W / 2, this.y, 'center');
        this.y += lh;
      }
    }
    this.y += GAP.chart;
  }

  private stepLayout(b: StepBlock) {
    const title = this.wrap(b.title, STYLE.stepTitle, CONTENT_W);
    const lines = b.lines.flatMap((l) => this.wrap(l, STYLE.stepLine, CONTENT_W - 4));
    const citation = b.citation.trim() ? this.wrap(b.citation, STYLE.citation, CONTENT_W - 4) : [];
    const height =
      title.length * lineHeight(STYLE.stepTitle) +
      lines.length * lineHeight(STYLE.stepLine) +
      (citation.length ? 0.8 + citation.length * lineHeight(STYLE.citation) : 0);
    return { title, lines, citation, height };
  }

  private step(b: StepBlock) {
    const s = this.stepLayout(b);
    if (s.height <= this.pageContentHeight) this.ensureSpace(s.height);
    this.drawLines(s.title, STYLE.stepTitle, MARGIN_X);
    this.drawLines(s.lines, STYLE.stepLine, MARGIN_X + 4);
    if (s.citation.length) {
      this.y += 0.8;
      this.drawLines(s.citation, STYLE.citation, MARGIN_X + 4);
    }
    this.y += GAP.step;
  }

  // --- footer -------------------------------------------------------------------------------------------------------

  /** Page label, generation time and disclaimer at the foot of every page. */
  footers() {
    const pdf = this.pdf;
    const f = STYLE.footer;
    const lh = lineHeight(f);
    const pages = pdf.getNumberOfPages();
    const { generatedAt, disclaimer } = this.footerText;
    for (let page = 1; page <= pages; page++) {
      pdf.setPage(page);
      let y = this.footerTop;
      pdf.setDrawColor(...COLOR.rule);
      pdf.setLineWidth(0.2);
      pdf.line(MARGIN_X, y, PAGE_W - MARGIN_X, y);
      y += 1.5;
      const label = this.doc.pageLabel.replaceAll('{page}', String(page)).replaceAll('{pages}', String(pages));
      this.drawLine(this.clean(label), f, PAGE_W - MARGIN_X, y, 'right');
      for (const line of generatedAt) {
        this.drawLine(line, f, MARGIN_X, y);
        y += lh;
      }
      if (!generatedAt.length) y += lh;
      for (const line of disclaimer) {
        this.drawLine(line, f, MARGIN_X, y);
        y += lh;
      }
    }
  }

  warnMissing() {
    if (this.missing.size)
      console.warn(`PDF: the font lacks these characters, left out: ${[...this.missing].join(' ')}`);
  }
}

/** Height in CSS px at CHART_CSS_W wide: bars grow with the number of scenarios. */
function chartCssHeight(b: ChartBlock): number {
  switch (b.chart) {
    case 'radar':
      return 375;
    case 'bars':
      return Math.min(1000, Math.max(300, 80 + 26 * b.model.labels.length));
    case 'trend':
      return 340;
    case 'levels':
      return 240;
  }
}

/** Draws a chart with chart.js on an off-screen canvas and returns it as a PNG data URL, or null without canvas. */
async function renderChart(b: ChartBlock, cssHeight: number): Promise<string | null> {
  if (typeof document === 'undefined') return null;
  const { drawChartBlock } = await import('../../ui/charts/draw');
  await document.fonts?.ready; // chart.js draws text once: the UI font must be there
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${CHART_CSS_W}px;height:${cssHeight}px;pointer-events:none`;
  const canvas = document.createElement('canvas');
  host.append(canvas);
  document.body.append(host);
  let chart: { destroy(): void } | null = null;
  try {
    const o = { animation: false, devicePixelRatio: CHART_DPR };
    chart = drawChartBlock(canvas, b, o);
    if (!chart) return null;
    // On white, as JPEG: jsPDF embeds JPEG as is, while a PNG is decoded and re-compressed in JavaScript
    // (half the PDF time in the benchmark's profile).
    const flat = document.createElement('canvas');
    flat.width = canvas.width;
    flat.height = canvas.height;
    const ctx = flat.getContext('2d');
    if (!ctx) return canvas.toDataURL('image/png');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, flat.width, flat.height);
    ctx.drawImage(canvas, 0, 0);
    return flat.toDataURL('image/jpeg', 0.92);
  } finally {
    chart?.destroy();
    host.remove();
  }
}
