/**
 * Issue 16 (7): home paints at once and then holds still. On a first visit the prerendered shell is replaced by
 * the app, storage is read, the rubric arrives (the start button gains its minutes) and persistence is asked
 * for; none of that may move what is already on screen. The browser's own layout-shift entries (buffered, so
 * those before the observer count too) must sum to 0 on a phone-sized screen, in Chinese and in English.
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

/** The shifts so far, once home has read storage and the rubric (entries not yet delivered are taken too). */
async function settledShift(page: Page): Promise<number> {
  await expect.poll(() => page.locator('section[aria-labelledby="home-h"][aria-busy="false"]').count()).toBe(1);
  // the minutes come from the rubric, which loads after the list: the last change home makes on its own
  await expect.poll(() => page.locator('.start button.primary').innerText()).toMatch(/\d/);
  // the persistence answer comes with storage; the frame after it is laid out before the shifts are read
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
    await page.goto(inject('baseUrl'));
    expect(await settledShift(page)).toBe(0);
    await page.close();
  });
});
