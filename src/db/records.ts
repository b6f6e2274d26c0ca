/**
 * Checks a record as it is read from IndexedDB. Anything may sit in the database (an older version's
 * bug, another tool, a hand edit in the developer tools), and one record with `answers: null` used to
 * blank every screen that listed it. A record is usable when what export would write from it is a file
 * that import accepts (the same validation, domain/assessment/file.ts) and its own fields are sound;
 * anything else is "damaged": listed as such, with its raw data for export, never hidden or guessed at.
 */
import {
  EXTENSION_KEY,
  FILE_KEYS,
  PROFILE_KEYS,
  RUBRIC_IDS,
  getAnyRubric,
  setKey,
  loadRubric,
  validateAssessment,
  type AssessmentFile,
  type FileIssue,
  type RubricLookup,
} from '../domain/index';
import type { StoredAssessment } from './database';

export interface DamagedRecord {
  /** The record's key (as text), to delete it and to tell damaged records apart. */
  id: string;
  /** The stored value exactly as read: what "export raw data" writes. */
  raw: unknown;
  /** What is wrong, with the keys concerned (record fields as `record.<key>`). */
  issues: FileIssue[];
  /** The profile name, when it can still be read. */
  name?: string;
  updatedAt?: number;
}

export type RecordCheck =
  | { status: 'ok'; record: StoredAssessment }
  | { status: 'damaged'; damaged: DamagedRecord }
  /** The record names one of our rubrics that is not loaded yet: load it (loadRubric), then check again. */
  | { status: 'pending'; rubric: string };

/** Thrown by writes that would read a damaged record (duplicate, re-assess, edit). */
export class DamagedRecordError extends Error {
  constructor(readonly damaged: DamagedRecord) {
    super(`assessment ${damaged.id} is damaged`);
    this.name = 'DamagedRecordError';
  }
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** A time in ms that `new Date()` accepts (toExport turns it into an ISO date). */
const isTime = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && Math.abs(x) <= 8.64e15;

/** The rubric a stored record names when it is one the app can load, else undefined. */
export function knownRubricOf(raw: unknown, known: readonly string[] = RUBRIC_IDS): string | undefined {
  const rubric = isObj(raw) && isObj(raw.file) ? raw.file.rubric : undefined;
  return typeof rubric === 'string' && known.includes(rubric) ? rubric : undefined;
}

function recordIssues(raw: Record<string, unknown>): FileIssue[] {
  const issues: FileIssue[] = [];
  const need = (key: string, ok: boolean, detail: string) => {
    if (!ok) issues.push({ key: `record.${key}`, code: 'type', detail });
  };
  need('id', typeof raw.id === 'string', 'string');
  need('createdAt', isTime(raw.createdAt), 'time');
  need('updatedAt', isTime(raw.updatedAt), 'time');
  need('revision', Number.isSafeInteger(raw.revision), 'integer');
  need('enterpriseId', typeof raw.enterpriseId === 'string' && raw.enterpriseId !== '', 'string');
  need('lastPath', raw.lastPath === undefined || typeof raw.lastPath === 'string', 'string');
  need('writer', raw.writer === undefined || typeof raw.writer === 'string', 'string');
  return issues;
}

/**
 * `value` with the keys of its `unknownKeys` field back beside its own (as export spreads them), or the key
 * of the field when it is not an object of keys the spec does not name.
 */
function spreadKept(
  value: Record<string, unknown>,
  known: readonly string[],
  key: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; key: string } {
  const kept = value.unknownKeys;
  if (kept === undefined) return { ok: true, value };
  if (!isObj(kept) || Object.keys(kept).some((k) => known.includes(k))) return { ok: false, key };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'unknownKeys') setKey(out, k, v);
  for (const [k, v] of Object.entries(kept)) setKey(out, k, v);
  return { ok: true, value: out };
}

/**
 * The file as export would write it for validation: its kept unknown keys back at the top level of the file
 * and of its profile, the record's enterprise id in, the dates out (export stamps them from the record's own
 * times, so an old record's date text cannot make it "damaged").
 */
function asExported(
  stored: Record<string, unknown>,
  enterpriseId: unknown,
): { ok: true; file: Record<string, unknown> } | { ok: false; issue: FileIssue } {
  const top = spreadKept(stored, FILE_KEYS, 'unknownKeys');
  if (!top.ok) return { ok: false, issue: { key: top.key, code: 'type', detail: 'object' } };
  let file = top.value;
  if (isObj(file.profile)) {
    const profile = spreadKept(file.profile, PROFILE_KEYS, 'profile.unknownKeys');
    if (!profile.ok) return { ok: false, issue: { key: profile.key, code: 'type', detail: 'object' } };
    file = { ...file, profile: profile.value };
  }
  const ext = file[EXTENSION_KEY];
  if (ext !== undefined && !isObj(ext)) return { ok: true, file };
  const meta = ext?.meta;
  if (meta !== undefined && !isObj(meta)) return { ok: true, file };
  const clean: Record<string, unknown> = { ...meta };
  delete clean.createdAt;
  delete clean.updatedAt;
  if (typeof enterpriseId === 'string') clean.enterpriseId = enterpriseId;
  return { ok: true, file: { ...file, [EXTENSION_KEY]: { ...ext, meta: clean } } };
}

/**
 * Checks one stored record. `ok` carries the record with its file as validation returns it (absent
 * `scenarios` become `{}`, multiple answers sorted), the stored date texts kept as they were.
 */
export function checkRecord(
  raw: unknown,
  rubrics: RubricLookup = getAnyRubric,
  known: readonly string[] = RUBRIC_IDS,
): RecordCheck {
  if (!isObj(raw))
    return { status: 'damaged', damaged: { id: '', raw, issues: [{ key: 'record', code: 'not-object' }] } };
  const issues = recordIssues(raw);
  const file = raw.file;
  const rubric = knownRubricOf(raw, known);
  if (!issues.length && rubric && !rubrics(rubric)) return { status: 'pending', rubric };
  let checked: AssessmentFile | undefined;
  const exported = isObj(file) ? asExported(file, raw.enterpriseId) : undefined;
  if (!exported) issues.push({ key: '(file)', code: 'not-object' });
  else if (!exported.ok) issues.push(exported.issue);
  else {
    const result = validateAssessment(exported.file, rubrics);
    if (result.ok) checked = result.file;
    else issues.push(...result.error.issues);
  }
  if (issues.length || !checked) {
    const profile = isObj(file) && isObj(file.profile) ? file.profile : undefined;
    const damaged: DamagedRecord = { id: String(raw.id), raw, issues };
    if (typeof profile?.name === 'string' && profile.name.trim()) damaged.name = profile.name.trim().slice(0, 200);
    if (isTime(raw.updatedAt)) damaged.updatedAt = raw.updatedAt;
    return { status: 'damaged', damaged };
  }
  const storedMeta = (file as Record<string, { meta?: Record<string, unknown> }>)[EXTENSION_KEY]?.meta;
  const meta = checked[EXTENSION_KEY]?.meta;
  for (const key of ['createdAt', 'updatedAt'] as const)
    if (meta && typeof storedMeta?.[key] === 'string') meta[key] = storedMeta[key];
  const fields = recordFields(raw);
  if (!fields) return { status: 'damaged', damaged: { id: String(raw.id), raw, issues: recordIssues(raw) } };
  return { status: 'ok', record: { ...fields, file: checked } };
}

/** The record's own fields, typed, when recordIssues finds nothing wrong with them (other keys kept as stored). */
function recordFields(raw: Record<string, unknown>): Omit<StoredAssessment, 'file'> | undefined {
  const { id, createdAt, updatedAt, revision, enterpriseId, lastPath, writer } = raw;
  if (typeof id !== 'string' || !isTime(createdAt) || !isTime(updatedAt)) return undefined;
  if (typeof revision !== 'number' || !Number.isSafeInteger(revision)) return undefined;
  if (typeof enterpriseId !== 'string' || enterpriseId === '') return undefined;
  if (lastPath !== undefined && typeof lastPath !== 'string') return undefined;
  if (writer !== undefined && typeof writer !== 'string') return undefined;
  return {
    ...raw,
    id,
    createdAt,
    updatedAt,
    revision,
    enterpriseId,
    ...(lastPath === undefined ? {} : { lastPath }),
    ...(writer === undefined ? {} : { writer }),
  };
}

/**
 * Newest first, ties by id descending (the order the updatedAt index gave reversed); records without a
 * usable time last (that index leaves them out entirely).
 */
export function newestFirst<T>(rows: readonly T[]): T[] {
  const time = (r: T) => {
    const t = isObj(r) ? r.updatedAt : undefined;
    return isTime(t) ? t : -Infinity;
  };
  const id = (r: T) => (isObj(r) ? String(r.id) : '');
  return [...rows].sort((a, b) => time(b) - time(a) || (id(a) < id(b) ? 1 : id(a) > id(b) ? -1 : 0));
}

/** checkRecord after loading the rubric the record names; rejects when that rubric cannot be loaded. */
export async function checkLoaded(raw: unknown): Promise<Exclude<RecordCheck, { status: 'pending' }>> {
  const first = checkRecord(raw);
  if (first.status !== 'pending') return first;
  await loadRubric(first.rubric);
  const again = checkRecord(raw);
  if (again.status === 'pending') throw new Error(`rubric ${first.rubric} could not be loaded`);
  return again;
}

/**
 * The checked record when the check passes now, else the record as stored (damaged, or its rubric not
 * loaded yet: the reader checks again). Readers that keep a record to patch get the checked file.
 */
export function asChecked<T>(raw: T): T | StoredAssessment {
  const checked = checkRecord(raw);
  return checked.status === 'ok' ? checked.record : raw;
}
