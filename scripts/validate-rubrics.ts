/**
 * `npm run validate-rubrics`: checks every rubric folder against the schema its `model` declares and
 * prints file, path and problem for each issue.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { parseRubric } from '../src/domain/rubric/load';
import { ChecklistRubric } from '../src/domain/rubric/checklist-schema';

const root = join(import.meta.dirname, '..', 'rubrics');
let failures = 0;
for (const dir of readdirSync(root, { withFileTypes: true })) {
  const rel = `rubrics/${dir.name}/rubric.json`;
  const file = join(root, dir.name, 'rubric.json');
  if (!dir.isDirectory() || !existsSync(file)) continue;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    failures++;
    console.log(`FAIL ${rel} (root): not valid JSON: ${(e as Error).message}`);
    continue;
  }
  const model = (data as { model?: unknown }).model;
  let problems: { path: string; message: string }[];
  if (model === 'weighted-scenarios') {
    const r = parseRubric(data, rel);
    problems = r.ok ? [] : r.issues;
  } else if (model === 'required-checklist') {
    const r = v.safeParse(ChecklistRubric, data);
    problems = r.success ? [] : r.issues.map((i) => ({ path: v.getDotPath(i) ?? '(root)', message: i.message }));
  } else problems = [{ path: 'model', message: `unknown model ${JSON.stringify(model)}` }];
  if (problems.length) {
    failures++;
    for (const p of problems) console.log(`FAIL ${rel} ${p.path}: ${p.message}`);
  } else console.log(`ok   ${rel} (${String(model)})`);
}
process.exit(failures ? 1 : 0);
