/**
 * Test data put into a browser the way a user does: through the import button on home. Each test seeds what
 * it needs instead of relying on what an earlier test left behind, so it passes when run alone.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from './browser';
import { gotoRoute } from './wait';

/** A file for the import button: a path as given, or the object written to a file named by its content. */
function fileOf(data: string | object): string {
  if (typeof data === 'string') return data;
  const text = JSON.stringify(data);
  const path = join(ARTIFACTS, `seed-${createHash('sha256').update(text).digest('hex').slice(0, 12)}.json`);
  writeFileSync(path, text);
  return path;
}

/** The ids of the assessments named `name` on home, in the order home lists them. */
export async function assessmentIds(page: Page, name: string): Promise<string[]> {
  const hrefs = await page
    .getByTestId('assessment-row')
    .getByRole('link', { name, exact: true })
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => /#\/a\/([^/]+)/.exec(h)?.[1] ?? '');
}

/**
 * Opens home, imports an assessment file or backup (a path, or the file's content), waits until `count`
 * assessments named `name` are listed and returns their ids. A file imported before is skipped as a duplicate,
 * so seeding twice is harmless.
 */
export async function seed(page: Page, data: string | object, name: string, count = 1): Promise<string[]> {
  await gotoRoute(page, '#/', /./);
  await page.locator('input[type=file]').setInputFiles(fileOf(data));
  await expect.poll(async () => (await assessmentIds(page, name)).length).toBe(count);
  return assessmentIds(page, name);
}
