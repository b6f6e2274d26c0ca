import { describe, expect, it, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, pageForEach, screenshot } from './browser';
import { axeViolations } from './axe';
import { clickRoute, gotoRoute, waitRoute, waitSaved } from './wait';
import { seed } from './seed';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));
const NAME = '评审准备示例厂';
const REALTIME = '[data-testid=finding][data-rule=realtime-level-without-auto-collection]';

/** Imports the level-3 fixture under NAME into the test's fresh browser and opens its 评审准备 screen. */
async function openReview(page: Page): Promise<string> {
  const [id] = await seed(page, { ...fixture, profile: { ...fixture.profile, name: NAME } }, NAME);
  await gotoRoute(page, `#/a/${id}/review`, '评审准备');
  return id!;
}

describe.skipIf(!CHROMIUM)("reviewer's eye end to end", () => {
  // an empty browser context per test: each seeds what it needs and passes when run alone
  const browser = pageForEach({ locale: 'zh-CN' });

  it('imports the level-3 fixture, opens 评审准备 and sees findings and the readiness summary', async () => {
    const { page } = browser;
    await seed(page, { ...fixture, profile: { ...fixture.profile, name: NAME } }, NAME);
    await clickRoute(page, page.getByRole('link', { name: NAME }).first(), /./);
    await clickRoute(page, page.getByRole('link', { name: '评审准备', exact: true }), '评审准备');

    // the fixture claims quality level 4 with no digital talent measures (q10 「无」)
    await expect.poll(() => page.getByTestId('finding').count()).toBeGreaterThan(0);
    const talent = page.locator('[data-testid=finding][data-rule=level-four-without-digital-talent]');
    expect(await talent.innerText()).toContain('质量管理申报到四级');
    expect(await page.getByTestId('findings-summary').innerText()).toContain('不会改变得分和等级');
    expect(await page.getByRole('note').first().innerText()).toContain('不会改变得分和等级');

    expect(await page.getByTestId('readiness-overall').innerText()).toMatch(/^共 \d+ 项申报：材料齐备 0 项/);
    expect(Number(await page.getByTestId('no-evidence-3').innerText())).toBeGreaterThan(0);
    expect(await page.getByTestId('readiness-gaps').innerText()).toMatch(/三级场景申报中尚无任何佐证：\d+ 项/);
    expect(await page.getByText('以下为本工具给出的准备建议，并非官方文本。').count()).toBe(1);
  });

  it('warns about 能耗管理 level 3 without 能耗管理 in q4, and the warning goes when the answer is fixed', async () => {
    const { page } = browser;
    const id = await openReview(page);
    // untick 能耗管理 in q4 and claim 能耗管理 up to level 3
    await gotoRoute(page, `#/a/${id}/questions/data-collection`, '数据采集');
    await page.locator('#question-q4').getByLabel('能耗管理', { exact: true }).uncheck();
    await gotoRoute(page, `#/a/${id}/scenarios/production-execution`, '生产执行数字化');
    await page.locator('#scenario-energy').getByRole('radio', { name: '三级', exact: true }).check();
    await gotoRoute(page, `#/a/${id}/review`, '评审准备');
    await expect.poll(() => page.locator(REALTIME).count()).toBe(1);
    const finding = page.locator(REALTIME);
    expect(await finding.innerText()).toContain('第4题（实现数据自动采集的业务环节）没有勾选「能耗管理」');
    expect(await finding.locator('xpath=ancestor::section[1]//h3').innerText()).toContain('可能被评审质疑');

    // the finding links to item 4; fix the answer there and come back
    await clickRoute(page, finding.getByRole('link', { name: '第4题' }), '数据采集');
    expect(page.url()).toMatch(/\/questions\/data-collection$/);
    await page.locator('#question-q4').getByLabel('能耗管理', { exact: true }).check();
    await clickRoute(page, page.getByRole('link', { name: '评审准备', exact: true }), '评审准备');
    await expect.poll(() => page.getByTestId('finding').count()).toBeGreaterThan(0);
    expect(await page.locator(REALTIME).count()).toBe(0);
  });

  it('ticks evidence, updates the summary, and finds it ticked after a reload', async () => {
    const { page } = browser;
    const id = await openReview(page);
    // claim 能耗管理 up to level 3, so its level-3 evidence is listed
    await gotoRoute(page, `#/a/${id}/scenarios/production-execution`, '生产执行数字化');
    await page.locator('#scenario-energy').getByRole('radio', { name: '三级', exact: true }).check();
    await gotoRoute(page, `#/a/${id}/review`, '评审准备');
    const claim = page.getByTestId('claim-energy@3');
    const box = claim.getByLabel(/能耗及影响设备能耗的关键数据的实时采集导出/);
    const before = Number(await page.getByTestId('no-evidence-3').innerText());
    await box.check();
    await expect.poll(() => page.getByTestId('no-evidence-3').innerText()).toBe(String(before - 1));
    expect(await claim.innerText()).toContain('已准备 1 / 3');
    await waitSaved(page);
    await page.reload();
    await waitRoute(page, '评审准备');
    expect(
      await page
        .getByTestId('claim-energy@3')
        .getByLabel(/实时采集导出/)
        .isChecked(),
    ).toBe(true);
    expect(await page.getByTestId('no-evidence-3').innerText()).toBe(String(before - 1));

    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-zh-CN');
    await page.getByTestId('language').selectOption('en');
    await waitRoute(page, 'Review readiness');
    expect(await page.getByTestId('readiness-overall').innerText()).toMatch(/^\d+ claims:/);
    expect(await page.getByText(/Level 4 \(artificial intelligence/).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'review-en');
  });

  it('opens 方法说明 from the header and finds the level thresholds and an interpretation', async () => {
    const { page } = browser;
    await gotoRoute(page, inject('baseUrl'), '本机上的评测');
    await clickRoute(page, page.getByRole('link', { name: '方法说明' }), '方法说明：得分和等级如何计算');
    const rules = page.getByTestId('level-rules');
    expect(await rules.innerText()).toContain('三级（集成级）');
    expect(await rules.innerText()).toMatch(/≥ 60/);
    expect(await page.getByText('数字化水平三级。“数字化基础、管理和成效”得分不低于60分').count()).toBe(1);
    expect(await page.getByTestId('interpretations').innerText()).toContain('第8题');
    expect(await page.getByTestId('edition').innerText()).toContain('rubric: "cn-sme-2024"');
    expect(await page.getByTestId('method-disclaimer').innerText()).toContain('第十二条');
    expect(await page.getByTestId('seeds').locator('li').count()).toBe(5);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'method-zh-CN');

    await page.getByTestId('language').selectOption('en');
    await waitRoute(page, 'Method: how the score and the level are computed');
    expect(await page.getByTestId('level-rules').innerText()).toContain('Level 3 (Integrated)');
    expect(await page.getByTestId('method-disclaimer').innerText()).toContain('Article 12');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'method-en');
    await page.getByTestId('language').selectOption('zh-CN');
  });
});
