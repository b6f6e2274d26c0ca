/**
 * The interchange file (shared spec "Assessment file format", version 1): parsing and validation.
 * One function serves the app's import and the CLI scorer, so both accept and reject the same files.
 * Validation never throws on bad input; it returns every problem with the key it concerns.
 */
import type { WeightedRubric } from '../rubric/schema';
import type { AnyRubric } from '../rubric/registry';
import type { ChecklistRubric } from '../rubric/checklist-schema';
import { checklistItems } from '../scoring/checklist';
import type { Answer, ChecklistAnswers, FileAnswers, ScenarioChecks } from './types';
import { questionsOf } from '../scoring/score';
import { allScenarios } from '../scoring/scenarios';
import { type Extension, validateExtension, EXTENSION_KEY } from './extension';
import { type InterchangeProfile, type Profile, validateProfile } from './profile';
import { type UnknownKeys, FILE_KEYS, spreadUnknownKeys, unknownKeysOf } from './unknown-keys';
import { jsonSyntaxError, describeJsonError } from './json-error';
import { AssessmentFileError } from '../data-error-classes';
import { MAX_FILE_DEPTH, type FileErrorCode, type FileIssue, isPlainObject, short, keyPart, depthOf } from './issues';

export { MAX_FILE_DEPTH, type FileErrorCode, type FileIssue, short, keyPart, depthOf };

export const FILE_FORMAT = 'sme-digital-assessment';
export const FILE_VERSION = 1;
/** Files larger than this are rejected before parsing; a real assessment is a few KB. */
export const MAX_FILE_CHARS = 2_000_000;
/**
 * The most bytes a file within MAX_FILE_CHARS can take as UTF-8 (3 bytes per UTF-16 unit, plus a BOM):
 * what a reader may check before reading, so that a 300 MB file is refused without being read.
 */
export const MAX_FILE_BYTES = MAX_FILE_CHARS * 3 + 3;
export interface AssessmentFile {
  format: typeof FILE_FORMAT;
  version: typeof FILE_VERSION;
  rubric: string;
  profile?: Profile;
  answers: FileAnswers;
  scenarios: Record<string, ScenarioChecks>;
  [EXTENSION_KEY]?: Extension;
  /** The file's top-level keys that the spec does not name, kept on import and spread back on export. */
  unknownKeys?: UnknownKeys;
}

/**
 * The file as it crosses the app's boundary (export, backup): the kept unknown keys back at the top level of
 * the file and of its profile, where the file that was imported had them.
 */
export type InterchangeFile = Omit<AssessmentFile, 'unknownKeys' | 'profile'> & {
  profile?: InterchangeProfile;
} & Readonly<UnknownKeys>;

export function toInterchange(file: AssessmentFile): InterchangeFile {
  const out = spreadUnknownKeys(file);
  const { profile, ...rest } = out;
  // spread over `out`, so that `profile` keeps its place among the keys (a redefined key is not moved)
  return profile ? { ...out, profile: spreadUnknownKeys(profile) } : rest;
}

/** A valid file, or the one data-error shape (code 'assessment', the file, every issue). */
export type FileResult = { ok: true; file: AssessmentFile } | { ok: false; error: AssessmentFileError };

export type RubricLookup = (id: string) => AnyRubric | undefined;

/** The text without a leading byte order mark (Windows Notepad writes one; JSON.parse rejects it). */
export const stripBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

/**
 * JSON.parse of a file's text, a leading BOM ignored; a syntax error as an issue with its line and
 * column (never the engine's message, which is English and may quote the input across lines).
 */
export function parseJsonText(text: string): { ok: true; data: unknown } | { ok: false; issue: FileIssue } {
  const clean = stripBom(text);
  try {
    return { ok: true, data: JSON.parse(clean) };
  } catch (e) {
    return { ok: false, issue: { key: '(file)', code: 'invalid-json', json: jsonSyntaxError(clean, e) } };
  }
}

/** Parses the text of a file (JSON) and validates it. */
export function parseAssessmentText(text: string, rubrics: RubricLookup): FileResult {
  // the length first: reading even one character of a huge concatenated string copies all of it
  if (text.length > MAX_FILE_CHARS + 1 || stripBom(text).length > MAX_FILE_CHARS)
    return fail('(file)', 'too-large', `${MAX_FILE_CHARS}`);
  const parsed = parseJsonText(text);
  if (!parsed.ok) return { ok: false, error: assessmentFileError([parsed.issue]) };
  return validateAssessment(parsed.data, rubrics);
}

function fail(key: string, code: FileErrorCode, detail?: string): FileResult {
  return { ok: false, error: assessmentFileError([{ key, code, ...(detail === undefined ? {} : { detail }) }]) };
}

export function validateAssessment(data: unknown, rubrics: RubricLookup): FileResult {
  if (!isPlainObject(data)) return fail('(file)', 'not-object');
  if (data.format !== FILE_FORMAT) return fail('format', 'format', short(data.format));
  if (data.version !== FILE_VERSION) return fail('version', 'version', short(data.version));
  if (typeof data.rubric !== 'string') return fail('rubric', 'type', 'string');
  const rubric = rubrics(data.rubric);
  if (!rubric) return fail('rubric', 'unknown-rubric', short(data.rubric));
  if (depthOf(data) > MAX_FILE_DEPTH) return fail('(file)', 'too-deep', `${MAX_FILE_DEPTH}`);

  const issues: FileIssue[] = [];
  const answers =
    rubric.model === 'weighted-scenarios'
      ? validateAnswers(data.answers, rubric, issues)
      : validateChecklistAnswers(data.answers, rubric, issues);
  const scenarios =
    rubric.model === 'weighted-scenarios'
      ? validateScenarios(data.scenarios, rubric, issues)
      : validateNoScenarios(data.scenarios, issues);
  const profile = data.profile === undefined ? undefined : validateProfile(data.profile, issues);
  const ext = data[EXTENSION_KEY] === undefined ? undefined : validateExtension(data[EXTENSION_KEY], rubric, issues);
  if (issues.length) return { ok: false, error: assessmentFileError(issues) };

  const file: AssessmentFile = { format: FILE_FORMAT, version: FILE_VERSION, rubric: rubric.id, answers, scenarios };
  if (profile) file.profile = profile;
  if (ext) file[EXTENSION_KEY] = ext;
  const unknownKeys = unknownKeysOf(data, FILE_KEYS);
  if (unknownKeys) file.unknownKeys = unknownKeys;
  return { ok: true, file };
}

function validateAnswers(raw: unknown, rubric: WeightedRubric, issues: FileIssue[]): Record<string, Answer> {
  const out: Record<string, Answer> = {};
  if (raw === undefined) return out;
  if (!isPlainObject(raw)) {
    issues.push({ key: 'answers', code: 'type', detail: 'object' });
    return out;
  }
  const questions = new Map(questionsOf(rubric).map((q) => [q.id, q]));
  for (const [key, value] of Object.entries(raw)) {
    const q = questions.get(key);
    const path = `answers.${keyPart(key)}`;
    if (!q) {
      issues.push({ key: path, code: 'unknown-key' });
      continue;
    }
    const n = q.options.length;
    const isIndex = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x);
    if (q.type === 'single') {
      if (!isIndex(value)) issues.push({ key: path, code: 'type', detail: 'integer' });
      else if (value < 0 || value >= n) issues.push({ key: path, code: 'index-range', detail: `0–${n - 1}` });
      else out[key] = value;
      continue;
    }
    if (!Array.isArray(value) || !value.every(isIndex)) {
      issues.push({ key: path, code: 'type', detail: 'array of integers' });
    } else if (value.length === 0) {
      issues.push({ key: path, code: 'empty-selection' });
    } else if (value.some((i) => i < 0 || i >= n)) {
      issues.push({ key: path, code: 'index-range', detail: `0–${n - 1}` });
    } else if (new Set(value).size !== value.length) {
      issues.push({ key: path, code: 'duplicate-index' });
    } else if (value.includes(q.noneOption ?? 0) && value.length > 1) {
      issues.push({ key: path, code: 'none-mixed' });
    } else out[key] = [...value].sort((a, b) => a - b);
  }
  return out;
}

/**
 * A checklist rubric's answers: item id → true (met) / false (not met). Stored in the same `answers`
 * key as the weighted rubric's option indices; the file's `rubric` says which shape applies.
 */
function validateChecklistAnswers(raw: unknown, rubric: ChecklistRubric, issues: FileIssue[]): ChecklistAnswers {
  const out: ChecklistAnswers = {};
  if (raw === undefined) return {};
  if (!isPlainObject(raw)) {
    issues.push({ key: 'answers', code: 'type', detail: 'object' });
    return {};
  }
  const ids = new Set(checklistItems(rubric).map((p) => p.item.id));
  for (const [key, value] of Object.entries(raw)) {
    const path = `answers.${keyPart(key)}`;
    if (!ids.has(key)) issues.push({ key: path, code: 'unknown-key' });
    else if (typeof value !== 'boolean') issues.push({ key: path, code: 'type', detail: 'true or false' });
    else out[key] = value;
  }
  return out;
}

/** A checklist rubric has no scenarios: the key may be absent or empty. */
function validateNoScenarios(raw: unknown, issues: FileIssue[]): Record<string, ScenarioChecks> {
  if (raw === undefined) return {};
  if (!isPlainObject(raw)) issues.push({ key: 'scenarios', code: 'type', detail: 'object' });
  else for (const key of Object.keys(raw)) issues.push({ key: `scenarios.${keyPart(key)}`, code: 'unknown-key' });
  return {};
}

function validateScenarios(raw: unknown, rubric: WeightedRubric, issues: FileIssue[]): Record<string, ScenarioChecks> {
  const out: Record<string, ScenarioChecks> = {};
  if (raw === undefined) return out;
  if (!isPlainObject(raw)) {
    issues.push({ key: 'scenarios', code: 'type', detail: 'object' });
    return out;
  }
  const ids = new Set(allScenarios(rubric).map((s) => s.id));
  for (const [key, value] of Object.entries(raw)) {
    const path = `scenarios.${keyPart(key)}`;
    if (!ids.has(key)) issues.push({ key: path, code: 'unknown-key' });
    else if (!Array.isArray(value) || value.length !== 4 || !value.every((b) => typeof b === 'boolean'))
      issues.push({ key: path, code: 'scenario-shape' });
    else out[key] = [value[0] === true, value[1] === true, value[2] === true, value[3] === true];
  }
  return out;
}

/**
 * The error of a file with these issues: its message the first in English (describeIssue) with a count of the
 * others, led by the file's name when one is given.
 */
export function assessmentFileError(issues: FileIssue[], file = ''): AssessmentFileError {
  const first = issues[0] ? describeIssue(issues[0]) : 'invalid';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return new AssessmentFileError(`${file ? `${file}: ` : ''}${first}${more}`, issues, file);
}

/** English one-line description of an issue, for the CLI and logs (the UI translates `code`). */
export function describeIssue(issue: FileIssue): string {
  const d = issue.detail;
  const text: Record<FileErrorCode, string> = {
    'too-large': `file larger than ${d} characters`,
    'invalid-json': `not valid JSON${issue.json ? `: ${describeJsonError(issue.json)}` : ''}`,
    'not-object': 'the file must hold one JSON object',
    format: `format must be "${FILE_FORMAT}", got ${d}`,
    version: `unsupported format version ${d} (expected ${FILE_VERSION})`,
    'unknown-rubric': `unknown rubric ${d}`,
    type: `wrong type, expected ${d}`,
    'unknown-key': 'unknown key',
    'index-range': `option index out of range (${d})`,
    'empty-selection': 'empty selection (use [0] for 「无」)',
    'none-mixed': '「无」 (index 0) mixed with other options',
    'duplicate-index': 'duplicate option index',
    'scenario-shape': 'must be an array of four booleans',
    'unknown-id': `unknown id ${d}`,
    'too-long': `text longer than ${d} characters`,
    'too-deep': `nested deeper than ${d} levels`,
  };
  return `${issue.key}: ${text[issue.code]}`;
}
