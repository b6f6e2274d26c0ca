/**
 * Draws a report chart block as an image for the PDF writer, which takes it as a parameter
 * (`writePdf(doc, { rasterise: rasteriseChart })`): report/ lays pages out and does not know chart.js or the DOM.
 */
import type { ChartBlock } from '../../report/document';
import type { ChartRasterSize } from '../../report/pdf/charts';

/** The chart drawn by chart.js on an off-screen canvas, as a JPEG (or PNG) data URL; null without a canvas. */
export async function rasteriseChart(b: ChartBlock, size: ChartRasterSize): Promise<string | null> {
  if (typeof document === 'undefined') return null;
  const { drawChartBlock } = await import('./draw');
  await document.fonts?.ready; // chart.js draws text once: the UI font must be there
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.style.cssText = `position:fixed;left:-10000px;top:0;width:${size.width}px;height:${size.height}px;pointer-events:none`;
  const canvas = document.createElement('canvas');
  host.append(canvas);
  document.body.append(host);
  let chart: { destroy(): void } | null = null;
  try {
    const o = { animation: false, devicePixelRatio: size.pixelRatio };
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
