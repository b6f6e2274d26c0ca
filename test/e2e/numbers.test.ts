/**
 * Issue 15 (faults 1–4): the figures typed into the 具体数据 blanks always give the answer shown. An invalid
 * figure never feeds a derived answer; answers follow figures typed under other questions; numbers are read
 * as Chinese users type them; the energy table fits a 360 px phone.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageForEach } from './browser';
import { gotoRoute, waitRoute, waitSaved } from './wait';
import { seed } from './seed';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));
const NAME = '数字录入测试公司';
/** The level-3 fixture without answers or figures: a new assessment of 2026. */
const blank = { ...fixture, profile: { ...fixture.profile, name: NAME }, answers: {}, digilevel: undefined };

const card = (page: Page, qid: string) => page.locator(`#question-${qid}`);
const checkedOption = (page: Page, qid: string) =>
  card(page, qid)
    .locator('input[type=radio]')
    .evaluateAll((els) => els.findIndex((e) => (e as HTMLInputElement).checked));

describe('numeric helpers: figures and answers', () => {
  const browser = pageForEach();

  it('Q2: typing 1,200 after 3 of 50 reads 1 200, drops the old formula and unticks the option', async () => {
    const { page } = browser;
    const [id] = await seed(page, blank, NAME);
    await gotoRoute(page, `#/a/${id}/questions/equipment-systems`, '设备系统');
    await page.getByLabel('生产设备数量（台）', { exact: true }).fill('50');
    const digitised = page.getByLabel('实现数字化的生产设备数量（台）');
    await digitised.fill('3');
    await expect.poll(() => checkedOption(page, 'q2')).toBe(0);
    expect(await card(page, 'q2').innerText()).toContain('3 ÷ 生产设备数量 50');

    await digitised.fill('1,200');
    await expect.poll(() => checkedOption(page, 'q2')).toBe(-1);
    await waitSaved(page);
    const text = await card(page, 'q2').innerText();
    expect(text).not.toContain('÷');
    expect(text).toContain('不能大于总数');
    expect(await page.getByTestId('understood-q2-equipment-digitised').innerText()).toBe('= 1,200 台');

    // text that is not a number: the reason and what to fix, still no option
    await digitised.fill('1,20');
    await expect.poll(() => card(page, 'q2').innerText()).toContain('千分位逗号应每三位一组');
    expect(await card(page, 'q2').innerText()).toContain('请先改正：实现数字化的生产设备数量');
    expect(await checkedOption(page, 'q2')).toBe(-1);

    // another screen of the assessment and back (same document): the invalid text is shown again with its error
    await waitSaved(page);
    await page.evaluate((a) => (location.hash = `#/a/${a}/questions/market-benefit`), id);
    await waitRoute(page, '市场效益');
    await page.evaluate((a) => (location.hash = `#/a/${a}/questions/equipment-systems`), id);
    await waitRoute(page, '设备系统');
    expect(await digitised.inputValue()).toBe('1,20');
    expect(await card(page, 'q2').innerText()).toContain('千分位逗号应每三位一组');
    expect(await checkedOption(page, 'q2')).toBe(-1);
  });

  it('full-width digits and separators are read as numbers', async () => {
    const { page } = browser;
    const [id] = await seed(page, blank, NAME);
    await gotoRoute(page, `#/a/${id}/questions/equipment-systems`, '设备系统');
    await page.getByLabel('生产设备数量（台）', { exact: true }).fill('１，０００');
    await page.getByLabel('实现数字化的生产设备数量（台）').fill('５０');
    await expect.poll(() => checkedOption(page, 'q2')).toBe(0);
    expect(await page.getByTestId('understood-q2-equipment-total').innerText()).toBe('= 1,000 台');
    await page.getByLabel('实现数字化的生产设备数量（台）').fill('1e3');
    await expect.poll(() => card(page, 'q2').innerText()).toContain('不接受科学计数法');
    expect(await checkedOption(page, 'q2')).toBe(-1);
  });

  it('Q12 entered before Q14: answered once Q14 has the revenue, Q15 follows lower revenue', async () => {
    const { page } = browser;
    const [id] = await seed(page, blank, NAME);
    await gotoRoute(page, `#/a/${id}/questions/green-low-carbon`, '绿色低碳');
    await card(page, 'q12')
      .getByLabel(/2025 年综合能源消费量/)
      .fill('2');
    await card(page, 'q12')
      .getByLabel(/2024 年综合能源消费量/)
      .fill('3');
    await waitSaved(page);
    expect(await checkedOption(page, 'q12')).toBe(-1);

    await gotoRoute(page, `#/a/${id}/questions/market-benefit`, '市场效益');
    // the years are named from the assessment year (2026), in the question and its helper
    expect(await card(page, 'q15').locator('legend').innerText()).toContain('2025 年每百元营业收入的成本，比 2024 年');
    await card(page, 'q14')
      .getByLabel(/2025 年营业收入/)
      .fill('90');
    await card(page, 'q14')
      .getByLabel(/2024 年营业收入/)
      .fill('100');
    await card(page, 'q15')
      .getByLabel(/2025 年成本/)
      .fill('50');
    await card(page, 'q15')
      .getByLabel(/2024 年成本/)
      .fill('60');
    await expect.poll(() => checkedOption(page, 'q15')).toBe(2); // 降低
    await card(page, 'q14')
      .getByLabel(/2025 年营业收入/)
      .fill('50');
    await expect.poll(() => checkedOption(page, 'q15')).toBe(0); // 增加
    expect(await card(page, 'q15').getByTestId('override-q15').count()).toBe(0);
    await waitSaved(page);

    await gotoRoute(page, `#/a/${id}/questions/green-low-carbon`, '绿色低碳');
    // 2 tce on 50 万元 vs 3 on 100: per 100 yuan 0.0004 > 0.0003 → 增加 (option 0)
    await expect.poll(() => checkedOption(page, 'q12')).toBe(0);
  });

  it('a 360 px phone with the energy table open does not scroll sideways; a bad row is an error', async () => {
    const { page } = browser;
    const [id] = await seed(page, blank, NAME);
    await page.setViewportSize({ width: 360, height: 740 });
    await gotoRoute(page, `#/a/${id}/questions/green-low-carbon`, '绿色低碳');
    await page.locator('details.energy summary').click();
    const rows = page.locator('details.energy tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const inputs = page.locator('details.energy tbody input');
    expect(await inputs.last().isVisible()).toBe(true);
    const box = await inputs.last().boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(360);

    await inputs.nth(0).fill('10');
    await inputs.nth(2).fill('abc');
    const foot = page.locator('details.energy tfoot');
    await expect.poll(() => foot.innerText()).toContain('有 1 处用量无效');
    expect(await page.locator('details.energy tbody [aria-invalid=true]').count()).toBe(1);
    // an "other energy" row with problems: shown, not stored
    await page.getByRole('button', { name: '添加其他能源' }).click();
    await page.getByTestId('other-energy-row').getByLabel('能源名称').fill('柴油');

    // another screen and back: the invalid amount and the unfinished row are shown again, with their errors
    await waitSaved(page);
    await page.evaluate((a) => (location.hash = `#/a/${a}/questions/market-benefit`), id);
    await waitRoute(page, '市场效益');
    await page.evaluate((a) => (location.hash = `#/a/${a}/questions/green-low-carbon`), id);
    await waitRoute(page, '绿色低碳');
    await page.locator('details.energy summary').click();
    expect(await inputs.nth(2).inputValue()).toBe('abc');
    expect(await page.locator('details.energy tbody [aria-invalid=true]').count()).toBe(1);
    expect(await page.getByTestId('other-energy-row').getByLabel('能源名称').inputValue()).toBe('柴油');
    await expect.poll(() => foot.innerText()).toContain('有 1 处用量无效');
  });

  it('an "other energy" row adds the user’s coefficient to the total and is kept', async () => {
    const { page } = browser;
    const [id] = await seed(page, blank, NAME);
    await gotoRoute(page, `#/a/${id}/questions/green-low-carbon`, '绿色低碳');
    await page.locator('details.energy summary').click();
    await page.getByRole('button', { name: '添加其他能源' }).click();
    const row = page.getByTestId('other-energy-row');
    await row.getByLabel('2025 年用量').fill('2');
    const foot = page.locator('details.energy tfoot');
    // an amount without name, unit and coefficient: an error, no total
    await expect.poll(() => foot.innerText()).toContain('有 1 处用量无效');
    await row.getByLabel('能源名称').fill('柴油');
    await row.getByLabel('计量单位').fill('吨');
    await row.getByLabel(/折标系数/).fill('1.4571');
    await expect.poll(() => foot.innerText()).toContain('2.9142');
    await waitSaved(page);
    // read back from storage: a fresh page
    await page.reload();
    await waitRoute(page, '绿色低碳');
    await page.locator('details.energy summary').click();
    expect(await page.getByTestId('other-energy-row').getByLabel('能源名称').inputValue()).toBe('柴油');
    await expect.poll(() => page.locator('details.energy tfoot').innerText()).toContain('2.9142');
  });
});
