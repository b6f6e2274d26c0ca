/**
 * Backup import and export over the assessment store. Import restores each valid entry as a new record
 * with the dates and enterprise id its file carries (so exporting again gives the same file), skips
 * entries already stored (duplicate rule: duplicateKey in domain/assessment/backup.ts) and writes all
 * new records in one transaction: either every valid, new entry is stored or none is.
 */
import {
  applyPatch,
  assessmentId,
  assessmentYear,
  describeIssue,
  EXTENSION_KEY,
  parseInstant,
  type AssessmentFile,
  type InterchangeFile,
  type FileIssue,
  type RubricLookup,
} from '../domain/index';
import { duplicateKey, makeBackup, parseBackupText } from '../domain/assessment/backup';
import type { AssessmentStore, StoreClock } from './assessments';
import { toExport } from './export-file';
import type { StoredAssessment } from './database';
import { checkLoaded, checkRecord, newestFirst, type DamagedRecord } from './records';
import { errorDetail, writeFailure, type WriteFailure } from './write-error';

/** The database refused the write (quota, closed, blocked …); nothing was imported. */
export interface WriteIssue {
  key: '(database)';
  code: 'write-failed';
  /** Why, for a translated message. */
  reason: WriteFailure;
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
  /**
   * Entries of an enterprise and year already stored (one assessment per enterprise and year), when the
   * import was not told what to do with them (`sameYear` option): nothing was imported, the user is asked.
   */
  sameYear?: SameYear[];
  /** Entries skipped by the choice 'skip'. */
  skipped?: { index: number; name: string }[];
}

/** An imported entry of an enterprise and year already stored: `existingId` is that record's id. */
export interface SameYear {
  index: number;
  name: string;
  year: number;
  existingId: string;
}

/**
 * What to do with an entry of an enterprise and year already stored: keep both, the imported one marked
 * as a variant of the stored one (meta.variantOf; never counted in the trend); replace the stored one;
 * or skip the entry.
 */
export type SameYearChoice = 'variant' | 'replace' | 'skip';

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
export async function importBackup(
  store: AssessmentStore,
  text: string,
  rubrics: RubricLookup,
  sameYear?: SameYearChoice,
): Promise<ImportReport> {
  const parsed = parseBackupText(text, rubrics);
  if (!parsed.ok) return { imported: [], duplicates: [], rejected: [], fatal: parsed.error.issues };
  const rejected: ImportReport['rejected'] = [];
  const valid: { index: number; file: AssessmentFile }[] = [];
  for (const e of parsed.entries) {
    if (e.ok) valid.push({ index: e.index, file: e.file });
    else rejected.push({ index: e.index, issues: e.error.issues });
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
      // A damaged record is no duplicate of a valid file; one of a rubric not loaded here neither (the
      // rubric is part of the compared content, and every rubric of the imported files is loaded).
      const usable = candidates.flatMap((c) => {
        const checked = checkRecord(c, rubrics);
        return checked.status === 'ok' ? [checked.record] : [];
      });
      const seen = new Set(usable.map(storedDuplicateKey));
      const imported: ImportReport['imported'] = [];
      const duplicates: ImportReport['duplicates'] = [];
      const conflicts: SameYear[] = [];
      const skipped: NonNullable<ImportReport['skipped']> = [];
      const replaced: string[] = [];
      const records: StoredAssessment[] = [];
      for (const { index, file } of valid) {
        const key = duplicateKey(file);
        if (seen.has(key)) {
          duplicates.push({ index, name: nameOf(file) });
          continue;
        }
        seen.add(key);
        let record = toRecord(file, store.writer, now, store.clock);
        // one assessment per enterprise and year, unless the file says it is a variant (kept by choice)
        const existing = record.file[EXTENSION_KEY]?.meta?.variantOf
          ? undefined
          : usable.find(
              (u) =>
                u.enterpriseId === record.enterpriseId &&
                !replaced.includes(u.id) &&
                assessmentYear(u).year === assessmentYear(record).year,
            );
        if (existing) {
          const name = nameOf(file);
          if (!sameYear) {
            conflicts.push({ index, name, year: assessmentYear(record).year, existingId: existing.id });
            continue;
          }
          if (sameYear === 'skip') {
            skipped.push({ index, name });
            continue;
          }
          if (sameYear === 'replace') replaced.push(existing.id);
          else
            record = {
              ...record,
              file: applyPatch(record.file, { op: 'meta', key: 'variantOf', value: assessmentId(existing) }),
            };
        }
        records.push(record);
        imported.push({ index, id: record.id, name: nameOf(file) });
      }
      // asked first: nothing is written until the user has chosen
      if (conflicts.length) return { imported: [], duplicates, rejected, sameYear: conflicts };
      if (replaced.length) await db.assessments.bulkDelete(replaced);
      if (records.length) await db.assessments.bulkAdd(records);
      return { imported, duplicates, rejected, ...(skipped.length ? { skipped } : {}) };
    });
  } catch (e) {
    const issue: WriteIssue = {
      key: '(database)',
      code: 'write-failed',
      reason: writeFailure(e),
      detail: errorDetail(e),
    };
    return { imported: [], duplicates: [], rejected, fatal: [issue] };
  }
}

/**
 * A backup of every usable stored assessment, newest first, each as toExport writes it. Damaged records
 * are left out and returned in `skipped`: a backup holds only files that import accepts, so restoring it
 * never fails on them; their raw data is exported one by one from the list (DamagedRecords).
 */
export async function backupOf(
  store: AssessmentStore,
  now: Date = new Date(),
): Promise<{ text: string; skipped: DamagedRecord[] }> {
  const all = newestFirst(await store.db.assessments.toArray());
  const files: InterchangeFile[] = [];
  const skipped: DamagedRecord[] = [];
  for (const raw of all) {
    const checked = await checkLoaded(raw);
    if (checked.status === 'ok') files.push(toExport(checked.record));
    else skipped.push(checked.damaged);
  }
  return { text: JSON.stringify(makeBackup(files, now), null, 2), skipped };
}

/** The JSON text of backupOf (damaged records left out). */
export async function exportBackup(store: AssessmentStore, now: Date = new Date()): Promise<string> {
  return (await backupOf(store, now)).text;
}
