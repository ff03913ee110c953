/**
 * A search as readers, researchers and the command line state it. The site keeps it in the URL with
 * these parameter names, the export CLI takes the same names as flags, and both turn it into one
 * Meilisearch request with `toMeiliQuery` — so a bookmarked search and an export agree.
 */
export interface SearchRequest {
  q: string;
  districts: string[];
  streets: string[];
  papers: string[];
  reporters: string[];
  /** Any byline name, whatever the role. */
  people: string[];
  kinds: string[];
  years: number[];
  /** Inclusive, YYYY-MM-DD (or YYYY-MM / YYYY). */
  from: string | null;
  to: string | null;
  sort: 'relevance' | 'newest' | 'oldest';
}

export const URL_PARAMS = {
  q: 'q',
  districts: 'district',
  streets: 'street',
  papers: 'paper',
  reporters: 'reporter',
  people: 'person',
  kinds: 'kind',
  years: 'year',
  from: 'from',
  to: 'to',
  sort: 'sort',
} as const;

export function emptyRequest(): SearchRequest {
  return { q: '', districts: [], streets: [], papers: [], reporters: [], people: [], kinds: [], years: [], from: null, to: null, sort: 'relevance' };
}
