/**
 * `npm run validate-rubrics`: checks every registered rubric folder (src/domain/rubric/registry.ts) file by
 * file as its manifest names them — the rubric against the schema its `model` declares, then its cost
 * model, review data and mapping against the rubric — and prints file, path and problem for each issue.
 * A folder under rubrics/ with a manifest or a rubric that is not registered fails too.
 */
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { RUBRIC_IDS, isRegistered, loadRubric, readRubricFile, rubricFile } from '../src/domain/rubric/registry';
import { checkManifest, type RubricManifest } from '../src/domain/rubric/manifest';
import { checkAnyRubric } from '../src/domain/rubric/parse-any';
import { rubricParts } from '../src/domain/rubric/parts';
import type { WeightedRubric } from '../src/domain/rubric/schema';
import type { ChecklistRubric } from '../src/domain/rubric/checklist-schema';

type Problem = { path: string; message: string };

let failures = 0;
function report(file: string, problems: Problem[], what = '') {
  if (problems.length) {
    failures++;
    for (const p of problems) console.log(`FAIL ${file} ${p.path}: ${p.message}`);
  } else console.log(`ok   ${file}${what ? ` (${what})` : ''}`);
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The file's data, or undefined after reporting that it cannot be read (missing, not JSON). */
async function read(id: string, name: string): Promise<unknown> {
  try {
    return await readRubricFile(id, name);
  } catch (e) {
    report(rubricFile(id, name), [{ path: '(root)', message: `cannot read: ${messageOf(e)}` }]);
    return undefined;
  }
}

async function checkParts(id: string, m: RubricManifest, rubric: WeightedRubric | ChecklistRubric) {
  // a checklist's mapping is checked against the weighted rubric it reads onto, which must load first
  let onto: WeightedRubric | undefined;
  if (m.model === 'required-checklist' && m.mapping) {
    const file = rubricFile(id, m.mapping.file);
    try {
      const loaded = await loadRubric(m.mapping.onto);
      if (loaded?.model !== 'weighted-scenarios')
        return report(file, [{ path: '(root)', message: `${m.mapping.onto} is not a registered weighted rubric` }]);
      onto = loaded;
    } catch (e) {
      return report(file, [{ path: '(root)', message: `${m.mapping.onto} does not load: ${messageOf(e)}` }]);
    }
  }
  for (const part of rubricParts(m, rubric, onto)) {
    const data = await read(id, part.name);
    if (data !== undefined) report(rubricFile(id, part.name), part.check(data, rubricFile(id, part.name)));
  }
}

for (const id of RUBRIC_IDS) {
  const data = await read(id, 'manifest.json');
  if (data === undefined) continue;
  const manifest = checkManifest(data, id);
  report(rubricFile(id, 'manifest.json'), manifest.ok ? [] : manifest.issues);
  if (!manifest.ok) continue;
  const m = manifest.manifest;
  const rubricData = await read(id, m.rubric);
  if (rubricData === undefined) continue;
  const rubric = checkAnyRubric(rubricData, rubricFile(id, m.rubric), m);
  report(rubricFile(id, m.rubric), rubric.ok ? [] : rubric.issues, m.model);
  if (rubric.ok) await checkParts(id, m, rubric.rubric);
}

// a folder that is not registered would be silently left out of the app and the CLI
const root = join(import.meta.dirname, '..', 'rubrics');
for (const dir of readdirSync(root, { withFileTypes: true })) {
  if (!dir.isDirectory() || isRegistered(dir.name)) continue;
  const found = ['manifest.json', 'rubric.json'].find((f) => existsSync(join(root, dir.name, f)));
  if (found)
    report(`rubrics/${dir.name}/${found}`, [
      { path: '(root)', message: 'not registered: add its line to src/domain/rubric/registry.ts' },
    ]);
}
process.exit(failures ? 1 : 0);
