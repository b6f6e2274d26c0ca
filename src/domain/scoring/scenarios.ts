/**
 * Scenario levels with the gating of attachment 2, remark 2: a higher level is judged only once every
 * lower level is fully met, so a scenario's level is the highest L with levels 1…L all ticked.
 */
import type { Scenario, WeightedRubric } from '../rubric/schema';
import type { ScenarioAnswers, ScenarioChecks } from '../assessment/types';

const NONE: ScenarioChecks = [false, false, false, false];

export function scenarioLevel(checks: ScenarioChecks | undefined): number {
  const c = checks ?? NONE;
  let level = 0;
  while (level < c.length && c[level]) level++;
  return level;
}

export interface ScenarioResult {
  id: string;
  constraint: boolean;
  level: number;
  /** Levels ticked above the gap that do not count (e.g. 3 ticked while 2 is not). */
  ignoredLevels: number[];
}

export function scenarioResults(rubric: WeightedRubric, scenarios: ScenarioAnswers): ScenarioResult[] {
  return allScenarios(rubric).map((s) => {
    const checks = scenarios[s.id] ?? NONE;
    const level = scenarioLevel(checks);
    const ignoredLevels = checks.flatMap((ticked, i) => (ticked && i + 1 > level + 1 ? [i + 1] : []));
    return { id: s.id, constraint: s.constraint, level, ignoredLevels };
  });
}

export function allScenarios(rubric: WeightedRubric): Scenario[] {
  return rubric.scenarioGroups.flatMap((g) => g.scenarios);
}
