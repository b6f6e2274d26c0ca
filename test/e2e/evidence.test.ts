/**
 * Evidence end to end in Chromium: attach an image and a PDF to a claim with the file chooser, see the level
 * the evidence defends change, reload (still there), export the application package and check every SHA-256
 * against its manifest.json; a backup zip restored into an empty browser gives the attachments back
 * byte-identical; a removed file's bytes go once its undo offer closes and a home row's zip imports back
 * byte-identical; a full disk (storage.estimate) refuses a file with a translated message, nothing added.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, CHROMIUM, pageForEach, patient } from './browser';
import { gotoRoute } from './wait';
import { seed } from './seed';
import { readZip } from '../../src/zip/read';
import { FILE, NAME, PDF, PNG, attach, sha, storedBytes, verifiedPackage } from './evidence-helpers';

describe.skipIf(!CHROMIUM)('evidence attachments end to end', () => {
  const browser = pageForEach({ locale: 'zh-CN' });

  it(
    'attach, defended level, reload, package with verified hashes, backup zip restored byte-identical',
    { timeout: 240_000 },
    async () => {
      const { page } = browser;
      const [id] = await seed(page, FILE, NAME);
      await gotoRoute(page, `#/a/${id}/results`, '评测结果');
      await expect.poll(() => page.getByTestId('defended-level').innerText()).toBe('自评等级 三级 · 有佐证支撑 二级');
      expect(await page.getByTestId('at-risk').innerText()).toContain('4.');

      const claim = await attach(page, id!);
      // previews are made when opened (listing reads no bytes) and their object URL is revoked on closing
      expect(await claim.locator('img').count()).toBe(0);
      const preview = claim.locator('summary', { hasText: '预览 联网设备.png' });
      await preview.click();
      const img = claim.locator('img[alt="预览 联网设备.png"]');
      await img.waitFor();
      const src = (await img.getAttribute('src'))!;
      expect(src).toMatch(/^blob:/);
      // the stored image decodes (the page's CSP keeps fetch() off blob: URLs, so the img says it)
      await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      await page.evaluate(() => {
        const w = window as unknown as { revoked: string[] };
        w.revoked = [];
        const revoke = URL.revokeObjectURL.bind(URL);
        URL.revokeObjectURL = (u: string) => {
          w.revoked.push(u);
          revoke(u);
        };
      });
      await preview.click();
      await expect.poll(() => claim.locator('img').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { revoked: string[] }).revoked)).toEqual([src]);
      await page.reload();
      await expect.poll(() => claim.locator('li[data-hash]').count()).toBe(2);
      await gotoRoute(page, `#/a/${id}/results`, '评测结果');
      await expect.poll(() => page.getByTestId('defended-level').innerText()).toBe('自评等级 三级 · 有佐证支撑 三级');

      // the application package: every file of the manifest is there with its SHA-256
      await gotoRoute(page, `#/a/${id}/report`, '中小企业数字化水平自评报告');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 60_000 }),
        page.getByTestId('package').click(),
      ]);
      const pkgPath = join(ARTIFACTS, 'evidence-package.zip');
      await download.saveAs(pkgPath);
      const { files, manifest } = verifiedPackage(pkgPath);
      expect(manifest.files.length).toBeGreaterThanOrEqual(5);
      const evidence = manifest.files.filter((f: { path: string }) => f.path.startsWith('evidence/'));
      expect(evidence.map((f: { path: string }) => f.path).sort()).toEqual([
        'evidence/q4/数据采集制度.pdf',
        'evidence/q4/联网设备.png',
      ]);
      expect(evidence.map((f: { sha256: string }) => f.sha256).sort()).toEqual([sha(PNG), sha(PDF)].sort());
      expect(files.has('自评报告.pdf')).toBe(true);
      expect(Buffer.from(files.get('目录.txt')!).toString('utf8')).toContain(sha(PNG));

      // backup zip → an empty browser → import → the same bytes
      await gotoRoute(page, '#/', /./);
      const [backup] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出全部（备份 zip，含附件）' }).click(),
      ]);
      const backupPath = join(ARTIFACTS, 'evidence-backup.zip');
      await backup.saveAs(backupPath);
      const fresh = patient(await browser.ctx.browser()!.newContext({ locale: 'zh-CN' }));
      try {
        const page2 = await fresh.newPage();
        await seed(page2, backupPath, NAME);
        await expect.poll(() => page2.getByTestId('attachment-usage').count()).toBe(1);
        const stored = await storedBytes(page2);
        expect(stored).toEqual({ [sha(PNG)]: [...PNG], [sha(PDF)]: [...PDF] });
      } finally {
        await fresh.close();
      }
    },
  );

  it(
    "a removed file's bytes go once its undo offer closes; a home row's zip imports back byte-identical",
    { timeout: 120_000 },
    async () => {
      const { page } = browser;
      const [id] = await seed(page, FILE, NAME);
      const claim = await attach(page, id!);
      const both = { [sha(PNG)]: [...PNG], [sha(PDF)]: [...PDF] };
      // removed, then undone: the bytes stay throughout
      await claim.getByRole('button', { name: '移除 数据采集制度.pdf' }).click();
      await expect.poll(() => claim.locator('li[data-hash]').count()).toBe(1);
      expect(await storedBytes(page)).toEqual(both);
      await page.getByRole('button', { name: '撤销' }).click();
      await expect.poll(() => claim.locator('li[data-hash]').count()).toBe(2);
      // removed again and the screen left (the offer closes): the PDF's bytes are pruned, the image's stay
      await claim.getByRole('button', { name: '移除 数据采集制度.pdf' }).click();
      await expect.poll(() => claim.locator('li[data-hash]').count()).toBe(1);
      await gotoRoute(page, '#/', /./);
      await expect.poll(() => storedBytes(page)).toEqual({ [sha(PNG)]: [...PNG] });

      // the row's zip: the assessment and its attachment
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: new RegExp(`^导出 zip（含附件）：“${NAME} `) }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.zip$/);
      const zipPath = join(ARTIFACTS, 'evidence-assessment.zip');
      await download.saveAs(zipPath);
      const files = readZip(new Uint8Array(readFileSync(zipPath)));
      expect([...files.keys()].sort()).toEqual(['assessment.json', `attachments/${sha(PNG)}`, 'manifest.json']);

      // deleted (its bytes pruned with it), then imported from the zip: the same bytes again
      await page.getByRole('button', { name: new RegExp(`^删除“${NAME} `) }).click();
      await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
      await expect.poll(() => page.getByTestId('assessment-row').count()).toBe(0);
      await expect.poll(() => storedBytes(page)).toEqual({});
      await seed(page, zipPath, NAME);
      expect(await storedBytes(page)).toEqual({ [sha(PNG)]: [...PNG] });
    },
  );

  it('a full disk refuses the file with a translated message and adds nothing', async () => {
    const { page } = browser;
    await page.addInitScript(() => {
      Object.defineProperty(navigator.storage, 'estimate', { value: async () => ({ usage: 100, quota: 100 }) });
    });
    const [id] = await seed(page, FILE, NAME);
    await gotoRoute(page, `#/a/${id}/questions/data-collection`, '数据采集');
    await page.locator('#question-q4 details.notes > summary').click();
    const claim = page.locator('#question-q4 [data-claim=q4]');
    await claim
      .locator('input[type=file]:not([capture])')
      .setInputFiles([{ name: '联网设备.png', mimeType: 'image/png', buffer: PNG }]);
    await expect
      .poll(() => page.locator('#question-q4 [data-testid=attachments] [role=alert]').innerText())
      .toBe('磁盘空间不足，联网设备.png 未添加；其他内容没有改变。');
    expect(await claim.locator('li[data-hash]').count()).toBe(0);
  });
});
