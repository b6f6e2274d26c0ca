/** Runs axe-core in the page (injected through the devtools protocol, so the app's CSP stays on). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Checks the screen as the user sees it once loaded: it waits until the app has mounted (its main landmark
 * has content) and no loading line (aria-busy) is left, since a screen that loads on demand shows
 * "Loading…" first and axe would check that instead.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await expect
    .poll(() =>
      page
        .evaluate(() => ({
          main: (document.querySelector('main')?.children.length ?? 0) > 0,
          loading: document.querySelectorAll('[aria-busy="true"]').length,
        }))
        .catch(() => null),
    )
    .toEqual({ main: true, loading: 0 });
  await page.evaluate(`${axeSource};0`);
  const result = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] })`)) as {
    violations: { id: string; help: string; nodes: { target: string[] }[] }[];
  };
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
