/** Checks every rubric folder against the schema; prints file, path and problem for each issue. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseRubric } from '../src/domain/rubric/load';

const root = join(import.meta.dirname, '..', 'rubrics');
let failures = 0;
for (const dir of readdirSync(root, { withFileTypes: true })) {
  const file = join(root, dir.name, 'rubric.json');
  if (!dir.isDirectory() || !existsSync(file)) continue;
  const result = parseRubric(JSON.parse(readFileSync(file, 'utf8')), `rubrics/${dir.name}/rubric.json`);
  if (result.ok) {
    console.log(`ok   rubrics/${dir.name}/rubric.json`);
  } else {
    failures++;
    for (const issue of result.issues) console.log(`FAIL ${issue.file} ${issue.path}: ${issue.message}`);
  }
}
process.exit(failures ? 1 : 0);
