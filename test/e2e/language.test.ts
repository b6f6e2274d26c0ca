import { describe, expect, it, inject, afterAll, beforeAll } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { CHROMIUM, launch } from './browser';

describe.skipIf(!CHROMIUM)('language detection', () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch({ locale: 'en-US' });
  });
  afterAll(async () => ctx?.close());

  it('opens in English for an English browser (its strings are fetched before the first render)', async () => {
    const page = await ctx.newPage();
    await page.goto(inject('baseUrl'));
    await expect.poll(() => page.locator('h1').innerText()).toBe('Assessments on this device');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('loads i18next once the page is idle, and its strings are the same', async () => {
    const page = await ctx.newPage();
    const loaded = page.waitForResponse((r) => /\/assets\/i18next-[\w-]+\.js$/.test(r.url()));
    await page.goto(inject('baseUrl'));
    expect((await loaded).ok()).toBe(true);
    // a string drawn after the switch (the language menu re-renders the header in Chinese, then English)
    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => page.locator('h1').innerText()).toBe('本机上的评测');
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Assessments on this device');
    await page.close();
  });
});
