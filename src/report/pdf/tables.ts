/**
 * Tables and key–value lists, laid out by jspdf-autotable in the embedded font with Chinese-aware wrapping. Rows are
 * kept whole, and a group row never ends a page without any of its rows.
 */
import { autoTable, type CellHookData, type RowInput, type Styles, type UserOptions } from 'jspdf-autotable';
import type { Block } from '../document';
import type { Writer } from './writer';
import { wrapText } from './wrap';
import { COLOR, CONTENT_W, FONT, GAP, MARGIN_TOP, MARGIN_X, PAGE_H, PT, TABLE_PADDING, TABLE_SIZE } from './style';

/** Options every table shares: the CJK font everywhere, Chinese-aware wrapping, rows kept whole. */
function tableOptions(w: Writer, size: number, lineWidth: number): UserOptions {
  const style: Partial<Styles> = {
    font: FONT,
    fontStyle: 'normal',
    fontSize: size,
    textColor: COLOR.text,
    cellPadding: TABLE_PADDING,
    lineColor: COLOR.rule,
    lineWidth,
    valign: 'top',
    overflow: (text, width) => wrapText((Array.isArray(text) ? text : [text]).join('\n'), width, w.measure),
  };
  return {
    startY: w.y,
    margin: { top: MARGIN_TOP, bottom: PAGE_H - w.bottom, left: MARGIN_X, right: MARGIN_X },
    tableWidth: CONTENT_W,
    rowPageBreak: 'avoid',
    styles: style,
    headStyles: { font: FONT, fontStyle: 'normal' },
    footStyles: { font: FONT, fontStyle: 'normal' },
  };
}

export function keyValues(w: Writer, rows: [string, string][], size: number) {
  const keyWidth = Math.round(CONTENT_W * 0.32);
  autoTable(w.pdf, {
    ...tableOptions(w, size, 0),
    theme: 'plain',
    body: rows.map(([k, v]) => [w.clean(k), w.clean(v)]),
    columnStyles: {
      0: { cellWidth: keyWidth, textColor: COLOR.muted },
      1: { cellWidth: CONTENT_W - keyWidth },
    },
  });
  w.y = w.tableY + GAP.table;
}

export function table(w: Writer, b: Extract<Block, { kind: 'table' }>) {
  const head = b.head.map((c) => w.clean(c));
  const n = Math.max(head.length, ...b.rows.map((r) => r.length), 1);
  const rows = b.rows.map((r) => Array.from({ length: n }, (_, i) => w.clean(r[i] ?? '')));
  const groups = new Set(b.groupRows ?? []);
  const widths = columnWidths(w, b.widths, head, rows, n);
  // A group row with text only in its first cell spans the table.
  const spans = rows.map((r, i) => groups.has(i) && r.slice(1).every((c) => !c.trim()));
  const body: RowInput[] = rows.map((r, i) => (spans[i] ? [{ content: r[0] ?? '', colSpan: n }] : r));
  const heights = rows.map((r, i) => (spans[i] ? rowHeight(w, [r[0] ?? ''], [CONTENT_W]) : rowHeight(w, r, widths)));
  const breaks = tableBreaks(w, heights, head.length ? rowHeight(w, head, widths) : 0, groups);
  let start = 0;
  for (const end of [...breaks, rows.length]) {
    if (start > 0) w.newPage();
    const offset = start;
    const isGroup = (d: CellHookData) => d.section === 'body' && groups.has(d.row.index + offset);
    autoTable(w.pdf, {
      ...tableOptions(w, TABLE_SIZE, 0.1),
      theme: 'grid',
      head: head.length ? [head] : undefined,
      body: body.slice(start, end),
      showHead: 'everyPage',
      headStyles: { font: FONT, fontStyle: 'normal', fillColor: COLOR.accent, textColor: COLOR.white },
      columnStyles: Object.fromEntries(widths.map((width, i) => [i, { cellWidth: width }])),
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
        w.pdf.setFillColor(...COLOR.groupFill);
        w.pdf.setDrawColor(...COLOR.rule);
        w.pdf.setLineWidth(0.1);
        w.pdf.rect(x, y, width, height, 'FD');
        styles.fillColor = false;
        styles.lineWidth = 0;
        w.boldStroke(styles.fontSize, COLOR.text);
      },
    });
    w.y = w.tableY;
    start = end;
  }
  w.y += GAP.table;
}

/** A table row's height as autotable computes it: wrapped lines of the tallest cell plus padding. */
function rowHeight(w: Writer, cells: string[], widths: number[]): number {
  w.pdf.setFontSize(TABLE_SIZE);
  const padding = TABLE_PADDING.left + TABLE_PADDING.right;
  const lines = cells.map((c, i) => wrapText(c, (widths[i] ?? CONTENT_W) - padding, w.measure).length);
  const lineHeight = TABLE_SIZE * PT * w.pdf.getLineHeightFactor();
  return Math.max(1, ...lines) * lineHeight + TABLE_PADDING.top + TABLE_PADDING.bottom;
}

/**
 * Follows autotable's pagination (a row that does not fit moves to the next page, under the repeated head) to find
 * group rows that would end a page without any of their rows: the table is split there and continues on a new page.
 * Starts a new page first when the head and first row (with the next, for a group row) do not fit.
 */
function tableBreaks(w: Writer, heights: number[], headHeight: number, groups: Set<number>): number[] {
  const keep = (i: number) => (heights[i] ?? 0) + (groups.has(i) ? (heights[i + 1] ?? 0) : 0);
  if (w.y + headHeight + keep(0) > w.bottom && !w.atTop) w.newPage();
  const pageStart = MARGIN_TOP + headHeight;
  const breaks: number[] = [];
  let y = w.y + headHeight;
  for (const [i, h] of heights.entries()) {
    if (y + keep(i) > w.bottom + 0.01 && y > pageStart + 0.01) {
      if (y + h <= w.bottom + 0.01) breaks.push(i); // autotable would leave the group row here
      y = pageStart;
    }
    y += h;
  }
  return breaks;
}

function columnWidths(w: Writer, relative: number[] | undefined, head: string[], rows: string[][], n: number) {
  if (relative?.length === n && relative.every((x) => x > 0)) {
    const sum = relative.reduce((a, b) => a + b, 0);
    return relative.map((x) => (x * CONTENT_W) / sum);
  }
  w.pdf.setFontSize(TABLE_SIZE);
  const padding = TABLE_PADDING.left + TABLE_PADDING.right;
  const natural = Array.from({ length: n }, (_, i) => {
    const texts = [head[i] ?? '', ...rows.map((r) => r[i] ?? '')].flatMap((t) => t.split('\n'));
    return Math.max(12, ...texts.map((t) => w.measure(t) + padding + 0.5));
  });
  return fitWidths(natural, CONTENT_W);
}

/** Splits `total` among columns: narrow ones get their natural width, wide ones share the rest. */
function fitWidths(natural: number[], total: number): number[] {
  const sum = natural.reduce((a, b) => a + b, 0);
  if (sum <= total) return natural.map((x) => (x * total) / sum);
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
