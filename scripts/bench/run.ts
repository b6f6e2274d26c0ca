/**
 * `npm run bench`: builds the app, then measures and prints
 *   - first-visit bytes (HTML + CSS + JS, gzip -9) and every lazily loaded chunk and asset;
 *   - in headless Chromium: recompute time of score + planner + roadmap after one answer change (1,000 random
 *     changes), time from navigation to a drawn results screen, time and size of the PDF report;
 *   - Lighthouse performance and accessibility scores (lighthouse is installed into node_modules/.cache if needed);
 *   - through nginx with docs/hosting/nginx.conf, if nginx is installed: first visit with gzip (and brotli when the
 *     module is there), what the service worker precaches, and a repeat visit (nginx.ts).
 * Writes bench/result.json (gitignored). Budgets are reported as pass/fail; the exit code is 0 unless the benchmark
 * itself could not run. Not part of `npm test`.
 *
 * Environment: CHROMIUM_PATH and NGINX_PATH (as the e2e tests), BENCH_OUT_DIR (build somewhere other than dist/),
 * BENCH_CHANGES (default 1000), BENCH_SEED (default 20240601), BENCH_NGINX=0 (skip the nginx figures),
 * BENCH_LIGHTHOUSE=0 (skip Lighthouse), BENCH_BATCH_LARGE=0 (batch CLI over 10,000 files only, not 100,000),
 * BENCH_OWNER=0 (skip issue 16's owner walk-through, which runs test/e2e/owner.test.ts), BENCH_EVIDENCE=0 (skip
 * issue 19's 50 files / 200 MB attach and package export, scripts/bench/evidence.ts).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { CHROMIUM } from '../../test/e2e/browser.ts';
import { serveDist } from '../../test/e2e/static-server.ts';
import { analyseDist, precacheList, type ByteReport } from './bytes.ts';
import { measureInApp, observeFirstVisit, readScript, writeJson, type BrowserFigures } from './browser-bench.ts';
import { locateLighthouse, runLighthouse, type LighthouseResult } from './lighthouse.ts';
import { measureThroughNginx, type NginxFigures } from './nginx.ts';
import { measureBatchCli } from './cli-batch.ts';
import { measureCohortImport, type CohortFigures } from './cohort.ts';
import { measureOwnerWalkthrough } from './owner.ts';
import { EVIDENCE_BUDGET, measureEvidence, type EvidenceFigures } from './evidence.ts';
import type { BundleStats } from './stats-types.ts';
import { formatReport, median, summary, type Budget, type BenchResult } from './report.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const DIST = resolve(process.env.BENCH_OUT_DIR ?? join(ROOT, 'dist'));
const PREFIX = '/tools/digilevel/';
const FIXTURE = join(ROOT, 'test', 'fixtures', 'valid-level3.json');
const CHANGES = Number(process.env.BENCH_CHANGES ?? 1000);
const SEED = Number(process.env.BENCH_SEED ?? 20240601);
const WARMUP = 100;
const RESULT_RUNS = 5;
const PDF_RUNS = 3;
const KB = 1000;

const log = (msg: string) => console.error(`[bench] ${msg}`);

/** A child process without vitest's variables (as test/e2e/global-setup.ts builds), in production mode. */
function vite(args: string[], extraEnv: Record<string, string> = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  Object.assign(env, { NODE_ENV: 'production' }, extraEnv);
  const started = performance.now();
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', ...args],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  return Math.round(performance.now() - started);
}

function chromiumVersion(): string {
  if (!CHROMIUM) return 'not found';
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

function budget(name: string, value: number | undefined, limit: number, unit: Budget['unit'], note?: string): Budget {
  return {
    name,
    value,
    limit,
    unit,
    pass: value === undefined ? undefined : unit === 'score' ? value >= limit : value <= limit,
    ...(note ? { note } : {}),
  };
}

/** Recompute times grouped by the overall level the assessment has after the change. */
function byLevel(durations: number[], levels: number[]) {
  const groups = new Map<number, number[]>();
  durations.forEach((x, i) => groups.set(levels[i]!, [...(groups.get(levels[i]!) ?? []), x]));
  return [...groups.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([level, xs]) => ({ level, changes: xs.length, ...summary(xs) }));
}

async function main() {
  const loadBefore = loadavg()[0]!;
  const tmp = mkdtempSync(join(tmpdir(), 'digilevel-bench-'));
  const statsFile = join(tmp, 'bundle-stats.json');

  log(`building the app into ${DIST}`);
  const buildMs = vite(
    ['--config', join(ROOT, 'scripts/bench/vite.app.config.ts'), '--outDir', DIST, '--emptyOutDir'],
    {
      BENCH_STATS_FILE: statsFile,
    },
  );
  log('building the recompute bench bundle');
  const recomputeDir = join(tmp, 'recompute');
  vite(['--config', join(ROOT, 'scripts/bench/vite.recompute.config.ts')], { BENCH_OUT_DIR: recomputeDir });
  const recomputeScript = readScript(join(recomputeDir, 'recompute.js'));

  const stats = existsSync(statsFile) ? (JSON.parse(readFileSync(statsFile, 'utf8')) as BundleStats) : undefined;
  const bytes: ByteReport = analyseDist(DIST, ROOT, stats);
  const precached = new Set(precacheList(DIST));
  const font = bytes.lazy.find((f) => f.kind === 'font');

  let browser: BrowserFigures | undefined;
  let observed: Awaited<ReturnType<typeof observeFirstVisit>> | undefined;
  let lighthouse: LighthouseResult = { status: 'not installed' };
  let cohort: CohortFigures | undefined;
  let evidence: EvidenceFigures | undefined;
  if (CHROMIUM) {
    const { url, server } = await serveDist(DIST, PREFIX, { gzip: true });
    try {
      log(`serving ${DIST} at ${url}`);
      observed = await observeFirstVisit(url);
      const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { profile: { name: string } };
      const pdfDir = join(tmp, 'pdf');
      mkdirSync(pdfDir);
      browser = await measureInApp({
        base: url,
        fixturePath: FIXTURE,
        fixtureName: fixture.profile.name,
        recomputeScript,
        seed: SEED,
        changes: CHANGES,
        warmup: WARMUP,
        resultRuns: RESULT_RUNS,
        pdfRuns: PDF_RUNS,
        pdfDir,
        log,
      });
      cohort = await measureCohortImport(url, FIXTURE, log);
      evidence = await measureEvidence(url, FIXTURE, log); // BENCH_EVIDENCE=0 skips it
      const lh = locateLighthouse(ROOT, log);
      if ('version' in lh) {
        log(`lighthouse ${lh.version}`);
        lighthouse = await runLighthouse(url, lh.version, lh.specifier);
      } else {
        log(`lighthouse: ${lh.missing}`);
        lighthouse = { status: 'not installed', reason: lh.missing };
      }
    } finally {
      await new Promise((r) => server.close(r));
    }
  } else log('no Chromium: browser figures are left out');
  const firstPaintFiles = bytes.firstVisit.filter((f) => f.kind !== 'other').map((f) => f.file);
  const nginx: NginxFigures = CHROMIUM
    ? await measureThroughNginx(DIST, PREFIX, firstPaintFiles, log)
    : { status: 'skipped', reason: 'no Chromium' };
  const viaNginx = nginx.status === 'ok' ? nginx.runs.find((r) => r.encoding === 'gzip') : undefined;
  const batchCli = measureBatchCli(ROOT, FIXTURE, log);
  const batch10k = batchCli.find((r) => r.files === 10_000);
  const ownerWalkthrough = CHROMIUM
    ? measureOwnerWalkthrough(ROOT, tmp, log)
    : ({ status: 'skipped', reason: 'no Chromium' } as const);

  const rc = browser?.recompute;
  const d = rc?.durations ?? [];
  const recompute = rc && {
    changes: d.length,
    seed: SEED,
    warmupChanges: WARMUP,
    questionChanges: rc.changes.question,
    scenarioChanges: rc.changes.scenario,
    byLevelAfterChange: byLevel(d, rc.levelAfter),
    timerResolutionMs: rc.timerResolutionMs,
    ...summary(d),
    firstWarmupMs: rc.warmupDurations[0],
  };
  const med = (f: (r: BrowserFigures['results'][number]) => number) => Math.round(median(browser!.results.map(f)));
  const results = browser?.results.length
    ? {
        runs: browser.results.map((r) => ({
          responseEndMs: Math.round(r.responseEnd),
          domContentLoadedMs: Math.round(r.domContentLoaded),
          firstContentfulPaintMs: Math.round(r.firstContentfulPaint),
          levelVisibleMs: Math.round(r.level),
          chartsDrawnMs: Math.round(r.charts),
          wallMs: r.wallMs,
        })),
        medianDomContentLoadedMs: med((r) => r.domContentLoaded),
        medianFirstContentfulPaintMs: med((r) => r.firstContentfulPaint),
        medianLevelVisibleMs: med((r) => r.level),
        medianChartsDrawnMs: med((r) => r.charts),
        medianWallMs: med((r) => r.wallMs),
      }
    : undefined;
  const pdf = browser?.pdf.length
    ? {
        runsMs: browser.pdf.map((p) => Math.round(p.ms)),
        medianMs: Math.round(median(browser.pdf.map((p) => p.ms))),
        firstMs: Math.round(browser.pdf[0]?.ms ?? NaN),
        bytes: Math.max(...browser.pdf.map((p) => p.bytes)),
      }
    : undefined;
  const officeFigures = (runs: { ms: number; bytes: number }[] | undefined) =>
    runs?.length
      ? {
          runsMs: runs.map((r) => Math.round(r.ms)),
          firstMs: Math.round(runs[0]!.ms),
          medianMs: Math.round(median(runs.map((r) => r.ms))),
          bytes: Math.max(...runs.map((r) => r.bytes)),
        }
      : undefined;
  const office = { docx: officeFigures(browser?.office.docx), xlsx: officeFigures(browser?.office.xlsx) };
  const budgets: Budget[] = [
    budget('first visit (HTML+CSS+JS, gzip)', bytes.firstVisitGzip, 100 * KB, 'bytes'),
    // issue 16's first-paint targets: home's shell is prerendered, so first and largest paint need no JavaScript
    budget('first visit, issue 16 target', bytes.firstVisitGzip, 60 * KB, 'bytes'),
    budget(
      'Lighthouse performance (mobile)',
      lighthouse.status === 'ok' ? lighthouse.performance : undefined,
      99,
      'score',
    ),
    budget(
      'Lighthouse largest contentful paint',
      lighthouse.status === 'ok' ? lighthouse.metrics.largestContentfulPaintMs : undefined,
      1500,
      'ms',
      'simulated slow 4G, 4× CPU',
    ),
    budget('recompute median (score + planner + roadmap)', recompute?.medianMs, 2, 'ms'),
    budget('PDF report, median of 3', pdf?.medianMs, 1500, 'ms', 'first run includes loading jsPDF and the font'),
    budget('PDF file size', pdf?.bytes, 500 * KB, 'bytes'),
    budget('PDF font asset (gzip)', font?.gzip, 1000 * KB, 'bytes'),
    budget(
      'Word report, first click',
      office.docx?.firstMs,
      1000,
      'ms',
      'full report with charts, loading docx included',
    ),
    budget('Excel workbook, first click', office.xlsx?.firstMs, 500, 'ms', 'loading write-excel-file included'),
    budget('first paint through nginx (gzip bodies as sent)', viaNginx?.firstPaint, 100 * KB, 'bytes'),
    budget('repeat visit through nginx, bytes over the wire', viaNginx?.repeatVisit, 2 * KB, 'bytes', 'revalidations'),
    budget('batch CLI, 10,000 files', batch10k?.ms, 30_000, 'ms', 'one process, generated files, 1 in 50 invalid'),
    budget('cohort import in Chromium, 10,000 files', cohort?.ms, 15_000, 'ms', 'folder chosen → import finished'),
    budget(
      'evidence: 50 files, 200 MB, attach + export, peak heap growth',
      evidence?.growthBytes,
      EVIDENCE_BUDGET,
      'bytes',
      evidence &&
        `≤ 1.5 × largest file (${evidence.largestBytes}) + ${evidence.constantBytes} (the package without attachments: report PDF and its font; this run ${evidence.emptyExportGrowthBytes}) + 8 MB slack; attachments' share ${evidence.attachmentsShareBytes}; attach ${evidence.attachMs} ms, export ${evidence.exportMs} ms`,
    ),
  ];

  const result: BenchResult = {
    date: new Date().toISOString(),
    environment: {
      node: process.version,
      chromium: chromiumVersion(),
      vite: (JSON.parse(readFileSync(join(ROOT, 'node_modules/vite/package.json'), 'utf8')) as { version: string })
        .version,
      platform: `${process.platform} ${process.arch}`,
      cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      loadAverage1mBefore: Math.round(loadBefore * 100) / 100,
      loadAverage1mAfter: Math.round(loadavg()[0]! * 100) / 100,
    },
    units: { bytes: 'bytes; 1 KB = 1000 bytes; gzip = node:zlib gzipSync level 9', ms: 'milliseconds' },
    build: { ms: buildMs, dist: DIST },
    firstVisit: {
      gzip: bytes.firstVisitGzip,
      raw: bytes.firstVisitRaw,
      files: bytes.firstVisit,
      observedInBrowser: observed && {
        requests: observed,
        scriptStyleDocumentGzip: observed
          .filter((r) => ['document', 'script', 'stylesheet'].includes(r.type))
          .reduce((s, r) => s + r.gzip, 0),
        allGzip: observed.reduce((s, r) => s + r.gzip, 0),
      },
      entryImportsCheck: bytes.importsCheck,
      entryChunkBreakdown: bytes.entryBreakdown,
    },
    nginx,
    batchCli,
    cohort,
    evidence,
    ownerWalkthrough,
    lazy: bytes.lazy.map((f) => ({ ...f, precachedByServiceWorker: precached.has(f.file) })),
    unreachableAssets: bytes.unreachable,
    serviceWorkerPrecache: bytes.precache,
    font: font && { file: font.file, raw: font.raw, gzip: font.gzip },
    recompute,
    resultsScreen: results,
    pdf,
    office,
    lighthouse:
      lighthouse.status === 'not installed'
        ? `lighthouse: not installed (${lighthouse.reason ?? 'no Chromium'})`
        : lighthouse,
    pageErrors: browser?.pageErrors ?? [],
    errors: browser?.errors ?? (CHROMIUM ? [] : ['no Chromium: browser figures not measured']),
    budgets,
  };

  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  writeJson(join(ROOT, 'bench', 'result.json'), result);
  console.log(formatReport(result));
  console.log(`\nwritten: bench/result.json`);
  rmSync(tmp, { recursive: true, force: true });
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
