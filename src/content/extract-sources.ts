import type { PageRecord } from '../model/page.ts';
import { loadGazetteer, regionProvinces, segmenterWords, type Gazetteer } from '../gazetteer/index.ts';
import { extractPage, type ExtractContext } from '../ingest/extract-page.ts';
import type { Paper } from '../model/paper.ts';
import { createSegmenter } from '../text/segmenter.ts';
import { statSync } from 'node:fs';
import { displayPath, findPapersFile, listPageFiles, loadPapers, readSource, type Papers } from './read-sources.ts';

/** Pages larger than this are refused: see the reason given. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

/** A file refused for a reason the user can act on (not a bug). */
class SkipError extends Error {}

export interface ExtractOptions {
  /** Called before a file is extracted; return a cached record to skip the work (incremental ingest). */
  reuse?: (file: string, hash: string) => PageRecord | null;
  onPage?: (record: PageRecord, done: number, total: number) => void;
}

export interface Extraction {
  papers: Papers;
  gazetteer: Gazetteer;
  pages: PageRecord[];
}

const contexts = new Map<string, Promise<ExtractContext>>();

/**
 * What extraction needs, built once before the first page from the papers file alone: the gazetteer
 * with the communities of the papers' provinces, and a segmenter that knows the country's county and
 * city names and the local names of those provinces. Nothing in it changes while pages are read, so a
 * page extracts the same alone, first, or after a thousand others.
 */
export function extractContext(papers: Paper[]): Promise<ExtractContext> {
  const key = [...new Set(papers.map((p) => p.region ?? ''))].sort().join('|');
  let context = contexts.get(key);
  if (!context) {
    context = (async () => {
      const base = await loadGazetteer();
      const provinces = [...new Set(papers.flatMap((p) => regionProvinces(base, p.region)))].sort();
      const gazetteer = provinces.length > 0 ? await loadGazetteer({ communityProvinces: provinces }) : base;
      const segmenter = createSegmenter(segmenterWords(gazetteer, provinces));
      return { gazetteer, segmenter };
    })();
    contexts.set(key, context);
  }
  return context;
}

/**
 * Extract every page under the given files/folders. A file that cannot be read or decoded becomes a
 * skipped record with its reason; it never stops the others.
 */
export async function extractSources(paths: string[], options: ExtractOptions = {}): Promise<Extraction> {
  const files = listPageFiles(paths);
  const papersFile = paths.length > 0 ? findPapersFile(paths[0]!) : null;
  const papers = loadPapers(papersFile);
  const context = await extractContext(papers.papers);
  const { gazetteer } = context;
  const pages: PageRecord[] = [];
  let done = 0;
  const firstWithHash = new Map<string, string>();
  for (const { path } of files) {
    let record: PageRecord;
    try {
      const size = statSync(path).size;
      // A newspaper page is tens of kilobytes; a file this large is an export or a mistake, not a page.
      if (size > MAX_PAGE_BYTES) throw new SkipError(`${(size / 1024 / 1024).toFixed(1)} MB is too large for one page (limit ${MAX_PAGE_BYTES / 1024 / 1024} MB): split it into pages`);
      const source = readSource(path, papers);
      const hash = source.hash;
      const duplicateOf = firstWithHash.get(hash);
      if (duplicateOf) throw new SkipError(`same content as ${duplicateOf}: not indexed twice`);
      firstWithHash.set(hash, source.file);
      const reused = options.reuse?.(source.file, hash) ?? null;
      if (reused) record = reused;
      else {
        record = extractPage(source, context);
      }
    } catch (error) {
      const message = (error as Error).message;
      const file = displayPath(path, papers);
      record = {
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
        messages: [{ file, line: 0, severity: 'error', message: error instanceof SkipError ? message : `${message} (${(error as Error).stack?.split('\n')[1]?.trim() ?? ''})` }],
      };
    }
    pages.push(record);
    options.onPage?.(record, ++done, files.length);
  }
  return { papers, gazetteer, pages };
}
