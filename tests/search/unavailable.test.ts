import { cpSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { runIngest } from '../../src/pipeline/run-ingest.ts';
import { MeiliUnavailableError } from '../../src/errors/index.ts';
import { withRetry } from '../../src/search/tasks.ts';

const servers: Server[] = [];
afterAll(() => Promise.all(servers.map((s) => new Promise((r) => s.close(r)))));

/** A real HTTP server that answers 503 (Meilisearch restarting) `failures` times, then healthy. */
async function flakyServer(failures: number, body: string) {
  let requests = 0;
  const server = createServer((_req, res) => {
    requests++;
    if (requests <= failures)
      res
        .writeHead(503, { 'Content-Type': body.startsWith('{') ? 'application/json' : 'text/html' })
        .end(body);
    else res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"status":"available"}');
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    host: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
  };
}

/** A port nothing listens on: bind one, then close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  await new Promise((r) => server.close(r));
  return port;
}

describe('when Meilisearch is briefly or permanently unavailable', () => {
  it.each([
    ['an HTML error page from a proxy', '<html><body>503 Service Unavailable</body></html>'],
    ['a JSON error', '{"message":"unavailable","code":"internal","type":"internal","link":""}'],
  ])(
    'retries with backoff until a briefly unavailable server answers (503 with %s)',
    async (_what, body) => {
      const flaky = await flakyServer(2, body);
      const client = new Meilisearch({ host: flaky.host });
      const health = await withRetry('health', () => client.health(), { delay: 5 });
      expect(health.status).toBe('available');
      expect(flaky.requests()).toBe(3);
    },
  );

  it('gives up after the last attempt with an error that says Meilisearch did not answer', async () => {
    const client = new Meilisearch({ host: `http://127.0.0.1:${await closedPort()}` });
    const failing = withRetry('health', () => client.health(), { attempts: 3, delay: 5 });
    await expect(failing).rejects.toBeInstanceOf(MeiliUnavailableError);
    await expect(failing).rejects.toThrow(/did not answer after 3 attempts/);
  });

  it('fails an ingest with a message naming the host and MEILI_URL, leaving the articles file written', async () => {
    const root = mkdtempSync(join(tmpdir(), 'baoku-down-'));
    const content = join(root, 'content');
    mkdirSync(join(content, 'gongshu'), { recursive: true });
    cpSync(resolve(import.meta.dirname, '../../content/papers.json'), join(content, 'papers.json'));
    cpSync(resolve(import.meta.dirname, '../../content/gongshu'), join(content, 'gongshu'), {
      recursive: true,
    });
    const host = `http://127.0.0.1:${await closedPort()}`;
    const ingest = runIngest({
      contentDir: content,
      dataDir: join(root, 'data'),
      meili: { host, apiKey: 'x' },
      indexUid: 'unavailable_test',
    });
    await expect(ingest).rejects.toThrow(
      new RegExp(`${host.replace(/[.:/]/g, '\\$&')}.*MEILI_URL`),
    );
    await expect(ingest).rejects.toBeInstanceOf(MeiliUnavailableError);
    await expect(ingest).rejects.toMatchObject({ host });
    expect(existsSync(join(root, 'data', 'articles.jsonl'))).toBe(true);
    expect(existsSync(join(root, 'data', 'search.json'))).toBe(false);
  }, 30_000);
});
