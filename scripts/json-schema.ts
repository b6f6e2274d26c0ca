/**
 * Writes JSON Schemas of both rubric kinds and of the rubric folder's manifest, generated from the valibot schemas the app validates with,
 * for rubric authors' editors (docs/rubric-format.md). `--check` fails when the committed files differ.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { toJsonSchema } from '@valibot/to-json-schema';
import { WeightedRubric } from '../src/domain/rubric/schema';
import { ChecklistRubric } from '../src/domain/rubric/checklist-schema';
import { RubricManifest } from '../src/domain/rubric/manifest';

const dir = join(import.meta.dirname, '..', 'docs', 'schema');
const outputs = {
  'weighted-rubric.schema.json': WeightedRubric,
  'checklist-rubric.schema.json': ChecklistRubric,
  'rubric-manifest.schema.json': RubricManifest,
};

export function generate(): Record<string, string> {
  // errorMode 'ignore': cross-field checks (weights sum to 100, ids unique…) have no JSON Schema form;
  // validate-rubrics still runs them.
  return Object.fromEntries(
    Object.entries(outputs).map(([file, schema]) => [
      file,
      JSON.stringify({ $id: file, ...toJsonSchema(schema, { errorMode: 'ignore' }) }, null, 2) + '\n',
    ]),
  );
}

if (process.argv[1]?.endsWith('json-schema.ts')) {
  const check = process.argv.includes('--check');
  mkdirSync(dir, { recursive: true });
  let stale = 0;
  for (const [file, text] of Object.entries(generate())) {
    const path = join(dir, file);
    if (check) {
      let current = '';
      try {
        current = readFileSync(path, 'utf8');
      } catch {
        // missing counts as stale
      }
      if (current !== text) {
        stale++;
        console.log(`stale: docs/schema/${file} (run npm run json-schema)`);
      }
    } else {
      writeFileSync(path, text);
      console.log(`wrote docs/schema/${file}`);
    }
  }
  process.exit(stale ? 1 : 0);
}
