/**
 * The parts of a journey that load on demand, as the rubric's manifest names them: the industry guide
 * (checked against the rubric it applies to) and, for a checklist, the rubric it maps onto with the
 * mapping. Failed loads are forgotten by the loaders below, so calling this again retries.
 */
import type { WeightedRubric } from '../rubric/schema';
import type { Industry } from '../assessment/profile';
import { type AnyRubric, getManifest, loadRubric } from '../rubric/registry';
import { RubricError } from '../rubric/rubric-error';
import type { ChecklistMapping } from '../planner/checklist-plan';
import { loadChecklistMapping } from '../planner/mappings';
import type { Guide } from '../roadmap/guide-schema';
import { loadGuideFor } from '../roadmap/guides';

export interface JourneyData {
  /** Absent when no guides apply to the rubric (its manifest names none). */
  guide?: Guide;
  onto?: { rubric: WeightedRubric; mapping: ChecklistMapping };
}

export async function loadJourneyData(rubric: AnyRubric, industry: Industry | undefined): Promise<JourneyData> {
  await loadRubric(rubric.id);
  const manifest = getManifest(rubric.id);
  if (!manifest) throw new RubricError(`rubric ${rubric.id} is not registered`, []);
  const guideFor = (target: WeightedRubric) => (manifest.guides ? loadGuideFor(target, industry) : undefined);
  if (rubric.model === 'weighted-scenarios') {
    const guide = await guideFor(rubric);
    return guide ? { guide } : {};
  }
  if (manifest.model !== 'required-checklist' || !manifest.mapping) return {};
  const onto = await loadRubric(manifest.mapping.onto);
  if (onto?.model !== 'weighted-scenarios')
    throw new RubricError(`${rubric.id}: its mapping reads onto ${manifest.mapping.onto}, not a weighted rubric`, []);
  const [mapping, guide] = await Promise.all([loadChecklistMapping(onto, rubric), guideFor(onto)]);
  if (!mapping) return {};
  return { onto: { rubric: onto, mapping }, ...(guide ? { guide } : {}) };
}
