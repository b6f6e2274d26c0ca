// Issue 17: the roadmap as a plan — top three and horizons, the size filter with "show all", the quarter view
// (printable, kept across reloads), nothing internal or empty shown — in zh-CN and en, with few page loads.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, pageForSuite } from './browser';
import { gotoRoute, waitRoute, waitSaved } from './wait';
import { seed } from './seed';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));
const NAME = '丙电气厂';
const ZH = '转型路线图：电气机械和器材';
const EN = 'Transformation roadmap: Electrical machinery and equipment';
const INTERNAL = ['industrial-internet-platform', 'cloud-saas', 'machine-vision', 'big-data', '源文件', '.txt'];

describe.skipIf(!CHROMIUM)('roadmap as a plan', () => {
  const browser = pageForSuite({ locale: 'zh-CN' });

  it('a 小微 enterprise: top three, horizons, size filter, quarter view kept across reload and printable; then English', async () => {
    const { page } = browser;
    const [id] = await seed(
      page,
      { ...fixture, profile: { ...fixture.profile, industry: 'electrical', size: 'micro-small', name: NAME } },
      NAME,
    );
    await gotoRoute(page, `#/a/${id}/roadmap`, ZH);
    // the plan view first: three actions, three horizons, our judgement labelled
    await expect.poll(() => page.getByTestId('roadmap-top').locator('li').count()).toBe(3);
    for (const h of ['days90', 'year', 'years']) expect(await page.getByTestId(`horizon-${h}`).isVisible()).toBe(true);
    expect(await page.getByTestId('roadmap-ours').innerText()).toContain('本工具的判断');
    expect(await page.getByTestId('roadmap-ours').innerText()).toContain('梯次');
    expect(await page.getByTestId('roadmap-top').innerText()).toMatch(/负责岗位：.+方案类型：.+工作量：/);

    // the list: only the steps suited to 小微, "show all" one click away
    await page.getByRole('button', { name: '列表', exact: true }).click();
    await expect.poll(() => page.getByTestId('roadmap-step').count()).toBeGreaterThan(3);
    const fitting = await page.getByTestId('roadmap-step').count();
    expect(fitting).toBeLessThan(15);
    expect(await page.getByText('更适合其他规模').count()).toBe(0);
    // seed order: the basic management systems (管理效率提升) come before any equipment retrofit
    const fittingText = await page.locator('main').innerText();
    expect(fittingText).not.toMatch(/预期效果：\s*；/);
    await page.getByRole('button', { name: '显示全部' }).click();
    await expect.poll(() => page.getByTestId('roadmap-step').count()).toBeGreaterThan(fitting);
    const ids = await page.getByTestId('roadmap-step').evaluateAll((els) => els.map((e) => e.id));
    expect(ids.indexOf('step-el-basic-management-systems')).toBeLessThan(
      ids.indexOf('step-el-retrofit-urgent-processes'),
    );
    expect(ids.at(-1)).toBe('step-iterate-optimise');
    const all = await page.locator('main').innerText();
    for (const key of INTERNAL) expect(all).not.toContain(key);
    expect(all).toContain('制造业企业数字化转型实施指南');

    // a target quarter, then the quarter view, kept across a reload and printable
    const step = page.locator('#step-el-basic-management-systems');
    await step.getByLabel('计划季度').selectOption('2026-Q4');
    await waitSaved(page);
    await page.getByRole('button', { name: '季度计划' }).click();
    await expect.poll(() => page.getByTestId('roadmap-quarters').innerText()).toContain('2026-Q4');
    await page.reload();
    await waitRoute(page, ZH);
    await expect.poll(() => page.getByTestId('roadmap-quarters').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '季度计划' }).getAttribute('aria-pressed')).toBe('true');
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('group', { name: '显示方式' }).isVisible()).toBe(false);
    expect(await page.getByTestId('roadmap-quarters').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // English: the same plan in the other language, nothing internal shown
    await page.getByTestId('language').selectOption('en');
    await waitRoute(page, EN);
    await page.getByRole('button', { name: 'Action plan' }).click();
    await expect.poll(() => page.getByTestId('roadmap-top').locator('li').count()).toBe(3);
    expect(await page.getByTestId('horizon-days90').innerText()).toContain('Next 90 days');
    expect(await page.getByTestId('roadmap-ours').innerText()).toContain("this tool's judgement");
    await page.getByRole('button', { name: 'List', exact: true }).click();
    await page.getByRole('checkbox', { name: /Only steps suited to/ }).check();
    await expect.poll(() => page.getByTestId('roadmap-step').count()).toBe(fitting);
    await page.getByRole('button', { name: 'Show all' }).click();
    await expect.poll(() => page.getByTestId('roadmap-step').count()).toBe(ids.length);
    const en = await page.locator('main').innerText();
    for (const key of INTERNAL) expect(en).not.toContain(key);
    expect(en).toContain('Implementation guide for the digital transformation of manufacturing enterprises');
  });
});
