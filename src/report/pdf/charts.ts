/**
 * Chart blocks: an image from the rasteriser the caller hands to writePdf (the UI draws with chart.js), with its
 * caption below, kept whole on one page. The PDF writer chooses the size; the rasteriser only draws.
 */
import type { ChartBlock } from '../document';
import type { Writer } from './writer';
import { CONTENT_W, GAP, PAGE_W, STYLE, lineHeight } from './style';

/** Size to draw a chart at: CSS px, and device pixels per CSS px. */
export interface ChartRasterSize {
  width: number;
  height: number;
  pixelRatio: number;
}

/** Draws a chart block as an image data URL (JPEG or PNG); null when it cannot be drawn (left out of the PDF). */
export type ChartRasteriser = (block: ChartBlock, size: ChartRasterSize) => Promise<string | null>;

/** Charts: drawn at CHART_CSS_W CSS px and DPR so the bitmap is 1600 px wide and chart.js's 12 px text prints ~7 pt. */
const CHART_CSS_W = 600;
const CHART_DPR = 1600 / CHART_CSS_W;
const CHART_MM_W = 120;

/** Height in CSS px at CHART_CSS_W wide: bars grow with the number of scenarios. */
export function chartCssHeight(b: ChartBlock): number {
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

/** Size of a chart's image and caption in mm; charts are kept whole on one page. */
export function chartSize(w: Writer, b: ChartBlock) {
  const cssHeight = chartCssHeight(b);
  const caption = w.wrap(b.caption, STYLE.caption, CONTENT_W);
  const captionHeight = b.caption.trim() ? 2 + caption.length * lineHeight(STYLE.caption) : 0;
  let width = CHART_MM_W;
  let imageHeight = (width * cssHeight) / CHART_CSS_W;
  const room = w.pageContentHeight - captionHeight;
  if (imageHeight > room) {
    width *= room / imageHeight;
    imageHeight = room;
  }
  return { cssHeight, width, imageHeight, caption, height: imageHeight + captionHeight };
}

export async function chart(w: Writer, b: ChartBlock, rasterise: ChartRasteriser) {
  const size = chartSize(w, b);
  const png = await rasterise(b, { width: CHART_CSS_W, height: size.cssHeight, pixelRatio: CHART_DPR });
  if (!png) return;
  w.ensureSpace(size.height);
  w.pdf.addImage(
    png,
    png.startsWith('data:image/jpeg') ? 'JPEG' : 'PNG',
    (PAGE_W - size.width) / 2,
    w.y,
    size.width,
    size.imageHeight,
    undefined,
    'FAST',
  );
  w.y += size.imageHeight;
  if (b.caption.trim()) {
    w.y += 2;
    const lh = lineHeight(STYLE.caption);
    for (const line of size.caption) {
      w.drawLine(line, STYLE.caption, PAGE_W / 2, w.y, 'center');
      w.y += lh;
    }
  }
  w.y += GAP.chart;
}
