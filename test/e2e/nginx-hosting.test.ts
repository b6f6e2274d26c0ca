/**
 * The app served by a real nginx with exactly docs/hosting/nginx.conf (see nginx-server.ts): the headers that
 * docs/hosting.md documents, a first visit under a deep sub-path and every screen, offline after a visit to home
 * only, and a new deployment. Throughout: no request leaves the origin, no console error, no CSP violation.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, launchWithPage, screenshot } from './browser';
import { useEveryScreen } from './every-screen';
import { waitRoute } from './wait';
import { fetchRaw, NGINX, startNginx, warnIfNoNginx, type Nginx } from './nginx-server';

warnIfNoNginx();
const DIST = inject('distDir');
const PREFIX = '/org/portal/tools/digilevel/';
const GUIDE = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'hosting.md'), 'utf8');
const HOME = '本机上的评测';

/** The body rows of the guide's markdown table whose header row starts with `| first `, backticks removed. */
function table(first: string): string[][] {
  const lines = GUIDE.split('\n');
  const start = lines.findIndex((l) => new RegExp(`^\\|\\s*${first}\\s*\\|`).test(l));
  expect(start, `a table headed "${first}" in docs/hosting.md`).toBeGreaterThan(-1);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim()),
    );
  }
  return rows;
}
const code = (cell: string) => /`([^`]+)`/.exec(cell)![1]!;

/** The URL paths (relative to the app) that a row of the file table stands for: a glob picks one real file. */
function pathsOf(cell: string): string[] {
  const file = code(cell);
  if (!file.includes('*')) return file === 'index.html' ? ['', 'index.html'] : [file];
  const [dir, pattern] = file.split('/') as [string, string];
  const re = new RegExp(`^${pattern.replace('.', '\\.').replace('*', '.+')}$`);
  const hit = readdirSync(join(DIST, dir)).find((f) => re.test(f));
  expect(hit, `a file ${file} in dist/`).toBeDefined();
  return [`${dir}/${hit}`];
}

/** A fresh browser whose console errors and warnings, CSP violations and requests (service worker's included) are recorded. */
interface Watched {
  ctx: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
  violations: string[];
}
async function watchedBrowser(): Promise<Watched> {
  const { ctx, page } = await launchWithPage({ locale: 'zh-CN' });
  const requests: string[] = [];
  const errors: string[] = [];
  const violations: string[] = [];
  ctx.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    // warnings too: a header the browser does not understand (a Permissions-Policy feature, say) is one
    if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text());
  });
  await ctx.exposeBinding('reportCspViolation', (_source, v: string) => violations.push(v));
  await ctx.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportCspViolation(v: string): void }).reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    ),
  );
  return { ctx, page, requests, errors, violations };
}

/**
 * Runs `body` in a watched browser, then checks what the whole suite promises: no request outside the origin of
 * `base`, no console error or warning, no CSP violation.
 */
async function cleanly(base: string, body: (w: Watched) => Promise<void>): Promise<void> {
  const w = await watchedBrowser();
  try {
    await body(w);
    const outside = w.requests.filter((u) => !u.startsWith(new URL(base).origin) && !/^(blob|data):/.test(u));
    expect({ outside, errors: w.errors, violations: w.violations }).toEqual({
      outside: [],
      errors: [],
      violations: [],
    });
  } finally {
    await w.ctx.close();
  }
}

describe.skipIf(!NGINX)('hosting on nginx with docs/hosting/nginx.conf', () => {
  let nginx: Nginx;
  beforeAll(async () => {
    nginx = await startNginx(DIST, PREFIX);
  });
  afterAll(async () => nginx?.stop());

  it('sends the Content-Type, Cache-Control and security headers docs/hosting.md documents, compressed', async () => {
    const security = table('header');
    expect(security.map(([h]) => code(h!))).toEqual([
      'Content-Security-Policy',
      'X-Content-Type-Options',
      'Referrer-Policy',
      'Permissions-Policy',
    ]);
    const files = table('file');
    expect(files.length).toBeGreaterThanOrEqual(7);
    for (const [file, type, cache] of files) {
      for (const path of pathsOf(file!)) {
        const res = await fetchRaw(nginx.url + path, { 'accept-encoding': 'gzip' });
        const got = {
          status: res.status,
          'content-type': res.headers['content-type'],
          'cache-control': res.headers['cache-control'],
          ...Object.fromEntries(security.map(([h]) => [code(h!).toLowerCase(), res.headers[code(h!).toLowerCase()]])),
        };
        expect(got, path).toEqual({
          status: 200,
          'content-type': code(type!),
          'cache-control': code(cache!),
          ...Object.fromEntries(security.map(([h, v]) => [code(h!).toLowerCase(), code(v!)])),
        });
        // everything the app fetches is compressed, and caches are told it varies with Accept-Encoding
        expect(res.headers['content-encoding'], path).toBe('gzip');
        expect(res.headers.vary, path).toMatch(/Accept-Encoding/);
      }
    }
  });

  it('sends the CSP of index.html with frame-ancestors added, and the same on errors', async () => {
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
      readFileSync(join(DIST, 'index.html'), 'utf8'),
    )![1];
    const csp = (await fetchRaw(nginx.url)).headers['content-security-policy'];
    expect(csp).toBe(`${meta}; frame-ancestors 'none'`);
    const missing = await fetchRaw(`${nginx.url}assets/no-such-file.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers['content-security-policy']).toBe(csp);
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    // a missing file is never cached for a year
    expect(missing.headers['cache-control']).toBeUndefined();
  });

  it('lists no folder, redirects the bare sub-path and answers a repeat request with 304', async () => {
    const folder = await fetchRaw(`${nginx.url}assets/`);
    expect(folder.status).toBe(403);
    expect(folder.body.toString()).not.toContain('index-');
    const bare = await fetchRaw(nginx.url.replace(/\/$/, ''));
    expect(bare.status).toBe(301);
    expect(bare.headers.location).toBe(PREFIX);
    const first = await fetchRaw(nginx.url);
    const again = await fetchRaw(nginx.url, { 'if-none-match': String(first.headers.etag) });
    expect(again.status).toBe(304);
  });

  describe.skipIf(!CHROMIUM)('in the browser', () => {
    it('refuses to be shown in another site’s frame', async () => {
      const { ctx, page } = await launchWithPage({ locale: 'zh-CN' });
      try {
        await page.goto(`data:text/html,<iframe src="${nginx.url}"></iframe>`);
        // the frame shows the browser's error page instead of the app
        await expect.poll(() => page.frames()[1]?.url()).toMatch(/^chrome-error:/);
      } finally {
        await ctx.close();
      }
    });

    it('reports a CSP violation when there is one, so the empty lists below mean something', async () => {
      const { ctx, page, errors, violations } = await watchedBrowser();
      try {
        await page.goto(nginx.url);
        await waitRoute(page, HOME);
        await page.evaluate(() => {
          new Image().src = 'https://example.invalid/pixel.png';
        });
        // one report per policy that forbids it: the header's and the <meta>'s
        await expect.poll(() => violations.length).toBeGreaterThan(0);
        expect(new Set(violations)).toEqual(new Set(['img-src https://example.invalid/pixel.png']));
        expect(errors.join('\n')).toContain('Content Security Policy');
      } finally {
        await ctx.close();
      }
    });

    // One walk proves both: the service worker precaches every chunk from nginx at install, so a chunk sent with
    // the wrong type or headers would fail here just as online (walking every screen twice cost ~20 s of CI).
    it('serves a first visit under a deep sub-path, then every screen offline after a visit to home only, all from its own origin', async () => {
      await cleanly(nginx.url, async ({ ctx, page, requests }) => {
        await page.goto(nginx.url);
        await waitRoute(page, HOME);
        await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
        // the first visit came from nginx, under the deep sub-path
        expect(requests.filter((u) => u.startsWith(nginx.url)).length).toBeGreaterThan(1);
        await ctx.setOffline(true);
        await page.reload();
        await useEveryScreen(page, nginx.url, 'nginx-offline');
        await screenshot(page, 'nginx-offline-home');
      });
    });
  });
});

describe.skipIf(!NGINX || !CHROMIUM)('a new deployment on nginx', () => {
  let dist: string;
  let nginx: Nginx;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'digilevel-nginx-deploy-'));
    cpSync(DIST, dist, { recursive: true });
    nginx = await startNginx(dist, '/deploy/tools/digilevel/');
  });
  afterAll(async () => {
    await nginx?.stop();
    rmSync(dist, { recursive: true, force: true });
  });

  it('raises the update prompt and applies it without losing data', async () => {
    await cleanly(nginx.url, async ({ page }) => {
      await page.goto(nginx.url);
      await waitRoute(page, HOME);
      await page.locator('input[type=file]').setInputFiles(join(import.meta.dirname, '../fixtures/valid-level3.json'));
      const row = page.getByTestId('assessment-row');
      await expect.poll(() => row.innerText()).toContain('示例食品有限公司');
      await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
      const banner = page.getByRole('status').filter({ hasText: '有新版本可用' });
      expect(await banner.count()).toBe(0);

      // release 2, as a rebuild writes it: index.html changed in place, and a service worker of another version
      const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
      const version = /digilevel-([0-9a-f]{12})/.exec(sw)![1]!;
      writeFileSync(join(dist, 'sw.js'), sw.replace(`digilevel-${version}`, `digilevel-${version}r2`));
      const html = readFileSync(join(dist, 'index.html'), 'utf8');
      writeFileSync(join(dist, 'index.html'), html.replace('</head>', '<!-- release 2 --></head>'));

      await page.reload(); // a navigation makes the browser look for a new service worker
      await waitRoute(page, HOME);
      await expect.poll(() => banner.isVisible(), { timeout: 15_000 }).toBe(true);
      // until the user chooses, the running version keeps working with the data
      expect(await row.innerText()).toContain('示例食品有限公司');
      await page.getByRole('button', { name: '立即更新' }).click();
      await expect
        .poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 })
        .toEqual([`digilevel-${version}r2`]);
      await waitRoute(page, HOME);
      await expect.poll(() => row.innerText()).toContain('示例食品有限公司');
      expect(await banner.count()).toBe(0);
      // the new version's offline copy holds the new index.html, not one from the browser's HTTP cache
      const cached = await page.evaluate(
        async (name) => (await (await caches.open(name)).match('index.html'))?.text(),
        `digilevel-${version}r2`,
      );
      expect(cached).toContain('<!-- release 2 -->');
    });
  });
});
