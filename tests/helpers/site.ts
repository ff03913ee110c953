import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import type { Article } from '../../src/model/article.ts';

const root = resolve(import.meta.dirname, '../..');

export interface BuildOptions {
  /** Files written beside the articles file, as an ingest leaves them (corrections-log.json). */
  beside?: Record<string, string>;
  /** Environment of the build (BAOKU_REPORT_URL, BAOKU_SITE_URL). */
  env?: Record<string, string>;
}

/** Build the real site from an articles file with `npm run build`'s script, into a temp folder. */
export function buildSite(articles: Article[], options: BuildOptions = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'baoku-site-'));
  const articlesFile = join(dir, 'articles.jsonl');
  writeFileSync(articlesFile, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  for (const [name, text] of Object.entries(options.beside ?? {})) writeFileSync(join(dir, name), text);
  const outDir = join(dir, 'dist');
  const result = spawnSync(process.execPath, [join(root, 'scripts/build.ts')], {
    cwd: root,
    env: { ...process.env, BAOKU_ARTICLES: articlesFile, BAOKU_DIST: outDir, ASTRO_TELEMETRY_DISABLED: '1', ...options.env },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`site build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.atom': 'application/atom+xml; charset=utf-8' };

/** A plain static file server for the built site, on a free port. */
export async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(dir, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  return { url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, server };
}

/** Debian's chromium, driven by playwright-core — never a downloaded browser. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
