/**
 * Validates a rubric folder's manifest and its rubric by the schema the `model` declares. Loaded with the
 * first rubric (own chunk), so the first screen does not carry the schemas.
 */
import { ChecklistRubricShape, checklistCrossCheck } from './checklist-schema';
import { parseRubric, type RubricIssue } from './load';
import { RubricError, checkWith, throwIssues } from '../data-error';
import { checkManifest, type RubricManifest } from './manifest';
import type { AnyRubric, RubricModel } from './registry';
import { parseCostModel as parseCosts, type CostModel } from '../planner/cost-model';

type Checked = { ok: true; rubric: AnyRubric } | { ok: false; issues: RubricIssue[] };

/** The one place that maps a rubric `model` to its validation (schema plus cross-checks). */
const MODELS: Record<RubricModel, (data: unknown, file: string) => Checked> = {
  'weighted-scenarios': (data, file) => parseRubric(data, file),
  'required-checklist': (data, file) => {
    const checked = checkWith(ChecklistRubricShape, data, checklistCrossCheck);
    return checked.ok
      ? { ok: true, rubric: checked.value }
      : { ok: false, issues: checked.issues.map((i) => ({ file, ...i })) };
  },
};

const isModel = (m: unknown): m is RubricModel => typeof m === 'string' && Object.hasOwn(MODELS, m);

/**
 * Every problem of a rubric's data: by the schema of its `model` (the manifest's, when given: the file
 * must declare the same model and id). [] when sound.
 */
export function checkAnyRubric(data: unknown, file: string, manifest?: RubricManifest): Checked {
  const model = (data as { model?: unknown } | null)?.model;
  const id = (data as { id?: unknown } | null)?.id;
  if (!isModel(model))
    return { ok: false, issues: [{ file, path: 'model', message: `unknown model ${JSON.stringify(model)}` }] };
  if (manifest && model !== manifest.model)
    return {
      ok: false,
      issues: [{ file, path: 'model', message: `"${model}" but the manifest says "${manifest.model}"` }],
    };
  if (manifest && id !== manifest.id)
    return {
      ok: false,
      issues: [{ file, path: 'id', message: `${JSON.stringify(id)} but the manifest says "${manifest.id}"` }],
    };
  return MODELS[model](data, file);
}

/** The rubric, validated; throws RubricError naming file, path and problem (all issues in `issues`). */
export function parseAnyRubric(data: unknown, file: string, manifest?: RubricManifest): AnyRubric {
  const result = checkAnyRubric(data, file, manifest);
  if (!result.ok) throwIssues(file, result.issues, RubricError);
  return result.rubric;
}

/** The manifest of registry entry `id`, validated; throws RubricError naming file, path and problem. */
export function parseManifest(data: unknown, id: string, file: string): RubricManifest {
  const result = checkManifest(data, id);
  if (!result.ok)
    throwIssues(
      file,
      result.issues.map((i) => ({ file, ...i })),
      RubricError,
    );
  return result.manifest;
}

/** The cost model checked against its rubric; the PlannerError names the file. */
export function parseCostModel(data: unknown, rubric: WeightedRubricOf, file: string): CostModel {
  return parseCosts(data, rubric, file);
}

type WeightedRubricOf = Extract<AnyRubric, { model: 'weighted-scenarios' }>;
