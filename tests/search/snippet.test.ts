import { describe, expect, it } from 'vitest';
import { highlight, needles, queryTerms, snippet } from '../../src/search/snippet.ts';

const marks = { pre: '<m>', post: '</m>' };
const cut = (text: string, q: string, length = 30) =>
  snippet(text, queryTerms(q), { ...marks, length, marker: '…' });

describe('the words of a query', () => {
  it('reads quoted phrases whole, leaves out excluded words, folds Latin case', () => {
    expect(queryTerms('"全面建成  小康" 经济 -改革 AI')).toEqual({
      phrases: ['全面建成 小康'],
      words: ['经济', 'ai'],
    });
    expect(queryTerms('   ')).toEqual({ phrases: [], words: [] });
    expect(queryTerms('"未闭合的引号')).toEqual({ phrases: ['未闭合的引号'], words: [] });
  });

  it('matches a Chinese word by its runs of two or more characters, a phrase only whole', () => {
    expect(needles(queryTerms('交通运输')).sort()).toEqual(
      ['交通', '交通运', '交通运输', '通运', '通运输', '运输'].sort(),
    );
    expect(needles(queryTerms('"交通运输"'))).toEqual(['交通运输']);
  });
});

describe('highlight', () => {
  it('marks the longest match at each place, none overlapping', () => {
    expect(highlight('交通运输安全和交通安全', queryTerms('交通运输'), marks)).toBe(
      '<m>交通运输</m>安全和<m>交通</m>安全',
    );
  });

  it('marks a phrase only where it stands whole', () => {
    expect(highlight('小康社会，全面小康', queryTerms('"小康社会"'), marks)).toBe(
      '<m>小康社会</m>，全面小康',
    );
  });

  it('does not mark an excluded word, marks Latin in any case, keeps the text as it was', () => {
    expect(highlight('AI 助力农业，ai 与改革', queryTerms('ai -改革'), marks)).toBe(
      '<m>AI</m> 助力农业，<m>ai</m> 与改革',
    );
  });

  it('does not mark an excluded phrase (the syntax quotes every excluded run of Han characters)', () => {
    expect(highlight('杭州的垃圾分类', queryTerms('杭州 -"垃圾分类"'), marks)).toBe(
      '<m>杭州</m>的垃圾分类',
    );
    expect(highlight('乡村振兴', queryTerms('-"乡村 振兴"'), marks)).toBe('乡村振兴');
  });

  it('marks a phrase typed with spaces between its words where they stand side by side', () => {
    expect(highlight('推进乡村振兴。', queryTerms('"乡村 振兴"'), marks)).toBe(
      '推进<m>乡村振兴</m>。',
    );
  });

  it('marks Latin words and numbers at the start of a word, in full width too', () => {
    expect(highlight('AI said: ＡＩ', queryTerms('ai'), marks)).toBe('<m>AI</m> said: <m>ＡＩ</m>');
    expect(highlight('2023年的亚运会', queryTerms('2023年亚运会'), marks)).toBe(
      '<m>2023</m>年的<m>亚运会</m>',
    );
  });

  it('keeps a pasted paragraph to a bounded number of pieces, as Meilisearch reads ten words', () => {
    const long = '推进城乡融合发展'.repeat(40);
    expect(needles(queryTerms(long)).length).toBeLessThan(6 * long.length);
    expect(queryTerms('一 二 三 四 五 六 七 八 九 十 十一 十二').words).toHaveLength(10);
  });

  it('marks a one-character word wherever it stands', () => {
    expect(highlight('西湖边，湖面', queryTerms('湖'), marks)).toBe('西<m>湖</m>边，<m>湖</m>面');
  });

  it('leaves a text without matches as it is', () => {
    expect(highlight('居民参加拔河比赛。', queryTerms('垃圾分类'), marks)).toBe(
      '居民参加拔河比赛。',
    );
    expect(highlight('居民参加拔河比赛。', queryTerms(''), marks)).toBe('居民参加拔河比赛。');
  });
});

describe('snippet', () => {
  const filler = '街道工作人员走访辖区商户。'.repeat(20);
  const long = `${filler}新版小哥码可以一键登记。${'居民对此表示欢迎。'.repeat(20)}`;

  it('crops a long body around its match, from a clause break, marked, cut on both sides', () => {
    const s = cut(long, '小哥码');
    expect(s).toBe('…新版<m>小哥码</m>可以一键登记。居民对此表示欢迎。居民对此表示欢迎。…');
  });

  it('starts at the beginning when nothing matches, and cuts only where the text goes on', () => {
    expect(cut(long, '垃圾分类')).toBe(`${long.slice(0, 30)}…`);
    expect(cut('短文一篇。', '垃圾分类')).toBe('短文一篇。');
    expect(cut('短文一篇，小哥码。', '小哥码')).toBe('短文一篇，<m>小哥码</m>。');
  });

  it('prefers the stretch holding the whole phrase over scattered pieces of it', () => {
    const text = `交通安全宣传。${'居民对此表示欢迎。'.repeat(10)}全省交通运输系统开会。`;
    expect(cut(text, '交通运输', 20)).toContain('<m>交通运输</m>');
  });

  it('prefers the stretch holding more of the words', () => {
    const text = `乡村产业。${'居民对此表示欢迎。'.repeat(10)}乡村振兴带动产业发展。${'居民对此表示欢迎。'.repeat(10)}`;
    const s = cut(text, '乡村振兴 产业', 20);
    expect(s).toContain('<m>乡村振兴</m>带动<m>产业</m>');
  });

  it('keeps in the snippet every match the window was chosen for', () => {
    const text = `${'甲'.repeat(200)}小哥码${'乙'.repeat(70)}湖墅${'丙'.repeat(200)}`;
    const s = cut(text, '小哥码 湖墅', 80);
    expect(s).toContain('<m>小哥码</m>');
    expect(s).toContain('<m>湖墅</m>');
  });

  it('never cuts a character outside the Basic Multilingual Plane in two', () => {
    const text = `${'𠮷'.repeat(20)}小哥码${'𠮷'.repeat(20)}`;
    for (const length of [9, 10, 11, 12]) {
      const s = cut(text, '小哥码', length);
      expect(s).not.toMatch(
        /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      );
      expect(s).toContain('<m>小哥码</m>');
    }
  });

  it('never cuts a match in two', () => {
    const text = `${'甲'.repeat(28)}小哥码${'乙'.repeat(40)}`;
    const s = cut(text, '"甲甲小哥码"', 10);
    expect(s).toContain('<m>甲甲小哥码</m>');
  });
});
