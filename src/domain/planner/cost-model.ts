/**
 * The effort model of the planner (rubrics/<id>/costs.json). It is this tool's estimate, not an
 * official rule, so it lives in data beside the rubric: an adviser can make one scenario level or item
 * dearer without touching code.
 */
import * as v from 'valibot';
import { PlannerError, parseWith } from '../data-error';
import { LocalizedText, type WeightedRubric } from '../rubric/schema';
import { questionsOf } from '../scoring/score';
import { allScenarios } from '../scoring/scenarios';

/** Integers keep every sum exact. */
const Cost = v.pipe(v.number(), v.integer(), v.minValue(0));
/** An override may be null: that step is not available to this enterprise at any effort. */
const CostOverride = v.nullable(Cost);

export const CostModel = v.strictObject({
  $schema: v.optional(v.string()),
  /** Effort of ticking one level of one scenario; overrides: scenario id → level "1"…"4" → cost. */
  scenarioStep: v.strictObject({
    default: Cost,
    overrides: v.record(
      v.string(),
      v.strictObject({
        '1': v.optional(CostOverride),
        '2': v.optional(CostOverride),
        '3': v.optional(CostOverride),
        '4': v.optional(CostOverride),
      }),
    ),
  }),
  /** Effort of raising one item by one step; overrides: question id → cost per step. */
  itemStep: v.strictObject({ default: Cost, overrides: v.record(v.string(), CostOverride) }),
  /**
   * What raising an item means, per question id (absent: an action costing itemStep per step).
   * - kind 'action': something the enterprise does (adopt a system, network machines, invest);
   *   'outcome': a result of operating for a year (energy, pass rate, revenue per employee, cost), which a
   *   plan may count on but presents as a result to reach with the actions that drive it, never as a step.
   * - optionCosts (single choice): the effort of reaching option i from the first option, one entry per
   *   option, starting at 0 and never falling; a jump from option a to b costs optionCosts[b] −
   *   optionCosts[a], so a bucket jump costs in proportion to what it implies (money, equipment).
   * - basis: what that effort stands for, shown beside the cost (our estimate).
   * - drivers: outcome only: the scenario and question ids whose actions drive the result.
   */
  items: v.optional(
    v.record(
      v.string(),
      v.strictObject({
        kind: v.picklist(['action', 'outcome']),
        optionCosts: v.optional(v.array(Cost)),
        basis: v.optional(LocalizedText),
        drivers: v.optional(v.array(v.string())),
      }),
    ),
  ),
  note: LocalizedText,
});

export type CostModel = v.InferOutput<typeof CostModel>;

export { PlannerError };

/**
 * Validates a cost model; with a rubric, also that every override names one of its scenarios or
 * questions (a misspelt id would otherwise be silently ignored). Throws PlannerError listing all issues.
 */
export function parseCostModel(data: unknown, rubric?: WeightedRubric, file = 'cost model'): CostModel {
  return parseWith(CostModel, data, file, {
    error: PlannerError,
    ...(rubric ? { crossCheck: (costs: CostModel) => unknownIds(costs, rubric) } : {}),
  });
}

function unknownIds(costs: CostModel, rubric: WeightedRubric) {
  const scenarios = new Set(allScenarios(rubric).map((s) => s.id));
  const questions = new Map(questionsOf(rubric).map((q) => [q.id, q]));
  const issues = [
    ...Object.keys(costs.scenarioStep.overrides)
      .filter((id) => !scenarios.has(id))
      .map((id) => ({ path: `scenarioStep.overrides.${id}`, message: `unknown scenario ${id}` })),
    ...Object.keys(costs.itemStep.overrides)
      .filter((id) => !questions.has(id))
      .map((id) => ({ path: `itemStep.overrides.${id}`, message: `unknown question ${id}` })),
  ];
  for (const [id, item] of Object.entries(costs.items ?? {})) {
    const path = `items.${id}`;
    const q = questions.get(id);
    if (!q) {
      issues.push({ path, message: `unknown question ${id}` });
      continue;
    }
    const oc = item.optionCosts;
    if (oc) {
      if (q.type !== 'single') issues.push({ path: `${path}.optionCosts`, message: 'single choice only' });
      else if (oc.length !== q.options.length)
        issues.push({ path: `${path}.optionCosts`, message: `one cost per option (${q.options.length})` });
      else if (oc[0] !== 0 || oc.some((c, i) => i > 0 && c < oc[i - 1]!))
        issues.push({ path: `${path}.optionCosts`, message: 'starts at 0 and never falls' });
    }
    if (item.drivers && item.kind !== 'outcome')
      issues.push({ path: `${path}.drivers`, message: 'drivers belong to outcomes' });
    for (const d of item.drivers ?? [])
      if (!scenarios.has(d) && !questions.has(d))
        issues.push({ path: `${path}.drivers`, message: `unknown scenario or question ${d}` });
  }
  return issues;
}

/** Cost of ticking `level` of a scenario; Infinity when the model rules the step out. */
export function scenarioStepCost(costs: CostModel, id: string, level: number): number {
  const byLevel = Object.hasOwn(costs.scenarioStep.overrides, id) ? costs.scenarioStep.overrides[id] : undefined;
  const o = byLevel?.[String(level) as '1' | '2' | '3' | '4'];
  return o === null ? Infinity : (o ?? costs.scenarioStep.default);
}

/** Cost of one step of a question; Infinity when the model rules the item out. */
export function itemStepCost(costs: CostModel, id: string): number {
  // hasOwn: an id must never resolve to an Object.prototype member
  const o = Object.hasOwn(costs.itemStep.overrides, id) ? costs.itemStep.overrides[id] : undefined;
  return o === null ? Infinity : (o ?? costs.itemStep.default);
}

/** True when raising the item is an outcome of operating (a result to reach), not an action. */
export function isOutcome(costs: CostModel, id: string): boolean {
  return Object.hasOwn(costs.items ?? {}, id) && costs.items![id]!.kind === 'outcome';
}

/** The item's entry of `items`, if any (hasOwn: never an Object.prototype member). */
export function itemCost(costs: CostModel, id: string): NonNullable<CostModel['items']>[string] | undefined {
  return Object.hasOwn(costs.items ?? {}, id) ? costs.items![id] : undefined;
}

/**
 * The cost of `k` steps of a question from the option `from` (a single choice's index, 0 when unanswered;
 * for a multiple choice only k counts): optionCosts[from + k] − optionCosts[from] where the model gives
 * per-option costs, else k × itemStepCost. Infinity when the model rules the item out.
 */
export function itemStepsCost(costs: CostModel, id: string, from: number, k: number): number {
  if (k === 0) return 0;
  const per = itemStepCost(costs, id);
  if (!Number.isFinite(per)) return Infinity;
  const oc = itemCost(costs, id)?.optionCosts;
  if (oc && from + k < oc.length) return oc[from + k]! - oc[from]!;
  return k * per;
}
