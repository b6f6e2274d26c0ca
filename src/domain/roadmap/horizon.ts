/**
 * The horizon of an open roadmap step (next 90 days / this year / one to three years) — one rule for the
 * roadmap screen (plan-view.ts) and the report summary and workbook (journey/summary.ts), so a step never
 * shows two horizons. Our reading, not the guide's; pure (`now` injected).
 */
import type { Roadmap, RoadmapStep } from './generate';

export const HORIZONS = ['days90', 'year', 'years'] as const;
export type Horizon = (typeof HORIZONS)[number];

/** "2027-Q2" → a running quarter number; undefined when malformed. */
export function quarterIndex(quarter: string): number | undefined {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? Number(m[1]) * 4 + Number(m[2]) - 1 : undefined;
}

/** The running quarter number of the instant `now` (UTC). */
export function quarterOf(now: number): number {
  const d = new Date(now);
  return d.getUTCFullYear() * 4 + Math.floor(d.getUTCMonth() / 3);
}

/**
 * The horizon rule for a roadmap's steps. A target quarter decides (this quarter or past: 90 days; within
 * the next three quarters: this year; later: one to three years). Otherwise a step serving the next level
 * whose prerequisites are all settled can start now (90 days); one still waiting on a prerequisite this
 * year; everything else (the level after, the rest of the guide) one to three years.
 */
export function horizonRule(roadmap: Roadmap, now: number): (step: RoadmapStep) => Horizon {
  const today = quarterOf(now);
  const status = new Map(roadmap.steps.map((s) => [s.action.id, s.status]));
  return (s) => {
    const q = s.quarter ? quarterIndex(s.quarter) : undefined;
    if (q !== undefined) return q - today <= 0 ? 'days90' : q - today <= 3 ? 'year' : 'years';
    if (s.serves !== 'next') return 'years';
    return s.action.prerequisites.every((p) => status.get(p) !== 'open') ? 'days90' : 'year';
  };
}
