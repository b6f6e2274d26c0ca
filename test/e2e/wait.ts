import { expect, inject } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/**
 * The ids of the fieldsets of a step once the step has rendered: screens load on demand, so right after
 * a navigation the previous step (or a loading line) may still be shown.
 */
export async function stepIds(page: Page, selector: string, prefix: string, previous: string[]): Promise<string[]> {
  let ids: string[] = [];
  await expect
    .poll(async () => {
      ids = await page.locator(selector).evaluateAll((els, p) => els.map((e) => e.id.replace(p, '')), prefix);
      return ids.length > 0 && ids[0] !== previous[0];
    })
    .toBe(true);
  return ids;
}

/** The route's own URL: a hash path (`#/rubric`) is taken relative to the served app. */
function routeUrl(url: string): string {
  return url.startsWith('#') ? `${inject('baseUrl')}${url}` : url;
}

/** What the page shows now: its first h1 and how many loading lines (aria-busy) are still on screen. */
function shown(page: Page) {
  return page
    .evaluate(() => ({
      loading: document.querySelectorAll('[aria-busy="true"]').length,
      heading: document.querySelector('h1')?.innerText.trim() ?? null,
    }))
    .catch(() => null); // the page is between documents (reload, goto): ask again
}

/**
 * Waits until a route has rendered: its h1 reads `heading` and no loading line is left. Screens load on demand,
 * so right after a click or a goto the previous screen or "Loading…" may still be shown.
 */
export async function waitRoute(page: Page, heading: string | RegExp): Promise<void> {
  const want = typeof heading === 'string' ? heading : expect.stringMatching(heading);
  await expect.poll(() => shown(page)).toEqual({ loading: 0, heading: want });
}

/** Opens a route by its URL (absolute, or a hash path such as `#/rubric`) and waits until it has rendered. */
export async function gotoRoute(page: Page, url: string, heading: string | RegExp): Promise<void> {
  await page.goto(routeUrl(url));
  await waitRoute(page, heading);
}

/** Clicks a link or button that changes the route and waits until the target route has rendered. */
export async function clickRoute(page: Page, target: Locator, heading: string | RegExp): Promise<void> {
  await target.click();
  await waitRoute(page, heading);
}

/**
 * Waits until the open assessment's edits are stored. The save status shows 'pending' as soon as an edit is
 * made (no debounce before it), and 'saved' once the write has committed.
 */
export async function waitSaved(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.save').getAttribute('data-state')).toBe('saved');
}

/**
 * One visit to the app with the network on, until its service worker controls the page; then the browser goes
 * offline and the page reloads, served by the service worker alone.
 */
export async function offlineAfterFirstVisit(ctx: BrowserContext, page: Page): Promise<void> {
  await page.goto(inject('baseUrl'));
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await ctx.setOffline(true);
  await page.reload();
}
