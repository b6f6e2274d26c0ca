/**
 * Scoring one assessment file's text, as the CLI (one file or a batch) and the cohort workspace do it.
 * One function so that the single-file output, each batch line and each cohort row agree exactly
 * (shared spec, "Command-line scorer" and "Scoring many files").
 */
import { describeIssue, parseAssessmentText, stripBom } from '../assessment/file';
import type { Profile } from '../assessment/profile';
import { toChecklistCliResult, toCliResult, type ChecklistCliResult, type CliResult } from '../cli-result';
import { getAnyRubric, loadRubricsFor } from '../rubric/registry';
import { evaluate } from '../scoring/evaluate';
import { evaluateChecklist, type ChecklistAnswers } from '../scoring/checklist';

export type ScoredText =
  { ok: true; result: CliResult | ChecklistCliResult; profile: Profile } | { ok: false; error: string };

/** One line, whatever a message holds (the spec's errors are one line each). */
export const oneLine = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, ' ');

/**
 * The CLI result of one file's text, or the one-line reason it is invalid (English, naming the
 * offending key; the first issue, with a count of the others).
 */
export async function scoreAssessmentText(raw: string): Promise<ScoredText> {
  // Windows Notepad writes a byte order mark; the app's import never sees one (the browser drops it)
  const text = stripBom(raw);
  await loadRubricsFor(text);
  const parsed = parseAssessmentText(text, getAnyRubric);
  if (!parsed.ok) {
    const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : '';
    return { ok: false, error: oneLine(`${describeIssue(parsed.issues[0]!)}${more}`) };
  }
  const file = parsed.file;
  const rubric = getAnyRubric(file.rubric)!;
  const result =
    rubric.model === 'weighted-scenarios'
      ? toCliResult(evaluate(rubric, file))
      : toChecklistCliResult(rubric.id, evaluateChecklist(rubric, file.answers as unknown as ChecklistAnswers));
  return { ok: true, result, profile: file.profile ?? {} };
}
