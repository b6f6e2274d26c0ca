/**
 * No import cycles in src/ (issue 14, item 6): a cycle makes the order in which modules initialise depend on
 * which one is imported first, so a constant can be undefined in one entry and fine in another. The same check as
 * `madge --circular`, without the package: static `import … from`, `import '…'` and `export … from` specifiers of
 * every .ts and .svelte file (type-only imports included: they are cycles in the design, even if erased),
 * relative ones resolved to files, then a depth-first search that reports each cycle once. A module importing
 * itself (a recursive Svelte component) is not counted.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = resolve(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The specifiers of a module's static imports and re-exports (dynamic import() loads later: no cycle). */
export function specifiers(text: string): string[] {
  const noComments = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?[\w*\s{},$]*?\s+from\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*['"]([^'"]+)['"]/g,
  ];
  for (const re of patterns) for (const m of noComments.matchAll(re)) found.push(m[1]!);
  return found;
}

/** A relative specifier as a file of the tree (as Vite resolves it: exact, .ts, .svelte.ts, /index.ts). */
function resolveSpecifier(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  const candidates = [base, `${base}.ts`, `${base.replace(/\.js$/, '')}.ts`, join(base, 'index.ts')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

export type Graph = ReadonlyMap<string, readonly string[]>;

/** Every cycle of the graph, each once (rotated to start at its smallest node). */
export function findCycles(graph: Graph): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const seen = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      // a component that renders itself (ReportBlocks for nested blocks) imports itself: recursion, not a cycle
      if (next === node) continue;
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        const key = rotated.join(' → ');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(rotated);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

function graphOf(root: string): Graph {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const deps = specifiers(readFileSync(file, 'utf8'))
      .map((s) => resolveSpecifier(file, s))
      .filter((d): d is string => d !== undefined)
      .map((d) => relative(root, d));
    graph.set(relative(root, file), [...new Set(deps)]);
  }
  return graph;
}

describe('import cycles', () => {
  it('finds a cycle, and only real ones', () => {
    const g = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts', 'd.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', []],
      ['e.ts', ['e.ts', 'f.ts']],
      ['f.ts', ['g.ts']],
      ['g.ts', ['f.ts']],
    ]);
    expect(findCycles(g)).toEqual([
      ['a.ts', 'b.ts', 'c.ts'],
      ['f.ts', 'g.ts'],
    ]);
    expect(
      findCycles(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', []],
        ]),
      ),
    ).toEqual([]);
  });

  it('reads static imports and re-exports, not dynamic ones or comments', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../b';",
      "import './side-effect';",
      "export { c } from './c';",
      "export * from './d';",
      "import {\n  e,\n  type F,\n} from './e';",
      "const lazy = () => import('./lazy');",
      "// import { x } from './commented';",
    ].join('\n');
    expect(specifiers(text)).toEqual(['./a', '../b', './e', './side-effect', './c', './d']);
  });

  it('src/ has none', () => {
    const graph = graphOf(SRC);
    expect(graph.size).toBeGreaterThan(100);
    expect(findCycles(graph).map((c) => [...c, c[0]].join(' → '))).toEqual([]);
  });
});
