import { describe, expect, it } from 'vitest';
import {
  dateToNum,
  emptyRequest,
  numToDate,
  parseSearchParams,
  searchHref,
  toMeiliQuery,
  toSearchParams,
  URL_PARAMS,
  type SearchRequest,
} from '../../src/search/query.ts';

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
    expect(searchHref({ people: ['孙丽'], sort: 'newest' })).toBe(
      `/?person=${encodeURIComponent('孙丽')}&sort=newest`,
    );
    const href = searchHref({
      districts: ['拱墅区'],
      streets: ['湖墅街道'],
      from: '2023-05',
      to: '2023-05',
    });
    expect(parseSearchParams(new URL(href, 'http://x').searchParams)).toEqual({
      ...emptyRequest(),
      districts: ['拱墅区'],
      streets: ['湖墅街道'],
      from: '2023-05',
      to: '2023-05',
    });
  });

  it('drops values it cannot use instead of guessing', () => {
    const req = parseSearchParams(
      new URLSearchParams('year=abc&year=2021&month=May&from=yesterday&sort=best&page=-2'),
    );
    expect(req).toEqual({ ...emptyRequest(), years: [2021] });
  });

  it('builds filters: values of one facet OR-ed, facets AND-ed, dates inclusive', () => {
    expect(
      toMeiliQuery({
        ...emptyRequest(),
        districts: ['上城区', '拱墅区'],
        reporters: ['林"晓'],
        from: '2023-01',
        to: '2023',
      }),
    ).toEqual({
      q: '',
      filter: [
        'places.lvl0 = "上城区" OR places.lvl0 = "拱墅区"',
        'reporters = "林\\"晓"',
        'dateNum >= 20230100',
        'dateNum <= 20231231',
      ],
      sort: [],
    });
  });

  it('reads month and year bounds back as they were written', () => {
    for (const date of ['2023', '2023-05', '2023-05-17']) {
      expect(numToDate(dateToNum(date, 'from'), 'from')).toBe(date);
      expect(numToDate(dateToNum(date, 'to'), 'to')).toBe(date);
    }
    expect(
      toMeiliQuery({ ...emptyRequest(), to: numToDate(dateToNum('2023-02', 'to'), 'to') }).filter,
    ).toEqual(['dateNum <= 20230231']);
  });
});
