/**
 * The cohort's two exports. The per-enterprise table is the CLI's `--csv` table, built by the same row
 * function, so a cohort of a folder's files exports what `score --csv folder` prints for them (one row
 * per file, duplicates included, in code-point order of the paths). The summary suppresses small groups.
 */
import { csvCell, csvHeader, csvRow } from '../batch/rows';
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

/** The per-enterprise table, exactly as `score --csv` prints it for the same files. */
export function detailCsv(
  members: readonly CohortMember[],
  invalid: readonly CohortInvalid[],
  duplicates: readonly { source: string; hash: string }[],
  scenarioIds: readonly string[],
): string {
  const byHash = new Map(members.map((m) => [m.hash, m]));
  const rows: { source: string; line: string }[] = [
    ...members.map((m) => ({ source: m.source, line: csvRow(m.source, m.scored, scenarioIds) })),
    ...invalid.map((i) => ({ source: i.source, line: csvRow(i.source, { ok: false, error: i.error }, scenarioIds) })),
    ...duplicates.flatMap((d) => {
      const m = byHash.get(d.hash);
      return m ? [{ source: d.source, line: csvRow(d.source, m.scored, scenarioIds) }] : [];
    }),
  ];
  rows.sort((a, b) => byCodePoint(a.source, b.source));
  return [csvHeader(scenarioIds), ...rows.map((r) => r.line)].join('\n') + '\n';
}

export interface SummaryLabels {
  section: string;
  group: string;
  levels: readonly string[];
  total: string;
  scenario: string;
  constraint: string;
}

/**
 * The summary CSV: each distribution (its title and rows) and the heatmap, with every group smaller than
 * the threshold shown by name only. `groupName` turns a group value into the label the screen shows.
 */
export function summaryCsv(
  distributions: readonly { title: string; rows: readonly DistributionRow[] }[],
  heatmap: { rows: readonly HeatmapRow[]; enterprises: number; names: (id: string) => string },
  labels: SummaryLabels,
  groupName: (title: string, value: string) => string,
  threshold?: number,
): string {
  const line = (cells: (string | number | null)[]) =>
    cells.map((c) => csvCell(c === null || Number.isNaN(c) ? '' : String(c))).join(',');
  const out = [line([labels.section, labels.group, ...labels.levels, labels.total])];
  for (const d of distributions)
    for (const r of suppressRows(d.rows, threshold))
      out.push(line([d.title, groupName(d.title, r.group), ...r.counts, r.total]));
  out.push('');
  out.push(line([labels.scenario, labels.constraint, ...labels.levels]));
  for (const r of suppressHeatmap(heatmap.rows, heatmap.enterprises, threshold).rows)
    out.push(line([heatmap.names(r.scenario), r.constraint ? '★' : '', ...r.counts]));
  return out.join('\n') + '\n';
}
