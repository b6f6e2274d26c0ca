/**
 * The rubrics the app and the CLI know, validated once on first use. Bundled as JSON so the app works
 * offline and from any static host; a bad rubric fails loudly with file, path and problem.
 */
import type { WeightedRubric } from './schema';
import type { ChecklistRubric } from './checklist-schema';
import { RubricError } from './rubric-error';

export { RubricError };

/** Either kind of rubric; `model` says which, and screens and engines choose by it. */
export type AnyRubric = WeightedRubric | ChecklistRubric;
export type RubricModel = AnyRubric['model'];

/** Fetched on first use (own chunk), so the first visit does not carry them. */
const lazySources: Record<string, { file: string; load: () => Promise<{ default: unknown }> }> = {
  'cn-sme-2024': {
    file: 'rubrics/cn-sme-2024/rubric.json',
    load: () => import('../../../rubrics/cn-sme-2024/rubric.json'),
  },
  'sd-chenxing-2022': {
    file: 'rubrics/sd-chenxing-2022/rubric.json',
    load: () => import('../../../rubrics/sd-chenxing-2022/rubric.json'),
  },
};

/**
 * Makes a rubric available to the synchronous getters; resolves to undefined for unknown ids.
 * Callers that may meet a lazily loaded rubric (import, opening an assessment, the CLI) await this first.
 */
export async function loadRubric(id: string): Promise<AnyRubric | undefined> {
  if (!cache.has(id) && Object.hasOwn(lazySources, id)) {
    const lazy = lazySources[id]!;
    // the schemas (valibot) load with the first rubric, not with the first screen
    const [{ default: data }, { parseAnyRubric }] = await Promise.all([lazy.load(), import('./parse-any')]);
    cache.set(id, parseAnyRubric(data, lazy.file));
  }
  return getAnyRubric(id);
}

/** Loads every rubric named in a file's text (a single assessment or a backup); never throws. */
export async function loadRubricsFor(text: string): Promise<void> {
  const ids = new Set<string>();
  try {
    // a leading byte order mark is ignored, as parseAssessmentText ignores it
    const data = JSON.parse(text.replace(/^\uFEFF/, '')) as { rubric?: unknown; assessments?: unknown };
    if (typeof data?.rubric === 'string') ids.add(data.rubric);
    if (Array.isArray(data?.assessments))
      for (const a of data.assessments) if (typeof a?.rubric === 'string') ids.add(a.rubric);
  } catch {
    return; // the validator reports the broken file
  }
  await Promise.all([...ids].filter((id) => Object.hasOwn(lazySources, id)).map(loadRubric));
}

const cache = new Map<string, AnyRubric>();

export const RUBRIC_IDS = Object.keys(lazySources);
export const DEFAULT_RUBRIC = 'cn-sme-2024';

/** Any bundled rubric by id, validated by the schema its `model` declares. */
export function getAnyRubric(id: string): AnyRubric | undefined {
  return cache.get(id);
}

/** A weighted (national-style) rubric by id; undefined for unknown ids and for checklist rubrics. */
export function getRubric(id: string): WeightedRubric | undefined {
  const r = getAnyRubric(id);
  return r?.model === 'weighted-scenarios' ? r : undefined;
}

export function getChecklistRubric(id: string): ChecklistRubric | undefined {
  const r = getAnyRubric(id);
  return r?.model === 'required-checklist' ? r : undefined;
}
