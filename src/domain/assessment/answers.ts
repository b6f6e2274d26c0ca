/**
 * Reading a file's `answers` as the model of its rubric says (AnswerSet): the one place that knows a checklist
 * rubric's met / not met share the key with a weighted rubric's option indices.
 */
import type { AssessmentFile } from './file';
import type { AnswerSet, ChecklistAnswers } from './types';

type Answered = Pick<AssessmentFile, 'answers' | 'scenarios'>;

/**
 * A checklist file's answers: item id → met. Only booleans are read (validation lets nothing else into a
 * checklist file), so a weighted file read this way gives no answers rather than wrong ones.
 */
export function checklistAnswersOf(file: Answered): ChecklistAnswers {
  const values: Readonly<Record<string, unknown>> = file.answers;
  const met: ChecklistAnswers = {};
  for (const [id, value] of Object.entries(values)) if (typeof value === 'boolean') met[id] = value;
  return met;
}

/** The file's answers as its rubric's model reads them. */
export function answerSetOf(rubric: { model: AnswerSet['model'] }, file: Answered): AnswerSet {
  return rubric.model === 'weighted-scenarios'
    ? { model: rubric.model, answers: file.answers, scenarios: file.scenarios }
    : { model: rubric.model, answers: checklistAnswersOf(file) };
}
