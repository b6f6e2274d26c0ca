/**
 * Headless Chromium through playwright-core, using the system browser (Debian's /usr/bin/chromium):
 * playwright's own browser download cannot run here. Set CHROMIUM_PATH to use another binary.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];
export const CHROMIUM = CANDIDATES.find((p): p is string => !!p && existsSync(p));
if (!CHROMIUM) {
  const msg = '[e2e] no Chromium found (set CHROMIUM_PATH or apt-get install chromium): browser tests are SKIPPED';
  if (process.env.CI) throw new Error(msg);
  console.warn(msg);
}

export const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-output');
mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });

const BROWSER = {
  executablePath: CHROMIUM!,
  headless: true,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};
const contextOptions = (options: { locale?: string }) => ({
  locale: options.locale ?? 'zh-CN',
  viewport: { width: 1200, height: 900 },
  acceptDownloads: true,
});

/**
 * Playwright's 30 s for an action or an event is a hang detector too: a PDF drawn offline, or a full-page
 * screenshot of the full report, while two other test files share the 2 cores (CI, or a CPU hog) took longer.
 * A state that arrives earlier still ends the wait. Every context the tests open goes through here.
 */
export function patient<T extends BrowserContext>(ctx: T): T {
  ctx.setDefaultTimeout(90_000);
  return ctx;
}

/**
 * A persistent context in a fresh profile folder, deleted when the context closes: profiles are ~50 MB each and
 * used to pile up in /tmp run after run.
 */
export async function launch(options: { locale?: string } = {}): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'digilevel-e2e-'));
  const ctx = await chromium.launchPersistentContext(profile, { ...BROWSER, ...contextOptions(options) });
  patient(ctx);
  // Remove the profile once the browser has exited (on the 'close' event Chromium may still be writing to it).
  const close = ctx.close.bind(ctx);
  ctx.close = async (...args) => {
    await close(...args);
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  return ctx;
}

/**
 * Screenshots are artifacts for a person to look at, never compared by a test, so they are taken only when asked
 * for (SCREENSHOTS=1): a full-page capture re-lays the page out at its full height and encodes a PNG, CPU that a
 * CI run on 2 cores is short of.
 */
export const SCREENSHOTS = !!process.env.SCREENSHOTS && process.env.SCREENSHOTS !== '0';

export async function screenshot(page: Page, name: string) {
  if (SCREENSHOTS) await page.screenshot({ path: join(ARTIFACTS, 'screenshots', `${name}.png`), fullPage: true });
}

/** A page of `ctx` that fails the test on any uncaught page error. */
async function strictPage(ctx: BrowserContext): Promise<Page> {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => {
    throw e;
  });
  return page;
}

/** A browser and one page that fails the test on any uncaught page error. */
export async function launchWithPage(options: { locale?: string } = {}): Promise<{ ctx: BrowserContext; page: Page }> {
  const ctx = await launch(options);
  return { ctx, page: await strictPage(ctx) };
}

/**
 * A browser and one page for a describe block: opened before its tests, closed after them. The fields are
 * filled when the block's tests run, so read them there (or copy them in a later beforeAll).
 */
export function pageForSuite(options: { locale?: string } = {}): { ctx: BrowserContext; page: Page } {
  const opened = {} as { ctx: BrowserContext; page: Page };
  beforeAll(async () => {
    Object.assign(opened, await launchWithPage(options));
  });
  afterAll(async () => opened.ctx?.close());
  return opened;
}

/**
 * A fresh context (empty storage, like a new profile) and page for each test of a describe block, so no test
 * sees another's data, language or page and each passes when run alone. One browser serves the block: a new
 * context takes a fraction of a browser launch. Read the fields inside the tests.
 */
export function pageForEach(options: { locale?: string } = {}): { ctx: BrowserContext; page: Page } {
  const opened = {} as { ctx: BrowserContext; page: Page };
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch(BROWSER);
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    opened.ctx = patient(await browser!.newContext(contextOptions(options)));
    opened.page = await strictPage(opened.ctx);
  });
  afterEach(async () => opened.ctx?.close());
  return opened;
}
