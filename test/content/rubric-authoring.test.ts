import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { generate } from '../../scripts/json-schema';

const root = join(import.meta.dirname, '..', '..');

describe('rubric authoring', () => {
  it('commits JSON Schemas identical to the ones generated from the validation schemas', () => {
    for (const [file, text] of Object.entries(generate())) {
      expect(
        readFileSync(join(root, 'docs/schema', file), 'utf8'),
        `docs/schema/${file} is stale: npm run json-schema`,
      ).toBe(text);
    }
  });

  it('validate-rubrics passes on every bundled rubric and names file, path and problem on a bad one', () => {
    const ok = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate-rubrics.ts'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('ok   rubrics/cn-sme-2024/rubric.json (weighted-scenarios)');
    expect(ok.stdout).toContain('ok   rubrics/sd-chenxing-2022/rubric.json (required-checklist)');
  });
});
