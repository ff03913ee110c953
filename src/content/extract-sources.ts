import type { PageRecord } from '../model/page.ts';
import { loadGazetteer, localWords, regionProvinces, type Gazetteer } from '../gazetteer/index.ts';
import { decodeBytes } from '../ingest/decode.ts';
import { extractPage, sha256 } from '../ingest/extract-page.ts';
import { inferRegion } from '../ingest/find-districts.ts';
import { addUserWords } from '../ingest/keywords.ts';
import { findPapersFile, listPageFiles, loadPapers, readSource, type Papers } from './read-sources.ts';

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
  const { loadCommunities } = await import('../gazetteer/index.ts');
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
  let gazetteer = await sharedGazetteer([]);
  gazetteer = await sharedGazetteer([...new Set(papers.papers.flatMap((p) => regionProvinces(gazetteer, p.region)))]);
  const pages: PageRecord[] = [];
  let done = 0;
  for (const { path } of files) {
    let record: PageRecord;
    try {
      const source = readSource(path, papers);
      const hash = sha256(source.bytes);
      const reused = options.reuse?.(source.file, hash) ?? null;
      if (reused) record = reused;
      else {
        // A page without a paper: its communities are found in the province its place names point to.
        if (!source.paper) {
          const decoded = decodeBytes(source.bytes);
          if (decoded.ok) await sharedGazetteer(inferRegion(decoded.text, gazetteer, null).provinceCodes);
        }
        teachLocalWords(gazetteer);
        record = extractPage(source, { gazetteer });
      }
    } catch (error) {
      record = {
        file: path,
        hash: '',
        paper: '',
        date: null,
        datePrecision: 'unknown',
        dateSource: 'unknown',
        page: null,
        encoding: null,
        status: 'skipped',
        reason: (error as Error).message,
        articles: [],
        leftovers: [],
        messages: [{ file: path, line: 0, severity: "error", message: (error as Error).stack ?? String(error) }],
      };
    }
    pages.push(record);
    options.onPage?.(record, ++done, files.length);
  }
  return { papers, gazetteer, pages };
}
