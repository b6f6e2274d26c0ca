/**
 * The backup file: every assessment on a device in one JSON document, each entry an interchange file
 * exactly as a single export writes it (docs/assessment-file.md), validated one by one with the same
 * function as a single import. A plain single assessment file is accepted as a one-entry backup, so
 * one import button takes either kind of file. Parsing never throws.
 *
 * ```json
 * { "format": "sme-digital-assessment-backup", "version": 1, "exportedAt": "2026-05-01T08:00:00.000Z",
 *   "assessments": [ { "format": "sme-digital-assessment", "version": 1, … } ] }
 * ```
 */
import {
  type AssessmentFile,
  type FileResult,
  type InterchangeFile,
  type RubricLookup,
  FILE_FORMAT,
  MAX_FILE_CHARS,
  assessmentFileError,
  parseJsonText,
  stripBom,
  validateAssessment,
} from './file';
import { MAX_FILE_DEPTH, type FileErrorCode, type FileIssue, depthOf, isPlainObject, short } from './issues';
import type { AssessmentFileError } from '../data-error-classes';
import { EXTENSION_KEY } from './extension';
import { isIsoInstant, parseInstant } from './dates';

export const BACKUP_FORMAT = 'sme-digital-assessment-backup';
export const BACKUP_VERSION = 1;
export const MAX_BACKUP_ENTRIES = 500;
/** A backup may be as large as 50 single files. */
export const MAX_BACKUP_CHARS = MAX_FILE_CHARS * 50;

export interface BackupFile {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** When the backup was written (ISO 8601); informational. */
  exportedAt: string;
  assessments: InterchangeFile[];
}

export type BackupEntry =
  { index: number; ok: true; file: AssessmentFile } | { index: number; ok: false; error: AssessmentFileError };

export type BackupResult =
  | { ok: false; error: AssessmentFileError }
  | {
      ok: true;
      /** 'single': the text was one plain assessment file, read as a one-entry backup. */
      kind: 'backup' | 'single';
      exportedAt?: string;
      entries: BackupEntry[];
    };

export function makeBackup(files: readonly InterchangeFile[], now: Date): BackupFile {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), assessments: [...files] };
}

const fatal = (key: string, code: FileErrorCode, detail?: string): BackupResult => ({
  ok: false,
  error: assessmentFileError([{ key, code, ...(detail === undefined ? {} : { detail }) }]),
});

/**
 * Parses a backup (or a plain assessment file) and validates every entry.
 *
 * - Too large (over MAX_BACKUP_CHARS), not JSON, not an object, neither format, another backup version,
 *   a non-ISO `exportedAt`, `assessments` not an array or longer than MAX_BACKUP_ENTRIES: `{ ok: false }`
 *   with one issue.
 * - Otherwise `{ ok: true, entries }`, one per assessment in file order. A rejected backup entry's issue
 *   keys are prefixed `assessments.N.` (a whole-entry key "(file)" becomes `assessments.N`). A plain
 *   file's issues keep their keys, so they read as in a single import, and a plain file longer than
 *   MAX_FILE_CHARS is rejected as parseAssessmentText rejects it.
 * - A backup entry whose compact JSON exceeds MAX_FILE_CHARS is rejected ("too-large"), so a backup cannot
 *   store anything a single import would refuse for size.
 */
export function parseBackupText(raw: string, rubrics: RubricLookup): BackupResult {
  if (typeof raw !== 'string') return fatal('(file)', 'not-object');
  if (raw.length > MAX_BACKUP_CHARS + 1) return fatal('(file)', 'too-large', `${MAX_BACKUP_CHARS}`);
  const text = stripBom(raw);
  if (text.length > MAX_BACKUP_CHARS) return fatal('(file)', 'too-large', `${MAX_BACKUP_CHARS}`);
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, error: assessmentFileError([parsed.issue]) };
  const data = parsed.data;
  if (isPlainObject(data) && data.format === FILE_FORMAT && text.length > MAX_FILE_CHARS)
    return {
      ok: true,
      kind: 'single',
      entries: [
        {
          index: 0,
          ok: false,
          error: assessmentFileError([{ key: '(file)', code: 'too-large', detail: `${MAX_FILE_CHARS}` }]),
        },
      ],
    };
  return validateBackup(data, rubrics);
}

/** As parseBackupText, for data already parsed (no text size limits). */
export function validateBackup(data: unknown, rubrics: RubricLookup): BackupResult {
  if (!isPlainObject(data)) return fatal('(file)', 'not-object');
  if (data.format === FILE_FORMAT) return { ok: true, kind: 'single', entries: [checkEntry(data, 0, rubrics, '')] };
  if (data.format !== BACKUP_FORMAT) return fatal('format', 'format', short(data.format));
  if (data.version !== BACKUP_VERSION) return fatal('version', 'version', short(data.version));
  if (data.exportedAt !== undefined && !isIsoInstant(data.exportedAt))
    return fatal('exportedAt', 'type', 'ISO 8601 date-time with offset');
  const list = data.assessments;
  if (!Array.isArray(list)) return fatal('assessments', 'type', 'array');
  if (list.length > MAX_BACKUP_ENTRIES)
    return fatal('assessments', 'type', `array of at most ${MAX_BACKUP_ENTRIES} assessments`);
  const entries = list.map((entry: unknown, i) => checkEntry(entry, i, rubrics, `assessments.${i}`));
  return {
    ok: true,
    kind: 'backup',
    ...(data.exportedAt === undefined ? {} : { exportedAt: data.exportedAt as string }),
    entries,
  };
}

function checkEntry(entry: unknown, index: number, rubrics: RubricLookup, prefix: string): BackupEntry {
  let r: FileResult;
  try {
    r = validateAssessment(entry, rubrics);
  } catch (e) {
    // validateAssessment is meant never to throw; if it does, the entry is rejected, never the whole import.
    r = { ok: false, error: assessmentFileError([crashIssue(entry, e)]) };
  }
  if (r.ok && prefix && JSON.stringify(r.file).length > MAX_FILE_CHARS)
    r = { ok: false, error: assessmentFileError([{ key: '(file)', code: 'too-large', detail: `${MAX_FILE_CHARS}` }]) };
  if (r.ok) return { index, ok: true, file: r.file };
  const key = (k: string) => (!prefix ? k : k === '(file)' ? prefix : `${prefix}.${k}`);
  return {
    index,
    ok: false,
    error: assessmentFileError(r.error.issues.map((issue) => ({ ...issue, key: key(issue.key) }))),
  };
}

function crashIssue(entry: unknown, e: unknown): FileIssue {
  if (depthOf(entry, MAX_FILE_DEPTH) > MAX_FILE_DEPTH)
    return { key: '(file)', code: 'too-deep', detail: `${MAX_FILE_DEPTH}` };
  const why = e instanceof Error ? e.message.slice(0, 60) : 'error';
  return { key: '(file)', code: 'type', detail: `an assessment file (validation failed: ${why})` };
}

/**
 * Canonical JSON: object keys sorted (UTF-16 order), members whose value is undefined or an empty object
 * left out (in the interchange format an empty object means the same as an absent one). Input must be
 * JSON data of bounded depth (validated files are at most 32 levels deep).
 */
export function canonicalJson(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof x === 'object' && x !== null) {
    const o = x as Record<string, unknown>;
    const parts: string[] = [];
    for (const k of Object.keys(o).sort()) {
      const v = o[k];
      if (v === undefined || (isPlainObject(v) && Object.keys(v).length === 0)) continue;
      parts.push(`${JSON.stringify(k)}:${canonicalJson(v)}`);
    }
    return `{${parts.join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}

/**
 * The duplicate rule of backup import. Two assessments are the same when
 *  1. their canonical JSON (canonicalJson) of `{ rubric, profile, answers, scenarios, digilevel }` is
 *     equal, where `digilevel.meta` leaves out `createdAt`, `updatedAt` and `id` (so it compares the label
 *     and the enterprise id, numbers, energy, overrides, notes, evidence and roadmap; `id` is left out
 *     because files exported before it existed lack it, and their re-import must still be a duplicate), and
 *  2. their `digilevel.meta.createdAt` denote the same instant (compared as milliseconds; a file without
 *     createdAt only equals another file without createdAt).
 * Unknown top-level keys and `updatedAt` are not compared. An absent profile, extension or meta equals
 * an empty one. In the store, a record's enterprise id and creation time are what toExport writes.
 */
export function duplicateKey(file: AssessmentFile): string {
  const ext = file[EXTENSION_KEY] ?? {};
  const meta = { ...ext.meta };
  const ms = parseInstant(meta.createdAt) ?? NaN;
  delete meta.createdAt;
  delete meta.updatedAt;
  delete meta.id;
  const content = {
    rubric: file.rubric,
    profile: file.profile,
    answers: file.answers,
    scenarios: file.scenarios,
    [EXTENSION_KEY]: { ...ext, meta },
  };
  return `${Number.isNaN(ms) ? '-' : ms}\n${canonicalJson(content)}`;
}
