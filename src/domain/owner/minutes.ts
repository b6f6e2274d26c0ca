/**
 * Minutes from what is left to answer: the start button and the progress line say "约 N 分钟" from this, never from a
 * constant. Apart from estimate.ts (which counts what is left in a rubric) so home's first paint carries no scoring code.
 */

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
