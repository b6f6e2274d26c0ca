import { describe, expect, it, inject, afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CHROMIUM, launch, launchWithPage, screenshot, ARTIFACTS } from './browser';
import { axeViolations } from './axe';

const FIXTURE = join(import.meta.dirname, '../fixtures/valid-level3.json');
const NAME = '示例食品有限公司';

/** Waits until the open assessment's edits are stored. */
async function saved(page: Page) {
  await expect.poll(() => page.locator('.save').innerText()).toBe('已保存');
}

async function fill(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

describe.skipIf(!CHROMIUM)('progress over time end to end (re-assess, compare, trend, export/import)', () => {
  let ctx: BrowserContext;
  let page: Page;
  let fresh: BrowserContext | undefined;
  let stepTitle = '';
  let latestText = '';
  const base = () => inject('baseUrl');
  beforeAll(async () => {
    ({ ctx, page } = await launchWithPage({ locale: 'zh-CN' }));
  });
  afterAll(async () => {
    await fresh?.close();
    await ctx?.close();
  });

  it('imports an assessment, enters its effect indicators and re-assesses it for next year', async () => {
    await page.goto(base());
    await page.locator('input[type=file]').setInputFiles(FIXTURE);
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(1);
    // the 2026 assessment's effect indicators, with their definitions inline
    await page.getByTestId('assessment-row').getByRole('link').first().click();
    await page.getByRole('link', { name: '结果', exact: true }).click();
    const effects = page.getByTestId('result-indicators');
    await expect.poll(() => effects.innerText()).toContain('聚焦营收增长率、利润率、研发周期');
    expect(await effects.innerText()).toContain(
      '定义（本工具的口径，指南未给出定义）：（本年营业收入 − 上年营业收入）',
    );
    await fill(page, '营收增长率（%）', '8');
    await fill(page, '研发周期（天）', '180');
    await fill(page, '客户满意度（分）', '120');
    await expect.poll(() => effects.innerText()).toContain('不能大于 100。');
    await fill(page, '客户满意度（分）', '88');
    await saved(page);
    expect(await axeViolations(page)).toEqual([]);
    await effects.screenshot({ path: join(ARTIFACTS, 'screenshots', 'progress-effect-indicators-zh-CN.png') });

    await page.getByRole('link', { name: '我的评测' }).click();
    await page.getByRole('button', { name: `下一年复评：从“${NAME} 2026”开始` }).click();
    await expect.poll(() => page.url()).toMatch(/#\/a\/[^/]+\/profile$/);
    expect(await page.getByLabel('评测年份').inputValue()).toBe('2027');
  });

  it('changes what moved: an answer, a scenario, a roadmap step and the effect indicators', async () => {
    await page.getByRole('link', { name: '评测题', exact: true }).click();
    await page
      .getByRole('link', { name: /规划管理/ })
      .first()
      .click();
    await page
      .locator('#question-q8')
      .getByLabel('定期组织员工去数字化建设成效较好的同行业公司参观交流，增强数字化转型意识', { exact: true })
      .check();
    await page.getByRole('link', { name: '业务场景', exact: true }).click();
    await page.locator('#scenario-product-design input[type=checkbox]').nth(3).check();
    await page.getByRole('link', { name: '路线图', exact: true }).click();
    await page.getByRole('button', { name: '列表' }).click();
    const step = page.getByTestId('roadmap-step').first();
    await expect.poll(() => step.count()).toBe(1);
    stepTitle = await step.locator('h2').innerText();
    await step.locator('select').first().selectOption('done');
    await page.getByRole('link', { name: '结果', exact: true }).click();
    await fill(page, '营收增长率（%）', '12.5');
    await fill(page, '研发周期（天）', '150');
    await saved(page);
  });

  it('groups both under the enterprise on the home screen and compares them with signed deltas', async () => {
    await page.getByRole('link', { name: '我的评测' }).click();
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(2);
    expect(await page.getByTestId('enterprise-group').count()).toBe(1);
    latestText = await page.getByTestId('enterprise-latest').innerText();
    expect(latestText).toBe('最新等级：三级（2027） · 共 2 份评测');
    const rows = await page.getByTestId('assessment-row').allInnerTexts();
    expect(rows[0]).toContain('2027 年度复评');
    expect(rows[0]).toContain('2026 年评测的复评');
    expect(rows[1]).toContain('2026');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'progress-home-zh-CN');

    await page.getByRole('link', { name: `对比：“${NAME} 2027”与“${NAME} 2026”` }).click();
    await expect.poll(() => page.locator('h1').first().innerText()).toBe('对比两次评测');
    await expect.poll(() => page.getByTestId('total-delta').innerText()).toBe('+7.5');
    expect(await page.getByTestId('level-delta').innerText()).toBe('0');
    expect(await page.getByTestId('item-q8').innerText()).toMatch(/0\s+7\.5\s+\+7\.5/);
    expect(await page.getByTestId('item-q1').innerText()).toMatch(/8\s+8\s+0$/);
    expect(await page.getByTestId('scenarios-rose').innerText()).toContain('产品设计');
    expect(await page.getByTestId('scenarios-rose').innerText()).toContain('三级 → 四级（+1）');
    await expect.poll(() => page.getByTestId('steps-completed').innerText()).toContain(stepTitle);
    expect(await page.getByTestId('result-delta-revenue-growth').innerText()).toBe('+4.5 改善');
    expect(await page.getByTestId('result-delta-rd-cycle').innerText()).toBe('−30 改善');
    expect(await page.getByTestId('result-delta-profit-margin').innerText()).toBe('—');
    // the delta reads in black and white: a sign, and a colour on top
    const color = await page.getByTestId('total-delta').evaluate((el) => getComputedStyle(el).color);
    expect(color).toBe('rgb(26, 127, 55)');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'progress-compare-zh-CN');
  });

  it('shows the trend chart and the same data as a table, also after a reload', async () => {
    await page.getByRole('link', { name: '查看历年趋势 →' }).click();
    await expect.poll(() => page.locator('h1').first().innerText()).toBe(`“${NAME}”的历年趋势`);
    for (const id of ['trend-lines', 'trend-steps'])
      await expect.poll(() => page.getByTestId(id).getAttribute('data-drawn')).toBe('true');
    const table = page.getByTestId('trend-table');
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator('tbody tr').nth(0).innerText()).toMatch(/2026 年.*\s60\s+50\s+0\s+10\s+三级/s);
    expect(await table.locator('tbody tr').nth(1).innerText()).toMatch(/2027 年.*\s67\.5\s+50\s+7\.5\s+10\s+三级/s);
    expect(await page.getByTestId('trend-results').innerText()).toMatch(/营收增长率.*8\s+12\.5/s);
    await page.waitForTimeout(500);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'progress-trend-zh-CN');

    await page.reload();
    await expect.poll(() => page.getByTestId('trend-lines').getAttribute('data-drawn')).toBe('true');
    expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBe(2);

    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.locator('h1').first().innerText()).toBe(`Trend over the years: ${NAME}`);
    await page.waitForTimeout(500);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'progress-trend-en');
    await page.getByRole('link', { name: /^Compare with previous: 2026 and 2027/ }).click();
    await expect.poll(() => page.getByTestId('result-delta-rd-cycle').innerText()).toBe('−30 better');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'progress-compare-en');
    await page.getByTestId('language').selectOption('zh-CN');
  });

  it('puts the comparison and the trend, charts included, into the report and its PDF', async () => {
    await page.getByRole('link', { name: '我的评测' }).click();
    await page.getByTestId('assessment-row').first().getByRole('link').first().click();
    await page.getByRole('link', { name: '报告', exact: true }).click();
    const report = page.getByTestId('report');
    await expect.poll(() => report.innerText()).toContain('历年趋势');
    // results radar and bars, then the trend's score lines and level steps
    await expect.poll(() => page.locator('canvas[data-drawn]').count()).toBe(4);
    expect(await report.innerText()).toContain('总分与各一级指标得分');
    await screenshot(page, 'progress-report-zh-CN');
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 PDF' }).click(),
    ]);
    const file = join(ARTIFACTS, 'progress-report.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const words of ['进展：与上一次评测对比', '历年趋势', '总分与各一级指标得分', '总体等级（阶梯图）'])
      expect(text).toContain(words);
    const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(images.length).toBe(4);
  });

  it('exports the enterprise and imports it into a fresh browser with the same grouping and link', async () => {
    await page.getByRole('link', { name: '我的评测' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^导出该企业：/ }).click(),
    ]);
    const path = join(ARTIFACTS, 'enterprise-backup.json');
    await download.saveAs(path);
    const backup = JSON.parse(readFileSync(path, 'utf8'));
    expect(backup.format).toBe('sme-digital-assessment-backup');
    expect(backup.assessments).toHaveLength(2);
    const [later, earlier] = backup.assessments;
    expect(later.digilevel.meta.enterpriseId).toBe(earlier.digilevel.meta.enterpriseId);
    expect(later.digilevel.meta.previousCreatedAt).toBe(earlier.digilevel.meta.createdAt);
    // effect indicators belong to their year: the re-assessment did not copy them
    expect(later.digilevel.results).toEqual({ 'revenue-growth': 12.5, 'rd-cycle': 150 });
    expect(earlier.digilevel.results).toEqual({ 'revenue-growth': 8, 'rd-cycle': 180, 'customer-satisfaction': 88 });

    fresh = await launch({ locale: 'zh-CN' });
    const other = await fresh.newPage();
    other.on('pageerror', (e) => {
      throw e;
    });
    await other.goto(base());
    await expect.poll(() => other.getByRole('button', { name: '打开示例评测' }).count()).toBe(1);
    await other.locator('input[type=file]').setInputFiles(path);
    await expect.poll(() => other.getByTestId('assessment-row').count()).toBe(2);
    expect(await other.getByTestId('enterprise-group').count()).toBe(1);
    expect(await other.getByTestId('enterprise-latest').innerText()).toBe(latestText);
    expect(await other.getByTestId('assessment-row').first().innerText()).toContain('2026 年评测的复评');
    expect(await axeViolations(other)).toEqual([]);
    await other.getByRole('link', { name: `对比：“${NAME} 2027”与“${NAME} 2026”` }).click();
    await expect.poll(() => other.getByTestId('total-delta').innerText()).toBe('+7.5');
    await expect.poll(() => other.getByTestId('steps-completed').innerText()).toContain(stepTitle);
    await other.getByRole('link', { name: '我的评测' }).click();
    await other.getByRole('link', { name: `趋势：“${NAME}”的历年评测` }).click();
    await expect.poll(() => other.getByTestId('trend-lines').getAttribute('data-drawn')).toBe('true');

    // the grouped list on a 360 px phone: no sideways scrolling
    await other.getByRole('link', { name: '我的评测' }).click();
    await other.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => other.getByTestId('assessment-row').count()).toBe(2);
    const overflow = await other.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(other, 'progress-home-360px');
  });
});
