import { createHash } from 'node:crypto';
import { DEFAULTS, dataFiles } from '../config/index.ts';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Meilisearch } from "meilisearch";
import { extractSources } from '../sources/extract-sources.ts';
import { localWords } from '../gazetteer/index.ts';
import { EXTRACTOR_VERSION } from '../ingest/extract-page.ts';
import { Article } from '../model/article.ts';
import { PageRecord } from '../model/page.ts';
import { toDocument } from '../search/document.ts';
import { ensureSearchKey } from '../search/keys.ts';
import { indexExists, publishIndex, removeStaleBuilds } from '../search/publish-index.ts';
import { indexSettings } from '../search/settings.ts';
import { pickDictionary } from '../search/dictionary.ts';
import { MeiliUnavailableError } from '../errors/index.ts';
import { unavailableMessage, withRetry } from '../search/tasks.ts';

export interface IngestOptions {
  contentDir: string;
  dataDir: string;
  meili: { host: string; apiKey: string };
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

export interface FileReport {
  file: string;
  status: 'ingested' | 'unchanged' | 'skipped';
  reason: string | null;
  articles: number;
  messages: string[];
}

export interface IngestReport {
  startedAt: string;
  seconds: number;
  contentDir: string;
  filesSeen: number;
  filesIngested: number;
  filesUnchanged: number;
  filesSkipped: number;
  articles: number;
  /** Seconds spent extracting and bringing the index up to date; indexing rate when it was rebuilt. */
  timings: { extractSeconds: number; indexSeconds: number; documentsPerSecond: number | null };
  index: {
    uid: string;
    host: string;
    action: 'rebuilt' | 'unchanged';
    documents: number;
    /** Half-built indexes an earlier, killed run left behind, removed by this one. */
    staleBuildsRemoved: string[];
    /**
     * True when the live index did not hold the articles file an earlier run wrote (that run stopped
     * between writing the file and swapping in the index), so this run rebuilt it.
     */
    caughtUp: boolean;
  };
  files: FileReport[];
}

/** What the live index was last built from (data/index-state-<uid>.json), to tell when it is up to date. */
interface IndexState {
  articles: string;
  settings: string;
  host: string;
}

const round = (seconds: number) => Math.round(seconds * 10) / 10;
const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** Write a file so that readers see the old or the new content, never half of it. */
export function writeAtomic(file: string, content: string, mode?: number) {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content, mode === undefined ? undefined : { mode });
  renameSync(temp, file);
}

function readPreviousPages(file: string): Map<string, PageRecord> {
  const pages = new Map<string, PageRecord>();
  if (!existsSync(file)) return pages;
  const state = JSON.parse(readFileSync(file, 'utf8')) as { version: string; pages: unknown[] };
  if (state.version !== EXTRACTOR_VERSION) return pages;
  for (const raw of state.pages) {
    const parsed = PageRecord.safeParse(raw);
    if (parsed.success) pages.set(parsed.data.file, parsed.data);
  }
  return pages;
}

/** Articles in a fixed order, so the same content always gives the same file, byte for byte. */
export function sortArticles(articles: Article[]): Article[] {
  return [...articles].sort(
    (a, b) => a.paper.localeCompare(b.paper) || (a.date ?? '').localeCompare(b.date ?? '') || a.file.localeCompare(b.file) || a.line - b.line || a.id.localeCompare(b.id),
  );
}

/**
 * Words Meilisearch should keep whole: local place names, people in bylines, and quoted coinages
 * (“小哥码”) — only those the articles contain, the most frequent first (see pickDictionary).
 */
export function dictionaryWords(articles: Article[], places: string[]): string[] {
  const words = new Set(places);
  for (const a of articles) {
    for (const b of a.bylines) words.add(b.name);
    for (const m of `${a.kicker} ${a.headline} ${a.subheadline} ${a.body}`.matchAll(/[“"「]([\u4e00-\u9fff]{2,6})[”"」]/g)) words.add(m[1]!);
  }
  return pickDictionary(words, articles);
}

/**
 * Extract content/, write the articles file, and bring the live index up to date: nothing is done to
 * the index when the articles and settings are unchanged; otherwise a fresh index is built and swapped in.
 */
export async function runIngest(options: IngestOptions): Promise<IngestReport> {
  const started = Date.now();
  const log = options.log ?? (() => {});
  const indexUid = options.indexUid ?? DEFAULTS.index;
  const paths = dataFiles(options.dataDir);
  mkdirSync(options.dataDir, { recursive: true });
  const pagesFile = paths.pages;
  const previous = readPreviousPages(pagesFile);
  const unchanged = new Set<string>();
  let extracted = 0;
  const extraction = await extractSources([options.contentDir], {
    reuse: (file, hash) => {
      const old = previous.get(file);
      if (old && old.hash === hash) {
        unchanged.add(file);
        return old;
      }
      return null;
    },
    onPage: (record, done, total) => {
      extracted += record.articles.length;
      options.progress?.('extract', done, total, extracted);
    },
  });
  const pages = extraction.pages;
  const extractSeconds = (Date.now() - started) / 1000;
  const articles = sortArticles(pages.flatMap((p) => p.articles));
  for (const a of articles) Article.parse(a);

  const articlesJsonl = articles.map((a) => JSON.stringify(a)).join('\n') + (articles.length ? '\n' : '');
  const articlesFile = paths.articles;
  const stateFile = paths.indexState(indexUid);
  const state = existsSync(stateFile) ? (JSON.parse(readFileSync(stateFile, 'utf8')) as IndexState) : null;
  // The articles file is written before the index is rebuilt, so it is the authoritative record of
  // content/; when a run stopped in between, the live index still holds the set before it.
  const previousFile = existsSync(articlesFile) ? readFileSync(articlesFile, 'utf8') : null;
  const indexBehind = state !== null && previousFile !== null && state.articles !== sha(previousFile);
  if (previousFile !== articlesJsonl) writeAtomic(articlesFile, articlesJsonl);
  writeAtomic(pagesFile, JSON.stringify({ version: EXTRACTOR_VERSION, pages }) + '\n');

  const provinces = [...extraction.gazetteer.communityProvinces];
  const settings = indexSettings(dictionaryWords(articles, localWords(extraction.gazetteer, provinces)));
  const client = new Meilisearch({ host: options.meili.host, apiKey: options.meili.apiKey });
  let action: 'rebuilt' | 'unchanged' = 'unchanged';
  let staleBuildsRemoved: string[] = [];
  const indexStarted = Date.now();
  try {
    staleBuildsRemoved = await removeStaleBuilds(client, indexUid);
    const wanted: IndexState = { articles: sha(articlesJsonl), settings: sha(JSON.stringify(settings)), host: options.meili.host };
    const upToDate =
      !options.force &&
      state?.articles === wanted.articles &&
      state.settings === wanted.settings &&
      state.host === wanted.host &&
      (await indexExists(client, indexUid)) &&
      (await withRetry('index stats', () => client.index(indexUid).getStats())).numberOfDocuments === articles.length;
    if (!upToDate) {
      log(`indexing ${articles.length} articles into ${indexUid} at ${options.meili.host} …`);
      await publishIndex(client, articles.map(toDocument), {
        indexUid,
        settings,
        batchBytes: options.batchBytes,
        onProgress: (done, total) => options.progress?.('index', done, total),
      });
      action = 'rebuilt';
      writeAtomic(stateFile, JSON.stringify(wanted) + '\n');
    }
    const searchKey = await withRetry('search key', () => ensureSearchKey(client, indexUid));
    writeAtomic(paths.searchConfig, JSON.stringify({ host: options.meili.host, index: indexUid, apiKey: searchKey }, null, 2) + '\n');
  } catch (error) {
    if (error instanceof MeiliUnavailableError) throw new MeiliUnavailableError(options.meili.host, unavailableMessage(options.meili.host, error), { cause: error });
    throw error;
  }
  const indexSeconds = (Date.now() - indexStarted) / 1000;

  const files: FileReport[] = pages.map((p) => ({
    file: p.file,
    status: p.status === 'skipped' ? 'skipped' : unchanged.has(p.file) ? 'unchanged' : 'ingested',
    reason: p.reason,
    articles: p.articles.length,
    messages: p.messages.map((m) => `${m.file}:${m.line}: ${m.severity}: ${m.message}`),
  }));
  const report: IngestReport = {
    startedAt: new Date(started).toISOString(),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    contentDir: options.contentDir,
    filesSeen: files.length,
    filesIngested: files.filter((f) => f.status === 'ingested').length,
    filesUnchanged: files.filter((f) => f.status === 'unchanged').length,
    filesSkipped: files.filter((f) => f.status === 'skipped').length,
    articles: articles.length,
    timings: {
      extractSeconds: round(extractSeconds),
      indexSeconds: round(indexSeconds),
      documentsPerSecond: action === 'rebuilt' && indexSeconds > 0 ? Math.round(articles.length / indexSeconds) : null,
    },
    index: { uid: indexUid, host: options.meili.host, action, documents: articles.length, staleBuildsRemoved, caughtUp: indexBehind && action === 'rebuilt' },
    files,
  };
  writeAtomic(paths.report, JSON.stringify(report, null, 2) + '\n');
  return report;
}

/** The human summary printed at the end of an ingest. */
export function summarise(report: IngestReport): string {
  const lines = [
    `files: ${report.filesSeen} seen, ${report.filesIngested} ingested, ${report.filesUnchanged} unchanged, ${report.filesSkipped} skipped`,
    ...report.files.filter((f) => f.status === 'skipped').map((f) => `  skipped ${f.file}: ${f.reason}`),
    ...report.files.flatMap((f) => f.messages.filter((m) => !m.includes(': error: ') || f.status !== 'skipped').map((m) => `  ${m}`)),
    ...(report.index.caughtUp ? [`index ${report.index.uid} held an older set of articles than data/articles.jsonl (an earlier run stopped before indexing finished): rebuilt from the file`] : []),
    ...report.index.staleBuildsRemoved.map((uid) => `removed ${uid}, a half-built index an earlier run left behind`),
    `articles: ${report.articles}; index ${report.index.uid}: ${report.index.action === 'rebuilt' ? `rebuilt and swapped in (${report.timings.documentsPerSecond} documents/s)` : 'unchanged'}`,
    `time: ${report.seconds} s (extract ${report.timings.extractSeconds} s, index ${report.timings.indexSeconds} s)`,
  ];
  return lines.join('\n');
}
