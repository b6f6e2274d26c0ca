import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';
import { serviceWorker } from './build/service-worker-plugin.ts';
import { prerenderHome } from './build/prerender-home.ts';
import { rubricSizesModule } from './build/rubric-sizes.ts';

const UNIT = [
  'test/domain/**/*.test.ts',
  'test/cli/**/*.test.ts',
  'test/db/**/*.test.ts',
  'test/content/**/*.test.ts',
  'test/build/**/*.test.ts',
];
const UNIT_ISOLATED = ['test/domain/rubric-manifest.test.ts', 'test/domain/lazy-data.test.ts'];
/**
 * UI files that keep a process each: they use the app's shared state (its IndexedDB, session, strings loaded on
 * demand into the resources), mock or reset modules, or check that state (i18n: the bundled English strings). Run
 * in one process with the others, home and progress-ui saw another file's assessments, i18n another file's strings.
 */
const UI_ISOLATED = [
  'after-paint',
  'app-state',
  'cohort-import',
  'damaged-view',
  'home',
  'home-intro',
  'i18n',
  'loader',
  'profile-form',
  'progress-ui',
  'router',
  'rubric-cache',
  'session',
  'write-error',
  'write-pdf',
].map((f) => `test/ui/${f}.test.ts`);

// base './' makes every asset URL relative, so dist/ works unchanged at / and under any sub-path.
export default defineConfig({
  base: './',
  plugins: [svelte(), svelteTesting(), serviceWorker(), prerenderHome(), rubricSizesModule()],
  build: {
    target: 'es2022',
    sourcemap: false,
    // The browser follows each chunk's static imports itself. Vite's preload links (every dependency of a chunk
    // listed in index.html, and added to <head> before each import()) fetched them a step earlier, but on a first
    // visit on a phone they cost more than they saved: ~30 requests competing with the first paint, link elements
    // inserted on the main thread when storage loads, and lists of file names in the code. Lighthouse (mobile,
    // similar machine load): performance 82-87 against 66-75, blocking time 0.5-0.7 s against 1.3-3.5 s. CSS is
    // still loaded before a screen that needs it renders. The polyfill (0.5 KB) did the same for browsers without
    // modulepreload.
    modulePreload: { polyfill: false, resolveDependencies: (_file, deps) => deps.filter((d) => d.endsWith('.css')) },
  },
  // the cohort worker loads rubrics on demand (dynamic imports): only ES module workers can split chunks
  worker: { format: 'es' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    // Vitest's default is one worker per core but one (a single worker on CI's 2 cores), and a project with
    // fileParallelism off runs in a group of its own after all others: the suite ran file by file, ~14 min.
    // The e2e files spend much of their time waiting on Chromium and LibreOffice, so three workers share the
    // two cores: unit, ui and e2e files run side by side (each e2e file has its own server, port, profile).
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        test: {
          // no DOM needed: Node's environment (a jsdom per file cost more than the tests themselves)
          name: 'unit',
          environment: 'node',
          // 5 s (the default) is too short for the PDF and planner cases while the whole suite shares 2 cores;
          // a test that hangs still fails, 30 s later
          testTimeout: 30_000,
          include: UNIT,
          exclude: UNIT_ISOLATED,
          // One module graph per worker, not one per file: loading the rubrics, strings and review data in each
          // file's fresh process cost ~1 s of CPU per file (setup 78 s of the project's 107 s CPU; without: 48 s).
          // These files leave no module or global state behind: each opens its own IndexedDB by a name no other
          // file uses, and spies on objects it creates. Checked with --sequence.shuffle, several runs.
          isolate: false,
          setupFiles: ['test/setup-node.ts'],
        },
      },
      {
        extends: true,
        test: {
          // files that change module state on purpose (a registered test rubric stays in RUBRIC_IDS, mocked and
          // reset modules): each keeps a process of its own
          name: 'unit-isolated',
          environment: 'node',
          testTimeout: 30_000,
          include: UNIT_ISOLATED,
          setupFiles: ['test/setup-node.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui',
          environment: 'jsdom',
          testTimeout: 30_000,
          include: ['test/ui/**/*.test.ts'],
          exclude: UI_ISOLATED,
          // as in unit: these files render components and call functions, and leave no module state behind
          // (checked with --sequence.shuffle); CPU 36 s -> 17 s
          isolate: false,
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'ui-isolated',
          environment: 'jsdom',
          testTimeout: 30_000,
          include: UI_ISOLATED,
          setupFiles: ['test/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          setupFiles: ['test/e2e/setup.ts'],
          // The browser, servers and profile of a file are its own (opened and closed in its hooks); the Node side
          // only reads the domain, so files share worker processes: ~1.5 s of CPU less per file (10 files: 120 s
          // -> 105 s CPU, two runs each)
          isolate: false,
          // a hang detector, not a budget: an e2e test that walks every screen takes ~20-50 s alone and may share
          // the 2 cores with two other test files and more (126 s for a 48 s walk at load 16); each of its steps
          // has Playwright's own 90 s limit (browser.ts), so a real hang is still reported
          testTimeout: 300_000,
          hookTimeout: 180_000,
          // expect.poll waits on the page's state: 1 s (the default) is too short for a screen loaded on demand
          // on a busy 2-core machine, and a state that arrives earlier ends the wait earlier.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
