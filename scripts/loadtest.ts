/**
 * npm run loadtest [-- --articles 100000 --requests 3000 --connections 8]
 * A bounded load test on localhost: the search page's own requests (src/bench/site-requests.ts, every
 * one checked to find articles first) against an index of dated articles — the benchmark corpus laid
 * out as content/rmrb/YYYY-MM-DD/N.txt, extracted, replicated with new ids and dates — kept in
 * bench-data/loadtest for re-runs. Reports throughput, p50/p99 latency and errors (which must be 0),
 * straight to Meilisearch and through the site's /meili proxy. Not part of npm test.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { replicate } from '../src/bench/generate-corpus.ts';
import { loadRun } from '../src/bench/load-run.ts';
import { layOutCorpus } from '../src/bench/layout-corpus.ts';
import { siteBodies, SITE_QUERIES } from '../src/bench/site-requests.ts';
import { EXTRACTOR_VERSION } from '../src/ingest/extract-page.ts';
import { fromJsonLines, sortArticles, toJsonLines } from '../src/model/articles-file.ts';
import { serveSite } from '../src/pipeline/serve-site.ts';
import { meiliClient } from '../src/search/client.ts';
import { dictionaryWords } from '../src/search/dictionary.ts';
import { toDocuments } from '../src/search/document.ts';
import { ensureSearchKey } from '../src/search/keys.ts';
import { indexExists, publishIndex, removeStaleBuilds } from '../src/search/publish-index.ts';
import { startMeili } from '../src/search/server.ts';
import { indexSettings } from '../src/search/settings.ts';
import { extractSources } from '../src/sources/extract-sources.ts';
import { createSegmenter } from '../src/text/segmenter.ts';

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

/** The corpus's articles, dated: extracted once from the laid-out corpus (the bench shares the cache). */
async function baseArticles() {
  const cache = join(work, `articles-all-v${EXTRACTOR_VERSION}.jsonl`);
  if (!existsSync(cache)) {
    const corpus = resolve('../shared/corpus/rmrb-2019-2020');
    if (!existsSync(corpus)) throw new Error(`${corpus} not found`);
    log('laying out and extracting the corpus once …');
    const { contentDir } = layOutCorpus(corpus, join(work, 'content'));
    const { pages } = await extractSources([contentDir]);
    writeFileSync(cache, toJsonLines(pages.flatMap((p) => p.articles)));
  }
  return fromJsonLines(readFileSync(cache, 'utf8'), cache);
}

const meili = await startMeili({ dataDir: join(work, 'loadtest'), port: 0 });
try {
  const client = meiliClient(meili.host, meili.apiKey);
  const have = (await indexExists(client, 'articles'))
    ? (await client.index('articles').getStats()).numberOfDocuments
    : 0;
  const builtFile = join(work, 'loadtest-index.json');
  // An index from before the corpus was laid out holds undated articles, one from other settings
  // answers differently: build it again.
  const settings = indexSettings();
  const built = existsSync(builtFile)
    ? (JSON.parse(readFileSync(builtFile, 'utf8')) as { dated?: boolean; settings?: unknown })
    : {};
  const base = await baseArticles();
  const wholeWords = dictionaryWords(base, [], createSegmenter([]).cutByDictionary);
  if (
    have !== target ||
    built.dated !== true ||
    JSON.stringify(built.settings) !== JSON.stringify({ settings, wholeWords })
  ) {
    const docs = toDocuments(replicate(sortArticles(base), target), wholeWords);
    log(`indexing ${docs.length} dated articles …`);
    const started = Date.now();
    await removeStaleBuilds(client, 'articles');
    await publishIndex(client, docs, {
      indexUid: 'articles',
      settings,
      onProgress: (d, t) => process.stderr.write(`\r${d}/${t}`),
    });
    const seconds = (Date.now() - started) / 1000;
    log(`\nindexed in ${Math.round(seconds)} s`);
    writeFileSync(
      builtFile,
      `${JSON.stringify({ documents: docs.length, seconds, dated: true, settings: { settings, wholeWords } })}\n`,
    );
  }
  const key = await ensureSearchKey(client, 'articles');
  const bodies = await siteBodies({
    index: 'articles',
    wholeWords,
    servers: [{ name: 'main', host: meili.host, apiKey: key, papers: [] }],
  });
  for (const [i, body] of bodies.entries()) {
    const res = (await (
      await fetch(`${meili.host}/multi-search`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${key}`,
          'Accept-Encoding': 'identity',
        },
        body,
      })
    ).json()) as { hits?: unknown[]; results?: { hits: unknown[] }[] };
    if (!(res.results?.[0] ?? res).hits?.length)
      throw new Error(
        `loadtest: "${SITE_QUERIES[i]![0]}" with ${SITE_QUERIES[i]![1].join(', ')} finds nothing: it would time an empty answer`,
      );
  }
  const blank = join(work, 'blank-site');
  mkdirSync(blank, { recursive: true });
  writeFileSync(join(blank, 'index.html'), '<!doctype html><title>load</title>');
  const site = await serveSite({
    distDir: blank,
    port: 0,
    servers: [{ name: 'main', host: meili.host }],
  });
  const run = async (url: string, path: string) => {
    const { rps, ...rest } = await loadRun({
      url,
      path,
      bodies,
      apiKey: key,
      connections: Number(values.connections),
      amount: Number(values.requests),
    });
    return { throughput: rps, ...rest };
  };
  try {
    const direct = await run(meili.host, '/multi-search');
    const proxied = await run(site.url, '/meili/main/multi-search');
    const summary = {
      articles: (await client.index('articles').getStats()).numberOfDocuments,
      requests: Number(values.requests),
      connections: Number(values.connections),
      direct,
      proxied,
    };
    writeFileSync(join(work, 'loadtest.json'), `${JSON.stringify(summary, null, 2)}\n`);
    for (const [label, r] of [
      ['straight to Meilisearch', direct],
      ["through the site's /meili proxy", proxied],
    ] as const) {
      console.log(
        `${summary.requests} searches on ${summary.articles} articles, ${summary.connections} connections, ${label}: ${r.throughput} requests/s, p50 ${r.p50} ms, p99 ${r.p99} ms, errors ${r.errors}`,
      );
    }
    if (direct.errors + proxied.errors > 0) process.exitCode = 1;
  } finally {
    await site.close();
  }
} finally {
  await meili.stop();
}
