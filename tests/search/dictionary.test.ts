import { describe, expect, it } from 'vitest';
import { pickDictionary } from '../../src/search/dictionary.ts';
import { makeArticle } from '../helpers/meili.ts';

describe('the search dictionary', () => {
  const articles = [
    makeArticle({ id: 'a', headline: '湖墅街道开展活动', body: '小哥码上线，湖墅居民点赞。' }),
    makeArticle({ id: 'b', headline: '小哥码推广', body: '外卖小哥使用小哥码。', bylines: [{ name: '林晓', role: '记者' }] }),
  ];

  it('keeps only candidate words the articles contain', () => {
    expect(pickDictionary(['湖墅', '小哥码', '四季青', '林晓', '钱运社区'], articles)).toEqual(['小哥码', '林晓', '湖墅'].sort());
  });

  it('keeps the most frequent words when there are more than the cap', () => {
    expect(pickDictionary(['湖墅', '小哥码', '林晓'], articles, 1)).toEqual(['小哥码']);
  });
});
