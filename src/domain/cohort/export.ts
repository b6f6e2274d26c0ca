/**
 * The cohort's two exports. The per-enterprise table is the CLI's `--csv` table, built by the same row
 * function, so a cohort of a folder's files exports what `score --csv folder` prints for them (one row
 * per file, duplicates included, in code-point order of the paths). The summary suppresses small groups.
 */
import { csvCell, csvColumns, rowValues, type RowValue } from '../batch/rows';
import type { CohortInvalid, CohortMember } from './member';
import { suppressHeatmap, suppressRows, type DistributionRow, type HeatmapRow } from './aggregate';

const encoder = new TextEncoder();
/** Code-point order (UTF-8 byte order), as the CLI sorts paths; JavaScript's `<` compares UTF-16 units. */
export function byCodePoint(a: string, b: string): number {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

export interface Table {
  head: string[];
  rows: RowValue[][];
}

/**
 * The per-enterprise table, exactly as `score --csv` has it for the same files (its column function):
 * one row per file, duplicates included, in code-point order of the paths. The CSV and the Excel sheet.
 */
export function detailTable(
  members: readonly CohortMember[],
  invalid: readonly CohortInvalid[],
  duplicates: readonly { source: string; hash: string }[],
  scenarioIds: readonly string[],
): Table {
  const byHash = new Map(members.map((m) => [m.hash, m]));
  const rows: { source: string; cells: RowValue[] }[] = [
    ...members.map((m) => ({ source: m.source, cells: rowValues(m.source, m.scored, scenarioIds) })),
    ...invalid.map((i) => ({
      source: i.source,
      cells: rowValues(i.source, { ok: false, error: i.error }, scenarioIds),
    })),
    ...duplicates.flatMap((d) => {
      const m = byHash.get(d.hash);
      return m ? [{ source: d.source, cells: rowValues(d.source, m.scored, scenarioIds) }] : [];
    }),
  ];
  rows.sort((a, b) => byCodePoint(a.source, b.source));
  return { head: csvColumns(scenarioIds), rows: rows.map((r) => r.cells) };
}

const csvLine = (cells: readonly (RowValue | null)[]) =>
  cells.map((c) => csvCell(c === null || (typeof c === 'number' && Number.isNaN(c)) ? '' : String(c))).join(',');

/** The per-enterprise table as `score --csv` prints it for the same files, byte for byte. */
export function detailCsv(
  members: readonly CohortMember[],
  invalid: readonly CohortInvalid[],
  duplicates: readonly { source: string; hash: string }[],
  scenarioIds: readonly string[],
): string {
  const { head, rows } = detailTable(members, invalid, duplicates, scenarioIds);
  return [head, ...rows].map(csvLine).join('\n') + '\n';
}

export interface SummaryLabels {
  section: string;
  group: string;
  levels: readonly string[];
  total: string;
  scenario: string;
  constraint: string;
}

/** A suppressed count: the group is named, its numbers are not. */
export type SummaryCell = RowValue | null;

/**
 * The summary's two tables: every distribution (its title and rows, one row per group) and the
 * heatmap, with every group smaller than the threshold shown by name only (its counts null).
 * `groupName` turns a group value into the label the screen shows. The CSV and the Excel sheets.
 */
export function summaryTables(
  distributions: readonly { title: string; rows: readonly DistributionRow[] }[],
  heatmap: { rows: readonly HeatmapRow[]; enterprises: number; names: (id: string) => string },
  labels: SummaryLabels,
  groupName: (title: string, value: string) => string,
  threshold?: number,
): { distribution: { head: string[]; rows: SummaryCell[][] }; heatmap: { head: string[]; rows: SummaryCell[][] } } {
  const distribution = {
    head: [labels.section, labels.group, ...labels.levels, labels.total],
    rows: distributions.flatMap((d) =>
      suppressRows(d.rows, threshold).map((r) => [d.title, groupName(d.title, r.group), ...r.counts, r.total]),
    ),
  };
  const heat = {
    head: [labels.scenario, labels.constraint, ...labels.levels],
    rows: suppressHeatmap(heatmap.rows, heatmap.enterprises, threshold).rows.map((r) => [
      heatmap.names(r.scenario),
      r.constraint ? '★' : '',
      ...r.counts.map((c) => (Number.isNaN(c) ? null : c)),
    ]),
  };
  return { distribution, heatmap: heat };
}

/** The summary CSV: the distribution table, an empty line, the heatmap table (see `summaryTables`). */
export function summaryCsv(...args: Parameters<typeof summaryTables>): string {
  const { distribution, heatmap } = summaryTables(...args);
  const out = [distribution.head, ...distribution.rows].map(csvLine);
  out.push('');
  out.push(...[heatmap.head, ...heatmap.rows].map(csvLine));
  return out.join('\n') + '\n';
}
