/**
 * What the evidence e2e tests share: the fixture with every claim but q4 ticked, an image and a PDF, attaching
 * them to q4 through the file chooser, the stored bytes as the page's database holds them, and reading an
 * application package back with every SHA-256 checked against its manifest.json.
 */
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gotoRoute } from './wait';
import { readZip } from '../../src/zip/read';

const read = (p: string) => JSON.parse(readFileSync(join(import.meta.dirname, p), 'utf8'));
const fixture = read('../fixtures/valid-level3.json');
const guidance = read('../../rubrics/cn-sme-2024/evidence.json');
export const NAME = '佐证附件示例厂';
export const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

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
export const FILE = {
  ...fixture,
  profile: { ...fixture.profile, name: NAME },
  digilevel: { evidenceChecks: ticksButQ4() },
};
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** The attachment bytes stored in the page's database: hash → bytes. */
export function storedBytes(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, number[]>>((resolve, reject) => {
        const req = indexedDB.open('digilevel');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const all = req.result.transaction('attachments').objectStore('attachments').getAll();
          all.onsuccess = () => {
            req.result.close();
            resolve(
              Object.fromEntries(all.result.map((a: { hash: string; data: Uint8Array }) => [a.hash, [...a.data]])),
            );
          };
        };
      }),
  );
}

/** Attaches the image and the PDF to q4 with the file chooser; returns q4's claim once both are listed. */
export async function attach(page: Page, id: string) {
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

/** The package's files, every one of manifest.json checked against its SHA-256; and the manifest. */
export function verifiedPackage(path: string) {
  const files = readZip(new Uint8Array(readFileSync(path)));
  const manifest = JSON.parse(Buffer.from(files.get('manifest.json')!).toString('utf8')) as {
    files: { path: string; sha256: string }[];
  };
  for (const f of manifest.files) expect(sha(files.get(f.path)!), f.path).toBe(f.sha256);
  return { files, manifest };
}
