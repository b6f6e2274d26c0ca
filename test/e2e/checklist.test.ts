import { describe, expect, it, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CHROMIUM, launch, pageForEach, screenshot, ARTIFACTS } from './browser';
import { axeViolations } from './axe';
import { clickRoute, gotoRoute, stepIds, waitRoute, waitSaved } from './wait';
import { seed } from './seed';

const root = join(import.meta.dirname, '..', '..');
const FIXTURE = join(root, 'test/fixtures/chenxing-level2.json');
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8'));

describe.skipIf(!CHROMIUM)('晨星工厂 checklist assessment end to end', () => {
  // an empty browser context per test: each seeds what it needs and passes when run alone
  const browser = pageForEach({ locale: 'zh-CN' });

  it('creates a 晨星工厂 assessment, answers every item, gets the checklist level and keeps it after a reload', async () => {
    const { page } = browser;
    await gotoRoute(page, inject('baseUrl'), '本机上的评测');
    await page.getByRole('button', { name: '新建评测' }).click();
    await page
      .getByRole('dialog')
      .getByLabel(/晨星工厂/)
      .check();
    await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
    await page.getByLabel('企业名称（可选）').fill('示例电气');
    await page.getByLabel('所属行业').selectOption('electrical');
    await page.getByRole('link', { name: '开始答题 →' }).click();
    let ids: string[] = [];
    for (let step = 0; step < 7; step++) {
      ids = await stepIds(page, 'fieldset.item', 'item-', ids);
      for (const id of ids) {
        await page
          .locator(`#item-${id}`)
          .getByLabel(fixture.answers[id] ? '满足' : '不满足', { exact: true })
          .check();
      }
      if (step === 0) {
        expect(await axeViolations(page)).toEqual([]);
        await screenshot(page, 'checklist-zh-CN');
      }
      await page.getByRole('link', { name: step < 6 ? '下一步 →' : '查看结果 →' }).click();
    }
    await expect.poll(() => page.getByTestId('checklist-level').innerText()).toBe('2级');
    expect(await page.getByTestId('missing').first().innerText()).toContain('精益');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'checklist-results-zh-CN');
    await clickRoute(page, page.getByRole('link', { name: '路线图', exact: true }), '转型路线图：电气机械和器材');
    // issue 17: the roadmap read through the mapping says the mapping is ours, and where to get help is cited
    expect(await page.getByTestId('roadmap-ours').innerText()).toContain('不是官方对应关系');
    expect(await page.getByTestId('roadmap-support').getByRole('heading', { name: '获取帮助' }).isVisible()).toBe(true);
    await waitSaved(page);
    await page.reload();
    await waitRoute(page, '转型路线图：电气机械和器材');
    await clickRoute(page, page.getByRole('link', { name: '结果', exact: true }), '评测结果');
    expect(await page.getByTestId('checklist-level').innerText()).toBe('2级');
  });

  it('exports a file the CLI scores the same, and shows the rubric on home', async () => {
    const { page } = browser;
    await seed(page, FIXTURE, '示例电气');
    const row = page.getByTestId('assessment-row').filter({ hasText: '示例电气' });
    await expect.poll(() => row.innerText()).toContain('晨星工厂');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: /^导出“/ }).click(),
    ]);
    const path = join(ARTIFACTS, 'chenxing-exported.json');
    await download.saveAs(path);
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/score.ts', path], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ rubric: 'sd-chenxing-2022', level: 2, complete: true });
    // import into a fresh browser profile: same level
    const other = await launch({ locale: 'zh-CN' });
    const p2 = await other.newPage();
    await p2.goto(inject('baseUrl'));
    await p2.locator('input[type=file]').setInputFiles(path);
    await expect.poll(() => p2.getByTestId('assessment-row').count()).toBe(1);
    expect(await p2.getByTestId('assessment-row').innerText()).toContain('2级');
    await other.close();
  });
});
