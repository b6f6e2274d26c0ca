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
import { throwIssues, type DataErrorClass, type DataIssue } from './data-error-classes';

export * from './data-error-classes';

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
