/**
 * Per checklist rubric, the mapping of its items onto the national scenarios and items, which lets the
 * roadmap serve a checklist's missing items. Loaded on demand (one chunk per rubric).
 */
import { parseChecklistMapping, type ChecklistMapping } from './checklist-plan';
import type { ChecklistRubric } from '../rubric/checklist-schema';
import type { WeightedRubric } from '../rubric/schema';

const sources: Record<string, () => Promise<{ default: unknown }>> = {
  'sd-chenxing-2022': () => import('../../../rubrics/sd-chenxing-2022/mapping.json'),
};

const cache = new Map<string, Promise<ChecklistMapping | undefined>>();

/** The mapping of a checklist rubric, or undefined when the rubric has none; a bad file throws with its path. */
export function loadChecklistMapping(
  national: WeightedRubric,
  rubric: ChecklistRubric,
): Promise<ChecklistMapping | undefined> {
  let hit = cache.get(rubric.id);
  if (!hit) {
    const load = sources[rubric.id];
    const loading = load
      ? load().then((m) => {
          const parsed = parseChecklistMapping(m.default, national, rubric);
          if (!parsed.ok)
            throw new Error(`mapping of ${rubric.id}: ${parsed.issues[0]?.path} ${parsed.issues[0]?.message}`);
          return parsed.mapping;
        })
      : Promise.resolve(undefined);
    // a failed load is forgotten, so a retry fetches (and validates) the mapping again
    loading.catch(() => cache.get(rubric.id) === loading && cache.delete(rubric.id));
    cache.set(rubric.id, (hit = loading));
  }
  return hit;
}
