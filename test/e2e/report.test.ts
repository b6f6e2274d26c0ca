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
      '一、评测结论',
      '二、达到下一级的最省力方案',
      '三、转型路线图（食品饮料）',
      '附录：全部回答、备注与佐证材料',
      '附录：正式评审材料准备清单',
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
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`downloads a PDF in ${lang} with Chinese text, the level, a scenario, a roadmap step and the embedded font`, async () => {
      const { page } = browser;
      await openReport(page, `示例食品有限公司-${lang}`);
      await page.getByTestId('language').selectOption(lang);
      // the English strings load on demand: wait until the report is in the chosen language
      await expect
        .poll(() => page.locator('[data-testid=report] h2').first().innerText())
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
