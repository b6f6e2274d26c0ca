/**
 * The review data bundled with each rubric (evidence guidance and consistency rules), validated against
 * that rubric once on first use. A bad file fails loudly with the file, the path and the problem.
 */
import cnSme2024Evidence from '../../../rubrics/cn-sme-2024/evidence.json';
import cnSme2024Consistency from '../../../rubrics/cn-sme-2024/consistency.json';
import { getRubric } from '../rubric/registry';
import { type EvidenceGuidance, parseEvidenceGuidance } from './evidence-schema';
import { type ConsistencyRules, parseConsistencyRules } from './consistency-schema';

const sources: Record<
  string,
  { evidence: { file: string; data: unknown }; consistency: { file: string; data: unknown } }
> = {
  'cn-sme-2024': {
    evidence: { file: 'rubrics/cn-sme-2024/evidence.json', data: cnSme2024Evidence },
    consistency: { file: 'rubrics/cn-sme-2024/consistency.json', data: cnSme2024Consistency },
  },
};

const evidenceCache = new Map<string, EvidenceGuidance>();
const consistencyCache = new Map<string, ConsistencyRules>();

/** The evidence guidance of a rubric, or undefined when the rubric has none. */
export function getEvidenceGuidance(rubricId: string): EvidenceGuidance | undefined {
  const rubric = getRubric(rubricId);
  if (!rubric || !Object.hasOwn(sources, rubricId)) return undefined;
  let hit = evidenceCache.get(rubricId);
  if (!hit) {
    const { file, data } = sources[rubricId]!.evidence;
    hit = parseEvidenceGuidance(data, rubric, file);
    evidenceCache.set(rubricId, hit);
  }
  return hit;
}

/** The consistency rules of a rubric, or undefined when the rubric has none. */
export function getConsistencyRules(rubricId: string): ConsistencyRules | undefined {
  const rubric = getRubric(rubricId);
  if (!rubric || !Object.hasOwn(sources, rubricId)) return undefined;
  let hit = consistencyCache.get(rubricId);
  if (!hit) {
    const { file, data } = sources[rubricId]!.consistency;
    hit = parseConsistencyRules(data, rubric, file);
    consistencyCache.set(rubricId, hit);
  }
  return hit;
}
