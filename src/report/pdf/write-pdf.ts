/**
 * Writes a ReportDocument as an A4 PDF with jsPDF and jspdf-autotable. All text is real text in the embedded subset
 * Noto Sans SC (selectable, searchable); charts are images drawn by the rasteriser the caller passes (the UI's
 * chart.js, ui/charts/rasterise.ts), so report/ needs no DOM and no UI code. Each block kind is laid out in its own
 * file (text-blocks.ts, tables.ts, charts.ts) with the page cursor of writer.ts.
 *
 * Load it lazily, `await import('../report/pdf/write-pdf')`: jspdf, jspdf-autotable and the font then stay out of the
 * first visit's chunks. The font (~1.1 MB) is fetched on the first export and kept for later ones.
 */
import { jsPDF } from 'jspdf';
import type { Block, ReportDocument } from '../document';
import { FONT_FILE, InfoStrings, fontBinary } from './font';
import { BODY, CONTENT_W, FONT, GAP, KEEP_WITH_NEXT, TABLE_SIZE, lineHeight } from './style';
import { Writer } from './writer';
import { cover, heading, headingHeight, list, paragraph, step, stepLayout } from './text-blocks';
import { keyValues, table } from './tables';
import { chart, chartSize, type ChartRasteriser } from './charts';
import { form } from './forms';

export type { ChartRasteriser, ChartRasterSize } from './charts';

export interface WritePdfOptions {
  /** Draws the chart blocks as images. Without it (or with `charts: false`) the charts are left out. */
  rasterise?: ChartRasteriser;
  /** false leaves the charts out. Default: charts included when there is a rasteriser. */
  charts?: boolean;
  /** The bytes of NotoSansSC-subset.ttf; default: fetched from the bundled asset. Tests read the file and pass it. */
  fontBytes?: ArrayBuffer | Uint8Array;
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
  const rasterise = options.charts === false ? undefined : options.rasterise;
  await layOut(writer, rasterise ? doc.blocks : doc.blocks.filter((b) => b.kind !== 'chart'), rasterise);
  writer.footers();
  writer.warnMissing();

  const out = pdf.output('arraybuffer');
  info.patch(new Uint8Array(out));
  return new Blob([out], { type: 'application/pdf' });
}

/** Draws the blocks in order, each by its kind. */
async function layOut(w: Writer, blocks: readonly Block[], rasterise: ChartRasteriser | undefined) {
  for (const [i, b] of blocks.entries()) {
    if (b.kind === 'cover') {
      cover(w, b);
      continue;
    }
    if (w.breakBefore) {
      w.breakBefore = false;
      if (!w.atTop) w.newPage();
    }
    switch (b.kind) {
      case 'heading':
        heading(w, b, keepHeight(w, blocks, i + 1));
        break;
      case 'paragraph':
        paragraph(w, b);
        break;
      case 'list':
        list(w, b.items);
        break;
      case 'keyValues':
        keyValues(w, b.rows, TABLE_SIZE + 0.5);
        break;
      case 'table':
        table(w, b);
        break;
      case 'chart':
        if (rasterise) await chart(w, b, rasterise);
        break;
      case 'step':
        step(w, b);
        break;
      case 'summary':
        // one page of its own: the summary's blocks, then a new page for what follows
        if (!w.atTop) w.newPage();
        heading(w, { kind: 'heading', level: 1, text: b.title }, 0);
        await layOut(w, b.blocks, rasterise);
        w.breakBefore = true;
        break;
      case 'pageBreak':
        w.breakBefore = true;
        break;
      case 'form':
        form(w, b);
        break;
    }
  }
}

/** Room a heading must leave below itself for blocks[i] (and what that in turn keeps with it). */
function keepHeight(w: Writer, blocks: readonly Block[], i: number): number {
  const next = blocks[i];
  if (!next || next.kind === 'cover' || next.kind === 'pageBreak' || next.kind === 'summary') return 0;
  if (next.kind === 'heading') return headingHeight(w, next) + keepHeight(w, blocks, i + 1);
  if (next.kind === 'step' || next.kind === 'chart') {
    const h = next.kind === 'step' ? stepLayout(w, next).height : chartSize(w, next).height;
    return h <= w.pageContentHeight - 25 ? h : KEEP_WITH_NEXT;
  }
  if (next.kind === 'paragraph' || next.kind === 'list') {
    const texts = next.kind === 'paragraph' ? [next.text] : next.items;
    const lines = texts.reduce((n, t) => n + w.wrap(t, BODY, CONTENT_W - 5).length, 0);
    const own = lines * lineHeight(BODY);
    // a short introduction stays with what it introduces (a chart, a step, a table), so the heading and the
    // introduction do not end a page alone (the English PDF ended a page with the progress heading)
    const after = blocks[i + 1];
    if (lines <= 3 && after && after.kind !== 'heading')
      return Math.min(w.pageContentHeight - 25, own + GAP.paragraph + keepHeight(w, blocks, i + 1));
    return Math.min(KEEP_WITH_NEXT, own);
  }
  return KEEP_WITH_NEXT;
}
