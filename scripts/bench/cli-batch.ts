/**
 * The batch CLI's figures (issue "Many files"): wall time and peak resident memory of one
 * `score DIR` process over generated trees of 10,000 and 100,000 files (1 in 50 invalid, as real
 * folders hold broken files). Memory should stay flat: the CLI keeps the list of paths and one file.
 * BENCH_BATCH_LARGE=0 skips the 100,000-file tree (about 400 MB of small files on disk).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BatchRun {
  files: number;
  ms: number;
  peakRssKb: number;
  lines: number;
  invalidLines: number;
  exitCode: number | null;
}

/** Writes `count` assessment files under `dir` in 100 folders: varied answers, every 50th one broken. */
export function generateTree(dir: string, count: number, fixture: string): void {
  const base = JSON.parse(readFileSync(fixture, 'utf8'));
  for (let i = 0; i < count; i++) {
    const sub = join(dir, `group-${String(i % 100).padStart(2, '0')}`);
    if (i < 100) mkdirSync(sub, { recursive: true });
    const file = join(sub, `enterprise-${String(i).padStart(6, '0')}.json`);
    if (i % 50 === 49) {
      writeFileSync(file, '{"format": "sme-digital-assessment", "version": 1, ');
      continue;
    }
    base.answers.q2 = i % 5;
    base.answers.q11 = (i >> 3) % 5;
    base.profile.name = `企业 ${i}`;
    writeFileSync(file, JSON.stringify(base));
  }
}

export function runBatch(root: string, dir: string, files: number): BatchRun {
  const probeDir = mkdtempSync(join(tmpdir(), 'digilevel-bench-rss-'));
  const probe = join(probeDir, 'rss.mjs');
  const out = join(probeDir, 'rss.txt');
  writeFileSync(
    probe,
    "import { writeFileSync } from 'node:fs';\n" +
      "process.on('exit', () => writeFileSync(process.env.RSS_OUT, String(process.resourceUsage().maxRSS)));\n",
  );
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', probe, '--import', 'tsx', 'scripts/score.ts', dir], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, RSS_OUT: out },
  });
  const ms = Math.round(performance.now() - started);
  const lines = r.stdout.split('\n').filter(Boolean);
  const peakRssKb = Number(readFileSync(out, 'utf8'));
  rmSync(probeDir, { recursive: true, force: true });
  return {
    files,
    ms,
    peakRssKb,
    lines: lines.length,
    invalidLines: lines.filter((l) => l.includes('"error"')).length,
    exitCode: r.status,
  };
}

/** Generates each tree, scores it once, deletes it. */
export function measureBatchCli(root: string, fixture: string, log: (m: string) => void): BatchRun[] {
  const sizes = process.env.BENCH_BATCH_LARGE === '0' ? [10_000] : [10_000, 100_000];
  const runs: BatchRun[] = [];
  for (const files of sizes) {
    const dir = mkdtempSync(join(tmpdir(), 'digilevel-bench-batch-'));
    try {
      log(`batch CLI: generating ${files} files`);
      generateTree(dir, files, fixture);
      const run = runBatch(root, dir, files);
      log(`batch CLI: ${files} files in ${run.ms} ms, peak RSS ${Math.round(run.peakRssKb / 1024)} MB`);
      runs.push(run);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return runs;
}
