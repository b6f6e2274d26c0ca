// Issue 20: the cohort workspace as a consultant uses it — a folder of 200 generated enterprise files imported
// through the folder chooser, the level distribution checked against the CLI for the same files, and the
// per-enterprise CSV compared byte for byte with `score --csv`; then a cancel that writes nothing.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM, pageForSuite } from './browser';
import { gotoRoute, waitRoute } from './wait';
import { axeViolations } from './axe';
import { generateTree } from '../../scripts/bench/cli-batch';
import { unzip, xlsxSheets } from '../ui/office-xml';

const root = join(import.meta.dirname, '..', '..');
const fixture = join(root, 'test/fixtures/valid-level3.json');
const work = mkdtempSync(join(tmpdir(), 'digilevel-cohort-e2e-'));
const FOLDER = 'pilot-files';
/** tsx as `--import tsx` finds it from the project, whatever the working directory. */
const tsx = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The CLI run from the folder's parent, so its paths read like the browser's (folder/sub/file.json). */
const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', tsx, join(root, 'scripts/score.ts'), ...args], {
    cwd: work,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    env: { ...process.env, NODE_OPTIONS: '' },
  });

describe.skipIf(!CHROMIUM)('cohort workspace', () => {
  const browser = pageForSuite({ locale: 'zh-CN' });

  it('imports a folder of 200 files, agrees with the CLI on levels and exports the same CSV', async () => {
    generateTree(join(work, FOLDER), 200, fixture);
    const { page } = browser;
    await gotoRoute(page, '#/cohort', '企业群体（顾问与主管部门）');
    await page.getByLabel('群体名称').fill('东城区试点');
    await page.getByRole('button', { name: '新建群体' }).click();
    await waitRoute(page, '东城区试点');

    await page.getByTestId('cohort-folder').setInputFiles(join(work, FOLDER));
    await expect
      .poll(() => page.getByTestId('cohort-import-message').innerText(), { timeout: 60_000 })
      .toContain('新增 196 份');
    expect(await page.getByTestId('cohort-import-message').innerText()).toContain('无效 4 份');

    // every enterprise has its own name: the distribution counts each file's level once
    const lines = cli(FOLDER)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(200);
    const expected = [0, 0, 0, 0, 0];
    for (const l of lines) if (l.level !== undefined) expected[l.level]! += 1;
    const cells = await page
      .getByTestId('cohort-distribution')
      .locator('tbody tr:not(.bar-row)')
      .first()
      .locator('td')
      .allInnerTexts();
    expect(cells.map((c) => Number(c.replace(/,/g, '')))).toEqual([...expected, 196]);
    expect(await page.getByTestId('cohort-invalid').locator('tbody tr').count()).toBe(4);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('cohort-export-detail').click(),
    ]);
    const saved = join(work, 'enterprises.csv');
    await download.saveAs(saved);
    const csv = cli('--csv', FOLDER);
    expect(csv.status).toBe(2); // the 4 broken files
    expect(readFileSync(saved, 'utf8')).toBe(csv.stdout);
    // the same table as Excel, through the app's build (lazily loaded writer, the CSP's worker rule)
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('cohort-export-detail-xlsx').click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const sheet = xlsxSheets(unzip(readFileSync((await xlsx.path())!)));
    expect(
      sheet
        .get('企业明细')!
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(
      csv.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(',')[0]),
    );
    // the import ran in as many workers as the machine has cores (up to 2 for 200 files)
    const workers = await page.evaluate(() => {
      const marks = performance.getEntriesByName('cohort:worker') as PerformanceMark[];
      return { used: (marks.at(-1)?.detail as { workers: number }).workers, cores: navigator.hardwareConcurrency };
    });
    expect(workers.used).toBe(Math.min(2, workers.cores));

    expect(await axeViolations(page)).toEqual([]);
    // a 360 px phone: nothing wider than the screen
    await page.setViewportSize({ width: 360, height: 740 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('a second import of the same folder adds nothing and lists the duplicates', async () => {
    const { page } = browser;
    await page.getByTestId('cohort-folder').setInputFiles(join(work, FOLDER));
    await expect
      .poll(() => page.getByTestId('cohort-import-message').innerText(), { timeout: 60_000 })
      .toContain('新增 0 份');
    // a long list shows a page at a time (drawing thousands of rows after an import cost seconds)
    const listed = page.getByTestId('cohort-duplicates').locator('li');
    expect(await listed.count()).toBe(100);
    await page.getByRole('button', { name: /再显示 96 条/ }).click();
    await expect.poll(() => listed.count()).toBe(196);
  });
});
