import { describe, expect, it, beforeAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
const fixture = join(root, 'test/fixtures/valid-level3.json');
/** Each test starts Node with tsx (2–5 s on a busy 2-core machine): far more than vitest's default 5 s. */
const CLI_TIMEOUT = 60_000;
let dir: string;
let rssProbe: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'digilevel-cli-'));
  rssProbe = join(dir, 'rss-probe.mjs');
  writeFileSync(
    rssProbe,
    "import { writeFileSync } from 'node:fs';\n" +
      "process.on('exit', () => writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)));\n",
  );
});

/**
 * Runs the CLI on `file`. The timeout only keeps a hanging CLI (the old one on a FIFO) from hanging the
 * suite: a run that hits it has no exit code and fails the test. `maxRssKb`: the CLI's peak memory, read
 * by a preload module that writes it to a file on exit (stderr stays the CLI's own).
 */
function run(file: string) {
  const rssFile = join(dir, `rss-${Math.random().toString(36).slice(2)}.txt`);
  const r = spawnSync(process.execPath, ['--import', rssProbe, '--import', 'tsx', 'scripts/score.ts', file], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, RSS_OUT: rssFile },
  });
  let maxRssKb = NaN;
  try {
    maxRssKb = Number(readFileSync(rssFile, 'utf8'));
  } catch {
    // killed before exit: no figure
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, maxRssKb };
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

describe('npm run score', { timeout: CLI_TIMEOUT }, () => {
  it('prints the result JSON for a valid file and exits 0', () => {
    const out = execFileSync('npm', ['run', '--silent', 'score', '--', fixture], { cwd: root, encoding: 'utf8' });
    // 8 + 6 + 6 + 10 + 10 + 5 + 5 + 7 + 3 = 60; 8 scenarios at level 3, 5 constraint → level 3
    expect(out).toBe(
      '{"rubric":"cn-sme-2024","score":60,"level":3,"complete":true,"scenarioLevels":{"product-design":3,' +
        '"process-design":3,"marketing":3,"after-sales":3,"planning":3,"production":3,"quality":4,"equipment":3,' +
        '"safety":0,"energy":0,"procurement":0,"warehousing":0,"finance":0,"hr":1,"collaboration":0,"decision":0}}\n',
    );
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

describe(
  'npm run score on pathological input: one line naming the file, exit 2, nothing read that is not needed',
  { timeout: CLI_TIMEOUT },
  () => {
    const expectOneLineError = (r: ReturnType<typeof run>, file: string, why: RegExp) => {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.endsWith('\n')).toBe(true);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.startsWith(`${file}: `)).toBe(true);
      expect(r.stderr).toMatch(why);
    };

    it('refuses a 300 MB (sparse) file by its size, without reading it', () => {
      const file = join(dir, 'huge.json');
      writeFileSync(file, '');
      truncateSync(file, 300 * 1024 * 1024);
      const r = run(file);
      expectOneLineError(r, file, /larger than \d+ bytes/);
      // reading it would take at least 300 MB; the whole CLI (Node, tsx, the rubric) stays far below
      expect(r.maxRssKb).toBeLessThan(250_000);
    });

    it('refuses /dev/zero (endless) as not a regular file', () => {
      expectOneLineError(run('/dev/zero'), '/dev/zero', /not a regular file/);
    });

    it('refuses a FIFO without waiting for a writer', () => {
      const fifo = join(dir, 'pipe.json');
      execFileSync('mkfifo', [fifo]);
      expectOneLineError(run(fifo), fifo, /not a regular file/);
    });

    it('scores a file that starts with a UTF-8 byte order mark (Windows Notepad) like the same file without', () => {
      const text = readFileSync(fixture);
      const file = join(dir, 'bom.json');
      writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), text]));
      const r = run(file);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(run(fixture).stdout);
    });

    it('keeps a parser message on one line, with line and column, when the input around the error has line breaks', () => {
      // V8 quotes the input around an unexpected token, line breaks and all
      const file = write(
        'multiline.json',
        '{\n  "format": "sme-digital-assessment",\n  "version": x,\n\n  "rubric": 1\n}',
      );
      const r = run(file);
      expectOneLineError(r, file, /\(file\): not valid JSON: unexpected character near line 3 column 14$/m);
    });

    it('names a file whose name holds a line break on one line', () => {
      const file = write('two\nlines.json', '{');
      const r = run(file);
      expect(r.code).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(r.stderr.startsWith(`${JSON.stringify(file)}: `)).toBe(true);
    });
  },
);

describe('npm run score on a 晨星工厂 (checklist) file', { timeout: CLI_TIMEOUT }, () => {
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
