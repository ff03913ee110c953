import { describe, expect, it } from 'vitest';
import { quoteWholeWords } from '../../src/search/whole-words.ts';

const WORDS = ['湖墅', '湖墅街道', '小哥码', '智慧印章'];
const q = (query: string) => quoteWholeWords(query, WORDS);

describe('the archive’s whole words, sent as phrases', () => {
  it('makes each listed word typed alone a phrase', () => {
    expect(q('湖墅')).toBe('"湖墅"');
    expect(q('湖墅街道 开展活动')).toBe('"湖墅街道" 开展活动');
    expect(q('新版 小哥码  湖墅')).toBe('新版 "小哥码"  "湖墅"');
  });

  it('leaves a listed word inside a longer run of characters to jieba, which may read it otherwise', () => {
    // 中国人民政治协商会议 holds 中国人: quoted, 人民 would be cut in two.
    expect(quoteWholeWords('中国人民政治协商会议', ['中国人'])).toBe('中国人民政治协商会议');
    expect(q('湖墅街道开展活动')).toBe('湖墅街道开展活动');
  });

  it('leaves phrases, other words and a query without listed words as they were', () => {
    expect(q('"湖墅街道的志愿者" 小区')).toBe('"湖墅街道的志愿者" 小区');
    expect(q('垃圾分类  宣传')).toBe('垃圾分类  宣传');
    expect(q('')).toBe('');
    expect(quoteWholeWords('湖墅', [])).toBe('湖墅');
  });

  it('excludes a listed word whole, and leaves other exclusions to the query syntax', () => {
    expect(q('亚运 -湖墅')).toBe('亚运 -"湖墅"');
    expect(q('亚运 -湖墅以外')).toBe('亚运 -湖墅以外');
    expect(q('亚运 -"湖墅"')).toBe('亚运 -"湖墅"');
  });

  it('ignores one-character entries, which would make every character a phrase', () => {
    expect(quoteWholeWords('湖边', ['湖'])).toBe('湖边');
  });
});
