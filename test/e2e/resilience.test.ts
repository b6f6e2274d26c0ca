import { describe, expect, it, inject, afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, CHROMIUM, launch, screenshot } from './browser';
import { axeViolations } from './axe';

async function newAssessment(page: Page) {
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: '新建评测' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
  await expect.poll(() => page.getByLabel('企业名称（可选）').isVisible()).toBe(true);
  return page.url();
}

describe.skipIf(!CHROMIUM)('no lost answers', () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch({ locale: 'zh-CN' });
  });
  afterAll(async () => ctx?.close());

  it('shows an edit made in one tab in the other, and neither overwrites the other', async () => {
    const a = await ctx.newPage();
    const url = await newAssessment(a);
    const b = await ctx.newPage();
    await b.goto(url);
    await a.getByLabel('企业名称（可选）').fill('甲');
    await expect.poll(() => b.getByLabel('企业名称（可选）').inputValue()).toBe('甲');
    // different fields edited at the same time in both tabs: both survive
    await a.getByLabel('所属行业').selectOption('auto');
    await b.getByLabel('企业规模类型').selectOption('little-giant');
    await expect.poll(() => a.getByLabel('企业规模类型').inputValue()).toBe('little-giant');
    await expect.poll(() => b.getByLabel('所属行业').inputValue()).toBe('auto');
    await a.close();
    await b.close();
  });

  it('keeps the edit on screen when a save fails, offers its export, and saves it once storage works again', async () => {
    const page = await ctx.newPage();
    await newAssessment(page);
    // the disk refuses writes (quota): every put throws, as a full disk would make it
    await page.evaluate(() => {
      const w = window as unknown as { realPut: unknown };
      w.realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByLabel('企业名称（可选）').fill('写入失败时的名称');
    const status = page.locator('.save');
    await expect.poll(() => status.innerText()).toContain('保存失败');
    expect(await page.getByLabel('企业名称（可选）').inputValue()).toBe('写入失败时的名称');
    await screenshot(page, 'save-failed-zh-CN');
    expect(await axeViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出这份评测（含未保存的修改）' }).click(),
    ]);
    const path = join(ARTIFACTS, 'unsaved.json');
    await download.saveAs(path);
    expect(JSON.parse(readFileSync(path, 'utf8')).profile.name).toBe('写入失败时的名称');
    // storage recovers: the retry saves without another edit
    await page.evaluate(() => {
      IDBObjectStore.prototype.put = (window as unknown as { realPut: typeof IDBObjectStore.prototype.put }).realPut;
    });
    await expect.poll(() => status.innerText(), { timeout: 10_000 }).toBe('已保存');
    await page.reload();
    await expect.poll(() => page.getByLabel('企业名称（可选）').inputValue()).toBe('写入失败时的名称');
    await page.close();
  });

  // Private modes either hide IndexedDB or refuse to open it; both fall back to memory, lists still live.
  it.each([
    ['is missing', () => Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true })],
    [
      'refuses to open',
      () => {
        IDBFactory.prototype.open = () => {
          throw new DOMException('The operation failed for reasons unrelated to the database itself', 'UnknownError');
        };
      },
    ],
  ])('still works in memory with a banner when IndexedDB %s, and offers export', async (_how, breakIndexedDB) => {
    const page = await ctx.newPage();
    await page.addInitScript(breakIndexedDB);
    await page.goto(inject('baseUrl'));
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('只保存在内存中');
    await page.getByRole('button', { name: '新建评测' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
    await page.getByLabel('企业名称（可选）').fill('内存模式');
    await page.getByRole('link', { name: '我的评测' }).click();
    await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(1);
    await expect.poll(() => page.getByTestId('assessment-row').innerText()).toContain('内存模式');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /^导出“/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    await screenshot(page, 'memory-mode-zh-CN');
    await page.close();
  });
});
