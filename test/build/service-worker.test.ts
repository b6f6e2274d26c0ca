import { describe, expect, it } from 'vitest';
import { serviceWorker } from '../../build/service-worker-plugin';

type Output = { type: 'chunk'; code: string } | { type: 'asset'; source: string };

/** Runs the plugin's generateBundle on a fake bundle and returns the sw.js it emits. */
function swFor(bundle: Record<string, Output>): string {
  let source = '';
  const plugin = serviceWorker() as unknown as {
    generateBundle(this: { emitFile(f: { source: string }): void }, o: unknown, b: Record<string, Output>): void;
  };
  plugin.generateBundle.call({ emitFile: (f) => (source = f.source) }, {}, bundle);
  return source;
}
const version = (sw: string) => /digilevel-([0-9a-f]{12})/.exec(sw)![1];
const precache = (sw: string) => JSON.parse(/PRECACHE = (\[.*?\]);/.exec(sw)![1]!) as string[];

const app = (html: string, code = 'console.log(1)'): Record<string, Output> => ({
  'index.html': { type: 'asset', source: html },
  'assets/index-abc.js': { type: 'chunk', code },
  'assets/html2canvas-x.js': { type: 'chunk', code: 'unused' },
});

describe('the generated service worker', () => {
  it('precaches the shell, the public files and every chunk but the ones the app never loads', () => {
    expect(precache(swFor(app('<p>a</p>')))).toEqual([
      './',
      'index.html',
      'manifest.webmanifest',
      'icon.svg',
      'assets/index-abc.js',
    ]);
  });

  it('gets a new version when any shipped byte changes, index.html included, and keeps it otherwise', () => {
    const base = version(swFor(app('<p>a</p>')));
    expect(version(swFor(app('<p>a</p>')))).toBe(base);
    expect(version(swFor(app('<p>b</p>')))).not.toBe(base);
    expect(version(swFor(app('<p>a</p>', 'console.log(2)')))).not.toBe(base);
  });
});
