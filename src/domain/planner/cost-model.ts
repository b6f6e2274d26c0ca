/**
 * The effort model of the planner (rubrics/<id>/costs.json). It is this tool's estimate, not an
 * official rule, so it lives in data beside the rubric: an adviser can make one scenario level or item
 * dearer without touching code.
 */
import * as v from 'valibot';
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
  note: LocalizedText,
});

export type CostModel = v.InferOutput<typeof CostModel>;

export class PlannerError extends Error {
  constructor(
    message: string,
    readonly issues: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'PlannerError';
  }
}

/**
 * Validates a cost model; with a rubric, also that every override names one of its scenarios or
 * questions (a misspelt id would otherwise be silently ignored). Throws PlannerError listing all issues.
 */
export function parseCostModel(data: unknown, rubric?: WeightedRubric): CostModel {
  const parsed = v.safeParse(CostModel, data);
  const issues = parsed.success
    ? rubric
      ? unknownIds(parsed.output, rubric)
      : []
    : parsed.issues.map((i) => ({ path: v.getDotPath(i) ?? '(root)', message: i.message }));
  if (!parsed.success || issues.length) {
    const first = issues[0]!;
    throw new PlannerError(`cost model ${first.path}: ${first.message}`, issues);
  }
  return parsed.output;
}

function unknownIds(costs: CostModel, rubric: WeightedRubric) {
  const scenarios = new Set(allScenarios(rubric).map((s) => s.id));
  const questions = new Set(questionsOf(rubric).map((q) => q.id));
  return [
    ...Object.keys(costs.scenarioStep.overrides)
      .filter((id) => !scenarios.has(id))
      .map((id) => ({ path: `scenarioStep.overrides.${id}`, message: `unknown scenario ${id}` })),
    ...Object.keys(costs.itemStep.overrides)
      .filter((id) => !questions.has(id))
      .map((id) => ({ path: `itemStep.overrides.${id}`, message: `unknown question ${id}` })),
  ];
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
