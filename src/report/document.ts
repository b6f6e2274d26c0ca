/**
 * A report as a list of localized blocks. One builder (build-report.ts) makes it from the domain's
 * results; the print view and the PDF writer only lay these blocks out, so both show the same content.
 */
import type { Language } from '../i18n/translator';
import type { BarsModel, RadarModel } from './chart-models';
import type { LevelStepsModel, TrendLinesModel } from './trend-models';

export type Block =
  | { kind: 'cover'; title: string; subtitle: string; rows: [string, string][] }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; id?: string }
  | { kind: 'paragraph'; text: string; tone?: 'muted' | 'strong' | 'quote' }
  | { kind: 'list'; items: string[] }
  | { kind: 'keyValues'; rows: [string, string][] }
  | {
      kind: 'table';
      head: string[];
      rows: string[][];
      /** Relative column widths; the PDF writer and print CSS both use them. */
      widths?: number[];
      /** Rows that are group headers (bold, shaded). */
      groupRows?: number[];
    }
  | { kind: 'chart'; chart: 'radar'; model: RadarModel; caption: string; label: string }
  | { kind: 'chart'; chart: 'bars'; model: BarsModel; caption: string; labels: { constraint: string; other: string } }
  | { kind: 'chart'; chart: 'trend'; model: TrendLinesModel; caption: string }
  | { kind: 'chart'; chart: 'levels'; model: LevelStepsModel; caption: string }
  /** A roadmap step: kept on one page with its stage heading when it follows one. */
  | { kind: 'step'; title: string; lines: string[]; citation: string }
  /**
   * The one-page summary: its blocks (headings, paragraphs, lists, keyValues, tables; never charts or steps) are
   * laid out compactly on one page of their own, and what follows starts on a new page.
   */
  | { kind: 'summary'; title: string; blocks: Block[] }
  /** What follows starts on a new page (e.g. before the official form and the appendices). */
  | { kind: 'pageBreak' }
  /**
   * A table of the official form in its own layout (attachment 1 or 2 of seed 003, the checklist's table): text
   * cells, some spanning several rows (the cells they cover are null in the rows below), and option cells whose
   * every option is marked chosen or not. Renderers draw the marks themselves (☑/□ in print and Word, drawn boxes
   * in the PDF, whose font has no ☑), so formCellText gives the plain-text form of a cell.
   */
  | { kind: 'form'; head: string[]; widths?: number[]; rows: (FormCell | null)[][] };

/** A cell of a form table: text (spanning `rowSpan` rows, default 1) or options with their marks. */
export type FormCell =
  | { text: string; rowSpan?: number }
  | {
      options: { text: string; checked: boolean }[];
      /** The form's blank line filled with the enterprise's figures ("具体数据[12%]，其中…[50]台"). */
      data?: string;
    };

export const CHECKED = '☑';
export const UNCHECKED = '□';

/** A cell as plain text: one line per option marked ☑/□, then the filled-in data line. */
export function formCellText(cell: FormCell | null): string {
  if (!cell) return '';
  if ('text' in cell) return cell.text;
  const lines = cell.options.map((o) => `${o.checked ? CHECKED : UNCHECKED} ${o.text}`);
  return [...lines, ...(cell.data ? [cell.data] : [])].join('\n');
}

export type ChartBlock = Extract<Block, { kind: 'chart' }>;

/** The words a chart draws besides its caption (axis labels, legend), for the font check. */
export function chartText(b: ChartBlock): string[] {
  switch (b.chart) {
    case 'radar':
      return [...b.model.labels, b.label];
    case 'bars':
      return [...b.model.labels, b.labels.constraint, b.labels.other];
    case 'trend':
      return [...b.model.labels, ...b.model.series.map((s) => s.label)];
    case 'levels':
      return [...b.model.labels, ...b.model.levelNames, b.model.label];
  }
}

export interface ReportDocument {
  lang: Language;
  title: string;
  /** "第 {page} 页 / 共 {pages} 页" with placeholders. */
  pageLabel: string;
  generatedAt: string;
  disclaimer: string;
  blocks: Block[];
}

/** Every text in a document, for checking it against the PDF font's character list. */
export function documentText(doc: ReportDocument): string {
  const parts: string[] = [doc.title, doc.pageLabel, doc.generatedAt, doc.disclaimer];
  blockTexts(doc.blocks, parts);
  return parts.join('\n');
}

/** The texts of blocks, into `parts` (the marks of form options are drawn, not typed: they are left out). */
function blockTexts(blocks: readonly Block[], parts: string[]) {
  for (const b of blocks) {
    switch (b.kind) {
      case 'cover':
        parts.push(b.title, b.subtitle, ...b.rows.flat());
        break;
      case 'heading':
      case 'paragraph':
        parts.push(b.text);
        break;
      case 'list':
        parts.push(...b.items);
        break;
      case 'keyValues':
        parts.push(...b.rows.flat());
        break;
      case 'table':
        parts.push(...b.head, ...b.rows.flat());
        break;
      case 'chart':
        parts.push(b.caption, ...chartText(b));
        break;
      case 'step':
        parts.push(b.title, ...b.lines, b.citation);
        break;
      case 'summary':
        parts.push(b.title);
        blockTexts(b.blocks, parts);
        break;
      case 'pageBreak':
        break;
      case 'form':
        parts.push(...b.head);
        for (const cell of b.rows.flat()) {
          if (!cell) continue;
          if ('text' in cell) parts.push(cell.text);
          else parts.push(...cell.options.map((o) => o.text), cell.data ?? '');
        }
        break;
    }
  }
}
