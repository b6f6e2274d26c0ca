/**
 * A workbook read off any report document: one sheet per table of the official form and per table of the report,
 * named by the section heading above it. It serves rubrics without a workbook of their own (the 晨星工厂 checklist):
 * whatever tables their report has, Excel has too, from the same document.
 */
import { formCellText, type Block, type ReportDocument } from '../document';
import { sheetName } from './sheet-name';
import type { CellValue, Workbook, WorkbookSheet } from './workbook';

type TableLike = Extract<Block, { kind: 'table' | 'form' }>;

/** `title` heads every sheet (enterprise, year, self-assessment on which rubric). */
export function documentWorkbook(doc: ReportDocument, title: string): Workbook {
  const sheets: WorkbookSheet[] = [];
  const used = new Set<string>();
  let section = doc.title;
  for (const b of doc.blocks) {
    if (b.kind === 'heading' && b.level === 1) section = b.text;
    if (b.kind !== 'table' && b.kind !== 'form') continue;
    sheets.push({ name: uniqueName(section, used), title, ...tableSheet(b) });
  }
  return { sheets };
}

function tableSheet(b: TableLike): Pick<WorkbookSheet, 'head' | 'widths' | 'rows'> {
  const n = Math.max(b.head.length, ...b.rows.map((r) => r.length), 1);
  const rows: CellValue[][] =
    b.kind === 'form'
      ? b.rows.map((r) => Array.from({ length: n }, (_, i) => formCellText(r[i] ?? null)))
      : b.rows.map((r) => Array.from({ length: n }, (_, i) => r[i] ?? ''));
  // widths in characters from the block's relative widths, about 100 characters across
  const rel = b.widths?.length === n ? b.widths : Array.from({ length: n }, () => 1);
  const sum = rel.reduce((a, x) => a + x, 0) || 1;
  return {
    head: Array.from({ length: n }, (_, i) => b.head[i] ?? ''),
    widths: rel.map((x) => Math.max(6, Math.round((x * 100) / sum))),
    rows,
  };
}

/** Excel needs distinct sheet names of at most 31 characters: "名称", "名称 (2)", … */
function uniqueName(base: string, used: Set<string>): string {
  const clean = sheetName(base).trim() || 'Sheet';
  let name = clean;
  for (let i = 2; used.has(name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
  }
  used.add(name.toLowerCase());
  return name;
}
