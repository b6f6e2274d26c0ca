import { describe, expect, it, inject, afterAll, beforeAll } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { CHROMIUM, launch, screenshot } from './browser';

describe.skipIf(!CHROMIUM)('rubric page (served from a sub-path)', () => {
  let ctx: BrowserContext;
  beforeAll(async () => {
    ctx = await launch();
  });
  afterAll(async () => ctx?.close());

  it('shows every item with its options and every scenario with its level descriptions, in zh-CN', async () => {
    const page = await ctx.newPage();
    await page.goto(`${inject('baseUrl')}#/rubric`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('中小企业数字化水平评测指标（2024年版）');
    const text = await page.locator('main').innerText();
    expect(text).toContain('企业网络建设连接情况');
    expect(text).toContain('企业上年度每百元营业收入中的成本相比于前年变化情况');
    expect(text).toContain('通过设计软件工具（如CAD、CAE、EDA等）辅助开展产品设计。');
    expect(text).toContain('1.229吨标准煤/万千瓦时');
    expect(await page.locator('.card').count()).toBe(15 + 16);
    await screenshot(page, 'rubric-zh-CN');
  });
});
