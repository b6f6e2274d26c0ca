/**
 * The cohort import in Chromium (issue "Many files"): 10,000 generated files chosen as one folder,
 * scored in the worker and written to the cohort database — wall time from choosing the folder to the
 * "import finished" line. Budget 15 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchWithPage } from '../../test/e2e/browser.ts';
import { serveDist } from '../../test/e2e/static-server.ts';
import { generateTree } from './cli-batch.ts';

export interface CohortFigures {
  files: number;
  ms: number;
  message: string;
  /** ms: before the page had the files (the file chooser), scoring (of it: packing the files for the workers,
   * until the first worker had its files, the longest worker's own time), the one-transaction write, drawing
   * the figures after it. */
  breakdown?: Record<string, number>;
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
    // where the time went, from the marks the screen leaves (CohortImport, run-import)
    const shownAt = await page.evaluate(() => performance.now());
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .map((m) => ({ name: m.name, at: m.startTime, detail: (m as PerformanceMark).detail as unknown })),
    );
    const last = (name: string) => [...marks].reverse().find((m) => m.name === name);
    const at = (name: string) => last(name)?.at ?? NaN;
    const w = last('cohort:worker')?.detail as { firstStart: number; totalMs: number; workers: number } | undefined;
    const r = (x: number | undefined) => Math.round(x ?? NaN);
    const breakdown = {
      beforeChosen: ms - r(shownAt - at('cohort:chosen')),
      scoring: r(at('cohort:worker') - at('cohort:chosen')),
      workers: w?.workers ?? NaN,
      packed: r(at('cohort:packed') - at('cohort:chosen')),
      toWorkers: r((w?.firstStart ?? NaN) - at('cohort:chosen')),
      inWorker: r(w?.totalMs),
      write: r(at('cohort:written') - at('cohort:scored')),
      render: r(shownAt - at('cohort:written')),
    };
    log(`  ${JSON.stringify(breakdown)}`);
    return { files, ms, message: text, breakdown };
  } catch (e) {
    log(`cohort import: not measured (${e instanceof Error ? e.message : String(e)})`);
    return undefined;
  } finally {
    await ctx.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Standalone: `npx tsx scripts/bench/cohort.ts [files]` builds the app into a temp folder (or uses
 * BENCH_DIST), serves it and measures only the cohort import.
 */
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = resolve(import.meta.dirname, '..', '..');
  const given = process.env.BENCH_DIST;
  const dist = given ?? mkdtempSync(join(tmpdir(), 'digilevel-bench-dist-'));
  if (!given) {
    const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'],
      { cwd: root, env: { ...env, NODE_ENV: 'production' }, stdio: 'inherit' },
    );
  }
  const { url, server } = await serveDist(dist, '/tools/digilevel/', { gzip: true });
  try {
    const files = Number(process.argv[2] ?? 10_000);
    const r = await measureCohortImport(url, join(root, 'test/fixtures/valid-level3.json'), console.log, files);
    process.exitCode = r ? 0 : 1;
  } finally {
    server.close();
    if (!given) rmSync(dist, { recursive: true, force: true });
  }
}
