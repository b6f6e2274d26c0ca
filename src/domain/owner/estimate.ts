/**
 * How long the rest of an assessment takes, from what is left to answer: the start button and the
 * progress line say "约 N 分钟" from this, never from a constant.
 */
import type { WeightedRubric } from '../rubric/schema';
import type { AssessmentInput } from '../assessment/types';
import { questionsOf } from '../scoring/score';
import { allScenarios } from '../scoring/scenarios';
import { minutesFor } from './minutes';

export { SECONDS_PER_QUESTION, SECONDS_PER_SCENARIO, minutesFor } from './minutes';

/** What a new assessment of a rubric has to answer. */
export interface RubricSize {
  questions: number;
  scenarios: number;
}

/** The items and scenarios of a rubric: the build computes these for home's start button (build/rubric-sizes.ts). */
export function rubricSize(rubric: WeightedRubric): RubricSize {
  return { questions: questionsOf(rubric).length, scenarios: allScenarios(rubric).length };
}

/**
 * Minutes left for an assessment (a new one when `input` is undefined). A scenario with nothing ticked
 * counts as left: the file cannot tell "未达一级" chosen from not yet looked at.
 */
export function minutesLeft(rubric: WeightedRubric, input?: AssessmentInput): number {
  const questions = questionsOf(rubric).filter((q) => input?.answers[q.id] === undefined).length;
  const scenarios = allScenarios(rubric).filter((s) => !input?.scenarios[s.id]?.some(Boolean)).length;
  return minutesFor(questions, scenarios);
}
