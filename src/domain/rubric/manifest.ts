/**
 * The manifest of a rubric folder (rubrics/<id>/manifest.json): which files make up the rubric, so the
 * registry needs one line per folder and nothing else names a rubric's files. Every part is a file in
 * the folder; the registry loads each on first use (its own chunk) and validates it against the rubric.
 */
import * as v from 'valibot';
import { IdSchema } from '../ids';
import { checkWith } from '../data-error';

const Id = IdSchema;
/** A JSON file beside the manifest, named without a path (the bundler needs the folder fixed). */
const FileName = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9-]*\.json$/, 'a .json file in the rubric folder, e.g. "rubric.json"'),
);

/** The guide sets a rubric can apply: 'industry' = rubrics/guides/<industry>.json, chosen by the profile. */
export const GUIDE_SETS = ['industry'] as const;

const common = {
  $schema: v.optional(v.string()),
  /** The folder's name and the rubric's `id`. */
  id: Id,
  /** The rubric itself, validated by the schema its `model` declares. */
  rubric: FileName,
  /**
   * Which roadmap guides apply: their question and scenario ids are checked against this rubric (for a
   * checklist, against the rubric its mapping reads onto). Absent: no roadmap for this rubric.
   */
  guides: v.optional(v.picklist(GUIDE_SETS)),
};

export const RubricManifest = v.variant('model', [
  v.strictObject({
    ...common,
    model: v.literal('weighted-scenarios'),
    /** The planner's effort model (planner/cost-model.ts); a weighted rubric is planned with its own. */
    costs: FileName,
    /** Evidence guidance per claim (review/evidence-schema.ts), loaded by the review screens. */
    evidence: v.optional(FileName),
    /** Consistency rules between answers (review/consistency-schema.ts). */
    consistency: v.optional(FileName),
  }),
  v.strictObject({
    ...common,
    model: v.literal('required-checklist'),
    /** The reading of the checklist's items onto a weighted rubric (planner/checklist-plan.ts). */
    mapping: v.optional(v.strictObject({ onto: Id, file: FileName })),
  }),
]);

export type RubricManifest = v.InferOutput<typeof RubricManifest>;

export interface ManifestIssue {
  path: string;
  message: string;
}

/** Validates a manifest read for registry entry `id`; every problem with its path. */
export function checkManifest(
  data: unknown,
  id: string,
): { ok: true; manifest: RubricManifest } | { ok: false; issues: ManifestIssue[] } {
  const checked = checkWith(RubricManifest, data, (m) => manifestCrossCheck(m, id));
  return checked.ok ? { ok: true, manifest: checked.value } : checked;
}

function manifestCrossCheck(m: RubricManifest, id: string): ManifestIssue[] {
  const issues: ManifestIssue[] = [];
  if (m.id !== id) issues.push({ path: 'id', message: `"${m.id}" but the registry lists this folder as "${id}"` });
  if (m.model === 'required-checklist' && m.guides && !m.mapping)
    issues.push({
      path: 'guides',
      message: 'a checklist reaches guides only through a mapping onto a weighted rubric',
    });
  if (m.model === 'required-checklist' && m.mapping?.onto === m.id)
    issues.push({ path: 'mapping.onto', message: 'a checklist cannot map onto itself' });
  return issues;
}

/** The parts a manifest names, part → file name (for validators that check every file). */
export function manifestFiles(m: RubricManifest): Record<string, string> {
  const files: Record<string, string> = { rubric: m.rubric };
  if (m.model === 'weighted-scenarios') {
    files.costs = m.costs;
    if (m.evidence) files.evidence = m.evidence;
    if (m.consistency) files.consistency = m.consistency;
  } else if (m.mapping) files.mapping = m.mapping.file;
  return files;
}
