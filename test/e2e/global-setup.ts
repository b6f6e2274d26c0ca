/** Builds the app once for all e2e tests and serves dist/ under a sub-path on loopback. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveDist } from './static-server';

export default async function setup(project: TestProject) {
  const root = join(import.meta.dirname, '..', '..');
  // A separate process: building inside vitest resolves Svelte's server runtime (vitest sets SSR conditions).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST')));
  env.NODE_ENV = 'production';
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  const { url, server } = await serveDist(join(root, 'dist'), '/tools/digilevel/');
  project.provide('baseUrl', url);
  return async () => {
    await new Promise((r) => server.close(r));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
