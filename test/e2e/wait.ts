import { expect } from 'vitest';
import type { Page } from 'playwright-core';

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
