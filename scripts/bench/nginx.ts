/**
 * Bytes over the wire through a real nginx configured by docs/hosting/nginx.conf (test/e2e/nginx-server.ts starts
 * it on loopback), counted by nginx itself ($bytes_sent, $body_bytes_sent): a first visit with gzip and,
 * when the brotli module is installed, with brotli; what the service worker then precaches; and a repeat visit
 * (reload, two screens, a new tab), which should cost only the revalidations of index.html and sw.js.
 * Optional: skipped with the reason when nginx is missing, or with BENCH_NGINX=0.
 */
import type { Page } from 'playwright-core';
import { launch } from '../../test/e2e/browser.ts';
import { brotliModule, NGINX, startNginx, type AccessEntry } from '../../test/e2e/nginx-server.ts';

export interface NginxRun {
  encoding: 'gzip' | 'br';
  /** The files of the first paint (index.html and what it loads before the app renders): bodies as sent. */
  firstPaint: number;
  /** The same with status lines and headers: HTTP/1.1 here, HTTP/2 and 3 compress repeated headers to little. */
  firstPaintWithHeaders: number;
  /** Everything the page itself fetched until the home screen was ready (storage and rubric included). */
  firstVisit: number;
  firstVisitRequests: number;
  /** What the service worker fetched in the background for offline use. */
  precache: number;
  precacheRequests: number;
  /** Reload, open two screens, open the app in a new tab: every request and its bytes. */
  repeatVisit: number;
  repeatRequests: AccessEntry[];
}
export type NginxFigures =
  { status: 'ok'; runs: NginxRun[] } | { status: 'skipped'; reason: string } | { status: 'failed'; error: string };

const HOME = '本机上的评测';

/** The home screen has rendered: its heading is shown and no loading line is left. */
async function homeReady(page: Page) {
  await page.waitForFunction(
    (heading) =>
      document.querySelector('h1')?.textContent?.trim() === heading &&
      document.querySelectorAll('[aria-busy="true"]').length === 0,
    HOME,
    { timeout: 30_000 },
  );
}

const sum = (entries: AccessEntry[]) => entries.reduce((s, e) => s + e.bytes, 0);
const bodies = (entries: AccessEntry[]) => entries.reduce((s, e) => s + e.body, 0);

async function measure(dist: string, prefix: string, firstPaintFiles: string[], brotli: boolean): Promise<NginxRun> {
  const nginx = await startNginx(dist, prefix, { brotli });
  const ctx = await launch({ locale: 'zh-CN' });
  try {
    const page = await ctx.newPage();
    await page.goto(nginx.url);
    await homeReady(page);
    // the worker is in control once it has installed, that is once its precache is complete
    await page.waitForFunction(() => !!navigator.serviceWorker.controller, undefined, { timeout: 60_000 });
    const first = nginx.accessLog();
    // the page's own requests carry their destination (document, script, style…); the worker's fetches "empty"
    const own = first.filter((e) => e.dest !== 'empty');
    const paint = new Set(firstPaintFiles.map((f) => prefix + (f === 'index.html' ? '' : f)));
    const precache = first.filter((e) => e.dest === 'empty');

    await page.reload();
    await homeReady(page);
    for (const hash of ['#/rubric', '#/method']) {
      await page.goto(nginx.url + hash);
      await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0);
    }
    const tab = await ctx.newPage();
    await tab.goto(nginx.url);
    await homeReady(tab);
    const repeat = nginx.accessLog().slice(first.length);
    return {
      encoding: brotli ? 'br' : 'gzip',
      firstPaint: bodies(own.filter((e) => paint.has(e.uri))),
      firstPaintWithHeaders: sum(own.filter((e) => paint.has(e.uri))),
      firstVisit: sum(own),
      firstVisitRequests: own.length,
      precache: sum(precache),
      precacheRequests: precache.length,
      repeatVisit: sum(repeat),
      repeatRequests: repeat.map((e) => ({ ...e, uri: e.uri.slice(prefix.length) || './' })),
    };
  } finally {
    await ctx.close();
    await nginx.stop();
  }
}

export async function measureThroughNginx(
  dist: string,
  prefix: string,
  firstPaintFiles: string[],
  log: (msg: string) => void,
): Promise<NginxFigures> {
  if (process.env.BENCH_NGINX === '0') return { status: 'skipped', reason: 'BENCH_NGINX=0' };
  if (!NGINX) return { status: 'skipped', reason: 'no nginx (apt-get install nginx, or set NGINX_PATH)' };
  try {
    log('nginx: first and repeat visit with gzip');
    const runs = [await measure(dist, prefix, firstPaintFiles, false)];
    if (brotliModule()) {
      log('nginx: the same with brotli');
      runs.push(await measure(dist, prefix, firstPaintFiles, true));
    } else log('nginx: no brotli module (libnginx-mod-http-brotli-filter), gzip only');
    return { status: 'ok', runs };
  } catch (e) {
    return { status: 'failed', error: e instanceof Error ? e.message : String(e) };
  }
}
