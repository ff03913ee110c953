import { describe, expect, it } from 'vitest';
import {
  dateToNum,
  emptyRequest,
  parseSearchParams,
  type SearchRequest,
} from '../../src/search/query.ts';
import { fromUiState, inputDate, toUiState } from '../../src/site/search-state.ts';

const everyField: SearchRequest = {
  q: '亚运 志愿者',
  districts: ['上城区'],
  streets: ['四季青街道'],
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

describe('the search page state', () => {
  const index = 'articles';

  it('shows every field of a request in a widget, and reads the same request back', () => {
    expect(fromUiState(toUiState(everyField, index), index)).toEqual(everyField);
    expect(fromUiState(toUiState(emptyRequest(), index), index)).toEqual(emptyRequest());
  });

  it('shows a person from a reporter page link as a refinement of the people facet', () => {
    const state = toUiState(
      parseSearchParams(new URLSearchParams('person=孙丽&sort=newest')),
      index,
    );
    expect(state).toEqual({
      sortBy: 'articles:dateNum:desc',
      refinementList: { people: ['孙丽'] },
    });
  });

  it('holds a street as the second level under its district', () => {
    expect(
      toUiState(
        { ...emptyRequest(), districts: ['上城区'], streets: ['上城区 > 四季青街道'] },
        index,
      ).hierarchicalMenu,
    ).toEqual({ 'places.lvl0': ['上城区', '四季青街道'] });
  });

  it('fills a date input with a whole day: the first of a month from, its real last day to', () => {
    expect(inputDate(dateToNum('2023-02', 'from'), 'from')).toBe('2023-02-01');
    expect(inputDate(dateToNum('2023-02', 'to'), 'to')).toBe('2023-02-28');
    expect(inputDate(dateToNum('2024', 'to'), 'to')).toBe('2024-12-31');
    expect(inputDate(dateToNum('2024-02-29', 'to'), 'to')).toBe('2024-02-29');
  });
});
