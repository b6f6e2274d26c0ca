/**
 * Evidence offline (issue 19): after one visit the service worker serves the app, the browser goes offline, and
 * an assessment is imported, an image and a PDF attached to a claim and the application package exported —
 * every file of the package matching its SHA-256 in manifest.json.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ARTIFACTS, CHROMIUM, pageForSuite } from './browser';
import { gotoRoute, offlineAfterFirstVisit } from './wait';
import { seed } from './seed';
import { FILE, NAME, PDF, PNG, attach, sha, verifiedPackage } from './evidence-helpers';

describe.skipIf(!CHROMIUM)('evidence offline', () => {
  // a persistent profile (launch): the service worker registers and stays, as in a user's browser
  const browser = pageForSuite({ locale: 'zh-CN' });

  it('attaches files and exports a verifiable package with the network off', { timeout: 180_000 }, async () => {
    const { ctx, page } = browser;
    await offlineAfterFirstVisit(ctx, page);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    const [id] = await seed(page, FILE, NAME);
    await attach(page, id!);
    await gotoRoute(page, `#/a/${id}/report`, '中小企业数字化水平自评报告');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('package').click(),
    ]);
    const path = join(ARTIFACTS, 'evidence-offline-package.zip');
    await download.saveAs(path);
    const { files, manifest } = verifiedPackage(path);
    const evidence = manifest.files.filter((f) => f.path.startsWith('evidence/'));
    expect(evidence.map((f) => f.sha256).sort()).toEqual([sha(PNG), sha(PDF)].sort());
    expect(files.has('自评报告.pdf')).toBe(true);
  });
});
