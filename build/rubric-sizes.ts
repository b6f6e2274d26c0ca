/**
 * The sizes of the bundled weighted rubrics (items and scenarios), computed at build time from the rubric files by
 * the domain's own functions (rubric-sizes-of.ts) and offered to the app as the module `virtual:rubric-sizes`.
 * Home's start button says how long a new assessment takes from them ("约 N 分钟"), and so does the prerendered
 * shell, so a first visit neither loads nor checks a rubric: on a phone, reading the national rubric's 117 KB and
 * checking it were four tasks after the first paint, the longest ones left (issue 16). Each rubric is checked here
 * as the browser checks it, so a broken rubric fails the build and the dev server with its file, path and problem.
 */
import { runnerImport, type Plugin } from 'vite';
import { join } from 'node:path';
import type { RubricSizes } from './rubric-sizes-of.ts';

const ID = 'virtual:rubric-sizes';
const RESOLVED = `\0${ID}`;
const ROOT = join(import.meta.dirname, '..');
const RUBRICS = join(ROOT, 'rubrics');

let computed: Promise<RubricSizes> | undefined;

/**
 * The bundled rubrics' sizes, computed once per process (again after a rubric file changes). The domain's modules
 * are read through Vite's module runner rather than this config's bundle, which the config loader that Vite plans
 * as its default would not resolve (their imports name no file extension).
 */
export function bundledRubricSizes(): Promise<RubricSizes> {
  computed ??= runnerImport<typeof import('./rubric-sizes-of.ts')>(join(ROOT, 'build/rubric-sizes-of.ts'), {
    configFile: false,
    logLevel: 'error',
  }).then(({ module }) => module.rubricSizesOf(RUBRICS));
  computed.catch(() => (computed = undefined)); // a fixed rubric is read again on the next request
  return computed;
}

export function rubricSizesModule(): Plugin {
  return {
    name: 'digilevel-rubric-sizes',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      return `export default ${JSON.stringify((await bundledRubricSizes()).sizes)};`;
    },
    // the dev server reads the sizes again after a rubric file changes (its next page load shows them)
    configureServer(server) {
      server.watcher.on('change', (file) => {
        if (!file.startsWith(RUBRICS)) return;
        computed = undefined;
        const module = server.moduleGraph.getModuleById(RESOLVED);
        if (module) server.moduleGraph.invalidateModule(module);
      });
    },
  };
}
