import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PartialResultError } from '../../src/errors/index.ts';
import { fetchAll } from '../../src/export/fetch-all.ts';
import { formatRecord, preamble } from '../../src/export/formats.ts';
import type { Article } from '../../src/model/article.ts';
import { runIngest, summarise } from '../../src/pipeline/run-ingest.ts';
import { meiliClient } from '../../src/search/client.ts';
import { federatedSearch, type SearchTarget } from '../../src/search/federated.ts';
import { emptyRequest, toMeiliQuery, type SearchRequest } from '../../src/search/query.ts';
import { indexSettings } from '../../src/search/settings.ts';
import { syncServers, type IngestServer } from '../../src/search/sync-servers.ts';
import { relevanceArticles } from './fixtures/relevance-articles.ts';
import { fixtureArticles } from '../site/fixtures/articles.ts';
import { uniqueUid } from '../helpers/meili.ts';

const repo = resolve(import.meta.dirname, '../..');
const work = mkdtempSync(join(tmpdir(), 'baoku-federation-'));
const uid = uniqueUid('fed');
// The site's fixture papers (城东报 east, 城西报 west: twenty near-identical 邻里节 articles, many ties)
// and the written relevance articles (paper "relevance"): east on one server, everything else on the other.
const articles: Article[] = [...fixtureArticles(), ...relevanceArticles()];
const paperNames = new Map([
  ['east', '城东报'],
  ['west', '城西报'],
  ['relevance', '测试报'],
]);
const FACETS = [
  'places.lvl0',
  'places.lvl1',
  'year',
  'month',
  'paperName',
  'reporters',
  'people',
  'kind',
];

let one: SearchTarget;
let two: SearchTarget;

/** Index `articles` on the given servers as ingest does (same settings, routed by paper, network set). */
async function publish(servers: IngestServer[], dir: string) {
  mkdirSync(dir, { recursive: true });
  return syncServers(servers, [...paperNames.keys()], {
    indexUid: uid,
    articles,
    settings: indexSettings(),
    paperNames,
    stateFile: (server) => join(dir, `state-${server ?? 'one'}.json`),
    searchUrl: '/meili',
    previous: null,
  });
}

beforeAll(async () => {
  const main = inject('meili');
  const [a, b] = inject('meiliPair');
  await publish([{ name: 'main', papers: null, meili: main }], join(work, 'one'));
  const published = await publish(
    [
      { name: 'east', papers: ['east'], meili: { host: a!.host, apiKey: a!.apiKey } },
      { name: 'west', papers: null, meili: { host: b!.host, apiKey: b!.apiKey } },
    ],
    join(work, 'two'),
  );
  expect(published.reports.map((r) => [r.server, r.action, r.documents])).toEqual([
    ['east', 'rebuilt', articles.filter((x) => x.paper === 'east').length],
    ['west', 'rebuilt', articles.filter((x) => x.paper !== 'east').length],
  ]);
  // The searcher reaches each server with the search-only key ingest made there.
  const wholeWords = ['邻里节', '智慧印章'];
  one = {
    index: uid,
    wholeWords,
    servers: [{ name: 'main', host: main.host, apiKey: main.apiKey, papers: [] }],
  };
  two = {
    index: uid,
    wholeWords,
    servers: published.searchConfig.servers.map((s, i) => ({ ...s, host: [a, b][i]!.host })),
  };
}, 120_000);

afterAll(async () => {
  await meiliClient(inject('meili').host, inject('meili').apiKey).deleteIndex(uid).waitTask();
});

/** Searches a reader and the export make: words, none, filters, every order. */
const REQUESTS: [string, Partial<SearchRequest>][] = [
  ['every article, by relevance', {}],
  ['a word most articles share', { q: '邻里节' }],
  ['the same, newest first', { q: '邻里节', sort: 'newest' }],
  ['the same, oldest first', { q: '邻里节', sort: 'oldest' }],
  ['two words', { q: '居民 活动' }],
  ['a district and a year', { q: '邻里节', districts: ['拱墅区'], years: [2023] }],
  ['a date range, newest first', { from: '2022-03', to: '2023-04', sort: 'newest' }],
  ['one paper', { papers: ['城东报'] }],
  ['a reporter, oldest first', { reporters: ['林晓'], sort: 'oldest' }],
  ['a phrase', { q: '"智慧印章"' }],
];

describe('papers spread over two servers, searched as one archive', () => {
  it('keeps each paper on its own server', async () => {
    const [a, b] = inject('meiliPair');
    const ids = async (host: string, apiKey: string) =>
      (
        await meiliClient(host, apiKey)
          .index(uid)
          .getDocuments({ limit: 1000, fields: ['paper'] })
      ).results.map((d) => d.paper);
    expect(new Set(await ids(a!.host, a!.apiKey))).toEqual(new Set(['east']));
    expect(new Set(await ids(b!.host, b!.apiKey))).toEqual(new Set(['west', 'relevance']));
  });

  it.each(REQUESTS)(
    'finds the same hits in the same order, and the same counts, as one server: %s',
    async (_what, fields) => {
      const { q, filter, sort } = toMeiliQuery({ ...emptyRequest(), ...fields });
      for (const window of [
        { offset: 0, limit: 50 },
        { offset: 3, limit: 7 },
      ]) {
        const a = await federatedSearch(one, { q, filter, sort }, { ...window, facets: FACETS });
        const b = await federatedSearch(two, { q, filter, sort }, { ...window, facets: FACETS });
        if (window.offset === 0) expect(a.hits.length).toBeGreaterThan(0);
        expect(b.hits.map((h) => h.id)).toEqual(a.hits.map((h) => h.id));
        expect(b.total).toBe(a.total);
        expect(b.facetDistribution).toEqual(a.facetDistribution);
        expect(b.missing).toEqual([]);
      }
    },
  );

  it('exports the same bytes, page by page across the merge', async () => {
    const exported = async (target: SearchTarget, request: SearchRequest) => {
      let text = preamble('csv');
      for await (const a of fetchAll({ target, request, pageSize: 4 }))
        text += formatRecord('csv', a, 'http://localhost:4321');
      return text;
    };
    for (const [, fields] of REQUESTS) {
      const request = { ...emptyRequest(), ...fields };
      const single = await exported(one, request);
      expect(single.split('\r\n').length).toBeGreaterThan(2);
      expect(await exported(two, request)).toBe(single);
    }
  });
});

describe('the commands with two servers in baoku.config.json', () => {
  const project = join(work, 'project');
  const env = () => ({
    ...process.env,
    EAST_KEY: inject('meiliPair')[0]!.apiKey,
    WEST_KEY: inject('meiliPair')[1]!.apiKey,
  });
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, [join(repo, 'scripts', script), ...args], {
      cwd: project,
      env: env(),
      encoding: 'utf8',
    });

  beforeAll(() => {
    const [a, b] = inject('meiliPair');
    mkdirSync(project, { recursive: true });
    writeFileSync(
      join(project, 'baoku.config.json'),
      JSON.stringify({
        content: join(repo, 'content'),
        index: `${uid}_cli`,
        servers: [
          { name: 'east', url: a!.host, keyEnv: 'EAST_KEY', papers: ['qiantang', 'jinri-xiasha'] },
          { name: 'west', url: b!.host, keyEnv: 'WEST_KEY' },
        ],
      }),
    );
  });

  it('ingests each paper to its server and exports what one server exports', () => {
    const ingest = run('ingest.ts', []);
    expect(ingest.status, ingest.stderr).toBe(0);
    expect(ingest.stdout).toMatch(
      /server east at .*: \d+ articles \(今日下沙、钱塘区报（样张）\), rebuilt/,
    );
    const config = JSON.parse(readFileSync(join(project, 'data', 'search.json'), 'utf8'));
    expect(
      config.servers.map((s: { name: string; host: string }) => `${s.name} ${s.host}`),
    ).toEqual(['east /meili/east', 'west /meili/west']);
    const { host, apiKey } = inject('meili');
    const single = spawnSync(
      process.execPath,
      [
        join(repo, 'scripts/ingest.ts'),
        '--data',
        join(work, 'cli-one'),
        '--index',
        `${uid}_cli_one`,
      ],
      {
        cwd: repo,
        env: { ...process.env, MEILI_URL: host, MEILI_MASTER_KEY: apiKey },
        encoding: 'utf8',
      },
    );
    expect(single.status, single.stderr).toBe(0);
    const exportOne = spawnSync(
      process.execPath,
      [
        join(repo, 'scripts/export.ts'),
        '--format',
        'jsonl',
        '--sort',
        'newest',
        '--index',
        `${uid}_cli_one`,
      ],
      {
        cwd: repo,
        env: { ...process.env, MEILI_URL: host, MEILI_MASTER_KEY: apiKey },
        encoding: 'utf8',
      },
    );
    const exportTwo = run('export.ts', ['--format', 'jsonl', '--sort', 'newest']);
    expect(exportTwo.status, exportTwo.stderr).toBe(0);
    expect(exportTwo.stdout.trim().split('\n').length).toBe(
      readFileSync(join(project, 'data', 'articles.jsonl'), 'utf8')
        .trim()
        .split('\n').length,
    );
    expect(exportTwo.stdout).toBe(exportOne.stdout);
  });
});

describe('when one of the servers is down', () => {
  const project = join(work, 'project');
  const env = () => ({
    ...process.env,
    EAST_KEY: inject('meiliPair')[0]!.apiKey,
    WEST_KEY: inject('meiliPair')[1]!.apiKey,
  });

  beforeAll(async () => {
    // Stop the first server: the entry a search is sent to first, and the server of 城东报 and the sample's 钱塘 papers.
    process.kill(inject('meiliPair')[0]!.pid, 'SIGKILL');
    await new Promise((r) => setTimeout(r, 300));
  });

  it("still answers with the other server's hits and names the missing server and its papers", async () => {
    const result = await federatedSearch(
      two,
      { q: '邻里节' },
      { offset: 0, limit: 50, facets: ['paperName'] },
    );
    expect(result.missing.map((s) => [s.name, s.papers])).toEqual([['east', ['城东报']]]);
    expect(result.hits.length).toBeGreaterThan(0);
    expect(new Set(result.hits.map((h) => h.paperName))).toEqual(new Set(['城西报']));
    expect(Object.keys(result.facetDistribution.paperName ?? {})).toEqual(['城西报']);
  });

  it('refuses to export a partial file unless asked to, naming what would be missing', async () => {
    const drain = async (allowPartial: boolean) => {
      let n = 0;
      for await (const _ of fetchAll({ target: two, request: emptyRequest(), allowPartial })) n++;
      return n;
    };
    await expect(drain(false)).rejects.toBeInstanceOf(PartialResultError);
    await expect(drain(false)).rejects.toThrow(
      'server east (城东报) did not answer: their articles would be missing',
    );
    expect(await drain(true)).toBe(articles.filter((a) => a.paper !== 'east').length);

    const out = join(work, 'partial.csv');
    const refused = spawnSync(process.execPath, [join(repo, 'scripts/export.ts'), '--out', out], {
      cwd: project,
      env: env(),
      encoding: 'utf8',
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('server east (今日下沙, 钱塘区报（样张）) did not answer');
    expect(refused.stderr).toContain('--partial');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.part`)).toBe(false);
    const partial = spawnSync(
      process.execPath,
      [join(repo, 'scripts/export.ts'), '--out', out, '--partial', '--format', 'jsonl'],
      { cwd: project, env: env(), encoding: 'utf8' },
    );
    expect(partial.status, partial.stderr).toBe(0);
    expect(partial.stderr).toContain(
      'leaving out the articles of 今日下沙、钱塘区报（样张） on east',
    );
    // Every article of the content but those of the papers on the stopped server.
    const all = readFileSync(join(project, 'data', 'articles.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { paper: string });
    expect(readFileSync(out, 'utf8').trim().split('\n').length).toBe(
      all.filter((a) => a.paper !== 'qiantang' && a.paper !== 'jinri-xiasha').length,
    );
  });

  it('ingests the other servers, names the one that failed, and leaves its index as it was', async () => {
    const report = await runIngest({
      contentDir: join(repo, 'content'),
      dataDir: join(project, 'data'),
      indexUid: `${uid}_cli`,
      force: true,
      servers: [
        {
          name: 'east',
          papers: ['qiantang', 'jinri-xiasha'],
          meili: null,
          url: inject('meiliPair')[0]!.host,
          error: new Error('connect ECONNREFUSED'),
        },
        {
          name: 'west',
          papers: null,
          meili: { host: inject('meiliPair')[1]!.host, apiKey: inject('meiliPair')[1]!.apiKey },
        },
      ],
    });
    expect(report.servers.map((s) => [s.server, s.action])).toEqual([
      ['east', 'failed'],
      ['west', 'rebuilt'],
    ]);
    expect(summarise(report)).toContain(
      'server east: FAILED (connect ECONNREFUSED); its live index is as it was',
    );
    // The site's config keeps east (its key from the run before), so searches name it as missing.
    const config = JSON.parse(readFileSync(join(project, 'data', 'search.json'), 'utf8'));
    expect(
      config.servers.map((s: { name: string; apiKey: string }) => [s.name, s.apiKey.length > 0]),
    ).toEqual([
      ['east', true],
      ['west', true],
    ]);
  });
});
