/**
 * The review data of a rubric (evidence guidance and consistency rules), as its manifest names them:
 * fetched when a screen first needs them (each file its own chunk) and validated against that rubric. A
 * bad file fails loudly with the file, the path and the problem; a failed load is forgotten (retry).
 */
import { getManifest, getRubric, loadRubric, readRubricFile, rubricFile } from '../rubric/registry';
import { type EvidenceGuidance, parseEvidenceGuidance } from './evidence-schema';
import { type ConsistencyRules, parseConsistencyRules } from './consistency-schema';

export interface ReviewData {
  evidence?: EvidenceGuidance;
  consistency?: ConsistencyRules;
}

const loaded = new Map<string, ReviewData>();
const inFlight = new Map<string, Promise<ReviewData>>();

async function load(rubricId: string): Promise<ReviewData> {
  await loadRubric(rubricId);
  const rubric = getRubric(rubricId);
  const manifest = getManifest(rubricId);
  if (!rubric || manifest?.model !== 'weighted-scenarios') return {};
  const read = (file: string | undefined) => (file ? readRubricFile(rubricId, file) : undefined);
  const [evidence, consistency] = await Promise.all([read(manifest.evidence), read(manifest.consistency)]);
  const data: ReviewData = {};
  if (manifest.evidence)
    data.evidence = parseEvidenceGuidance(evidence, rubric, rubricFile(rubricId, manifest.evidence));
  if (manifest.consistency)
    data.consistency = parseConsistencyRules(consistency, rubric, rubricFile(rubricId, manifest.consistency));
  loaded.set(rubricId, data);
  return data;
}

/** Loads the review data of a rubric (none for a checklist or an unknown id); the getters below read it. */
export function loadReviewData(rubricId: string): Promise<ReviewData> {
  const hit = loaded.get(rubricId);
  if (hit) return Promise.resolve(hit);
  let loading = inFlight.get(rubricId);
  if (!loading) {
    loading = load(rubricId).finally(() => inFlight.delete(rubricId));
    inFlight.set(rubricId, loading);
  }
  return loading;
}

/** The evidence guidance of a rubric once loaded (loadReviewData); undefined when the rubric has none. */
export function getEvidenceGuidance(rubricId: string): EvidenceGuidance | undefined {
  return loaded.get(rubricId)?.evidence;
}

/** The consistency rules of a rubric once loaded (loadReviewData); undefined when the rubric has none. */
export function getConsistencyRules(rubricId: string): ConsistencyRules | undefined {
  return loaded.get(rubricId)?.consistency;
}
