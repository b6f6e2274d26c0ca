import { describe, expect, it, inject, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, launchWithPage, pageForSuite, screenshot } from './browser';
import { axeViolations } from './axe';

describe.skipIf(!CHROMIUM)('the example assessment on a first visit', () => {
  const browser = pageForSuite({ locale: 'zh-CN' });
  let page: Page;
  beforeAll(() => ({ page } = browser));

  it('opens a filled-in example at its results, then lists it on home as one to delete', async () => {
    await page.goto(inject('baseUrl'));
    const open = page.getByRole('button', { name: '打开示例评测' });
    await expect.poll(() => open.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-empty-zh-CN');
    await open.click();
    await expect.poll(() => page.url()).toMatch(/#\/a\/[^/]+\/results$/);
    await expect.poll(() => page.getByTestId('overall-level').innerText()).toBe('三级');
    await page.getByRole('link', { name: '我的评测' }).click();
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(1);
    expect(await page.getByTestId('assessment-row').innerText()).toContain('示例（虚构企业，可删除）');
    // with an assessment stored, home no longer offers the example
    expect(await open.count()).toBe(0);
  });

  it('is offered in English too', async () => {
    const fresh = await launchWithPage({ locale: 'en-US' });
    try {
      await fresh.page.goto(inject('baseUrl'));
      await expect
        .poll(() => fresh.page.getByRole('button', { name: 'Open an example assessment' }).isVisible())
        .toBe(true);
      expect(await fresh.page.locator('.example').innerText()).toContain('fictitious food company');
    } finally {
      await fresh.ctx.close();
    }
  });
});
