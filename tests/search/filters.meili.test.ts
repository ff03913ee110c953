import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.ts';
import { toMeiliQuery, emptyRequest } from '../../src/search/query.ts';
import { publishIndex } from '../../src/search/publish-index.ts';
import { indexSettings } from '../../src/search/settings.ts';
import { toDocument } from '../../src/search/document.ts';
import { indexArticles, makeArticle, testClient, uniqueUid } from '../helpers/meili.ts';

const uid = uniqueUid('filters');
const districts = ['上城区', '拱墅区', '钱塘区'];
const articles: Article[] = Array.from({ length: 24 }, (_, i) =>
  makeArticle({
    id: `f${i}`,
    headline: `社区活动第${i}期`,
    body: `第${i}期社区活动在${districts[i % 3]}举行，居民踊跃参加。`,
    date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`,
    datePrecision: 'day',
    dateSource: 'path',
    districts: [districts[i % 3]!],
    streets: i % 3 === 0 ? [{ name: '四季青街道', district: '上城区' }] : [],
    bylines: [{ name: i % 2 ? '林晓' : '何佳', role: '记者' }],
    kind: i % 4 === 0 ? 'brief' : 'article',
  }),
);

beforeAll(() => indexArticles(uid, articles));
afterAll(async () => {
  await testClient().deleteIndex(uid).waitTask();
});

const run = async (req: Partial<ReturnType<typeof emptyRequest>>) => {
  const { q, filter, sort } = toMeiliQuery({ ...emptyRequest(), ...req });
  return testClient()
    .index(uid)
    .search(q, {
      filter,
      sort,
      limit: 1000,
      facets: ['places.lvl0', 'reporters', 'kind', 'year', 'month'],
    });
};

describe('filters and facets', () => {
  it('returns exactly the articles of a district within a date range', async () => {
    const result = await run({ districts: ['拱墅区'], from: '2023-03-01', to: '2023-08-31' });
    const expected = articles
      .filter(
        (a) => a.districts[0] === '拱墅区' && a.date! >= '2023-03-01' && a.date! <= '2023-08-31',
      )
      .map((a) => a.id);
    expect(result.hits.map((h) => h.id).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(0);
  });

  it('narrows to a street through the district → street level', async () => {
    const result = await run({ districts: ['上城区'], streets: ['四季青街道'] });
    expect(result.hits.map((h) => h.id).sort()).toEqual(
      articles
        .filter((a) => a.streets.length)
        .map((a) => a.id)
        .sort(),
    );
  });

  it('reports facet counts that add up to the matching documents', async () => {
    const result = await run({ q: '社区活动', from: '2023-01-01', to: '2023-06-30' });
    const total = result.estimatedTotalHits ?? result.hits.length;
    expect(result.hits).toHaveLength(total);
    const sum = (facet: string) =>
      Object.values(result.facetDistribution?.[facet] ?? {}).reduce((a, b) => a + b, 0);
    expect(sum('places.lvl0')).toBe(total);
    expect(sum('reporters')).toBe(total);
    expect(sum('kind')).toBe(total);
    expect(result.facetDistribution?.['places.lvl0']?.拱墅区).toBe(
      result.hits.filter((h) => h.district === '拱墅区').length,
    );
  });

  it('sorts by date, newest first', async () => {
    const result = await run({ sort: 'newest' });
    const dates = result.hits.map((h) => h.dateNum as number);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('leaves the live index searchable when a rebuild fails, and says why', async () => {
    const bad = [
      ...articles.map(toDocument),
      { ...toDocument(articles[0]!), id: 'not a valid id!' },
    ];
    await expect(
      publishIndex(testClient(), bad, { indexUid: uid, settings: indexSettings() }),
    ).rejects.toThrow(/failed \(task \d+/);
    const after = await testClient().index(uid).search('社区活动', { limit: 100 });
    expect(after.estimatedTotalHits).toBe(articles.length);
    const { results } = await testClient().getIndexes({ limit: 1000 });
    expect(results.filter((i) => i.uid.startsWith(`${uid}_build_`))).toEqual([]);
  });
});
