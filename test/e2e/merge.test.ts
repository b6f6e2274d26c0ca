/**
 * Merging several respondents (issue 20, item 5): three respondents' files of one enterprise and year are
 * imported together on the merge screen, the disagreements are chosen (take the lower everywhere, then one
 * item by hand), the level follows live, and the saved merged assessment holds the chosen answers and who
 * answered what; the originals stay.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, CHROMIUM, pageForSuite } from './browser';
import { axeViolations } from './axe';
import { clickRoute, gotoRoute } from './wait';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/valid-level3.json'), 'utf8'));
const NAME = '合并示例食品厂';
const T = true;
const F = false;

/** One respondent's file: the level-3 fixture with its own answers to q2 and q5 and its own quality ticks. */
function respondent(label: string, q2: number, q5: number, quality: boolean[], note?: string, proof?: string): string {
  const file = {
    ...fixture,
    profile: { ...fixture.profile, name: NAME },
    answers: { ...fixture.answers, q2, q5 },
    scenarios: { ...fixture.scenarios, quality },
    digilevel: {
      meta: { label },
      ...(note ? { notes: { q2: note } } : {}),
      ...(proof ? { evidence: { q2: [proof] } } : {}),
    },
  };
  const path = join(ARTIFACTS, `merge-${label}.json`);
  writeFileSync(path, JSON.stringify(file));
  return path;
}

type Stored = { file: { answers: Record<string, unknown>; scenarios: Record<string, boolean[]>; digilevel: any } };

describe.skipIf(!CHROMIUM)('merge several respondents', () => {
  const browser = pageForSuite({ locale: 'zh-CN' });

  it('imports three files, takes the lower everywhere and one item by hand, saves one new assessment', async () => {
    const { page } = browser;
    const files = [
      respondent('生产部', 4, 4, [T, T, T, T], 'MES 已上线', 'MES 截图'),
      respondent('财务部', 2, 4, [T, T, F, F]),
      respondent('信息化部', 3, 1, [T, T, T, T], '只上了看板'),
    ];
    await gotoRoute(page, '#/', /./);
    await clickRoute(page, page.getByRole('button', { name: '合并多人答卷' }), '合并多人答卷');
    await page.getByTestId('merge-files').setInputFiles(files);
    await expect.poll(() => page.getByTestId('merge-item').count()).toBe(3);
    expect(page.url()).toMatch(/#\/merge\/[^/]+,[^/]+,[^/]+$/);
    const ids = page.url().split('#/merge/')[1]!.split(',');
    expect(await page.getByTestId('merge-respondents').innerText()).toBe('生产部\n财务部\n信息化部');

    // each respondent's answer (option text) and note beside the item
    const q2 = page.locator('[data-testid=merge-item][data-key=q2]');
    expect(await q2.innerText()).toContain('生产部');
    expect(await q2.innerText()).toContain('MES 已上线');
    expect(await q2.innerText()).toContain('只上了看板');
    expect(await q2.innerText()).toContain('佐证：MES 截图');

    // the level follows the choices: the higher everywhere, then the lower everywhere
    await page.getByRole('button', { name: '全部取较高' }).click();
    const higher = await page.getByTestId('merge-score').innerText();
    await page.getByRole('button', { name: '全部取较低' }).click();
    await expect.poll(() => page.getByTestId('merge-score').innerText()).not.toBe(higher);
    const lower = Number(await page.getByTestId('merge-score').innerText());
    await q2.getByRole('radio', { name: '信息化部' }).check();
    await expect.poll(async () => Number(await page.getByTestId('merge-score').innerText())).toBeGreaterThan(lower);

    expect(await axeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: '保存为新评估' }).click();
    await clickRoute(page, page.getByTestId('merge-saved').getByRole('link'), /./);
    const id = /#\/a\/([^/]+)/.exec(page.url())?.[1];
    const all = await page.evaluate(
      () =>
        new Promise<Record<string, Stored>>((resolve, reject) => {
          const req = indexedDB.open('digilevel');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const get = req.result.transaction('assessments').objectStore('assessments').getAll();
            get.onsuccess = () =>
              resolve(Object.fromEntries(get.result.map((r: Stored & { id: string }) => [r.id, r])));
          };
        }),
    );
    expect(Object.keys(all)).toHaveLength(4); // the three originals are kept
    const merged = all[id!]!.file;
    expect(merged.answers).toMatchObject({ q2: 3, q5: 1, q1: fixture.answers.q1 });
    expect(merged.scenarios.quality).toEqual([T, T, F, F]);
    expect(merged.digilevel.meta.label).toBe('合并：生产部、财务部、信息化部');
    const notes = merged.digilevel.notes as Record<string, string>;
    expect(notes.q2!.split('\n')[0]).toBe('合并：采用 信息化部 的答案（选定）');
    expect(notes.q2).toContain('生产部 的备注：MES 已上线');
    expect(notes.q5!.split('\n')[0]).toBe('合并：采用 信息化部 的答案（较低）');
    expect(notes.quality!.split('\n')[0]).toBe('合并：采用 财务部 的答案（较低）');
    expect(notes.quality).toContain('财务部：第 2 级');
    expect(merged.digilevel.evidence).toEqual({ q2: ['MES 截图'] });

    // from three respondents to two on the same screen: a choice of the third is not carried over
    await gotoRoute(page, `#/merge/${ids.join(',')}`, '合并多人答卷');
    await page.locator('[data-testid=merge-item][data-key=q2]').getByRole('radio', { name: '信息化部' }).check();
    await gotoRoute(page, `#/merge/${ids[0]},${ids[1]}`, '合并多人答卷');
    await expect.poll(() => page.getByTestId('merge-respondents').innerText()).toBe('生产部\n财务部');
    expect(await page.getByTestId('merge-level').count()).toBe(1);

    // or ticked from the user's own assessments
    await gotoRoute(page, '#/merge', '合并多人答卷');
    await page.getByRole('checkbox', { name: /生产部$/ }).check();
    await page.getByRole('checkbox', { name: /· 财务部$/ }).check();
    await clickRoute(page, page.getByRole('button', { name: '比对并合并所选（2 份）' }), '合并多人答卷');
    expect(page.url()).toContain(`#/merge/`);
    // in the order home lists them (newest first)
    await expect
      .poll(async () => (await page.getByTestId('merge-respondents').innerText()).split('\n').sort())
      .toEqual(['生产部', '财务部'].sort());
  });
});
