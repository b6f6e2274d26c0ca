/**
 * How long the rest of an assessment takes, from what is left to answer: the start button and the
 * progress line say "约 N 分钟" from this, never from a constant.
 */
import type { WeightedRubric } from '../rubric/schema';
import type { AssessmentInput } from '../assessment/types';
import { questionsOf } from '../scoring/score';
import { allScenarios } from '../scoring/scenarios';

/**
 * Rough reading-and-choosing times with the plain questions and the quick level pick (timed by hand on
 * the owner walk-through): an item is one plain question and a handful of options, a scenario one choice.
 */
export const SECONDS_PER_QUESTION = 24;
export const SECONDS_PER_SCENARIO = 12;

/** Whole minutes, rounded up; 0 only when nothing is left. */
export function minutesFor(questionsLeft: number, scenariosLeft: number): number {
  const seconds = questionsLeft * SECONDS_PER_QUESTION + scenariosLeft * SECONDS_PER_SCENARIO;
  return Math.ceil(seconds / 60);
}

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
