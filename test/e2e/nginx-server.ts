/**
 * A real nginx serving dist/ exactly as docs/hosting/nginx.conf tells a web team to: the location lines of that
 * file's header comment, with the test's sub-path and folder, including the file itself. nginx runs as a child
 * process on a loopback port with everything it writes (pid, logs, temp files) in a temporary prefix: no system
 * service, no root-owned paths. Used by the nginx e2e tests and by `npm run bench`.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { get, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const HOSTING_CONF = join(import.meta.dirname, '..', '..', 'docs', 'hosting', 'nginx.conf');

const CANDIDATES = [process.env.NGINX_PATH, '/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/nginx/sbin/nginx'];
export const NGINX = CANDIDATES.find((p): p is string => !!p && existsSync(p));

/** Says that nginx tests are skipped when there is no nginx; under CI=true a missing nginx fails the run instead. */
export function warnIfNoNginx(): void {
  if (NGINX) return;
  const msg = '[e2e] no nginx found (set NGINX_PATH or apt-get install nginx): nginx hosting tests are SKIPPED';
  if (process.env.CI) throw new Error(msg);
  console.warn(msg);
}

/** The brotli filter module, if installed (Debian: libnginx-mod-http-brotli-filter). */
export function brotliModule(): string | undefined {
  if (!NGINX) return undefined;
  const flags = execFileSync(NGINX, ['-V'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const dir = /--modules-path=(\S+)/.exec(flags)?.[1] ?? '/usr/lib/nginx/modules';
  const module = join(dir, 'ngx_http_brotli_filter_module.so');
  return existsSync(module) ? module : undefined;
}

/** The example lines of the hosting file's header comment (indented by five spaces after '#'), uncommented. */
function documentedLines(): { location: string[]; brotli: string[] } {
  const lines = readFileSync(HOSTING_CONF, 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('#     '))
    .map((l) => l.slice('#     '.length));
  return {
    location: lines.filter((l) => !l.startsWith('brotli')),
    brotli: lines.filter((l) => l.startsWith('brotli')),
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  await new Promise((r) => server.close(r));
  return typeof addr === 'object' && addr ? addr.port : 0;
}

export interface Nginx {
  /** The app's URL, ending in '/'. */
  url: string;
  /** One entry per request, from nginx's access log. */
  accessLog(): AccessEntry[];
  stop(): Promise<void>;
}
export interface AccessEntry {
  uri: string;
  status: number;
  /** Bytes sent: status line, headers and body (HTTP/1.1, so no header compression). */
  bytes: number;
  /** Bytes of the body as sent (compressed when it was). */
  body: number;
  dest: string;
  encoding: string;
}

/**
 * Starts nginx serving `dist` under `prefix` (a path ending in '/'), as the hosting file documents it; with
 * `brotli` the file's optional brotli lines are used too (the module must be installed: see brotliModule()).
 */
export async function startNginx(dist: string, prefix: string, options: { brotli?: boolean } = {}): Promise<Nginx> {
  if (!NGINX) throw new Error('no nginx');
  const brotli = options.brotli ? brotliModule() : undefined;
  if (options.brotli && !brotli) throw new Error('the nginx brotli module is not installed');
  const dir = mkdtempSync(join(tmpdir(), 'digilevel-nginx-'));
  const port = await freePort();
  const doc = documentedLines();
  // the example's three site-specific values, in one pass so that no replacement is replaced again
  const values: Record<string, string> = {
    '/var/www/digilevel/': `${dist.replace(/\/$/, '')}/`,
    '/tools/digilevel': prefix.replace(/\/$/, ''),
    'snippets/digilevel.conf': HOSTING_CONF,
  };
  const location = doc.location.map((l) =>
    l.replace(/\/var\/www\/digilevel\/|\/tools\/digilevel|snippets\/digilevel\.conf/g, (v) => values[v]!),
  );
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      brotli ? `load_module ${brotli};` : '',
      // as root, nginx's workers would switch to "nobody", who cannot read a private temporary folder
      process.getuid?.() === 0 ? 'user root;' : '',
      'worker_processes 1;',
      'events { worker_connections 256; }',
      'http {',
      `  log_format digilevel '$request_uri $status $bytes_sent $body_bytes_sent "$http_sec_fetch_dest" "$sent_http_content_encoding"';`,
      `  access_log ${dir}/access.log digilevel;`,
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${dir}/${t};`),
      ...(brotli ? doc.brotli.map((l) => `  ${l}`) : []),
      '  server {',
      `    listen 127.0.0.1:${port};`,
      ...location.map((l) => `    ${l}`),
      '  }',
      '}',
      '',
    ].join('\n'),
  );
  const errorLog = join(dir, 'error.log');
  const pidFile = join(dir, 'nginx.pid');
  // nginx writes its pid file once its sockets listen: that is the moment it is ready
  const watcher = watch(dir);
  const ready = new Promise<void>((resolve) =>
    watcher.on('change', (_, name) => {
      if (name === 'nginx.pid') resolve();
    }),
  );
  const child = spawn(
    NGINX,
    ['-p', dir, '-e', errorLog, '-c', conf, '-g', `daemon off; pid ${pidFile}; error_log ${errorLog} warn;`],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGQUIT');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  };
  // a configuration error ends the process instead, with the reason on stderr and in the error log
  const started = await Promise.race([ready.then(() => true), exited.then(() => false)]);
  watcher.close();
  if (!started) {
    const log = existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '';
    await stop();
    throw new Error(`nginx did not start: ${stderr}${log}`);
  }
  const url = `http://127.0.0.1:${port}${prefix}`;
  const accessLog = (): AccessEntry[] =>
    readFileSync(join(dir, 'access.log'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [, uri, status, bytes, body, dest, encoding] = /^(\S+) (\d+) (\d+) (\d+) "([^"]*)" "([^"]*)"$/.exec(
          line,
        )!;
        const [sent, content] = [Number(bytes), Number(body)];
        return { uri: uri!, status: Number(status), bytes: sent, body: content, dest: dest!, encoding: encoding! };
      });
  return { url, accessLog, stop };
}

/** One GET without decompression or redirects: status, headers and the bytes of the body as sent. */
export function fetchRaw(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}
