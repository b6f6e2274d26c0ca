/**
 * The staged roadmap of one enterprise: its industry guide's actions, the ones that serve the
 * planner's cheapest way to the next level first, ordered by the guide's own stages (the seed's order,
 * then seed 004's closing stage), canonical stage and prerequisites,
 * with the user's own status per step. Pure and deterministic: the same input gives the same output,
 * and every value in it is plain JSON (reasons are data for the UI to word in either language).
 */
import type { WeightedRubric } from '../rubric/schema';
import type { SizeClass } from '../assessment/profile';
import type { RoadmapStepState, StepStatus } from '../assessment/extension';
import type { Evaluation } from '../scoring/evaluate';
import type { Plan } from '../planner/plan';
import { RoadmapError } from '../data-error';
import { type Rational, cmp, rat } from '../scoring/rational';
import { questionsOf } from '../scoring/score';
import { allScenarios } from '../scoring/scenarios';
import {
  type Action,
  type CanonicalStage,
  type Citation,
  type Guide,
  type Stage,
  CANONICAL_STAGES,
} from './guide-schema';
import { type StepWeight, fitsSize, stepWeight } from './size-fit';
import { CLOSING_ACTION, CLOSING_STAGE } from './closing';

export type Reason =
  /** Chosen to raise a scenario the planner picked for the level `targetLevel`. */
  | {
      kind: 'planner-scenario';
      scenario: string;
      /** The scenario's current level and its level once the planner's ticks are done. */
      from: number;
      to: number;
      targetLevel: number;
      constraint: boolean;
      why: 'count' | 'constraint';
    }
  /** Chosen to raise an item the planner picked for the level `targetLevel`. */
  | { kind: 'planner-item'; question: string; gain: Rational; targetLevel: number }
  /** An open prerequisite of the action `of`, which serves the planner. */
  | { kind: 'prerequisite'; of: string }
  /** Plain roadmap content for its stage. */
  | { kind: 'stage'; stage: CanonicalStage }
  /** Organisation, talent, funding or security (保障措施). */
  | { kind: 'enabling' };

export interface StepEffect {
  /** Scenarios this action raises above their current level (from = current, to = the action's level). */
  scenarios: { id: string; from: number; to: number }[];
  /** Listed items not yet at their maximum option. */
  questions: string[];
  /** The overall level whose plan this step serves (set only for planner-serving steps and their prerequisites). */
  levelTarget?: number;
}

export interface RoadmapStep {
  action: Action;
  /** The canonical stage it is listed in: its own, or a later one when a prerequisite sits there. */
  stage: CanonicalStage;
  /** The guide's own stage (or the closing one) it is listed in: the seed's order, canonical stage beside. */
  phase: string;
  /** Our class of the step for the size rule of seed 004 (size-fit.ts). */
  weight: StepWeight;
  /** False when the size rule does not suggest it for the enterprise's size (kept, listed after fitting ones). */
  fitsSize: boolean;
  /** Serves the cheapest plan for the next level ('next') or the level after ('after-next'). */
  serves?: 'next' | 'after-next';
  status: StepStatus;
  /** True when the status is 'done' only because the assessment already meets what the action advances. */
  auto: boolean;
  quarter?: string;
  note?: string;
  reasons: Reason[];
  effect: StepEffect;
  citation: Citation;
}

export interface RoadmapStage {
  stage: CanonicalStage;
  /** The guide's own stages that map onto this canonical one. */
  industryStages: Stage[];
  steps: RoadmapStep[];
}

export interface RoadmapPhase {
  /** The guide's own stage, or the closing stage of seed 004. */
  stage: Stage;
  steps: RoadmapStep[];
}

export interface Roadmap {
  industry: Guide['industry'];
  /** All five canonical stages, in order (a stage may have no steps). */
  stages: RoadmapStage[];
  /** The guide's own stages in the seed's order, then the closing stage; each step in exactly one. */
  phases: RoadmapPhase[];
  /** Every step once, in roadmap order (the seed's stage order, prerequisites first). */
  steps: RoadmapStep[];
  counts: { total: number; done: number; open: number; notRelevant: number; servingNext: number };
}

export interface RoadmapInput {
  rubric: WeightedRubric;
  guide: Guide;
  size?: SizeClass;
  evaluation: Evaluation;
  /** From planNextLevels: the next level first, then the one after. */
  plans: Plan[];
  /** The file's digilevel.roadmap: action id → the user's status, quarter, note. */
  state?: Record<string, RoadmapStepState>;
}

export { RoadmapError };

const HUNDRED = rat(100);
const stageIndex = (s: CanonicalStage) => CANONICAL_STAGES.indexOf(s);

/** A planner target: one scenario level or one item the plan for `targetLevel` needs. */
type Target =
  | { kind: 'scenario'; id: string; level: number; reason: Reason & { kind: 'planner-scenario' } }
  | { kind: 'question'; id: string; reason: Reason & { kind: 'planner-item' } };

/**
 * Targets of one plan, in plan order: for each scenario step, one per level the planner ticks (the
 * levels from + 1 … the plan's target not ticked yet), then each item step.
 */
function targetsOf(plan: Plan): Target[] {
  const scenarios = plan.scenarioSteps.flatMap((s): Target[] => {
    const reason = {
      kind: 'planner-scenario' as const,
      scenario: s.id,
      from: s.from,
      to: s.to,
      targetLevel: plan.target,
      constraint: s.constraint,
      why: s.reason,
    };
    return s.levelsToTick.map((level) => ({ kind: 'scenario', id: s.id, level, reason }));
  });
  const items = plan.itemSteps.map((s): Target => ({
    kind: 'question',
    id: s.id,
    reason: { kind: 'planner-item', question: s.id, gain: s.gain, targetLevel: plan.target },
  }));
  return [...scenarios, ...items];
}

const serves = (a: Action, t: Target) =>
  t.kind === 'scenario'
    ? a.advances.scenarios.some((s) => s.id === t.id && s.level === t.level)
    : a.advances.questions.includes(t.id);

const sameReason = (a: Reason, b: Reason) => JSON.stringify(a) === JSON.stringify(b);

export function generateRoadmap(input: RoadmapInput): Roadmap {
  const { rubric, guide, size, evaluation, plans, state = {} } = input;
  const actions = [...guide.actions, CLOSING_ACTION];
  const phases = [...guide.stages, CLOSING_STAGE];
  const order = new Map<string, number>();
  actions.forEach((a, i) => {
    if (order.has(a.id)) throw new RoadmapError(`${guide.industry}: duplicate action id ${a.id}`);
    order.set(a.id, i);
  });
  const byId = new Map(actions.map((a) => [a.id, a]));

  // ── the enterprise today ────────────────────────────────────────────────────────────────────────
  const scenarioIds = new Set(allScenarios(rubric).map((s) => s.id));
  const questionIds = new Set(questionsOf(rubric).map((q) => q.id));
  const level = new Map(evaluation.scenarios.map((s) => [s.id, s.level]));
  const atMax = new Set(evaluation.score.items.filter((i) => cmp(i.optionScore, HUNDRED) >= 0).map((i) => i.id));
  for (const a of actions) {
    for (const p of a.prerequisites)
      if (!byId.has(p)) throw new RoadmapError(`${guide.industry}: action ${a.id} has unknown prerequisite ${p}`);
    for (const s of a.advances.scenarios)
      if (!scenarioIds.has(s.id)) throw new RoadmapError(`${guide.industry}: action ${a.id}: unknown scenario ${s.id}`);
    for (const q of a.advances.questions)
      if (!questionIds.has(q)) throw new RoadmapError(`${guide.industry}: action ${a.id}: unknown question ${q}`);
  }
  const current = (scenario: string) => level.get(scenario) ?? 0;

  /** Auto-done: every listed scenario already at its level, or (no scenarios) every listed item at its maximum. */
  const satisfied = (a: Action) =>
    a.advances.scenarios.length > 0
      ? a.advances.scenarios.every((s) => current(s.id) >= s.level)
      : a.advances.questions.length > 0 && a.advances.questions.every((q) => atMax.has(q));
  const statusOf = new Map<string, { status: StepStatus; auto: boolean }>();
  for (const a of actions) {
    const user = Object.hasOwn(state, a.id) ? state[a.id]?.status : undefined;
    const auto = satisfied(a);
    statusOf.set(a.id, user ? { status: user, auto: false } : { status: auto ? 'done' : 'open', auto });
  }
  const isOpen = (id: string) => statusOf.get(id)!.status === 'open';
  const fits = (a: Action) => fitsSize(a, size);

  /** The action's own phase: named, or the first guide stage mapping its canonical stage; the closing one last. */
  const ownPhase = (a: Action): number => {
    if (a === CLOSING_ACTION) return phases.length - 1;
    if (a.phase !== undefined) {
      const i = guide.stages.findIndex((s) => s.id === a.phase);
      if (i < 0) throw new RoadmapError(`${guide.industry}: action ${a.id} has unknown phase ${a.phase}`);
      return i;
    }
    const i = guide.stages.findIndex((s) => s.canonical.includes(a.stage));
    return i < 0 ? guide.stages.length - 1 : i;
  };
  const phaseMemo = new Map<string, number>();
  /** Never before a prerequisite's phase (cycles are caught by stageOf below, which runs first). */
  const phaseOf = (a: Action): number => {
    let p = phaseMemo.get(a.id);
    if (p === undefined)
      phaseMemo.set(a.id, (p = Math.max(ownPhase(a), ...a.prerequisites.map((x) => phaseOf(byId.get(x)!)))));
    return p;
  };

  // ── effective stage: never before a prerequisite's (also detects cycles) ──────────────────────────
  const effective = new Map<string, number>();
  const visiting = new Set<string>();
  const stageOf = (id: string, path: string[] = []): number => {
    const known = effective.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) throw new RoadmapError(`${guide.industry}: prerequisite cycle ${[...path, id].join(' → ')}`);
    visiting.add(id);
    const a = byId.get(id)!;
    const s = Math.max(stageIndex(a.stage), ...a.prerequisites.map((p) => stageOf(p, [...path, id])));
    visiting.delete(id);
    effective.set(id, s);
    return s;
  };
  for (const a of actions) stageOf(a.id);
  for (const a of actions) phaseOf(a);

  // ── which actions serve the planner: tier 0 = next level, 1 = the one after ───────────────────────
  const tier = new Map<string, number>();
  const levelTarget = new Map<string, number>();
  const reasons = new Map<string, Reason[]>(actions.map((a) => [a.id, []]));
  const addReason = (id: string, r: Reason) => {
    const list = reasons.get(id)!;
    if (!list.some((x) => sameReason(x, r))) list.push(r);
  };
  const select = (id: string, t: number, target: number) => {
    if (tier.has(id)) return false;
    tier.set(id, t);
    levelTarget.set(id, target);
    return true;
  };
  const pullPrerequisites = (a: Action, t: number, target: number) => {
    for (const p of a.prerequisites) {
      if (!isOpen(p)) continue;
      addReason(p, { kind: 'prerequisite', of: a.id });
      if (select(p, t, target)) pullPrerequisites(byId.get(p)!, t, target);
    }
  };
  /** Fitting before not fitting, then earliest phase and stage, then fewest prerequisites, then guide order. */
  const better = (a: Action, b: Action) =>
    Number(!fits(a)) - Number(!fits(b)) ||
    phaseOf(a) - phaseOf(b) ||
    stageOf(a.id) - stageOf(b.id) ||
    a.prerequisites.length - b.prerequisites.length ||
    order.get(a.id)! - order.get(b.id)!;
  plans.slice(0, 2).forEach((plan, t) => {
    for (const target of targetsOf(plan)) {
      const best = actions.filter((a) => isOpen(a.id) && serves(a, target)).sort(better)[0];
      if (!best) continue;
      addReason(best.id, target.reason);
      select(best.id, t, plan.target);
      pullPrerequisites(best, t, plan.target);
    }
  });

  // ── order: topological, choosing the smallest (phase, stage, placement, guide order) among the ready
  // placement = (fits ? 0 : 1, tier); a step takes the best placement of its dependants in the same
  // stage, so a prerequisite comes up with the step that needs it, not after unrelated ones.
  const lexical = (a: number[], b: number[]) => {
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
    return 0;
  };
  const dependants = new Map<string, Action[]>(actions.map((a) => [a.id, []]));
  for (const a of actions) for (const p of a.prerequisites) dependants.get(p)!.push(a);
  const placed = new Map<string, number[]>();
  const placement = (a: Action): number[] => {
    const known = placed.get(a.id);
    if (known) return known;
    const own = [Number(!fits(a)), tier.get(a.id) ?? 2];
    const best = dependants
      .get(a.id)!
      .filter((d) => phaseOf(d) === phaseOf(a) && stageOf(d.id) === stageOf(a.id))
      .map(placement)
      .reduce((m, x) => (lexical(x, m) < 0 ? x : m), own);
    placed.set(a.id, best);
    return best;
  };
  const key = (a: Action) => [phaseOf(a), stageOf(a.id), ...placement(a), order.get(a.id)!];
  const before = (a: Action, b: Action) => lexical(key(a), key(b));
  const waiting = new Map(actions.map((a) => [a.id, new Set(a.prerequisites)]));
  const sorted: Action[] = [];
  while (sorted.length < actions.length) {
    const ready = actions.filter((a) => waiting.get(a.id)?.size === 0).sort(before)[0];
    if (!ready) throw new RoadmapError(`${guide.industry}: prerequisite cycle`);
    sorted.push(ready);
    waiting.delete(ready.id);
    for (const deps of waiting.values()) deps.delete(ready.id);
  }

  // ── steps ─────────────────────────────────────────────────────────────────────────────────────────
  const steps = sorted.map((a): RoadmapStep => {
    const { status, auto } = statusOf.get(a.id)!;
    const user = Object.hasOwn(state, a.id) ? state[a.id] : undefined;
    const own = reasons.get(a.id)!;
    const stage = CANONICAL_STAGES[stageOf(a.id)]!;
    const target = levelTarget.get(a.id);
    const t = tier.get(a.id);
    return {
      action: a,
      stage,
      phase: phases[phaseOf(a)]!.id,
      weight: stepWeight(a),
      fitsSize: fits(a),
      ...(t !== undefined ? { serves: t === 0 ? ('next' as const) : ('after-next' as const) } : {}),
      status,
      auto,
      ...(user?.quarter ? { quarter: user.quarter } : {}),
      ...(user?.note ? { note: user.note } : {}),
      reasons: own.length ? own : [a.enabling ? { kind: 'enabling' } : { kind: 'stage', stage: a.stage }],
      effect: {
        scenarios: a.advances.scenarios
          .filter((s) => s.level > current(s.id))
          .map((s) => ({ id: s.id, from: current(s.id), to: s.level })),
        questions: a.advances.questions.filter((q) => !atMax.has(q)),
        ...(target !== undefined ? { levelTarget: target } : {}),
      },
      citation: a.citation,
    };
  });

  return {
    industry: guide.industry,
    stages: CANONICAL_STAGES.map((stage) => ({
      stage,
      industryStages: guide.stages.filter((s) => s.canonical.includes(stage)),
      steps: steps.filter((s) => s.stage === stage),
    })),
    phases: phases.map((stage) => ({ stage, steps: steps.filter((s) => s.phase === stage.id) })),
    steps,
    counts: {
      total: steps.length,
      done: steps.filter((s) => s.status === 'done').length,
      open: steps.filter((s) => s.status === 'open').length,
      notRelevant: steps.filter((s) => s.status === 'not-relevant').length,
      servingNext: steps.filter((s) => s.serves === 'next').length,
    },
  };
}

export interface StepFilter {
  /** Steps whose action advances this scenario. */
  scenario?: string;
  valueTag?: string;
  status?: StepStatus | readonly StepStatus[];
  /** Only the steps the size rule suggests for the enterprise (the size filter; off = show all). */
  fittingOnly?: boolean;
}

/** The roadmap's steps in order, as one list, keeping those that match every given criterion. */
export function filterSteps(roadmap: Roadmap, filter: StepFilter = {}): RoadmapStep[] {
  const statuses = filter.status === undefined ? undefined : ([] as StepStatus[]).concat(filter.status);
  return roadmap.steps
    .filter((s) => !filter.fittingOnly || s.fitsSize)
    .filter(
      (s) =>
        (filter.scenario === undefined || s.action.advances.scenarios.some((x) => x.id === filter.scenario)) &&
        (filter.valueTag === undefined || (s.action.valueTags as readonly string[]).includes(filter.valueTag)) &&
        (statuses === undefined || statuses.includes(s.status)),
    );
}
