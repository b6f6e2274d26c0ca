/** The shape of bench/result.json, the statistics, and the table printed to the terminal. */
import type { ByteReport, FileSize } from './bytes.ts';
import type { ObservedRequest } from './browser-bench.ts';
import type { LighthouseResult } from './lighthouse.ts';
import type { NginxFigures } from './nginx.ts';

export interface Budget {
  name: string;
  value: number | undefined;
  limit: number;
  /** 'score': a Lighthouse score (0–100) that must reach the limit, not stay under it. */
  unit: 'bytes' | 'ms' | 'score';
  /** undefined when the figure could not be measured (no Chromium). */
  pass: boolean | undefined;
  note?: string;
}

export interface Summary {
  medianMs: number;
  p95Ms: number;
  meanMs: number;
  minMs: number;
  maxMs: number;
}

export interface BenchResult {
  date: string;
  environment: Record<string, string | number>;
  units: Record<string, string>;
  build: { ms: number; dist: string };
  firstVisit: {
    gzip: number;
    raw: number;
    files: FileSize[];
    observedInBrowser: { requests: ObservedRequest[]; scriptStyleDocumentGzip: number; allGzip: number } | undefined;
    entryImportsCheck: ByteReport['importsCheck'];
    entryChunkBreakdown: ByteReport['entryBreakdown'];
  };
  /** Bytes over the wire through nginx with docs/hosting/nginx.conf. */
  nginx: NginxFigures;
  /** The batch CLI over generated trees: wall time and peak RSS (scripts/bench/cli-batch.ts). */
  batchCli: import('./cli-batch.ts').BatchRun[];
  /** 10,000 files imported into a cohort in Chromium (scripts/bench/cohort.ts). */
  cohort: import('./cohort.ts').CohortFigures | undefined;
  /** 50 files, 200 MB attached and exported as the application package (scripts/bench/evidence.ts). */
  evidence: import('./evidence.ts').EvidenceFigures | undefined;
  /** Issue 16's owner walk-through: interactions and visible characters per language (scripts/bench/owner.ts). */
  ownerWalkthrough: import('./owner.ts').OwnerWalkthrough;
  lazy: (FileSize & { precachedByServiceWorker: boolean })[];
  unreachableAssets: string[];
  serviceWorkerPrecache: ByteReport['precache'];
  font: { file: string; raw: number; gzip: number } | undefined;
  recompute:
    | (Summary & {
        changes: number;
        seed: number;
        warmupChanges: number;
        questionChanges: number;
        scenarioChanges: number;
        byLevelAfterChange: (Summary & { level: number; changes: number })[];
        timerResolutionMs: number;
        firstWarmupMs: number | undefined;
      })
    | undefined;
  resultsScreen:
    | {
        runs: {
          responseEndMs: number;
          domContentLoadedMs: number;
          firstContentfulPaintMs: number;
          levelVisibleMs: number;
          chartsDrawnMs: number;
          wallMs: number;
        }[];
        medianDomContentLoadedMs: number;
        medianFirstContentfulPaintMs: number;
        medianLevelVisibleMs: number;
        medianChartsDrawnMs: number;
        medianWallMs: number;
      }
    | undefined;
  pdf: { runsMs: number[]; medianMs: number; firstMs: number; bytes: number } | undefined;
  /** Word and Excel from the report screen; the first run is cold (loads the library's chunk). */
  office: Record<'docx' | 'xlsx', { runsMs: number[]; medianMs: number; firstMs: number; bytes: number } | undefined>;
  lighthouse: `lighthouse: not installed${string}` | Exclude<LighthouseResult, { status: 'not installed' }>;
  pageErrors: string[];
  errors: string[];
  budgets: Budget[];
}

export function median(xs: number[]): number {
  return percentile(xs, 50);
}

/** Nearest-rank percentile (p95 of 1,000 values is the 950th smallest). */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  if (p === 50 && sorted.length % 2 === 0) {
    const i = sorted.length / 2;
    return (sorted[i - 1]! + sorted[i]!) / 2;
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function summary(xs: number[]): Summary {
  return {
    medianMs: round3(median(xs)),
    p95Ms: round3(percentile(xs, 95)),
    meanMs: round3(xs.reduce((s, x) => s + x, 0) / (xs.length || 1)),
    minMs: round3(Math.min(...xs)),
    maxMs: round3(Math.max(...xs)),
  };
}

const kb = (b: number | undefined) => (b === undefined ? '—' : `${(b / 1000).toFixed(1)} kB`);
const ms = (x: number | undefined, digits = 0) =>
  x === undefined || Number.isNaN(x) ? '—' : `${x.toFixed(digits)} ms`;

function table(head: string[], rows: string[][], right: number[] = []): string {
  const all = [head, ...rows];
  const width = head.map((_, c) => Math.max(...all.map((r) => [...(r[c] ?? '')].length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => (right.includes(c) ? cell.padStart(width[c]!) : cell.padEnd(width[c]!)))
      .join('  ')
      .trimEnd();
  return [line(head), width.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function formatReport(r: BenchResult): string {
  const out: string[] = [];
  const env = r.environment;
  out.push(`DigiLevel benchmark — ${r.date}`);
  out.push(`node ${env.node} · ${env.chromium} · vite ${env.vite} · ${env.cpu} · ${env.memoryGiB} GiB`);
  out.push(`build: ${ms(r.build.ms)} → ${r.build.dist}`);
  const load = Math.max(Number(env.loadAverage1mBefore), Number(env.loadAverage1mAfter));
  out.push(`load average (1 min) before/after: ${env.loadAverage1mBefore} / ${env.loadAverage1mAfter}`);
  if (load > Number(String(env.cpu).split(' ')[0]))
    out.push('! the machine was busy with other work: timings are inflated; run again on an idle machine');

  out.push('', 'First visit (what the page loads before anything is clicked)');
  out.push(
    table(
      ['file', 'via', 'raw', 'gzip'],
      [
        ...r.firstVisit.files.map((f) => [
          f.file,
          f.kind === 'other' ? `${f.via} (not counted)` : f.via,
          kb(f.raw),
          kb(f.gzip),
        ]),
        ['total HTML+CSS+JS', '', kb(r.firstVisit.raw), kb(r.firstVisit.gzip)],
      ],
      [2, 3],
    ),
  );
  const obs = r.firstVisit.observedInBrowser;
  if (obs)
    out.push(
      `observed in Chromium on a cold first visit: ${obs.requests.length} requests, ` +
        `document+scripts+styles ${kb(obs.scriptStyleDocumentGzip)} gzip, everything ${kb(obs.allGzip)} gzip`,
    );
  const check = r.firstVisit.entryImportsCheck;
  if (check && !check.agree)
    out.push(`! static imports read from the entry disagree with the bundler: ${JSON.stringify(check)}`);

  const b = r.firstVisit.entryChunkBreakdown;
  if (b) {
    out.push('', `What fills ${b.chunk} (${kb(b.gzip)} gzip; per-module gzip estimated from rendered code)`);
    out.push(
      table(
        ['package / folder', 'modules', 'rendered', '≈ gzip', 'share'],
        b.groups
          .slice(0, 14)
          .map((g) => [
            g.name,
            String(g.modules),
            kb(g.rendered),
            kb(g.gzip),
            `${((100 * g.gzip) / b.gzip).toFixed(0)} %`,
          ]),
        [1, 2, 3, 4],
      ),
    );
    out.push(
      'largest modules: ' +
        b.topModules
          .slice(0, 8)
          .map((m) => `${m.name} ≈${kb(m.gzip)}`)
          .join(', '),
    );
  }

  out.push('', 'Through nginx with docs/hosting/nginx.conf (bytes as sent over HTTP/1.1, counted by nginx)');
  const n = r.nginx;
  if (n.status === 'ok') {
    out.push(
      table(
        [
          'encoding',
          'first paint: bodies / with headers',
          'first visit (home ready)',
          'precache (worker)',
          'repeat visit',
        ],
        n.runs.map((x) => [
          x.encoding,
          `${kb(x.firstPaint)} / ${kb(x.firstPaintWithHeaders)}`,
          `${kb(x.firstVisit)} (${x.firstVisitRequests} req.)`,
          `${kb(x.precache)} (${x.precacheRequests} req.)`,
          `${kb(x.repeatVisit)} (${x.repeatRequests.length} req.)`,
        ]),
        [1, 2, 3, 4],
      ),
    );
    const repeat = n.runs[0]!.repeatRequests;
    out.push(`repeat visit (reload, two screens, a new tab): ${repeat.map((e) => `${e.uri} ${e.status}`).join(', ')}`);
  } else out.push(n.status === 'skipped' ? `skipped: ${n.reason}` : `! failed: ${n.error}`);

  out.push('', 'Lazily loaded chunks and assets');
  out.push(
    table(
      ['file', 'raw', 'gzip', 'precached', 'loaded by'],
      r.lazy.map((f) => [f.file, kb(f.raw), kb(f.gzip), f.precachedByServiceWorker ? 'yes' : 'no', f.via]),
      [1, 2],
    ),
  );
  if (r.lazy.some((f) => !f.precachedByServiceWorker))
    out.push('not precached: jsPDF optional chunks (its .html()/SVG paths), which the app never calls');
  out.push(
    `service worker precache after the first visit: ${r.serviceWorkerPrecache.files} files, ` +
      `${kb(r.serviceWorkerPrecache.gzip)} gzip (${kb(r.serviceWorkerPrecache.raw)} raw)`,
  );
  if (r.unreachableAssets.length) out.push(`assets nothing seems to load: ${r.unreachableAssets.join(', ')}`);

  out.push('', 'Timings in headless Chromium');
  const rc = r.recompute;
  const rows: string[][] = [];
  if (rc) {
    rows.push([
      `recompute after one change (n=${rc.changes}, seed ${rc.seed})`,
      `median ${ms(rc.medianMs, 2)}, p95 ${ms(rc.p95Ms, 2)}, mean ${ms(rc.meanMs, 2)}, max ${ms(rc.maxMs, 1)}`,
    ]);
    rows.push([
      '  the walk',
      `${rc.questionChanges} answers + ${rc.scenarioChanges} scenario ticks, cumulative from the level-3 fixture; ` +
        `timer step ${rc.timerResolutionMs.toFixed(3)} ms; first warm-up call ${ms(rc.firstWarmupMs, 1)}`,
    ]);
    for (const g of rc.byLevelAfterChange)
      rows.push([
        `  at level ${g.level} after the change`,
        `n=${g.changes}: median ${ms(g.medianMs, 2)}, p95 ${ms(g.p95Ms, 2)}, max ${ms(g.maxMs, 1)}`,
      ]);
  }
  const rs = r.resultsScreen;
  if (rs)
    rows.push([
      `navigation → results screen (median of ${rs.runs.length})`,
      `DOMContentLoaded ${ms(rs.medianDomContentLoadedMs)}, first paint ${ms(rs.medianFirstContentfulPaintMs)}, ` +
        `level shown ${ms(rs.medianLevelVisibleMs)}, charts drawn ${ms(rs.medianChartsDrawnMs)} ` +
        `(runs: ${rs.runs.map((x) => x.chartsDrawnMs).join(', ')} ms)`,
    ]);
  if (r.pdf)
    rows.push([
      `PDF report (median of ${r.pdf.runsMs.length})`,
      `${ms(r.pdf.medianMs)} (runs: ${r.pdf.runsMs.join(', ')} ms; first = cold), ${kb(r.pdf.bytes)}`,
    ]);
  for (const [format, label] of [
    ['docx', 'Word report'],
    ['xlsx', 'Excel workbook'],
  ] as const) {
    const o = r.office?.[format];
    if (o)
      rows.push([
        `${label} (${o.runsMs.length} runs)`,
        `first ${ms(o.firstMs)}, median ${ms(o.medianMs)} (runs: ${o.runsMs.join(', ')} ms), ${kb(o.bytes)}`,
      ]);
  }
  const owner = r.ownerWalkthrough;
  if (owner?.status === 'ok')
    for (const [lang, f] of Object.entries(owner.figures)) {
      const c = f.visibleChars;
      rows.push([
        `owner walk-through, quick path (${lang})`,
        `${f.interactions} interactions; visible characters: home ${c.home}, first questions + scenarios ` +
          `${c.firstQuestions + c.firstScenarios}, whole questionnaire ${c.questions + c.scenarios}, results ${c.results}`,
      ]);
    }
  else if (owner) rows.push(['owner walk-through', `${owner.status}: ${owner.reason}`]);
  if (r.font) rows.push(['PDF font asset', `${r.font.file}: ${kb(r.font.raw)} raw, ${kb(r.font.gzip)} gzip`]);
  const lh = r.lighthouse;
  rows.push([
    'lighthouse',
    typeof lh === 'string'
      ? lh
      : lh.status === 'ok'
        ? `performance ${lh.performance}, accessibility ${lh.accessibility}; FCP ${ms(lh.metrics.firstContentfulPaintMs)}, ` +
          `LCP ${ms(lh.metrics.largestContentfulPaintMs)}, TBT ${ms(lh.metrics.totalBlockingTimeMs)} (v${lh.version}, ${lh.config})`
        : `failed: ${lh.error}`,
  ]);
  out.push(table(['measure', 'result'], rows));
  if (r.pageErrors.length) out.push(`page errors: ${r.pageErrors.join(' | ')}`);
  for (const e of r.errors) out.push(`! not measured — ${e}`);

  out.push('', 'Budgets');
  out.push(
    table(
      ['budget', 'measured', 'limit', 'result'],
      r.budgets.map((x) => [
        x.name,
        x.unit === 'bytes'
          ? kb(x.value)
          : x.unit === 'score'
            ? String(x.value ?? '')
            : ms(x.value, x.limit < 10 ? 2 : 0),
        x.unit === 'bytes' ? kb(x.limit) : x.unit === 'score' ? `≥ ${x.limit}` : ms(x.limit, 0),
        x.pass === undefined ? 'not measured' : x.pass ? 'PASS' : 'FAIL',
      ]),
      [1, 2],
    ),
  );
  return out.join('\n');
}
