/**
 * The search page's InstantSearch state ↔ the one SearchRequest (src/search/query.ts). The page's URL
 * is written and read by that module's codec, so every link into search, the export menu and the CLI
 * mean the same thing; this file only says which widget shows which field. Pure: no DOM, testable in Node.
 */
import { dateToNum, emptyRequest, numToDate, type SearchRequest } from '../search/query.ts';

/** The part of InstantSearch's UI state (one index) that the search page's widgets use. */
export interface UiState {
  query?: string;
  page?: number;
  sortBy?: string;
  refinementList?: Record<string, string[]>;
  hierarchicalMenu?: Record<string, string[]>;
  range?: Record<string, string>;
}

/** The district → street menu: lvl0 is the district, lvl1 "district > street". */
export const PLACES = 'places.lvl0';

/** Facets shown as lists, by the request field they hold. Values of years are numbers in the request. */
export const LIST_FACETS = {
  papers: 'paperName',
  reporters: 'reporters',
  people: 'people',
  kinds: 'kind',
  years: 'year',
  months: 'month',
} as const satisfies Partial<Record<keyof SearchRequest, string>>;

const SORTS = { newest: 'dateNum:desc', oldest: 'dateNum:asc' } as const;

/** The sortBy value (an index name with a sort) for a request's order. */
export function sortIndex(index: string, sort: SearchRequest['sort']): string {
  return sort === 'relevance' ? index : `${index}:${SORTS[sort]}`;
}

/**
 * A request as the widgets show it. The district menu holds one path: the first district, and the
 * first street in it (links never ask for more; the CLI may, and exports them all).
 */
export function toUiState(req: SearchRequest, index: string): UiState {
  const refinementList: Record<string, string[]> = {};
  for (const [field, attribute] of Object.entries(LIST_FACETS) as [
    keyof typeof LIST_FACETS,
    string,
  ][]) {
    const values = req[field].map(String);
    if (values.length) refinementList[attribute] = values;
  }
  const district = req.districts[0];
  const street = req.streets[0]?.split(' > ').pop();
  const lo = req.from ? dateToNum(req.from, 'from') : '';
  const hi = req.to ? dateToNum(req.to, 'to') : '';
  return {
    ...(req.q ? { query: req.q } : {}),
    ...(req.page > 1 ? { page: req.page } : {}),
    ...(req.sort !== 'relevance' ? { sortBy: sortIndex(index, req.sort) } : {}),
    ...(Object.keys(refinementList).length ? { refinementList } : {}),
    ...(district
      ? { hierarchicalMenu: { [PLACES]: street ? [district, street] : [district] } }
      : {}),
    ...(lo || hi ? { range: { dateNum: `${lo}:${hi}` } } : {}),
  };
}

/** What the widgets show, as a request. */
export function fromUiState(state: UiState, index: string): SearchRequest {
  const req = emptyRequest();
  req.q = state.query ?? '';
  req.page = state.page && state.page > 1 ? state.page : 1;
  req.sort =
    state.sortBy === sortIndex(index, 'newest')
      ? 'newest'
      : state.sortBy === sortIndex(index, 'oldest')
        ? 'oldest'
        : 'relevance';
  const lists = state.refinementList ?? {};
  req.papers = lists[LIST_FACETS.papers] ?? [];
  req.reporters = lists[LIST_FACETS.reporters] ?? [];
  req.people = lists[LIST_FACETS.people] ?? [];
  req.kinds = lists[LIST_FACETS.kinds] ?? [];
  req.years = (lists[LIST_FACETS.years] ?? []).map(Number);
  req.months = lists[LIST_FACETS.months] ?? [];
  const [district, street] = state.hierarchicalMenu?.[PLACES] ?? [];
  if (district) req.districts = [district];
  if (street) req.streets = [street];
  const [lo, hi] = (state.range?.dateNum ?? ':').split(':');
  if (lo) req.from = numToDate(Number(lo), 'from');
  if (hi) req.to = numToDate(Number(hi), 'to');
  return req;
}

/**
 * A dateNum bound as a full date for an <input type="date">, which takes nothing shorter: the start
 * of a month or year is its first day, the end (day 31 of any month) its real last day.
 */
export function inputDate(n: number, edge: 'from' | 'to'): string {
  const y = Math.floor(n / 10000);
  let m = Math.floor(n / 100) % 100;
  let d = n % 100;
  if (edge === 'from') {
    m ||= 1;
    d ||= 1;
  } else {
    m ||= 12;
    d = Math.min(d || 31, new Date(Date.UTC(y, m, 0)).getUTCDate());
  }
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
