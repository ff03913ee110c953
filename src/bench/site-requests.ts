/**
 * The search page's own requests for the bench and the load test: what InstantSearch asks our search
 * client for on a typical search (query, 1–2 filters, a sort, 3 facets, a 60-word snippet, 10 hits),
 * and the multi-search bodies the client sends for them (it marks and cuts the snippets itself).
 */
import type { SearchTarget } from '../search/federated.ts';
import { searchClient, type AlgoliaRequest } from '../site/search-client.ts';

export const FACETS = ['places.lvl0', 'year', 'paperName'];
/** Searches as the search page sends them: [query, facet filters, sort]. Every one must find articles. */
export const SITE_QUERIES: [string, string[], string][] = [
  ['疫情防控', ['year:2020'], ''],
  ['脱贫攻坚', ['kind:article'], ''],
  ['习近平', ['year:2019'], ''],
  ['人工智能', [], ''],
  ['乡村振兴 产业', ['kind:article'], ''],
  ['"全面建成小康社会"', [], ''],
  ['经济', ['year:2020', 'kind:article'], ''],
  ['改革', ['year:2019', 'month:2019-10'], 'dateNum:desc'],
  ['', ['year:2020'], 'dateNum:desc'],
  ['教育', [], 'dateNum:desc'],
];
export const siteRequests = (index: string): AlgoliaRequest[] =>
  SITE_QUERIES.map(([query, facetFilters, sort]) => ({
    indexName: sort ? `${index}:${sort}` : index,
    params: {
      query,
      facets: FACETS,
      facetFilters,
      hitsPerPage: 10,
      page: 0,
      attributesToSnippet: ['body:60'],
      snippetEllipsisText: '…',
      highlightPreTag: '<mark>',
      highlightPostTag: '</mark>',
    },
  }));

/** The multi-search bodies the search page's client sends for the site's queries (captured from the client itself). */
export async function siteBodies(target: SearchTarget): Promise<string[]> {
  const bodies: string[] = [];
  const capture = (async (_url: string, init: RequestInit) => {
    bodies.push(String(init.body));
    return new Response('{"hits":[],"estimatedTotalHits":0}', {
      headers: { 'Content-Type': 'application/json' },
    });
  }) as unknown as typeof fetch;
  for (const r of siteRequests(target.index))
    await searchClient(target, { fetch: capture }).search([r]);
  return bodies;
}
