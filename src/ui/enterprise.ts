/** The assessments of one enterprise as the progress screens use them: evaluated, in assessment order. */
import { chronological, evaluate, type TrendEntry, type WeightedRubric } from '../domain/index';
import type { StoredAssessment } from '../db/database';
import { rubrics } from '../state/rubrics.svelte';

export interface EnterpriseEntry extends TrendEntry {
  record: StoredAssessment;
  rubric: WeightedRubric;
}

/** Evaluates a stored assessment; undefined when its rubric is not a weighted rubric this app knows. */
export function toEntry(record: StoredAssessment): EnterpriseEntry | undefined {
  const rubric = rubrics.weighted(record.file.rubric);
  if (!rubric) return undefined;
  return {
    id: record.id,
    file: record.file,
    evaluation: evaluate(rubric, record.file),
    createdAt: record.createdAt,
    record,
    rubric,
  };
}

/** The evaluable assessments of `enterpriseId` among `records`, earliest first. */
export function enterpriseEntries(records: readonly StoredAssessment[], enterpriseId: string): EnterpriseEntry[] {
  return chronological(records.filter((r) => r.enterpriseId === enterpriseId).flatMap((r) => toEntry(r) ?? []));
}
