/**
 * Backup import and export over the assessment store. Import restores each valid entry as a new record
 * with the dates and enterprise id its file carries (so exporting again gives the same file), skips
 * entries already stored (duplicate rule: duplicateKey in domain/assessment/backup.ts) and writes all
 * new records in one transaction: either every valid, new entry is stored or none is.
 */
import {
  applyPatch,
  describeIssue,
  EXTENSION_KEY,
  parseInstant,
  type AssessmentFile,
  type FileIssue,
  type RubricLookup,
} from '../domain/index';
import { duplicateKey, makeBackup, parseBackupText } from '../domain/assessment/backup';
import type { AssessmentStore, StoreClock } from './assessments';
import { toExport } from './export-file';
import type { StoredAssessment } from './database';

/** The database refused the write (quota, closed, blocked …); nothing was imported. */
export interface WriteIssue {
  key: '(database)';
  code: 'write-failed';
  detail?: string;
}
export type ImportIssue = FileIssue | WriteIssue;

export interface ImportReport {
  /** Stored as new assessments; `name` is the profile name ('' when anonymous). */
  imported: { index: number; id: string; name: string }[];
  /** Valid, but already stored (or repeated earlier in the same file): skipped. */
  duplicates: { index: number; name: string }[];
  /** Invalid entries, with the keys of the offending fields. */
  rejected: { index: number; issues: FileIssue[] }[];
  /** The file as a whole is unusable, or the write failed: nothing was imported. */
  fatal?: ImportIssue[];
}

export function describeImportIssue(issue: ImportIssue): string {
  if (issue.code === 'write-failed')
    return `${issue.key}: could not save, nothing was imported${issue.detail ? ` (${issue.detail})` : ''}`;
  return describeIssue(issue);
}

const validTime = (ms: number) => Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

/**
 * duplicateKey of what toExport(a) would give, without cloning the record: the compared fields only
 * (enterprise id and creation time from the record, as toExport stamps them).
 */
export function storedDuplicateKey(a: StoredAssessment): string {
  const ext = a.file[EXTENSION_KEY] ?? {};
  const createdAt = validTime(a.createdAt) ? new Date(a.createdAt).toISOString() : undefined;
  const meta = { ...ext.meta, enterpriseId: a.enterpriseId };
  delete meta.createdAt;
  if (createdAt) meta.createdAt = createdAt;
  return duplicateKey({ ...a.file, [EXTENSION_KEY]: { ...ext, meta } });
}

function toRecord(file: AssessmentFile, writer: string, now: number, clock: StoreClock): StoredAssessment {
  const meta = file[EXTENSION_KEY]?.meta;
  const enterpriseId = meta?.enterpriseId ?? clock.newId();
  const createdAt = parseInstant(meta?.createdAt) ?? now;
  const updatedAt = parseInstant(meta?.updatedAt) ?? createdAt;
  return {
    id: clock.newId(),
    // as AssessmentStore.insert: the file carries its enterprise id
    file: applyPatch(file, { op: 'meta', key: 'enterpriseId', value: enterpriseId }),
    createdAt,
    updatedAt,
    revision: 1,
    enterpriseId,
    writer,
  };
}

const nameOf = (file: AssessmentFile) => file.profile?.name?.trim() ?? '';

/**
 * Imports a backup or a single assessment file. Never throws: an unusable file or a failed write is
 * reported in `fatal`. Valid entries that are not duplicates are inserted in one read-write
 * transaction together with the duplicate check, so a concurrent import in another tab cannot slip a
 * copy in between.
 */
export async function importBackup(store: AssessmentStore, text: string, rubrics: RubricLookup): Promise<ImportReport> {
  const parsed = parseBackupText(text, rubrics);
  if (!parsed.ok) return { imported: [], duplicates: [], rejected: [], fatal: parsed.issues };
  const rejected: ImportReport['rejected'] = [];
  const valid: { index: number; file: AssessmentFile }[] = [];
  for (const e of parsed.entries) {
    if (e.ok) valid.push({ index: e.index, file: e.file });
    else rejected.push({ index: e.index, issues: e.issues });
  }
  if (!valid.length) return { imported: [], duplicates: [], rejected };

  const db = store.db;
  const now = store.clock.now();
  try {
    return await db.transaction('rw', db.assessments, async () => {
      // A stored duplicate has the same enterprise id (it is part of the compared content).
      const enterprises = [...new Set(valid.flatMap((v) => v.file[EXTENSION_KEY]?.meta?.enterpriseId ?? []))];
      const candidates = enterprises.length
        ? await db.assessments.where('enterpriseId').anyOf(enterprises).toArray()
        : [];
      const seen = new Set(candidates.map(storedDuplicateKey));
      const imported: ImportReport['imported'] = [];
      const duplicates: ImportReport['duplicates'] = [];
      const records: StoredAssessment[] = [];
      for (const { index, file } of valid) {
        const key = duplicateKey(file);
        if (seen.has(key)) {
          duplicates.push({ index, name: nameOf(file) });
          continue;
        }
        seen.add(key);
        const record = toRecord(file, store.writer, now, store.clock);
        records.push(record);
        imported.push({ index, id: record.id, name: nameOf(file) });
      }
      if (records.length) await db.assessments.bulkAdd(records);
      return { imported, duplicates, rejected };
    });
  } catch (e) {
    const detail = e instanceof Error ? `${e.name}: ${e.message}`.slice(0, 120) : 'unknown error';
    return { imported: [], duplicates: [], rejected, fatal: [{ key: '(database)', code: 'write-failed', detail }] };
  }
}

/** The JSON text of a backup of every stored assessment, newest first, each as toExport writes it. */
export async function exportBackup(store: AssessmentStore, now: Date = new Date()): Promise<string> {
  const all = await store.db.assessments.orderBy('updatedAt').reverse().toArray();
  return JSON.stringify(makeBackup(all.map(toExport), now), null, 2);
}
