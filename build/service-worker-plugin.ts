/**
 * Emits sw.js at build time with the list of files to precache. Hand-written instead of workbox:
 * the worker is ~60 lines, has no runtime dependency, and the stack notes record that workbox's
 * rollup pin broke `npm ci` here. Chunks that jsPDF only needs for .html()/SVG are left out.
 */
import type { Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
/** Files of public/ that the app shell needs; copied to dist/ as they are. */
const PUBLIC = ['manifest.webmanifest', 'icon.svg'];
const SKIP = [/html2canvas/i, /purify/i, /index\.es-/i, /\.map$/];

export function serviceWorker(): Plugin {
  return {
    name: 'digilevel-service-worker',
    apply: 'build',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((f) => !SKIP.some((re) => re.test(f)));
      // No './': every navigation falls back to index.html, and a host that does not serve a folder's index
      // (some object stores) would fail the whole install on it.
      const precache = ['index.html', ...PUBLIC, ...files.filter((f) => f !== 'index.html')];
      // The version follows every byte shipped, not only the file names: index.html and the public files
      // keep their names when they change, and a changed worker is what makes browsers offer the update.
      const hash = createHash('sha256').update(precache.join('\n'));
      for (const f of files) {
        const out = bundle[f]!;
        hash.update(out.type === 'chunk' ? out.code : out.source);
      }
      for (const f of PUBLIC) hash.update(readFileSync(join(ROOT, 'public', f)));
      const version = hash.digest('hex').slice(0, 12);
      const template = readFileSync(join(import.meta.dirname, 'sw-template.js'), 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template.replace('__VERSION__', version).replace('= __PRECACHE__;', `= ${JSON.stringify(precache)};`),
      });
    },
  };
}
