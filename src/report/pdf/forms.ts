/**
 * The official form's tables ('form' blocks). The font has no ☑, so every option gets a drawn box (ticked when
 * chosen) beside its wrapped text; autotable sizes the rows from the same pre-wrapped lines and draws the grid.
 * A cell spanning rows prints its text in its first row and leaves the rows it covers blank: a span across a page
 * break would otherwise lose its text on the second page.
 */
import { autoTable, type CellHookData } from 'jspdf-autotable';
import type { Block, FormCell } from '../document';
import type { Writer } from './writer';
import { wrapText } from './wrap';
import { COLOR, CONTENT_W, FONT, GAP, MARGIN_TOP, MARGIN_X, PAGE_H, PT, TABLE_PADDING } from './style';

const SIZE = 8;
/** Room for the box left of an option's text. */
const BOX_INDENT = 3.2;
const BOX = 2.2;

interface OptionLines {
  lines: string[];
  /** Index in `lines` of each option's first line, and whether it is chosen. */
  starts: { at: number; checked: boolean }[];
  /** First line index of the data line (drawn without a box), or -1. */
  dataAt: number;
}

function optionLines(w: Writer, cell: Extract<FormCell, { options: unknown }>, width: number): OptionLines {
  const inner = width - TABLE_PADDING.left - TABLE_PADDING.right - BOX_INDENT - 0.3;
  const lines: string[] = [];
  const starts: OptionLines['starts'] = [];
  for (const o of cell.options) {
    starts.push({ at: lines.length, checked: o.checked });
    lines.push(...wrapText(w.clean(o.text), inner, w.measure));
  }
  const dataAt = cell.data ? lines.length : -1;
  if (cell.data) lines.push(...wrapText(w.clean(cell.data), inner + BOX_INDENT, w.measure));
  return { lines, starts, dataAt };
}

export function form(w: Writer, b: Extract<Block, { kind: 'form' }>) {
  const n = b.head.length;
  const rel = b.widths?.length === n ? b.widths : Array<number>(n).fill(1);
  const sum = rel.reduce((a, x) => a + x, 0);
  const widths = rel.map((x) => (x * CONTENT_W) / sum);
  w.pdf.setFontSize(SIZE);
  const layouts = new Map<string, OptionLines>();
  const body = b.rows.map((row, r) =>
    Array.from({ length: n }, (_, c) => {
      const cell = row[c] ?? null;
      if (!cell) return '';
      if ('text' in cell) return w.clean(cell.text);
      const l = optionLines(w, cell, widths[c]!);
      layouts.set(`${r}:${c}`, l);
      return l.lines.join('\n');
    }),
  );
  if (w.y + 30 > w.bottom && !w.atTop) w.newPage();
  const layoutOf = (d: CellHookData) =>
    d.section === 'body' ? layouts.get(`${d.row.index}:${d.column.index}`) : undefined;
  autoTable(w.pdf, {
    startY: w.y,
    margin: { top: MARGIN_TOP, bottom: PAGE_H - w.bottom, left: MARGIN_X, right: MARGIN_X },
    tableWidth: CONTENT_W,
    rowPageBreak: 'avoid',
    theme: 'grid',
    head: [b.head.map((h) => w.clean(h))],
    body,
    showHead: 'everyPage',
    styles: {
      font: FONT,
      fontStyle: 'normal',
      fontSize: SIZE,
      textColor: COLOR.text,
      cellPadding: TABLE_PADDING,
      lineColor: COLOR.rule,
      lineWidth: 0.1,
      valign: 'top',
      overflow: (text, width) => wrapText((Array.isArray(text) ? text : [text]).join('\n'), width, w.measure),
    },
    headStyles: { font: FONT, fontStyle: 'normal', fillColor: COLOR.accent, textColor: COLOR.white },
    columnStyles: Object.fromEntries(widths.map((width, i) => [i, { cellWidth: width }])),
    willDrawCell: (d) => {
      if (layoutOf(d)) d.cell.text = []; // drawn below, with the boxes
    },
    didDrawCell: (d) => {
      const l = layoutOf(d);
      if (!l) return;
      const pdf = w.pdf;
      const lh = SIZE * PT * pdf.getLineHeightFactor();
      const x = d.cell.x + TABLE_PADDING.left;
      const top = d.cell.y + TABLE_PADDING.top;
      pdf.setFont(FONT, 'normal');
      pdf.setFontSize(SIZE);
      pdf.setTextColor(...COLOR.text);
      l.lines.forEach((line, i) => {
        const indent = l.dataAt >= 0 && i >= l.dataAt ? 0 : BOX_INDENT;
        pdf.text(line, x + indent, top + i * lh + SIZE * PT * 0.95);
      });
      pdf.setDrawColor(...COLOR.text);
      pdf.setLineWidth(0.2);
      for (const s of l.starts) {
        const by = top + s.at * lh + (lh - BOX) / 2;
        pdf.rect(x, by, BOX, BOX, 'S');
        if (s.checked) {
          pdf.setLineWidth(0.35);
          pdf.lines(
            [
              [0.55, 0.6],
              [1.05, -1.4],
            ],
            x + 0.45,
            by + 1.15,
          );
          pdf.setLineWidth(0.2);
        }
      }
    },
  });
  w.y = w.tableY + GAP.table;
}
