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

/** The header row, without a line end. */
export function csvHeader(scenarioIds: readonly string[]): string {
  return [...CSV_FIXED_COLUMNS, ...scenarioIds].map(csvCell).join(',');
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/**
 * One file's row, without a line end. Cells that do not apply are empty: the scenario columns for
 * other rubrics (and for scenarios a rubric does not have), everything but `file` and `error` for an
 * invalid file.
 */
export function csvRow(file: string, scored: ScoredText, scenarioIds: readonly string[]): string {
  if (!scored.ok) {
    const cells = [file, '', '', '', '', '', '', '', '', scored.error, ...scenarioIds.map(() => '')];
    return cells.map(csvCell).join(',');
  }
  const { result, profile } = scored;
  const levels = 'scenarioLevels' in result ? result.scenarioLevels : {};
  const cells = [
    file,
    result.rubric,
    text(profile.name),
    text(profile.industry),
    text(profile.size),
    text(profile.year),
    'score' in result ? String(result.score) : '',
    String(result.level),
    String(result.complete),
    '',
    ...scenarioIds.map((id) => text(levels[id])),
  ];
  return cells.map(csvCell).join(',');
}
