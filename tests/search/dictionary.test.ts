import { describe, expect, it } from 'vitest';
import { dictionaryWords, pickDictionary } from '../../src/search/dictionary.ts';
import { createSegmenter } from '../../src/text/segmenter.ts';
import { makeArticle } from '../helpers/meili.ts';

describe('the search dictionary', () => {
  const articles = [
    makeArticle({ id: 'a', headline: '湖墅街道开展活动', body: '小哥码上线，湖墅居民点赞。' }),
    makeArticle({
      id: 'b',
      headline: '小哥码推广',
      body: '外卖小哥使用小哥码。',
      bylines: [{ name: '林晓', role: '记者' }],
    }),
  ];

  it('keeps only candidate words the articles contain', () => {
    expect(pickDictionary(['湖墅', '小哥码', '四季青', '林晓', '钱运社区'], articles)).toEqual(
      ['小哥码', '林晓', '湖墅'].sort(),
    );
  });

  it('keeps the most frequent words when there are more than the cap', () => {
    expect(pickDictionary(['湖墅', '小哥码', '林晓'], articles, 1)).toEqual(['小哥码']);
  });

  it("leaves out words jieba's own dictionary keeps whole: they change nothing and cost every query", () => {
    const withPlaces = [
      ...articles,
      makeArticle({ id: 'c', headline: '杭州发布', body: '杭州市民关注小哥码。' }),
    ];
    const cut = createSegmenter([]).cutByDictionary;
    expect(cut('杭州')).toEqual(['杭州']);
    expect(cut('湖墅').length).toBeGreaterThan(1);
    expect(dictionaryWords(withPlaces, ['湖墅', '杭州'])).toContain('杭州');
    const kept = dictionaryWords(withPlaces, ['湖墅', '杭州'], cut);
    expect(kept).not.toContain('杭州');
    expect(kept).toEqual(['林晓', '湖墅']);
  });
});
