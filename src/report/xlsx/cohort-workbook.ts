/**
 * A cohort's Excel exports as plain sheets, written by write-xlsx.ts like the report's workbook (one xlsx
 * code path). The tables come from src/domain/cohort/export.ts, the same the CSV exports are made of: the
 * per-enterprise sheet has the CLI's `--csv` columns (one column function), the summary sheets suppress
 * small groups exactly as the summary CSV does (a suppressed count is an empty cell).
 */
import type { SummaryCell, Table } from '../../domain/cohort/export';
import type { Workbook, WorkbookSheet } from './workbook';

const width = (head: string) => Math.min(40, Math.max(8, head.length + 2));

function sheet(name: string, title: string, head: string[], rows: readonly SummaryCell[][]): WorkbookSheet {
  return {
    name,
    title,
    head,
    widths: head.map((h, i) => (i === 0 ? 36 : width(h))),
    rows: rows.map((r) => r.map((c) => c ?? '')),
  };
}

/** The per-enterprise table (含企业明细): one sheet, the CLI's columns and rows. */
export function cohortDetailWorkbook(table: Table, name: string, title: string): Workbook {
  return { sheets: [sheet(name, title, table.head, table.rows)] };
}

/** The aggregates: the distribution and the heatmap, one sheet each (`summaryTables`). */
export function cohortSummaryWorkbook(
  tables: {
    distribution: { head: string[]; rows: SummaryCell[][] };
    heatmap: { head: string[]; rows: SummaryCell[][] };
  },
  names: { distribution: string; heatmap: string },
  title: string,
): Workbook {
  return {
    sheets: [
      sheet(names.distribution, title, tables.distribution.head, tables.distribution.rows),
      sheet(names.heatmap, title, tables.heatmap.head, tables.heatmap.rows),
    ],
  };
}
