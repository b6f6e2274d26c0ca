/**
 * Reading a file's `answers` as the model of its rubric says (AnswerSet): the one place that knows a checklist
 * rubric's met / not met share the key with a weighted rubric's option indices.
 */
import type { Answer, AnswerSet, Answers, AssessmentInput, ChecklistAnswers } from './types';

type Answered = Pick<AssessmentInput, 'answers' | 'scenarios'>;

/**
 * A checklist file's answers: item id → met. Only booleans are read (validation lets nothing else into a
 * checklist file), so a weighted file read this way gives no answers rather than wrong ones.
 */
export function checklistAnswersOf(file: Pick<Answered, 'answers'>): ChecklistAnswers {
  const met: ChecklistAnswers = {};
  for (const [id, value] of Object.entries(file.answers)) if (typeof value === 'boolean') met[id] = value;
  return met;
}

const isAnswer = (value: Answer | boolean): value is Answer => typeof value !== 'boolean';

/**
 * A weighted file's answers: question id → option index(es). Only indices are read (validation lets nothing
 * else into a weighted file), so a checklist file read this way gives no answers rather than wrong ones.
 */
export function weightedAnswersOf(file: Pick<Answered, 'answers'>): Answers {
  const values: Readonly<Record<string, Answer | boolean>> = file.answers;
  const chosen: Record<string, Answer> = {};
  for (const [id, value] of Object.entries(values)) if (isAnswer(value)) chosen[id] = value;
  return chosen;
}

/** The file's answers as its rubric's model reads them. */
export function answerSetOf(rubric: { model: AnswerSet['model'] }, file: Answered): AnswerSet {
  return rubric.model === 'weighted-scenarios'
    ? { model: rubric.model, answers: weightedAnswersOf(file), scenarios: file.scenarios }
    : { model: rubric.model, answers: checklistAnswersOf(file) };
}
