/**
 * The cohort import in Chromium (issue "Many files"): 10,000 generated files chosen as one folder,
 * scored in the worker and written to the cohort database — wall time from choosing the folder to the
 * "import finished" line. Budget 15 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchWithPage } from '../../test/e2e/browser.ts';
import { generateTree } from './cli-batch.ts';

export interface CohortFigures {
  files: number;
  ms: number;
  message: string;
}

export async function measureCohortImport(
  base: string,
  fixture: string,
  log: (m: string) => void,
  files = 10_000,
): Promise<CohortFigures | undefined> {
  const work = mkdtempSync(join(tmpdir(), 'digilevel-bench-cohort-'));
  const { ctx, page } = await launchWithPage({ locale: 'zh-CN' });
  try {
    const folder = join(work, 'cohort-files');
    generateTree(folder, files, fixture);
    await page.goto(`${base}#/cohort`);
    await page.getByLabel('群体名称').fill('bench');
    await page.getByRole('button', { name: '新建群体' }).click();
    await page.getByTestId('cohort-folder').waitFor();
    const started = performance.now();
    await page.getByTestId('cohort-folder').setInputFiles(folder);
    const message = page.getByTestId('cohort-import-message');
    await message.waitFor({ timeout: 300_000 });
    const ms = Math.round(performance.now() - started);
    const text = await message.innerText();
    log(`cohort import: ${files} files in ${ms} ms (${text})`);
    return { files, ms, message: text };
  } catch (e) {
    log(`cohort import: not measured (${e instanceof Error ? e.message : String(e)})`);
    return undefined;
  } finally {
    await ctx.close();
    rmSync(work, { recursive: true, force: true });
  }
}
