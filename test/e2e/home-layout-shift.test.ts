/**
 * Issue 16 (7): home paints at once and then holds still. On a first visit the prerendered shell is replaced by
 * the app and storage is asked whether it holds anything; none of that may move what is already on screen. The
 * browser's own layout-shift entries (buffered, so those before the observer count too) must sum to 0 on a
 * phone-sized screen, in Chinese and in English. And the first visit loads no rubric: the start button's minutes
 * come from the build (build/rubric-sizes.ts), and checking the rubric was the longest task after the first paint.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launch } from './browser';

/** Adds up the page's layout shifts not caused by input, from its first frame (run before any script of the page). */
function recordShifts() {
  type Shift = PerformanceEntry & { value: number; hadRecentInput: boolean };
  const w = window as unknown as { shifted: number; shiftObserver: PerformanceObserver };
  w.shifted = 0;
  const add = (entries: PerformanceEntry[]) =>
    (entries as Shift[]).forEach((s) => (w.shifted += s.hadRecentInput ? 0 : s.value));
  w.shiftObserver = new PerformanceObserver((list) => add(list.getEntries()));
  w.shiftObserver.observe({ type: 'layout-shift', buffered: true });
}

/**
 * The shifts so far, once home has read storage and the page has done what it does when idle (loading i18next, the
 * last change it makes on its own); entries not yet delivered are taken too.
 */
async function settledShift(page: Page, idle: Promise<unknown>): Promise<number> {
  await expect.poll(() => page.locator('section[aria-labelledby="home-h"][aria-busy="false"]').count()).toBe(1);
  expect(await page.locator('.start button.primary').innerText()).toMatch(/\b10\b/);
  await idle;
  // the frame after the last change is laid out before the shifts are read
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => {
    const w = window as unknown as { shifted: number; shiftObserver: PerformanceObserver };
    for (const s of w.shiftObserver.takeRecords() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      w.shifted += s.hadRecentInput ? 0 : s.value;
    return w.shifted;
  });
}

describe.skipIf(!CHROMIUM)('home on a first visit', () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch();
  });
  afterAll(async () => ctx?.close());

  it.each(['zh-CN', 'en'])('does not move once painted (%s, phone-sized screen)', async (lang) => {
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 412, height: 823 });
    await page.addInitScript((l) => localStorage.setItem('digilevel.lang', l), lang);
    await page.addInitScript(recordShifts);
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    const idle = page.waitForRequest(/\/assets\/i18next-[\w-]+\.js$/);
    await page.goto(inject('baseUrl'));
    expect(await settledShift(page, idle)).toBe(0);
    // no rubric (rubric-*.js, from rubrics/*/rubric.json) and none of its parts or checks
    expect(requested.filter((p) => /\/assets\/(rubric|manifest|costs|parse-any)-/.test(p))).toEqual([]);
    await page.close();
  });
});
