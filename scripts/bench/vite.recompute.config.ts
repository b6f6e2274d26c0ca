/**
 * Builds scripts/bench/recompute-entry.ts into one minified IIFE (guides inlined) with the app's build target, so the
 * benchmark times the same production code path the app runs. Output directory: BENCH_OUT_DIR.
 */
import { defineConfig } from 'vite';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    target: 'es2022',
    minify: true,
    sourcemap: false,
    emptyOutDir: true,
    outDir: process.env.BENCH_OUT_DIR ?? join(root, 'node_modules', '.bench-recompute'),
    copyPublicDir: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 10_000,
    lib: {
      entry: join(root, 'scripts', 'bench', 'recompute-entry.ts'),
      name: 'digilevelBench',
      formats: ['iife'],
      fileName: () => 'recompute.js',
    },
  },
});
