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
});
