/**
 * The bundled industry guides (rubrics/guides/<industry>.json), each validated against the `Guide`
 * schema once on first use. A bad file fails loudly with the file, the path inside it and the problem.
 */
import * as v from 'valibot';
import foodBeverage from '../../../rubrics/guides/food-beverage.json';
import pharma from '../../../rubrics/guides/pharma.json';
import agriFood from '../../../rubrics/guides/agri-food.json';
import electrical from '../../../rubrics/guides/electrical.json';
import auto from '../../../rubrics/guides/auto.json';
import buildingMaterials from '../../../rubrics/guides/building-materials.json';
import other from '../../../rubrics/guides/other.json';
import type { LocalizedText } from '../rubric/schema';
import type { Industry } from '../assessment/profile';
import { Guide } from './guide-schema';

const sources: Record<Industry, { file: string; data: unknown }> = {
  'food-beverage': { file: 'rubrics/guides/food-beverage.json', data: foodBeverage },
  pharma: { file: 'rubrics/guides/pharma.json', data: pharma },
  'agri-food': { file: 'rubrics/guides/agri-food.json', data: agriFood },
  electrical: { file: 'rubrics/guides/electrical.json', data: electrical },
  auto: { file: 'rubrics/guides/auto.json', data: auto },
  'building-materials': { file: 'rubrics/guides/building-materials.json', data: buildingMaterials },
  other: { file: 'rubrics/guides/other.json', data: other },
};

export class GuideError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly path: string,
  ) {
    super(message);
    this.name = 'GuideError';
  }
}

const cache = new Map<Industry, Guide>();

/** Parses one guide; throws GuideError naming the file and the first offending path. */
function load(industry: Industry): Guide {
  const { file, data } = sources[industry];
  const parsed = v.safeParse(Guide, data);
  if (!parsed.success) {
    const issue = parsed.issues[0];
    const path = v.getDotPath(issue) ?? '';
    throw new GuideError(`${file} ${path || '(root)'}: ${issue.message}`, file, path);
  }
  if (parsed.output.industry !== industry)
    throw new GuideError(
      `${file} industry: "${parsed.output.industry}" but the file is the guide for "${industry}"`,
      file,
      'industry',
    );
  return parsed.output;
}

/** The guide for an industry; a missing or unknown industry gets the general 'other' guide. */
export function getGuide(industry: Industry | undefined): Guide {
  const key: Industry = industry !== undefined && Object.hasOwn(sources, industry) ? industry : 'other';
  let guide = cache.get(key);
  if (!guide) {
    guide = load(key);
    cache.set(key, guide);
  }
  return guide;
}

/**
 * Seed file → title of the document it holds, from every guide's `sources` (first one wins; the
 * content tests check that guides agree). Read from the raw data so it costs no validation.
 */
export const GUIDE_SEEDS: Readonly<Record<string, LocalizedText>> = Object.freeze(
  Object.values(sources).reduce<Record<string, LocalizedText>>((acc, { data }) => {
    for (const s of (data as { sources: { seed: string; title: LocalizedText }[] }).sources)
      if (!Object.hasOwn(acc, s.seed)) acc[s.seed] = { 'zh-CN': s.title['zh-CN'], en: s.title.en };
    return acc;
  }, {}),
);
