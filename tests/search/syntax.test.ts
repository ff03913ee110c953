import { describe, expect, it } from 'vitest';
import { emptyRequest, toMeiliQuery } from '../../src/search/query.ts';
import { normaliseQuery } from '../../src/search/syntax.ts';

describe('the query syntax, made ready for Meilisearch', () => {
  it('leaves plain words, ASCII phrases and exclusions of Latin words as typed', () => {
    for (const q of [
      '垃圾 分类',
      '"智慧印章"',
      'G20 -test',
      '"亚运 -拱墅区"',
      '亚运 -"拱墅区"',
      '',
    ])
      expect(normaliseQuery(q)).toBe(q);
  });

  it('turns the quotes of Chinese input methods into ASCII quotes', () => {
    expect(normaliseQuery('“智慧城市”')).toBe('"智慧城市"');
    expect(normaliseQuery('「小哥码」 拱墅')).toBe('"小哥码" 拱墅');
    expect(normaliseQuery('＂数字化改革＂')).toBe('"数字化改革"');
  });

  it('quotes an excluded word in Han characters so that it is excluded whole', () => {
    expect(normaliseQuery('亚运 -拱墅区')).toBe('亚运 -"拱墅区"');
    expect(normaliseQuery('-垃圾分类')).toBe('-"垃圾分类"');
    expect(normaliseQuery('回收 -垃圾分类 -旧衣')).toBe('回收 -"垃圾分类" -"旧衣"');
  });

  it('reads a full-width minus and a full-width space as their ASCII forms', () => {
    expect(normaliseQuery('亚运　－拱墅区')).toBe('亚运 -"拱墅区"');
  });

  it('leaves a hyphen inside a word or inside a phrase alone', () => {
    expect(normaliseQuery('G-20 亚运-拱墅')).toBe('G-20 亚运-拱墅');
    expect(normaliseQuery('"亚运 -拱墅区" 杭州')).toBe('"亚运 -拱墅区" 杭州');
  });

  it('is what the export and the CLI send', () => {
    expect(toMeiliQuery({ ...emptyRequest(), q: '“智慧印章” -垃圾分类' }).q).toBe(
      '"智慧印章" -"垃圾分类"',
    );
  });
});
