/**
 * The stored record as an interchange file. Kept apart from the Dexie store so the home screen can
 * export a row without loading Dexie before the first paint.
 */
import { applyPatch, assessmentId, type AssessmentFile } from '../domain/index';
import type { StoredAssessment } from './database';

/**
 * The file as exported: the stored document stamped with its dates, enterprise id and assessment id
 * (the id re-assessments link to, kept by import so the link survives).
 */
export function toExport(a: StoredAssessment): AssessmentFile {
  let file = applyPatch(a.file, { op: 'meta', key: 'createdAt', value: new Date(a.createdAt).toISOString() });
  file = applyPatch(file, { op: 'meta', key: 'updatedAt', value: new Date(a.updatedAt).toISOString() });
  file = applyPatch(file, { op: 'meta', key: 'id', value: assessmentId(a) });
  return applyPatch(file, { op: 'meta', key: 'enterpriseId', value: a.enterpriseId });
}
