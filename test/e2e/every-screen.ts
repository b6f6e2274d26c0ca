/**
 * Uses every screen of the app once, from an empty profile: home, rubric, method, an assessment's profile,
 * questions, scenarios, results, roadmap, review, report with its PDF, a re-assessment's comparison and trend
 * (and the merge of the two),
 * the checklist rubric's screens and the English strings. The offline and hosting tests run it after a visit
 * to home only, so it proves that no screen needs to have been visited online before.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ARTIFACTS } from './browser';
import { clickRoute, gotoRoute, waitRoute } from './wait';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const NAME = '示例食品有限公司';
const HOME = '本机上的评测';

/** The assessment id in the page's current hash route. */
function openId(page: Page): string {
  return /#\/a\/([^/]+)/.exec(page.url())![1]!;
}

/** Imports a fixture on the home screen and opens it; returns its id. */
async function importAndOpen(page: Page, base: string, fixture: string, name: string): Promise<string> {
  await gotoRoute(page, base, HOME);
  const rows = page.getByTestId('assessment-row');
  const before = await rows.count();
  await page.locator('input[type=file]').setInputFiles(join(FIXTURES, fixture));
  await expect.poll(() => rows.count()).toBe(before + 1);
  await clickRoute(page, rows.filter({ hasText: name }).first().getByRole('link').first(), /./);
  return openId(page);
}

/**
 * Walks every screen under `base` (the app's URL, ending in '/'), waiting on each for its heading with no
 * loading line left, and downloads the report's PDF. `tag` names the saved PDF.
 */
export async function useEveryScreen(page: Page, base: string, tag: string): Promise<void> {
  const id = await importAndOpen(page, base, 'valid-level3.json', NAME);
  const a = `${base}#/a/${id}`;
  await gotoRoute(page, `${a}/profile`, '企业概况');
  await gotoRoute(page, `${a}/questions/equipment-systems`, '设备系统');
  await gotoRoute(page, `${a}/scenarios/production-execution`, '生产执行数字化');
  await gotoRoute(page, `${a}/results`, '评测结果');
  expect(await page.getByTestId('overall-level').innerText()).toBe('三级');
  await expect.poll(() => page.locator('.charts canvas[data-drawn]').count()).toBe(2);
  await gotoRoute(page, `${a}/roadmap`, '转型路线图：食品饮料');
  await gotoRoute(page, `${a}/review`, '评审准备');
  await gotoRoute(page, `${a}/report`, '中小企业数字化水平自评报告');
  // the PDF needs jsPDF and the font, both loaded only now
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '下载 PDF' }).click(),
  ]);
  const pdf = join(ARTIFACTS, `${tag}.pdf`);
  await download.saveAs(pdf);
  expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('转型路线图');

  // a re-assessment, its comparison with the first and the enterprise's trend
  await gotoRoute(page, base, HOME);
  await clickRoute(page, page.getByRole('button', { name: `下一年复评：从“${NAME} 2026”开始` }), '企业概况');
  const later = openId(page);
  await gotoRoute(page, `${base}#/a/${later}/compare/${id}`, '对比两次评测');
  await clickRoute(page, page.getByRole('link', { name: '查看历年趋势 →' }), `“${NAME}”的历年趋势`);
  await expect.poll(() => page.getByTestId('trend-lines').getAttribute('data-drawn')).toBe('true');
  // the merge screen over the two years: it warns that the years differ and shows the merged level
  await gotoRoute(page, `${base}#/merge/${id},${later}`, '合并多人答卷');
  await expect.poll(() => page.getByText('注意：所选答卷的年度不同', { exact: false }).count()).toBe(1);
  await expect.poll(() => page.getByTestId('merge-level').count()).toBe(1);

  await gotoRoute(page, `${base}#/rubric`, '中小企业数字化水平评测指标（2024年版）');
  await gotoRoute(page, `${base}#/method`, '方法说明：得分和等级如何计算');

  // the second rubric has its own data and screens
  const c = `${base}#/a/${await importAndOpen(page, base, 'chenxing-level2.json', '示例电气')}`;
  await gotoRoute(page, `${c}/questions`, '顶层规划');
  await gotoRoute(page, `${c}/results`, '评测结果');
  await gotoRoute(page, `${c}/roadmap`, '转型路线图：电气机械和器材');

  // the English strings are a file of their own for a Chinese browser
  await gotoRoute(page, base, HOME);
  await page.getByTestId('language').selectOption('en');
  await waitRoute(page, 'Assessments on this device');
  await page.getByTestId('language').selectOption('zh-CN');
  await waitRoute(page, HOME);
}
