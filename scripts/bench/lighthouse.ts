/**
 * Lighthouse performance and accessibility scores, only when the `lighthouse` package is installed (it is not a
 * dependency: `npm install --no-save lighthouse@12` to try it; v13 needs Node ≥ 22.19). It drives the system
 * Chromium over a remote-debugging port that playwright-core opens.
 */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM } from '../../test/e2e/browser.ts';

export type LighthouseResult =
  | { status: 'not installed' }
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
