import { describe, expect, it, inject, afterAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CHROMIUM, launch, pageForEach, screenshot, ARTIFACTS, SCREENSHOTS } from './browser';
import { axeViolations } from './axe';
import { clickRoute, gotoRoute, waitRoute, waitSaved } from './wait';
import { seed } from './seed';

const FIXTURE = join(import.meta.dirname, '../fixtures/valid-level3.json');
const NAME = '示例食品有限公司';
/**
 * What the first two tests make through the screens, as the app exported it: the 2026 assessment with its
 * effect indicators, and its 2027 re-assessment with q8, 产品设计 level 4, a roadmap step done and new indicators.
 * The later tests start from this file, so none depends on another test's page or data.
 */
const PAIR = join(import.meta.dirname, '../fixtures/progress-pair.json');
const pair = JSON.parse(readFileSync(PAIR, 'utf8'));
const ENTERPRISE: string = pair.assessments[0].digilevel.meta.enterpriseId;
/** The roadmap step the re-assessment marks done (fb-org-and-plan of the food & beverage guide). */
const STEP_TITLE = '建立高层牵头的转型组织并制定分阶段方案';
const LATEST = '最新等级：三级（2027） · 共 2 份评测';
const COMPARE = `对比：“${NAME} 2027”与“${NAME} 2026”`;

async function fill(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

/** Exports the enterprise's backup from home and returns it parsed; `file` names the saved copy. */
async function exportEnterprise(page: Page, file: string) {
  await gotoRoute(page, '#/', '本机上的评测');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^导出该企业：/ }).click(),
  ]);
  const path = join(ARTIFACTS, file);
  await download.saveAs(path);
  return { path, backup: JSON.parse(readFileSync(path, 'utf8')) };
}

/** Seeds the pair into the test's fresh browser; returns the ids of the 2027 and the 2026 assessment. */
async function seedPair(page: Page): Promise<[string, string]> {
  const [later, earlier] = await seed(page, PAIR, NAME, 2);
  return [later!, earlier!];
}

describe.skipIf(!CHROMIUM)('progress over time end to end (re-assess, compare, trend, export/import)', () => {
  // an empty browser context per test: each seeds what it needs and passes when run alone
  const browser = pageForEach({ locale: 'zh-CN' });
  let fresh: BrowserContext | undefined;
  afterAll(async () => {
    await fresh?.close();
  });

  it('imports an assessment, enters its effect indicators and re-assesses it for next year', async () => {
    const { page } = browser;
    await seed(page, FIXTURE, NAME);
    // the 2026 assessment's effect indicators, with their definitions inline
    await clickRoute(page, page.getByTestId('assessment-row').getByRole('link').first(), /./);
    await clickRoute(page, page.getByRole('link', { name: '结果', exact: true }), '评测结果');
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
    await waitSaved(page);
    expect(await axeViolations(page)).toEqual([]);
    if (SCREENSHOTS)
      await effects.screenshot({ path: join(ARTIFACTS, 'screenshots', 'progress-effect-indicators-zh-CN.png') });

    await clickRoute(page, page.getByRole('link', { name: '我的评测' }), '本机上的评测');
    await clickRoute(page, page.getByRole('button', { name: `下一年复评：从“${NAME} 2026”开始` }), '企业概况');
    expect(page.url()).toMatch(/#\/a\/[^/]+\/profile$/);
    expect(await page.getByLabel('评测年份').inputValue()).toBe('2027');

    // home links it to its source; effect indicators belong to their year and are not copied
    const { backup } = await exportEnterprise(page, 'reassessed-backup.json');
    expect(await page.getByTestId('assessment-row').first().innerText()).toContain('2026 年评测的复评');
    expect(backup.assessments).toHaveLength(2);
    const [later, earlier] = backup.assessments;
    expect(later.digilevel.meta.enterpriseId).toBe(earlier.digilevel.meta.enterpriseId);
    expect(later.digilevel.results).toBeUndefined();
    expect(earlier.digilevel.results).toEqual({ 'revenue-growth': 8, 'rd-cycle': 180, 'customer-satisfaction': 88 });
  });

  it('changes what moved: an answer, a scenario, a roadmap step and the effect indicators', async () => {
    const { page } = browser;
    await seed(page, FIXTURE, NAME);
    await clickRoute(page, page.getByRole('button', { name: `下一年复评：从“${NAME} 2026”开始` }), '企业概况');
    // the re-assessment opens on the items whose figures moved a year (issue 15, fault 6): answered again
    const updates = page.getByTestId('reassess-updates');
    expect(await updates.getByRole('heading').innerText()).toBe('以下 4 题需要更新');
    const again: [string, string, string][] = [
      ['q12', '第 12 题 绿色低碳', '降低'],
      ['q13', '第 13 题 产品质量', '降低'],
      ['q14', '第 14 题 市场表现', '增加'],
      ['q15', '第 15 题 价值效益', '增加'],
    ];
    for (const [id, link, option] of again) {
      await clickRoute(page, updates.getByRole('link', { name: link }), /./);
      await page.locator(`#question-${id}`).getByRole('radio', { name: option, exact: true }).check();
      await waitSaved(page);
    }
    await expect.poll(() => updates.count()).toBe(0);
    await clickRoute(page, page.getByRole('link', { name: '评测题', exact: true }), /./);
    await clickRoute(page, page.getByRole('link', { name: /规划管理/ }).first(), '规划管理');
    await page
      .locator('#question-q8')
      .getByLabel('定期组织员工去数字化建设成效较好的同行业公司参观交流，增强数字化转型意识', { exact: true })
      .check();
    await clickRoute(page, page.getByRole('link', { name: '业务场景', exact: true }), '产品生命周期数字化');
    await page.locator('#scenario-product-design').getByRole('radio', { name: '四级', exact: true }).check();
    await clickRoute(page, page.getByRole('link', { name: '路线图', exact: true }), '转型路线图：食品饮料');
    await page.getByRole('button', { name: '列表' }).click();
    const step = page.getByTestId('roadmap-step').first();
    await expect.poll(() => step.count()).toBe(1);
    expect(await step.locator('h2').innerText()).toBe(STEP_TITLE);
    await step.locator('select').first().selectOption('done');
    await clickRoute(page, page.getByRole('link', { name: '结果', exact: true }), '评测结果');
    await fill(page, '营收增长率（%）', '12.5');
    await fill(page, '研发周期（天）', '150');
    await waitSaved(page);

    // what the screens stored is what the later tests start from
    const { backup } = await exportEnterprise(page, 'changed-backup.json');
    const [later] = backup.assessments;
    const expected = pair.assessments[0];
    expect(later.answers).toEqual(expected.answers);
    expect(later.scenarios).toEqual(expected.scenarios);
    expect(later.digilevel.roadmap).toEqual(expected.digilevel.roadmap);
    expect(later.digilevel.results).toEqual(expected.digilevel.results);
  });

  it('re-assessing twice into the same year offers to open that year instead of making a second one', async () => {
    const { page } = browser;
    const [later] = await seedPair(page);
    // 2026 again: 2027 exists
    await page.getByRole('button', { name: `下一年复评：从“${NAME} 2026”开始` }).click();
    const dialog = page.getByRole('dialog', { name: '2027 年度的评测已存在' });
    await clickRoute(page, dialog.getByRole('button', { name: '打开 2027 年度的评测' }), /./);
    expect(page.url()).toContain(`/a/${later}/`);
    // 2027 twice: the first makes 2028, the second offers to open it
    await clickRoute(page, page.getByRole('link', { name: '我的评测' }), '本机上的评测');
    await clickRoute(page, page.getByRole('button', { name: `下一年复评：从“${NAME} 2027”开始` }), '企业概况');
    const y2028 = /#\/a\/([^/]+)\/profile$/.exec(page.url())![1]!;
    await clickRoute(page, page.getByRole('link', { name: '我的评测' }), '本机上的评测');
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(3);
    await page.getByRole('button', { name: `下一年复评：从“${NAME} 2027”开始` }).click();
    await clickRoute(
      page,
      page.getByRole('dialog', { name: '2028 年度的评测已存在' }).getByRole('button', { name: '打开 2028 年度的评测' }),
      '企业概况',
    );
    expect(page.url()).toContain(`/a/${y2028}/profile`);
    await clickRoute(page, page.getByRole('link', { name: '我的评测' }), '本机上的评测');
    expect(await page.getByTestId('assessment-row').count()).toBe(3);
    // a 2028 with every q12–q15 answer cleared: not complete, and said so instead of 未达一级
    expect(await page.getByTestId('enterprise-latest').innerText()).toMatch(/^最新等级：.*（2028） · 共 3 份评测$/);
  });

  it('groups both under the enterprise on the home screen and compares them with signed deltas', async () => {
    const { page } = browser;
    await seedPair(page);
    expect(await page.getByTestId('enterprise-group').count()).toBe(1);
    expect(await page.getByTestId('enterprise-latest').innerText()).toBe(LATEST);
    const rows = await page.getByTestId('assessment-row').allInnerTexts();
    expect(rows[0]).toContain('2027 年度复评');
    expect(rows[0]).toContain('2026 年评测的复评');
    expect(rows[1]).toContain('2026');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'progress-home-zh-CN');

    await clickRoute(page, page.getByRole('link', { name: COMPARE }), '对比两次评测');
    await expect.poll(() => page.getByTestId('total-delta').innerText()).toBe('+7.5');
    expect(await page.getByTestId('level-delta').innerText()).toBe('0');
    expect(await page.getByTestId('item-q8').innerText()).toMatch(/0\s+7\.5\s+\+7\.5/);
    expect(await page.getByTestId('item-q1').innerText()).toMatch(/8\s+8\s+0$/);
    expect(await page.getByTestId('scenarios-rose').innerText()).toContain('产品设计');
    expect(await page.getByTestId('scenarios-rose').innerText()).toContain('三级 → 四级（+1）');
    await expect.poll(() => page.getByTestId('steps-completed').innerText()).toContain(STEP_TITLE);
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
    const { page } = browser;
    const [later, earlier] = await seedPair(page);
    await gotoRoute(page, `#/a/${later}/compare/${earlier}`, '对比两次评测');
    await clickRoute(page, page.getByRole('link', { name: '查看历年趋势 →' }), `“${NAME}”的历年趋势`);
    expect(page.url()).toContain(`#/e/${ENTERPRISE}`);
    for (const id of ['trend-lines', 'trend-steps'])
      await expect.poll(() => page.getByTestId(id).getAttribute('data-drawn')).toBe('true');
    const table = page.getByTestId('trend-table');
    expect(await table.locator('tbody tr').count()).toBe(2);
    expect(await table.locator('tbody tr').nth(0).innerText()).toMatch(/2026 年.*\s60\s+50\s+0\s+10\s+三级/s);
    expect(await table.locator('tbody tr').nth(1).innerText()).toMatch(/2027 年.*\s67\.5\s+50\s+7\.5\s+10\s+三级/s);
    expect(await page.getByTestId('trend-results').innerText()).toMatch(/营收增长率.*8\s+12\.5/s);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'progress-trend-zh-CN');

    await page.reload();
    await waitRoute(page, `“${NAME}”的历年趋势`);
    await expect.poll(() => page.getByTestId('trend-lines').getAttribute('data-drawn')).toBe('true');
    expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBe(2);

    await page.getByTestId('language').selectOption('en');
    await waitRoute(page, `Trend over the years: ${NAME}`);
    await expect.poll(() => page.getByTestId('trend-table').locator('tbody tr').first().innerText()).toMatch(/Level 3/);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'progress-trend-en');
    await clickRoute(
      page,
      page.getByRole('link', { name: /^Compare with previous: 2026 and 2027/ }),
      'Compare two assessments',
    );
    await expect.poll(() => page.getByTestId('result-delta-rd-cycle').innerText()).toBe('−30 better');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'progress-compare-en');
  });

  it('puts the comparison and the trend, charts included, into the report and its PDF', async () => {
    const { page } = browser;
    const [later] = await seedPair(page);
    await gotoRoute(page, `#/a/${later}/report`, '中小企业数字化水平自评报告');
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
    const { page } = browser;
    await seedPair(page);
    const { path, backup } = await exportEnterprise(page, 'enterprise-backup.json');
    expect(backup.format).toBe('sme-digital-assessment-backup');
    expect(backup.assessments).toHaveLength(2);
    const [later, earlier] = backup.assessments;
    expect(later.digilevel.meta.enterpriseId).toBe(earlier.digilevel.meta.enterpriseId);
    // (the link to the earlier one is checked where it counts: the fresh browser below shows and compares them)
    // each year keeps its own effect indicators through export and import
    expect(later.digilevel.results).toEqual({ 'revenue-growth': 12.5, 'rd-cycle': 150 });
    expect(earlier.digilevel.results).toEqual({ 'revenue-growth': 8, 'rd-cycle': 180, 'customer-satisfaction': 88 });

    fresh = await launch({ locale: 'zh-CN' });
    const other = await fresh.newPage();
    other.on('pageerror', (e) => {
      throw e;
    });
    await gotoRoute(other, inject('baseUrl'), '本机上的评测');
    await expect.poll(() => other.getByRole('button', { name: '打开示例评测' }).count()).toBe(1);
    await other.locator('input[type=file]').setInputFiles(path);
    await expect.poll(() => other.getByTestId('assessment-row').count()).toBe(2);
    expect(await other.getByTestId('enterprise-group').count()).toBe(1);
    expect(await other.getByTestId('enterprise-latest').innerText()).toBe(LATEST);
    expect(await other.getByTestId('assessment-row').first().innerText()).toContain('2026 年评测的复评');
    expect(await axeViolations(other)).toEqual([]);
    await clickRoute(other, other.getByRole('link', { name: COMPARE }), '对比两次评测');
    await expect.poll(() => other.getByTestId('total-delta').innerText()).toBe('+7.5');
    await expect.poll(() => other.getByTestId('steps-completed').innerText()).toContain(STEP_TITLE);
    await clickRoute(other, other.getByRole('link', { name: '我的评测' }), '本机上的评测');
    await clickRoute(other, other.getByRole('link', { name: `趋势：“${NAME}”的历年评测` }), `“${NAME}”的历年趋势`);
    await expect.poll(() => other.getByTestId('trend-lines').getAttribute('data-drawn')).toBe('true');

    // the grouped list on a 360 px phone: no sideways scrolling
    await clickRoute(other, other.getByRole('link', { name: '我的评测' }), '本机上的评测');
    await other.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => other.getByTestId('assessment-row').count()).toBe(2);
    const overflow = await other.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(other, 'progress-home-360px');
  });
});
