import { BaokuError, PageRefusedError } from '../errors/index.ts';
import type { PageRecord } from '../model/page.ts';
import { loadCommunities, loadGazetteer, localWords, regionProvinces, type Gazetteer } from '../gazetteer/index.ts';
import { extractPage } from '../ingest/extract-page.ts';
import { inferRegion } from '../ingest/find-districts.ts';
import { addUserWords } from '../ingest/keywords.ts';
import { statSync } from 'node:fs';
import { displayPath, findPapersFile, listPageFiles, loadPapers, readSource, type Papers } from './read-sources.ts';

/** Pages larger than this are refused: see the reason given. */
export const MAX_PAGE_BYTES = 20 * 1024 * 1024;

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

let gazetteerPromise: Promise<Gazetteer> | null = null;

/** The gazetteer, loaded once per process with the communities of the papers' provinces. */
export async function sharedGazetteer(provinceCodes: string[]): Promise<Gazetteer> {
  gazetteerPromise ??= loadGazetteer({ communityProvinces: provinceCodes });
  const gaz = await gazetteerPromise;
  for (const code of provinceCodes) await loadCommunities(gaz, code);
  return gaz;
}

/**
 * Extract every page under the given files/folders. A file that cannot be read or decoded becomes a
 * skipped record with its reason; it never stops the others.
 */
const taught = new Set<string>();

// jieba learns the place names of each province once, so keywords keep them whole.
function teachLocalWords(gazetteer: Gazetteer) {
  const fresh = [...gazetteer.communityProvinces].filter((p) => !taught.has(p));
  if (fresh.length === 0) return;
  fresh.forEach((p) => taught.add(p));
  addUserWords(localWords(gazetteer, fresh));
}

export async function extractSources(paths: string[], options: ExtractOptions = {}): Promise<Extraction> {
  const files = listPageFiles(paths);
  const papersFile = paths.length > 0 ? findPapersFile(paths[0]!) : null;
  const papers = loadPapers(papersFile);
  const gazetteer = await sharedGazetteer([]);
  await sharedGazetteer([...new Set(papers.papers.flatMap((p) => regionProvinces(gazetteer, p.region)))]);
  const pages: PageRecord[] = [];
  let done = 0;
  const firstWithHash = new Map<string, string>();
  for (const { path } of files) {
    let record: PageRecord;
    try {
      const size = statSync(path).size;
      // A newspaper page is tens of kilobytes; a file this large is an export or a mistake, not a page.
      if (size > MAX_PAGE_BYTES) throw new PageRefusedError(`${(size / 1024 / 1024).toFixed(1)} MB is too large for one page (limit ${MAX_PAGE_BYTES / 1024 / 1024} MB): split it into pages`);
      const source = readSource(path, papers);
      const hash = source.hash;
      const duplicateOf = firstWithHash.get(hash);
      if (duplicateOf) throw new PageRefusedError(`same content as ${duplicateOf}: not indexed twice`);
      firstWithHash.set(hash, source.file);
      const reused = options.reuse?.(source.file, hash) ?? null;
      if (reused) record = reused;
      else {
        // A page without a paper: its communities are found in the province its place names point to.
        if (!source.paper && source.decoded.ok) await sharedGazetteer(inferRegion(source.decoded.text, gazetteer, null).provinceCodes);
        teachLocalWords(gazetteer);
        record = extractPage(source, { gazetteer });
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
        messages: [{ file, line: 0, severity: 'error', message: error instanceof BaokuError ? message : `${message} (${(error as Error).stack?.split('\n')[1]?.trim() ?? ''})` }],
      };
    }
    pages.push(record);
    options.onPage?.(record, ++done, files.length);
  }
  return { papers, gazetteer, pages };
}
