/**
 * The page cursor every block kind draws with: where the next thing goes, text in the embedded font (characters it
 * lacks left out and listed), page breaks, and the footer on every page. The block kinds live beside it
 * (text-blocks.ts, tables.ts, charts.ts); write-pdf.ts sends each block to its kind.
 */
import type { jsPDF } from 'jspdf';
import type { ReportDocument } from '../document';
import { wrapText } from './wrap';
import {
  CONTENT_W,
  FONT,
  FOOTER_BOTTOM,
  MARGIN_TOP,
  MARGIN_X,
  PAGE_H,
  PAGE_W,
  PT,
  COLOR,
  STYLE,
  lineHeight,
  type RGB,
  type TextStyle,
} from './style';

export class Writer {
  /** Top of the next thing drawn on the current page. */
  y = MARGIN_TOP;
  /** Lowest y content may reach (the footer is below). */
  readonly bottom: number;
  private readonly footerTop: number;
  /** Set by a cover: what follows starts on a new page. */
  breakBefore = false;
  private readonly missing = new Set<string>();
  private readonly glyphs: { characterToGlyph(code: number): number };
  private readonly footerText: { generatedAt: string[]; disclaimer: string[] };

  constructor(
    readonly pdf: jsPDF,
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

  get pageContentHeight() {
    return this.bottom - MARGIN_TOP;
  }

  // --- text ---------------------------------------------------------------------------------------------------------

  /** Drops characters the font cannot show (jsPDF would drop them, or cut the line at an unknown Latin-1 one). */
  clean(text: string): string {
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
  readonly measure = (s: string) => {
    let units = 0;
    for (const ch of s) {
      let w = this.unitWidths.get(ch);
      if (w === undefined) this.unitWidths.set(ch, (w = this.pdf.getStringUnitWidth(ch)));
      units += w;
    }
    return (units * this.pdf.getFontSize()) / this.pdf.internal.scaleFactor;
  };

  wrap(text: string, style: TextStyle, width: number): string[] {
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

  boldStroke(size: number, color: RGB) {
    this.pdf.setDrawColor(...color);
    this.pdf.setLineWidth(size * PT * 0.035);
    this.pdf.setLineJoin('round');
  }

  /** Draws one line whose box starts at `top`. */
  drawLine(text: string, style: TextStyle, x: number, top: number, align: 'left' | 'center' | 'right' = 'left') {
    if (!text) return;
    this.applyStyle(style);
    const baseline = top + style.size * PT * ((style.leading - 1) / 2 + 0.88);
    this.pdf.text(text, x, baseline, {
      align,
      ...(style.bold ? { renderingMode: 'fillThenStroke' as const } : {}),
    });
  }

  /** Draws lines from the cursor down, moving to a new page when one does not fit. */
  drawLines(lines: string[], style: TextStyle, x: number, beside?: (top: number, height: number) => void) {
    const lh = lineHeight(style);
    for (const line of lines) {
      this.ensureSpace(lh);
      beside?.(this.y, lh);
      this.drawLine(line, style, x, this.y);
      this.y += lh;
    }
  }

  // --- pages --------------------------------------------------------------------------------------------------------

  newPage() {
    this.pdf.addPage();
    this.y = MARGIN_TOP;
  }

  get atTop() {
    return this.y <= MARGIN_TOP + 0.01;
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  ensureSpace(height: number) {
    if (this.y + height > this.bottom + 0.01 && !this.atTop) this.newPage();
  }

  /** Where the last autotable ended. */
  get tableY(): number {
    // jspdf-autotable leaves the table it drew on the document, outside jsPDF's own type
    const last: unknown = Reflect.get(this.pdf, 'lastAutoTable');
    const finalY: unknown = typeof last === 'object' && last !== null ? Reflect.get(last, 'finalY') : undefined;
    return typeof finalY === 'number' ? finalY : this.y;
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
