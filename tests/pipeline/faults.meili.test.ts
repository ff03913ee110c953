import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Meilisearch } from 'meilisearch';
import { afterAll, beforeAll, describe, expect, inject, it, onTestFinished } from 'vitest';
import { runIngest, summarise } from '../../src/pipeline/run-ingest.ts';
import { startMeili, type MeiliConnection } from '../../src/search/server.ts';
import { testClient, uniqueUid } from '../helpers/meili.ts';

const repo = resolve(import.meta.dirname, '../..');
const root = mkdtempSync(join(tmpdir(), 'baoku-faults-'));

/** A content folder of `pages` pages, three articles each; `edition` changes every page's text. */
function writeContent(dir: string, pages: number, edition: number) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'town', '2023-05-01'), { recursive: true });
  writeFileSync(
    join(dir, 'papers.json'),
    JSON.stringify({
      papers: [{ slug: 'town', name: '城区报', homeDistrict: '拱墅区', region: '浙江省杭州市' }],
    }),
  );
  for (let p = 1; p <= pages; p++) {
    const articles = [1, 2, 3].map(
      (a) =>
        `## 第${edition}版第${p}页第${a}篇：社区新闻\n\n本报讯(记者 林晓)第${edition}版第${p}页第${a}篇报道，湖墅街道举办活动，居民踊跃参加。${'活动内容丰富多彩，'.repeat(40)}\n`,
    );
    writeFileSync(join(dir, 'town', '2023-05-01', `${p}.txt`), articles.join('\n'));
  }
}

async function documents(client: Meilisearch, uid: string) {
  const { results } = await client.index(uid).getDocuments({ limit: 10_000 });
  return [...results].sort((a, b) => String(a.id).localeCompare(String(b.id)));
}

const pidOf = (dataDir: string) =>
  (JSON.parse(readFileSync(join(dataDir, 'server.json'), 'utf8')) as { pid: number }).pid;

describe('faults during an ingest leave the live index intact, and a re-run heals', () => {
  const meiliDir = join(root, 'meili');
  let meili: MeiliConnection;
  beforeAll(async () => {
    meili = await startMeili({ dataDir: meiliDir, port: 0 });
  });
  afterAll(async () => {
    await meili?.stop();
  });

  it('survives Meilisearch being killed in the middle of indexing', async () => {
    const content = join(root, 'c1');
    const dataDir = join(root, 'd1');
    const uid = uniqueUid('fault_meili');
    writeContent(content, 20, 1);
    await runIngest({ contentDir: content, dataDir, meili, indexUid: uid });
    const client = new Meilisearch({ host: meili.host, apiKey: meili.apiKey });
    const before = await documents(client, uid);

    writeContent(content, 20, 2);
    const searches: number[] = [];
    const killed = runIngest({
      contentDir: content,
      dataDir,
      meili,
      indexUid: uid,
      batchBytes: 20_000,
      progress: (stage, done) => {
        if (stage === 'index' && done > 0 && searches.length === 0) {
          void client
            .index(uid)
            .search('社区新闻')
            .then((r) => searches.push(r.estimatedTotalHits ?? 0));
        }
        if (stage === 'index' && done >= 12) process.kill(pidOf(meiliDir), 'SIGKILL');
      },
    });
    await expect(killed).rejects.toThrow();
    expect(searches[0]).toBe(before.length);

    // Restart the server on the same data: the old index is still live and whole.
    meili = await startMeili({ dataDir: meiliDir, port: 0 });
    const restarted = new Meilisearch({ host: meili.host, apiKey: meili.apiKey });
    expect(await documents(restarted, uid)).toEqual(before);

    const healed = await runIngest({ contentDir: content, dataDir, meili, indexUid: uid });
    expect(healed.index.action).toBe('rebuilt');
    const clean = uniqueUid('fault_clean');
    await runIngest({
      contentDir: content,
      dataDir: join(root, 'd1-clean'),
      meili,
      indexUid: clean,
    });
    expect(await documents(restarted, uid)).toEqual(await documents(restarted, clean));
    const { results } = await restarted.getIndexes({ limit: 1000 });
    expect(results.filter((i) => i.uid.startsWith(`${uid}_build_`))).toEqual([]);
  });

  it('survives the ingest process itself being killed', async () => {
    const content = join(root, 'c2');
    const dataDir = join(root, 'd2');
    const uid = uniqueUid('fault_proc');
    const { host, apiKey } = inject('meili');
    writeContent(content, 20, 1);
    await runIngest({ contentDir: content, dataDir, meili: { host, apiKey }, indexUid: uid });
    const before = await documents(testClient(), uid);
    writeContent(content, 20, 3);
    const child = spawn(
      process.execPath,
      [join(repo, 'scripts/ingest.ts'), '--content', content, '--data', dataDir, '--index', uid],
      {
        cwd: repo,
        env: { ...process.env, MEILI_URL: host, MEILI_MASTER_KEY: apiKey },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    await new Promise<void>((done) => {
      child.stderr.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('indexing')) {
          child.kill('SIGKILL');
          done();
        }
      });
      child.on('exit', () => done());
    });
    await new Promise((r) => child.on('exit', r));
    expect(await documents(testClient(), uid)).toEqual(before);
    // The articles file already holds the new set: it is the authoritative one, and the re-run brings
    // the index to it, saying so.
    const fileIds = readFileSync(join(dataDir, 'articles.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id)
      .sort();
    expect(fileIds).not.toEqual(before.map((d) => d.id).sort());
    const healed = await runIngest({
      contentDir: content,
      dataDir,
      meili: { host, apiKey },
      indexUid: uid,
    });
    expect(healed.index.action).toBe('rebuilt');
    expect(healed.index.caughtUp).toBe(true);
    expect(summarise(healed)).toContain('held an older set of articles than data/articles.jsonl');
    expect((await documents(testClient(), uid)).map((d) => d.id).sort()).toEqual(fileIds);
    const clean = uniqueUid('fault_proc_clean');
    await runIngest({
      contentDir: content,
      dataDir: join(root, 'd2-clean'),
      meili: { host, apiKey },
      indexUid: clean,
    });
    expect(await documents(testClient(), uid)).toEqual(await documents(testClient(), clean));
  });

  it('exits non-zero within seconds when Meilisearch dies while the ingest waits on a task', async () => {
    const content = join(root, 'c3');
    const meiliDir3 = join(root, 'meili3');
    const uid = uniqueUid('fault_exit');
    writeContent(content, 40, 1);
    const server = await startMeili({ dataDir: meiliDir3, port: 0 });
    const client = new Meilisearch({ host: server.host, apiKey: server.apiKey });
    const child = spawn(
      process.execPath,
      [
        join(repo, 'scripts/ingest.ts'),
        '--content',
        content,
        '--data',
        join(root, 'd3'),
        '--index',
        uid,
      ],
      {
        cwd: repo,
        env: { ...process.env, MEILI_URL: server.host, MEILI_MASTER_KEY: server.apiKey },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    onTestFinished(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    // Kill the server once documents are being indexed, i.e. while the ingest polls a task.
    for (;;) {
      const { results } = await client.tasks.getTasks({
        types: ['documentAdditionOrUpdate'],
        statuses: ['enqueued', 'processing', 'succeeded'],
        limit: 5,
      });
      if (results.some((t) => t.indexUid?.startsWith(`${uid}_build_`))) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    process.kill(server.pid!, 'SIGKILL');
    // On the old code the process printed "ingest failed" and then lived on for the 600 s task timeout;
    // this test's own timeout is far below that.
    expect(await exited).toBe(1);
    expect(stderr).toContain('ingest failed');
    await server.stop();
  }, 60_000);
});
