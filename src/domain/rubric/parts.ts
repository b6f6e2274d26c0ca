/**
 * The files of a rubric folder besides the rubric (cost model, evidence guidance, consistency rules, mapping),
 * each with the check the app applies when it loads it: one table by `model`, so a validator walks a folder
 * without a switch of its own (scripts/validate-rubrics.ts). Not in the app's bundle: the app loads each part
 * where it is used.
 */
import type { RubricManifest } from './manifest';
import type { AnyRubric, RubricModel } from './registry';
import type { WeightedRubric } from './schema';
import type { ChecklistRubric } from './checklist-schema';
import { DataError, type DataIssue } from '../data-error';
import { parseCostModel } from '../planner/cost-model';
import { parseChecklistMapping } from '../planner/checklist-plan';
import { evidenceGuidanceIssues } from '../review/evidence-schema';
import { consistencyRulesIssues } from '../review/consistency-schema';

export interface RubricPart {
  /** The file name inside the rubric folder, as the manifest names it. */
  name: string;
  /** Every problem of the file's data, [] when it loads. */
  check: (data: unknown, file: string) => DataIssue[];
}

/** What a part's parse function threw, as issues (a crash that is not a DataError is not the data's fault). */
function issuesThrown(parse: () => unknown): DataIssue[] {
  try {
    parse();
    return [];
  } catch (e) {
    if (e instanceof DataError) return e.issues.length ? e.issues : [{ path: '(root)', message: e.message }];
    throw e;
  }
}

type Parts<M extends RubricModel> = (
  manifest: Extract<RubricManifest, { model: M }>,
  rubric: Extract<AnyRubric, { model: M }>,
  onto?: WeightedRubric,
) => RubricPart[];

const PARTS: { [M in RubricModel]: Parts<M> } = {
  'weighted-scenarios': (m, rubric) => [
    { name: m.costs, check: (data, file) => issuesThrown(() => parseCostModel(data, rubric, file)) },
    ...(m.evidence ? [{ name: m.evidence, check: (data: unknown) => evidenceGuidanceIssues(data, rubric) }] : []),
    ...(m.consistency ? [{ name: m.consistency, check: (data: unknown) => consistencyRulesIssues(data, rubric) }] : []),
  ],
  'required-checklist': (m, rubric: ChecklistRubric, onto) =>
    m.mapping && onto
      ? [
          {
            name: m.mapping.file,
            check: (data) => {
              const parsed = parseChecklistMapping(data, onto, rubric);
              return parsed.ok ? [] : parsed.issues;
            },
          },
        ]
      : [],
};

/**
 * The parts of a rubric folder with their checks; `onto` is the weighted rubric a checklist's mapping reads
 * onto (loaded by the caller: without it, the mapping is not listed). [] when manifest and rubric disagree.
 */
export function rubricParts(manifest: RubricManifest, rubric: AnyRubric, onto?: WeightedRubric): RubricPart[] {
  if (manifest.model !== rubric.model) return [];
  return (PARTS[manifest.model] as Parts<RubricModel>)(manifest as never, rubric as never, onto);
}
