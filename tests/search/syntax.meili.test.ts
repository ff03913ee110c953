import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyRequest, toMeiliQuery } from '../../src/search/query.ts';
import { quoteWholeWords } from '../../src/search/whole-words.ts';
import { indexArticles, makeArticle, testClient, uniqueUid } from '../helpers/meili.ts';

// What Meilisearch 1.21 does natively with quotes and "-", checked before relying on it, and the one
// case (an excluded run of Han characters) where the query has to be put differently.
const uid = uniqueUid('syntax');
const articles = [
  makeArticle({
    id: 'seal',
    headline: '智慧印章上线',
    body: '村里使用智慧印章之后，盖章不用再跑。',
  }),
  makeArticle({ id: 'city', headline: '印章管理', body: '智慧城市建设中，印章管理更加规范。' }),
  makeArticle({ id: 'city-reversed', headline: '城市智慧', body: '城市的智慧在于规划。' }),
  makeArticle({ id: 'gongshu', headline: '亚运会志愿者', body: '亚运会志愿者在拱墅区服务。' }),
  makeArticle({ id: 'shangcheng', headline: '亚运场馆', body: '亚运场馆建设在上城区。' }),
  makeArticle({ id: 'waste', headline: '垃圾分类', body: '小区开展垃圾分类宣传。' }),
  makeArticle({ id: 'clothes', headline: '旧衣回收', body: '旧衣分类回收点启用。' }),
];

beforeAll(() => indexArticles(uid, articles));
afterAll(async () => {
  await testClient().deleteIndex(uid).waitTask();
});

const raw = async (q: string) =>
  (await testClient().index(uid).search(q, { limit: 50 })).hits.map((h) => h.id as string).sort();
// As the site and the export send it: the syntax made ready, the archive's whole words as phrases.
const asSent = (q: string) =>
  raw(quoteWholeWords(toMeiliQuery({ ...emptyRequest(), q }).q, ['智慧印章']));
const all = articles.map((a) => a.id);

describe('the query syntax on Meilisearch 1.21', () => {
  it('finds articles holding all of several words, in any order, before those holding only some', async () => {
    // Meilisearch's default matching strategy fills a page with articles missing the last words.
    const ranked = (
      await testClient()
        .index(uid)
        .search(toMeiliQuery({ ...emptyRequest(), q: '智慧 城市' }).q, { limit: 50 })
    ).hits.map((h) => h.id as string);
    expect(ranked.slice(0, 2).sort()).toEqual(['city', 'city-reversed']);
    expect(ranked.slice(2)).toEqual(['seal']);
  });

  it('finds a phrase in quotes only where its words stand side by side', async () => {
    expect(await asSent('"智慧城市"')).toEqual(['city']);
    expect(await asSent('"城市智慧"')).toEqual(['city-reversed']);
  });

  it('reads the quotes of a Chinese input method as a phrase (natively they are not)', async () => {
    expect(await raw('“智慧城市”')).toContain('city-reversed');
    expect(await asSent('“智慧城市”')).toEqual(['city']);
  });

  it('leaves out articles holding a word after "-"', async () => {
    expect(await asSent('亚运 -拱墅区')).toEqual(['shangcheng']);
    expect(await asSent('亚运 -拱墅区 -上城区')).toEqual([]);
  });

  it('excludes a run of Han characters whole (natively only its first word is excluded and the rest required)', async () => {
    expect(await raw('-垃圾分类')).toEqual(['clothes']);
    expect(await asSent('-垃圾分类')).toEqual(all.filter((id) => id !== 'waste').sort());
    expect(await asSent('回收 -垃圾分类')).toEqual(['clothes']);
  });

  it('matches an excluded word as a whole word: -拱墅 does not exclude 拱墅区', async () => {
    expect(await asSent('亚运 -拱墅')).toEqual(['gongshu', 'shangcheng']);
  });
});
