/**
 * The ingest run, orchestration only: extract content/ (reusing unchanged pages), write the articles
 * file, bring the live index up to date, write the search config and the report. Each step's work
 * lives in its own module.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { DEFAULTS, dataFiles } from '../config/index.ts';
import { MeiliUnavailableError } from '../errors/index.ts';
import { localWords } from '../gazetteer/index.ts';
import { EXTRACTOR_VERSION } from '../ingest/extract-page.ts';
import { sortArticles, toJsonLines } from '../model/articles-file.ts';
import { dictionaryWords } from '../search/dictionary.ts';
import { indexState, indexVersion, lagsArticles, readIndexState } from '../search/index-state.ts';
import { indexSettings } from '../search/settings.ts';
import { syncServers, type IngestServer, type SearchConfigJson } from '../search/sync-servers.ts';
import { unavailableMessage } from '../search/tasks.ts';
import { extractSources } from '../sources/extract-sources.ts';
import { readPageCache, writePageCache } from '../sources/page-cache.ts';
import { createSegmenter } from '../text/segmenter.ts';
import { writeAtomic } from '../system/files.ts';
import { correctArticles } from './corrections.ts';
import {
  correctionsReport,
  fileReports,
  ingestReport,
  type IngestReport,
} from './ingest-report.ts';

export type { FileReport, IngestReport } from './ingest-report.ts';
export type { IngestServer } from '../search/sync-servers.ts';
export { summarise } from './ingest-report.ts';

export interface IngestOptions {
  contentDir: string;
  dataDir: string;
  /** The one search server (host, master key); or give `servers`. */
  meili?: { host: string; apiKey: string };
  /** Several search servers and the papers each holds (src/search/servers.ts connects them). */
  servers?: IngestServer[];
  /** Where the browser sends searches (default /meili: the site's own proxy); a server is at <searchUrl>/<name>. */
  searchUrl?: string;
  /** Live index name (default `articles`); tests use their own. */
  indexUid?: string;
  /** Rebuild the index even when nothing changed. */
  force?: boolean;
  /** Largest addDocuments payload (default 8 MB). */
  batchBytes?: number;
  log?: (line: string) => void;
  /** `articles` is the running count of articles extracted so far (extract stage only). */
  progress?: (stage: 'extract' | 'index', done: number, total: number, articles?: number) => void;
}

/**
 * Extract content/, write the articles file, and bring the live index up to date: nothing is done to
 * the index when the articles and settings are unchanged; otherwise a fresh index is built and swapped in.
 */
export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const started = Date.now();
  const indexUid = options.indexUid ?? DEFAULTS.index;
  const paths = dataFiles(options.dataDir);
  mkdirSync(options.dataDir, { recursive: true });

  const previous = readPageCache(paths.pages, EXTRACTOR_VERSION);
  const unchanged = new Set<string>();
  let extracted = 0;
  const extraction = await extractSources([options.contentDir], {
    reuse: (file, hash) => {
      const old = previous.get(file);
      if (!old || old.hash !== hash) return null;
      unchanged.add(file);
      return old;
    },
    onPage: (record, done, total) => {
      extracted += record.articles.length;
      options.progress?.('extract', done, total, extracted);
    },
  });
  const { pages } = extraction;
  const extractSeconds = (Date.now() - started) / 1000;
  // Editors' corrections, applied to what extraction made of the pages, every time.
  const corrected = correctArticles(
    options.contentDir,
    pages.flatMap((p) => p.articles),
    paths.correctionsLog,
  );
  const articles = sortArticles(corrected.articles);

  // The articles file is written before the index is rebuilt, so it is the authoritative record of
  // content/; when a run stopped in between, the live index still holds the set before it.
  const articlesJsonl = toJsonLines(articles);
  const previousFile = existsSync(paths.articles) ? readFileSync(paths.articles, 'utf8') : null;
  const indexLagged =
    previousFile !== null && lagsArticles(readIndexState(paths.indexState(indexUid)), previousFile);
  if (previousFile !== articlesJsonl) writeAtomic(paths.articles, articlesJsonl);
  writePageCache(paths.pages, EXTRACTOR_VERSION, pages);

  const places = localWords(extraction.gazetteer, [...extraction.gazetteer.communityProvinces]);
  // Words checked against jieba's own dictionary (what Meilisearch's tokenizer uses): those it would
  // cut in pieces are searched as phrases (src/search/whole-words.ts).
  const wholeWords = dictionaryWords(articles, places, createSegmenter([]).cutByDictionary);
  const settings = indexSettings();
  const servers: IngestServer[] = options.servers ?? [
    { name: DEFAULTS.serverName, papers: null, meili: options.meili ?? null },
  ];
  const indexStarted = Date.now();
  let synced: Awaited<ReturnType<typeof syncServers>>;
  try {
    synced = await syncServers(
      servers,
      extraction.papers.papers.map((p) => p.slug),
      {
        indexUid,
        articles,
        settings,
        wholeWords,
        paperNames: new Map(extraction.papers.papers.map((p) => [p.slug, p.name])),
        stateFile: (server) => paths.indexState(indexUid, server),
        searchUrl: options.searchUrl ?? DEFAULTS.searchUrl,
        previous: existsSync(paths.searchConfig)
          ? (JSON.parse(readFileSync(paths.searchConfig, 'utf8')) as SearchConfigJson)
          : null,
        force: options.force,
        batchBytes: options.batchBytes,
        log: options.log,
        onProgress: (done, total) => options.progress?.('index', done, total),
      },
    );
    // indexVersion names what the index holds (on every server): the research bundle's manifest records it.
    const version = indexVersion(indexState(articlesJsonl, settings, '', wholeWords));
    writeAtomic(
      paths.searchConfig,
      `${JSON.stringify({ ...synced.searchConfig, indexVersion: version, wholeWords }, null, 2)}\n`,
    );
  } catch (error) {
    const host = servers[0]?.meili?.host ?? '(not connected)';
    if (error instanceof MeiliUnavailableError)
      throw new MeiliUnavailableError(host, unavailableMessage(host, error), { cause: error });
    throw error;
  }
  const first = synced.reports[0]!;
  const rebuilt = synced.reports.some((r) => r.action === 'rebuilt');

  const report = ingestReport({
    started,
    finished: Date.now(),
    contentDir: options.contentDir,
    files: fileReports(pages, unchanged),
    articles: articles.length,
    corrections: correctionsReport(corrected.file, corrected.log),
    extractSeconds,
    indexSeconds: (Date.now() - indexStarted) / 1000,
    index: {
      uid: indexUid,
      host: servers.length === 1 ? first.host! : `${servers.length} servers`,
      documents: articles.length,
      action: rebuilt ? 'rebuilt' : 'unchanged',
      staleBuildsRemoved: synced.reports.flatMap((r) => r.staleBuildsRemoved),
      caughtUp: servers.length === 1 && indexLagged && rebuilt,
    },
    servers: synced.reports,
  });
  writeAtomic(paths.report, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}
