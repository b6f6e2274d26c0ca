/**
 * Evidence end to end in Chromium: attach an image and a PDF to a claim with the file chooser, see the level
 * the evidence defends change, reload (still there), export the application package and check every SHA-256
 * against its manifest.json; a backup zip restored into an empty browser gives the attachments back
 * byte-identical; a full disk (storage.estimate) refuses a file with a translated message, nothing added.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, CHROMIUM, pageForEach } from './browser';
import { gotoRoute } from './wait';
import { seed } from './seed';
import { readZip } from '../../src/zip/read';

const read = (p: string) => JSON.parse(readFileSync(join(import.meta.dirname, p), 'utf8'));
const fixture = read('../fixtures/valid-level3.json');
const guidance = read('../../rubrics/cn-sme-2024/evidence.json');
const NAME = '佐证附件示例厂';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Every claim of the fixture ticked with every evidence kind it may expect, except q4. */
function ticksButQ4(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const q of Object.keys(fixture.answers))
    if (q !== 'q4' && guidance.questions[q]) out[q] = guidance.questions[q].map((e: { id: string }) => e.id);
  for (const [s, checks] of Object.entries(fixture.scenarios as Record<string, boolean[]>))
    checks.forEach((on, i) => {
      if (on) out[`${s}@${i + 1}`] = guidance.scenarios[s][i].map((e: { id: string }) => e.id);
    });
  return out;
}
const FILE = {
  ...fixture,
  profile: { ...fixture.profile, name: NAME },
  digilevel: { evidenceChecks: ticksButQ4() },
};
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

async function attach(page: Page, id: string) {
  await gotoRoute(page, `#/a/${id}/questions/data-collection`, '数据采集');
  await page.locator('#question-q4 details.notes > summary').click();
  const claim = page.locator('#question-q4 [data-claim=q4]');
  await claim.locator('input[type=file]:not([capture])').setInputFiles([
    { name: '联网设备.png', mimeType: 'image/png', buffer: PNG },
    { name: '数据采集制度.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  await expect.poll(() => claim.locator('li[data-hash]').count(), { timeout: 10_000 }).toBe(2);
  return claim;
}

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
      expect(await claim.locator('img').count()).toBe(1); // the image is previewed
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
      const files = readZip(new Uint8Array(readFileSync(pkgPath)));
      const manifest = JSON.parse(Buffer.from(files.get('manifest.json')!).toString('utf8'));
      expect(manifest.files.length).toBeGreaterThanOrEqual(5);
      for (const f of manifest.files) expect(sha(files.get(f.path)!), f.path).toBe(f.sha256);
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
      const fresh = await browser.ctx.browser()!.newContext({ locale: 'zh-CN' });
      try {
        const page2 = await fresh.newPage();
        await seed(page2, backupPath, NAME);
        await expect.poll(() => page2.getByTestId('attachment-usage').count()).toBe(1);
        const stored = await page2.evaluate(
          () =>
            new Promise<Record<string, number[]>>((resolve, reject) => {
              const req = indexedDB.open('digilevel');
              req.onerror = () => reject(req.error);
              req.onsuccess = () => {
                const all = req.result.transaction('attachments').objectStore('attachments').getAll();
                all.onsuccess = () =>
                  resolve(
                    Object.fromEntries(
                      all.result.map((a: { hash: string; data: Uint8Array }) => [a.hash, [...a.data]]),
                    ),
                  );
              };
            }),
        );
        expect(stored).toEqual({ [sha(PNG)]: [...PNG], [sha(PDF)]: [...PDF] });
      } finally {
        await fresh.close();
      }
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
