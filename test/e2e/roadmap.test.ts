import { describe, expect, it, inject, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, pageForSuite, screenshot, ARTIFACTS } from './browser';
import { axeViolations } from './axe';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));

async function importAs(page: Page, industry: string, name: string) {
  const path = join(ARTIFACTS, `${industry}.json`);
  writeFileSync(path, JSON.stringify({ ...fixture, profile: { ...fixture.profile, industry, name } }));
  await page.locator('input[type=file]').setInputFiles(path);
  await expect.poll(() => page.getByText(name).count()).toBeGreaterThan(0);
}

async function roadmapIds(page: Page, name: string) {
  await page.getByRole('link', { name: '我的评测' }).click();
  await page.getByRole('link', { name }).click();
  await page.getByRole('link', { name: '路线图', exact: true }).click();
  await page.getByRole('button', { name: '列表' }).click();
  await expect.poll(() => page.getByTestId('roadmap-step').count()).toBeGreaterThan(10);
  return page.getByTestId('roadmap-step').evaluateAll((els) => els.map((e) => e.id));
}

describe.skipIf(!CHROMIUM)('roadmap end to end', () => {
  const browser = pageForSuite({ locale: 'zh-CN' });
  let page: Page;
  beforeAll(() => ({ page } = browser));

  it('gives a food & beverage and a building-materials enterprise with the same answers different roadmaps', async () => {
    await page.goto(inject('baseUrl'));
    await importAs(page, 'food-beverage', '甲食品厂');
    await importAs(page, 'building-materials', '乙建材厂');
    const food = await roadmapIds(page, '甲食品厂');
    expect(await page.locator('h1').innerText()).toBe('转型路线图：食品饮料');
    await screenshot(page, 'roadmap-list-food-zh-CN');
    const building = await roadmapIds(page, '乙建材厂');
    expect(await page.locator('h1').innerText()).toBe('转型路线图：建材');
    expect(food.every((id) => id.startsWith('step-fb-'))).toBe(true);
    expect(building.every((id) => id.startsWith('step-bm-'))).toBe(true);
  });

  it('shows every step with a citation whose passage opens on demand, and planner steps first', async () => {
    const steps = page.getByTestId('roadmap-step');
    const count = await steps.count();
    for (let i = 0; i < count; i++) {
      const summary = steps.nth(i).locator('.citation summary');
      expect(await summary.innerText()).toMatch(/出处：.+/);
    }
    const first = steps.first();
    await first.locator('.citation summary').click();
    expect((await first.locator('blockquote').innerText()).length).toBeGreaterThan(5);
    // the next-level plan is shown on the results screen and drives the roadmap
    await page.getByRole('link', { name: '结果', exact: true }).click();
    await expect.poll(() => page.getByTestId('plan-4').innerText()).toContain('达到四级');
    await page.getByRole('link', { name: '路线图', exact: true }).click();
    await expect.poll(() => page.locator('.timeline').isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'roadmap-timeline-zh-CN');
    await page.getByRole('button', { name: '列表' }).click();
    await expect.poll(() => page.getByText('服务于达到四级').count()).toBeGreaterThan(0);
    // planner-serving steps come first within their stage: the first listed step serves level 4
    expect(await page.getByTestId('roadmap-step').first().innerText()).toContain('服务于达到四级');
  });

  it('stores a step marked done with a target quarter, and filters by value tag', async () => {
    await page.getByRole('button', { name: '列表' }).click();
    const step = page.getByTestId('roadmap-step').first();
    const id = await step.getAttribute('id');
    await step.getByLabel('状态').selectOption('done');
    await step.getByLabel('计划季度').selectOption('2026-Q3');
    await page.waitForTimeout(400);
    await page.reload();
    await page.getByRole('button', { name: '列表' }).click();
    const again = page.locator(`#${id}`);
    expect(await again.getAttribute('data-status')).toBe('done');
    expect(await again.getByLabel('计划季度').inputValue()).toBe('2026-Q3');
    await page.getByLabel('价值标签').selectOption('green-low-carbon');
    const shown = await page.getByTestId('roadmap-step').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(28);
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('h1').innerText()).toBe('Transformation roadmap: Building materials');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'roadmap-list-en');
    await page.getByTestId('language').selectOption('zh-CN');
  });
});
