import { describe, expect, it, inject, afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { CHROMIUM, launch, screenshot, ARTIFACTS } from './browser';
import { clickRoute, offlineAfterFirstVisit } from './wait';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));

describe.skipIf(!CHROMIUM)('offline use and privacy', () => {
  let ctx: BrowserContext;
  let page: Page;
  const requests: string[] = [];
  beforeAll(async () => {
    ctx = await launch({ locale: 'zh-CN' });
    ctx.on('request', (r) => requests.push(r.url()));
    page = await ctx.newPage();
    page.on('pageerror', (e) => {
      throw e;
    });
  });
  afterAll(async () => ctx?.close());

  it('sends no request outside its own origin during a full walk-through', async () => {
    const base = inject('baseUrl');
    const origin = new URL(base).origin;
    await page.goto(base);
    const path = join(ARTIFACTS, 'privacy.json');
    writeFileSync(
      path,
      JSON.stringify({ ...fixture, profile: { ...fixture.profile, name: '<img src=x onerror=alert(1)>' } }),
    );
    await page.locator('input[type=file]').setInputFiles(path);
    // user text with markup shows as text, never as an element
    await expect.poll(() => page.getByText('<img src=x onerror=alert(1)>').count()).toBeGreaterThan(0);
    expect(await page.locator('main img').count()).toBe(0);
    await page.getByRole('link', { name: '<img src=x onerror=alert(1)>' }).click();
    for (const [tab, heading] of [
      ['评测题', '设备系统'],
      ['业务场景', '产品生命周期数字化'],
      ['结果', '评测结果'],
      ['路线图', '转型路线图：食品饮料'],
      ['报告', '中小企业数字化水平自评报告'],
    ] as const)
      await clickRoute(page, page.getByRole('link', { name: tab, exact: true }), heading);
    await expect.poll(() => page.locator('canvas[data-drawn]').count()).toBe(2);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    // the PDF download loads jsPDF and the font: from the same origin too
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    // the markup in the enterprise name is plain text in the PDF as well
    const pdfPath = join(ARTIFACTS, 'privacy.pdf');
    await download.saveAs(pdfPath);
    expect(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })).toContain('<img src=x onerror=alert(1)>');
    expect(requests.some((u) => u.includes('NotoSansSC-subset'))).toBe(true);
    const outside = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
    expect(requests.length).toBeGreaterThan(5);
    expect(outside).toEqual([]);
  });

  it('works offline after one visit: reload, create and complete an assessment, download its PDF', async () => {
    await offlineAfterFirstVisit(ctx, page);
    await expect.poll(() => page.getByRole('button', { name: '新建评测' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '新建评测' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
    await page.getByLabel('所属行业').selectOption('pharma');
    await page.getByRole('link', { name: '开始答题 →' }).click();
    await page.locator('#question-q1').getByLabel('无', { exact: true }).check();
    await page.getByRole('link', { name: '结果', exact: true }).click();
    await expect.poll(() => page.getByTestId('overall-level').innerText()).toBe('未达一级');
    await expect.poll(() => page.locator('.charts canvas').count()).toBe(2);
    await page.getByRole('link', { name: '路线图', exact: true }).click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('转型路线图：医药制造');
    await screenshot(page, 'offline-roadmap');
    // the PDF's font and jsPDF come from the service worker's cache as well
    await page.getByRole('link', { name: '报告', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 PDF' }).click(),
    ]);
    const pdfPath = join(ARTIFACTS, 'offline.pdf');
    await download.saveAs(pdfPath);
    expect(execFileSync('pdftotext', [pdfPath, '-'], { encoding: 'utf8' })).toContain('转型路线图');
    await ctx.setOffline(false);
  });
});
