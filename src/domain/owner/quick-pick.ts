/**
 * "Which level describes you today": one choice per scenario instead of four checkboxes. By remark 2 of
 * attachment 2 a level counts only when every lower one is fully met, so picking level k means levels
 * 1…k are fully met and the higher ones are not. The file keeps its four booleans; this only reads and
 * writes them.
 */
import type { ScenarioChecks } from '../assessment/types';
import { scenarioLevel } from '../scoring/scenarios';

const NONE: ScenarioChecks = [false, false, false, false];

/** The four checks a quick pick of level k (0 = 未达一级 … 4) writes. */
export function quickChecks(level: number): ScenarioChecks {
  return [level >= 1, level >= 2, level >= 3, level >= 4];
}

/** True when a level is ticked above an unticked lower one: the quick pick cannot show it. */
export function hasGap(checks: ScenarioChecks | undefined): boolean {
  const c = checks ?? NONE;
  const level = scenarioLevel(c);
  return c.some((ticked, i) => ticked && i + 1 > level);
}

/** The quick choice the checks amount to, or undefined when they have a gap. */
export function quickLevelOf(checks: ScenarioChecks | undefined): number | undefined {
  return hasGap(checks) ? undefined : scenarioLevel(checks);
}

/**
 * The checks after picking `level`, or null when the current checks have a gap: a gap was entered level
 * by level on purpose, so a quick pick never overwrites it silently; the user clears it in 逐级勾选 first.
 */
export function pickLevel(current: ScenarioChecks | undefined, level: number): ScenarioChecks | null {
  if (!Number.isInteger(level) || level < 0 || level > 4) return null;
  if (hasGap(current)) return null;
  return quickChecks(level);
}
