import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const fixture = join(root, 'test/fixtures/valid-level3.json');
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'digilevel-cli-'));
});

function run(file: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/score.ts', file], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
function write(name: string, content: string) {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const mutated = (fn: (d: any) => void) => {
  const d = JSON.parse(readFileSync(fixture, 'utf8'));
  fn(d);
  return JSON.stringify(d);
};

describe('npm run score', () => {
  it('prints the result JSON for a valid file and exits 0', () => {
    const out = execFileSync('npm', ['run', '--silent', 'score', '--', fixture], { cwd: root, encoding: 'utf8' });
    // 8 + 6 + 6 + 10 + 10 + 5 + 5 + 7 + 3 = 60; 8 scenarios at level 3, 5 constraint → level 3
    expect(JSON.parse(out)).toEqual({
      rubric: 'cn-sme-2024',
      score: 60,
      level: 3,
      complete: true,
      scenarioLevels: {
        'product-design': 3,
        'process-design': 3,
        marketing: 3,
        'after-sales': 3,
        planning: 3,
        production: 3,
        quality: 4,
        equipment: 3,
        safety: 0,
        energy: 0,
        procurement: 0,
        warehousing: 0,
        finance: 0,
        hr: 1,
        collaboration: 0,
        decision: 0,
      },
    });
  });

  it('reports an incomplete file and rounds the score to 2 decimals', () => {
    const r = run(
      write(
        'partial.json',
        JSON.stringify({
          format: 'sme-digital-assessment',
          version: 1,
          rubric: 'cn-sme-2024',
          answers: { q4: [1, 2, 3] },
        }),
      ),
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ score: 2.14, level: 0, complete: false });
  });

  it.each([
    ['invalid JSON', '{ "format": ', '(file)'],
    ['unknown rubric', mutated((d) => (d.rubric = 'xx')), 'rubric'],
    ['unknown version', mutated((d) => (d.version = 3)), 'version'],
    ['index out of range', mutated((d) => (d.answers.q3 = 9)), 'answers.q3'],
    ['「无」 mixed', mutated((d) => (d.answers.q9 = [0, 1])), 'answers.q9'],
    ['duplicates', mutated((d) => (d.answers.q10 = [2, 2])), 'answers.q10'],
    ['wrong type', mutated((d) => (d.answers.q5 = 'all')), 'answers.q5'],
    ['scenario not four booleans', mutated((d) => (d.scenarios.finance = [true, true])), 'scenarios.finance'],
  ])('rejects %s: one line naming file and key, exit 2, nothing on stdout', (name, content, key) => {
    const file = write(`${name.replace(/\W+/g, '-')}.json`, content);
    const r = run(file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain(key);
  });

  it('exits 2 for a missing file', () => {
    const r = run(join(dir, 'nope.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nope.json');
  });
});

describe('npm run score on a 晨星工厂 (checklist) file', () => {
  const checklistFixture = join(root, 'test/fixtures/chenxing-level2.json');
  it('prints the checklist level and the items missing for the next level', () => {
    const r = run(checklistFixture);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ rubric: 'sd-chenxing-2022', level: 2, complete: true, met: 31, items: 79 });
    expect(out.missingForNext['top-level-planning']).toContain('lean-production-logistics');
  });

  it('rejects a non-boolean checklist answer with exit 2 and the key', () => {
    const d = JSON.parse(readFileSync(checklistFixture, 'utf8'));
    d.answers['lean-factory-layout'] = 'yes';
    const r = run(write('checklist-bad.json', JSON.stringify(d)));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('answers.lean-factory-layout');
  });
});
