/**
 * Scoring one assessment file's text, as the CLI (one file or a batch) and the cohort workspace do it.
 * One function so that the single-file output, each batch line and each cohort row agree exactly
 * (shared spec, "Command-line scorer" and "Scoring many files").
 */
import { parseAssessmentText, stripBom, type AssessmentFile } from '../assessment/file';
import type { AssessmentFileError } from '../data-error-classes';
import type { Profile } from '../assessment/profile';
import { toChecklistCliResult, toCliResult, type ChecklistCliResult, type CliResult } from '../cli-result';
import { getAnyRubric, loadRubricsFor, type AnyRubric } from '../rubric/registry';
import { evaluate, type Evaluation } from '../scoring/evaluate';
import { evaluateChecklist } from '../scoring/checklist';
import { checklistAnswersOf } from '../assessment/answers';

export type ScoredText =
  { ok: true; result: CliResult | ChecklistCliResult; profile: Profile } | { ok: false; error: string };

/** One line, whatever a message holds (the spec's errors are one line each). */
export const oneLine = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, ' ');

export type ParsedForScoring =
  { ok: true; file: AssessmentFile; rubric: AnyRubric } | { ok: false; error: AssessmentFileError };

/** The file read and validated against its rubric (loaded on demand), or the data error saying why it is invalid. */
export async function parseForScoring(raw: string): Promise<ParsedForScoring> {
  // Windows Notepad writes a byte order mark; the app's import never sees one (the browser drops it)
  const text = stripBom(raw);
  await loadRubricsFor(text);
  const parsed = parseAssessmentText(text, getAnyRubric);
  if (!parsed.ok) return parsed;
  return { ok: true, file: parsed.file, rubric: getAnyRubric(parsed.file.rubric)! };
}

/** The CLI result of a valid file, and the full evaluation for a weighted rubric. */
export function cliResultOf(
  rubric: AnyRubric,
  file: AssessmentFile,
): { result: CliResult | ChecklistCliResult; evaluation?: Evaluation } {
  if (rubric.model === 'weighted-scenarios') {
    const evaluation = evaluate(rubric, file);
    return { result: toCliResult(evaluation), evaluation };
  }
  return {
    result: toChecklistCliResult(rubric.id, evaluateChecklist(rubric, checklistAnswersOf(file))),
  };
}

/**
 * The CLI result of one file's text, or the one-line reason it is invalid (English, naming the
 * offending key; the first issue, with a count of the others).
 */
export async function scoreAssessmentText(raw: string): Promise<ScoredText> {
  const parsed = await parseForScoring(raw);
  // the data error's message is the line the spec asks for: the first issue, with a count of the others
  if (!parsed.ok) return { ok: false, error: oneLine(parsed.error.message) };
  return { ok: true, result: cliResultOf(parsed.rubric, parsed.file).result, profile: parsed.file.profile ?? {} };
}
