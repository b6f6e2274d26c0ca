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

const SCOPE = 'http://host/app/';
// in a worker, relative URLs resolve against the worker's own location
class WorkerRequest extends Request {
  constructor(url: string | Request, init?: RequestInit) {
    super(typeof url === 'string' ? new URL(url, SCOPE).href : url, init);
  }
}

/**
 * A Cache Storage that honours Vary as browsers do: a stored response that varies on a header matches only
 * a request with the same value of that header, unless the lookup says ignoreVary.
 */
class FakeCache {
  entries: { request: Request; response: Response }[] = [];
  constructor(private readonly net: (r: Request | string) => Promise<Response>) {}
  async match(query: Request | string, options: { ignoreVary?: boolean } = {}) {
    const request = typeof query === 'string' ? new Request(query) : query;
    const hit = this.entries.find(
      (e) =>
        e.request.url === request.url &&
        (options.ignoreVary ||
          (e.response.headers.get('vary') ?? '')
            .split(',')
            .filter((h) => h.trim())
            .every((h) => e.request.headers.get(h.trim()) === request.headers.get(h.trim()))),
    );
    return hit?.response.clone();
  }
  async put(request: Request, response: Response) {
    this.entries.push({ request, response });
  }
  async addAll(requests: (Request | string)[]) {
    for (const r of requests) await this.put(new WorkerRequest(r), await this.net(r));
  }
}

type Handler = (event: Record<string, unknown>) => void;

/** Runs the generated worker against fake browser APIs; `online` says whether its fetch() reaches the host. */
function runWorker(sw: string) {
  const handlers: Record<string, Handler> = {};
  const fetched: Request[] = [];
  let online = true;
  const net = async (query: Request | string) => {
    const r = new WorkerRequest(query);
    fetched.push(r);
    if (!online) throw new TypeError('Failed to fetch');
    // a host that sends Vary: Origin on every file, as vite preview does
    return new Response(`body of ${new URL(r.url).pathname}`, { headers: { vary: 'Origin' } });
  };
  const stores = new Map<string, FakeCache>();
  const caches = {
    async open(name: string) {
      if (!stores.has(name)) stores.set(name, new FakeCache(net));
      return stores.get(name)!;
    },
    async match(r: Request | string, o?: { ignoreVary?: boolean }) {
      for (const c of stores.values()) {
        const hit = await c.match(r, o);
        if (hit) return hit;
      }
      return undefined;
    },
    async keys() {
      return [...stores.keys()];
    },
    async delete(name: string) {
      return stores.delete(name);
    },
  };
  const self = {
    location: new URL(SCOPE),
    registration: { scope: SCOPE },
    clients: { claim: async () => {} },
    skipWaiting() {},
    addEventListener: (type: string, h: Handler) => (handlers[type] = h),
  };
  new Function('self', 'caches', 'fetch', 'Request', sw)(self, caches, net, WorkerRequest);
  /** Dispatches an event and returns what the worker waited on or answered with. */
  const dispatch = async (type: string, fields: Record<string, unknown> = {}) => {
    let result: Promise<unknown> | undefined;
    handlers[type]!({
      ...fields,
      waitUntil: (p: Promise<unknown>) => (result = p),
      respondWith: (p: Promise<unknown>) => (result = p),
    });
    return (await result) as Response | undefined;
  };
  return {
    fetched,
    goOffline: () => (online = false),
    install: () => dispatch('install'),
    fetch: (request: Request | { method: string; url: string; mode: string }) => dispatch('fetch', { request }),
  };
}

describe('the service worker at run time', () => {
  const sw = swFor(app('<p>a</p>'));

  it('answers module scripts from the precache offline although the host sends Vary: Origin', async () => {
    const worker = runWorker(sw);
    await worker.install();
    worker.goOffline();
    // module scripts carry an Origin header; the precache stored them from requests without one
    const script = new Request(`${SCOPE}assets/index-abc.js`, { headers: { origin: 'http://host' } });
    const response = await worker.fetch(script);
    expect(await response!.text()).toBe('body of /app/assets/index-abc.js');
  });

  it('answers an offline navigation to any URL of the app with the cached index.html', async () => {
    const worker = runWorker(sw);
    await worker.install();
    worker.goOffline();
    const response = await worker.fetch({ method: 'GET', url: `${SCOPE}?utm=1`, mode: 'navigate' });
    expect(await response!.text()).toBe('body of /app/index.html');
  });

  it('precaches unhashed files past the HTTP cache and hashed ones through it', async () => {
    const worker = runWorker(sw);
    await worker.install();
    const modes = Object.fromEntries(worker.fetched.map((r) => [new URL(r.url).pathname, r.cache]));
    expect(modes).toEqual({
      '/app/index.html': 'no-cache',
      '/app/manifest.webmanifest': 'no-cache',
      '/app/icon.svg': 'no-cache',
      '/app/assets/index-abc.js': 'default',
    });
  });
});
