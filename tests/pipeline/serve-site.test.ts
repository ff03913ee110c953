import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meiliClient } from '../../src/search/client.ts';
import { serveSite, type ServedSite } from '../../src/pipeline/serve-site.ts';

/** A stand-in for Meilisearch that records what reaches it and answers in JSON. */
let upstream: Server;
const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];
let site: ServedSite;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res
        .writeHead(200, { 'Content-Type': 'application/json' })
        .end('{"hits":[],"status":"available"}');
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  const dist = mkdtempSync(join(tmpdir(), 'baoku-serve-'));
  mkdirSync(join(dist, 'a', 'x1'), { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>检索</title>');
  writeFileSync(join(dist, 'a', 'x1', 'index.html'), '<!doctype html><title>文章</title>');
  writeFileSync(join(dist, '404.html'), '<!doctype html><title>找不到</title>');
  site = await serveSite({
    distDir: dist,
    port: 0,
    servers: [
      { name: 'main', host: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` },
      { name: 'gone', host: 'http://127.0.0.1:9' },
    ],
  });
});
afterAll(async () => {
  await site?.close();
  upstream?.close();
});

describe('the site with its search on the same origin', () => {
  it('serves the built pages, a folder by its index.html, and the 404 page for the rest', async () => {
    expect(await (await fetch(`${site.url}/`)).text()).toContain('检索');
    expect(await (await fetch(`${site.url}/a/x1/`)).text()).toContain('文章');
    const missing = await fetch(`${site.url}/a/none/`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('找不到');
    expect((await fetch(`${site.url}/..%2f..%2fetc/passwd`)).status).not.toBe(200);
  });

  it("passes searches on without the browser's Accept-Encoding, keeping the key and the body", async () => {
    seen.length = 0;
    const res = await fetch(`${site.url}/meili/main/multi-search`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Authorization: 'Bearer search-key',
        'Accept-Encoding': 'gzip, deflate, br',
      },
      body: '{"queries":[]}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ hits: [] });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/multi-search', body: '{"queries":[]}' });
    expect(seen[0]!.headers['accept-encoding']).toBe('identity');
    expect(seen[0]!.headers.authorization).toBe('Bearer search-key');
  });

  it('passes on nothing but searches and health: no documents, settings or keys', async () => {
    seen.length = 0;
    for (const [method, path] of [
      ['POST', '/indexes/articles/documents'],
      ['GET', '/keys'],
      ['PATCH', '/indexes/articles/settings'],
      ['DELETE', '/indexes/articles'],
      ['GET', '/indexes/articles/search/../documents'],
    ]) {
      expect(
        (
          await fetch(`${site.url}/meili/main${path}`, {
            method,
            headers: { Authorization: 'Bearer master' },
          })
        ).status,
        `${method} ${path}`,
      ).toBe(404);
    }
    expect((await fetch(`${site.url}/meili/other/health`)).status).toBe(404);
    expect(seen).toEqual([]);
    expect((await fetch(`${site.url}/meili/main/health`)).status).toBe(200);
  });

  it('answers 502, naming the server, when that server does not answer', async () => {
    const res = await fetch(`${site.url}/meili/gone/multi-search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(502);
    expect((await res.json()).message).toContain('"gone" did not answer');
  });

  it('has the Node client ask Meilisearch for uncompressed answers too', async () => {
    seen.length = 0;
    await meiliClient(`${site.url}/meili/main`, 'k').health();
    expect(seen[0]!.headers['accept-encoding']).toBe('identity');
  });
});
