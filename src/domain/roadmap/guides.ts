/**
 * The bundled industry guides (rubrics/guides/<industry>.json), each validated against the `Guide`
 * schema once on first use. A bad file fails loudly with the file, the path inside it and the problem.
 */
import { GuideError, parseWith, throwIssues } from '../data-error';
import seedTitles from '../../../rubrics/guides/seeds.json';
import type { LocalizedText, WeightedRubric } from '../rubric/schema';
import type { Industry } from '../assessment/profile';
import { questionsOf } from '../scoring/score';
import { allScenarios } from '../scoring/scenarios';
import { Guide } from './guide-schema';

/**
 * Each guide is its own chunk, fetched when a roadmap for that industry is first shown, so the
 * ~100 KB per guide is not in the first-visit bytes.
 */
const sources: Record<Industry, { file: string; data: () => Promise<{ default: unknown }> }> = {
  'food-beverage': {
    file: 'rubrics/guides/food-beverage.json',
    data: () => import('../../../rubrics/guides/food-beverage.json'),
  },
  pharma: { file: 'rubrics/guides/pharma.json', data: () => import('../../../rubrics/guides/pharma.json') },
  'agri-food': { file: 'rubrics/guides/agri-food.json', data: () => import('../../../rubrics/guides/agri-food.json') },
  electrical: { file: 'rubrics/guides/electrical.json', data: () => import('../../../rubrics/guides/electrical.json') },
  auto: { file: 'rubrics/guides/auto.json', data: () => import('../../../rubrics/guides/auto.json') },
  'building-materials': {
    file: 'rubrics/guides/building-materials.json',
    data: () => import('../../../rubrics/guides/building-materials.json'),
  },
  other: { file: 'rubrics/guides/other.json', data: () => import('../../../rubrics/guides/other.json') },
};

export { GuideError };

const cache = new Map<Industry, Promise<Guide>>();

/** Parses one guide; throws GuideError naming the file and the first offending path. */
async function load(industry: Industry): Promise<Guide> {
  const { file, data } = sources[industry];
  return parseWith(Guide, (await data()).default, file, {
    error: GuideError,
    crossCheck: (g) =>
      g.industry === industry
        ? []
        : [{ path: 'industry', message: `"${g.industry}" but the file is the guide for "${industry}"` }],
  });
}

/** The guide for an industry; a missing or unknown industry gets the general 'other' guide. */
export function loadGuide(industry: Industry | undefined): Promise<Guide> {
  const key: Industry = industry !== undefined && Object.hasOwn(sources, industry) ? industry : 'other';
  let guide = cache.get(key);
  if (!guide) {
    const loading = load(key);
    // a failed load is forgotten, so a retry fetches (and validates) the guide again
    loading.catch(() => cache.get(key) === loading && cache.delete(key));
    cache.set(key, (guide = loading));
  }
  return guide;
}

/**
 * The guide's references that the rubric it is applied to does not have: every question and scenario an
 * action advances, every scenario a typical scenario names. [] when the guide fits the rubric.
 */
export function guideIssues(guide: Guide, rubric: WeightedRubric): { path: string; message: string }[] {
  const questions = new Set(questionsOf(rubric).map((q) => q.id));
  const scenarios = new Set(allScenarios(rubric).map((s) => s.id));
  const issues: { path: string; message: string }[] = [];
  guide.actions.forEach((a, i) => {
    a.advances.questions.forEach((q, j) => {
      if (!questions.has(q))
        issues.push({ path: `actions.${i}.advances.questions.${j}`, message: `no question ${q} in ${rubric.id}` });
    });
    a.advances.scenarios.forEach((s, j) => {
      if (!scenarios.has(s.id))
        issues.push({
          path: `actions.${i}.advances.scenarios.${j}.id`,
          message: `no scenario ${s.id} in ${rubric.id}`,
        });
    });
  });
  guide.typicalScenarios.forEach((t, i) =>
    t.scenarios.forEach((s, j) => {
      if (!scenarios.has(s))
        issues.push({ path: `typicalScenarios.${i}.scenarios.${j}`, message: `no scenario ${s} in ${rubric.id}` });
    }),
  );
  return issues;
}

/** The industry's guide (as loadGuide) checked against the rubric it is applied to; GuideError names the first misfit. */
export async function loadGuideFor(rubric: WeightedRubric, industry: Industry | undefined): Promise<Guide> {
  const guide = await loadGuide(industry);
  const issues = guideIssues(guide, rubric);
  if (issues.length) throwIssues(sources[guide.industry].file, issues, GuideError);
  return guide;
}

/** Seed file → title of the document it holds (rubrics/guides/seeds.json). */
export const GUIDE_SEEDS: Readonly<Record<string, LocalizedText>> = Object.freeze(seedTitles);

/**
 * The title a guide gives one of its sources — for a seed holding several industries (001) that is
 * the industry's part — falling back to GUIDE_SEEDS for a seed the guide does not list.
 */
export function sourceTitle(guide: Guide, seed: string): LocalizedText | undefined {
  return guide.sources.find((s) => s.seed === seed)?.title ?? GUIDE_SEEDS[seed];
}
