/**
 * The first actions of the roadmap with a time horizon, for the one-page summary and the short report (the why of
 * the level is owner/why.ts's). Pure; the report words it in a language.
 *
 * The horizon is our reading, not the guide's, and the roadmap screen's: one rule (roadmap/horizon.ts) for both.
 */
import type { Roadmap, RoadmapStep } from '../roadmap/generate';
import { type Horizon, horizonRule } from '../roadmap/horizon';

export type { Horizon } from '../roadmap/horizon';

export interface TopAction {
  step: RoadmapStep;
  horizon: Horizon;
  /** True when the action serves the next level's cheapest plan. */
  servesNext: boolean;
}

/**
 * The first `count` open roadmap steps: those serving the next level first, then those for the level after, then
 * the rest, each group in roadmap order (prerequisites before what they serve); steps fitting the size first.
 */
export function topActions(roadmap: Roadmap, level: number, now: number, count = 3): TopAction[] {
  const open = roadmap.stages.flatMap((s) => s.steps).filter((s) => s.status === 'open');
  const rank = (s: RoadmapStep) => {
    const target = s.effect.levelTarget;
    const tier = target === level + 1 ? 0 : target !== undefined ? 1 : 2;
    return tier * 2 + (s.fitsSize ? 0 : 1);
  };
  const horizonOf = horizonRule(roadmap, now);
  return open
    .map((step, i) => ({ step, i }))
    .sort((a, b) => rank(a.step) - rank(b.step) || a.i - b.i)
    .slice(0, count)
    .map(({ step }) => ({ step, horizon: horizonOf(step), servesNext: step.effect.levelTarget === level + 1 }));
}
