import { describe, expect, it } from 'vitest';
import { findDate, normaliseDate } from '../../src/ingest/find-dates.ts';

describe('issue dates', () => {
  it('keeps a date from the path or sidecar', () => {
    expect(
      findDate('2019年1月1日 星期二', { date: '2021-05-24', precision: 'day', source: 'path' }),
    ).toEqual({ date: '2021-05-24', precision: 'day', source: 'path' });
  });

  it('reads a masthead date line with its weekday', () => {
    expect(findDate('2021年5月24日 星期一\n\n正文内容。', null)).toEqual({
      date: '2021-05-24',
      precision: 'day',
      source: 'text',
    });
  });

  it('does not take an event date inside an article for the issue date', () => {
    expect(findDate('本报讯 5月21日上午，区领导带队督查。\n2021年12月29日\n', null)).toEqual({
      date: null,
      precision: 'unknown',
      source: 'unknown',
    });
  });

  it('normalises partial dates with their precision and refuses impossible ones', () => {
    expect(normaliseDate('2023-08')).toEqual({ date: '2023-08', precision: 'month' });
    expect(normaliseDate('2023')).toEqual({ date: '2023', precision: 'year' });
    expect(normaliseDate('2023年8月15日')).toEqual({ date: '2023-08-15', precision: 'day' });
    expect(normaliseDate('2023-02-30')).toBeNull();
    expect(normaliseDate('yesterday')).toBeNull();
  });
});
