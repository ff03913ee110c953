import { PartialResultError } from '../errors/index.ts';
import type { Article } from '../model/article.ts';
import { federatedSearch, type SearchServer, type SearchTarget } from '../search/federated.ts';
import { toMeiliQuery, type SearchRequest } from '../search/query.ts';

export interface FetchAllOptions {
  /** The index and the servers holding it (one, or several: the search is federated). */
  target: SearchTarget;
  request: SearchRequest;
  /** Documents per request. */
  pageSize?: number;
  onProgress?: (done: number, total: number) => void;
  /**
   * Go on when a server does not answer, leaving its papers' articles out (default: refuse with a
   * PartialResultError naming them, so that no one takes a partial file for the whole).
   */
  allowPartial?: boolean;
  /** Told which servers were missing when allowPartial let the export go on. */
  onMissing?: (missing: SearchServer[]) => void;
  fetch?: typeof fetch;
}

/** Fields of the stored document that are not part of the Article record. */
const DERIVED = [
  'bodyMore',
  'dateNum',
  'year',
  'month',
  'district',
  'reporters',
  'correspondents',
  'people',
  'places',
  'wholeWords',
  '_formatted',
  '_rankingScore',
  '_federation',
];

/** Documents per request of an export. */
export const EXPORT_PAGE_SIZE = 1000;

/**
 * Every match of a search, in its order, page by page, through the same multi-search as the search
 * page (src/search/federated.ts): offset and limit walk the merged list until it ends, and the
 * index's maxTotalHits is raised at ingest so that they reach every match, not just the first 1,000.
 * Every ranking ends in date, then id, so the order — and the file — is the same on one server or several.
 */
export async function* fetchAll(options: FetchAllOptions): AsyncGenerator<Article> {
  const { q, filter, sort } = toMeiliQuery(options.request);
  const limit = options.pageSize ?? EXPORT_PAGE_SIZE;
  const missing = new Map<string, SearchServer>();
  let done = 0;
  let total = Infinity;
  for (let offset = 0; ; offset += limit) {
    const page = await federatedSearch(
      options.target,
      { q, filter, sort },
      { offset, limit },
      options.fetch,
    );
    const newlyMissing = page.missing.filter((s) => !missing.has(s.name));
    for (const s of page.missing) missing.set(s.name, s);
    if (newlyMissing.length > 0) {
      if (!options.allowPartial)
        throw new PartialResultError(
          [...missing.values()].map((s) => ({ server: s.name, papers: s.papers })),
        );
      options.onMissing?.([...missing.values()]);
    }
    if (total === Infinity) total = page.total;
    for (const hit of page.hits) {
      // The body is stored in two fields (src/search/document.ts): the article has it whole.
      hit.body = `${hit.body ?? ''}${hit.bodyMore ?? ''}`;
      for (const key of DERIVED) delete hit[key];
      // An index built before articles had contributors has none stored.
      hit.contributors ??= [];
      yield hit as unknown as Article;
    }
    done += page.hits.length;
    options.onProgress?.(Math.min(done, total), total);
    if (page.hits.length < limit) break;
  }
}
