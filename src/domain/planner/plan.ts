/**
 * The cheapest way from an assessment to a target level under the cost model. The two parts of a
 * level rule are independent (scenario ticks never change the score), so each is minimised on its own
 * and the plan is their union. Everything is exact: integer costs and rational score gains.
 */
import type { LevelRule, Question, WeightedRubric } from '../rubric/schema';
import {
  scenarioChecks,
  type Answer,
  type Answers,
  type AssessmentInput,
  type ScenarioAnswers,
  type ScenarioChecks,
} from '../assessment/types';
import { type Rational, ZERO, cmp, div, mul, rat, sub, sum } from '../scoring/rational';
import { optionScore, questionsOf, scoreAnswers } from '../scoring/score';
import { allScenarios, scenarioLevel } from '../scoring/scenarios';
import { checkLevel } from '../scoring/level';
import { evaluate } from '../scoring/evaluate';
import { weightedAnswersOf } from '../assessment/answers';
import { type CostModel, PlannerError, itemCost, itemStepsCost, isOutcome, scenarioStepCost } from './cost-model';

export interface ScenarioStep {
  id: string;
  constraint: boolean;
  /** Current level and the level once levelsToTick are ticked (higher than the target when ticks above it already exist). */
  from: number;
  to: number;
  levelsToTick: number[];
  cost: number;
  /** 'constraint' when it is picked to meet the constraint-scenario count, else 'count'. */
  reason: 'count' | 'constraint';
}

export type ItemStep =
  | { id: string; kind: 'raise-option'; from: number | undefined; to: number; gain: Rational; cost: number }
  | { id: string; kind: 'add-options'; count: number; gain: Rational; cost: number };

/**
 * An outcome the plan counts on (cost model kind 'outcome'): a result to reach within a year of operation,
 * with the scenario and question ids whose actions drive it; never a step to take.
 */
export type OutcomeStep = ItemStep & { drivers: string[] };

/** An unreachable plan has no steps and cost 0: there is nothing useful to list. */
export interface Plan {
  target: number;
  reachable: boolean;
  cost: number;
  scoreGap: Rational;
  scoreGain: Rational;
  scenarioSteps: ScenarioStep[];
  /** Actions only: the items the enterprise raises by doing something. */
  itemSteps: ItemStep[];
  /** Results to reach by operating (weighted rubrics whose cost model has outcomes); absent: none. */
  outcomes?: OutcomeStep[];
}

const NONE: ScenarioChecks = [false, false, false, false];
/** Beyond this the exact DP table (one cell per 1/LCM point of gap) would be unreasonably large. */
const MAX_DP_CELLS = 10_000_000;

/**
 * Monotone rules mean a plan for level k also satisfies every level below k, so "the next level" and
 * "the one after" are nested goals; the planner's output would mislead a reader otherwise.
 */
function ruleFor(rubric: WeightedRubric, target: number): LevelRule {
  const rules = [...rubric.levelRules].sort((a, b) => a.level - b.level);
  rules.forEach((r, i) => {
    const p = rules[i - 1];
    if (
      p &&
      (r.minScore < p.minScore ||
        r.minScenarios < p.minScenarios ||
        r.minConstraintScenarios < p.minConstraintScenarios)
    )
      throw new PlannerError(
        `${rubric.id}: level rule ${r.level} is below level ${p.level}; the planner needs monotone rules`,
      );
  });
  const rule = rules.find((r) => r.level === target);
  if (!rule) throw new PlannerError(`${rubric.id}: no level rule ${target}`);
  return rule;
}

// ── scenarios ────────────────────────────────────────────────────────────────────────────────────

/**
 * Scenarios already at ≥ k always count (free). The rest: the cheapest ones for the missing constraint
 * scenarios, then the cheapest of all that remain for the missing count. Greedy is exact here because
 * both requirements are "at least" counts over one pool (checked against brute force in the tests).
 */
function planScenarios(rubric: WeightedRubric, scenarios: ScenarioAnswers, rule: LevelRule, costs: CostModel) {
  const k = rule.level;
  const all = allScenarios(rubric).map((s, order) => {
    const checks = scenarios[s.id] ?? NONE;
    const from = scenarioLevel(checks);
    const levelsToTick = from >= k ? [] : [1, 2, 3, 4].slice(0, k).filter((l) => !checks[l - 1]);
    const cost = levelsToTick.reduce((c, l) => c + scenarioStepCost(costs, s.id, l), 0);
    return { id: s.id, constraint: s.constraint, order, checks, from, levelsToTick, cost };
  });
  type Candidate = (typeof all)[number];
  const met = all.filter((s) => s.from >= k);
  const open = all
    .filter((s) => s.from < k && Number.isFinite(s.cost))
    .sort((a, b) => a.cost - b.cost || a.order - b.order);
  const needConstraint = Math.max(0, rule.minConstraintScenarios - met.filter((s) => s.constraint).length);
  const forConstraint = open.filter((s) => s.constraint).slice(0, needConstraint);
  const needCount = Math.max(0, rule.minScenarios - met.length - forConstraint.length);
  const forCount = open.filter((s) => !forConstraint.includes(s)).slice(0, needCount);
  const reachable = forConstraint.length === needConstraint && forCount.length === needCount;
  const step = (s: Candidate, reason: ScenarioStep['reason']): ScenarioStep & { order: number } => {
    const after = scenarioChecks(s.checks.map((c, i) => c || s.levelsToTick.includes(i + 1)));
    const { id, constraint, from, levelsToTick, cost, order } = s;
    return { id, constraint, from, to: scenarioLevel(after), levelsToTick, cost, reason, order };
  };
  const steps = [...forConstraint.map((s) => step(s, 'constraint')), ...forCount.map((s) => step(s, 'count'))]
    .sort((a, b) => a.order - b.order)
    .map(({ order: _order, ...s }) => s);
  return { reachable, steps };
}

// ── items ────────────────────────────────────────────────────────────────────────────────────────

/** Selected options of a multiple choice that score; 「无」 or unanswered select nothing. */
function picked(q: Question, answer: Answer | undefined): number[] {
  const xs = answer === undefined ? [] : Array.isArray(answer) ? answer : [answer];
  return xs.includes(q.noneOption ?? 0) ? [] : [...xs];
}

/** The answer after `steps` steps: the next options of a single choice, the lowest free options of a multiple. */
function stepped(q: Question, answer: Answer | undefined, steps: number): Answer | undefined {
  if (steps === 0) return answer;
  if (q.type === 'single') return (typeof answer === 'number' ? answer : 0) + steps;
  const have = picked(q, answer);
  const free = q.options.map((_, i) => i).filter((i) => i !== (q.noneOption ?? 0) && !have.includes(i));
  return [...have, ...free.slice(0, steps)].sort((a, b) => a - b);
}

function maxSteps(q: Question, answer: Answer | undefined): number {
  if (q.type === 'single') return Math.max(0, q.options.length - 1 - (typeof answer === 'number' ? answer : 0));
  return q.options.length - 1 - picked(q, answer).length;
}

const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

/**
 * Exact min-cost covering knapsack: each question offers 0…K steps taken in order (cumulative gain
 * g[k], cost k × c). Gains are scaled to integers by the LCM of all denominators and states are
 * "scaled points still missing", capped at 0. The DP runs from the last question to the first so that,
 * at equal cost and gain, the choice with more steps on lower-numbered questions wins.
 */
function planItems(rubric: WeightedRubric, answers: Answers, gap: Rational, costs: CostModel) {
  if (cmp(gap, ZERO) <= 0)
    return { reachable: true, steps: [] as ItemStep[], outcomes: [] as OutcomeStep[], gain: ZERO };
  const maxById = new Map(scoreAnswers(rubric, {}).items.map((i) => [i.id, i.max]));
  const ladders = questionsOf(rubric).map((q) => {
    const answer = answers[q.id];
    const unit = div(maxById.get(q.id)!, rat(100));
    const points = (a: Answer | undefined) => mul(optionScore(q, a), unit);
    const from = q.type === 'single' && typeof answer === 'number' ? answer : 0;
    const ruledOut = !Number.isFinite(itemStepsCost(costs, q.id, from, 1));
    const steps = ruledOut ? 0 : maxSteps(q, answer);
    const gains = Array.from({ length: steps + 1 }, (_, k) => sub(points(stepped(q, answer, k)), points(answer)));
    // cumulative: a bucket jump costs what the model says it implies (optionCosts), not one unit per option
    const stepCosts = gains.map((_, k) => itemStepsCost(costs, q.id, from, k));
    return { q, answer, stepCosts, gains };
  });
  const scale = [gap, ...ladders.flatMap((l) => l.gains)].reduce((m, g) => (m / gcd(m, g.d)) * g.d, 1);
  const need = gap.n * (scale / gap.d);
  if (!Number.isSafeInteger(need) || need + 1 > MAX_DP_CELLS) throw new PlannerError(`score gap too fine for the DP`);
  const scaled = ladders.map((l) => l.gains.map((g) => g.n * (scale / g.d)));
  if (scaled.reduce((s, g) => s + g[g.length - 1]!, 0) < need)
    return { reachable: false, steps: [], outcomes: [], gain: ZERO };

  // cost[r] / gain[r]: best (min cost, then max gain) for questions i… covering r scaled points
  let cost = new Float64Array(need + 1).fill(Infinity);
  let gain = new Float64Array(need + 1);
  cost[0] = 0;
  const choice: Int32Array[] = [];
  for (let i = ladders.length - 1; i >= 0; i--) {
    const g = scaled[i]!;
    const c = ladders[i]!.stepCosts;
    const nextCost = new Float64Array(need + 1).fill(Infinity);
    const nextGain = new Float64Array(need + 1);
    const pick = (choice[i] = new Int32Array(need + 1));
    for (let r = 0; r <= need; r++) {
      for (let k = 0; k < g.length; k++) {
        const rest = Math.max(0, r - g[k]!);
        const total = c[k]! + cost[rest]!;
        const got = g[k]! + gain[rest]!;
        // ascending k with ≥ on ties: the larger step count on this question wins
        if (total < nextCost[r]! || (total === nextCost[r]! && total < Infinity && got >= nextGain[r]!)) {
          nextCost[r] = total;
          nextGain[r] = got;
          pick[r] = k;
        }
      }
    }
    cost = nextCost;
    gain = nextGain;
  }

  const steps: ItemStep[] = [];
  const outcomes: OutcomeStep[] = [];
  let r = need;
  ladders.forEach((l, i) => {
    const k = choice[i]![r]!;
    r = Math.max(0, r - scaled[i]![k]!);
    if (k === 0) return;
    const base = { id: l.q.id, gain: l.gains[k]!, cost: l.stepCosts[k]! };
    let step: ItemStep;
    if (l.q.type === 'multiple') step = { ...base, kind: 'add-options', count: k };
    else {
      const from = typeof l.answer === 'number' ? l.answer : undefined;
      step = { ...base, kind: 'raise-option', from, to: (from ?? 0) + k };
    }
    if (isOutcome(costs, l.q.id)) outcomes.push({ ...step, drivers: [...(itemCost(costs, l.q.id)?.drivers ?? [])] });
    else steps.push(step);
  });
  return { reachable: true, steps, outcomes, gain: sum([...steps, ...outcomes].map((s) => s.gain)) };
}

// ── plans ────────────────────────────────────────────────────────────────────────────────────────

export function planLevel(rubric: WeightedRubric, input: AssessmentInput, target: number, costs: CostModel): Plan {
  const rule = ruleFor(rubric, target);
  const answers = weightedAnswersOf(input);
  // checkLevel owns the exact threshold (minScore read as a decimal), so the gap matches the results screen
  const score = checkLevel(rule, scoreAnswers(rubric, answers).total, []).conditions[0]!;
  const scoreGap = score.kind === 'score' ? score.gap : ZERO;
  const scenarios = planScenarios(rubric, input.scenarios, rule, costs);
  const items = planItems(rubric, answers, scoreGap, costs);
  if (!scenarios.reachable || !items.reachable)
    return {
      target,
      reachable: false,
      cost: 0,
      scoreGap,
      scoreGain: ZERO,
      scenarioSteps: [],
      itemSteps: [],
      outcomes: [],
    };
  const cost = [...scenarios.steps, ...items.steps, ...items.outcomes].reduce((c, s) => c + s.cost, 0);
  return {
    target,
    reachable: true,
    cost,
    scoreGap,
    scoreGain: items.gain,
    scenarioSteps: scenarios.steps,
    itemSteps: items.steps,
    outcomes: items.outcomes,
  };
}

/** Plans for the next level and the one after, where the rubric has them. */
export function planNextLevels(rubric: WeightedRubric, input: AssessmentInput, costs: CostModel): Plan[] {
  const current = evaluate(rubric, input).level;
  return [current + 1, current + 2]
    .filter((k) => rubric.levelRules.some((r) => r.level === k))
    .map((k) => planLevel(rubric, input, k, costs));
}

/** The assessment as it would be once the plan is carried out. */
export function applyPlan(rubric: WeightedRubric, input: AssessmentInput, plan: Plan): AssessmentInput {
  const questions = new Map(questionsOf(rubric).map((q) => [q.id, q]));
  const answers: Record<string, Answer> = { ...weightedAnswersOf(input) };
  for (const s of [...plan.itemSteps, ...(plan.outcomes ?? [])]) {
    const q = questions.get(s.id);
    if (!q) throw new PlannerError(`plan names unknown question ${s.id}`);
    answers[s.id] = s.kind === 'raise-option' ? s.to : stepped(q, answers[s.id], s.count)!;
  }
  const scenarios: Record<string, ScenarioChecks> = { ...input.scenarios };
  for (const s of plan.scenarioSteps) {
    const checks = scenarios[s.id] ?? NONE;
    scenarios[s.id] = scenarioChecks(checks.map((c, i) => c || s.levelsToTick.includes(i + 1)));
  }
  return { answers, scenarios };
}
