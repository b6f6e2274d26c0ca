/**
 * Byte figures of a built dist/: what a first visit downloads (index.html, what it links, and everything the entry
 * imports statically), every lazily loaded chunk and asset with its gzip size, and which modules fill the first-visit
 * JavaScript. Sizes are gzip level 9 (node:zlib), as a static host would serve them compressed.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BundleStats } from './stats-types.ts';

export interface FileSize {
  file: string;
  kind: 'html' | 'js' | 'css' | 'font' | 'other';
  raw: number;
  gzip: number;
  /** Why it is fetched: the tag of index.html, the chunk that imports it, or the service worker. */
  via: string;
}

export interface ModuleGroup {
  name: string;
  /** Estimated share of the chunk's gzip bytes (each module's standalone gzip, scaled to the chunk's real gzip). */
  gzip: number;
  rendered: number;
  modules: number;
}

export interface ByteReport {
  firstVisit: FileSize[];
  firstVisitGzip: number;
  firstVisitRaw: number;
  lazy: FileSize[];
  /** Files in dist/assets that neither the first visit nor any chunk's dynamic imports reach (unexpected). */
  unreachable: string[];
  /** The service worker's precache list (fetched in the background after the first visit, for offline use). */
  precache: { files: number; gzip: number; raw: number };
  /** Entry chunk static imports as read from the JS text, compared with the bundler's own record. */
  importsCheck: { fromText: string[]; fromBundle: string[]; agree: boolean } | undefined;
  entryBreakdown: { chunk: string; gzip: number; groups: ModuleGroup[]; topModules: ModuleGroup[] } | undefined;
}

export const gzipSize = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

function kindOf(file: string): FileSize['kind'] {
  if (file.endsWith('.html')) return 'html';
  if (file.endsWith('.js')) return 'js';
  if (file.endsWith('.css')) return 'css';
  if (/\.(ttf|otf|woff2?)$/.test(file)) return 'font';
  return 'other';
}

function sizeOf(dist: string, file: string, via: string): FileSize {
  const data = readFileSync(join(dist, file));
  return { file, kind: kindOf(file), raw: data.length, gzip: gzipSize(data), via };
}

/** `src`/`href` of the tags of index.html that load something when the page opens. */
export function htmlReferences(html: string): { file: string; via: string }[] {
  const refs: { file: string; via: string }[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const attr = (name: string) => new RegExp(`\\b${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(tag)?.[1];
    if (/^<script/i.test(tag)) {
      const src = attr('src');
      if (src) refs.push({ file: src, via: '<script>' });
      continue;
    }
    const rel = (attr('rel') ?? '').toLowerCase();
    const href = attr('href');
    if (!href) continue;
    if (['stylesheet', 'modulepreload', 'preload', 'icon', 'manifest'].includes(rel))
      refs.push({ file: href, via: `<link rel=${rel}>` });
  }
  return refs.map((r) => ({ ...r, file: posix.normalize(r.file.replace(/^\.\//, '')) }));
}

/** Relative specifiers of static `import … from "./x.js"` / `import "./x.js"` (not `import("./x.js")`). */
export function staticImports(js: string): string[] {
  const found = new Set<string>();
  const re = /(?:^|[;\s}])import\s*(?:[\w$*{}\s,]+?\s*from\s*)?(["'`])(\.{1,2}\/[^"'`]+)\1/g;
  for (const m of js.matchAll(re)) found.add(m[2]!);
  return [...found];
}

/** Relative specifiers of `import("./x.js")` (Rolldown writes them with backticks). */
export function dynamicImports(js: string): string[] {
  return [...new Set([...js.matchAll(/\bimport\(\s*(["'`])(\.{1,2}\/[^"'`]+)\1\s*\)/g)].map((m) => m[2]!))];
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path).split('\\').join('/')];
  });
}

/** node_modules/<pkg>, the project folder two levels deep, or a bundler-virtual module. */
function groupOf(id: string, root: string): string {
  const clean = id.replace(/\?.*$/, '');
  if (clean.startsWith('\0') || !clean.startsWith('/')) return '(bundler runtime)';
  const nm = clean.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = clean.slice(nm + '/node_modules/'.length).split('/');
    return `npm:${parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]}`;
  }
  const rel = relative(root, clean).split('\\').join('/');
  const parts = rel.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}/` : rel;
}

export function analyseDist(dist: string, root: string, stats: BundleStats | undefined): ByteReport {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const firstVisit: FileSize[] = [sizeOf(dist, 'index.html', 'document')];
  const seen = new Set(['index.html']);
  const queue: { file: string; via: string }[] = htmlReferences(html).filter((r) => !/^[a-z]+:/i.test(r.file));
  const pending: string[] = [];
  while (queue.length) {
    const { file, via } = queue.shift()!;
    if (seen.has(file) || !existsSync(join(dist, file))) continue;
    seen.add(file);
    firstVisit.push(sizeOf(dist, file, via));
    if (file.endsWith('.js')) {
      const text = readFileSync(join(dist, file), 'utf8');
      for (const spec of staticImports(text))
        queue.push({ file: posix.join(posix.dirname(file), spec), via: `static import of ${file}` });
      pending.push(file);
    }
  }
  // the page registers the service worker, so its script is part of the first visit too
  if (existsSync(join(dist, 'sw.js')) && !seen.has('sw.js')) {
    seen.add('sw.js');
    firstVisit.push(sizeOf(dist, 'sw.js', 'navigator.serviceWorker.register'));
  }
  const counted = firstVisit.filter((f) => f.kind === 'html' || f.kind === 'js' || f.kind === 'css');

  // lazily loaded: follow dynamic imports (and the static imports of those chunks) from every first-visit chunk
  const lazy: FileSize[] = [];
  const lazyQueue = pending.flatMap((file) =>
    dynamicImports(readFileSync(join(dist, file), 'utf8')).map((spec) => ({
      file: posix.join(posix.dirname(file), spec),
      via: `import() in ${file}`,
    })),
  );
  for (const chunk of Object.entries(stats?.chunks ?? {}))
    for (const d of chunk[1].dynamicImports) lazyQueue.push({ file: d, via: `import() in ${chunk[0]}` });
  while (lazyQueue.length) {
    const { file, via } = lazyQueue.shift()!;
    if (seen.has(file) || !existsSync(join(dist, file))) continue;
    seen.add(file);
    lazy.push(sizeOf(dist, file, via));
    if (!file.endsWith('.js')) continue;
    const text = readFileSync(join(dist, file), 'utf8');
    for (const spec of dynamicImports(text))
      lazyQueue.push({ file: posix.join(posix.dirname(file), spec), via: `import() in ${file}` });
    for (const spec of staticImports(text))
      lazyQueue.push({ file: posix.join(posix.dirname(file), spec), via: `static import of ${file}` });
    for (const c of stats?.chunks[file]?.css ?? []) lazyQueue.push({ file: c, via: `CSS of ${file}` });
    for (const a of stats?.chunks[file]?.assets ?? []) lazyQueue.push({ file: a, via: `asset of ${file}` });
  }
  // assets referenced from lazily loaded chunks without the bundler telling us (e.g. new URL(…, import.meta.url))
  const unreachable: string[] = [];
  for (const file of listFiles(join(dist, 'assets')).map((f) => `assets/${f}`)) {
    if (seen.has(file)) continue;
    // the preload helper's dependency list in a first-visit chunk names the CSS of the screens it loads later
    const owner = [...lazy, ...firstVisit].find(
      (l) => l.kind === 'js' && readFileSync(join(dist, l.file), 'utf8').includes(posix.basename(file)),
    );
    if (owner) {
      seen.add(file);
      lazy.push(sizeOf(dist, file, `referenced by ${owner.file}`));
    } else unreachable.push(file);
  }

  const precacheFiles = precacheList(dist);
  const precacheSizes = precacheFiles.filter((f) => existsSync(join(dist, f))).map((f) => sizeOf(dist, f, 'sw'));

  const entry = firstVisit.find((f) => f.via === '<script>' && f.kind === 'js');
  const entryStats = entry ? stats?.chunks[entry.file] : undefined;
  let importsCheck: ByteReport['importsCheck'];
  if (entry && entryStats) {
    const fromText = staticImports(readFileSync(join(dist, entry.file), 'utf8'))
      .map((s) => posix.join(posix.dirname(entry.file), s))
      .sort();
    const fromBundle = [...entryStats.imports].sort();
    importsCheck = { fromText, fromBundle, agree: JSON.stringify(fromText) === JSON.stringify(fromBundle) };
  }

  return {
    firstVisit,
    firstVisitGzip: counted.reduce((s, f) => s + f.gzip, 0),
    firstVisitRaw: counted.reduce((s, f) => s + f.raw, 0),
    lazy: lazy.sort((a, b) => b.gzip - a.gzip),
    unreachable,
    precache: {
      files: precacheSizes.length,
      gzip: precacheSizes.reduce((s, f) => s + f.gzip, 0),
      raw: precacheSizes.reduce((s, f) => s + f.raw, 0),
    },
    importsCheck,
    entryBreakdown: entry && entryStats ? breakdown(entry, entryStats.modules, root) : undefined,
  };
}

function breakdown(entry: FileSize, modules: BundleStats['chunks'][string]['modules'], root: string) {
  const total = modules.reduce((s, m) => s + m.gzip, 0) || 1;
  const scale = entry.gzip / total;
  const groups = new Map<string, ModuleGroup>();
  for (const m of modules) {
    const name = groupOf(m.id, root);
    const g = groups.get(name) ?? { name, gzip: 0, rendered: 0, modules: 0 };
    g.gzip += m.gzip * scale;
    g.rendered += m.rendered;
    g.modules++;
    groups.set(name, g);
  }
  const round = (g: ModuleGroup) => ({ ...g, gzip: Math.round(g.gzip) });
  const topModules = [...modules]
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, 15)
    .map((m) => ({
      name: m.id.startsWith('/') ? relative(root, m.id.replace(/\?.*$/, '')).split('\\').join('/') : m.id,
      gzip: Math.round(m.gzip * scale),
      rendered: m.rendered,
      modules: 1,
    }));
  return {
    chunk: entry.file,
    gzip: entry.gzip,
    groups: [...groups.values()].map(round).sort((a, b) => b.gzip - a.gzip),
    topModules,
  };
}

/** The PRECACHE array of dist/sw.js, if any. */
export function precacheList(dist: string): string[] {
  const sw = join(dist, 'sw.js');
  if (!existsSync(sw)) return [];
  const m = /PRECACHE\s*=\s*(\[[^\]]*\])/.exec(readFileSync(sw, 'utf8'));
  if (!m) return [];
  return (JSON.parse(m[1]!) as string[])
    .map((f) => (f === './' ? 'index.html' : f))
    .filter((f, i, a) => a.indexOf(f) === i);
}
