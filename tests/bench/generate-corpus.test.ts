import { describe, expect, it } from 'vitest';
import { median, percentile, replicate } from '../../src/bench/generate-corpus.ts';
import { Article } from '../../src/model/article.ts';
import { makeArticle } from '../helpers/meili.ts';

describe('benchmark helpers', () => {
  it('replicates articles with unique ids and valid records', () => {
    const base = [1, 2, 3].map((i) =>
      makeArticle({
        id: `b${i}`,
        date: '2020-02-29',
        datePrecision: 'day',
        dateSource: 'path',
        body: `正文${i}`,
      }),
    );
    const many = replicate(base, 10);
    expect(many).toHaveLength(10);
    expect(new Set(many.map((a) => a.id)).size).toBe(10);
    for (const a of many) Article.parse(a);
    expect(many[3]!.date).toBe('2019-02-28');
  });

  it('computes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(median(values)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([5], 99)).toBe(5);
  });
});
