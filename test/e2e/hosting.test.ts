/**
 * Static hosting: the same dist/ at the site root and under a deep sub-path, deep links that need no server
 * rewrite, and a new deployment announced by the "update available" prompt without losing data.
 */
import { describe, expect, inject, it, afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { CHROMIUM, launchWithPage, pageForSuite, screenshot } from './browser';
import { serveDist } from './static-server';

const DIST = inject('distDir');

async function serve(dist: string, prefix: string) {
  const served = await serveDist(dist, prefix);
  servers.push(served.server);
  return served.url;
}
const servers: Server[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
});

async function createNamed(page: Page, name: string) {
  await page.getByRole('button', { name: '新建评测' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
  await page.getByLabel('企业名称（可选）').fill(name);
  await page.getByLabel('所属行业').selectOption('auto');
}

describe.skipIf(!CHROMIUM)('static hosting', () => {
  const browser = pageForSuite({ locale: 'zh-CN' });
  let page: Page;
  beforeAll(() => ({ page } = browser));

  it.each(['/', '/org/portal/tools/digilevel/'])('runs unchanged under %s, deep links included', async (prefix) => {
    const base = await serve(DIST, prefix);
    const failed: string[] = [];
    const onResponse = (r: { status(): number; url(): string }) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    };
    page.on('response', onResponse);
    await page.goto(base);
    await createNamed(page, `托管于 ${prefix}`);
    await page.getByRole('link', { name: '结果', exact: true }).click();
    await expect.poll(() => page.getByTestId('overall-level').innerText()).toBe('未达一级');
    const deepLink = page.url();
    expect(deepLink.startsWith(base)).toBe(true);
    expect(new URL(deepLink).hash).toMatch(/^#\/a\/.+\/results$/);
    // a bookmarked deep link opened fresh: the server only ever sees the prefix, the hash does the routing
    const fresh = await browser.ctx.newPage();
    fresh.on('response', onResponse);
    await fresh.goto(deepLink);
    await expect.poll(() => fresh.getByTestId('overall-level').innerText()).toBe('未达一级');
    await fresh.close();
    page.off('response', onResponse);
    expect(failed).toEqual([]);
  });
});

describe.skipIf(!CHROMIUM)('a new deployment', () => {
  let ctx: BrowserContext;
  let page: Page;
  let dist: string;
  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'digilevel-deploy-'));
    cpSync(DIST, dist, { recursive: true });
    ({ ctx, page } = await launchWithPage({ locale: 'zh-CN' }));
  });
  afterAll(async () => {
    await ctx?.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('is offered by an update prompt and applied without losing data', async () => {
    const base = await serve(dist, '/deploy/');
    await page.goto(base);
    await createNamed(page, '升级前的企业');
    await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
    const banner = page.getByRole('status').filter({ hasText: '有新版本可用' });
    expect(await banner.count()).toBe(0);

    // deploy: a service worker with another version, as a rebuild with changed files produces
    const sw = readFileSync(join(dist, 'sw.js'), 'utf8');
    const version = /digilevel-([0-9a-f]{12})/.exec(sw)![1]!;
    writeFileSync(join(dist, 'sw.js'), sw.replace(`digilevel-${version}`, `digilevel-${version}next`));

    await page.getByRole('link', { name: '我的评测' }).click();
    await page.reload(); // a navigation makes the browser check for a new worker
    await expect.poll(() => banner.isVisible(), { timeout: 15_000 }).toBe(true);
    await screenshot(page, 'update-available');
    // the old version keeps working until the user chooses to update
    await expect.poll(() => page.getByTestId('assessment-row').innerText()).toContain('升级前的企业');

    await page.getByRole('button', { name: '立即更新' }).click();
    await expect
      .poll(() => page.evaluate(() => caches.keys()), { timeout: 15_000 })
      .toEqual([`digilevel-${version}next`]);
    await expect.poll(() => page.getByTestId('assessment-row').innerText()).toContain('升级前的企业');
    expect(await banner.count()).toBe(0);
  });
});
