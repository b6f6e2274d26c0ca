/**
 * The overall level of article 6: level k needs the total score ≥ its threshold and enough scenarios
 * (and constraint scenarios) at level ≥ k. The overall level is the highest k that holds; 0 = 未达一级.
 */
import type { LevelRule, WeightedRubric } from '../rubric/schema';
import { type Rational, cmp, rat, sub, toFixedNumber } from './rational';
import type { ScenarioResult } from './scenarios';

export type Condition =
  | { kind: 'score'; required: number; actual: Rational; met: boolean; /** points missing, exact */ gap: Rational }
  | { kind: 'scenarios'; level: number; required: number; actual: number; met: boolean }
  | { kind: 'constraint-scenarios'; level: number; required: number; actual: number; met: boolean };

export interface LevelCheck {
  level: number;
  met: boolean;
  conditions: Condition[];
}

export function checkLevel(rule: LevelRule, total: Rational, scenarios: readonly ScenarioResult[]): LevelCheck {
  const reaching = scenarios.filter((s) => s.level >= rule.level);
  const threshold = rat(Math.round(rule.minScore * 1000), 1000);
  const scoreMet = cmp(total, threshold) >= 0;
  const conditions: Condition[] = [
    {
      kind: 'score',
      required: rule.minScore,
      actual: total,
      met: scoreMet,
      gap: scoreMet ? rat(0) : sub(threshold, total),
    },
    {
      kind: 'scenarios',
      level: rule.level,
      required: rule.minScenarios,
      actual: reaching.length,
      met: reaching.length >= rule.minScenarios,
    },
    {
      kind: 'constraint-scenarios',
      level: rule.level,
      required: rule.minConstraintScenarios,
      actual: reaching.filter((s) => s.constraint).length,
      met: reaching.filter((s) => s.constraint).length >= rule.minConstraintScenarios,
    },
  ];
  return { level: rule.level, met: conditions.every((c) => c.met), conditions };
}

export function overallLevel(rubric: WeightedRubric, total: Rational, scenarios: readonly ScenarioResult[]) {
  const checks = rubric.levelRules.map((r) => checkLevel(r, total, scenarios));
  const level = checks.reduce((best, c) => (c.met ? Math.max(best, c.level) : best), 0);
  const next = checks.find((c) => c.level === level + 1);
  return { level, checks, next, failing: next ? next.conditions.filter((c) => !c.met) : [] };
}

/** Display value of a score: 2 decimals, from the exact value. */
export const displayScore = (r: Rational): number => toFixedNumber(r, 2);
