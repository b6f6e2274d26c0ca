/**
 * Word and Excel from the report screen, in Chinese and in English: each downloaded with the button a user clicks,
 * named by enterprise, year and kind, read back (unzipped XML) — and the Chinese pair opened by a real office suite:
 * LibreOffice converts each to PDF (one soffice run per file) and pdftotext finds the Chinese text intact.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARTIFACTS, CHROMIUM, pageForEach } from './browser';
import { seed } from './seed';
import { unzip, wordParagraphs, xlsxSheets } from '../ui/office-xml';

const example = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../src/examples/food-beverage-example.json'), 'utf8'),
);
const SOFFICE = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
const NAME = '示例食品有限公司';

/** Clicks a download button and saves what it downloads into test-output; returns the path and the suggested name. */
async function download(page: Page, button: string, saveAs: string) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const file = join(ARTIFACTS, saveAs);
  await d.saveAs(file);
  return { file, name: d.suggestedFilename() };
}

/** Opens an assessment's report screen and waits until its report document is shown. */
async function openReport(page: Page, id: string | undefined) {
  await page.goto(`${inject('baseUrl')}#/a/${id}/report`);
  await page.getByTestId('report').waitFor();
}

/** LibreOffice, headless, with a profile of its own that is deleted afterwards: FILE → PDF → text. */
function officeText(file: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'digilevel-soffice-'));
  const out = mkdtempSync(join(tmpdir(), 'digilevel-soffice-out-'));
  try {
    execFileSync(
      SOFFICE!,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        out,
        file,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const pdf = join(
      out,
      file
        .split('/')
        .pop()!
        .replace(/\.\w+$/, '.pdf'),
    );
    return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
}

describe.skipIf(!CHROMIUM)('Word and Excel downloads', () => {
  const browser = pageForEach({ locale: 'zh-CN' });

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`downloads the report as .docx and the form and roadmap as .xlsx in ${lang}`, { timeout: 300_000 }, async () => {
      const { page } = browser;
      const [id] = await seed(page, example, NAME);
      await openReport(page, id);
      if (lang === 'en') {
        await page.getByTestId('language').selectOption('en');
        // the English strings load on demand: wait until the report is in English
        await expect.poll(() => page.locator('[data-testid=report] h2').first().innerText()).toBe('One-page summary');
      }
      const zh = lang === 'zh-CN';

      const docx = await download(page, zh ? '下载 Word' : 'Download Word', `office-${lang}.docx`);
      expect(docx.name).toBe(zh ? `${NAME}-2026-自评报告-完整版.docx` : `${NAME}-2026-report-full.docx`);
      await expect
        .poll(() => page.getByTestId('pdf-status').innerText())
        .toBe(zh ? 'Word 文件已生成。' : 'The Word file is ready.');
      const word = unzip(readFileSync(docx.file));
      const text = wordParagraphs(word['word/document.xml']!).join('\n');
      expect(text).toContain(NAME);
      expect(text).toContain(zh ? '三级' : 'Level 3');
      expect(text).toContain(zh ? '质量管理' : 'Quality management');
      expect(word['word/styles.xml']).toMatch(/w:eastAsia="宋体"/);
      // the charts, drawn by the same rasteriser as the PDF's
      expect(word['word/_rels/document.xml.rels']?.match(/relationships\/image/g)?.length).toBe(2);

      const xlsx = await download(page, zh ? '下载 Excel' : 'Download Excel', `office-${lang}.xlsx`);
      expect(xlsx.name).toBe(zh ? `${NAME}-2026-自评表与路线图.xlsx` : `${NAME}-2026-form-and-roadmap.xlsx`);
      const sheets = xlsxSheets(unzip(readFileSync(xlsx.file)));
      expect([...sheets.keys()]).toEqual(
        zh
          ? ['评测题', '场景等级', '路线图跟踪', '佐证材料清单', '有佐证支撑的等级']
          : ['Items', 'Scenario levels', 'Roadmap tracking', 'Evidence checklist', 'The level the evidence defends'],
      );
      const items = [...sheets.values()][0]!;
      expect(items.slice(2)).toHaveLength(15);
      expect(String(items[0]![0])).toContain(NAME);

      if (!zh) return;
      // the filled-in official form alone, as Word: every option marked ☑ or □
      await page.getByRole('radio', { name: '自评表' }).check();
      await expect.poll(() => page.locator('[data-testid=report] .summary-title').count()).toBe(0); // form only
      const form = await download(page, '下载 Word', 'office-form-zh-CN.docx');
      expect(form.name).toBe(`${NAME}-2026-自评表.docx`);
      const formText = wordParagraphs(unzip(readFileSync(form.file))['word/document.xml']!).join('\n');
      expect(formText).toContain('☑ ');
      expect(formText).toContain('□ ');

      if (!SOFFICE) {
        if (process.env.CI === 'true') throw new Error('LibreOffice (soffice) is needed under CI=true');
        console.warn('[office] soffice not found: the LibreOffice check is skipped');
        return;
      }
      const wordPdf = officeText(docx.file).replace(/\s+/g, '');
      expect(wordPdf).toContain('一页摘要');
      expect(wordPdf).toContain('☑');
      expect(wordPdf).toContain(NAME);
      expect(wordPdf).toContain('质量管理');
      const excelPdf = officeText(xlsx.file).replace(/\s+/g, '');
      expect(excelPdf).toContain(NAME);
      expect(excelPdf).toContain('所选选项');
      expect(excelPdf).toContain('计入等级');
    });
  }

  it('downloads Word and Excel for the 晨星工厂 checklist rubric too, from the same report document', async () => {
    const { page } = browser;
    const chenxing = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/chenxing-level2.json'), 'utf8'));
    const [id] = await seed(page, chenxing, '示例电气');
    await openReport(page, id);
    const docx = await download(page, '下载 Word', 'office-chenxing.docx');
    expect(docx.name).toMatch(/^示例电气-\d{4}-自评报告-完整版\.docx$/);
    const text = wordParagraphs(unzip(readFileSync(docx.file))['word/document.xml']!).join('\n');
    expect(text).toContain('示例电气');
    expect(text).toContain('☑ ');
    const xlsx = await download(page, '下载 Excel', 'office-chenxing.xlsx');
    expect(xlsx.name).toMatch(/^示例电气-\d{4}-自评表与路线图\.xlsx$/);
    const sheets = xlsxSheets(unzip(readFileSync(xlsx.file)));
    expect(sheets.size).toBeGreaterThan(2);
    const all = [...sheets.values()].flat(2).join('\n');
    expect(all).toContain('示例电气');
    expect(all).toContain('☑ ');
  });
});
