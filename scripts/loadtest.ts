/**
 * npm run loadtest [-- --articles 100000 --requests 3000 --connections 8]
 * A bounded load test on localhost: typical faceted searches against an index of ≥100k articles built
 * from ../shared/corpus (replicated with new ids and dates), kept in bench-data/loadtest for re-runs.
 * Reports throughput, p50/p99 latency and errors (which must be 0). Not part of npm test.
 */
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Meilisearch } from 'meilisearch';
import { extractSources } from '../src/sources/extract-sources.ts';
import { replicate } from '../src/bench/generate-corpus.ts';
import type { Article } from '../src/model/article.ts';
import { toDocument } from '../src/search/document.ts';
import { indexExists, publishIndex, removeStaleBuilds } from '../src/search/publish-index.ts';
import { indexSettings } from '../src/search/settings.ts';
import { ensureSearchKey } from '../src/search/keys.ts';
import { startMeili } from '../src/search/server.ts';
import { dictionaryWords } from '../src/search/dictionary.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '3000' },
    connections: { type: 'string', default: '8' },
  },
});
const target = Number(values.articles);
const work = resolve('bench-data');
mkdirSync(work, { recursive: true });
const log = (s: string) => process.stderr.write(`${s}\n`);

async function baseArticles(): Promise<Article[]> {
  const cached = join(work, 'corpus.jsonl');
  if (existsSync(cached)) return readFileSync(cached, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Article);
  const corpus = resolve('../shared/corpus/rmrb-2019-2020');
  if (!existsSync(corpus)) throw new Error(`${corpus} not found`);
  log('extracting the corpus once …');
  const { pages } = await extractSources([corpus]);
  const articles = pages.flatMap((p) => p.articles);
  writeFileSync(cached, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return articles;
}

const meili = await startMeili({ dataDir: join(work, 'loadtest'), port: 0 });
try {
  const client = new Meilisearch({ host: meili.host, apiKey: meili.apiKey });
  const have = (await indexExists(client, 'articles')) ? (await client.index('articles').getStats()).numberOfDocuments : 0;
  if (have < target) {
    const docs = replicate(await baseArticles(), target).map(toDocument);
    log(`indexing ${docs.length} articles (about ${Math.round(docs.length / 270 / 60)} min at ~270 documents/s) …`);
    const started = Date.now();
    const base = docs.slice(0, 20_000) as unknown as Article[];
    await removeStaleBuilds(client, 'articles');
    await publishIndex(client, docs, { indexUid: 'articles', settings: indexSettings(dictionaryWords(base, [])), onProgress: (d, t) => process.stderr.write(`\r${d}/${t}`) });
    const seconds = (Date.now() - started) / 1000;
    log(`\nindexed in ${Math.round(seconds)} s`);
    writeFileSync(join(work, 'loadtest-index.json'), JSON.stringify({ documents: docs.length, seconds }) + '\n');
  }
  const key = await ensureSearchKey(client, 'articles');
  const facets = ['places.lvl0', 'places.lvl1', 'year', 'month', 'paperName', 'reporters', 'kind'];
  const bodies = [
    { q: '疫情防控', filter: ['year = 2020'], sort: ['dateNum:desc'] },
    { q: '脱贫攻坚', filter: ['kind = "article"', 'year = 2019'] },
    { q: '改革', filter: ['year = 2019', 'month = "2019-10"', 'kind = "article"'] },
    { q: '经济 发展', filter: ['dateNum >= 20190101', 'dateNum <= 20191231'], sort: ['dateNum:asc'] },
    { q: '', filter: ['year = 2018'], sort: ['dateNum:desc'] },
    { q: '人工智能' },
  ].map((b) => JSON.stringify({ ...b, facets, hitsPerPage: 10, page: 1, attributesToHighlight: ['headline', 'kicker'], attributesToCrop: ['body'], cropLength: 60 }));
  const result = await autocannon({
    url: meili.host,
    connections: Number(values.connections),
    amount: Number(values.requests),
    timeout: 30,
    requests: bodies.map((body) => ({ method: 'POST', path: '/indexes/articles/search', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` }, body })),
  });
  const summary = {
    articles: (await client.index('articles').getStats()).numberOfDocuments,
    requests: result.requests.total,
    connections: Number(values.connections),
    seconds: result.duration,
    throughput: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
  };
  writeFileSync(join(work, 'loadtest.json'), JSON.stringify(summary, null, 2) + '\n');
  console.log(`${summary.requests} faceted searches on ${summary.articles} articles, ${summary.connections} connections: ${summary.throughput} requests/s, p50 ${summary.p50} ms, p99 ${summary.p99} ms, errors ${summary.errors}`);
  if (summary.errors > 0) process.exitCode = 1;
} finally {
  await meili.stop();
}
