/**
 * Nothing hangs on "正在加载…": a malformed hash routes to the not-found page, and a chunk, guide, rubric or
 * chart.js that fails to arrive shows a translated error with "重试" that works once the connection is back.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, inject } from 'vitest';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, launch } from './browser';

/** The URL pattern of the built chunk whose name starts with `prefix` and whose code contains `marker`. */
function chunk(prefix: string, marker = ''): RegExp {
  const dir = join(inject('distDir'), 'assets');
  const name = readdirSync(dir).find(
    (f) => f.startsWith(prefix) && f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes(marker),
  );
  if (!name) throw new Error(`no chunk ${prefix}*.js containing ${marker} in ${dir}`);
  return new RegExp(`/assets/${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Requests for `file` fail as on a dropped connection until the returned function is called. */
async function block(page: Page, file: RegExp): Promise<() => Promise<void>> {
  const refuse = (route: Route) => route.abort('internetdisconnected');
  await page.route(file, refuse);
  return () => page.unroute(file, refuse);
}

/** The load-error panel: the translated message and its retry button. */
async function expectLoadError(page: Page) {
  const panel = page.getByTestId('load-error').first();
  await panel.waitFor();
  expect(await panel.getAttribute('role')).toBe('alert');
  expect(await panel.innerText()).toContain('没有加载成功，可能是网络中断了');
  return panel.getByRole('button', { name: '重试' });
}

/**
 * A device that has stored nothing, as on a first visit: earlier tests of this context stored assessments, so this
 * origin's databases are deleted from a page of the origin that does not run the app (its icon).
 */
async function forgetStored(page: Page) {
  await page.goto(new URL('icon.svg', inject('baseUrl')).href);
  await page.evaluate(async () => {
    for (const { name } of await indexedDB.databases()) {
      if (!name) continue;
      await new Promise<void>((done, fail) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => done();
        request.onerror = () => fail(request.error);
        request.onblocked = () => fail(new Error(`${name} is still open elsewhere`));
      });
    }
  });
}

async function newAssessment(page: Page, checklist = false) {
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: '新建评测' }).click();
  if (checklist)
    await page
      .getByRole('dialog')
      .getByLabel(/晨星工厂/)
      .check();
  await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
  await page.getByLabel('企业名称（可选）').waitFor();
}

describe.skipIf(!CHROMIUM)('load failures and malformed addresses', () => {
  let ctx: BrowserContext;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ctx = await launch({ locale: 'zh-CN' });
    // Without the service worker every request reaches page.route (a worker would answer from its cache).
    await ctx.addInitScript(() => {
      delete (Navigator.prototype as { serviceWorker?: unknown }).serviceWorker;
      // every page starts in Chinese, whatever language an earlier test switched to (the tests run in any order)
      localStorage.setItem('digilevel.lang', 'zh-CN');
    });
  });
  afterAll(async () => ctx?.close());
  // a page of its own per test: a fresh module map, so no chunk loaded by an earlier test is reused
  beforeEach(async () => {
    page = await ctx.newPage();
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
  });
  afterEach(async () => {
    await page?.close();
    expect(errors).toEqual([]);
  });

  it.each(['#/%', '#/a/%E0%A4%A'])('opens %s on the not-found page', async (hash) => {
    await page.goto(inject('baseUrl') + hash);
    await page.getByText('找不到这个页面。').waitFor();
    // and a malformed hash typed later, once the app runs, routes as well
    await page.evaluate(() => (location.hash = '#/'));
    await page.getByRole('button', { name: '新建评测' }).waitFor();
    await page.evaluate((h) => (location.hash = h), hash);
    await page.getByText('找不到这个页面。').waitFor();
  });

  it('shows a screen whose code failed to load after a retry', async () => {
    const unblock = await block(page, chunk('MethodView-'));
    await page.goto(inject('baseUrl') + '#/method');
    const retry = await expectLoadError(page);
    await unblock();
    await retry.click();
    await page.getByRole('heading', { level: 1, name: '方法说明：得分和等级如何计算' }).waitFor();
    expect(await page.getByTestId('load-error').count()).toBe(0);
  });

  it('shows the roadmap after its guide failed to load and a retry', async () => {
    await newAssessment(page);
    const unblock = await block(page, chunk('other-'));
    await page.getByRole('link', { name: '路线图', exact: true }).click();
    const retry = await expectLoadError(page);
    await unblock();
    await retry.click();
    await page.getByRole('heading', { level: 1, name: '转型路线图：其他制造业' }).waitFor();
  });

  // A first visit loads no rubric (home's start button has its size from the build): the national rubric is
  // fetched when an assessment is created, or by the first screen that shows it.
  it('creates an assessment after the national rubric failed to load and a retry', async () => {
    await forgetStored(page); // where something is stored, the rubric loads at start, not on the click
    const unblock = await block(page, chunk('rubric-', 'weighted-scenarios'));
    await page.goto(inject('baseUrl'));
    await page.getByRole('button', { name: /^开始自评（约 10 分钟）$/ }).click();
    const retry = await expectLoadError(page);
    await unblock();
    await retry.click();
    await page.getByRole('button', { name: '新建评测' }).waitFor();
    await newAssessment(page);
  });

  it('shows the rubric page after the national rubric failed to load and a retry', async () => {
    await forgetStored(page); // the rubric page loads it itself: not at start as where something is stored
    const unblock = await block(page, chunk('rubric-', 'weighted-scenarios'));
    await page.goto(inject('baseUrl') + '#/rubric');
    const retry = await expectLoadError(page);
    await unblock();
    await retry.click();
    await page.getByRole('heading', { level: 1, name: '中小企业数字化水平评测指标（2024年版）' }).waitFor();
    expect(await page.getByTestId('load-error').count()).toBe(0);
  });

  it('opens a 晨星工厂 assessment after its rubric failed to load and a retry', async () => {
    await newAssessment(page, true);
    const unblock = await block(page, chunk('rubric-', 'required-checklist'));
    await page.reload();
    const retry = await expectLoadError(page);
    await unblock();
    await retry.click();
    await page.getByLabel('企业名称（可选）').waitFor();
  });

  it('draws the result charts after chart.js failed to load and a retry', async () => {
    await newAssessment(page);
    const unblock = await block(page, chunk('draw-'));
    await page.getByRole('link', { name: '结果', exact: true }).click();
    const retry = await expectLoadError(page);
    await unblock();
    await retry.click();
    await expect.poll(() => page.locator('canvas[data-drawn="true"]').count(), { timeout: 10_000 }).toBe(2);
    expect(await page.getByTestId('load-error').count()).toBe(0);
  });

  it('switches to English after its strings failed to load and a retry', async () => {
    const unblock = await block(page, chunk('english-'));
    await page.goto(inject('baseUrl'));
    await page.getByTestId('language').selectOption('en');
    const retry = await expectLoadError(page);
    // the menu shows the language still in use
    expect(await page.getByTestId('language').inputValue()).toBe('zh-CN');
    await unblock();
    await retry.click();
    await page.getByRole('button', { name: 'New assessment' }).waitFor();
    expect(await page.getByTestId('language').inputValue()).toBe('en');
  });
});
