/**
 * A search as readers, researchers and the command line state it: the one format for every link the
 * site writes (`searchHref`), the search page's URL (src/site/search-state.ts maps it to InstantSearch),
 * the export menu and the export CLI (the same names as flags). All of them turn it into one
 * Meilisearch request with `toMeiliQuery`, so a link, a bookmarked search and an export agree.
 *
 * Imported by browser code (the search page, the export menu) and by Node (scripts, the site build):
 * keep it free of Node and DOM APIs.
 */
import { normaliseQuery } from './syntax.ts';

export interface SearchRequest {
  q: string;
  districts: string[];
  streets: string[];
  /** Paper names as displayed (paperName). */
  papers: string[];
  reporters: string[];
  /** Any name the article credits (bylines and contributors), whatever the role. */
  people: string[];
  kinds: string[];
  years: number[];
  months: string[];
  /** Inclusive, YYYY-MM-DD (or YYYY-MM / YYYY). */
  from: string | null;
  to: string | null;
  sort: 'relevance' | 'newest' | 'oldest';
  /** Page of results on the search page, from 1; the export always takes every page. */
  page: number;
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
  months: 'month',
  from: 'from',
  to: 'to',
  sort: 'sort',
  page: 'page',
} as const;

export function emptyRequest(): SearchRequest {
  return {
    q: '',
    districts: [],
    streets: [],
    papers: [],
    reporters: [],
    people: [],
    kinds: [],
    years: [],
    months: [],
    from: null,
    to: null,
    sort: 'relevance',
    page: 1,
  };
}

/** The search page's address for a search: every link into search is written with this. */
export function searchHref(request: Partial<SearchRequest>): string {
  const query = toSearchParams({ ...emptyRequest(), ...request }).toString();
  return query ? `/?${query}` : '/';
}

/** 2021-05-24 → 20210524; YYYY-MM and YYYY cover the whole month or year from its start or to its end. */
export function dateToNum(date: string, edge: 'from' | 'to'): number {
  const [y, m, d] = date.split('-').map(Number);
  if (!y) return NaN;
  if (!m) return y * 10000 + (edge === 'from' ? 0 : 1231);
  if (!d) return y * 10000 + m * 100 + (edge === 'from' ? 0 : 31);
  return y * 10000 + m * 100 + d;
}

/**
 * 20210524 → 2021-05-24, the inverse of dateToNum for the same edge: the start of a month or year
 * (day or month 00) reads back as YYYY-MM or YYYY, and so does its end (day 31, month 12) as a `to`.
 */
export function numToDate(n: number, edge: 'from' | 'to' = 'from'): string {
  const y = Math.floor(n / 10000);
  const m = Math.floor(n / 100) % 100;
  const d = n % 100;
  const mm = String(m).padStart(2, '0');
  if (edge === 'to' && m === 12 && d === 31) return String(y);
  if (edge === 'to' && d === 31) return `${y}-${mm}`;
  if (m === 0) return String(y);
  if (d === 0) return `${y}-${mm}`;
  return `${y}-${mm}-${String(d).padStart(2, '0')}`;
}

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function parseSearchParams(params: URLSearchParams): SearchRequest {
  const all = (k: string) =>
    params
      .getAll(k)
      .map((v) => v.trim())
      .filter(Boolean);
  const date = (k: string) => {
    const v = params.get(k)?.trim();
    return v && DATE.test(v) ? v : null;
  };
  const sort = params.get(URL_PARAMS.sort);
  return {
    q: params.get(URL_PARAMS.q)?.trim() ?? '',
    districts: all(URL_PARAMS.districts),
    streets: all(URL_PARAMS.streets),
    papers: all(URL_PARAMS.papers),
    reporters: all(URL_PARAMS.reporters),
    people: all(URL_PARAMS.people),
    kinds: all(URL_PARAMS.kinds),
    years: all(URL_PARAMS.years).map(Number).filter(Number.isInteger),
    months: all(URL_PARAMS.months).filter((m) => /^\d{4}-\d{2}$/.test(m)),
    from: date(URL_PARAMS.from),
    to: date(URL_PARAMS.to),
    sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance',
    page: Math.max(1, Math.floor(Number(params.get(URL_PARAMS.page)) || 1)),
  };
}

export function toSearchParams(req: SearchRequest): URLSearchParams {
  const p = new URLSearchParams();
  if (req.q) p.set(URL_PARAMS.q, req.q);
  const lists: [keyof typeof URL_PARAMS, (string | number)[]][] = [
    ['districts', req.districts],
    ['streets', req.streets],
    ['papers', req.papers],
    ['reporters', req.reporters],
    ['people', req.people],
    ['kinds', req.kinds],
    ['years', req.years],
    ['months', req.months],
  ];
  for (const [key, values] of lists) for (const v of values) p.append(URL_PARAMS[key], String(v));
  if (req.from) p.set(URL_PARAMS.from, req.from);
  if (req.to) p.set(URL_PARAMS.to, req.to);
  if (req.sort !== 'relevance') p.set(URL_PARAMS.sort, req.sort);
  if (req.page > 1) p.set(URL_PARAMS.page, String(req.page));
  return p;
}

/** A value quoted for a Meilisearch filter expression. */
export function quote(value: string | number): string {
  return typeof value === 'number'
    ? String(value)
    : `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * Values of one attribute are OR-ed; attributes are AND-ed (as the site's facets do). The query keeps
 * its syntax (quotes, -exclusions, see syntax.ts), made ready for Meilisearch.
 */
export function toMeiliQuery(req: SearchRequest): { q: string; filter: string[]; sort: string[] } {
  const filter: string[] = [];
  const anyOf = (attribute: string, values: (string | number)[]) => {
    if (values.length) filter.push(values.map((v) => `${attribute} = ${quote(v)}`).join(' OR '));
  };
  anyOf('places.lvl0', req.districts);
  anyOf(
    'places.lvl1',
    req.streets.map((s) =>
      s.includes(' > ') || !req.districts[0] ? s : `${req.districts[0]} > ${s}`,
    ),
  );
  anyOf('paperName', req.papers);
  anyOf('reporters', req.reporters);
  anyOf('people', req.people);
  anyOf('kind', req.kinds);
  anyOf('year', req.years);
  anyOf('month', req.months);
  if (req.from) filter.push(`dateNum >= ${dateToNum(req.from, 'from')}`);
  if (req.to) filter.push(`dateNum <= ${dateToNum(req.to, 'to')}`);
  const sort =
    req.sort === 'newest' ? ['dateNum:desc'] : req.sort === 'oldest' ? ['dateNum:asc'] : [];
  return { q: normaliseQuery(req.q), filter, sort };
}
