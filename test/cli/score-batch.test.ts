/**
 * The batch scorer as the shared spec states it ("Scoring many files"): exact JSON Lines and CSV for a
 * tree of valid, invalid and checklist files, code-point order, exit codes, and a 10,000-file tree whose
 * memory stays bounded. Each case starts one Node process (tsx), so the cases are few and each says a lot.
 */
import { describe, expect, it, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateTree } from '../../scripts/bench/cli-batch';

const root = join(import.meta.dirname, '..', '..');
const fixture = join(root, 'test/fixtures/valid-level3.json');
const checklist = join(root, 'test/fixtures/chenxing-level2.json');
const CLI_TIMEOUT = 90_000;
/** tsx as `--import tsx` would find it from the project, whatever the working directory. */
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
let dir: string;

/** `node --import tsx scripts/score.ts ARGS` run from `cwd`, so paths in the output are as given. */
function score(args: string[], cwd = dir, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, '--import', tsx, join(root, 'scripts/score.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 1 << 28,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const VALID_LINE =
  '"rubric":"cn-sme-2024","score":60,"level":3,"complete":true,"scenarioLevels":{"product-design":3,' +
  '"process-design":3,"marketing":3,"after-sales":3,"planning":3,"production":3,"quality":4,"equipment":3,' +
  '"safety":0,"energy":0,"procurement":0,"warehousing":0,"finance":0,"hr":1,"collaboration":0,"decision":0}}';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'digilevel-batch-'));
  const tree = join(dir, 'tree');
  mkdirSync(join(tree, 'sub', 'deeper'), { recursive: true });
  mkdirSync(join(tree, 'a'));
  const valid = JSON.parse(readFileSync(fixture, 'utf8'));
  writeFileSync(join(tree, 'valid.json'), JSON.stringify(valid));
  // a name with a comma, a quote and a line break: the CSV must quote it
  writeFileSync(join(tree, 'a.json'), JSON.stringify({ ...valid, profile: { ...valid.profile, name: 'A, "B"\nC' } }));
  writeFileSync(join(tree, 'a', 'inner.json'), readFileSync(checklist));
  writeFileSync(join(tree, 'sub', 'broken.json'), '{"format": ');
  writeFileSync(join(tree, 'sub', 'deeper', 'bad-answer.json'), JSON.stringify({ ...valid, answers: { q2: 9 } }));
  writeFileSync(join(tree, 'sub', 'notes.txt'), 'not an assessment');
  writeFileSync(join(tree, 'README.md'), '# not an assessment');
  symlinkSync(tree, join(tree, 'sub', 'loop')); // a link back up must not be followed
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run score on many files (shared spec, "Scoring many files")', { timeout: CLI_TIMEOUT }, () => {
  it('prints one JSON Line per *.json file below a directory, in code-point order of the paths, exit 2', () => {
    const r = score(['tree', 'missing.json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(
      [
        '{"file":"missing.json","error":"cannot read file (ENOENT)"}',
        `{"file":"tree/a.json",${VALID_LINE}`,
        '{"file":"tree/a/inner.json","rubric":"sd-chenxing-2022","level":2,"complete":true,"met":31,"items":79,' +
          `"missingForNext":${JSON.stringify(JSON.parse(score([checklist], root).stdout).missingForNext)}}`,
        '{"file":"tree/sub/broken.json","error":"(file): not valid JSON: the text ends too early near line 1 column 12"}',
        '{"file":"tree/sub/deeper/bad-answer.json","error":"answers.q2: option index out of range (0–4)"}',
        `{"file":"tree/valid.json",${VALID_LINE}`,
      ].join('\n') + '\n',
    );
    // non-JSON files (and the link back up, never followed) are skipped, and the CLI says how many
    expect(r.stderr).toBe('skipped 3 file(s) not named *.json\n');
  });

  it('prints the CSV table with the spec columns, RFC 4180 quoting and empty cells that do not apply', () => {
    const r = score(['--csv', 'tree/valid.json', 'tree/a.json', 'tree/a/inner.json', 'tree/sub/broken.json']);
    expect(r.code).toBe(2);
    const levels = '3,3,3,3,3,3,4,3,0,0,0,0,0,1,0,0';
    expect(r.stdout).toBe(
      [
        'file,rubric,name,industry,size,year,score,level,complete,error,product-design,process-design,marketing,' +
          'after-sales,planning,production,quality,equipment,safety,energy,procurement,warehousing,finance,hr,' +
          'collaboration,decision',
        `tree/a.json,cn-sme-2024,"A, ""B""\nC",food-beverage,above-scale,2026,60,3,true,,${levels}`,
        'tree/a/inner.json,sd-chenxing-2022,示例电气,electrical,,,,2,true,' + ','.repeat(16),
        'tree/sub/broken.json,,,,,,,,,(file): not valid JSON: the text ends too early near line 1 column 12' +
          ','.repeat(16),
        `tree/valid.json,cn-sme-2024,示例食品有限公司,food-beverage,above-scale,2026,60,3,true,,${levels}`,
      ].join('\n') + '\n',
    );
  });

  it('exits 0 when every file is valid, with --csv after the paths; one file stays the single-file output', () => {
    const r = score(['tree/valid.json', 'tree/a/inner.json', '--csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(3);
    const one = score(['tree/valid.json']);
    expect(one.code).toBe(0);
    expect(one.stdout).toBe(`{${VALID_LINE}\n`);
  });

  it('orders by code point, not by UTF-16 unit (U+FF01 before U+1D49C)', () => {
    const d = join(dir, 'order');
    mkdirSync(d);
    for (const name of ['\u{1D49C}.json', '\uFF01.json', 'B.json', 'a.json', 'é.json'])
      writeFileSync(join(d, name), readFileSync(fixture));
    const files = score(['order'])
      .stdout.split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l).file);
    expect(files).toEqual([
      'order/B.json',
      'order/a.json',
      'order/é.json',
      'order/\uFF01.json',
      'order/\u{1D49C}.json',
    ]);
  });

  it('prints a usage line and exits 2 when no path is given', () => {
    const r = score(['--csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^usage: .*PATH/);
  });

  it('scores a 10,000-file tree in one process with bounded memory: every file a line, invalid ones included', () => {
    const big = join(dir, 'big');
    generateTree(big, 10_000, fixture);
    // a 40 MB old generation: enough for one file at a time, too little for 10,000 parsed files held at once
    const r = score(['big'], dir, ['--max-old-space-size=40']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(10_000);
    expect(lines.filter((l) => l.includes('"error"'))).toHaveLength(200);
    expect(new Set(lines.map((l) => JSON.parse(l).file)).size).toBe(10_000);
  });
});
