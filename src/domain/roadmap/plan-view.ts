/**
 * The roadmap read as a plan: horizons (next 90 days / this year / one to three years), the first three
 * actions, and for each step a business owner, a kind of solution and an effort band; plus the quarter
 * timeline of the steps the user gave a target quarter. All of it is our reading (the guides name none of
 * it) and the screens say so. Pure: `now` is injected.
 */
import type { CostModel } from '../planner/cost-model';
import { itemStepCost, scenarioStepCost } from '../planner/cost-model';
import type { Roadmap, RoadmapStep } from './generate';
import { HORIZONS, type Horizon, horizonRule, quarterIndex } from './horizon';

export { HORIZONS, quarterIndex, type Horizon } from './horizon';
export type OwnerRole = 'management' | 'production' | 'quality' | 'equipment' | 'it' | 'sales' | 'supply-chain' | 'rd';
export type SolutionKind = 'saas' | 'system' | 'equipment' | 'organisation';
export type EffortBand = 'small' | 'medium' | 'large';

export interface PlannedStep {
  step: RoadmapStep;
  horizon: Horizon;
  owner: OwnerRole;
  kind: SolutionKind;
  effort: EffortBand;
  /** The cost model's units for what the step advances (the band's basis). */
  units: number;
}

export interface RoadmapPlan {
  /** The first three open steps: serving the next level first, then the level after, in roadmap order. */
  top: PlannedStep[];
  /** Every open step, by horizon, in roadmap order. */
  horizons: Record<Horizon, PlannedStep[]>;
  /** Every quarter from the first to the last target quarter, with the steps set for it. */
  quarters: { quarter: string; steps: RoadmapStep[] }[];
}

/** First matching system decides the owner; the order puts the most specific first. */
const OWNER_BY_SYSTEM: [OwnerRole, readonly string[]][] = [
  ['quality', ['QMS', 'LIMS', 'machine-vision']],
  ['equipment', ['EAM', 'SCADA', 'DCS', 'PLC', 'IoT', 'EMS', 'AGV', '5G']],
  ['production', ['MES', 'APS']],
  ['rd', ['PLM', 'PDM', 'CAD', 'CAE', 'CAPP', 'CAM', 'digital-twin']],
  ['supply-chain', ['SRM', 'SCM', 'WMS', 'TMS']],
  ['sales', ['CRM']],
];
const EQUIPMENT = new Set(['PLC', 'DCS', 'SCADA', 'IoT', 'AGV', 'machine-vision', '5G']);

export function ownerOf(step: RoadmapStep): OwnerRole {
  const a = step.action;
  if (a.enabling) return 'management';
  return OWNER_BY_SYSTEM.find(([, systems]) => a.systems.some((s) => systems.includes(s)))?.[0] ?? 'it';
}

export function kindOf(step: RoadmapStep): SolutionKind {
  const a = step.action;
  if (a.enabling || a.systems.length === 0) return 'organisation';
  if (a.systems.includes('cloud-saas')) return 'saas';
  if (a.systems.some((s) => EQUIPMENT.has(s)) || a.stage === 'technical-retrofit') return 'equipment';
  return 'system';
}

/** Units of the cost model for the scenario levels and items the step still advances. */
export function unitsOf(step: RoadmapStep, costs: CostModel): number {
  let units = 0;
  for (const s of step.effect.scenarios)
    for (let level = s.from + 1; level <= s.to; level++) units += scenarioStepCost(costs, s.id, level);
  for (const q of step.effect.questions) units += itemStepCost(costs, q);
  return units;
}

const band = (units: number): EffortBand => (units <= 1 ? 'small' : units <= 3 ? 'medium' : 'large');

/** The effort band of a step from the cost model (≤ 1 unit small, ≤ 3 medium, more large). */
export const effortOf = (step: RoadmapStep, costs: CostModel): EffortBand => band(unitsOf(step, costs));

const quarterName = (i: number) => `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;

/** The plan of the open steps; each step's horizon by the one rule of horizon.ts (the report uses it too). */
export function planRoadmap(
  roadmap: Roadmap,
  options: { now: number; costs: CostModel; fittingOnly?: boolean },
): RoadmapPlan {
  const open = roadmap.steps.filter((s) => s.status === 'open' && (!options.fittingOnly || s.fitsSize));
  const horizonOf = horizonRule(roadmap, options.now);
  const planned = open.map((step): PlannedStep => {
    const units = unitsOf(step, options.costs);
    return { step, horizon: horizonOf(step), owner: ownerOf(step), kind: kindOf(step), effort: band(units), units };
  });
  const rank = (p: PlannedStep) =>
    (p.step.serves === 'next' ? 0 : p.step.serves === 'after-next' ? 2 : 4) + (p.step.fitsSize ? 0 : 1);
  const top = planned
    .map((p, i) => ({ p, i }))
    .sort((a, b) => rank(a.p) - rank(b.p) || a.i - b.i)
    .slice(0, 3)
    .map(({ p }) => p);
  const horizons = Object.fromEntries(HORIZONS.map((h) => [h, planned.filter((p) => p.horizon === h)])) as Record<
    Horizon,
    PlannedStep[]
  >;
  const withQuarter = roadmap.steps.filter((s) => s.quarter && quarterIndex(s.quarter) !== undefined);
  const indices = withQuarter.map((s) => quarterIndex(s.quarter!)!);
  const quarters: RoadmapPlan['quarters'] = [];
  if (indices.length)
    for (let i = Math.min(...indices); i <= Math.max(...indices); i++)
      quarters.push({ quarter: quarterName(i), steps: withQuarter.filter((s) => quarterIndex(s.quarter!) === i) });
  return { top, horizons, quarters };
}
