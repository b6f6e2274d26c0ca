/**
 * Records written into IndexedDB by something other than this version of the app (an old bug, another
 * tool, the developer tools) used to blank the home list ("Cannot read properties of null") and leave
 * their screens on "正在加载…"; a full disk made 新建 do nothing. Each test has its own fresh browser.
 */
import { describe, expect, it, inject, afterEach, beforeEach } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launch, screenshot } from './browser';
import { axeViolations } from './axe';

const COHORTS = '企业群体（顾问与主管部门）';

let ctx: BrowserContext;
let page: Page;
let errors: string[];
beforeEach(async () => {
  ctx = await launch({ locale: 'zh-CN' });
  page = await ctx.newPage();
  errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
});
afterEach(async () => ctx?.close());

/**
 * Home, once storage exists and the (empty) list has been read. A first visit to home does not create the
 * database (app.svelte.ts), so the cohort list, which opens storage, is visited first.
 */
async function openEmptyHome() {
  await page.goto(`${inject('baseUrl')}#/cohort`);
  await expect.poll(() => page.getByRole('heading', { level: 1, name: COHORTS }).isVisible()).toBe(true);
  await page.goto(inject('baseUrl'));
  await expect.poll(() => page.getByRole('button', { name: '打开示例评测' }).isVisible()).toBe(true);
}

const record = (id: string, name: string, file: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  id,
  file: { format: 'sme-digital-assessment', version: 1, rubric: 'cn-sme-2024', profile: { name }, ...file },
  createdAt: 1_750_000_000_000,
  updatedAt: 1_750_000_000_000,
  revision: 1,
  enterpriseId: `ent-${id}`,
  ...extra,
});

describe.skipIf(!CHROMIUM)('damaged records', () => {
  it('home lists the others and each damaged record; its screens say it is damaged and delete it', async () => {
    await openEmptyHome();
    const records = [
      record('good', '完好企业', { answers: { q2: 1 }, scenarios: {} }),
      record('null-answers', '答案为空企业', { answers: null, scenarios: {} }),
      record('no-scenarios', '无场景企业', { answers: {} }),
      record('unknown-rubric', '未知标准企业', { rubric: 'no-such-rubric', answers: {}, scenarios: {} }),
      record('no-file', '', {}, { file: null, updatedAt: undefined }),
    ];
    // straight into IndexedDB, past the app's own code
    await page.evaluate(
      (rows) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('digilevel');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            let tx: IDBTransaction;
            try {
              tx = open.result.transaction('assessments', 'readwrite');
            } catch (e) {
              reject(e instanceof Error ? e : new Error(String(e))); // no store: the app has not created it
              return;
            }
            for (const row of rows) tx.objectStore('assessments').put(row);
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
      records,
    );
    await page.reload();
    await expect.poll(() => page.getByTestId('damaged-record').count()).toBe(3);
    const listed = await page.getByTestId('assessment-row').getByRole('link').allInnerTexts();
    expect(listed.sort()).toEqual(['完好企业', '无场景企业']);
    await expect.poll(() => page.getByRole('heading', { name: '损坏的记录' }).isVisible()).toBe(true);
    expect(await page.getByTestId('damaged-record').allInnerTexts()).toEqual(
      expect.arrayContaining([
        expect.stringContaining('答案为空企业'),
        expect.stringContaining('未知标准企业'),
        expect.stringContaining('未命名'),
      ]),
    );
    await screenshot(page, 'damaged-records-zh-CN');
    expect(await axeViolations(page)).toEqual([]);

    // "export raw data" downloads exactly what is stored
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出原始数据：损坏的记录“答案为空企业”' }).click(),
    ]);
    const text = await new Promise<string>((resolve, reject) => {
      void download.createReadStream().then((stream) => {
        let out = '';
        stream.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
        stream.on('end', () => resolve(out));
        stream.on('error', reject);
      });
    });
    expect(JSON.parse(text)).toEqual(records[1]);

    // its screens say it is damaged instead of loading forever; delete there goes home
    await page.goto(`${inject('baseUrl')}#/a/null-answers/results`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1, name: '这份评测的数据已损坏' }).isVisible())
      .toBe(true);
    expect(await page.getByText('正在加载…').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '删除损坏的记录“答案为空企业”' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1, name: '本机上的评测' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('damaged-record').count()).toBe(2);
    expect(await page.getByTestId('assessment-row').count()).toBe(2);

    // the record without scenarios opens like any other
    await page.goto(`${inject('baseUrl')}#/a/no-scenarios/profile`);
    await expect.poll(() => page.getByLabel('企业名称（可选）').inputValue()).toBe('无场景企业');
    expect(errors).toEqual([]);
  });

  it('says so when the disk is full on 新建 and writes nothing', async () => {
    await openEmptyHome();
    // the disk refuses writes (quota), as a full disk makes IndexedDB do
    await page.evaluate(() => {
      IDBObjectStore.prototype.add = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.getByRole('button', { name: '新建评测' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '创建' }).click();
    await expect
      .poll(async () => (await page.getByTestId('write-error').allInnerTexts()).join(''))
      .toContain('新建评测失败：本机存储空间已满。没有写入任何数据');
    expect(await page.getByRole('alert').count()).toBeGreaterThan(0);
    expect(page.url()).not.toContain('/a/');
    expect(await page.getByTestId('assessment-row').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
