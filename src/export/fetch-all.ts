import { SearchRequestError } from '../errors/index.ts';
import type { Article } from '../model/article.ts';
import { toMeiliQuery, type SearchRequest } from '../search/query.ts';

export interface FetchAllOptions {
  host: string;
  apiKey: string;
  index: string;
  request: SearchRequest;
  /** Documents per request. */
  pageSize?: number;
  onProgress?: (done: number, total: number) => void;
  fetch?: typeof fetch;
}

/** Fields of the stored document that are not part of the Article record. */
const DERIVED = ['dateNum', 'year', 'month', 'district', 'reporters', 'correspondents', 'people', 'places', '_formatted', '_rankingScore'];

/**
 * Every match of a search, in its order, page by page. Numbered pages (page/hitsPerPage) make
 * Meilisearch count the hits exhaustively (totalHits), and the index's maxTotalHits is raised at
 * ingest so that pages reach every match, not just the first 1,000.
 */
export async function* fetchAll(options: FetchAllOptions): AsyncGenerator<Article> {
  const doFetch = options.fetch ?? fetch;
  const { q, filter, sort } = toMeiliQuery(options.request);
  const hitsPerPage = options.pageSize ?? 1000;
  let done = 0;
  let total = Infinity;
  for (let pageNo = 1; done < total; pageNo++) {
    const res = await doFetch(`${options.host.replace(/\/$/, '')}/indexes/${encodeURIComponent(options.index)}/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.apiKey}` },
      body: JSON.stringify({ q, filter, sort, page: pageNo, hitsPerPage }),
    });
    if (!res.ok) throw new SearchRequestError(res.status, await res.text());
    const page = (await res.json()) as { hits: Record<string, unknown>[]; estimatedTotalHits?: number; totalHits?: number };
    if (total === Infinity) total = page.totalHits ?? page.estimatedTotalHits ?? 0;
    if (page.hits.length === 0) break;
    for (const hit of page.hits) {
      for (const key of DERIVED) delete hit[key];
      yield hit as unknown as Article;
    }
    done += page.hits.length;
    options.onProgress?.(Math.min(done, total), total);
  }
}
