/**
 * The first actions of the roadmap with a time horizon, for the one-page summary and the short report (the why of
 * the level is owner/why.ts's). Pure; the report words it in a language.
 *
 * The horizon is our reading, not the guide's: a target quarter the user set decides it; otherwise the first action
 * serving the next level is for the next 90 days, the other next-level actions for this year (levels are assessed
 * yearly) and everything else for the next one to three years.
 */
import type { Roadmap, RoadmapStep } from '../roadmap/generate';

export type Horizon = 'days90' | 'year' | 'years';

export interface TopAction {
  step: RoadmapStep;
  horizon: Horizon;
  /** True when the action serves the next level's cheapest plan. */
  servesNext: boolean;
}

/** Quarters from `now` (ms) to a "2027-Q2" quarter's start; undefined for a malformed quarter. */
function quartersAhead(quarter: string, now: number): number | undefined {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return undefined;
  const d = new Date(now);
  const current = d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
  return Number(m[1]) * 4 + Number(m[2]) - 1 - current;
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
  const chosen = open
    .map((step, i) => ({ step, i }))
    .sort((a, b) => rank(a.step) - rank(b.step) || a.i - b.i)
    .slice(0, count)
    .map(({ step }) => step);
  let firstNext = true;
  return chosen.map((step) => {
    const servesNext = step.effect.levelTarget === level + 1;
    const ahead = step.quarter ? quartersAhead(step.quarter, now) : undefined;
    let horizon: Horizon;
    if (ahead !== undefined) horizon = ahead <= 0 ? 'days90' : ahead <= 3 ? 'year' : 'years';
    else if (servesNext) horizon = firstNext ? 'days90' : 'year';
    else horizon = 'years';
    if (servesNext) firstNext = false;
    return { step, horizon, servesNext };
  });
}
