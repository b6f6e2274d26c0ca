/**
 * The app's own build (vite.config.ts, unchanged) plus one observer plugin: after the bundle is generated it writes,
 * to the file named by BENCH_STATS_FILE, every chunk's imports, dynamic imports, CSS and assets, and for each chunk the
 * rendered (tree-shaken, not yet minified) code length and gzip size of every module in it. The plugin only reads
 * the bundle, so dist/ is byte for byte what `npm run build` writes.
 */
import { mergeConfig, type Plugin } from 'vite';
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import base from '../../vite.config.ts';
import type { BundleStats } from './stats-types.ts';

function bundleStats(): Plugin {
  return {
    name: 'digilevel-bench-stats',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const file = process.env.BENCH_STATS_FILE;
      if (!file) return;
      const stats: BundleStats = { chunks: {}, assets: [] };
      for (const [fileName, out] of Object.entries(bundle)) {
        if (out.type === 'asset') {
          stats.assets.push(fileName);
          continue;
        }
        const meta = (out as { viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> } }).viteMetadata;
        stats.chunks[fileName] = {
          name: out.name,
          isEntry: out.isEntry,
          isDynamicEntry: out.isDynamicEntry,
          imports: [...out.imports],
          dynamicImports: [...out.dynamicImports],
          css: [...(meta?.importedCss ?? [])],
          assets: [...(meta?.importedAssets ?? [])],
          modules: Object.entries(out.modules).map(([id, m]) => ({
            id,
            rendered: m.renderedLength,
            gzip: m.code ? gzipSync(m.code, { level: 9 }).length : 0,
          })),
        };
      }
      writeFileSync(file, JSON.stringify(stats, null, 1));
    },
  };
}

export default mergeConfig(base, { plugins: [bundleStats()] });
