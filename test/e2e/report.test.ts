import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CHROMIUM, pageForEach, screenshot, ARTIFACTS } from './browser';
import { axeViolations } from './axe';
import { gotoRoute } from './wait';
import { seed } from './seed';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));
const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const squash = (s: string) => s.replace(/\s+/g, '');

/** Seeds the level-3 fixture under `name` into the test's empty browser context and opens its report. */
async function openReport(page: Page, name: string) {
  const [id] = await seed(page, { ...fixture, profile: { ...fixture.profile, name } }, name);
  await gotoRoute(page, `#/a/${id}/report`, '中小企业数字化水平自评报告');
  await expect.poll(() => page.locator('canvas[data-drawn]').count()).toBe(2);
}

describe.skipIf(!CHROMIUM)('meeting report', () => {
  // an empty browser context per test: each seeds what it needs and passes when run alone
  const browser = pageForEach({ locale: 'zh-CN' });

  it('prints on A4 with every section, the level, the first roadmap step and page numbers', async () => {
    const { page } = browser;
    await openReport(page, '示例食品有限公司');
    const headings = await page.locator('[data-testid=report] h2').allInnerTexts();
    expect(headings).toEqual([
      '一页摘要',
      '一、评测结论',
      '二、达到下一级的最省力方案',
      '三、转型路线图（食品饮料）',
      '有佐证支撑的等级',
      '附录：全部回答、备注与佐证材料',
      '附录：正式评审材料准备清单',
      '附件：自评表（按官方表格填写）',
    ]);
    const firstStep = (await page.locator('.step h4').first().innerText()).trim();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'report-zh-CN');
    await page.emulateMedia({ media: 'print' });
    const file = join(ARTIFACTS, 'print-zh-CN.pdf');
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
    await page.emulateMedia({ media: 'screen' });
    const text = pdftotext(file);
    expect(text).toContain('中小企业数字化水平自评报告');
    expect(text).toContain('三级');
    expect(text).toContain(firstStep.slice(0, 8));
    expect(text).toMatch(/第 1 页 \/ 共 \d+ 页/);
    expect(text).not.toContain('我的评测'); // no navigation chrome
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThan(3);
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', file, join(ARTIFACTS, 'print-zh-CN-page')]);
  }); // the full report carries the filled-in form (two large tables): the e2e project allows 300 s

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`downloads a PDF in ${lang} with Chinese text, the level, a scenario, a roadmap step and the embedded font`, async () => {
      const { page } = browser;
      await openReport(page, `示例食品有限公司-${lang}`);
      await page.getByTestId('language').selectOption(lang);
      // the English strings load on demand: wait until the report is in the chosen language
      await expect
        .poll(() => page.locator('[data-testid=report] h2').nth(1).innerText())
        .toBe(lang === 'zh-CN' ? '一、评测结论' : '1. Findings');
      await expect.poll(() => page.locator('canvas[data-drawn]').count()).toBe(2);
      const firstStep = (await page.locator('.step h4').first().innerText()).trim();
      const scenario = lang === 'zh-CN' ? '质量管理' : 'Quality management';
      const started = Date.now();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: lang === 'zh-CN' ? '下载 PDF' : 'Download PDF' }).click(),
      ]);
      const file = join(ARTIFACTS, `report-${lang}.pdf`);
      await download.saveAs(file);
      console.log(`[report] PDF (${lang}) in ${Date.now() - started} ms`);
      const text = pdftotext(file).replace(/\s+/g, '');
      expect(text).toContain(`示例食品有限公司-${lang}`);
      expect(text).toContain(lang === 'zh-CN' ? '三级' : 'Level3');
      expect(text).toContain(scenario.replace(/\s+/g, ''));
      expect(text).toContain(firstStep.replace(/\s+/g, '').slice(0, 12));
      expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoSansSC.*yes/);
      // page 1 is the one-page summary: the level, the why-sentence and the three actions as the screen shows them
      const summary = page.getByTestId('report-summary');
      const why = await summary.locator('p.strong').innerText();
      const actions = await summary.locator('table:has(th:text-is("#")) tbody tr td:nth-child(2)').allInnerTexts();
      expect(actions).toHaveLength(3);
      const page1 = squash(execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }));
      expect(page1).toContain(lang === 'zh-CN' ? '三级' : 'Level3');
      expect(why).toMatch(lang === 'zh-CN' ? /^评为三级。/ : /^Rated Level 3\./);
      expect(page1).toContain(squash(why));
      for (const a of actions) expect(page1).toContain(squash(a));
      // the radar and the scenario bars, drawn by the rasteriser the report screen hands to the PDF writer
      const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n').slice(2);
      expect(images).toHaveLength(2);
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '60',
        '-f',
        '1',
        '-l',
        '3',
        file,
        join(ARTIFACTS, `report-${lang}-page`),
      ]);
      await page.getByTestId('language').selectOption('zh-CN');
    });
  }

  it('gives the 晨星工厂 checklist a report (summary, review readiness, the checklist form) and its PDF', async () => {
    const { page } = browser;
    const [id] = await seed(page, join(import.meta.dirname, '../fixtures/chenxing-level2.json'), '示例电气');
    await gotoRoute(page, `#/a/${id}/report`, '“晨星工厂”自评报告');
    const headings = await page.locator('[data-testid=report] h2').allInnerTexts();
    expect(headings).toContain('二、评审准备：必备项与佐证材料');
    expect(headings).toContain('附件：“晨星工厂”参考指标自评表');
    const why = await page.getByTestId('report-summary').locator('p.strong').innerText();
    expect(why).toMatch(/^评为2级，因为达到3级还缺少 \d+ 个必备项。$/);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 PDF' }).click(),
    ]);
    const file = join(ARTIFACTS, 'report-chenxing.pdf');
    await download.saveAs(file);
    const page1 = squash(execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' }));
    expect(page1).toContain(squash(why));
    expect(squash(pdftotext(file))).toContain('评审准备：必备项与佐证材料');
  });

  it('removes invisible controls (U+202E) from the PDF with a note instead of refusing it', async () => {
    const { page } = browser;
    const name = '示例食品有限公司-不可见字符';
    const notes = { notes: { q1: '见附件\u202e说明\u200d一' } };
    const [id] = await seed(page, { ...fixture, profile: { ...fixture.profile, name }, digilevel: notes }, name);
    await gotoRoute(page, `#/a/${id}/report`, '中小企业数字化水平自评报告');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 PDF' }).click(),
    ]);
    const file = join(ARTIFACTS, 'report-invisible.pdf');
    await download.saveAs(file);
    expect(await page.getByTestId('pdf-status').innerText()).toContain('U+202E U+200D');
    expect(squash(pdftotext(file))).toContain('见附件说明一');
  });

  it('names characters the PDF font cannot show and offers printing instead of a broken PDF', async () => {
    const { page } = browser;
    await openReport(page, '龘鑫制造');
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: '下载 PDF' }).click();
    await expect.poll(() => page.getByTestId('pdf-status').innerText()).toContain('龘');
    expect(await page.getByTestId('pdf-status').innerText()).toContain('打印');
    expect(downloads).toBe(0);
  });
});
