/**
 * The search page's search client: InstantSearch's widgets ask it in Algolia's terms (one request per
 * widget state: the hits, and one per refined facet for its counts), and it answers each with one
 * /multi-search (src/search/federated.ts: a plain query to one server, federated over several), and
 * marks the hits itself (src/search/snippet.ts). It replaces instant-meilisearch, which bundled its own
 * meilisearch-js and cross-fetch and does not federate.
 */
import {
  federatedSearch,
  type FederatedQuery,
  type SearchServer,
  type SearchTarget,
} from '../search/federated.ts';
import { quote } from '../search/query.ts';
import {
  highlight,
  type Marks,
  type Needles,
  needles,
  queryTerms,
  snippet,
} from '../search/snippet.ts';
import { normaliseQuery } from '../search/syntax.ts';
import { quoteWholeWords } from '../search/whole-words.ts';

/** What InstantSearch sends: an index (with the sort in its name) and Algolia search parameters. */
export interface AlgoliaRequest {
  indexName: string;
  params?: {
    query?: string;
    facets?: string | string[];
    facetFilters?: (string | string[])[];
    numericFilters?: (string | string[])[];
    page?: number;
    hitsPerPage?: number;
    attributesToSnippet?: string[];
    snippetEllipsisText?: string;
    highlightPreTag?: string;
    highlightPostTag?: string;
    maxValuesPerFacet?: number;
  };
}

/** The fields of an article a search hit shows (src/site/search-hits.ts); the rest stays on the server. */
export const HIT_ATTRIBUTES = [
  'id',
  'kicker',
  'headline',
  'subheadline',
  'body',
  'paperName',
  'date',
  'page',
  'districts',
];
/** Highlighted whole; the body only as a snippet (attributesToSnippet), all a hit shows of it. */
const HIGHLIGHTED = ['kicker', 'headline', 'subheadline'];

/** `articles:dateNum:desc` → index `articles`, sort `dateNum:desc` (InstantSearch's sortBy names an index per order). */
export function splitIndexName(indexName: string): { index: string; sort: string[] } {
  const [index, ...rest] = indexName.split(':');
  return { index: index!, sort: rest.length ? [rest.join(':')] : [] };
}

/** `paperName:城东报` → `paperName = "城东报"`; a nested list is OR-ed; `-attr:value` excludes. */
export function facetFilter(filter: string): string {
  const negated = filter.startsWith('-');
  const text = negated ? filter.slice(1) : filter;
  const at = text.indexOf(':');
  const attribute = text.slice(0, at);
  const value = text.slice(at + 1);
  return `${attribute} ${negated ? '!=' : '='} ${quote(value)}`;
}

/** `dateNum>=20230101` → `dateNum >= 20230101`. */
export function numericFilter(filter: string): string {
  const m = /^([\w.]+)\s*(<=|>=|<|>|=|!=)\s*(-?[\d.]+)$/.exec(filter);
  if (!m) throw new Error(`unsupported numeric filter: ${filter}`);
  return `${m[1]} ${m[2]} ${m[3]}`;
}

function filters(params: NonNullable<AlgoliaRequest['params']>): string[] {
  const out: string[] = [];
  for (const f of params.facetFilters ?? [])
    out.push(Array.isArray(f) ? f.map(facetFilter).join(' OR ') : facetFilter(f));
  for (const f of params.numericFilters ?? [])
    out.push(Array.isArray(f) ? f.map(numericFilter).join(' OR ') : numericFilter(f));
  return out;
}

/** Characters of a snippet per word InstantSearch asks for (`body:60`): jieba's words average ~1.7 characters. */
const CHARS_PER_WORD = 5 / 3;

/** How InstantSearch asked for a hit's highlights and snippets. */
interface Marking extends Marks {
  /** The query's needles, made once for every hit (src/search/snippet.ts). */
  terms: Needles;
  /** Attribute → snippet length in words (`attributesToSnippet`). */
  snippets: Map<string, number>;
  marker: string;
}

/**
 * A Meilisearch hit as InstantSearch's Highlight and Snippet read it, marked here rather than by the
 * server (src/search/snippet.ts says why).
 */
function toAlgoliaHit(hit: Record<string, unknown>, marking: Marking) {
  type Result = { value: string; matchLevel: 'full' | 'none'; matchedWords: string[] };
  const result = (value: string): Result => ({
    value,
    matchLevel: value.includes(marking.pre) ? 'full' : 'none',
    matchedWords: [],
  });
  const highlighted: Record<string, Result> = {};
  const snippeted: Record<string, Result> = {};
  for (const attribute of HIGHLIGHTED) {
    const value = hit[attribute];
    if (typeof value === 'string')
      highlighted[attribute] = result(highlight(value, marking.terms, marking));
  }
  for (const [attribute, words] of marking.snippets) {
    const value = hit[attribute];
    if (typeof value === 'string')
      snippeted[attribute] = result(
        snippet(value, marking.terms, {
          ...marking,
          length: Math.round(words * CHARS_PER_WORD),
        }),
      );
  }
  const { _formatted, _federation, ...rest } = hit;
  return {
    ...rest,
    objectID: String(hit.id),
    _highlightResult: highlighted,
    _snippetResult: snippeted,
  };
}

export interface SearchClientOptions {
  /** Told after every answer which servers did not answer (empty when all did). */
  onMissing?: (missing: SearchServer[]) => void;
  fetch?: typeof fetch;
}

/** An InstantSearch search client over the target's servers. */
export function searchClient(
  target: Omit<SearchTarget, 'index'>,
  options: SearchClientOptions = {},
) {
  return {
    async search(requests: AlgoliaRequest[]) {
      const answers = await Promise.all(
        requests.map((request) => answer(target, request, options.fetch)),
      );
      const missing = new Map<string, SearchServer>();
      for (const a of answers) for (const s of a.missing) missing.set(s.name, s);
      options.onMissing?.([...missing.values()]);
      return { results: answers.map((a) => a.result) };
    },
  };
}

async function answer(
  target: Omit<SearchTarget, 'index'>,
  request: AlgoliaRequest,
  doFetch?: typeof fetch,
) {
  const params = request.params ?? {};
  const { index, sort } = splitIndexName(request.indexName);
  const hitsPerPage = params.hitsPerPage ?? 20;
  const page = params.page ?? 0;
  // The search box normalises what is typed; a query read from the address is normalised here, so
  // the page sends what the export sends for the same link (normalising twice changes nothing).
  const q = normaliseQuery(params.query ?? '');
  const marking: Marking = {
    // What is marked is what is searched: the archive's whole words as phrases, marked only whole.
    terms: needles(queryTerms(quoteWholeWords(q, target.wholeWords ?? []))),
    pre: params.highlightPreTag ?? '<mark>',
    post: params.highlightPostTag ?? '</mark>',
    marker: params.snippetEllipsisText ?? '…',
    snippets: new Map(
      (params.attributesToSnippet ?? []).map((a) => {
        const [attribute, words] = a.split(':');
        return [attribute!, words ? Number(words) : 10];
      }),
    ),
  };
  const query: FederatedQuery = {
    q,
    filter: filters(params),
    sort,
    attributesToRetrieve: hitsPerPage > 0 ? HIT_ATTRIBUTES : ['id'],
  };
  const facets =
    params.facets === undefined
      ? []
      : Array.isArray(params.facets)
        ? params.facets
        : [params.facets];
  const result = await federatedSearch(
    { index, servers: target.servers, wholeWords: target.wholeWords },
    query,
    {
      offset: page * hitsPerPage,
      limit: hitsPerPage,
      facets,
      maxValuesPerFacet: params.maxValuesPerFacet,
    },
    doFetch,
  );
  return {
    missing: result.missing,
    result: {
      index: request.indexName,
      hits: result.hits.map((h) => toAlgoliaHit(h, marking)),
      nbHits: result.total,
      page,
      nbPages: hitsPerPage > 0 ? Math.ceil(result.total / hitsPerPage) : 0,
      hitsPerPage,
      processingTimeMS: result.processingTimeMs,
      query: params.query ?? '',
      params: '',
      exhaustiveNbHits: false,
      exhaustiveFacetsCount: true,
      facets: Object.fromEntries(facets.map((f) => [f, result.facetDistribution[f] ?? {}])),
      facets_stats: result.facetStats,
    },
  };
}
