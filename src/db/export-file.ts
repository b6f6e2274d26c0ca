/**
 * The stored record as an interchange file. Kept apart from the Dexie store so the home screen can
 * export a row without loading Dexie before the first paint.
 */
import { applyPatch, assessmentId, toInterchange, type InterchangeFile } from '../domain/index';
import type { StoredAssessment } from './database';

/**
 * The file as exported: the stored document stamped with its dates, enterprise id and assessment id
 * (the id re-assessments link to, kept by import so the link survives), and the unknown keys it was
 * imported with back where they were.
 */
export function toExport(a: StoredAssessment): InterchangeFile {
  let file = applyPatch(a.file, { op: 'meta', key: 'createdAt', value: new Date(a.createdAt).toISOString() });
  file = applyPatch(file, { op: 'meta', key: 'updatedAt', value: new Date(a.updatedAt).toISOString() });
  file = applyPatch(file, { op: 'meta', key: 'id', value: assessmentId(a) });
  return toInterchange(applyPatch(file, { op: 'meta', key: 'enterpriseId', value: a.enterpriseId }));
}
