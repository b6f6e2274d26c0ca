/**
 * The edits of one tab are never lost silently: an edit typed just before leaving the page is stored, and an
 * edit replaced by another tab's is announced in the tab that made it, with a way to keep it.
 */
import { describe, expect, it, inject, afterAll, beforeAll } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launch, screenshot } from './browser';
import { axeViolations } from './axe';
import { waitSaved } from './wait';

const NAME = '企业名称（可选）';

async function newAssessment(page: Page): Promise<string> {
  await page.goto(inject('baseUrl'));
  await page.getByRole('button', { name: '新建评测' }).click();
  await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
  await expect.poll(() => page.getByLabel(NAME).isVisible()).toBe(true);
  return page.url();
}

async function nameShown(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await expect.poll(() => page.getByLabel(NAME).isVisible()).toBe(true);
  return page.getByLabel(NAME).inputValue();
}

describe.skipIf(!CHROMIUM)('no edit lost without a word', () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch({ locale: 'zh-CN' });
  });
  afterAll(async () => ctx?.close());

  it('keeps an edit typed just before navigating to another page or reloading, every time', async () => {
    const page = await ctx.newPage();
    const url = await newAssessment(page);
    for (let i = 1; i <= 6; i++) {
      await page.getByLabel(NAME).fill(`离开前输入 ${i}`);
      // no wait at all: the debounced save has not started when the page goes
      if (i % 3) await page.goto('about:blank');
      else await page.reload();
      expect(await nameShown(page, url)).toBe(`离开前输入 ${i}`);
    }
    await page.close();
  });

  it('keeps an edit typed just before the tab is closed, every time', async () => {
    const first = await ctx.newPage();
    const url = await newAssessment(first);
    await first.close();
    for (let i = 1; i <= 4; i++) {
      const page = await ctx.newPage();
      await nameShown(page, url);
      await page.getByLabel(NAME).fill(`关闭前输入 ${i}`);
      await page.close();
      const check = await ctx.newPage();
      expect(await nameShown(check, url)).toBe(`关闭前输入 ${i}`);
      await check.close();
    }
  });

  const notice = (page: Page) => page.getByRole('alert').filter({ hasText: '另一个标签页修改了' });

  it('two tabs, same field: tells the tab whose value was replaced, with both values, and "keep mine" restores it', async () => {
    const a = await ctx.newPage();
    const url = await newAssessment(a);
    const b = await ctx.newPage();
    await b.goto(url);
    await expect.poll(() => b.getByLabel(NAME).isVisible()).toBe(true);

    await a.getByLabel(NAME).fill('甲工厂');
    await waitSaved(a);
    await expect.poll(() => b.getByLabel(NAME).inputValue()).toBe('甲工厂');
    await b.getByLabel(NAME).fill('乙工厂');
    await waitSaved(b);

    // tab A's value was replaced: A is told what, and by what
    await expect.poll(() => notice(a).count()).toBe(1);
    const text = await notice(a).innerText();
    expect(text).toContain('企业名称');
    expect(text).toContain('“甲工厂”');
    expect(text).toContain('“乙工厂”');
    expect(await a.getByLabel(NAME).inputValue()).toBe('乙工厂');
    expect(await notice(b).count()).toBe(0);
    await screenshot(a, 'overwrite-notice-zh-CN');
    expect(await axeViolations(a)).toEqual([]);

    await a.getByRole('button', { name: '保留我的' }).click();
    await expect.poll(() => notice(a).count()).toBe(0);
    expect(await a.getByLabel(NAME).inputValue()).toBe('甲工厂');
    await waitSaved(a);
    await expect.poll(() => b.getByLabel(NAME).inputValue()).toBe('甲工厂');
    // now B's value was replaced in turn, and B may take A's
    await expect.poll(() => notice(b).count()).toBe(1);
    await b.getByRole('button', { name: '接受对方的修改' }).click();
    await expect.poll(() => notice(b).count()).toBe(0);
    expect(await b.getByLabel(NAME).inputValue()).toBe('甲工厂');

    await a.reload();
    await expect.poll(() => a.getByLabel(NAME).inputValue()).toBe('甲工厂');
    await a.close();
    await b.close();
  });
});
