/**
 * The questionnaire by keyboard alone: every control on the way is reached with Tab, shows a visible focus
 * ring, and works with Enter, Space and the arrow keys.
 */
import { describe, expect, it, inject, beforeAll } from 'vitest';
import type { Page } from 'playwright-core';
import { CHROMIUM, pageForSuite } from './browser';

interface Focused {
  name: string;
  tag: string;
  outline: string;
}

/** What has the focus: its accessible-ish name (aria-label, label, text) and its outline. */
function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return { name: '', tag: '', outline: '' };
    const labelled = (el as HTMLInputElement).labels?.[0]?.textContent;
    const name = (el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const style = getComputedStyle(el);
    return { name, tag: el.tagName, outline: `${style.outlineStyle} ${style.outlineWidth}` };
  });
}

/** Presses Tab (at most 120 times) until the focused control's name starts with `name`. */
async function tabTo(page: Page, name: string): Promise<Focused> {
  const seen: string[] = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f.name.startsWith(name)) return f;
    seen.push(f.name.slice(0, 20));
  }
  throw new Error(`Tab never reached "${name}"; it went through: ${seen.join(' | ')}`);
}

/** A keyboard focus ring: :focus-visible draws a 3 px solid outline. */
const RING = 'solid 3px';

describe.skipIf(!CHROMIUM)('keyboard only', () => {
  const browser = pageForSuite({ locale: 'zh-CN' });
  let page: Page;
  beforeAll(() => ({ page } = browser));

  it('creates an assessment, answers an item, ticks scenario levels and reaches the results without a mouse', async () => {
    await page.goto(inject('baseUrl'));
    await expect.poll(() => page.getByRole('button', { name: '新建评测' }).isVisible()).toBe(true);

    // the skip link comes first and shows itself when focused
    await page.keyboard.press('Tab');
    expect(await focused(page)).toEqual({ name: '跳到主要内容', tag: 'A', outline: RING });
    expect(await page.locator('a.skip').evaluate((a) => a.getBoundingClientRect().left)).toBeGreaterThanOrEqual(0);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    expect((await tabTo(page, '新建评测')).outline).toBe(RING);
    // Escape closes the dialog and gives the focus back to the button that opened it
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    expect((await focused(page)).name).toBe('新建评测');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    // focus moves into the dialog and stays there
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true);
    expect((await tabTo(page, '创建')).tag).toBe('BUTTON');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/profile$/);

    const industry = await tabTo(page, '所属行业');
    expect(industry).toMatchObject({ tag: 'SELECT', outline: RING });
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByLabel('所属行业').inputValue()).not.toBe('');

    expect((await tabTo(page, '开始答题')).outline).toBe(RING);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/questions$/);

    const none = await tabTo(page, '无');
    expect(none).toMatchObject({ tag: 'INPUT', outline: RING });
    await page.keyboard.press('Space');
    await expect.poll(() => page.locator('#question-q1').getByLabel('无', { exact: true }).isChecked()).toBe(true);

    // the single-choice item next to it: arrow keys move within the radio group
    await tabTo(page, '[0-10%]');
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('#question-q2').getByLabel('(10%,20%]').isChecked()).toBe(true);

    // scenarios: the quick pick is a radio group (Tab reaches the chosen level, arrow keys move it); 逐级勾选
    // opens with Enter, and Space on a level above an unticked one leaves a gap that is shown, not counted
    await page.keyboard.press('Shift+Tab'); // back up the page, to the tabs
    await tabTo(page, '业务场景');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/scenarios$/);
    const design = page.locator('#scenario-product-design');
    await expect.poll(() => design.isVisible()).toBe(true);
    expect(await tabTo(page, '未达一级')).toMatchObject({ tag: 'INPUT', outline: RING });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => design.getByRole('radio', { name: '二级', exact: true }).isChecked()).toBe(true);
    expect((await tabTo(page, '逐级勾选')).tag).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    expect((await tabTo(page, '四级')).tag).toBe('INPUT');
    await page.keyboard.press('Space');
    await expect.poll(() => design.locator('.gate').innerText()).toContain('四级已勾选但三级未满足 → 按二级计');
    expect(await design.getByRole('radio', { name: '二级', exact: true }).isDisabled()).toBe(true);

    await page.keyboard.press('Shift+Tab');
    await tabTo(page, '结果');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('overall-level').innerText()).toBe('未达一级');
    await expect.poll(() => page.getByTestId('why').innerText()).toMatch(/^要达到一级，得分还差 /);
  });
});
