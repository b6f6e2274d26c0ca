/** What scripts/bench/vite.app.config.ts records about the app bundle. */
export interface ModuleStat {
  /** Module id: an absolute path, maybe with a query (`?raw`), or a virtual id. */
  id: string;
  /** Rendered code length (after tree-shaking, before minification). */
  rendered: number;
  /** gzip -9 of that rendered code on its own. */
  gzip: number;
}

export interface ChunkStat {
  name: string;
  isEntry: boolean;
  isDynamicEntry: boolean;
  imports: string[];
  dynamicImports: string[];
  css: string[];
  assets: string[];
  modules: ModuleStat[];
}

export interface BundleStats {
  chunks: Record<string, ChunkStat>;
  assets: string[];
}
