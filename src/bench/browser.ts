/** Chromium (Debian's, through playwright-core) for the bench: search round trips as the site makes them, and Pagefind. */
import { createReadStream, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';

export { launchChromium } from '../system/chromium.ts';

/**
 * Time `rounds` × bodies POSTs from a page at `pageUrl` to `searchUrl` (same origin or not), one at a
 * time, as the search page's fetch sends them (the browser adds its own Accept-Encoding). Milliseconds each.
 */
export async function browserRoundTrips(
  browser: Browser,
  pageUrl: string,
  searchUrl: string,
  apiKey: string,
  bodies: string[],
  rounds: number,
): Promise<number[]> {
  const page = await browser.newPage();
  try {
    await page.goto(pageUrl);
    return await page.evaluate(
      async ({ searchUrl, apiKey, bodies, rounds }) => {
        const times: number[] = [];
        for (let r = 0; r < rounds; r++) {
          for (const body of bodies) {
            const started = performance.now();
            const res = await fetch(searchUrl, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${apiKey}` },
              body,
            });
            await res.json();
            times.push(performance.now() - started);
          }
        }
        return times;
      },
      { searchUrl, apiKey, bodies, rounds },
    );
  } finally {
    await page.close();
  }
}

/** Run queries against a Pagefind index (its folder's parent served as /): the top `depth` URLs of each, and the time each took. */
export async function pagefindInBrowser(
  browser: Browser,
  bundleDir: string,
  queries: string[],
  depth: number,
): Promise<{ latencies: number[]; results: string[][] }> {
  const server = createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (url === '/')
      return void res
        .writeHead(200, { 'Content-Type': 'text/html' })
        .end('<!doctype html><meta charset="utf-8"><title>pagefind</title>');
    const path = join(bundleDir, '..', url);
    if (!existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, {
      'Content-Type': path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream',
    });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return await page.evaluate(
      async ({ queries, depth }) => {
        const url = '/pagefind/pagefind.js';
        const pf = await import(url);
        await pf.init();
        const latencies: number[] = [];
        const results: string[][] = [];
        for (const q of queries) {
          const started = performance.now();
          const r = await pf.search(q);
          const top = await Promise.all(
            r.results
              .slice(0, depth)
              .map((x: { data: () => Promise<{ url: string }> }) => x.data()),
          );
          latencies.push(performance.now() - started);
          results.push(top.map((t: { url: string }) => t.url));
        }
        return { latencies, results };
      },
      { queries, depth },
    );
  } finally {
    await page.close();
    server.close();
  }
}
