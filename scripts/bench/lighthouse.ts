/**
 * Lighthouse performance and accessibility scores. Lighthouse is not a project dependency: it is 185 MB and
 * 150 packages that every `npm ci` in CI would install for a figure only the benchmark reports. The bench uses
 * a project install when there is one, else installs lighthouse 12 once into node_modules/.cache (v13 needs
 * Node ≥ 22.19; BENCH_LIGHTHOUSE=0 skips it). It drives the system Chromium over a remote-debugging port that
 * playwright-core opens.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../test/e2e/browser.ts';

export type LighthouseResult =
  | { status: 'not installed'; reason?: string }
  | { status: 'failed'; version?: string; error: string }
  | {
      status: 'ok';
      version: string;
      config: string;
      performance: number;
      accessibility: number;
      metrics: Record<string, number | undefined>;
    };

/** The installed version, from `npm ls lighthouse --json`, or undefined. */
export function installedLighthouse(root: string): string | undefined {
  try {
    const out = execFileSync('npm', ['ls', 'lighthouse', '--json', '--depth=0'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return (JSON.parse(out) as { dependencies?: { lighthouse?: { version?: string } } }).dependencies?.lighthouse
      ?.version;
  } catch {
    return undefined; // npm ls exits 1 when the package is missing
  }
}

/** The version the bench installs for itself: the last line that runs on Node 20. */
export const LIGHTHOUSE_VERSION = '12.8.2';

export type LocatedLighthouse = { version: string; specifier: string } | { missing: string };

/** A usable lighthouse: the project's own, else the bench's cached copy, else one installed now into the cache. */
export function locateLighthouse(root: string, log: (line: string) => void): LocatedLighthouse {
  const own = installedLighthouse(root);
  if (own) return { version: own, specifier: 'lighthouse' };
  const cache = join(root, 'node_modules', '.cache', 'digilevel-bench-lighthouse');
  const pkg = join(cache, 'node_modules', 'lighthouse', 'package.json');
  if (!existsSync(pkg)) {
    if (process.env.BENCH_LIGHTHOUSE === '0') return { missing: 'skipped (BENCH_LIGHTHOUSE=0)' };
    log(`installing lighthouse@${LIGHTHOUSE_VERSION} into ${cache} (once; BENCH_LIGHTHOUSE=0 skips)`);
    try {
      mkdirSync(cache, { recursive: true });
      writeFileSync(join(cache, 'package.json'), '{ "private": true }\n');
      execFileSync(
        'npm',
        // without a network npm would retry for minutes: one short try, then the bench goes on without it
        [
          'install',
          '--no-audit',
          '--no-fund',
          '--no-package-lock',
          '--fetch-retries=1',
          '--fetch-timeout=30000',
          `lighthouse@${LIGHTHOUSE_VERSION}`,
        ],
        { cwd: cache, stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 },
      );
    } catch (e) {
      return { missing: `could not install: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
    }
  }
  const { version, main } = JSON.parse(readFileSync(pkg, 'utf8')) as { version: string; main?: string };
  const entry = join(cache, 'node_modules', 'lighthouse', main ?? 'core/index.js');
  return { version, specifier: pathToFileURL(entry).href };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof addr === 'object' && addr ? addr.port : 0;
}

interface Lhr {
  lighthouseVersion: string;
  categories: Record<string, { score: number | null } | undefined>;
  audits: Record<string, { numericValue?: number } | undefined>;
}
type LighthouseFn = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: Lhr } | undefined>;

/** `specifier` is 'lighthouse' normally; a path lets a copy installed elsewhere be tried. */
export async function runLighthouse(url: string, version: string, specifier = 'lighthouse'): Promise<LighthouseResult> {
  if (!CHROMIUM) return { status: 'failed', version, error: 'no Chromium' };
  const port = await freePort();
  const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'digilevel-lh-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`, '--no-first-run'],
  });
  try {
    const mod = (await import(specifier)) as { default: LighthouseFn };
    const flags = { port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] };
    const result = await mod.default(url, flags);
    if (!result) return { status: 'failed', version, error: 'lighthouse returned no result' };
    const { lhr } = result;
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
    const metric = (id: string) => lhr.audits[id]?.numericValue;
    return {
      status: 'ok',
      version: lhr.lighthouseVersion,
      config: 'default (mobile form factor, simulated slow 4G and 4× CPU throttling)',
      performance: score('performance'),
      accessibility: score('accessibility'),
      metrics: {
        firstContentfulPaintMs: metric('first-contentful-paint'),
        largestContentfulPaintMs: metric('largest-contentful-paint'),
        totalBlockingTimeMs: metric('total-blocking-time'),
        speedIndexMs: metric('speed-index'),
        cumulativeLayoutShift: metric('cumulative-layout-shift'),
      },
    };
  } catch (e) {
    return { status: 'failed', version, error: e instanceof Error ? e.message : String(e) };
  } finally {
    await ctx.close();
  }
}
