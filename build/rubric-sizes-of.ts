/**
 * The sizes of the rubric folders under a root (items and scenarios of each weighted rubric), each manifest and
 * rubric checked as the browser checks them when they load: a broken rubric throws a RubricError naming its file,
 * path and problem. Run by build/rubric-sizes.ts through Vite's module runner, since it reads the domain's code.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAnyRubric, parseManifest } from '../src/domain/rubric/parse-any';
import { DEFAULT_RUBRIC } from '../src/domain/rubric/default-rubric';
import { minutesFor, rubricSize, type RubricSize } from '../src/domain/owner/estimate';

/** Every folder of `root` with a manifest: the bundled rubrics (the registry lists the same folders). */
export function rubricFolders(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'manifest.json')))
    .map((d) => d.name)
    .sort();
}

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

export interface RubricSizes {
  /** Each weighted rubric's size by id. */
  sizes: Record<string, RubricSize>;
  /** The minutes a new assessment of the default rubric takes, as home's start button says them. */
  newAssessmentMinutes: number;
}

export function rubricSizesOf(root: string): RubricSizes {
  const sizes: Record<string, RubricSize> = {};
  for (const id of rubricFolders(root)) {
    const manifest = parseManifest(readJson(join(root, id, 'manifest.json')), id, `rubrics/${id}/manifest.json`);
    if (manifest.model !== 'weighted-scenarios') continue;
    const file = `rubrics/${id}/${manifest.rubric}`;
    const rubric = parseAnyRubric(readJson(join(root, id, manifest.rubric)), file, manifest);
    if (rubric.model === 'weighted-scenarios') sizes[id] = rubricSize(rubric);
  }
  const size = sizes[DEFAULT_RUBRIC];
  if (!size) throw new Error(`no weighted rubric ${DEFAULT_RUBRIC} (the default) in ${root}`);
  return { sizes, newAssessmentMinutes: minutesFor(size.questions, size.scenarios) };
}
