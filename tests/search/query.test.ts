import { describe, expect, it } from 'vitest';
import { dateToNum, emptyRequest, numToDate, parseSearchParams, searchHref, toMeiliQuery, toSearchParams, URL_PARAMS, type SearchRequest } from '../../src/search/query.ts';
import { fromUiState, inputDate, toUiState } from '../../src/site/search-state.ts';

/** A request with every field set, several values where a field takes several. */
const everyField: SearchRequest = {
  q: '亚运 志愿者',
  districts: ['上城区', '拱墅区'],
  streets: ['湖墅街道', '上城区 > 四季青街道'],
  papers: ['城东报', '城西报'],
  reporters: ['林晓', '何佳'],
  people: ['孙丽', '王超'],
  kinds: ['article', 'notice'],
  years: [2022, 2023],
  months: ['2023-05', '2023-06'],
  from: '2023-05',
  to: '2023-06-30',
  sort: 'oldest',
  page: 3,
};

describe('the one search request format', () => {
  it('round-trips every field through URL parameters', () => {
    expect(Object.keys(URL_PARAMS).sort()).toEqual(Object.keys(emptyRequest()).sort());
    expect(parseSearchParams(toSearchParams(everyField))).toEqual(everyField);
    expect(parseSearchParams(toSearchParams(emptyRequest()))).toEqual(emptyRequest());
  });

  it('writes links the search page reads back as the same search', () => {
    expect(searchHref({})).toBe('/');
    expect(searchHref({ people: ['孙丽'], sort: 'newest' })).toBe(`/?person=${encodeURIComponent('孙丽')}&sort=newest`);
    const href = searchHref({ districts: ['拱墅区'], streets: ['湖墅街道'], from: '2023-05', to: '2023-05' });
    expect(parseSearchParams(new URL(href, 'http://x').searchParams)).toEqual({ ...emptyRequest(), districts: ['拱墅区'], streets: ['湖墅街道'], from: '2023-05', to: '2023-05' });
  });

  it('drops values it cannot use instead of guessing', () => {
    const req = parseSearchParams(new URLSearchParams('year=abc&year=2021&month=May&from=yesterday&sort=best&page=-2'));
    expect(req).toEqual({ ...emptyRequest(), years: [2021] });
  });

  it('reads month and year bounds back as they were written', () => {
    for (const date of ['2023', '2023-05', '2023-05-17']) {
      expect(numToDate(dateToNum(date, 'from'), 'from')).toBe(date);
      expect(numToDate(dateToNum(date, 'to'), 'to')).toBe(date);
    }
    expect(toMeiliQuery({ ...emptyRequest(), to: numToDate(dateToNum('2023-02', 'to'), 'to') }).filter).toEqual(['dateNum <= 20230231']);
  });
});

describe('the search page state', () => {
  const index = 'articles';

  it('shows every field of a request in a widget, and reads the same request back', () => {
    const one: SearchRequest = { ...everyField, districts: ['上城区'], streets: ['四季青街道'] };
    expect(fromUiState(toUiState(one, index), index)).toEqual(one);
    expect(fromUiState(toUiState(emptyRequest(), index), index)).toEqual(emptyRequest());
  });

  it('shows a person from a reporter page link as a refinement of the people facet', () => {
    const state = toUiState(parseSearchParams(new URLSearchParams('person=孙丽&sort=newest')), index);
    expect(state).toEqual({ sortBy: 'articles:dateNum:desc', refinementList: { people: ['孙丽'] } });
  });

  it('holds a street as the second level under its district', () => {
    expect(toUiState({ ...emptyRequest(), districts: ['上城区'], streets: ['上城区 > 四季青街道'] }, index).hierarchicalMenu).toEqual({ 'places.lvl0': ['上城区', '四季青街道'] });
  });

  it('fills a date input with a whole day: the first of a month from, its real last day to', () => {
    expect(inputDate(dateToNum('2023-02', 'from'), 'from')).toBe('2023-02-01');
    expect(inputDate(dateToNum('2023-02', 'to'), 'to')).toBe('2023-02-28');
    expect(inputDate(dateToNum('2024', 'to'), 'to')).toBe('2024-12-31');
    expect(inputDate(dateToNum('2024-02-29', 'to'), 'to')).toBe('2024-02-29');
  });
});
