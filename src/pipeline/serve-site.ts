/**
 * The built site served over HTTP with its search on the same origin: `npm start` uses it, and so do
 * the browser tests. Under /meili/<server>/ it passes the search routes (and nothing else) on to that
 * Meilisearch server, without the browser's Accept-Encoding: Meilisearch compresses an answer in two
 * writes on a socket without TCP_NODELAY, and a browser (which cannot drop the header) then waits for
 * its own delayed ACK, ~40 ms on every search (measured: 62.8 ms → 21.4 ms p50). Same origin also
 * spares the browser a CORS preflight. In production a reverse proxy does the same (README).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  Agent as HttpAgent,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Where the browser finds the search servers on the site: `/meili/<server name>/`. */
export const SEARCH_PATH = '/meili';

/** The routes of a Meilisearch server a reader's browser may reach (POST searches, GET health). */
const SEARCH_ROUTES: { method: string; path: RegExp }[] = [
  { method: 'POST', path: /^\/multi-search$/ },
  { method: 'POST', path: /^\/indexes\/[A-Za-z0-9_-]+\/search$/ },
  { method: 'GET', path: /^\/health$/ },
];

/** Largest search request passed on (bytes): a search is a few hundred. */
const MAX_BODY_BYTES = 256 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.zip': 'application/zip',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

export interface ServeSiteOptions {
  /** The built site. */
  distDir: string;
  /** 0 picks a free port. */
  port: number;
  /** Address to listen on (default 127.0.0.1). */
  listen?: string;
  /** The search servers by name, each at its Meilisearch URL. */
  servers: { name: string; host: string }[];
}

export interface ServedSite {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function serveSite(options: ServeSiteOptions): Promise<ServedSite> {
  const dist = resolve(options.distDir);
  const upstreams = new Map(
    options.servers.map((s) => [s.name, new URL(`${s.host.replace(/\/+$/, '')}/`)]),
  );
  const agents = {
    http: new HttpAgent({ keepAlive: true }),
    https: new HttpsAgent({ keepAlive: true }),
  };

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://site').pathname;
    if (path === SEARCH_PATH || path.startsWith(`${SEARCH_PATH}/`))
      proxy(req, res, path.slice(SEARCH_PATH.length));
    else serveFile(req, res, path);
  });

  function fail(res: ServerResponse, status: number, code: string, message: string) {
    res
      .writeHead(status, { 'Content-Type': 'application/json' })
      .end(JSON.stringify({ message, code, type: 'baoku_proxy' }));
  }

  function proxy(req: IncomingMessage, res: ServerResponse, rest: string) {
    const [, name = '', ...parts] = rest.split('/');
    const route = `/${parts.join('/')}`;
    const upstream = upstreams.get(name);
    if (!upstream) return fail(res, 404, 'unknown_server', `no search server named "${name}"`);
    if (!SEARCH_ROUTES.some((r) => r.method === req.method && r.path.test(route)))
      return fail(res, 404, 'not_a_search_route', `${req.method} ${route} is not passed on`);
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return fail(res, 413, 'too_large', 'search request too large');
    const target = new URL(
      route.slice(1) + (req.url?.includes('?') ? req.url.slice(req.url.indexOf('?')) : ''),
      upstream,
    );
    const headers: Record<string, string> = { 'Accept-Encoding': 'identity' };
    for (const h of ['content-type', 'content-length', 'authorization']) {
      const v = req.headers[h];
      if (typeof v === 'string') headers[h] = v;
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const out = send(
      target,
      {
        method: req.method,
        headers,
        agent: target.protocol === 'https:' ? agents.https : agents.http,
      },
      (answer) => {
        const keep: Record<string, string> = { 'Cache-Control': 'no-store' };
        for (const h of ['content-type', 'content-length']) {
          const v = answer.headers[h];
          if (typeof v === 'string') keep[h] = v;
        }
        res.writeHead(answer.statusCode ?? 502, keep);
        answer.pipe(res);
      },
    );
    out.on('error', (error) => {
      if (!res.headersSent)
        fail(
          res,
          502,
          'remote_unavailable',
          `search server "${name}" did not answer (${(error as NodeJS.ErrnoException).code ?? error.message})`,
        );
      else res.destroy();
    });
    let bytes = 0;
    req.on('data', (chunk: Buffer) => {
      bytes += chunk.length;
      if (bytes > MAX_BODY_BYTES) {
        out.destroy();
        req.destroy();
      }
    });
    req.pipe(out);
  }

  function serveFile(req: IncomingMessage, res: ServerResponse, urlPath: string) {
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return void res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    let decoded: string;
    try {
      decoded = decodeURIComponent(urlPath);
    } catch {
      return void res.writeHead(400).end();
    }
    let file = join(dist, normalize(decoded));
    if (file !== dist && !file.startsWith(dist + sep)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    let status = 200;
    if (!existsSync(file)) {
      status = 404;
      file = join(dist, '404.html');
      if (!existsSync(file))
        return void res
          .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
          .end('not found');
    }
    const immutable = urlPath.startsWith('/_astro/');
    res.writeHead(status, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Length': statSync(file).size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(file).pipe(res);
  }

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port, options.listen ?? '127.0.0.1', () => ready());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.listen && options.listen !== '0.0.0.0' ? options.listen : '127.0.0.1'}:${port}`,
    port,
    server,
    close: () =>
      new Promise<void>((done) => {
        agents.http.destroy();
        agents.https.destroy();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
