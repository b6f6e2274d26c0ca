/**
 * CLI scorer: `npm run --silent score -- FILE.json` prints the result JSON and exits 0, or prints one
 * line naming the file and the offending key to stderr and exits 2 (shared spec). It uses the same
 * validation function as the app's import.
 */
import { readFileSync } from 'node:fs';
import {
  parseAssessmentText,
  describeIssue,
  evaluate,
  evaluateChecklist,
  getAnyRubric,
  loadRubricsFor,
  toCliResult,
  toChecklistCliResult,
  type ChecklistAnswers,
} from '../src/domain/index';

async function main(argv: string[]): Promise<number> {
  const file = argv[0];
  if (!file || argv.length > 1) {
    process.stderr.write('usage: npm run --silent score -- FILE.json\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`${file}: cannot read file (${(e as NodeJS.ErrnoException).code ?? 'error'})\n`);
    return 2;
  }
  await loadRubricsFor(text);
  const parsed = parseAssessmentText(text, getAnyRubric);
  if (!parsed.ok) {
    const more = parsed.issues.length > 1 ? ` (and ${parsed.issues.length - 1} more)` : '';
    process.stderr.write(`${file}: ${describeIssue(parsed.issues[0]!)}${more}\n`);
    return 2;
  }
  const rubric = getAnyRubric(parsed.file.rubric)!;
  const result =
    rubric.model === 'weighted-scenarios'
      ? toCliResult(evaluate(rubric, parsed.file))
      : toChecklistCliResult(rubric.id, evaluateChecklist(rubric, parsed.file.answers as unknown as ChecklistAnswers));
  process.stdout.write(JSON.stringify(result) + '\n');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
