/**
 * One search over every server that holds part of the archive: a federated `/multi-search` sent to one
 * server (the entry), with one query per server (`federationOptions.remote`). Meilisearch sends the
 * queries on to the other servers itself (its `network` feature, set up by ingest), merges the hits by
 * ranking — every ranking ends in date, then id, so the order is the same as on one server — and sums
 * the facet counts (`facetsByIndex` + `mergeFacets`). A server that does not answer is named in
 * `remoteErrors`; the answer still holds the others' hits. baoku adds no distributed layer of its own.
 *
 * With one server the query goes to the same endpoint unfederated: no network needs setting up, and a
 * federated search ranks its hits by score to merge them, which cost the search page's request 5.7 ms
 * in Meilisearch instead of 3.1 (100k articles; 250 vs 429 requests/s under load) for the same hits
 * and counts. Used by the search page (src/site/search-client.ts), the export (site and CLI) and the
 * bench. Imported by browser code: keep it free of Node and DOM APIs.
 */
import { SearchRequestError, SearchUnavailableError } from '../errors/index.ts';
import { quoteWholeWords } from './whole-words.ts';

/** A server as the searcher sees it: where to send searches, and a key that may search there. */
export interface SearchServer {
  /** The server's name in the Meilisearch network (baoku.config.json `servers[].name`). */
  name: string;
  /** Its address for searches: an absolute URL, or a path on the site (the same-origin proxy). */
  host: string;
  apiKey: string;
  /** Names of the papers whose articles live on it (paperName): what is missing when it is down. */
  papers: string[];
}

/** Where searches go: the index (the same name on every server) and the servers, entry first. */
export interface SearchTarget {
  index: string;
  servers: SearchServer[];
  /** What the index holds (ingest's indexVersion), recorded by research bundles; absent when unknown. */
  version?: string;
  /** Words searched as phrases when a query holds one as a word of its own (src/search/whole-words.ts). */
  wholeWords?: string[];
}

/** One query, in Meilisearch's terms; every server gets the same. */
export interface FederatedQuery {
  q: string;
  filter?: string[];
  sort?: string[];
  attributesToRetrieve?: string[];
  attributesToHighlight?: string[];
  attributesToCrop?: string[];
  cropLength?: number;
  cropMarker?: string;
  highlightPreTag?: string;
  highlightPostTag?: string;
}

/** Which part of the merged list, and which facets to count (summed over the servers). */
export interface FederatedWindow {
  offset: number;
  limit: number;
  facets?: string[];
  maxValuesPerFacet?: number;
}

export interface FederatedResult {
  hits: Record<string, unknown>[];
  /** Matches on the servers that answered (Meilisearch's estimate, summed; exact below maxTotalHits). */
  total: number;
  facetDistribution: Record<string, Record<string, number>>;
  facetStats: Record<string, { min: number; max: number }>;
  processingTimeMs: number;
  /** Servers that did not answer: their papers' articles are missing from this answer. */
  missing: SearchServer[];
}

/** Defaults of a federated search. */
export const FEDERATION_DEFAULTS = {
  /** Facet values per facet after merging (the index keeps 500 per server). */
  maxValuesPerFacet: 500,
} as const;

/**
 * A server without a key is one ingest has never reached (down since before its first index): it is
 * not asked, and always reported missing.
 */
const reachable = (target: SearchTarget) => target.servers.filter((s) => s.apiKey);

/** The /multi-search body for a query over the target's servers: federated when there are several. */
export function multiSearchBody(
  target: SearchTarget,
  query: FederatedQuery,
  window: FederatedWindow,
) {
  query = { ...query, q: quoteWholeWords(query.q, target.wholeWords ?? []) };
  if (target.servers.length <= 1)
    return {
      queries: [
        {
          indexUid: target.index,
          ...withoutEmpty(query),
          offset: window.offset,
          limit: window.limit,
          ...(window.facets?.length ? { facets: window.facets } : {}),
        },
      ],
    };
  return {
    federation: {
      offset: window.offset,
      limit: window.limit,
      ...(window.facets?.length
        ? {
            facetsByIndex: { [target.index]: window.facets },
            mergeFacets: {
              maxValuesPerFacet: window.maxValuesPerFacet ?? FEDERATION_DEFAULTS.maxValuesPerFacet,
            },
          }
        : {}),
    },
    queries: reachable(target).map((s) => ({
      indexUid: target.index,
      ...withoutEmpty(query),
      federationOptions: { remote: s.name },
    })),
  };
}

function withoutEmpty(query: FederatedQuery) {
  return Object.fromEntries(
    Object.entries(query).filter(
      ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  );
}

interface MultiSearchAnswer {
  hits: Record<string, unknown>[];
  estimatedTotalHits?: number;
  facetDistribution?: Record<string, Record<string, number>>;
  facetStats?: Record<string, { min: number; max: number }>;
  processingTimeMs?: number;
  remoteErrors?: Record<string, unknown>;
}

/** The `max` most frequent values of each facet, as mergeFacets keeps them. */
function topValues(
  distribution: Record<string, Record<string, number>>,
  max: number,
): Record<string, Record<string, number>> {
  return Object.fromEntries(
    Object.entries(distribution).map(([facet, counts]) => [
      facet,
      Object.fromEntries(
        Object.entries(counts)
          .sort((a, b) => b[1] - a[1])
          .slice(0, max),
      ),
    ]),
  );
}

/** No answer at all, or a proxy/overloaded server's: worth asking the next server. */
const unreachable = (status: number) => status === 502 || status === 503 || status === 504;

/**
 * Search every server as one archive. The first server that answers is the entry; when it does not
 * answer at all (refused, or the proxy's 502), the next one is asked. Throws SearchUnavailableError
 * when none answers, SearchRequestError when the search itself is refused.
 */
export async function federatedSearch(
  target: SearchTarget,
  query: FederatedQuery,
  window: FederatedWindow,
  doFetch: typeof fetch = fetch,
): Promise<FederatedResult> {
  const body = JSON.stringify(multiSearchBody(target, query, window));
  const failures: string[] = [];
  const neverReached = target.servers.length > 1 ? target.servers.filter((s) => !s.apiKey) : [];
  for (const entry of reachable(target)) {
    let res: Response;
    try {
      res = await doFetch(`${entry.host.replace(/\/+$/, '')}/multi-search`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${entry.apiKey}` },
        body,
      });
    } catch (error) {
      failures.push(`${entry.name}: ${(error as Error).message}`);
      continue;
    }
    if (unreachable(res.status)) {
      failures.push(`${entry.name}: HTTP ${res.status}`);
      continue;
    }
    if (!res.ok) throw new SearchRequestError(res.status, await res.text());
    const json = (await res.json()) as MultiSearchAnswer & { results?: MultiSearchAnswer[] };
    const answer = json.results?.[0] ?? json;
    const missingNames = new Set([
      ...Object.keys(answer.remoteErrors ?? {}),
      ...neverReached.map((s) => s.name),
    ]);
    return {
      hits: answer.hits,
      total: answer.estimatedTotalHits ?? answer.hits.length,
      facetDistribution: topValues(
        answer.facetDistribution ?? {},
        window.maxValuesPerFacet ?? FEDERATION_DEFAULTS.maxValuesPerFacet,
      ),
      facetStats: answer.facetStats ?? {},
      processingTimeMs: answer.processingTimeMs ?? 0,
      missing: target.servers.filter((s) => missingNames.has(s.name)),
    };
  }
  throw new SearchUnavailableError(failures);
}
