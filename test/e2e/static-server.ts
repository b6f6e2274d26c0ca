/**
 * A tiny static file server for dist/, mounted at a sub-path, so e2e tests prove the build works
 * unchanged under any prefix with no rewrites (hash routing). Loopback only.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
};

/** Compressed like a static host would serve text; the benchmark's Lighthouse run needs real transfer sizes. */
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.ttf']);

export async function serveDist(
  dist: string,
  prefix: string,
  options: {
    gzip?: boolean;
    /** Send `Vary: Origin` on every file, as `vite preview` and many CDNs do (the service worker must cope). */
    varyOrigin?: boolean;
  } = {},
): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = path.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    rel = normalize(rel).replace(/^([/\\])+/, '');
    if (rel.startsWith('..')) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(join(dist, rel));
      const gzip =
        options.gzip && COMPRESSIBLE.has(extname(rel)) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
      const vary = [options.varyOrigin && 'Origin', gzip && 'Accept-Encoding'].filter(Boolean).join(', ');
      res.writeHead(200, {
        'content-type': TYPES[extname(rel)] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        ...(gzip ? { 'content-encoding': 'gzip' } : {}),
        ...(vary ? { vary } : {}),
      });
      res.end(gzip ? gzipSync(body, { level: 9 }) : body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return { url: `http://127.0.0.1:${port}${prefix}`, server };
}
