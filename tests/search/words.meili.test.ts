import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { highlight, queryTerms } from '../../src/search/snippet.ts';
import { quoteWholeWords } from '../../src/search/whole-words.ts';
import { indexArticles, makeArticle, testClient, uniqueUid } from '../helpers/meili.ts';

const uid = uniqueUid('words');
const articles = [
  makeArticle({
    id: 'hushu',
    headline: '湖墅街道开展垃圾分类宣传',
    body: '湖墅街道的志愿者走进小区。',
  }),
  // jieba cuts 沿湖墅 as 沿湖 墅: the phrase "湖墅" is not there as pieces side by side.
  makeArticle({ id: 'yan-hushu', headline: '夜间巡查', body: '志愿者沿湖墅南路巡查。' }),
  makeArticle({ id: 'hu', headline: '西湖边游人如织', body: '湖面上游船往来，湖边柳树成荫。' }),
  makeArticle({ id: 'shu', headline: '老别墅修缮完工', body: '这幢别墅建于民国，墅内陈设依旧。' }),
  makeArticle({ id: 'hu-shu-apart', headline: '湖畔有座别墅', body: '湖畔的别墅对外开放。' }),
  makeArticle({
    id: 'xiaogema',
    headline: '小哥畅行 一码通办',
    body: '“小哥码”上线后，外卖小哥进出小区更方便。',
  }),
  makeArticle({
    id: 'xiaoge',
    headline: '快递小哥的一天',
    body: '快递小哥每天送件上百单，扫码签收。',
  }),
  makeArticle({
    id: 'reform',
    headline: '深化数字化改革',
    body: '全区推进数字化改革，打造整体智治。',
  }),
  makeArticle({
    id: 'gongshu',
    headline: '拱墅区举办运河文化节',
    body: '拱墅区各街道参与。',
    districts: ['拱墅区'],
  }),
  makeArticle({ id: 'xiacheng', headline: '下城区老旧小区改造', body: '下城区推进改造。' }),
  makeArticle({ id: 'other', headline: '社区运动会举行', body: '居民参加拔河比赛。' }),
];

const WHOLE = ['湖墅', '小哥码'];
beforeAll(() => indexArticles(uid, articles, WHOLE));
afterAll(async () => {
  await testClient().deleteIndex(uid).waitTask();
});

/** As the site sends a query: the archive's whole words as phrases. */
const sent = (q: string) => quoteWholeWords(q, WHOLE);
const ids = async (q: string) =>
  (await testClient().index(uid).search(sent(q), { limit: 50 })).hits.map((h) => h.id).sort();

describe('Chinese words in the index', () => {
  it('matches 湖墅 as one word, not 湖 or 墅 alone, even where jieba cuts it with a neighbour', async () => {
    expect(await ids('湖墅')).toEqual(['hushu', 'yan-hushu']);
  });

  it('matches 小哥码 as one word, not every 小哥 with a 码 nearby', async () => {
    expect(await ids('小哥码')).toEqual(['xiaogema']);
  });

  it('finds simplified 数字化改革 for the traditional 數字化改革', async () => {
    expect(await ids('數字化改革')).toEqual(['reform']);
  });

  it("marks in the browser every word Meilisearch's own highlighter marks", async () => {
    // The search page marks hits itself (src/search/snippet.ts); whatever the server would have
    // marked for these queries, it marks too.
    const marks = { pre: '<mark>', post: '</mark>' };
    // Offsets of the marked characters in the unmarked text.
    const marked = (html: string) => {
      const at: number[] = [];
      let text = 0;
      let inside = false;
      for (const part of html.split(/(<\/?mark>)/)) {
        if (part === '<mark>' || part === '</mark>') inside = part === '<mark>';
        else {
          if (inside) for (let i = 0; i < part.length; i++) at.push(text + i);
          text += part.length;
        }
      }
      return at;
    };
    for (const q of ['小哥码', '快递小哥 扫码', '数字化改革', '湖墅', '别墅', '"湖畔的别墅"']) {
      const { hits } = await testClient()
        .index(uid)
        .search(sent(q), { attributesToHighlight: ['headline', 'body'], limit: 50 });
      expect(hits.length, q).toBeGreaterThan(0);
      for (const hit of hits) {
        const formatted = hit._formatted as { headline: string; body: string };
        for (const field of ['headline', 'body'] as const) {
          const ours = new Set(marked(highlight(hit[field] as string, queryTerms(sent(q)), marks)));
          const theirs = marked(formatted[field]);
          expect(
            theirs.filter((i) => !ours.has(i)),
            `${q}: ${hit.id} ${field} ${formatted[field]}`,
          ).toEqual([]);
        }
      }
    }
  });

  it("finds articles under a district's old and new names (下城区 ↔ 拱墅区)", async () => {
    expect(await ids('下城区')).toEqual(['gongshu', 'xiacheng']);
    expect(await ids('拱墅区')).toEqual(['gongshu', 'xiacheng']);
  });

  it('reads a two-character query as Chinese, not Japanese', async () => {
    expect(await ids('别墅')).toEqual(['hu-shu-apart', 'shu']);
  });
});
