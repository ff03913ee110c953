import { BaokuError, PageRefusedError } from '../errors/index.ts';
import type { PageRecord } from '../model/page.ts';
import {
  loadGazetteer,
  regionProvinces,
  segmenterWords,
  type Gazetteer,
} from '../gazetteer/index.ts';
import { extractPage, type ExtractContext, type PageSource } from '../ingest/extract-page.ts';
import { defaultWorkers, ExtractPool, POOL_MIN_PAGES } from './extract-pool.ts';
import type { Paper } from '../model/paper.ts';
import { createSegmenter, type SegmenterEngine } from '../text/segmenter.ts';
import { statSync } from 'node:fs';
import {
  displayPath,
  findPapersFile,
  listPageFiles,
  loadPapers,
  readSource,
  type Papers,
} from './read-sources.ts';

/** Pages larger than this are refused: see the reason given. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

export interface ExtractOptions {
  /** Called before a file is extracted; return a cached record to skip the work (incremental ingest). */
  reuse?: (file: string, hash: string) => PageRecord | null;
  /** Called as each file is done (not necessarily in file order); the result keeps file order. */
  onPage?: (record: PageRecord, done: number, total: number) => void;
  /** Worker threads to extract on; default: one per core for runs of POOL_MIN_PAGES files or more, else 1. */
  workers?: number;
  /** Called once the dictionaries are loaded, before the first page is extracted (start-up ends here). */
  onReady?: () => void;
  /** The jieba binding to segment with; default @node-rs/jieba (src/text/segmenter.ts). The bench compares both. */
  engine?: SegmenterEngine;
}

export interface Extraction {
  papers: Papers;
  gazetteer: Gazetteer;
  pages: PageRecord[];
}

const gazetteers = new Map<string, Promise<{ gazetteer: Gazetteer; provinces: string[] }>>();
const contexts = new Map<string, Promise<ExtractContext>>();

/** The papers' regions, as the key of what is built from them. */
function regionsKey(papers: Paper[]): string {
  return [...new Set(papers.map((p) => p.region ?? ''))].sort().join('|');
}

/** The gazetteer with the communities of the papers' provinces, loaded once per process and set of regions. */
export function gazetteerFor(
  papers: Paper[],
): Promise<{ gazetteer: Gazetteer; provinces: string[] }> {
  const key = regionsKey(papers);
  let loaded = gazetteers.get(key);
  if (!loaded) {
    loaded = (async () => {
      const base = await loadGazetteer();
      const provinces = [...new Set(papers.flatMap((p) => regionProvinces(base, p.region)))].sort();
      return {
        gazetteer:
          provinces.length > 0 ? await loadGazetteer({ communityProvinces: provinces }) : base,
        provinces,
      };
    })();
    gazetteers.set(key, loaded);
  }
  return loaded;
}

/**
 * What extraction needs, built once before the first page from the papers file alone: the gazetteer
 * with the communities of the papers' provinces, and a segmenter that knows the country's county and
 * city names and the local names of those provinces. Nothing in it changes while pages are read, so a
 * page extracts the same alone, first, or after a thousand others.
 */
export function extractContext(papers: Paper[], engine?: SegmenterEngine): Promise<ExtractContext> {
  const key = `${regionsKey(papers)} ${engine ?? ''}`;
  let context = contexts.get(key);
  if (!context) {
    context = gazetteerFor(papers).then(({ gazetteer, provinces }) => ({
      gazetteer,
      segmenter: createSegmenter(segmenterWords(gazetteer, provinces), { engine }),
    }));
    contexts.set(key, context);
  }
  return context;
}

/**
 * Extract every page under the given files/folders. A file that cannot be read or decoded becomes a
 * skipped record with its reason; it never stops the others.
 */
export async function extractSources(
  paths: string[],
  options: ExtractOptions = {},
): Promise<Extraction> {
  const files = listPageFiles(paths);
  const papersFile = paths.length > 0 ? findPapersFile(paths[0]!) : null;
  const papers = loadPapers(papersFile);
  const gazetteer = (await gazetteerFor(papers.papers)).gazetteer;
  const workers = options.workers ?? (files.length >= POOL_MIN_PAGES ? defaultWorkers() : 1);
  const pool = workers > 1 ? await ExtractPool.start(papers.papers, workers, options.engine) : null;
  const context = pool ? null : await extractContext(papers.papers, options.engine);
  options.onReady?.();
  const pages: PageRecord[] = new Array(files.length);
  let done = 0;
  const firstWithHash = new Map<string, string>();
  const finish = (i: number, record: PageRecord) => {
    pages[i] = record;
    options.onPage?.(record, ++done, files.length);
  };
  const skipped = (path: string, error: unknown): PageRecord => {
    const message = (error as Error).message;
    const file = displayPath(path, papers);
    return {
      file,
      hash: '',
      paper: '',
      date: null,
      datePrecision: 'unknown',
      dateSource: 'unknown',
      page: null,
      encoding: null,
      status: 'skipped',
      reason: message,
      articles: [],
      leftovers: [],
      messages: [
        {
          file,
          line: 0,
          severity: 'error',
          message:
            error instanceof BaokuError
              ? message
              : `${message} (${(error as Error).stack?.split('\n')[1]?.trim() ?? ''})`,
        },
      ],
    };
  };
  // Files are read in order on this thread (reading decides duplicates and reuse); extraction runs on
  // the pool with a bounded number of pages in flight.
  const inFlight = new Set<Promise<void>>();
  try {
    for (let i = 0; i < files.length; i++) {
      const { path } = files[i]!;
      let source: PageSource;
      try {
        const size = statSync(path).size;
        // A newspaper page is tens of kilobytes; a file this large is an export or a mistake, not a page.
        if (size > MAX_PAGE_BYTES)
          throw new PageRefusedError(
            `${(size / 1024 / 1024).toFixed(1)} MB is too large for one page (limit ${MAX_PAGE_BYTES / 1024 / 1024} MB): split it into pages`,
          );
        source = readSource(path, papers);
        const duplicateOf = firstWithHash.get(source.hash);
        if (duplicateOf)
          throw new PageRefusedError(`same content as ${duplicateOf}: not indexed twice`);
        firstWithHash.set(source.hash, source.file);
        const reused = options.reuse?.(source.file, source.hash) ?? null;
        if (reused) {
          finish(i, reused);
          continue;
        }
      } catch (error) {
        finish(i, skipped(path, error));
        continue;
      }
      if (!pool) {
        try {
          finish(i, extractPage(source, context!));
        } catch (error) {
          finish(i, skipped(path, error));
        }
        continue;
      }
      const job = pool.extract(source).then(
        (record) => finish(i, record),
        (error: unknown) => finish(i, skipped(path, error)),
      );
      inFlight.add(job);
      void job.then(() => inFlight.delete(job));
      if (inFlight.size >= workers * 4) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool?.close();
  }
  return { papers, gazetteer, pages };
}
