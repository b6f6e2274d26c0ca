/**
 * The lines of a batch: JSON Lines and CSV exactly as the shared spec's "Scoring many files" states
 * them. The cohort workspace exports its table with these same functions, so a consultant gets the
 * same columns from the app and from the command line.
 */
import type { ScoredText } from './score-text';

/** The spec's fixed CSV columns; the scenario ids of `cn-sme-2024` follow them. */
export const CSV_FIXED_COLUMNS = [
  'file',
  'rubric',
  'name',
  'industry',
  'size',
  'year',
  'score',
  'level',
  'complete',
  'error',
] as const;

/** `{"file": …, …the single-file object}` or `{"file": …, "error": …}`, without a line end. */
export function jsonLine(file: string, scored: ScoredText): string {
  return JSON.stringify(scored.ok ? { file, ...scored.result } : { file, error: scored.error });
}

/** RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The columns: the spec's fixed ones, then the scenario ids. */
export const csvColumns = (scenarioIds: readonly string[]): string[] => [...CSV_FIXED_COLUMNS, ...scenarioIds];

/** The header row, without a line end. */
export function csvHeader(scenarioIds: readonly string[]): string {
  return csvColumns(scenarioIds).map(csvCell).join(',');
}

export type RowValue = string | number;

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const value = (v: unknown): RowValue => (typeof v === 'number' ? v : text(v));

/**
 * One file's cells under `csvColumns`: numbers stay numbers (a spreadsheet can sum them), the CSV
 * writes them with `String`. Cells that do not apply are empty: the scenario columns for other rubrics
 * (and for scenarios a rubric does not have), everything but `file` and `error` for an invalid file.
 * The one column function of the CLI's `--csv` and the cohort's exports (CSV and Excel).
 */
export function rowValues(file: string, scored: ScoredText, scenarioIds: readonly string[]): RowValue[] {
  if (!scored.ok) return [file, '', '', '', '', '', '', '', '', scored.error, ...scenarioIds.map(() => '')];
  const { result, profile } = scored;
  const levels: Record<string, unknown> = 'scenarioLevels' in result ? result.scenarioLevels : {};
  return [
    file,
    result.rubric,
    text(profile.name),
    text(profile.industry),
    text(profile.size),
    value(profile.year),
    'score' in result ? result.score : '',
    result.level,
    String(result.complete),
    '',
    ...scenarioIds.map((id) => value(levels[id])),
  ];
}

/** One file's row, without a line end. */
export function csvRow(file: string, scored: ScoredText, scenarioIds: readonly string[]): string {
  return rowValues(file, scored, scenarioIds)
    .map((v) => csvCell(String(v)))
    .join(',');
}
