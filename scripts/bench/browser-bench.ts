/**
 * The timings taken in headless Chromium (system browser through playwright-core, as the e2e tests launch it) against
 * the built app served from a sub-path: what a first visit really fetches, recompute time of the real domain code,
 * navigation to a drawn results screen, and producing the PDF report.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from '../../test/e2e/browser.ts';
import { gzipSize } from './bytes.ts';
import type { RecomputeResult } from './recompute-entry.ts';
import { measureOffice, type OfficeRun } from './office-bench.ts';

const PDF_BUTTON = '下载 PDF';

export interface ObservedRequest {
  url: string;
  type: string;
  raw: number;
  gzip: number;
}

/** Every response the page receives while the home screen opens in a fresh profile (cold caches). */
export async function observeFirstVisit(base: string): Promise<ObservedRequest[]> {
  const ctx = await launch({ locale: 'zh-CN' });
  try {
    const page = await ctx.newPage();
    const pending: Promise<ObservedRequest | undefined>[] = [];
    page.on('response', (response) => {
      pending.push(
        response
          .body()
          .then((body) => ({
            url: response.url().replace(base, './'),
            type: response.request().resourceType(),
            raw: body.length,
            gzip: gzipSize(body),
          }))
          .catch(() => undefined),
      );
    });
    await page.goto(base, { waitUntil: 'networkidle' });
    await page.locator('input[type=file]').waitFor({ state: 'attached' });
    return (await Promise.all(pending)).filter((r): r is ObservedRequest => !!r);
  } finally {
    await ctx.close();
  }
}

export interface BrowserFigures {
  recompute: RecomputeResult | undefined;
  results: (ResultsTiming & { wallMs: number })[];
  pdf: { ms: number; bytes: number }[];
  /** Word and Excel from the report screen (office-bench.ts); the first run of each is cold. */
  office: { docx: OfficeRun[]; xlsx: OfficeRun[] };
  pageErrors: string[];
  /** Measurements that could not be taken, with the reason. */
  errors: string[];
}

async function fresh(page: Page, url: string) {
  // about:blank first: a goto that only changes the hash would not load a new document
  await page.goto('about:blank');
  const started = Date.now();
  await page.goto(url);
  return started;
}

/** Imports the fixture through the home screen's file input and returns the new assessment's id. */
async function importFixture(page: Page, base: string, fixturePath: string, name: string): Promise<string> {
  await page.goto(base);
  await page.locator('input[type=file]').setInputFiles(fixturePath);
  const link = page.getByRole('link', { name }).first();
  await link.waitFor();
  const href = (await link.getAttribute('href')) ?? '';
  const id = /#\/a\/([^/]+)/.exec(href)?.[1];
  if (!id) throw new Error(`no assessment id in the link "${href}"`);
  return decodeURIComponent(id);
}

export interface ResultsTiming {
  level: number;
  charts: number;
  responseEnd: number;
  /** Module scripts run before DOMContentLoaded, so this is about when the entry chunk has run. */
  domContentLoaded: number;
  firstContentfulPaint: number;
}

/** In-page time (ms since navigation start) when the level is shown and both result charts have painted. */
async function resultsReady(page: Page) {
  const handle = await page.waitForFunction(
    () => {
      const w = window as unknown as { __benchLevelAt?: number };
      const level = document.querySelector<HTMLElement>('[data-testid=overall-level]');
      if (!level || !level.offsetParent || !level.textContent?.trim()) return false;
      w.__benchLevelAt ??= performance.now();
      const canvases = [...document.querySelectorAll('canvas')];
      if (canvases.length < 2) return false;
      const painted = canvases.every((c) => {
        if (!(c as unknown as Record<string, unknown>)['$chartjs'] || c.width === 0 || c.height === 0) return false;
        const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
        if (!data) return false;
        for (let i = 3; i < data.length; i += 4) if (data[i]) return true;
        return false;
      });
      if (!painted) return false;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        level: w.__benchLevelAt,
        charts: performance.now(),
        responseEnd: nav?.responseEnd ?? NaN,
        domContentLoaded: nav?.domContentLoadedEventEnd ?? NaN,
        firstContentfulPaint: fcp?.startTime ?? NaN,
      };
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
  return (await handle.jsonValue()) as ResultsTiming;
}

export async function measureInApp(options: {
  base: string;
  fixturePath: string;
  fixtureName: string;
  recomputeScript: string;
  seed: number;
  changes: number;
  warmup: number;
  resultRuns: number;
  pdfRuns: number;
  pdfDir: string;
  log: (msg: string) => void;
}): Promise<BrowserFigures> {
  const { base, log } = options;
  const ctx: BrowserContext = await launch({ locale: 'zh-CN' });
  const pageErrors: string[] = [];
  const errors: string[] = [];
  /** One measurement; a failure is recorded and the others still run. */
  async function step<T>(name: string, run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (e) {
      const message = `${name}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
      log(`FAILED ${message}`);
      errors.push(message);
      return undefined;
    }
  }
  try {
    const page = await ctx.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));

    // (a) recompute, in a page of the served app; evaluate() runs through devtools, so the CSP does not apply
    const recompute = await step('recompute', async () => {
      log(`recompute: ${options.changes} random changes (seed ${options.seed}, ${options.warmup} warm-up)`);
      await page.goto(base);
      await page.locator('input[type=file]').waitFor({ state: 'attached' });
      await page.evaluate(options.recomputeScript);
      return page.evaluate(
        ([seed, n, warmup]) =>
          (window as unknown as { __bench: (s: number, n: number, w: number) => Promise<RecomputeResult> }).__bench(
            seed,
            n,
            warmup,
          ),
        [options.seed, options.changes, options.warmup] as const,
      );
    });

    // (b) navigation to an interactive results screen
    const id = await step('import of the fixture', () =>
      importFixture(page, base, options.fixturePath, options.fixtureName),
    );
    const results: BrowserFigures['results'] = [];
    if (id)
      await step('results screen', async () => {
        for (let i = 0; i < options.resultRuns; i++) {
          const started = await fresh(page, `${base}#/a/${id}/results`);
          const t = await resultsReady(page);
          results.push({ ...t, wallMs: Date.now() - started });
          log(
            `results screen ${i + 1}/${options.resultRuns}: level ${t.level.toFixed(0)} ms, charts ${t.charts.toFixed(0)} ms`,
          );
        }
      });

    // (c) the PDF: report tab, wait for the report and its charts, then click and wait for the download
    const pdf: BrowserFigures['pdf'] = [];
    if (id)
      await step('PDF', async () => {
        await fresh(page, `${base}#/a/${id}/report`);
        await page.getByTestId('report').waitFor();
        await page.waitForFunction(() => document.querySelectorAll('canvas[data-drawn]').length >= 2, undefined, {
          timeout: 30_000,
        });
        const button = page.getByRole('button', { name: PDF_BUTTON });
        for (let i = 0; i < options.pdfRuns; i++) {
          await page.waitForFunction((name) => {
            const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === name);
            return !!b && !b.disabled;
          }, PDF_BUTTON);
          const started = performance.now();
          const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
          const ms = performance.now() - started;
          const file = join(options.pdfDir, `report-${i + 1}.pdf`);
          await download.saveAs(file);
          pdf.push({ ms, bytes: statSync(file).size });
          log(`PDF ${i + 1}/${options.pdfRuns}: ${ms.toFixed(0)} ms, ${statSync(file).size} bytes`);
        }
      });
    // (d) Word and Excel on a freshly loaded report screen, so the first run of each loads its chunk
    const office: BrowserFigures['office'] = { docx: [], xlsx: [] };
    if (id)
      await step('Word and Excel', async () => {
        await fresh(page, `${base}#/a/${id}/report`);
        await page.getByTestId('report').waitFor();
        await page.waitForFunction(() => document.querySelectorAll('canvas[data-drawn]').length >= 2, undefined, {
          timeout: 30_000,
        });
        office.docx = await measureOffice(page, 'docx', options.pdfRuns, options.pdfDir, log);
        office.xlsx = await measureOffice(page, 'xlsx', options.pdfRuns, options.pdfDir, log);
      });
    return { recompute, results, pdf, office, pageErrors, errors };
  } finally {
    await ctx.close();
  }
}

/** Reads a built file for page.evaluate (kept here so run.ts stays about orchestration). */
export const readScript = (path: string) => readFileSync(path, 'utf8');
export const writeJson = (path: string, data: unknown) => writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
