import { describe, expect, it } from 'vitest';
import type { GoldRecord } from '../../src/eval/gold.ts';
import {
  bodySpan,
  containsTarget,
  distinctivePhrase,
  isWholeTarget,
  knownItemQueries,
  scoreRelevance,
  type Segmenter,
} from '../../src/bench/known-items.ts';
import { normText } from '../../src/eval/score-extraction.ts';

/** A segmenter for the test: two-character words, keywords by length then order (no dictionary needed). */
const segmenter: Segmenter = {
  cut: (text) => text.match(/.{1,2}/gu) ?? [],
  extract: (text, n) =>
    [...new Set(text.match(/[\u4e00-\u9fff]{2}/gu) ?? [])].slice(0, n).map((word) => ({ word })),
};

const page1 = normText(`
杭州亚运村昨日开村
记者 林晓
本报讯 亚运村昨日正式开村，来自四十五个国家和地区的代表团陆续入住，村内设有运动员餐厅和综合诊所。
村长表示，各项服务保障工作已经准备就绪。
西湖边的书房开到深夜
城市书房延长开放时间到夜里十点，读者可以在下班后借书还书，书房还增加了自习座位和阅读灯。
`);
const page2 = normText(
  '另一版面的文章，讲的是运河边的集市，居民在周末摆摊卖手工艺品，集市热闹非凡，吸引了很多游客。',
);

const gold = (fields: Partial<GoldRecord>): GoldRecord => ({
  file: 'p1.txt',
  kind: 'article',
  titles: [],
  first: '',
  last: '',
  bylines: [],
  districts: [],
  ...fields,
});
const village = gold({
  titles: ['杭州亚运村昨日开村'],
  first: '亚运村昨日正式开村',
  last: '已经准备就绪。',
});
const library = gold({
  titles: ['西湖边的书房开到深夜'],
  first: '城市书房延长开放时间',
  last: '自习座位和阅读灯。',
});

describe('known-item queries from labelled articles', () => {
  it("finds a labelled article's body in its page, from its first snippet to the end of its last", () => {
    const body = bodySpan(page1, village)!;
    expect(body.startsWith('亚运村昨日正式开村')).toBe(true);
    expect(body.endsWith('已经准备就绪。')).toBe(true);
    expect(bodySpan(page1, gold({ first: '不存在的开头', last: '。' }))).toBeNull();
  });

  it('picks a phrase of whole words that occurs once in the whole corpus', () => {
    const corpus = [page1, page2].join('\n');
    const phrase = distinctivePhrase(bodySpan(page1, village)!, corpus, segmenter, {
      phraseMin: 8,
      phraseMax: 12,
    } as never)!;
    expect(phrase.length).toBeGreaterThanOrEqual(8);
    expect(corpus.indexOf(phrase)).toBe(corpus.lastIndexOf(phrase));
  });

  it('makes one query of each kind per usable article, and skips articles it cannot find or that are too short', () => {
    const pages = new Map([['p1.txt', page1]]);
    const lost = gold({ titles: ['无处可寻'], first: '没有这段', last: '文字。' });
    // The corpus minimum body (200 characters) rules out these short ones …
    expect(knownItemQueries([village, library, lost], pages, segmenter, { articles: 10 })).toEqual(
      [],
    );
    // … and with a lower one both found articles qualify, the lost one does not.
    const items = knownItemQueries([village, library, lost], pages, segmenter, {
      articles: 10,
      minBody: 20,
    });
    expect(items.map((i) => `${i.titles}:${i.kind}`)).toEqual([
      '杭州亚运村昨日开村:phrase',
      '杭州亚运村昨日开村:quoted',
      '杭州亚运村昨日开村:keywords',
      '杭州亚运村昨日开村:headline',
      '西湖边的书房开到深夜:phrase',
      '西湖边的书房开到深夜:quoted',
      '西湖边的书房开到深夜:keywords',
      '西湖边的书房开到深夜:headline',
    ]);
    expect(items[1]!.q).toBe(`"${items[0]!.q}"`);
    expect(items[2]!.q.split(' ')).toHaveLength(3);
    expect(items[3]!.q.split(' ')).toHaveLength(2);
  });

  it('scores a hit holding the target as found, and the target under its own titles as whole', () => {
    const item = {
      kind: 'phrase' as const,
      q: '亚运村',
      file: 'p1.txt',
      first: normText(village.first),
      last: normText(village.last),
      titles: '杭州亚运村昨日开村',
    };
    const target = {
      kicker: '',
      headline: '杭州亚运村昨日开村',
      subheadline: '',
      body: bodySpan(page1, village)!,
    };
    const merged = {
      kicker: '',
      headline: '西湖边的书房开到深夜',
      subheadline: '',
      body: `${bodySpan(page1, library)}${target.body}`,
    };
    const other = { kicker: '', headline: '运河集市', subheadline: '', body: page2 };
    expect(containsTarget(target, item)).toBe(true);
    expect(isWholeTarget(target, item)).toBe(true);
    expect(containsTarget(merged, item)).toBe(true);
    expect(isWholeTarget(merged, item)).toBe(false);
    const score = scoreRelevance(
      [item, { ...item, kind: 'keywords' }, { ...item, kind: 'headline' }],
      [
        [target, other],
        [other, merged],
        [other, other],
      ],
    );
    expect(score).toMatchObject({ queries: 3, first: 1 / 3, top3: 2 / 3, whole: 1 / 3 });
    expect(score.mrr).toBeCloseTo((1 + 0.5 + 0) / 3);
    expect(score.byKind.keywords).toMatchObject({ queries: 1, first: 0, top3: 1, mrr: 0.5 });
  });
});
