import type { Route } from './router.svelte';

/** What a screen needs before it can show: the storage it reads, and the national rubric. */
export interface ScreenNeeds {
  /** Opened where a first visit left it unopened (app.ready). */
  storage: boolean;
  /** Loaded where a first visit did not load it (app.loadDefaultRubric); App's template waits for it. */
  rubric: boolean;
}

const NOTHING: ScreenNeeds = { storage: false, rubric: false };
const RUBRIC: ScreenNeeds = { storage: false, rubric: true };
const BOTH: ScreenNeeds = { storage: true, rubric: true };

/**
 * Each route's needs, keyed by every route name: a new route does not compile until it says what it needs. Home
 * needs neither (its start button has the rubric's size from the build; its list knows whether anything is stored).
 */
export const SCREEN_NEEDS: Readonly<Record<Route['name'], ScreenNeeds>> = {
  home: NOTHING,
  'not-found': NOTHING,
  rubric: RUBRIC,
  method: RUBRIC,
  profile: BOTH,
  questions: BOTH,
  scenarios: BOTH,
  results: BOTH,
  roadmap: BOTH,
  report: BOTH,
  review: BOTH,
  compare: BOTH,
  trend: BOTH,
  cohorts: BOTH,
  cohort: BOTH,
  merge: BOTH,
};
