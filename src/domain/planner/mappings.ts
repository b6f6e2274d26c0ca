/**
 * Per checklist rubric, the mapping of its items onto a weighted rubric's scenarios and items (the
 * manifest's `mapping`), which lets the roadmap serve a checklist's missing items. Loaded on demand (its
 * own chunk) and checked against both rubrics.
 */
import { parseChecklistMapping, type ChecklistMapping } from './checklist-plan';
import { PlannerError, throwIssues } from '../data-error';
import type { ChecklistRubric } from '../rubric/checklist-schema';
import type { WeightedRubric } from '../rubric/schema';
import { RUBRIC_IDS, getManifest, loadRubric, readRubricFile, rubricFile } from '../rubric/registry';

const cache = new Map<string, Promise<ChecklistMapping | undefined>>();

async function load(national: WeightedRubric, rubric: ChecklistRubric): Promise<ChecklistMapping | undefined> {
  await loadRubric(rubric.id);
  const manifest = getManifest(rubric.id);
  const source = manifest?.model === 'required-checklist' ? manifest.mapping : undefined;
  if (!source) return undefined;
  const file = rubricFile(rubric.id, source.file);
  if (source.onto !== national.id)
    throw new PlannerError(`${file}: maps onto ${source.onto}, not ${national.id}`, [], file);
  const parsed = parseChecklistMapping(await readRubricFile(rubric.id, source.file), national, rubric);
  if (!parsed.ok) throwIssues(file, parsed.issues, PlannerError);
  return parsed.mapping;
}

/** The mapping of a checklist rubric, or undefined when the rubric has none; a bad file throws with its path. */
export function loadChecklistMapping(
  national: WeightedRubric,
  rubric: ChecklistRubric,
): Promise<ChecklistMapping | undefined> {
  let hit = cache.get(rubric.id);
  if (!hit) {
    const loading = load(national, rubric);
    // a failed load is forgotten, so a retry fetches (and validates) the mapping again
    loading.catch(() => cache.get(rubric.id) === loading && cache.delete(rubric.id));
    cache.set(rubric.id, (hit = loading));
  }
  return hit;
}

/**
 * Every registered checklist rubric whose mapping reads onto `national`, with that mapping: the method page
 * shows each mapping's not-official note beside the national rubric's method. Loads those rubrics on demand.
 */
export async function mappingsOnto(
  national: WeightedRubric,
): Promise<{ rubric: ChecklistRubric; mapping: ChecklistMapping }[]> {
  const found = await Promise.all(
    RUBRIC_IDS.map(async (id) => {
      const rubric = await loadRubric(id);
      if (rubric?.model !== 'required-checklist') return [];
      const manifest = getManifest(id);
      if (manifest?.model !== 'required-checklist' || manifest.mapping?.onto !== national.id) return [];
      const mapping = await loadChecklistMapping(national, rubric);
      return mapping ? [{ rubric, mapping }] : [];
    }),
  );
  return found.flat();
}
