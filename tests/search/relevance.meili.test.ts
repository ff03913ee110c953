import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractSources } from '../../src/sources/extract-sources.ts';
import type { Article } from '../../src/model/article.ts';
import { quoteWholeWords } from '../../src/search/whole-words.ts';
import { dictionaryWords } from '../../src/search/dictionary.ts';
import { localWords } from '../../src/gazetteer/index.ts';
import { indexArticles, testClient, uniqueUid } from '../helpers/meili.ts';
import { relevanceArticles, TARGETS } from './fixtures/relevance-articles.ts';

const root = resolve(import.meta.dirname, '../..');
const corpus = resolve(root, '../shared/corpus/rmrb-2019-2020');
const corpusPages = [
  ...[1, 2, 3, 4, 5].map((n) => join(corpus, '202002', `rmrb_20200210_p0${n}.txt`)),
  ...[1, 2, 3, 4].map((n) => join(corpus, '201910', `rmrb_20191015_p0${n}.txt`)),
];
const hasCorpus = corpusPages.every(existsSync);

/** What a reader types, and text that identifies the article they mean (its title, or its opening). */
const SEED_QUERIES: [string, string][] = [
  ['小哥码', '小哥畅行'],
  ['智慧印章', '数字赋能'],
  ['冬捕节', '冬捕节拉开帷幕'],
  ['钢瓶使用费', '公告'],
  ['效能指数', '网络单位'],
  ['六讲六做 宣讲', '六讲六做'],
  ['行政审批局 党史学习教育', '三支队伍'],
  ['六大硬仗', '六大硬仗'],
  ['硅谷火炬讲堂', '充电提能'],
  ['喝上优质水', '优质水'],
  ['禁毒大队', '优化营商环境'],
  ['营商环境监督员', '走心实访'],
  ['全域旅游示范市', '玉环'],
  ['清廉家风', '党群连心'],
  ['九九海苔饼', '服务提标'],
  ['全国生态日', '生态绿色'],
  ['新乡贤 协商议事', '乡贤参与'],
  ['侨企 共富', '侨助共富'],
  ['年轻干部 家访', '管育并重'],
  ['物业 三方协同', '三方协同'],
  ['五水共治', '五水共治'],
  ['全年红', '全年红'],
  ['潮创盈丰', '潮创盈丰'],
  ['管道天然气', '监督盯办'],
  ['政法队伍教育整顿', '督查政法队伍'],
  ['基层统战', '统战工作推进会'],
  ['全职妈妈', '全职妈妈'],
  ['限塑', '限塑专项行动'],
  ['未来街区', '未来街区'],
  ['智慧网谷', '智慧网谷'],
  ['杭州中心 武林广场', '杭州中心项目'],
  ['人才专项房', '人才专项房'],
  ['医银合作', '医银合作'],
];

/** Queries for the in-repo articles written for this test (tests/search/fixtures). */
const WRITTEN_QUERIES: [string, string][] = TARGETS.map(([q, key]) => [q, key]);

/** Queries for pages of the benchmark corpus (../shared/corpus), checked when it is beside the checkout. */
const CORPUS_QUERIES: [string, string][] = [
  ['非洲联盟 首脑会议', '非洲联盟'],
  ['默克尔 通电话', '默克尔'],
  ['火神山医院 重症', '火神山医院'],
  ['黄冈 中央指导组', '黄冈'],
  ['疫情防控 财政资金', '财政安排资金'],
  ['确诊病例 下降', '确诊病例数'],
  ['茅盾文学奖 颁奖', '茅盾文学奖颁奖典礼'],
  ['粮食安全', '粮食安全之路'],
  ['数字电视标准 国家', '数字电视标准'],
  ['中印 经贸合作', '中印经贸合作'],
  ['莫斯科中国论坛', '莫斯科中国论坛'],
  ['扶贫日 脱贫攻坚 合力', '凝聚打赢脱贫攻坚战'],
  ['中央财政 公共文化服务', '公共文化服务建设'],
  ['机构编制工作条例 解读', '机构编制工作条例'],
  ['胡春华 塔吉克斯坦', '塔吉克斯坦'],
  ['阿拉伯国家 广播电视 论坛', '广播电视合作论坛'],
  ['李克强 经济形势座谈会', '经济形势座谈会'],
  ['人大代表 学习班 江西', '脱贫攻坚与乡村振兴'],
];

const identifies = (a: Record<string, unknown>, key: string) =>
  `${a.kicker}${a.headline}${a.subheadline}`.includes(key) ||
  (!a.headline && String(a.body).slice(0, 40).includes(key));

/** Index the sample content/ plus `extra`, and check reader queries against it. */
function relevanceSuite(extraPages: string[], queries: [string, string][], minimum: number) {
  const uid = uniqueUid('relevance');
  let articles: Article[] = [];
  let wholeWords: string[] = [];

  beforeAll(async () => {
    const { pages, gazetteer } = await extractSources([join(root, 'content'), ...extraPages]);
    articles = [...pages.flatMap((p) => p.articles), ...relevanceArticles()];
    wholeWords = dictionaryWords(articles, localWords(gazetteer, ['33']));
    await indexArticles(uid, articles, wholeWords);
  });
  afterAll(async () => {
    await testClient().deleteIndex(uid).waitTask();
  });

  it('finds the right article in the top 3 for at least 95% of the queries and first for 90%', async () => {
    // Every query must have its article in the index: a query whose article went missing is a failure, not a skip.
    const unavailable = queries.filter(
      ([, key]) => !articles.some((a) => identifies(a as never, key)),
    );
    expect(unavailable).toEqual([]);
    expect(queries.length).toBeGreaterThanOrEqual(minimum);
    let first = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const [q, key] of queries) {
      const { hits } = await testClient()
        .index(uid)
        .search(quoteWholeWords(q, wholeWords), { limit: 3 });
      const rank = hits.findIndex((h) => identifies(h, key));
      if (rank === 0) first++;
      if (rank >= 0) top3++;
      if (rank !== 0)
        misses.push(
          `${q} → ${hits.map((h) => h.headline || String(h.body).slice(0, 12)).join(' | ')}`,
        );
    }
    const report = {
      queries: queries.length,
      rank1: first / queries.length,
      top3: top3 / queries.length,
      misses,
    };
    console.log(`relevance: ${JSON.stringify(report)}`);
    expect(report.top3).toBeGreaterThanOrEqual(0.95);
    expect(report.rank1).toBeGreaterThanOrEqual(0.9);
  });
}

describe('relevance: reader queries find the article they mean (sample pages and articles in the repository)', () => {
  relevanceSuite([], [...SEED_QUERIES, ...WRITTEN_QUERIES], 48);
});

describe.skipIf(!hasCorpus)(
  'relevance with benchmark corpus pages as well (needs ../shared/corpus beside the checkout; skipped without it)',
  () => {
    relevanceSuite(corpusPages, [...SEED_QUERIES, ...WRITTEN_QUERIES, ...CORPUS_QUERIES], 48);
  },
);
