/** Builds the app once for all e2e tests and serves dist/ under a sub-path on loopback. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDist } from './static-server';

export default async function setup(project: TestProject) {
  const root = join(import.meta.dirname, '..', '..');
  // A separate process: building inside vitest resolves Svelte's server runtime (vitest sets SSR conditions).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  env.NODE_ENV = 'production';
  // Each run builds into its own folder: two runs at once (or a developer's `npm run build`) never overwrite
  // the files another run is serving. Set E2E_DIST to test an existing build instead.
  const given = process.env.E2E_DIST;
  const dist = given ?? mkdtempSync(join(tmpdir(), 'digilevel-dist-'));
  if (!given)
    execFileSync(
      process.execPath,
      [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', dist, '--emptyOutDir'],
      {
        cwd: root,
        env,
        stdio: 'inherit',
      },
    );
  const { url, server } = await serveDist(dist, '/tools/digilevel/');
  project.provide('baseUrl', url);
  project.provide('distDir', dist);
  return async () => {
    await new Promise((r) => server.close(r));
    if (!given) rmSync(dist, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The folder the e2e build was written to (and is served from). */
    distDir: string;
  }
}
