/**
 * The one shape of "this data file is wrong" (rubrics, manifests, cost models, mappings, guides, evidence
 * guidance, consistency rules, effect indicators) and of the domain's refusals of data that does not fit
 * (roadmap, planner, compare): a code saying what kind of data, the file, and every issue with its path.
 * The message names the file and the first issue, so a log line or a test shows where to look; tools that
 * list every problem (validate-rubrics) read `issues`.
 *
 * Validation is always the same two steps, written once here: the valibot schema, then (only if the
 * schema passed) the cross-checks a schema cannot express, as a function returning issues.
 */
import * as v from 'valibot';

export interface DataIssue {
  /** Dotted path inside the file, '(root)' for the whole file. */
  path: string;
  message: string;
  /** Set where issues of several files travel together (a rubric folder). */
  file?: string;
}

export type DataErrorCode = 'data' | 'rubric' | 'guide' | 'planner' | 'indicators' | 'roadmap' | 'review' | 'compare';

/** "file path: message" of the first issue ('(root)' when there is none). */
export function describeDataIssues(file: string, issues: readonly DataIssue[]): string {
  const first = issues[0];
  const where = [first?.file ?? file, first?.path].filter(Boolean).join(' ');
  return `${where}: ${first?.message ?? 'invalid'}`;
}

export class DataError extends Error {
  readonly code: DataErrorCode = 'data';
  constructor(
    message: string,
    readonly issues: DataIssue[] = [],
    readonly file = '',
  ) {
    super(message);
    this.name = 'DataError';
  }
}

/** A DataError subclass: what the callers catch or test by name (`instanceof PlannerError`). */
type DataErrorClass = new (message: string, issues?: DataIssue[], file?: string) => DataError;

const kind = (code: DataErrorCode, name: string): DataErrorClass =>
  class extends DataError {
    override readonly code = code;
    constructor(message: string, issues: DataIssue[] = [], file = '') {
      super(message, issues, file);
      this.name = name;
    }
  };

/** A bundled rubric or its manifest failed validation, or a rubric id is not registered. */
export const RubricError = kind('rubric', 'RubricError');
/** An industry guide failed validation or does not fit the rubric it is applied to. */
export const GuideError = kind('guide', 'GuideError');
/** A cost model or mapping failed validation, or a plan cannot be made from the data given. */
export const PlannerError = kind('planner', 'PlannerError');
/** rubrics/effect-indicators.json failed validation. */
export const IndicatorDataError = kind('indicators', 'IndicatorDataError');
/** A guide's actions cannot be ordered into a roadmap (duplicate ids, unknown references, cycles). */
export const RoadmapError = kind('roadmap', 'RoadmapError');
/** Evidence guidance or consistency rules failed validation against their rubric. */
export const ReviewDataError = kind('review', 'ReviewDataError');
/** Two assessments cannot be compared (different rubrics). */
export const CompareError = kind('compare', 'CompareError');
export type RubricError = DataError;
export type GuideError = DataError;
export type PlannerError = DataError;
export type IndicatorDataError = DataError;
export type RoadmapError = DataError;
export type ReviewDataError = DataError;
export type CompareError = DataError;

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: DataIssue[] };

/** valibot's issues with their dotted paths. */
export const issuesOf = (issues: readonly v.BaseIssue<unknown>[]): DataIssue[] =>
  issues.map((i) => ({ path: v.getDotPath(i) ?? '(root)', message: i.message }));

/** The schema, then the cross-checks on what it accepted: every issue, or the typed value. */
export function checkWith<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  crossCheck?: (value: v.InferOutput<S>) => DataIssue[],
): Checked<v.InferOutput<S>> {
  const parsed = v.safeParse(schema, data);
  if (!parsed.success) return { ok: false, issues: issuesOf(parsed.issues) };
  const issues = crossCheck?.(parsed.output) ?? [];
  return issues.length ? { ok: false, issues } : { ok: true, value: parsed.output };
}

/** Throws `error` (DataError by default) for `file`, its message naming the first issue. */
export function throwIssues(file: string, issues: DataIssue[], error: DataErrorClass = DataError): never {
  throw new error(describeDataIssues(file, issues), issues, file);
}

/** checkWith, throwing on a problem: the value, or a DataError (of class `error`) naming file, path and problem. */
export function parseWith<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  file: string,
  options: { crossCheck?: (value: v.InferOutput<S>) => DataIssue[]; error?: DataErrorClass } = {},
): v.InferOutput<S> {
  const checked = checkWith(schema, data, options.crossCheck);
  if (!checked.ok) throwIssues(file, checked.issues, options.error);
  return checked.value;
}

/**
 * The cross-checks as a step of the schema itself, each issue's message led by its path: for a schema that
 * is also used on its own (its tests, the JSON Schema generator), so it rejects what checkWith rejects.
 */
export const crossChecked = <T>(crossCheck: (value: T) => DataIssue[]) =>
  v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    for (const i of crossCheck(dataset.value)) addIssue({ message: `${i.path}: ${i.message}` });
  });
