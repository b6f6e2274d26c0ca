/**
 * The one plain sentence the results start with, as data: what stands between the reached level and the
 * next one, from the engine's failing conditions (scoring/level.ts). The words are the UI's (i18n/why.ts).
 */
import type { WeightedRubric } from '../rubric/schema';
import type { Evaluation } from '../scoring/evaluate';
import { allScenarios } from '../scoring/scenarios';
import { type Rational } from '../scoring/rational';

export type WhyNext =
  | { kind: 'top'; level: number }
  | {
      kind: 'next';
      /** The level reached now and the one being explained. */
      level: number;
      next: number;
      /** Points still missing (exact), or undefined when the score already suffices. */
      scoreGap: Rational | undefined;
      /** More scenarios needed at the next level (0 when enough). */
      scenariosMissing: number;
      /** More constraint scenarios needed at the next level (0 when enough). */
      constraintMissing: number;
      /**
       * The constraint scenarios closest to the next level (highest level first, then rubric order), as many
       * as are missing: the ones to name in the sentence. Empty when none is missing.
       */
      nearestConstraint: string[];
      /** Whether every constraint scenario still below the next level is named (no choice among others). */
      allNamed: boolean;
    };

export function whyNotNext(rubric: WeightedRubric, e: Evaluation): WhyNext {
  if (!e.next) return { kind: 'top', level: e.level };
  let scoreGap: Rational | undefined;
  let scenariosMissing = 0;
  let constraintMissing = 0;
  for (const c of e.next.conditions) {
    if (c.met) continue;
    if (c.kind === 'score') scoreGap = c.gap;
    else if (c.kind === 'scenarios') scenariosMissing = c.required - c.actual;
    else constraintMissing = c.required - c.actual;
  }
  const next = e.next.level;
  const order = new Map(allScenarios(rubric).map((s, i) => [s.id, i]));
  const below = e.scenarios
    .filter((s) => s.constraint && s.level < next)
    .sort((a, b) => b.level - a.level || order.get(a.id)! - order.get(b.id)!);
  const nearestConstraint = below.slice(0, constraintMissing).map((s) => s.id);
  return {
    kind: 'next',
    level: e.level,
    next,
    scoreGap,
    scenariosMissing,
    constraintMissing,
    nearestConstraint,
    allNamed: nearestConstraint.length === below.length,
  };
}
